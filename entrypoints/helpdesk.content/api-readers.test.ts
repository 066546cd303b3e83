import {expect, test} from 'vitest';
import type {TicketSnapshot} from '../../core/model.ts';
import {preferApi, readZendeskApi, sameOriginFetch} from './api-readers.ts';

const url = new URL('https://acme.zendesk.com/agent/tickets/4821');

test('Zendesk: the ticket and every comments page, read through the injected fetch', async () => {
	const asked: string[] = [];
	const responses: Record<string, unknown> = {
		'https://acme.zendesk.com/api/v2/tickets/4821.json?include=users,groups': {ticket: {id: 4821, subject: 'Refund', status: 'open', requester_id: 7, created_at: '2026-11-01T08:00:00Z'}, users: [{id: 7, name: 'Ana', role: 'end-user'}, {id: 9, name: 'Sam', role: 'agent'}]},
		'https://acme.zendesk.com/api/v2/tickets/4821/comments.json?include=users&sort_order=asc': {comments: [{id: 1, author_id: 7, plain_body: 'Charged twice', public: true, created_at: '2026-11-01T08:00:00Z'}], next_page: 'https://acme.zendesk.com/api/v2/tickets/4821/comments.json?page=2'},
		'https://acme.zendesk.com/api/v2/tickets/4821/comments.json?page=2': {comments: [{id: 2, author_id: 9, plain_body: 'Refunded', public: true, created_at: '2026-11-01T09:00:00Z'}, {id: 3, author_id: 9, plain_body: 'note', public: false, created_at: '2026-11-01T09:01:00Z'}], next_page: null},
	};
	const snapshot = await readZendeskApi(url, async address => {
		asked.push(address);
		return responses[address];
	}, '');
	expect(asked).toHaveLength(3);
	expect(snapshot?.messages.map(message => [message.role, message.internal ?? false, message.at])).toEqual([
		['customer', false, '2026-11-01T08:00:00.000Z'],
		['agent', false, '2026-11-01T09:00:00.000Z'],
		['agent', true, '2026-11-01T09:01:00.000Z'],
	]);
});

test('another origin is refused before anything is sent', async () => {
	const fetchJson = sameOriginFetch('https://acme.zendesk.com');
	await expect(fetchJson('https://evil.example/api/v2/tickets/1.json')).rejects.toThrow('refusing to read https://evil.example');
});

test('the API\'s messages and fields win; the page fills what the API left out; another ticket is ignored', () => {
	const page: TicketSnapshot = {helpdesk: 'zendesk', ticketId: '4821', url: url.href, subject: 'Refund', tags: ['billing'], group: 'Billing', messages: [{role: 'customer', text: 'Charged twice'}]};
	const api: TicketSnapshot = {helpdesk: 'zendesk', ticketId: '4821', subject: 'Refund (API)', tags: [], group: undefined, messages: [{role: 'customer', text: 'Charged twice', at: '2026-11-01T08:00:00.000Z'}]};
	expect(preferApi(page, api)).toEqual({helpdesk: 'zendesk', ticketId: '4821', url: url.href, subject: 'Refund (API)', tags: ['billing'], group: 'Billing', messages: api.messages});
	expect(preferApi(page, {...api, ticketId: '9'})).toBe(page);
	expect(preferApi(page, undefined)).toBe(page);
});
