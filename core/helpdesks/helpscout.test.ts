// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {fixtureFiles, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import {customerName, longCount, longThread, shownDateRead} from '../../test/fixtures/generate-long.ts';
import {describeRobustness, describeUrlDetectors, stubExecCommand} from '../../test/unit/adapter-checks.ts';
import {missingParts} from './adapter.ts';
import helpscout, {selectors} from './helpscout.ts';
import {selectorCounts as expected} from '../../test/fixtures/helpscout/counts.ts';

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
		'https://app.helpscout.com/conversations/2345678977/1490',
		'https://app.helpscout.com/conversations/2345678977',
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

const local = (month: number, day: number, hour: number, minute: number) => new Date(2026, month - 1, day, hour, minute).toISOString();

describe('readTicket', () => {
	test('new UI: newest-first threads come out oldest first, the draft left out, the note and the line item kept, no quoted history or signature', () => {
		expect(read('ticket-open.html')).toEqual({
			helpdesk: 'helpscout',
			ticketId: '2345678901',
			ticketNumber: '1456',
			url: 'https://secure.helpscout.net/conversation/2345678901/1456?folderId=7781',
			subject: 'Webhook deliveries failing',
			status: 'active',
			requester: {name: 'Elif Demir', email: 'elif.demir@example.net'},
			assignee: 'Sam Whitaker',
			tags: ['webhooks', 'priority-customer'],
			createdAt: local(3, 3, 9, 30),
			messages: [
				{
					id: '7000',
					role: 'customer',
					author: 'Elif Demir',
					at: local(3, 3, 9, 30),
					text: 'Since yesterday none of our webhooks arrive. Dashboard says "delivered".',
				},
				{
					id: '7001',
					role: 'agent',
					author: 'Sam Whitaker',
					at: local(3, 3, 16, 10),
					text: 'Hi Elif, sorry to hear that. Could you send the endpoint URL?',
				},
				{
					id: '7002',
					role: 'agent',
					internal: true,
					author: 'Sam Whitaker',
					at: local(3, 3, 16, 12),
					text: 'Their endpoint returns 301 to https; our sender does not follow redirects.',
				},
				{
					id: '7003',
					role: 'customer',
					author: 'Elif Demir',
					at: local(3, 4, 11, 58),
					text: 'Still failing. We lost two days of order events. Who is responsible for this?',
				},
				{
					id: '7004',
					role: 'system',
					author: 'Sam Whitaker',
					at: local(3, 4, 12, 1),
					text: 'Sam Whitaker assigned this conversation to Sam Whitaker',
				},
			],
		});
	});

	test('legacy UI: every thread type, the inline earlier conversation and the unsent forward left out, a chat line by someone else unknown', () => {
		const snapshot = read('ticket-legacy.html');
		expect(snapshot).toMatchObject({
			ticketId: '2345678960',
			ticketNumber: '1470',
			subject: 'Refund for duplicate order',
			tags: ['refund', 'orders'],
			requester: {name: 'Nadia Rahman'},
			createdAt: local(3, 9, 8, 0),
		});
		expect(snapshot?.messages.map(message => [message.id, message.role, message.internal ?? false, message.author])).toEqual([
			['8001', 'customer', false, 'Nadia Rahman'],
			['8002', 'agent', false, 'Owen Park'],
			['8003', 'agent', true, 'Owen Park'], // Forwarded to a third party
			['8005', 'agent', false, 'Owen Park'], // A logged call
			['8006', 'customer', false, 'Nadia Rahman'], // Chat line by the customer
			['8007', 'unknown', false, 'Beacon Assistant'], // Chat line by someone else: not guessed
			['8008', 'customer', false, 'Nadia Rahman'], // Voicemail
			['8009', 'system', false, undefined],
			['8010', 'system', false, 'Owen Park'],
			['8011', 'agent', true, 'Owen Park'],
		]);
		expect(snapshot?.messages.at(-1)?.at).toBe(local(3, 12, 8, 5));
	});

	test('app.helpscout.com with /conversations/ URLs: the customer from the title', () => {
		expect(read('ticket-app.html')).toMatchObject({
			ticketId: '2345678977',
			ticketNumber: '1490',
			subject: 'Password reset link expired',
			status: 'active',
			requester: {name: 'Jonas Berg', email: 'jonas.berg@example.se'},
		});
	});

	test('after "next conversation": the shown number must match the URL; oldest-first order and title dates', () => {
		const snapshot = read('ticket-switch.html');
		expect(snapshot?.ticketId).toBe('2345678933');
		expect(snapshot?.messages.map(message => [message.role, message.author, message.at])).toEqual([
			['customer', 'Kofi Mensah', local(3, 4, 10, 5)],
			['agent', 'Ines Ferreira', local(3, 4, 10, 40)],
		]);
		const stale = helpscout.readTicket(
			loadFixture('helpscout', 'ticket-switch.html'),
			new URL('https://secure.helpscout.net/conversation/2345678901/1456'),
		);
		expect(stale).toBeUndefined();
	});

	test('200+ threads shown newest first: all of them, oldest first', () => {
		const snapshot = read('ticket-long.html');
		expect(snapshot?.messages).toHaveLength(longCount);
		expect(snapshot?.messages.map(message => [message.role, message.internal ?? false, message.author, message.text, message.at])).toEqual(
			longThread().map(message => [message.role, message.internal, message.author, message.text, shownDateRead(message.at)]),
		);
		expect(snapshot?.requester?.name).toBe(customerName);
	});

	test('a thread without a known type class: the customer by name, anyone else unknown', () => {
		const page = loadFixture('helpscout', 'ticket-switch.html');
		for (const thread of page.querySelectorAll(selectors.thread)) {
			thread.className = 'thread';
		}

		expect(helpscout.readTicket(page, fixtureUrl('helpscout', 'ticket-switch.html'))?.messages.map(message => message.role)).toEqual([
			'customer',
			'unknown',
		]);
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
	test('new UI: typed into the Slate editor (it applies native input to its own model)', () => {
		const page = loadFixture('helpscout', 'ticket-open.html');
		const typed = stubExecCommand(page);
		expect(helpscout.insertReply(page, 'Hi Elif')).toEqual({ok: true, via: 'insert-text'});
		expect(typed).toEqual([{target: page.querySelector(selectors.editor), text: 'Hi Elif'}]);
	});

	test('legacy UI: Redactor goes through the bridge, the box untouched', () => {
		const page = loadFixture('helpscout', 'ticket-legacy.html');
		const before = page.querySelector(selectors.legacyEditor)?.innerHTML;
		expect(helpscout.insertReply(page, 'Hi Nadia')).toEqual({
			ok: false,
			via: 'bridge',
			editor: 'redactor',
			selector: selectors.legacyEditor,
		});
		expect(page.querySelector(selectors.legacyEditor)?.innerHTML).toBe(before);
	});

	test('the editor inside a frame: says so; reply box closed: asks for Reply', () => {
		expect(helpscout.insertReply(loadFixture('helpscout', 'ticket-app.html'), 'x')).toEqual({
			ok: false,
			via: 'none',
			reason: 'the reply editor is inside a frame Defuse does not enter: copy the reply instead',
		});
		expect(helpscout.insertReply(loadFixture('helpscout', 'ticket-switch.html'), 'x')).toEqual({
			ok: false,
			via: 'none',
			reason: 'reply box closed: press Reply first',
		});
	});
});

describeRobustness(helpscout, 'helpscout', fixtureFiles('helpscout'));
