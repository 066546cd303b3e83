// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {fixtureFiles, fixtureHtml, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import {customerName, longCount, longThread} from '../../test/fixtures/generate-long.ts';
import {describeRobustness, describeUrlDetectors, stubExecCommand} from '../../test/unit/adapter-checks.ts';
import {snapshotProblems} from '../../test/unit/mutate.ts';
import {missingParts} from './adapter.ts';
import zendesk, {apiUrls, nextApiUrl, selectors, snapshotFromApi} from './zendesk.ts';
import {selectorCounts as expected} from '../../test/fixtures/zendesk/counts.ts';

test('every fixture has a count table', () => {
	expect(Object.keys(expected).sort()).toEqual(fixtureFiles('zendesk'));
});

describe.each(Object.entries(expected))('%s', (file, counts) => {
	const page = loadFixture('zendesk', file);
	test.each(Object.entries(counts))('%s -> %i', (name, count) => {
		expect(page.querySelectorAll(selectors[name as keyof typeof selectors])).toHaveLength(count);
	});
});

describeUrlDetectors(zendesk);

test.each([
	'https://acme.zendesk.com/agent/tickets/new/1',
	'https://acme.zendesk.com/agent/tickets/4821/print',
	'https://acme.zendesk.com/hc/en-us/requests/4821',
])('neither ticket nor list: %s', url => {
	expect(zendesk.isTicketPage(new URL(url))).toBe(false);
	expect(zendesk.isListPage(new URL(url))).toBe(false);
});

const read = (file: string) => zendesk.readTicket(loadFixture('zendesk', file), fixtureUrl('zendesk', file));

