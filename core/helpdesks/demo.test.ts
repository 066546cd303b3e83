// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import demo, {selectors} from './demo.ts';
import {selectorCounts as expected} from '../../test/fixtures/demo/counts.ts';

describe.each(Object.entries(expected))('%s', (file, counts) => {
	const page = loadFixture('demo', file);
	test.each(Object.entries(counts))('%s -> %i', (name, count) => {
		expect(page.querySelectorAll(selectors[name as keyof typeof selectors])).toHaveLength(count);
	});
});

describe('URL detection', () => {
	test.each(['http://127.0.0.1:5178/agent/tickets/1002', 'http://localhost:5178/agent/tickets/7/'])('ticket page: %s', url => {
		expect(demo.isTicketPage(new URL(url))).toBe(true);
		expect(demo.isListPage(new URL(url))).toBe(false);
	});
	test.each(['http://127.0.0.1:5178/', 'http://127.0.0.1:5178/agent/filters/all'])('list page: %s', url => {
		expect(demo.isListPage(new URL(url))).toBe(true);
		expect(demo.isTicketPage(new URL(url))).toBe(false);
	});
	test.each([
		'http://127.0.0.1:5178/agent/tickets/new',
		'http://127.0.0.1:5178/agent/tickets/12/events',
		'http://127.0.0.1:5178/#ticket/zoom/12',
	])('neither: %s', url => {
		expect(demo.isTicketPage(new URL(url))).toBe(false);
	});
});

test('readTicket reads the angry ticket with roles, authors, times, internal note and no quoted history', () => {
	const snapshot = demo.readTicket(loadFixture('demo', 'ticket-open.html'), fixtureUrl('demo', 'ticket-open.html'));
	expect(snapshot).toMatchObject({
		helpdesk: 'demo',
		ticketId: '1002',
		subject: 'Charged twice for my annual plan',
		status: 'open',
		priority: 'high',
		requester: {id: 'u-202', name: 'Marcus Feld', email: 'marcus.feld@example.net'},
		assignee: 'Dana Whitfield',
		group: 'Billing',
		tags: ['billing', 'double-charge', 'refund'],
		createdAt: '2026-10-31T15:00:00.000Z',
	});
	expect(snapshot?.messages.map(message => [message.role, message.internal ?? false, message.author])).toEqual([
		['customer', false, 'Marcus Feld'],
		['agent', false, 'Dana Whitfield'],
		['agent', true, 'Dana Whitfield'],
		['customer', false, 'Marcus Feld'],
		['agent', false, 'Dana Whitfield'],
		['customer', false, 'Marcus Feld'],
	]);
	expect(snapshot?.messages[0]?.at).toBe('2026-10-31T15:00:00.000Z');
	expect(snapshot?.messages[5]?.at).toBe('2026-11-02T13:30:00.000Z');
	const last = snapshot?.messages[5]?.text ?? '';
	expect(last).toContain('I want to speak to a manager today.');
	expect(last).not.toContain('Dana Whitfield wrote');
	expect(snapshot?.messages[0]?.text).toBe(
		'Hi, I renewed my annual plan yesterday and my card was charged twice ($480 each). Please refund the duplicate.',
	);
});

test('readTicket reads only the active tab when two tickets are mounted', () => {
	const snapshot = demo.readTicket(loadFixture('demo', 'ticket-two-tabs.html'), fixtureUrl('demo', 'ticket-two-tabs.html'));
	expect(snapshot?.ticketId).toBe('1004');
	expect(snapshot?.messages).toHaveLength(3);
	expect(snapshot?.requester?.name).toBe('Tomasz Wrona');
});

test('readTicket falls back to the ticket id in the URL when no pane is marked active', () => {
	const page = loadFixture('demo', 'ticket-two-tabs.html');
	for (const pane of page.querySelectorAll('[data-is-active]')) {
		pane.removeAttribute('data-is-active');
	}

	expect(demo.readTicket(page, new URL('http://127.0.0.1:5178/agent/tickets/1001'))?.ticketId).toBe('1001');
	expect(demo.readTicket(page, new URL('http://127.0.0.1:5178/agent/tickets/999'))).toBeUndefined();
});

test('readTicket is undefined while the conversation has not rendered', () => {
	const page = loadFixture('demo', 'ticket-open.html');
	for (const article of page.querySelectorAll(selectors.article)) {
		article.remove();
	}

	expect(demo.readTicket(page, fixtureUrl('demo', 'ticket-open.html'))).toBeUndefined();
	expect(demo.readTicket(loadFixture('demo', 'list.html'), fixtureUrl('demo', 'list.html'))).toBeUndefined();
});

test('readList reads the rows', () => {
	const rows = demo.readList(loadFixture('demo', 'list.html'), fixtureUrl('demo', 'list.html'));
	expect(rows).toHaveLength(7);
	expect(rows[1]).toEqual({
		ticketId: '1002',
		subject: 'Charged twice for my annual plan',
		requester: 'Marcus Feld',
		at: '2026-11-02T13:30:00.000Z',
	});
});

test('customer text stays text: markup in a message is never parsed into elements', () => {
	const page = loadFixture('demo', 'ticket-open.html');
	const body = page.querySelector(selectors.body)!;
	body.textContent = '<img src=x onerror="alert(1)"> refund please';
	const snapshot = demo.readTicket(page, fixtureUrl('demo', 'ticket-open.html'));
	expect(snapshot?.messages[0]?.text).toBe('<img src=x onerror="alert(1)"> refund please');
});

test("insertReply types into the active pane's composer", () => {
	const page = loadFixture('demo', 'ticket-two-tabs.html');
	const editors = page.querySelectorAll(selectors.editor);
	// Happy-dom has no execCommand editing; the outcome must say so instead of pretending.
	const outcome = demo.insertReply(page, 'Hello Tomasz');
	if (outcome.ok) {
		expect(editors[0]?.textContent).toContain('Hello Tomasz');
	} else {
		expect(outcome).toMatchObject({ok: false, via: 'none'});
	}

	expect(editors[1]?.textContent).toBe('');
});
