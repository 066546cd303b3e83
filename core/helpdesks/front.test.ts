// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {fixtureFiles, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import {customerName, longCount, longThread} from '../../test/fixtures/generate-long.ts';
import {describeRobustness, describeUrlDetectors, stubExecCommand} from '../../test/unit/adapter-checks.ts';
import {missingParts} from './adapter.ts';
import front, {conversationIdOf, selectors} from './front.ts';
import {selectorCounts as expected} from './front.counts.ts';

test('every fixture has a count table', () => {
	expect(Object.keys(expected).sort()).toEqual(fixtureFiles('front'));
});

describe.each(Object.entries(expected))('%s', (file, counts) => {
	const page = loadFixture('front', file);
	test.each(Object.entries(counts))('%s -> %i', (name, count) => {
		expect(page.querySelectorAll(selectors[name as keyof typeof selectors])).toHaveLength(count);
	});
});

describeUrlDetectors(front);

describe('URLs', () => {
	test.each([
		['https://app.frontapp.com/open/cnv_7k2l9x', 'cnv_7k2l9x'],
		['https://app.frontapp.com/conversations/cnv_7k2l9x', 'cnv_7k2l9x'],
		['https://app.frontapp.com/inboxes/teams/folders/7256583/unassigned/120537545061', 'cnv_1jdgxx0l'],
		['https://app.frontapp.com/inboxes/teammates/20999898/inbox/all/117421069338', `cnv_${(117_421_069_338).toString(36)}`],
		['https://app.frontapp.com/inboxes/shared/support/open/121516198', `cnv_${(121_516_198).toString(36)}`],
		['https://app.frontapp.com/open/msg_a23om0z', undefined], // A message link: the conversation comes from the page
	])('ticket %s -> %s', (url, id) => {
		expect(front.isTicketPage(new URL(url))).toBe(true);
		expect(front.isListPage(new URL(url))).toBe(false);
		expect(conversationIdOf(new URL(url))).toBe(id);
	});
	test.each(['https://app.frontapp.com/inboxes/teams/folders/7256583/unassigned', 'https://app.frontapp.com/inboxes/shared/support/open/latest', 'https://app.frontapp.com/inboxes/teams/folders/7256583'])('list %s', url => {
		expect(front.isListPage(new URL(url))).toBe(true);
		expect(front.isTicketPage(new URL(url))).toBe(false);
	});
	test.each(['https://app.frontapp.com/settings/tags', 'https://app.frontapp.com/open/xyz_1', 'https://app.frontapp.com/analytics'])('neither %s', url => {
		expect(front.isTicketPage(new URL(url))).toBe(false);
		expect(front.isListPage(new URL(url))).toBe(false);
	});
});

const read = (file: string) => front.readTicket(loadFixture('front', file), fixtureUrl('front', file));

