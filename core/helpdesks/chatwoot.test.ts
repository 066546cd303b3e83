// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {fixtureFiles, fixtureHtml, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import {describeRobustness, describeUrlDetectors, stubExecCommand} from '../../test/unit/adapter-checks.ts';
import chatwoot, {apiUrls, authHeaders, listApiUrl, listFromApi, selectors, snapshotFromApi} from './chatwoot.ts';
import {selectorCounts as expected} from '../../test/fixtures/chatwoot/counts.ts';

test('every fixture has a count table', () => {
	expect(fixtureFiles('chatwoot')).toEqual(Object.keys(expected).sort());
});

describe.each(Object.entries(expected))('%s', (file, counts) => {
	const page = loadFixture('chatwoot', file);
	test.each(Object.entries(counts))('%s → %i', (name, count) => {
		expect(page.querySelectorAll(selectors[name as keyof typeof selectors])).toHaveLength(count);
	});
});

describeUrlDetectors(chatwoot);

test.each([
	['https://chat.example.com/app/accounts/2/mentions/conversations/120', true, false],
	['https://chat.example.com/app/accounts/2/mentions/conversations', false, true],
	['https://chat.example.com/app/accounts/2/custom_view/4/conversations/120', true, false],
	['https://chat.example.com/app/accounts/2/contacts/55', false, false],
	['https://chat.example.com/app/accounts/2/conversations/abc', false, false],
])('%s: ticket %s, list %s', (url, ticket, list) => {
	expect(chatwoot.isTicketPage(new URL(url))).toBe(ticket);
	expect(chatwoot.isListPage(new URL(url))).toBe(list);
});

describe('readTicket from the DOM (fallback)', () => {
	test('roles from bubble variants, private notes, activity; no times (the DOM shows only h:mm)', () => {
		expect(chatwoot.readTicket(loadFixture('chatwoot', 'ticket-open.html'), fixtureUrl('chatwoot', 'ticket-open.html'))).toEqual({
			helpdesk: 'chatwoot',
			ticketId: '2987',
			url: 'https://app.chatwoot.com/app/accounts/41/conversations/2987',
			requester: {name: 'Priya Raman'},
			messages: [
				{
					id: '70011',
					role: 'customer',
					author: 'Priya Raman',
					text: 'Hi, the CSV export has been broken since Monday.\n\nEvery file comes out empty.',
				},
				// Marco's avatar shows initials only: no name in the DOM
				{id: '70012', role: 'agent', author: undefined, text: 'Sorry about that, Priya. Which browser are you using?'},
				{
					id: '70013',
					role: 'agent',
					internal: true,
					author: undefined,
					text: 'Known bug in 4.2, fix is on staging. @Lena Novak can you confirm?',
				},
				{id: '70014', role: 'system', text: 'Conversation was assigned to Lena Novak by Marco Bianchi'},
				{id: '70015', role: 'agent', author: undefined, text: "Hi Priya, I'm Lena. A fix ships tomorrow; I'll confirm once it is live."},
				{id: '70016', role: 'customer', author: 'Priya Raman', text: 'Tomorrow is too late. I need this fixed before Friday or we cancel.'},
			],
		});
	});

	test('during a conversation switch (list emptied) nothing is read', () => {
		expect(
			chatwoot.readTicket(loadFixture('chatwoot', 'ticket-switch.html'), fixtureUrl('chatwoot', 'ticket-switch.html')),
		).toBeUndefined();
	});

	test('unknown bubble palette: side decides (right = the signed-in agent)', () => {
		const page = loadFixture('chatwoot', 'ticket-open.html');
		for (const bubble of page.querySelectorAll('[data-message-id] [class*="bg-n-"]')) {
			bubble.setAttribute('class', 'text-sm w-full');
		}

		const roles = chatwoot.readTicket(page, fixtureUrl('chatwoot', 'ticket-open.html'))?.messages.map(message => message.role);
		expect(roles).toEqual(['customer', 'customer', 'agent', 'system', 'agent', 'customer']); // 70012 is misread: why the API comes first
	});

	test('long thread', () => {
		const messages =
			chatwoot.readTicket(loadFixture('chatwoot', 'ticket-long.html'), fixtureUrl('chatwoot', 'ticket-long.html'))?.messages ?? [];
		expect(messages).toHaveLength(240);
		expect(messages.filter(message => message.role === 'customer')).toHaveLength(99);
		expect(messages.filter(message => message.internal)).toHaveLength(34);
		expect(messages.filter(message => message.role === 'system')).toHaveLength(8);
		expect(messages.some(message => message.text.includes('must not be read twice') || message.text.includes('9:14'))).toBe(false);
	});
});

