// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {fixtureFiles, fixtureHtml, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import {describeRobustness, describeUrlDetectors, stubExecCommand} from '../../test/unit/adapter-checks.ts';
import type {TicketSnapshot} from '../model.ts';
import {missingParts} from './adapter.ts';
import zammad, {apiUrls, htmlToText, parseAddress, selectors, snapshotFromApi} from './zammad.ts';
import {selectorCounts as expected} from '../../test/fixtures/zammad/counts.ts';

test('every fixture has a count table', () => {
	expect(fixtureFiles('zammad')).toEqual(Object.keys(expected).sort());
});

describe.each(Object.entries(expected))('%s', (file, counts) => {
	const page = loadFixture('zammad', file);
	test.each(Object.entries(counts))('%s → %i', (name, count) => {
		expect(page.querySelectorAll(selectors[name as keyof typeof selectors])).toHaveLength(count);
	});
});

describeUrlDetectors(zammad);

test('ticket ids come from the hash (legacy) or the path (new desktop and mobile)', () => {
	const read = (url: string) => zammad.isTicketPage(new URL(url));
	expect(read('https://support.example.org/#ticket/zoom/812/4401')).toBe(true);
	expect(read('https://support.example.org/#ticket/zoom/abc')).toBe(false);
	expect(read('https://support.example.org/#ticket/create')).toBe(false);
	expect(read('https://support.example.org/desktop/tickets/create')).toBe(false);
});

const marta = {name: 'Marta Kowalczyk', email: 'marta.k@example.com'};
const legacySnapshot: TicketSnapshot = {
	helpdesk: 'zammad',
	ticketId: '812',
	ticketNumber: '31812', // What the agent and the customer see; the id is internal
	url: 'https://support.example.org/#ticket/zoom/812',
	subject: 'Refund not received for order 5521',
	status: 'open',
	priority: '3 high',
	requester: marta,
	assignee: 'Anna Berg',
	group: 'Returns',
	tags: ['refund', 'vip'],
	createdAt: '2026-11-02T09:14:00.000Z',
	messages: [
		// Signature (after js-signatureMarker) and the quoted mail are dropped
		{
			id: '4401',
			role: 'customer',
			author: 'Marta Kowalczyk',
			text: 'Hello,\n\nI returned the headphones three weeks ago and still have no refund. This is not acceptable.\n\nMarta',
			at: '2026-11-02T09:14:00.000Z',
		},
		{
			id: '4402',
			role: 'agent',
			author: 'Anna Berg',
			text: 'Dear Marta,\n\nI am sorry for the delay. I have asked our warehouse to confirm the return today.\n\nBest regards\nAnna',
			at: '2026-11-02T11:40:00.000Z',
		},
		{
			id: '4403',
			role: 'agent',
			internal: true,
			author: 'Anna Berg',
			text: 'Warehouse has no record of the parcel. Asked logistics.',
			at: '2026-11-02T11:45:00.000Z',
		},
		{id: '4404', role: 'system', text: '"Refund not received for order 5521" -> "marta.k@example.com"'},
		// The "> " line quoting the agent is dropped
		{
			id: '4405',
			role: 'customer',
			author: 'Marta Kowalczyk',
			text: 'Three days and nothing. If I do not hear back today I will dispute the charge with my bank.',
			at: '2026-11-05T08:02:00.000Z',
		},
	],
};

