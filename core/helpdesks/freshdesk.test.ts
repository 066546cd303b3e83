// @vitest-environment happy-dom
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {fixtureFiles, fixturesDir, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import {customerName, longCount, longThread, shownDateRead} from '../../test/fixtures/generate-long.ts';
import {describeRobustness, describeUrlDetectors, stubExecCommand} from '../../test/unit/adapter-checks.ts';
import {missingParts} from './adapter.ts';
import {queryAllDeep} from './dom.ts';
import freshdesk, {apiUrls, hasNextPage, peopleUrls, selectors, snapshotFromApi} from './freshdesk.ts';
import {selectorCounts as expected} from '../../test/fixtures/freshdesk/counts.ts';

test('every fixture has a count table', () => {
	expect(Object.keys(expected).sort()).toEqual(fixtureFiles('freshdesk'));
});

describe.each(Object.entries(expected))('%s', (file, counts) => {
	const page = loadFixture('freshdesk', file);
	test.each(Object.entries(counts))('%s -> %i', (name, count) => {
		expect(queryAllDeep(page, selectors[name as keyof typeof selectors])).toHaveLength(count);
	});
});

describeUrlDetectors(freshdesk);

test.each([
	'https://acme.freshdesk.com/a/tickets/new',
	'https://acme.freshdesk.com/a/tickets/812/edit',
	'https://acme.freshdesk.com/support/tickets/812',
	'https://acme.freshdesk.com/a/contacts/4400112',
])('neither ticket nor list: %s', url => {
	expect(freshdesk.isTicketPage(new URL(url))).toBe(false);
	expect(freshdesk.isListPage(new URL(url))).toBe(false);
});

test.each(['https://acme.freshdesk.com/a/tickets', 'https://support.northwind.example/a/tickets/filters/12345'])('list page: %s', url => {
	expect(freshdesk.isListPage(new URL(url))).toBe(true);
});

const read = (file: string) => freshdesk.readTicket(loadFixture('freshdesk', file), fixtureUrl('freshdesk', file));
const local = (month: number, day: number, hour: number, minute: number) => new Date(2026, month - 1, day, hour, minute).toISOString();

describe('readTicket', () => {
	test('roles from the item classes: a note only without a To/Cc header; shadow-root fields; dates from aria-label', () => {
		expect(read('ticket-open.html')).toEqual({
			helpdesk: 'freshdesk',
			ticketId: '812',
			url: 'https://acme.freshdesk.com/a/tickets/812',
			subject: 'Double charge on invoice INV-2291',
			status: 'open',
			priority: 'high',
			requester: {id: '4400112', name: 'Aiko Tanaka', email: 'aiko.tanaka@example.org'},
			assignee: 'Bruno Silva',
			group: 'Billing',
			tags: ['billing', 'double-charge'],
			createdAt: local(3, 2, 8, 5),
			messages: [
				{
					id: 'description',
					role: 'customer',
					author: 'Aiko Tanaka',
					at: local(3, 2, 8, 5),
					text: 'Hi, I was charged twice for invoice INV-2291 ($240 each). Please refund one of the charges.',
				},
				{
					id: '9100005',
					role: 'agent',
					author: 'Bruno Silva',
					at: local(3, 3, 10, 30),
					text: 'Hello Aiko, I can see both charges and have asked our billing team to refund one.\n\nRegards,\nBruno',
				},
				{
					id: '9100006',
					role: 'agent',
					internal: true,
					author: 'Bruno Silva',
					at: local(3, 3, 10, 31),
					text: 'Refund request filed with finance, ref FIN-7781. Customer sounds annoyed, watch this one.',
				},
				// Shown as a note, but emailed by a non-agent who is not the requester: a third party, not the customer
				{
					id: '9100007',
					role: 'unknown',
					internal: true,
					author: 'Kofi Mensah',
					at: local(3, 4, 9, 12),
					text: 'This is unacceptable on your side, we never received a refund instruction. Escalate it to your manager.',
				},
				// Shown as a note, but emailed by an agent: a reply re-sent after a bounce, public
				{
					id: '9100008',
					role: 'agent',
					author: 'Bruno Silva',
					at: local(3, 4, 11, 2),
					text: 'Hello Aiko, resending as my last mail bounced: the refund has been requested.',
				},
				{
					id: '9100009',
					role: 'customer',
					author: 'Aiko Tanaka',
					at: local(3, 5, 7, 50),
					text: 'Three days and no refund. This is unacceptable, I will dispute the charge with my bank if it is not fixed today.',
				},
			],
		});
	});

	test("without the panels' shadow roots attached, the subject comes from the title and the requester from the description", () => {
		const page = new DOMParser().parseFromString(readFileSync(join(fixturesDir, 'freshdesk', 'ticket-open.html'), 'utf8'), 'text/html');
		const snapshot = freshdesk.readTicket(page, fixtureUrl('freshdesk', 'ticket-open.html'));
		expect(snapshot?.subject).toBe('Double charge on invoice INV-2291');
		expect(snapshot?.requester).toEqual({id: undefined, name: 'Aiko Tanaka', email: undefined});
		expect(snapshot?.status).toBeUndefined();
		expect(snapshot?.messages).toHaveLength(6);
	});

	test('after a switch: the ticket the URL names; an item without author link or role class stays unknown', () => {
		const snapshot = read('ticket-switch.html');
		expect(snapshot?.requester).toEqual({id: '4400190', name: 'Marta Nowak', email: 'marta.nowak@example.pl'});
		expect(snapshot?.messages).toEqual([
			{
				id: 'description',
				role: 'customer',
				author: 'Marta Nowak',
				at: local(3, 5, 9, 0),
				text: 'Please ship order 5531 to my office instead: Długa 5, Kraków.',
			},
			{id: '9130002', role: 'unknown', author: undefined, at: local(3, 5, 9, 5), text: 'Order 5531 is already packed.'},
		]);
		expect(
			freshdesk.readTicket(loadFixture('freshdesk', 'ticket-switch.html'), new URL('https://acme.freshdesk.com/a/tickets/812')),
		).toBeUndefined();
	});

	test('200+ messages: all of them, in order', () => {
		const snapshot = read('ticket-long.html');
		expect(snapshot?.messages).toHaveLength(longCount);
		expect(snapshot?.messages.map(message => [message.role, message.internal ?? false, message.author, message.text, message.at])).toEqual(
			longThread().map(message => [message.role, message.internal, message.author, message.text, shownDateRead(message.at)]),
		);
		expect(snapshot?.requester?.name).toBe(customerName);
	});

	test('undefined while rendering and on list pages; says what is missing', () => {
		const page = loadFixture('freshdesk', 'ticket-open.html');
		for (const item of page.querySelectorAll(selectors.item)) {
			item.remove();
		}

		expect(freshdesk.readTicket(page, fixtureUrl('freshdesk', 'ticket-open.html'))).toBeUndefined();
		expect(missingParts(freshdesk, page)).toEqual(['item', 'body']);
		expect(freshdesk.readTicket(loadFixture('freshdesk', 'list.html'), fixtureUrl('freshdesk', 'list.html'))).toBeUndefined();
	});
});

test('readList finds rows through their ticket links', () => {
	expect(freshdesk.readList(loadFixture('freshdesk', 'list.html'), fixtureUrl('freshdesk', 'list.html'))).toEqual([
		{ticketId: '812', subject: 'Double charge on invoice INV-2291', requester: 'Aiko Tanaka', at: '2026-03-05T07:50:00.000Z'},
		{ticketId: '813', subject: 'Shipping address change', requester: 'Marta Nowak', at: '2026-03-05T09:00:00.000Z'},
		{ticketId: '790', subject: 'Cannot export PDF', requester: undefined, at: undefined},
	]);
});

describe('insertReply', () => {
	test('Froala goes through the bridge; the page is not touched', () => {
		const page = loadFixture('freshdesk', 'ticket-open.html');
		expect(freshdesk.insertReply(page, 'Hello Aiko')).toEqual({ok: false, via: 'bridge', editor: 'froala', selector: selectors.editor});
		expect(page.querySelector(selectors.editor)?.textContent).toBe('');
	});

	test('a plain editable in the active editor is typed into', () => {
		const page = loadFixture('freshdesk', 'ticket-open.html');
		page.querySelector(selectors.editor)!.className = 'plain';
		const typed = stubExecCommand(page);
		expect(freshdesk.insertReply(page, 'Hello Aiko')).toEqual({ok: true, via: 'insert-text'});
		expect(typed.map(entry => entry.text)).toEqual(['Hello Aiko']);
	});

	test('no reply box open: says so', () => {
		expect(freshdesk.insertReply(loadFixture('freshdesk', 'ticket-switch.html'), 'x')).toEqual({
			ok: false,
			via: 'none',
			reason: 'reply box not open (press Reply first)',
		});
	});
});

describe('same-origin API', () => {
	const url = fixtureUrl('freshdesk', 'ticket-open.html');
	const json = (file: string): unknown => JSON.parse(readFileSync(join(fixturesDir, 'freshdesk', file), 'utf8'));
	const ticket = json('api-812-ticket.json');
	const conversations = json('api-812-conversations.json');
	const people = json('api-812-people.json') as Record<string, unknown>;

	test('addresses: the ticket with its requester, conversations 100 a page, then agents and the group', () => {
		const urls = apiUrls(url);
		expect(urls?.ticket).toBe('https://acme.freshdesk.com/api/v2/tickets/812?include=requester');
		expect(urls?.conversations(2)).toBe('https://acme.freshdesk.com/api/v2/tickets/812/conversations?per_page=100&page=2');
		expect(apiUrls(new URL('https://acme.freshdesk.com/a/tickets/filters/all_tickets'))).toBeUndefined();
		expect(peopleUrls(url, ticket, [conversations]).sort()).toEqual(Object.keys(people).sort());
		expect(peopleUrls(url, ticket, [conversations], 2)).toHaveLength(2);
		expect(hasNextPage(conversations)).toBe(false);
		expect(hasNextPage(Array.from({length: 100}, (_, id) => ({id})))).toBe(true);
	});

	test('every conversation, the collapsed ones too; the description first; roles from incoming/private and the requester', () => {
		const snapshot = snapshotFromApi(ticket, [conversations], Object.values(people), url);
		expect(snapshot).toMatchObject({
			helpdesk: 'freshdesk',
			ticketId: '812',
			subject: 'Double charge on invoice INV-2291',
			status: 'open',
			priority: 'high',
			requester: {id: '4400112', name: 'Aiko Tanaka', email: 'aiko.tanaka@example.org'},
			assignee: 'Bruno Silva',
			group: 'Billing',
			tags: ['billing', 'double-charge'],
			createdAt: '2026-03-02T08:05:00.000Z',
		});
		expect(snapshot?.messages.map(message => [message.id, message.role, message.internal ?? false, message.author, message.at])).toEqual([
			['description', 'customer', false, 'Aiko Tanaka', '2026-03-02T08:05:00.000Z'],
			['9100002', 'agent', false, 'Bruno Silva', '2026-03-02T10:30:00.000Z'],
			['9100003', 'customer', false, 'Aiko Tanaka', '2026-03-02T14:00:00.000Z'],
			['9100004', 'agent', true, 'Dana Whitfield', '2026-03-02T15:00:00.000Z'],
			['9100005', 'agent', false, 'Bruno Silva', '2026-03-03T10:30:00.000Z'],
			['9100006', 'agent', true, 'Bruno Silva', '2026-03-03T10:31:00.000Z'],
			['9100007', 'unknown', true, 'kofi.mensah@payments.example', '2026-03-04T09:12:00.000Z'],
			['9100008', 'agent', false, 'Bruno Silva', '2026-03-04T11:02:00.000Z'],
			['9100009', 'customer', false, 'Aiko Tanaka', '2026-03-05T07:50:00.000Z'],
		]);
		expect(snapshot?.messages[2]?.text).toBe('Thanks. Please hurry, the second charge put my account into overdraft.');
	});

	test("without names the ids stay unnamed; overlapping pages count once; an outbound ticket's description is the agent's", () => {
		const outbound = {...(ticket as object), source: 10};
		const snapshot = snapshotFromApi(outbound, [conversations, conversations], [], url);
		expect(snapshot?.messages).toHaveLength(9);
		expect(snapshot?.messages[0]).toMatchObject({role: 'agent', author: undefined});
		expect(snapshot?.messages[1]).toMatchObject({role: 'agent', author: 'billing@acme.example'});
		expect(snapshot?.assignee).toBeUndefined();
	});

	test('not a ticket: undefined; unknown status numbers are left to the page', () => {
		expect(snapshotFromApi([], [], [])).toBeUndefined();
		expect(snapshotFromApi({description: 'x'}, [], [])).toBeUndefined();
		expect(snapshotFromApi({...(ticket as object), status: 8}, [], [])?.status).toBeUndefined();
	});
});

describeRobustness(freshdesk, 'freshdesk', fixtureFiles('freshdesk'));
