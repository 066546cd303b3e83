// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {fixtureFiles, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import {customerName, longCount, longThread} from '../../test/fixtures/generate-long.ts';
import {describeRobustness, describeUrlDetectors} from '../../test/unit/adapter-checks.ts';
import {missingParts} from './adapter.ts';
import {queryAllDeep} from './dom.ts';
import intercom, {selectors} from './intercom.ts';
import {selectorCounts as expected} from '../../test/fixtures/intercom/counts.ts';

test('every fixture has a count table', () => {
	expect(Object.keys(expected).sort()).toEqual(fixtureFiles('intercom'));
});

describe.each(Object.entries(expected))('%s', (file, counts) => {
	const page = loadFixture('intercom', file);
	test.each(Object.entries(counts))('%s -> %i', (name, count) => {
		expect(queryAllDeep(page, selectors[name as keyof typeof selectors])).toHaveLength(count);
	});
});

describeUrlDetectors(intercom);

describe('URL shapes', () => {
	test.each([
		'https://app.intercom.com/a/inbox/abc123de/inbox/admin/5512/conversation/184467?view=List',
		'https://app.intercom.com/a/inbox/abc123de/inbox/shared/all/conversation/184467',
		'https://app.eu.intercom.com/a/apps/abc123de/inbox/inbox/conversations/184467',
	])('ticket: %s', url => {
		expect(intercom.isTicketPage(new URL(url))).toBe(true);
		expect(intercom.isListPage(new URL(url))).toBe(false);
	});
	test.each(['https://app.intercom.com/a/inbox/abc123de/inbox/admin/5512', 'https://app.intercom.com/a/inbox/abc123de/inbox'])(
		'list: %s',
		url => {
			expect(intercom.isListPage(new URL(url))).toBe(true);
		},
	);
	test.each([
		'https://app.intercom.com/a/apps/abc123de/users/segments/all',
		'https://app.intercom.com/a/inbox/abc123de/new-conversation',
		'https://app.intercom.com/a/apps/abc123de/articles',
	])('neither: %s', url => {
		expect(intercom.isTicketPage(new URL(url))).toBe(false);
		expect(intercom.isListPage(new URL(url))).toBe(false);
	});
});

const read = (file: string) => intercom.readTicket(loadFixture('intercom', file), fixtureUrl('intercom', file));