describe('readTicket (legacy desktop)', () => {
	const read = (file: string) => zammad.readTicket(loadFixture('zammad', file), fixtureUrl('zammad', file));

	test('ticket-open: every field', () => {
		expect(read('ticket-open.html')).toEqual(legacySnapshot);
	});

	test('two tasks mounted: reads the one the URL names, not the first in the DOM', () => {
		expect(read('ticket-two-tabs.html')).toEqual(legacySnapshot);
	});

	test('mid-switch (old task still .active): reads the task whose permalinks name the ticket', () => {
		expect(read('ticket-switch.html')).toEqual(legacySnapshot);
	});

	test('the other task is read when the URL names it', () => {
		const snapshot = zammad.readTicket(
			loadFixture('zammad', 'ticket-two-tabs.html'),
			new URL('https://support.example.org/#ticket/zoom/790'),
		);
		expect(snapshot?.subject).toBe('Password reset link expired');
		expect(snapshot?.messages.map(message => message.text)).toEqual(['The reset link says it has expired.']);
		expect(snapshot?.requester).toEqual({name: 'Tomasz Lind', email: 'tomasz@example.net'});
	});

	test('a ticket not mounted yet is not read from another task', () => {
		expect(
			zammad.readTicket(loadFixture('zammad', 'ticket-two-tabs.html'), new URL('https://support.example.org/#ticket/zoom/999')),
		).toBeUndefined();
	});

	test('German UI: the translated "From" row still names the author', () => {
		const page = loadFixture('zammad', 'ticket-open.html');
		for (const key of page.querySelectorAll('.article-meta-key')) {
			key.textContent = key.textContent === 'From' ? 'Von' : key.textContent;
		}

		for (const avatar of page.querySelectorAll('.js-avatar')) {
			avatar.remove();
		}

		expect(zammad.readTicket(page, fixtureUrl('zammad', 'ticket-open.html'))?.messages.map(message => message.author)).toEqual([
			'Marta Kowalczyk',
			'Anna Berg',
			undefined,
			undefined,
			'Marta Kowalczyk',
		]);
	});

	test('older releases: <span class="humanTimeFromNow" data-time>', () => {
		const page = loadFixture('zammad', 'ticket-open.html');
		page.querySelector('#article-4401 time')!.outerHTML = '<span class="humanTimeFromNow" data-time="2026-11-02T09:14:00.000Z">?</span>';
		expect(zammad.readTicket(page, fixtureUrl('zammad', 'ticket-open.html'))?.messages[0]?.at).toBe('2026-11-02T09:14:00.000Z');
	});

	test('still rendering: no articles yet gives undefined', () => {
		const page = loadFixture('zammad', 'ticket-open.html');
		for (const article of page.querySelectorAll(selectors.article)) {
			article.remove();
		}

		expect(zammad.readTicket(page, fixtureUrl('zammad', 'ticket-open.html'))).toBeUndefined();
	});

	test('long thread: 240 articles in order, notes flagged, quotes dropped', () => {
		const snapshot = read('ticket-long.html');
		const messages = snapshot?.messages ?? [];
		expect(messages).toHaveLength(240);
		expect(messages.filter(message => message.role === 'system')).toHaveLength(8);
		expect(messages.filter(message => message.internal)).toHaveLength(34);
		expect(messages.filter(message => message.role === 'customer')).toHaveLength(99); // 103 in the thread, 4 shown as system events
		expect(messages.every(message => message.at && message.text.length > 0)).toBe(true);
		const times = messages.map(message => Date.parse(message.at!));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(messages.some(message => message.text.includes('must not be read twice'))).toBe(false);
		expect(messages[0]).toEqual({
			id: '9000',
			role: 'customer',
			author: 'Rosa Castellano',
			text: 'The export still fails with a timeout after ten minutes. (message 1)',
			at: '2026-01-05T08:00:00.000Z',
		});
	});
});

describe('readTicket (new desktop UI)', () => {
	const read = (file: string) => zammad.readTicket(loadFixture('zammad', file), fixtureUrl('zammad', file));
	const desktopSnapshot: TicketSnapshot = {
		helpdesk: 'zammad',
		ticketId: '812',
		url: 'https://support.example.org/desktop/tickets/812',
		subject: 'Refund not received for order 5521',
		requester: {name: 'Marta Kowalczyk'},
		createdAt: '2026-11-02T09:14:00.000Z',
		messages: [
			{
				id: '4401',
				role: 'customer',
				author: 'Marta Kowalczyk',
				text: 'Hello,\n\nI returned the headphones three weeks ago and still have no refund. This is not acceptable.',
				at: '2026-11-02T09:14:00.000Z',
			},
			{
				id: '4402',
				role: 'agent',
				author: 'Anna Berg',
				text: 'Dear Marta,\n\nI am sorry for the delay. I have asked our warehouse to confirm the return today.',
				at: '2026-11-02T11:40:00.000Z',
			},
			{
				id: '4403',
				role: 'agent',
				internal: true,
				author: 'Anna Berg',
				text: 'Warehouse has no record of the parcel. Asked logistics.',
				at: '2026-11-02T11:45:00.000Z',
			},
			{role: 'system', text: '"Refund not received for order 5521" → "marta.k@example.com"'},
			// "11/05/2026 08:02" as shown (English page: month first), in the agent's time zone
			{
				id: '4405',
				role: 'customer',
				author: 'Marta Kowalczyk',
				text: 'Three days and nothing. If I do not hear back today I will dispute the charge with my bank.',
				at: new Date(2026, 10, 5, 8, 2).toISOString(),
			},
		],
	};

	test('desktop-ticket-open: messages, roles, notes, authors, times', () => {
		expect(read('desktop-ticket-open.html')).toEqual(desktopSnapshot);
	});

	test('a hidden (kept-alive) ticket view is skipped', () => {
		expect(read('desktop-ticket-two-tabs.html')).toEqual(desktopSnapshot);
	});

	test('a feed still loading gives undefined', () => {
		const page = loadFixture('zammad', 'desktop-ticket-open.html');
		page.querySelector(selectors.feed)?.setAttribute('aria-busy', 'true');
		expect(zammad.readTicket(page, fixtureUrl('zammad', 'desktop-ticket-open.html'))).toBeUndefined();
	});

	test('long thread', () => {
		const messages = read('desktop-ticket-long.html')?.messages ?? [];
		expect(messages).toHaveLength(240);
		expect(messages.filter(message => message.role === 'system')).toHaveLength(8);
		expect(messages.filter(message => message.internal)).toHaveLength(34);
		expect(messages.some(message => message.text.includes('must not be read twice'))).toBe(false);
	});
});