describe('readTicket', () => {
	test('reads the conversation the inbox URL names: inbound/outbound, internal comment, fields', () => {
		expect(read('ticket-open.html')).toEqual({
			helpdesk: 'front',
			ticketId: 'cnv_1jdgxx0l',
			url: 'https://app.frontapp.com/inboxes/teams/folders/7256583/unassigned/120537545061',
			subject: 'Contract renewal pricing',
			status: 'open',
			requester: {name: 'Daniel Weber', email: 'daniel.weber@example.de'},
			assignee: 'Lucia Moreno',
			group: 'Sales support',
			tags: ['renewal', 'enterprise'],
			createdAt: '2026-03-02T08:00:00.000Z',
			messages: [
				{id: 'msg_a11', role: 'customer', author: 'Daniel Weber', at: '2026-03-02T08:00:00.000Z', text: 'Your renewal quote is 40% higher than last year. Nobody told us about a price change.'},
				{id: 'msg_a12', role: 'agent', author: 'Lucia Moreno', at: '2026-03-02T09:15:00.000Z', text: 'Hi Daniel, the new price includes the analytics module. I can walk you through it today.'},
				{id: 'com_b7', role: 'agent', internal: true, author: 'Lucia Moreno', at: '2026-03-02T09:17:00.000Z', text: '@Pavel can we offer the old price for one more year?'},
				{id: 'msg_a13', role: 'customer', author: 'Daniel Weber', at: '2026-03-04T07:40:00.000Z', text: 'We never asked for analytics. If this is not fixed we will move to another vendor.'},
			],
		});
	});

	test('two conversations mounted: the URL picks one; a msg_ link falls back to the one on screen', () => {
		expect(read('ticket-switch.html')?.messages.map(message => [message.role, message.author])).toEqual([['customer', 'Yara Haddad'], ['agent', 'Owen Price']]);
		const page = loadFixture('front', 'ticket-switch.html');
		expect(front.readTicket(page, new URL('https://app.frontapp.com/open/msg_c02'))?.ticketId).toBe('cnv_2k9qx1');
		expect(front.readTicket(page, new URL('https://app.frontapp.com/open/cnv_zzz9'))).toBeUndefined();
	});

	test('without an inbound marker the customer is the contact', () => {
		const page = loadFixture('front', 'ticket-open.html');
		for (const message of page.querySelectorAll('[data-is-inbound]')) {
			message.removeAttribute('data-is-inbound');
		}

		expect(front.readTicket(page, fixtureUrl('front', 'ticket-open.html'))?.messages.map(message => message.role)).toEqual(['customer', 'agent', 'agent', 'customer']);
	});

	test('200+ items: all of them, in order', () => {
		const snapshot = read('ticket-long.html');
		expect(snapshot?.messages).toHaveLength(longCount);
		expect(snapshot?.messages.map(message => [message.role, message.internal ?? false, message.author, message.text, message.at]))
			.toEqual(longThread().map(message => [message.role, message.internal, message.author, message.text, message.at]));
		expect(snapshot?.requester?.name).toBe(customerName);
	});

	test('undefined while rendering and on list pages; says what is missing', () => {
		const page = loadFixture('front', 'ticket-open.html');
		for (const body of page.querySelectorAll(selectors.body)) {
			body.remove();
		}

		expect(front.readTicket(page, fixtureUrl('front', 'ticket-open.html'))).toBeUndefined();
		expect(missingParts(front, page)).toEqual(['body']);
		expect(front.readTicket(loadFixture('front', 'list.html'), fixtureUrl('front', 'list.html'))).toBeUndefined();
	});
});

test('readList: rows through conversation links, numeric and cnv_ alike', () => {
	expect(front.readList(loadFixture('front', 'list.html'), fixtureUrl('front', 'list.html'))).toEqual([
		{ticketId: 'cnv_1jdgxx0l', subject: 'Contract renewal pricing', requester: 'Daniel Weber', at: '2026-03-04T07:40:00.000Z'},
		{ticketId: 'cnv_2k9qx1', subject: 'Missing delivery', requester: 'Yara Haddad', at: '2026-03-05T10:20:00.000Z'},
	]);
});

describe('insertReply', () => {
	test('a plain contenteditable composer is typed into', () => {
		const page = loadFixture('front', 'ticket-open.html');
		const typed = stubExecCommand(page);
		expect(front.insertReply(page, 'Hi Daniel')).toEqual({ok: true, via: 'insert-text'});
		expect(typed.map(entry => entry.text)).toEqual(['Hi Daniel']);
		expect(page.querySelector(selectors.composer)?.textContent).toBe('Hi Daniel');
	});

	test('a ProseMirror composer goes through the bridge, aimed at the visible conversation', () => {
		const page = loadFixture('front', 'ticket-switch.html');
		const outcome = front.insertReply(page, 'Hi Yara');
		expect(outcome).toMatchObject({ok: false, via: 'bridge', editor: 'prosemirror'});
		const targets = outcome.via === 'bridge' ? [...page.querySelectorAll(outcome.selector)] : [];
		expect(targets).toHaveLength(1);
		expect(targets[0]?.closest(selectors.conversation)?.getAttribute('data-conversation-id')).toBe('cnv_2k9qx1');
	});

	test('no composer: says so', () => {
		expect(front.insertReply(loadFixture('front', 'list.html'), 'x')).toMatchObject({ok: false, via: 'none'});
	});
});

describeRobustness(front, 'front', fixtureFiles('front'));
