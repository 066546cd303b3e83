// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {fixtureFiles, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import {describeRobustness, describeUrlDetectors} from '../../test/unit/adapter-checks.ts';
import type {TicketSnapshot} from '../model.ts';
import osticket, {selectors} from './osticket.ts';
import {selectorCounts as expected} from '../../test/fixtures/osticket/counts.ts';

test('every fixture has a count table', () => {
	expect(fixtureFiles('osticket')).toEqual(Object.keys(expected).sort());
});

describe.each(Object.entries(expected))('%s', (file, counts) => {
	const page = loadFixture('osticket', file);
	test.each(Object.entries(counts))('%s → %i', (name, count) => {
		expect(page.querySelectorAll(selectors[name as keyof typeof selectors])).toHaveLength(count);
	});
});

describeUrlDetectors(osticket);

test.each([
	['https://tickets.example.edu/scp/tickets.php?a=open', false, false], // New-ticket form
	['https://tickets.example.edu/scp/tickets.php?a=search&query=printer', false, true],
	['https://tickets.example.edu/tickets.php?id=1207', false, false], // Client portal, not the staff panel
	['https://tickets.example.edu/scp/tickets.php?id=abc', false, false],
])('%s: ticket %s, list %s', (url, ticket, list) => {
	expect(osticket.isTicketPage(new URL(url))).toBe(ticket);
	expect(osticket.isListPage(new URL(url))).toBe(list);
});

const snapshot: TicketSnapshot = {
	helpdesk: 'osticket',
	ticketId: '1207',
	ticketNumber: '482913', // "Ticket #482913" on the page; 1207 is the internal id in the URL
	url: 'https://tickets.example.edu/scp/tickets.php?id=1207',
	subject: 'Printer on the 3rd floor jams every morning',
	status: 'Open',
	priority: 'High',
	requester: {name: 'Greta Lindqvist', email: 'greta.lindqvist@example.edu'},
	assignee: 'Jamal Okafor',
	group: 'Facilities',
	createdAt: '2026-11-02T09:14:00.000Z',
	messages: [
		{
			id: '5501',
			role: 'customer',
			author: 'Greta Lindqvist',
			text: 'Hello,\n\nthe printer next to room 314 jams every morning. We lose an hour each day.',
			at: '2026-11-02T09:14:00.000Z',
		},
		{
			id: '5502',
			role: 'agent',
			author: 'Jamal Okafor',
			text: 'Hi Greta,\n\na technician will look at it tomorrow morning.\n\nJamal\nFacilities Help Desk',
			at: '2026-11-02T10:30:00.000Z',
		},
		{
			id: '5503',
			role: 'agent',
			internal: true,
			author: 'Jamal Okafor',
			text: 'Maintenance contract expired in September; ask purchasing.',
			at: '2026-11-02T10:32:00.000Z',
		},
		{role: 'system', text: 'Jamal Okafor assigned this to Jamal Okafor', at: '2026-11-02T10:33:00.000Z'},
		{
			id: '5504',
			role: 'customer',
			author: 'Greta Lindqvist',
			text: 'Nobody came. It jammed again today and I have a board meeting in an hour. This is unacceptable.',
			at: '2026-11-04T07:55:00.000Z',
		},
	],
};