describe('readList', () => {
	test('overview rows with id, subject, customer and time; text stays text', () => {
		expect(zammad.readList(loadFixture('zammad', 'list.html'), fixtureUrl('zammad', 'list.html'))).toEqual([
			{ticketId: '812', subject: 'Refund not received for order 5521', requester: 'Marta Kowalczyk', at: '2026-11-02T09:14:00.000Z'},
			{ticketId: '790', subject: 'Password reset link expired', requester: 'Tomasz Lind', at: '2026-11-01T07:00:00.000Z'},
			{ticketId: '805', subject: 'Invoice address <wrong> on PDF', requester: 'Ines Duarte', at: '2026-11-03T15:30:00.000Z'},
		]);
	});

	test('new desktop overview rows: id from the item id of the row (gid or number)', () => {
		expect(zammad.readList(loadFixture('zammad', 'desktop-list.html'), fixtureUrl('zammad', 'desktop-list.html'))).toEqual([
			{ticketId: '812', subject: 'Refund not received for order 5521', at: '2026-11-02T09:14:00.000Z'},
			{ticketId: '805', subject: undefined, at: undefined},
		]);
	});

	test('a ticket page has no list rows (taskbar links and permalinks are not rows)', () => {
		expect(zammad.readList(loadFixture('zammad', 'ticket-two-tabs.html'), fixtureUrl('zammad', 'ticket-two-tabs.html'))).toEqual([]);
	});
});

test('missingParts explains an empty page in either UI', () => {
	const empty = new DOMParser().parseFromString('<html><body><div id="app"></div></body></html>', 'text/html');
	expect(missingParts(zammad, empty)).toEqual(['anyArticle']);
	expect(missingParts(zammad, loadFixture('zammad', 'desktop-ticket-open.html'))).toEqual([]);
	expect(missingParts(zammad, loadFixture('zammad', 'ticket-open.html'))).toEqual([]);
});

describe('insertReply', () => {
	test("legacy: types into the active task's contenteditable and fires input", () => {
		const page = loadFixture('zammad', 'ticket-two-tabs.html');
		const typed = stubExecCommand(page);
		const inputs: string[] = [];
		page.addEventListener('input', event => inputs.push((event.target as Element).closest('[id^="content_permanent_"]')?.id ?? ''));
		expect(zammad.insertReply(page, 'Hello Marta, I am on it.')).toEqual({ok: true, via: 'insert-text'});
		const editors = page.querySelectorAll(selectors.editor);
		expect(editors[0]?.textContent).toBe('');
		expect(editors[1]?.textContent).toBe('Hello Marta, I am on it.');
		expect(typed).toHaveLength(1);
		expect(inputs).toEqual(['content_permanent_Ticket-812']);
	});

	test('legacy: without editing commands the outcome says so', () => {
		const page = loadFixture('zammad', 'ticket-open.html');
		Object.defineProperty(page, 'execCommand', {value: () => false});
		expect(zammad.insertReply(page, 'x')).toMatchObject({ok: false, via: 'none'});
	});

	test('new desktop: TipTap goes through the bridge, with a selector for the visible editor', () => {
		const page = loadFixture('zammad', 'desktop-ticket-two-tabs.html');
		const outcome = zammad.insertReply(page, 'Hello');
		expect(outcome).toEqual({ok: false, via: 'bridge', editor: 'tiptap', selector: '#ticket-reply-body'});
		expect(
			page
				.querySelector(outcome.ok ? '' : (outcome as {selector: string}).selector)
				?.closest('main')
				?.getAttribute('style'),
		).toBeNull();
		expect(page.querySelector('#ticket-reply-body')?.textContent).toBe(''); // Never edited directly
	});

	test('no editor: a reason, no exception', () => {
		expect(zammad.insertReply(loadFixture('zammad', 'list.html'), 'x')).toMatchObject({ok: false, via: 'none'});
	});
});