describe('readTicket', () => {
	test('reads the open ticket: fields, roles, internal note, authors, times, no quoted history or signature', () => {
		const snapshot = read('ticket-open.html');
		expect(snapshot).toEqual({
			helpdesk: 'zendesk',
			ticketId: '4821',
			url: 'https://acme.zendesk.com/agent/tickets/4821',
			subject: 'Refund not received',
			status: 'open',
			priority: 'high',
			requester: {name: 'Maya Lindqvist'},
			group: 'Billing',
			assignee: 'Priya Raman',
			tags: ['billing', 'refund', 'vip'],
			createdAt: '2026-03-02T09:14:00.000Z',
			messages: [
				{
					id: '39001',
					role: 'customer',
					author: 'Maya Lindqvist',
					at: '2026-03-02T09:14:00.000Z',
					text: 'Hello,\n\nI cancelled my subscription on February 20th and was promised a refund of $89 within 5 business days. It has been 10 days and nothing has arrived.\n\nOrder number: A-55213',
				},
				{
					id: '39002',
					role: 'agent',
					author: 'Theo Brandt',
					at: '2026-03-02T11:40:00.000Z',
					text: 'Hi Maya,\n\nThanks for the order number. Refunds can take up to 10 business days to show on your statement. Could you check again on Friday?\n\nBest,\nTheo',
				},
				{
					id: '39003',
					role: 'agent',
					internal: true,
					author: 'Theo Brandt',
					at: '2026-03-02T11:42:30.000Z',
					text: 'Payment provider shows the refund stuck in "pending review". Asked finance to push it.',
				},
				{
					id: '39004',
					role: 'customer',
					author: 'Maya Lindqvist',
					at: '2026-03-06T16:05:00.000Z',
					text: 'It is Friday. Still nothing. This is the third time I am asking and I want to speak to a manager.',
				},
				{
					id: '39005',
					role: 'agent',
					author: 'Priya Raman',
					at: '2026-03-06T16:31:00.000Z',
					text: "Hi Maya, I'm Priya, the billing team lead. I have your case now and will call you before 10:00 on Monday.",
				},
			],
		});
	});

	test('two tickets mounted: reads only the active (messaging) one, bodies without .zd-comment', () => {
		const snapshot = read('ticket-two-tabs.html');
		expect(snapshot?.ticketId).toBe('4822');
		expect(snapshot?.subject).toBe('Conversation with Jonas Eklund');
		expect(snapshot?.priority).toBe('urgent');
		expect(snapshot?.group).toBe('Mobile');
		expect(snapshot?.tags).toEqual(['ios', 'login']);
		expect(snapshot?.messages.map(message => [message.role, message.author, message.text, message.at])).toEqual([
			['customer', 'Jonas Eklund', 'the app logs me out every 5 minutes', '2026-03-06T14:00:05.000Z'],
			['customer', 'Jonas Eklund', 'this is ridiculous, fix it', '2026-03-06T14:00:41.000Z'],
			['agent', 'Priya Raman', 'Sorry about that, Jonas. Which phone and app version are you on?', '2026-03-06T14:02:10.000Z'],
		]);
	});

	test('after a switch (2021 header marker only): reads the selected tab, not the first pane', () => {
		const snapshot = read('ticket-switch.html');
		expect(snapshot?.ticketId).toBe('4790');
		expect(snapshot?.messages.map(message => message.role)).toEqual(['customer', 'agent', 'customer']);
		expect(snapshot?.messages[2]?.text).toBe('The new invoice still has the old address. Not acceptable.');
	});

	test('falls back to the ticket id in the URL when no marker says which tab is visible', () => {
		const page = loadFixture('zendesk', 'ticket-switch.html');
		for (const tab of page.querySelectorAll('[data-selected]')) {
			tab.removeAttribute('data-selected');
		}

		expect(zendesk.readTicket(page, new URL('https://acme.zendesk.com/agent/tickets/4822'))?.ticketId).toBe('4822');
		expect(zendesk.readTicket(page, new URL('https://acme.zendesk.com/agent/tickets/4790'))?.ticketId).toBe('4790');
		expect(zendesk.readTicket(page, new URL('https://acme.zendesk.com/agent/tickets/1'))).toBeUndefined();
	});

	test('200+ comments: all of them, in order, with roles and notes', () => {
		const snapshot = read('ticket-long.html');
		const thread = longThread();
		expect(snapshot?.messages).toHaveLength(longCount);
		expect(snapshot?.messages.map(message => [message.role, message.internal ?? false, message.author, message.text, message.at])).toEqual(
			thread.map(message => [message.role, message.internal, message.author, message.text, message.at]),
		);
		expect(snapshot?.requester?.name).toBe(customerName);
	});

	test('undefined while rendering, on list pages, and explains what is missing', () => {
		const page = loadFixture('zendesk', 'ticket-open.html');
		for (const article of page.querySelectorAll(selectors.article)) {
			article.remove();
		}

		expect(zendesk.readTicket(page, fixtureUrl('zendesk', 'ticket-open.html'))).toBeUndefined();
		expect(missingParts(zendesk, page)).toEqual(['article']);
		expect(read('list.html')).toBeUndefined();
	});

	test('an aria-hidden copy of a log item is not read twice', () => {
		const page = loadFixture('zendesk', 'ticket-open.html');
		expect(zendesk.readTicket(page, fixtureUrl('zendesk', 'ticket-open.html'))?.messages.map(message => message.id)).toEqual([
			'39001',
			'39002',
			'39003',
			'39004',
			'39005',
		]);
		page.querySelector(selectors.hiddenCopy)?.removeAttribute('aria-hidden');
		expect(zendesk.readTicket(page, fixtureUrl('zendesk', 'ticket-open.html'))?.messages.map(message => message.id)).toEqual([
			'39001',
			'39002',
			'39003',
			'39004',
			'39004',
			'39005',
		]);
	});

	test('a comment without a type attribute: the requester by name, anyone else unknown (not an agent by default)', () => {
		const page = loadFixture('zendesk', 'ticket-open.html');
		for (const node of page.querySelectorAll(selectors.message)) {
			node.removeAttribute('type');
		}

		expect(
			zendesk
				.readTicket(page, fixtureUrl('zendesk', 'ticket-open.html'))
				?.messages.map(message => [message.role, message.internal ?? false]),
		).toEqual([
			['customer', false],
			['unknown', false],
			['agent', true],
			['customer', false],
			['unknown', false],
		]);
	});

	test('status from the header badge when the fields view is missing; assignee from the older Group/Agent field', () => {
		const page = loadFixture('zendesk', 'ticket-open.html');
		page.querySelector('[data-test-id="ticket-fields-status-view"]')?.remove();
		page.querySelector('[data-cy-test-id="status-badge-state"]')!.textContent = 'Pending';
		expect(zendesk.readTicket(page, fixtureUrl('zendesk', 'ticket-open.html'))?.status).toBe('pending');
		expect(read('ticket-two-tabs.html')).toMatchObject({group: 'Mobile', assignee: 'Priya Raman', status: 'open', tags: ['ios', 'login']});
	});

	test('no createdAt while older comments are folded away', () => {
		const page = loadFixture('zendesk', 'ticket-open.html');
		page
			.querySelector(selectors.log)!
			.insertAdjacentHTML('afterbegin', '<button data-test-id="convolog-show-more-button">Show more</button>');
		expect(zendesk.readTicket(page, fixtureUrl('zendesk', 'ticket-open.html'))?.createdAt).toBeUndefined();
	});

	test('customer text stays text', () => {
		const page = loadFixture('zendesk', 'ticket-open.html');
		page.querySelector(selectors.body)!.textContent = '<img src=x onerror=alert(1)> refund now';
		expect(zendesk.readTicket(page, fixtureUrl('zendesk', 'ticket-open.html'))?.messages[0]?.text).toBe(
			'<img src=x onerror=alert(1)> refund now',
		);
	});
});

