// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {fixtureFiles, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import {describeRobustness, describeUrlDetectors} from '../../test/unit/adapter-checks.ts';
import freescout, {selectors} from './freescout.ts';
import {selectorCounts as expected} from '../../test/fixtures/freescout/counts.ts';

test('every fixture has a count table', () => {
	expect(fixtureFiles('freescout')).toEqual(Object.keys(expected).sort());
});

describe.each(Object.entries(expected))('%s', (file, counts) => {
	const page = loadFixture('freescout', file);
	test.each(Object.entries(counts))('%s → %i', (name, count) => {
		expect(page.querySelectorAll(selectors[name as keyof typeof selectors])).toHaveLength(count);
	});
});

describeUrlDetectors(freescout);

test("Help Scout's look-alike conversation URLs are not FreeScout", () => {
	expect(freescout.isTicketPage(new URL('https://secure.helpscout.net/conversation/1543'))).toBe(false);
	expect(freescout.isTicketPage(new URL('https://desk.example.com/help/conversation/1543'))).toBe(true); // Installed in a sub-folder
	expect(freescout.isTicketPage(new URL('https://desk.example.com/conversation/ajax'))).toBe(false);
});

// Shown dates carry no zone: they are read in the runtime's zone (the agent's, in the browser)
const local = (month: number, day: number, hour: number, minute: number) => new Date(2026, month - 1, day, hour, minute).toISOString();

describe('readTicket', () => {
	test('ticket-open: oldest first, roles, note, line item, dates from title or data-original-title, no draft', () => {
		expect(freescout.readTicket(loadFixture('freescout', 'ticket-open.html'), fixtureUrl('freescout', 'ticket-open.html'))).toEqual({
			helpdesk: 'freescout',
			ticketId: '1543',
			url: 'https://desk.example.com/conversation/1543?folder_id=12',
			subject: 'Cannot log in after the update',
			status: 'Active',
			requester: {name: 'Lukas Meyer', email: 'lukas.meyer@example.de'},
			assignee: 'Sofia Marin',
			createdAt: local(11, 3, 8, 30),
			messages: [
				// "--" signature dropped
				{
					id: '88210',
					role: 'customer',
					author: 'Lukas Meyer',
					text: "Since yesterday's update I cannot log in. The page just reloads.",
					at: local(11, 3, 8, 30),
				},
				{
					id: '88211',
					role: 'agent',
					author: 'Sofia Marin',
					text: 'Hi Lukas,\n\nCould you try clearing your cookies and logging in again?\n\nSofia',
					at: local(11, 4, 16, 10),
				},
				{id: '88212', role: 'system', text: 'Sofia Marin assigned to Sofia Marin', at: local(11, 4, 16, 11)},
				{
					id: '88213',
					role: 'agent',
					internal: true,
					author: 'Sofia Marin',
					text: 'Account is flagged by the new SSO migration. Asked dev team.',
					at: local(11, 4, 16, 15),
				},
				// Gmail quote dropped
				{
					id: '88214',
					role: 'customer',
					author: 'Lukas Meyer',
					text: 'Still locked out. This is the third day and nobody has a solution. I need this fixed today.',
					at: local(11, 5, 9, 48),
				},
			],
		});
	});

	test('a page still showing another conversation is not read as this one', () => {
		expect(
			freescout.readTicket(loadFixture('freescout', 'ticket-switch.html'), fixtureUrl('freescout', 'ticket-switch.html')),
		).toBeUndefined();
		expect(
			freescout.readTicket(loadFixture('freescout', 'ticket-switch.html'), new URL('https://desk.example.com/conversation/1544'))?.ticketId,
		).toBe('1544');
	});

	test("unassigned conversations have no assignee, whatever the label's language", () => {
		const page = loadFixture('freescout', 'ticket-open.html');
		page.querySelector('#conv-assignee li.active')?.classList.remove('active');
		page.querySelector('#conv-assignee a[data-user_id="-1"]')?.parentElement?.classList.add('active');
		page.querySelector(selectors.assignee)!.textContent = 'Alle';
		expect(freescout.readTicket(page, fixtureUrl('freescout', 'ticket-open.html'))?.assignee).toBeUndefined();
	});

	test('German page: localized month names are read', () => {
		const page = loadFixture('freescout', 'ticket-open.html');
		page.documentElement.setAttribute('lang', 'de');
		page.querySelector('#thread-88210 .thread-date')?.setAttribute('title', 'Dez 3, 2026 08:30');
		expect(freescout.readTicket(page, fixtureUrl('freescout', 'ticket-open.html'))?.messages[0]?.at).toBe(
			new Date(2026, 11, 3, 8, 30).toISOString(),
		);
	});

	test('chat threads take their side from the author link', () => {
		const page = loadFixture('freescout', 'ticket-open.html');
		page.querySelector('#thread-88214')?.setAttribute('class', 'thread thread-type-chat');
		page.querySelector('#thread-88211')?.setAttribute('class', 'thread thread-type-chat');
		const roles = freescout.readTicket(page, fixtureUrl('freescout', 'ticket-open.html'))?.messages.map(message => message.role);
		expect(roles).toEqual(['customer', 'agent', 'system', 'agent', 'customer']);
	});

	test('long thread: 240 threads reversed into time order', () => {
		const messages =
			freescout.readTicket(loadFixture('freescout', 'ticket-long.html'), fixtureUrl('freescout', 'ticket-long.html'))?.messages ?? [];
		expect(messages).toHaveLength(240);
		expect(messages.filter(message => message.role === 'system')).toHaveLength(8);
		expect(messages.filter(message => message.internal)).toHaveLength(34);
		expect(messages.filter(message => message.role === 'customer')).toHaveLength(99);
		const times = messages.map(message => Date.parse(message.at ?? ''));
		expect(times.every(time => !Number.isNaN(time))).toBe(true);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(messages[0]).toMatchObject({
			id: '20000',
			role: 'customer',
			author: 'Rosa Castellano',
			text: 'The export still fails with a timeout after ten minutes. (message 1)',
		});
		expect(messages.some(message => message.text.includes('must not be read twice'))).toBe(false);
	});
});

test('readList: conversation rows without the counter, owner and email noise', () => {
	expect(freescout.readList(loadFixture('freescout', 'list.html'), fixtureUrl('freescout', 'list.html'))).toEqual([
		{ticketId: '1543', subject: 'Cannot log in after the update', requester: 'Lukas Meyer'},
		{ticketId: '1540', subject: 'Invoice <script> shows the wrong VAT', requester: 'Hana Sato'},
		{ticketId: '1538', subject: 'Feature request: dark mode', requester: 'Omar Haddad'},
	]);
});

describe('insertReply', () => {
	test('Summernote: handed to the bridge, the editor is not touched', () => {
		const page = loadFixture('freescout', 'ticket-open.html');
		expect(freescout.insertReply(page, 'Hello Lukas')).toEqual({ok: false, via: 'bridge', editor: 'summernote', selector: '#body'});
		expect(page.querySelector('#body')?.tagName).toBe('TEXTAREA');
		expect(page.querySelector(selectors.editor)?.textContent).toBe('');
	});

	test('no editor on a list page', () => {
		expect(freescout.insertReply(loadFixture('freescout', 'list.html'), 'x')).toMatchObject({ok: false, via: 'none'});
	});
});

describeRobustness(freescout, 'freescout', fixtureFiles('freescout'));
