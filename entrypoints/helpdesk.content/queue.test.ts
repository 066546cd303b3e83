// @vitest-environment happy-dom
import {shippedToneLexicon} from '../../core/tone.ts';
import {expect, test} from 'vitest';
import {builtInPacks} from '../../core/signals/phrases.ts';
import {cues} from '../../core/templates/cues.ts';
import {listRowMark, rowElementFor, ticketHref} from './queue.ts';

const engine = {packs: builtInPacks, templates: [], cues, tone: shippedToneLexicon};

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

test('a marker links to its ticket on this helpdesk only', () => {
	document.body.innerHTML =
		'<a href="/agent/tickets/1002">x</a><a href="javascript:alert(1)//tickets/66">y</a><a href="https://elsewhere.example/tickets/77">z</a>';
	expect(ticketHref(document, '1002')).toBe(new URL('/agent/tickets/1002', document.baseURI).href);
	expect(ticketHref(document, '66')).toBeUndefined();
	expect(ticketHref(document, '77')).toBeUndefined();
});

const now = Date.parse('2026-03-05T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000).toISOString();

test.each([
	[{ticketId: '1', subject: 'I will file a chargeback', at: hoursAgo(1)}, 'watch', /payment dispute/],
	[{ticketId: '2', subject: 'Calendar sync broken again', at: hoursAgo(2)}, 'watch', /repeat contact/],
	[{ticketId: '3', subject: 'Order #55821 never arrived', at: hoursAgo(3)}, 'watch', /order not delivered: 'never arrived'/],
	[{ticketId: '4', subject: 'How do I export invoices?', at: hoursAgo(30)}, 'watch', /^no update for 30 h$/],
])('from the list alone: %j', (row, level, reason) => {
	const mark = listRowMark(row, now, engine);
	expect(mark?.level).toBe(level);
	expect(mark?.source).toBe('list');
	expect(
		mark?.reasons.some(text => reason.test(text)),
		mark?.reasons.join(' | '),
	).toBe(true);
});

test('a quiet, recent row is not marked', () => {
	expect(listRowMark({ticketId: '9', subject: 'How do I export invoices?', at: hoursAgo(2)}, now, engine)).toBeUndefined();
	expect(listRowMark({ticketId: '9'}, now, engine)).toBeUndefined();
});
