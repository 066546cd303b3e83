// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {fixtureFiles, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import {customerName, longCount, longThread} from '../../test/fixtures/generate-long.ts';
import {describeRobustness, describeUrlDetectors} from '../../test/unit/adapter-checks.ts';
import {missingParts} from './adapter.ts';
import freshdesk, {selectors} from './freshdesk.ts';
import {selectorCounts as expected} from './freshdesk.counts.ts';

test('every fixture has a count table', () => {
	expect(Object.keys(expected).sort()).toEqual(fixtureFiles('freshdesk'));
});

describe.each(Object.entries(expected))('%s', (file, counts) => {
	const page = loadFixture('freshdesk', file);
	test.each(Object.entries(counts))('%s -> %i', (name, count) => {
		expect(page.querySelectorAll(selectors[name as keyof typeof selectors])).toHaveLength(count);
	});
});

describeUrlDetectors(freshdesk);

test.each(['https://acme.freshdesk.com/a/tickets/new', 'https://acme.freshdesk.com/a/tickets/812/edit', 'https://acme.freshdesk.com/support/tickets/812', 'https://acme.freshdesk.com/a/contacts/4400112'])('neither ticket nor list: %s', url => {
	expect(freshdesk.isTicketPage(new URL(url))).toBe(false);
	expect(freshdesk.isListPage(new URL(url))).toBe(false);
});

test.each(['https://acme.freshdesk.com/a/tickets', 'https://support.northwind.example/a/tickets/filters/12345'])('list page: %s', url => {
	expect(freshdesk.isListPage(new URL(url))).toBe(true);
});

const read = (file: string) => freshdesk.readTicket(loadFixture('freshdesk', file), fixtureUrl('freshdesk', file));

describe('readTicket', () => {
	test('reads the open ticket: fields, roles from entry classes, private note, no quoted history', () => {
		expect(read('ticket-open.html')).toEqual({
			helpdesk: 'freshdesk',
			ticketId: '812',
			url: 'https://acme.freshdesk.com/a/tickets/812',
			subject: 'Double charge on invoice INV-2291',
			status: 'open',
			priority: 'high',
			requester: {name: 'Aiko Tanaka', email: 'aiko.tanaka@example.org'},
			assignee: 'Bruno Silva',
			group: 'Billing',
			tags: ['billing', 'double-charge'],
			createdAt: '2026-03-02T08:05:00.000Z',
			messages: [
				{id: '9100001', role: 'customer', author: 'Aiko Tanaka', at: '2026-03-02T08:05:00.000Z', text: 'Hi, I was charged twice for invoice INV-2291 ($240 each). Please refund one of the charges.'},
				{id: '9100002', role: 'agent', author: 'Bruno Silva', at: '2026-03-02T10:30:00.000Z', text: 'Hello Aiko, thanks for reaching out. I can see both charges and have asked our billing team to refund one.\n\nRegards,\nBruno'},
				{id: '9100003', role: 'agent', internal: true, author: 'Bruno Silva', at: '2026-03-02T10:31:10.000Z', text: 'Refund request filed with finance, ref FIN-7781.'},
				{id: '9100004', role: 'customer', author: 'Aiko Tanaka', at: '2026-03-05T07:50:00.000Z', text: 'Three days and no refund. This is unacceptable, I will dispute the charge with my bank if it is not fixed today.'},
			],
		});
	});

	test('entries without role classes: roles from author links and the requester name, note from its label, times from titles', () => {
		const snapshot = read('ticket-unmarked.html');
		expect(snapshot?.status).toBe('pending');
		expect(snapshot?.messages.map(message => [message.role, message.internal ?? false, message.author, message.at])).toEqual([
			['customer', false, 'Olu Adeyemi', new Date(2026, 2, 3, 14, 15).toISOString()],
			['agent', false, 'Hannah Okafor', new Date(2026, 2, 3, 15, 2).toISOString()],
			['agent', true, 'Hannah Okafor', new Date(2026, 2, 3, 15, 4).toISOString()],
			['customer', false, 'Olu Adeyemi', new Date(2026, 2, 4, 9, 41).toISOString()],
		]);
		expect(snapshot?.messages[1]?.text).toBe('Sorry about that, Olu. Could you try a private window and tell me if the same happens?');
	});

	test('after a switch: reads the ticket the URL names, and nothing while the old one is still shown', () => {
		expect(read('ticket-switch.html')?.messages).toEqual([
			{id: '9130001', role: 'customer', author: 'Marta Nowak', at: '2026-03-05T09:00:00.000Z', text: 'Please ship order 5531 to my office instead: Długa 5, Kraków.'},
		]);
		expect(freshdesk.readTicket(loadFixture('freshdesk', 'ticket-switch.html'), new URL('https://acme.freshdesk.com/a/tickets/812'))).toBeUndefined();
	});

	test('200+ entries: all of them, in order', () => {
		const snapshot = read('ticket-long.html');
		expect(snapshot?.messages).toHaveLength(longCount);
		expect(snapshot?.messages.map(message => [message.role, message.internal ?? false, message.author, message.text, message.at]))
			.toEqual(longThread().map(message => [message.role, message.internal, message.author, message.text, message.at]));
		expect(snapshot?.requester?.name).toBe(customerName);
	});

	test('undefined while rendering and on list pages; says what is missing', () => {
		const page = loadFixture('freshdesk', 'ticket-open.html');
		for (const note of page.querySelectorAll(selectors.note)) {
			note.remove();
		}

		expect(freshdesk.readTicket(page, fixtureUrl('freshdesk', 'ticket-open.html'))).toBeUndefined();
		expect(missingParts(freshdesk, page)).toEqual(['note']);
		expect(freshdesk.readTicket(loadFixture('freshdesk', 'list.html'), fixtureUrl('freshdesk', 'list.html'))).toBeUndefined();
	});
});