describe('API', () => {
	const conversation: unknown = JSON.parse(fixtureHtml('chatwoot', 'api-conversation.json'));
	const newest: unknown = JSON.parse(fixtureHtml('chatwoot', 'api-messages.json'));
	const older: unknown = JSON.parse(fixtureHtml('chatwoot', 'api-messages-older.json'));

	test('apiUrls, with paging and a sub-path install', () => {
		expect(apiUrls(new URL('https://app.chatwoot.com/app/accounts/41/inbox/7/conversations/2987'))).toEqual({
			conversation: 'https://app.chatwoot.com/api/v1/accounts/41/conversations/2987',
			messages: 'https://app.chatwoot.com/api/v1/accounts/41/conversations/2987/messages',
		});
		expect(apiUrls(new URL('https://app.chatwoot.com/app/accounts/41/conversations/2987'), '70013')?.messages).toBe(
			'https://app.chatwoot.com/api/v1/accounts/41/conversations/2987/messages?before=70013',
		);
		expect(apiUrls(new URL('https://example.org/support/app/accounts/2/conversations/9'))?.conversation).toBe(
			'https://example.org/support/api/v1/accounts/2/conversations/9',
		);
		expect(apiUrls(new URL('https://app.chatwoot.com/app/accounts/41/dashboard'))).toBeUndefined();
	});

	test('snapshotFromApi merges pages, orders by time, maps types, notes, authors, times and ticket fields', () => {
		expect(snapshotFromApi(conversation, [newest, older], new URL('https://app.chatwoot.com/app/accounts/41/conversations/2987'))).toEqual({
			helpdesk: 'chatwoot',
			ticketId: '2987',
			url: 'https://app.chatwoot.com/app/accounts/41/conversations/2987',
			subject: undefined,
			status: 'open',
			priority: 'high',
			requester: {id: '501', name: 'Priya Raman', email: 'priya.raman@example.com'},
			assignee: 'Lena Novak',
			group: 'Tier 2',
			tags: ['billing-export', 'enterprise'],
			createdAt: '2026-11-02T09:14:00.000Z',
			messages: [
				{
					id: '70011',
					role: 'customer',
					author: 'Priya Raman',
					text: 'Hi, the CSV export has been broken since Monday.\nEvery file comes out empty.',
					at: '2026-11-02T09:14:00.000Z',
				},
				{id: '70010', role: 'agent', author: 'Welcome Bot', text: 'Rate your conversation', at: '2026-11-02T09:14:01.000Z'},
				{
					id: '70012',
					role: 'agent',
					author: 'Marco Bianchi',
					text: 'Sorry about that, Priya. Which browser are you using?',
					at: '2026-11-02T09:30:00.000Z',
				},
				{
					id: '70013',
					role: 'agent',
					internal: true,
					author: 'Marco Bianchi',
					text: 'Known bug in 4.2, fix is on staging. @Lena Novak can you confirm?',
					at: '2026-11-02T09:32:00.000Z',
				},
				{
					id: '70014',
					role: 'system',
					author: undefined,
					text: 'Conversation was assigned to Lena Novak by Marco Bianchi',
					at: '2026-11-02T09:33:00.000Z',
				},
				{
					id: '70015',
					role: 'agent',
					author: 'Lena Novak',
					text: "Hi Priya, I'm Lena. A fix ships tomorrow; I'll confirm once it is live.",
					at: '2026-11-02T10:02:00.000Z',
				},
				{
					id: '70016',
					role: 'customer',
					author: 'Priya Raman',
					text: 'Tomorrow is too late. I need this fixed before Friday or we cancel.',
					at: '2026-11-02T11:55:00.000Z',
				},
			],
		});
	});

	test('a single page, or a plain array of messages, works too', () => {
		expect(snapshotFromApi(conversation, newest)?.messages.map(message => message.id)).toEqual(['70013', '70014', '70015', '70016']);
		expect(snapshotFromApi(conversation, (older as {payload: unknown[]}).payload)?.messages.map(message => message.id)).toEqual([
			'70011',
			'70010',
			'70012',
			'70016',
		]);
	});

	test.each([null, [], 'x', {status: 'open'}])('not a conversation: %o', value => {
		expect(snapshotFromApi(value, newest)).toBeUndefined();
	});

	test('listFromApi: rows from the conversation list; junk skipped; text stays text', () => {
		expect(listFromApi(JSON.parse(fixtureHtml('chatwoot', 'api-list.json')))).toEqual([
			{ticketId: '2987', subject: undefined, requester: 'Priya Raman', at: '2026-11-02T11:55:00.000Z'},
			{ticketId: '2990', subject: 'Invoice <b>copy</b>', requester: 'Dana Whitfield', at: '2026-11-02T09:50:00.000Z'},
		]);
		expect(listFromApi(null)).toEqual([]);
	});

	test("listApiUrl keeps the account and the page's inbox, team or label filter", () => {
		expect(listApiUrl(new URL('https://app.chatwoot.com/app/accounts/41/dashboard'))).toBe(
			'https://app.chatwoot.com/api/v1/accounts/41/conversations?status=open&assignee_type=all&page=1',
		);
		expect(listApiUrl(new URL('https://chat.example.com/app/accounts/2/inbox/5'), 3)).toBe(
			'https://chat.example.com/api/v1/accounts/2/conversations?status=open&assignee_type=all&page=3&inbox_id=5',
		);
		expect(listApiUrl(new URL('https://chat.example.com/app/accounts/2/team/3'))).toContain('&team_id=3');
		expect(listApiUrl(new URL('https://chat.example.com/app/accounts/2/label/vip%20customers'))).toContain('&labels%5B%5D=vip+customers');
		expect(listApiUrl(new URL('https://app.chatwoot.com/app/accounts/41/conversations/2987'))).toBeUndefined();
	});

	test('authHeaders from the dashboard session cookie', () => {
		const session = encodeURIComponent(
			JSON.stringify({'access-token': 'tok', 'token-type': 'Bearer', client: 'cli', expiry: '1793620500', uid: 'lena@example.com'}),
		);
		expect(authHeaders(`theme=dark; cw_d_session_info=${session}; other=1`)).toEqual({
			'access-token': 'tok',
			client: 'cli',
			uid: 'lena@example.com',
			expiry: '1793620500',
			'token-type': 'Bearer',
		});
		expect(authHeaders('cw_d_session_info=%7Bbroken')).toBeUndefined();
		expect(authHeaders('cw_d_session_info=%7B%7D')).toBeUndefined();
		expect(authHeaders('')).toBeUndefined();
	});
});

