// @vitest-environment happy-dom
import {expect, test} from 'vitest';
import {rowElementFor} from './queue.ts';

test('finds the row around a link to the ticket, not a longer id that contains it', () => {
	document.body.innerHTML = `<table>
		<tr id="r1"><td><a href="/agent/tickets/10021">#10021</a></td></tr>
		<tr id="r2"><td><a href="/agent/tickets/1002">#1002</a></td></tr>
		<tr id="r3"><td>#77</td></tr>
	</table><div id="z"><a href="/#ticket/zoom/812">Printer</a></div>`;
	expect(rowElementFor(document, '1002')?.id).toBe('r2');
	expect(rowElementFor(document, '#10021')?.id).toBe('r1');
	expect(rowElementFor(document, '77')?.id).toBe('r3');
	expect(rowElementFor(document, '812')?.tagName).toBe('A'); // No row around it: the link itself
	expect(rowElementFor(document, '5')).toBeUndefined();
});