describe('REST API', () => {
	const ticket: unknown = JSON.parse(fixtureHtml('zammad', 'api-ticket.json'));
	const articles: unknown = JSON.parse(fixtureHtml('zammad', 'api-articles.json'));

	test('apiUrls for both UIs, under a path prefix too', () => {
		expect(apiUrls(new URL('https://support.example.org/#ticket/zoom/812/4401'))).toEqual({
			ticket: 'https://support.example.org/api/v1/tickets/812?expand=true',
			articles: 'https://support.example.org/api/v1/ticket_articles/by_ticket/812?expand=true',
		});
		expect(apiUrls(new URL('https://helpdesk.example.net/zammad/#ticket/zoom/77'))?.ticket).toBe(
			'https://helpdesk.example.net/zammad/api/v1/tickets/77?expand=true',
		);
		expect(apiUrls(new URL('https://support.example.org/desktop/tickets/812'))?.articles).toBe(
			'https://support.example.org/api/v1/ticket_articles/by_ticket/812?expand=true',
		);
		expect(apiUrls(new URL('https://support.example.org/#ticket/view/all_open'))).toBeUndefined();
	});

	test('snapshotFromApi: sorted by time, exact roles, notes, authors, quotes and signatures dropped', () => {
		expect(snapshotFromApi(ticket, articles, new URL('https://support.example.org/#ticket/zoom/812'))).toEqual({
			helpdesk: 'zammad',
			ticketId: '812',
			ticketNumber: '31812',
			url: 'https://support.example.org/#ticket/zoom/812',
			subject: 'Refund not received for order 5521',
			status: 'open',
			priority: '3 high',
			requester: {id: '17', name: 'Marta Kowalczyk', email: 'marta.k@example.com'},
			assignee: 'anna.berg@example.org',
			group: 'Returns',
			tags: ['refund', 'vip'],
			createdAt: '2026-11-02T09:14:00.000Z',
			messages: [
				{
					id: '4401',
					role: 'customer',
					author: 'Marta Kowalczyk',
					text: 'Hello,\n\nI returned the headphones three weeks ago and still have no refund. This is not acceptable & I want it fixed.\n\nMarta',
					at: '2026-11-02T09:14:00.000Z',
				},
				{id: '4404', role: 'system', author: 'Example Support', text: 'Your request has been received.', at: '2026-11-02T09:14:05.000Z'},
				{
					id: '4402',
					role: 'agent',
					author: 'Anna Berg',
					text: 'Dear Marta,\n\nI am sorry for the delay. I have asked our warehouse to confirm the return today.',
					at: '2026-11-02T11:40:00.000Z',
				},
				{
					id: '4403',
					role: 'agent',
					internal: true,
					author: 'Anna Berg',
					text: 'Warehouse has no record of the parcel. Asked logistics.\n\n<script>not markup</script>',
					at: '2026-11-02T11:45:00.000Z',
				},
				{
					id: '4405',
					role: 'customer',
					author: 'Marta Kowalczyk',
					text: 'Three days and nothing. If I do not hear back today I will dispute the charge with my bank.',
					at: '2026-11-05T08:02:00.000Z',
				},
			],
		});
	});

	test.each([null, 'x', [], {}, {id: null}])('not a ticket: %o', value => {
		expect(snapshotFromApi(value, articles)).toBeUndefined();
	});

	test('junk articles are skipped, not thrown on', () => {
		const snapshot = snapshotFromApi({id: 5}, [
			null,
			3,
			{sender: 'Robot'},
			{sender: 'Customer', body: 42},
			{sender: 'Agent', body: '<p>ok</p>', content_type: 'text/html'},
		]);
		expect(snapshot?.messages).toEqual([
			{id: undefined, role: 'customer', author: undefined, text: '', at: undefined},
			{id: undefined, role: 'agent', author: undefined, text: 'ok', at: undefined},
		]);
	});

	test('htmlToText keeps text as text', () => {
		expect(htmlToText('<p>a &lt;b&gt; &amp; &#233;&#x1F600;</p><div>c<br>d</div><style>x{}</style><blockquote>old</blockquote>')).toBe(
			'a <b> & é😀\n\nc\nd',
		);
	});

	test('parseAddress', () => {
		expect(parseAddress('"Anna Berg via Example Support" <support@example.org>')).toEqual({
			name: 'Anna Berg',
			email: 'support@example.org',
		});
		expect(parseAddress('marta.k@example.com')).toEqual({name: undefined, email: 'marta.k@example.com'});
		expect(parseAddress(undefined)).toEqual({});
	});
});

describeRobustness(zammad, 'zammad', fixtureFiles('zammad'));