describe('readList and insertReply', () => {
	test('cards carry no conversation id: the DOM list gives no rows (use listFromApi)', () => {
		expect(chatwoot.readList(loadFixture('chatwoot', 'list.html'), fixtureUrl('chatwoot', 'list.html'))).toEqual([]);
	});

	test('ProseMirror: handed to the bridge; the editor is not touched', () => {
		const page = loadFixture('chatwoot', 'ticket-open.html');
		const typed = stubExecCommand(page);
		expect(chatwoot.insertReply(page, 'Hi Priya')).toEqual({ok: false, via: 'bridge', editor: 'prosemirror', selector: selectors.editor});
		expect(typed).toEqual([]);
		expect(page.querySelectorAll(selectors.editor)).toHaveLength(1);
	});

	test('channels with a plain textarea get the text directly', () => {
		const page = loadFixture('chatwoot', 'ticket-open.html');
		page.querySelector('.editor-root')!.innerHTML = '<textarea class="input"></textarea>';
		const textarea = page.querySelector<HTMLTextAreaElement>(selectors.plainEditor)!;
		const inputs: string[] = [];
		textarea.addEventListener('input', () => inputs.push(textarea.value));
		expect(chatwoot.insertReply(page, 'Hi Priya')).toEqual({ok: true, via: 'value'});
		expect(inputs).toEqual(['Hi Priya']);
	});

	test('no editor on the list page', () => {
		expect(chatwoot.insertReply(loadFixture('chatwoot', 'list.html'), 'x')).toMatchObject({ok: false, via: 'none'});
	});
});

describeRobustness(chatwoot, 'chatwoot', fixtureFiles('chatwoot'));
