// @vitest-environment happy-dom
// Insertion into a plain reply box: at the caret as its own paragraph, or instead of the whole draft.
// (Rich editors are covered in real browsers: test/e2e/editors.e2e.ts.)
import {expect, test} from 'vitest';
import {breakAfter, breakBefore, typeInto} from './adapter.ts';

test.each([
	['', ''],
	['   ', ''],
	['Hi Dana,', '\n\n'],
	['Hi Dana,\n', '\n'],
	['Hi Dana,\n\n', ''],
])('break before %j: %j', (before, expected) => {
	expect(breakBefore(before)).toBe(expected);
});

test.each([
	['', ''],
	['Thanks, Sam', '\n\n'],
	['\nThanks, Sam', '\n'],
	['\n\nThanks, Sam', ''],
])('break after %j: %j', (after, expected) => {
	expect(breakAfter(after)).toBe(expected);
});

function textarea(value: string, caret?: number): HTMLTextAreaElement {
	document.body.innerHTML = '<textarea id="reply"></textarea>';
	const field = document.querySelector<HTMLTextAreaElement>('#reply')!;
	field.value = value;
	field.setSelectionRange(caret ?? value.length, caret ?? value.length);
	return field;
}

test('into an empty box: just the text', () => {
	const field = textarea('');
	expect(typeInto(field, 'Hello')).toEqual({ok: true, via: 'value'});
	expect(field.value).toBe('Hello');
});

test('after a draft: a paragraph break first, no trailing space left before it', () => {
	const field = textarea('Hi Dana, ');
	typeInto(field, 'The refund is on its way.');
	expect(field.value).toBe('Hi Dana,\n\nThe refund is on its way.');
});

test('in the middle of a draft: set off on both sides', () => {
	const draft = 'Hi Dana,Thanks, Sam';
	const field = textarea(draft, 'Hi Dana,'.length);
	typeInto(field, 'The refund is on its way.');
	expect(field.value).toBe('Hi Dana,\n\nThe refund is on its way.\n\nThanks, Sam');
});

test('replace: the whole draft goes, input and change are announced', () => {
	const field = textarea('Hi Dana, as I said, no.', 3);
	const events: string[] = [];
	field.addEventListener('input', event => events.push(event.type));
	field.addEventListener('change', event => events.push(event.type));
	typeInto(field, 'Hi Dana,\n\nI have refunded the charge.', 'replace');
	expect(field.value).toBe('Hi Dana,\n\nI have refunded the charge.');
	expect(events).toEqual(['input', 'change']);
});