describe('readTicket', () => {
	test('ticket-open: entries and events in order, roles, note, times, ticket fields', () => {
		expect(osticket.readTicket(loadFixture('osticket', 'ticket-open.html'), fixtureUrl('osticket', 'ticket-open.html'))).toEqual(snapshot);
	});

	test('PJAX switch: the content of another ticket is not read under this URL', () => {
		expect(
			osticket.readTicket(loadFixture('osticket', 'ticket-switch.html'), fixtureUrl('osticket', 'ticket-switch.html')),
		).toBeUndefined();
	});

	test('newest-first thread order is put back into time order', () => {
		const read = osticket.readTicket(
			loadFixture('osticket', 'ticket-switch.html'),
			new URL('https://tickets.example.edu/scp/tickets.php?id=1198'),
		);
		expect(read?.subject).toBe('Projector in lecture hall B has no signal');
		expect(read?.messages.map(message => message.id ?? message.role)).toEqual(['5501', '5502', '5503', 'system', '5504']);
	});

	test('unassigned, and plain-text fields for staff without edit permissions', () => {
		const page = loadFixture('osticket', 'ticket-open.html');
		page.querySelector(selectors.assignee)!.innerHTML = '<span class="faded">&mdash; Unassigned &mdash;</span>';
		for (const link of page.querySelectorAll(`${selectors.status}, ${selectors.department}`)) {
			link.replaceWith(page.createTextNode(link.textContent ?? ''));
		}

		const read = osticket.readTicket(page, fixtureUrl('osticket', 'ticket-open.html'));
		expect(read).toMatchObject({assignee: undefined, status: 'Open', group: 'Facilities'});
	});

	test('long thread', () => {
		const messages =
			osticket.readTicket(loadFixture('osticket', 'ticket-long.html'), fixtureUrl('osticket', 'ticket-long.html'))?.messages ?? [];
		expect(messages).toHaveLength(240);
		expect(messages.filter(message => message.role === 'system')).toHaveLength(8);
		expect(messages.filter(message => message.internal)).toHaveLength(34);
		expect(messages.filter(message => message.role === 'customer')).toHaveLength(99);
		expect(messages.some(message => message.text.includes('must not be read twice'))).toBe(false);
		const times = messages.map(message => Date.parse(message.at ?? ''));
		expect(times).toEqual([...times].sort((a, b) => a - b));
	});
});

test('readList: ids from the checkbox or, without it, from the ticket link; the subject is the non-numeric link', () => {
	expect(osticket.readList(loadFixture('osticket', 'list.html'), fixtureUrl('osticket', 'list.html'))).toEqual([
		{ticketId: '1207', subject: 'Printer on the 3rd floor jams every morning'},
		{ticketId: '1198', subject: 'Projector in lecture hall B <no signal>'},
		{ticketId: '1185', subject: 'Door badge reader offline'},
	]);
});

describe('insertReply', () => {
	test('Redactor (rich text on): handed to the bridge by the textarea id', () => {
		const page = loadFixture('osticket', 'ticket-open.html');
		expect(osticket.insertReply(page, 'Hello Greta')).toEqual({ok: false, via: 'bridge', editor: 'redactor', selector: '#response'});
		expect(page.querySelector(selectors.replyEditor)?.textContent).toBe('');
	});

	test('rich text off: the plain textarea gets the text and an input event', () => {
		const page = loadFixture('osticket', 'ticket-open.html');
		page.querySelector('.redactor-in')?.remove();
		const textarea = page.querySelector<HTMLTextAreaElement>(selectors.replyTextarea)!;
		textarea.classList.remove('richtext');
		textarea.value = 'Hi Greta, ';
		textarea.setSelectionRange(textarea.value.length, textarea.value.length);
		const events: string[] = [];
		textarea.addEventListener('input', event => events.push(event.type));
		expect(osticket.insertReply(page, 'sorry for the wait.')).toEqual({ok: true, via: 'value'});
		// An inserted reply is its own paragraph after what the agent had typed.
		expect(textarea.value).toBe('Hi Greta,\n\nsorry for the wait.');
		expect(events).toEqual(['input']);
		expect(page.querySelector<HTMLTextAreaElement>('#internal_note')?.value).toBe(''); // Never the internal note
	});

	test('no reply form (list page)', () => {
		expect(osticket.insertReply(loadFixture('osticket', 'list.html'), 'x')).toMatchObject({ok: false, via: 'none'});
	});
});

describeRobustness(osticket, 'osticket', fixtureFiles('osticket'));
