// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {fixtureFiles, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import {customerName, longCount, longThread, shownDateRead} from '../../test/fixtures/generate-long.ts';
import {describeRobustness, describeUrlDetectors, stubExecCommand} from '../../test/unit/adapter-checks.ts';
import {missingParts} from './adapter.ts';
import front, {conversationIdOf, selectors} from './front.ts';
import {selectorCounts as expected} from '../../test/fixtures/front/counts.ts';

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
	test.each([
		'https://app.frontapp.com/inboxes/teams/folders/7256583/unassigned',
		'https://app.frontapp.com/inboxes/shared/support/open/latest',
		'https://app.frontapp.com/inboxes/teams/folders/7256583',
	])('list %s', url => {
		expect(front.isListPage(new URL(url))).toBe(true);
		expect(front.isTicketPage(new URL(url))).toBe(false);
	});
	test.each(['https://app.frontapp.com/settings/tags', 'https://app.frontapp.com/open/xyz_1', 'https://app.frontapp.com/analytics'])(
		'neither %s',
		url => {
			expect(front.isTicketPage(new URL(url))).toBe(false);
			expect(front.isListPage(new URL(url))).toBe(false);
		},
	);
});

const read = (file: string) => front.readTicket(loadFixture('front', file), fixtureUrl('front', file));
const local = (month: number, day: number, hour: number, minute: number) => new Date(2026, month - 1, day, hour, minute).toISOString();

describe('readTicket', () => {
	test('sides by structure: the account-holding sender, whoever writes to them, whoever writes to that side; an address-less line stays unknown', () => {
		expect(read('ticket-open.html')).toEqual({
			helpdesk: 'front',
			ticketId: 'cnv_1jdgxx0l',
			url: 'https://acme.frontapp.com/inboxes/teams/folders/7256583/unassigned/120537545061',
			subject: 'Contract renewal pricing',
			requester: {name: 'Daniel Weber', email: 'daniel.weber@example.de'},
			createdAt: local(3, 2, 8, 0),
			messages: [
				{
					role: 'customer',
					author: 'Daniel Weber',
					at: local(3, 2, 8, 0),
					text: 'Your renewal quote is 40% higher than last year. Nobody told us about a price change.',
				},
				{
					role: 'agent',
					author: 'Lucia Moreno',
					at: local(3, 2, 9, 15),
					text: 'Hi Daniel, the new price includes the analytics module. I can walk you through it today.',
				},
				{
					role: 'customer',
					author: 'Petra Klein',
					at: local(3, 3, 7, 5),
					text: 'Adding myself here: finance needs the old price confirmed by Friday.',
				}, // Collapsed: its preview
				{
					role: 'customer',
					author: 'Daniel Weber',
					at: local(3, 4, 7, 40),
					text: 'We never asked for analytics. If this is not fixed we will move to another vendor.',
				},
				{role: 'unknown', author: 'Renewals bot', at: local(3, 4, 7, 41), text: 'Renewal date: April 1, 2026.'},
			],
		});
	});

	test('a release later every class hash differs: the same reading', () => {
		expect(read('ticket-rehashed.html')).toEqual(read('ticket-open.html'));
	});

	test('without an account anywhere, nothing anchors the sides: every message is unknown, none guessed', () => {
		const page = loadFixture('front', 'ticket-open.html');
		for (const node of page.querySelectorAll(selectors.account)) {
			node.remove();
		}

		expect(front.readTicket(page, fixtureUrl('front', 'ticket-open.html'))?.messages.map(message => message.role)).toEqual([
			'unknown',
			'unknown',
			'unknown',
			'unknown',
			'unknown',
		]);
	});

	test('two viewers mounted: the URL picks one; a msg_ link falls back to the one on screen', () => {
		expect(read('ticket-switch.html')?.messages.map(message => [message.role, message.author])).toEqual([
			['customer', 'Yara Haddad'],
			['agent', 'Owen Price'],
		]);
		const page = loadFixture('front', 'ticket-switch.html');
		expect(front.readTicket(page, new URL('https://app.frontapp.com/open/msg_c02'))?.ticketId).toBe('cnv_2k9qx1');
		expect(front.readTicket(page, new URL('https://app.frontapp.com/open/cnv_zzz9'))).toBeUndefined();
	});

	test('200+ items: every message in order; internal comments are not read (no source shows their markup)', () => {
		const snapshot = read('ticket-long.html');
		const shown = longThread().filter(message => !message.internal);
		expect(longCount - shown.length).toBe(34);
		expect(snapshot?.messages.map(message => [message.role, message.author, message.text, message.at])).toEqual(
			shown.map(message => [message.role, message.author, message.text, shownDateRead(message.at)]),
		);
		expect(snapshot?.requester?.name).toBe(customerName);
	});

	test('undefined while rendering and on list pages; says what is missing', () => {
		const page = loadFixture('front', 'ticket-open.html');
		for (const body of page.querySelectorAll(`${selectors.body}, ${selectors.blurb}`)) {
			body.remove();
		}

		expect(front.readTicket(page, fixtureUrl('front', 'ticket-open.html'))).toBeUndefined();
		expect(missingParts(front, page)).toEqual(['body']);
		expect(front.readTicket(loadFixture('front', 'list.html'), fixtureUrl('front', 'list.html'))).toBeUndefined();
	});
});

test('readList: rows through conversation links, numeric and cnv_ alike', () => {
	expect(front.readList(loadFixture('front', 'list.html'), fixtureUrl('front', 'list.html'))).toEqual([
		{ticketId: 'cnv_1jdgxx0l', subject: 'Contract renewal pricing', at: '2026-03-04T07:40:00.000Z'},
		{ticketId: 'cnv_2k9qx1', subject: 'Missing delivery', at: '2026-03-05T10:20:00.000Z'},
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

	test('a ProseMirror composer goes through the bridge', () => {
		const page = loadFixture('front', 'ticket-switch.html');
		expect(front.insertReply(page, 'Hi Yara')).toEqual({ok: false, via: 'bridge', editor: 'prosemirror', selector: selectors.composer});
	});

	test('no composer: says so', () => {
		expect(front.insertReply(loadFixture('front', 'list.html'), 'x')).toMatchObject({ok: false, via: 'none'});
	});
});

describeRobustness(front, 'front', fixtureFiles('front'));