test('readList reads the rows, taking the id from the link when the id cell is empty', () => {
	expect(zendesk.readList(loadFixture('zendesk', 'list.html'), fixtureUrl('zendesk', 'list.html'))).toEqual([
		{ticketId: '4821', subject: 'Refund not received', requester: 'Maya Lindqvist', at: '2026-03-06T16:31:00.000Z'},
		{ticketId: '4822', subject: 'Conversation with Jonas Eklund', requester: 'Jonas Eklund', at: '2026-03-06T14:02:10.000Z'},
		{ticketId: '4790', subject: 'Invoice address wrong', requester: 'Lena Hofmann', at: '2026-03-09T07:45:00.000Z'},
		{ticketId: '4755', subject: 'Export to CSV breaks umlauts', requester: 'Karl Weiss', at: undefined},
	]);
	expect(zendesk.readList(loadFixture('zendesk', 'ticket-open.html'), fixtureUrl('zendesk', 'ticket-open.html'))).toEqual([]);
});

describe('insertReply', () => {
	test.each([
		['ticket-open.html', '4821', 'omnicomposer-rich-text-ckeditor'],
		['ticket-two-tabs.html', '4822', 'omnicomposer-plain-text-ckeditor'],
		['ticket-switch.html', '4790', 'omnicomposer-rich-text-ckeditor'],
	])("%s: CKEditor 5 goes through the bridge, aimed at the active ticket's composer", (file, ticketId, testId) => {
		const page = loadFixture('zendesk', file);
		const outcome = zendesk.insertReply(page, 'Hello');
		expect(outcome).toMatchObject({ok: false, via: 'bridge', editor: 'ckeditor5'});
		const targets = outcome.via === 'bridge' ? [...page.querySelectorAll(outcome.selector)] : [];
		expect(targets).toHaveLength(1);
		expect(targets[0]?.getAttribute('data-test-id')).toBe(testId);
		expect(targets[0]?.closest(selectors.pane)?.getAttribute('data-side-conversations-anchor-id')).toBe(ticketId);
		expect(targets[0]?.textContent).toBe(''); // Nothing typed into a model-driven editor
	});

	test('the legacy contenteditable editor is typed into', () => {
		const page = loadFixture('zendesk', 'ticket-open.html');
		page.querySelector(selectors.editor)!.outerHTML = '<div class="zendesk-editor--rich-text-comment" contenteditable="true"></div>';
		const typed = stubExecCommand(page);
		expect(zendesk.insertReply(page, 'Hello Maya')).toEqual({ok: true, via: 'insert-text'});
		expect(typed.map(entry => entry.text)).toEqual(['Hello Maya']);
		expect(page.querySelector(selectors.legacyEditor)?.textContent).toBe('Hello Maya');
	});

	test('no composer, no active pane: says so', () => {
		expect(zendesk.insertReply(loadFixture('zendesk', 'list.html'), 'x')).toMatchObject({ok: false, via: 'none'});
		const page = loadFixture('zendesk', 'ticket-open.html');
		page.querySelector(selectors.editor)!.remove();
		expect(zendesk.insertReply(page, 'x')).toMatchObject({ok: false, via: 'none'});
	});
});

