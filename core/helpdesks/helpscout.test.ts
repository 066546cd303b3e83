// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {fixtureFiles, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import {customerName, longCount, longThread} from '../../test/fixtures/generate-long.ts';
import {describeRobustness, describeUrlDetectors} from '../../test/unit/adapter-checks.ts';
import {missingParts} from './adapter.ts';
import helpscout, {selectors} from './helpscout.ts';
import {selectorCounts as expected} from './helpscout.counts.ts';

test('every fixture has a count table', () => {
	expect(Object.keys(expected).sort()).toEqual(fixtureFiles('helpscout'));
});

describe.each(Object.entries(expected))('%s', (file, counts) => {
	const page = loadFixture('helpscout', file);
	test.each(Object.entries(counts))('%s -> %i', (name, count) => {
		expect(page.querySelectorAll(selectors[name as keyof typeof selectors])).toHaveLength(count);
	});
});

describeUrlDetectors(helpscout);

describe('URL shapes', () => {
	test.each([
		'https://secure.helpscout.net/conversation/2345678901/',
		'https://secure.helpscout.net/conversation/2345678901',
		'http://127.0.0.1:5178/conversation/2345678901/1456', // A local copy: both numbers needed
	])('ticket: %s', url => {
		expect(helpscout.isTicketPage(new URL(url))).toBe(true);
	});
	test.each([
		'https://desk.example.com/conversation/1543', // FreeScout: one number on another host
		'https://secure.helpscout.net/conversation/2345678901/1456/edit',
		'https://secure.helpscout.net/mailbox/8a7b6c5d4e3f2a10/new-ticket/',
		'https://secure.helpscout.net/reports/conversations',
	])('neither: %s', url => {
		expect(helpscout.isTicketPage(new URL(url))).toBe(false);
		expect(helpscout.isListPage(new URL(url))).toBe(false);
	});
});

const read = (file: string) => helpscout.readTicket(loadFixture('helpscout', file), fixtureUrl('helpscout', file));

describe('readTicket', () => {
	test('newest-first threads come out oldest first, with the note, the line item, and no quoted history or signature', () => {
		expect(read('ticket-open.html')).toEqual({
			helpdesk: 'helpscout',
			ticketId: '2345678901',
			url: 'https://secure.helpscout.net/conversation/2345678901/1456?folderId=7781',
			subject: 'Webhook deliveries failing',
			status: 'active',
			requester: {name: 'Elif Demir', email: 'elif.demir@example.net'},
			assignee: 'Sam Whitaker',
			tags: ['webhooks', 'priority-customer'],
			createdAt: '2026-03-03T09:30:00.000Z',
			messages: [
				{id: '7000', role: 'customer', author: 'Elif Demir', at: '2026-03-03T09:30:00.000Z', text: 'Since yesterday none of our webhooks arrive. Dashboard says "delivered".'},
				{id: '7001', role: 'agent', author: 'Sam Whitaker', at: '2026-03-03T16:10:00.000Z', text: 'Hi Elif, sorry to hear that. Could you send the endpoint URL?'},
				{id: '7002', role: 'agent', internal: true, author: 'Sam Whitaker', at: '2026-03-03T16:12:00.000Z', text: 'Their endpoint returns 301 to https; our sender does not follow redirects.'},
				{id: '7003', role: 'customer', author: 'Elif Demir', at: '2026-03-04T11:58:00.000Z', text: 'Still failing. We lost two days of order events. Who is responsible for this?'},
				{id: '7004', role: 'system', author: 'Sam Whitaker', at: '2026-03-04T12:01:00.000Z', text: 'Sam Whitaker assigned to Sam Whitaker'},
			],
		});
	});

	test('after "next conversation": the shown number must match the URL; oldest-first order and title dates', () => {
		const snapshot = read('ticket-switch.html');
		expect(snapshot?.ticketId).toBe('2345678933');
		expect(snapshot?.messages.map(message => [message.role, message.author, message.at])).toEqual([
			['customer', 'Kofi Mensah', new Date(2026, 2, 4, 10, 5).toISOString()],
			['agent', 'Ines Ferreira', new Date(2026, 2, 4, 10, 40).toISOString()],
		]);
		const stale = helpscout.readTicket(loadFixture('helpscout', 'ticket-switch.html'), new URL('https://secure.helpscout.net/conversation/2345678901/1456'));
		expect(stale).toBeUndefined();
	});

	test('200+ threads shown newest first: all of them, oldest first', () => {
		const snapshot = read('ticket-long.html');
		expect(snapshot?.messages).toHaveLength(longCount);
		expect(snapshot?.messages.map(message => [message.role, message.internal ?? false, message.author, message.text, message.at]))
			.toEqual(longThread().map(message => [message.role, message.internal, message.author, message.text, message.at]));
		expect(snapshot?.requester?.name).toBe(customerName);
	});

	test('a chat thread takes its side from the author', () => {
		const page = loadFixture('helpscout', 'ticket-switch.html');
		for (const thread of page.querySelectorAll(selectors.thread)) {
			thread.className = 'thread chat';
		}

		expect(helpscout.readTicket(page, fixtureUrl('helpscout', 'ticket-switch.html'))?.messages.map(message => message.role)).toEqual(['customer', 'agent']);
	});

	test('undefined while rendering and on list pages; says what is missing', () => {
		const page = loadFixture('helpscout', 'ticket-open.html');
		for (const body of page.querySelectorAll(selectors.body)) {
			body.remove();
		}

		expect(helpscout.readTicket(page, fixtureUrl('helpscout', 'ticket-open.html'))).toBeUndefined(); // A line item alone is not a conversation
		expect(missingParts(helpscout, page)).toEqual(['body']);
		expect(helpscout.readTicket(loadFixture('helpscout', 'list.html'), fixtureUrl('helpscout', 'list.html'))).toBeUndefined();
	});
});

test('readList finds rows through their conversation links', () => {
	expect(helpscout.readList(loadFixture('helpscout', 'list.html'), fixtureUrl('helpscout', 'list.html'))).toEqual([
		{ticketId: '2345678901', subject: 'Webhook deliveries failing', requester: 'Elif Demir', at: '2026-03-04T12:01:00.000Z'},
		{ticketId: '2345678933', subject: 'Cancel my plan', requester: 'Kofi Mensah', at: '2026-03-04T10:40:00.000Z'},
		{ticketId: '2345678950', subject: 'Invoice in SEK please', requester: 'Lars Berg', at: undefined},
	]);
});

describe('insertReply', () => {
	test('Redactor goes through the bridge, the box untouched', () => {
		const page = loadFixture('helpscout', 'ticket-open.html');
		const before = page.querySelector(selectors.editor)?.innerHTML;
		expect(helpscout.insertReply(page, 'Hi Elif')).toEqual({ok: false, via: 'bridge', editor: 'redactor', selector: selectors.editor});
		expect(page.querySelectorAll(selectors.editor)).toHaveLength(1);
		expect(page.querySelector(selectors.editor)?.innerHTML).toBe(before);
	});

	test('reply box closed: asks for Reply', () => {
		expect(helpscout.insertReply(loadFixture('helpscout', 'ticket-switch.html'), 'x')).toEqual({ok: false, via: 'none', reason: 'reply box closed: press Reply first'});
	});
});

describeRobustness(helpscout, 'helpscout', fixtureFiles('helpscout'));