test('readList finds rows through their ticket links', () => {
	expect(freshdesk.readList(loadFixture('freshdesk', 'list.html'), fixtureUrl('freshdesk', 'list.html'))).toEqual([
		{ticketId: '812', subject: 'Double charge on invoice INV-2291', requester: 'Aiko Tanaka', at: '2026-03-05T07:50:00.000Z'},
		{ticketId: '813', subject: 'Shipping address change', requester: 'Marta Nowak', at: '2026-03-05T09:00:00.000Z'},
		{ticketId: '790', subject: 'Cannot export PDF', requester: 'Jens Alm', at: undefined},
	]);
});

describe('insertReply', () => {
	test('Froala goes through the bridge', () => {
		const page = loadFixture('freshdesk', 'ticket-open.html');
		const outcome = freshdesk.insertReply(page, 'Hello Aiko');
		expect(outcome).toEqual({ok: false, via: 'bridge', editor: 'froala', selector: selectors.froala});
		expect(page.querySelectorAll(selectors.froala)).toHaveLength(1);
		expect(page.querySelector(selectors.froala)?.textContent).toBe('');
	});

	test('the older Redactor box goes through the bridge too', () => {
		expect(freshdesk.insertReply(loadFixture('freshdesk', 'ticket-unmarked.html'), 'x')).toMatchObject({via: 'bridge', editor: 'redactor'});
	});

	test('a plain textarea gets the text and an input event', () => {
		const page = loadFixture('freshdesk', 'ticket-switch.html');
		const textarea = page.querySelector<HTMLTextAreaElement>(selectors.replyTextarea)!;
		const events: string[] = [];
		page.addEventListener('input', event => events.push(`${event.type}:${(event.target as Element).tagName}`));
		expect(freshdesk.insertReply(page, 'Hello Marta')).toEqual({ok: true, via: 'value'});
		expect(textarea.value).toBe('Hello Marta');
		expect(events).toEqual(['input:TEXTAREA']);
	});

	test('no reply box: says so', () => {
		expect(freshdesk.insertReply(loadFixture('freshdesk', 'list.html'), 'x')).toMatchObject({ok: false, via: 'none'});
	});
});

describeRobustness(freshdesk, 'freshdesk', fixtureFiles('freshdesk'));