describe('same-origin API', () => {
	const {responses} = JSON.parse(fixtureHtml('zendesk', 'api-4821.json')) as {responses: unknown[]};
	const url = new URL('https://acme.zendesk.com/agent/tickets/4821');

	test('apiUrls: the ticket with users and groups, then comments oldest first', () => {
		expect(apiUrls(url)).toEqual([
			'https://acme.zendesk.com/api/v2/tickets/4821.json?include=users,groups',
			'https://acme.zendesk.com/api/v2/tickets/4821/comments.json?include=users&sort_order=asc',
		]);
		expect(apiUrls(new URL('https://acme.zendesk.com/agent/filters/1'))).toEqual([]);
	});

	test('nextApiUrl follows next_page only on the same origin', () => {
		expect(nextApiUrl({next_page: 'https://acme.zendesk.com/api/v2/tickets/4821/comments.json?page=2'}, url)).toBe(
			'https://acme.zendesk.com/api/v2/tickets/4821/comments.json?page=2',
		);
		expect(nextApiUrl({next_page: 'https://evil.example/api/v2/x'}, url)).toBeUndefined();
		expect(nextApiUrl({next_page: null}, url)).toBeUndefined();
		expect(nextApiUrl('garbage', url)).toBeUndefined();
	});

	test('snapshotFromApi maps the documented fields, and agrees with the page', () => {
		const snapshot = snapshotFromApi(responses, url);
		expect(snapshot).toMatchObject({
			helpdesk: 'zendesk',
			ticketId: '4821',
			subject: 'Refund not received',
			status: 'open',
			priority: 'high',
			requester: {id: '9001', name: 'Maya Lindqvist', email: 'maya.lindqvist@example.com'},
			assignee: 'Priya Raman',
			group: 'Billing',
			tags: ['billing', 'refund', 'vip'],
			createdAt: '2026-03-02T09:14:00.000Z',
		});
		const fromPage = read('ticket-open.html');
		expect(snapshot?.messages).toEqual(fromPage?.messages);
	});

	test('pages in any order, overlapping pages, and junk', () => {
		const [ticket, comments] = responses;
		expect(snapshotFromApi([comments, ticket, comments], url)?.messages).toHaveLength(5);
		expect(snapshotFromApi([comments], url)).toBeUndefined();
		expect(snapshotFromApi([null, 7, 'x', {ticket: {id: {}}}])).toBeUndefined();
		const odd = snapshotFromApi([
			{ticket: {id: 1, tags: ['a', 2, null], status: 3}},
			{comments: [{id: 5, public: 'no', plain_body: ['x'], author_id: 8}], users: 'none'},
		]);
		expect(odd).toMatchObject({ticketId: '1', tags: ['a'], status: '3', messages: [{id: '5', role: 'system', text: ''}]});
		expect(snapshotProblems(odd)).toEqual([]);
	});
});

describeRobustness(zendesk, 'zendesk', fixtureFiles('zendesk'));
