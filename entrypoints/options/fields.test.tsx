// @vitest-environment happy-dom
import {cleanup, render, screen} from '@testing-library/preact';
import {useState} from 'preact/hooks';
import {afterEach, expect, test} from 'vitest';
import {TextField} from './fields.tsx';

afterEach(cleanup);

const normalizeList = (text: string) =>
	text
		.split(',')
		.map(part => part.trim())
		.filter(Boolean)
		.join(', ');

function ListField() {
	const [list, setList] = useState<string[]>([]);
	return (
		<TextField
			label="Values"
			value={list.join(', ')}
			normalize={normalizeList}
			onChange={text =>
				setList(
					text
						.split(',')
						.map(part => part.trim())
						.filter(Boolean),
				)
			}
		/>
	);
}

const nextTask = async () => new Promise(resolve => setTimeout(resolve, 0));

test('a parsed field keeps every keystroke when the page renders between keystrokes but its effects run later', async () => {
	render(<ListField />);
	const field = screen.getByLabelText<HTMLInputElement>('Values');
	// As a fast typist (or a browser under load) does: one input event per key, a render after each,
	// and the effects of those renders still waiting for a paint.
	let typed = '';
	for (const key of 'mitarbeiter, bot') {
		typed = field.value + key;
		field.value = typed;
		field.dispatchEvent(new Event('input', {bubbles: true}));
		await nextTask();
	}

	await new Promise(resolve => setTimeout(resolve, 100));
	expect(field.value).toBe('mitarbeiter, bot');
});