describe('readTicket', () => {
	test('Inbox 2: roles from the part category, note, bot, automated event, no quoted history', () => {
		expect(read('ticket-open.html')).toEqual({
			helpdesk: 'intercom',
			ticketId: '184467',
			url: 'https://app.intercom.com/a/inbox/abc123de/inbox/admin/5512/conversation/184467?view=List',
			requester: {name: 'Noah Fischer'},
			createdAt: '2026-03-05T13:02:00.000Z',
			messages: [
				{
					id: 'pg-1',
					role: 'customer',
					author: 'Noah Fischer',
					at: '2026-03-05T13:02:00.000Z',
					text: 'Your app deleted my saved report templates after the update. All of them.',
				},
				{
					id: 'pg-2',
					role: 'agent',
					author: 'Fin',
					at: '2026-03-05T13:02:20.000Z',
					text: 'I can help with templates! Have you tried Settings → Restore?',
				},
				{
					id: 'pg-3',
					role: 'agent',
					author: 'Mira Okonkwo',
					at: '2026-03-05T13:20:00.000Z',
					text: "Hi Noah, I'm sorry about this. I'm checking with our engineers whether the templates can be recovered.",
				},
				{
					id: 'pg-4',
					role: 'agent',
					internal: true,
					author: 'Mira Okonkwo',
					at: '2026-03-05T13:21:00.000Z',
					text: '@Dev team: migration 5.2 dropped user_templates for accounts created before 2023?',
				},
				{
					id: 'pg-5',
					role: 'system',
					author: undefined,
					at: '2026-03-05T13:21:30.000Z',
					text: 'Mira Okonkwo assigned this conversation to Tier 2',
				},
				{
					id: 'pg-6',
					role: 'customer',
					author: 'Noah Fischer',
					at: '2026-03-05T14:05:00.000Z',
					text: "Six months of work. I need them back today or I'm cancelling.",
				},
			],
		});
	});

	test('2026 markup inside a shadow root, without categories or alignment classes: author type and note marker read; rows without any marker stay unknown where there is no layout', () => {
		expect(
			read('ticket-2026.html')?.messages.map(message => [
				message.id,
				message.role,
				message.internal ?? false,
				message.author,
				message.at,
				message.text,
			]),
		).toEqual([
			[
				'p-901',
				'unknown',
				false,
				'Grace Liu',
				new Date(2026, 2, 5, 14, 14).toISOString(),
				"Where is my refund? You said 3 days, it's been 9.",
			],
			[
				'p-902',
				'unknown',
				false,
				'Tomas Lindqvist',
				new Date(2026, 2, 5, 14, 31).toISOString(),
				"Hi Grace, I've checked: the refund left us on March 2 and should arrive by Friday.",
			],
			[
				'p-903',
				'agent',
				true,
				'Tomas Lindqvist',
				new Date(2026, 2, 5, 14, 33).toISOString(),
				'Bank transfer ref 88-2201, ask finance if it bounced.',
			],
			['p-904', 'customer', false, 'Grace Liu', new Date(2026, 2, 5, 15, 2).toISOString(), 'Friday. Fine. Last chance.'],
		]);
		expect(read('ticket-2026.html')?.requester).toEqual({name: 'Grace Liu'});
	});

	test("bubble position decides when the page is laid out: right of the stream's middle = teammate", () => {
		const page = loadFixture('intercom', 'ticket-2026.html');
		const at = (left: number, width: number) => () =>
			({left, width, right: left + width, top: 0, bottom: 10, height: 10, x: left, y: 0, toJSON: () => ({})}) as DOMRect;
		const parts = queryAllDeep(page, selectors.part);
		queryAllDeep(page, selectors.stream)[0]!.getBoundingClientRect = at(0, 760);
		parts[0]!.getBoundingClientRect = at(0, 420);
		parts[1]!.getBoundingClientRect = at(340, 420);
		expect(intercom.readTicket(page, fixtureUrl('intercom', 'ticket-2026.html'))?.messages.map(message => message.role)).toEqual([
			'customer',
			'agent',
			'agent',
			'customer',
		]);
		parts[1]!.getBoundingClientRect = at(0, 760); // As wide as the stream: no side
		expect(intercom.readTicket(page, fixtureUrl('intercom', 'ticket-2026.html'))?.messages[1]?.role).toBe('unknown');
	});

	test("several parts in one group are separate messages with the group's category", () => {
		const page = loadFixture('intercom', 'ticket-switch.html');
		page
			.querySelector('[data-part-group-id]')!
			.insertAdjacentHTML(
				'beforeend',
				'<div data-part-id="a"><div class="inbox2__break-words">First</div></div><div data-part-id="b"><div class="inbox2__break-words">Second</div></div>',
			);
		const url = new URL('https://app.intercom.com/a/inbox/abc123de/inbox/conversation/184467');
		expect(intercom.readTicket(page, url)?.messages.map(message => [message.id, message.role, message.text])).toEqual([
			['a', 'customer', 'First'],
			['b', 'customer', 'Second'],
		]);
	});

	test('mid-switch: nothing while the stream still shows the previous conversation', () => {
		expect(read('ticket-switch.html')).toBeUndefined();
		const previous = intercom.readTicket(
			loadFixture('intercom', 'ticket-switch.html'),
			new URL('https://app.intercom.com/a/inbox/abc123de/inbox/conversation/184467'),
		);
		expect(previous?.messages).toHaveLength(1);
	});

	test('200+ parts: all of them, in order', () => {
		const snapshot = read('ticket-long.html');
		expect(snapshot?.messages).toHaveLength(longCount);
		expect(snapshot?.messages.map(message => [message.role, message.internal ?? false, message.author, message.text, message.at])).toEqual(
			longThread().map(message => [message.role, message.internal, message.author, message.text, message.at]),
		);
		expect(snapshot?.requester?.name).toBe(customerName);
	});

	test('undefined while rendering and on list pages; says what is missing', () => {
		const page = loadFixture('intercom', 'ticket-open.html');
		for (const body of page.querySelectorAll(selectors.body)) {
			body.remove();
		}

		expect(intercom.readTicket(page, fixtureUrl('intercom', 'ticket-open.html'))).toBeUndefined();
		expect(missingParts(intercom, page)).toEqual(['body']);
		expect(intercom.readTicket(loadFixture('intercom', 'list.html'), fixtureUrl('intercom', 'list.html'))).toBeUndefined();
	});
});

test('readList finds rows through their conversation links', () => {
	expect(intercom.readList(loadFixture('intercom', 'list.html'), fixtureUrl('intercom', 'list.html'))).toEqual([
		{ticketId: '184467', subject: 'Six months of work. I need them back today', requester: 'Noah Fischer', at: '2026-03-05T14:05:00.000Z'},
		{ticketId: '184501', subject: 'Friday. Fine. Last chance.', requester: 'Grace Liu', at: '2026-03-05T15:02:00.000Z'},
	]);
});

describe('insertReply', () => {
	test('the ProseMirror composer goes through the bridge', () => {
		const page = loadFixture('intercom', 'ticket-open.html');
		const outcome = intercom.insertReply(page, 'Hi Noah');
		expect(outcome).toEqual({ok: false, via: 'bridge', editor: 'prosemirror', selector: selectors.editor});
		expect(page.querySelectorAll(selectors.editor)).toHaveLength(1);
		expect(page.querySelector(selectors.editor)?.textContent).toBe('');
	});

	test('a composer outside the reply wrapper is still found; none at all is reported', () => {
		const page = loadFixture('intercom', 'ticket-open.html');
		page.querySelector('[data-conversation-reply-composer]')!.removeAttribute('data-conversation-reply-composer');
		expect(intercom.insertReply(page, 'x')).toMatchObject({via: 'bridge', selector: selectors.anyEditor});
		expect(intercom.insertReply(loadFixture('intercom', 'list.html'), 'x')).toMatchObject({ok: false, via: 'none'});
	});
});

describeRobustness(intercom, 'intercom', fixtureFiles('intercom'));
