import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import type {TicketSnapshot} from '../../core/model.ts';
import {fixturesDir} from '../../test/fixtures.ts';
import {preferApi, readFreshdeskApi, readZendeskApi, sameOriginFetch, type Fetcher} from './api-readers.ts';

const url = new URL('https://acme.zendesk.com/agent/tickets/4821');

test('Zendesk: the ticket and every comments page, read through the injected fetch', async () => {
	const asked: string[] = [];
	const responses: Record<string, unknown> = {
		'https://acme.zendesk.com/api/v2/tickets/4821.json?include=users,groups': {
			ticket: {id: 4821, subject: 'Refund', status: 'open', requester_id: 7, created_at: '2026-11-01T08:00:00Z'},
			users: [
				{id: 7, name: 'Ana', role: 'end-user'},
				{id: 9, name: 'Sam', role: 'agent'},
			],
		},
		'https://acme.zendesk.com/api/v2/tickets/4821/comments.json?include=users&sort_order=asc': {
			comments: [{id: 1, author_id: 7, plain_body: 'Charged twice', public: true, created_at: '2026-11-01T08:00:00Z'}],
			next_page: 'https://acme.zendesk.com/api/v2/tickets/4821/comments.json?page=2',
		},
		'https://acme.zendesk.com/api/v2/tickets/4821/comments.json?page=2': {
			comments: [
				{id: 2, author_id: 9, plain_body: 'Refunded', public: true, created_at: '2026-11-01T09:00:00Z'},
				{id: 3, author_id: 9, plain_body: 'note', public: false, created_at: '2026-11-01T09:01:00Z'},
			],
			next_page: null,
		},
	};
	const snapshot = await readZendeskApi(
		url,
		async address => {
			asked.push(address);
			return responses[address];
		},
		'',
	);
	expect(asked).toHaveLength(3);
	expect(snapshot?.messages.map(message => [message.role, message.internal ?? false, message.at])).toEqual([
		['customer', false, '2026-11-01T08:00:00.000Z'],
		['agent', false, '2026-11-01T09:00:00.000Z'],
		['agent', true, '2026-11-01T09:01:00.000Z'],
	]);
});

describe('Freshdesk', () => {
	const fdUrl = new URL('https://acme.freshdesk.com/a/tickets/812');
	const json = (file: string): unknown => JSON.parse(readFileSync(join(fixturesDir, 'freshdesk', file), 'utf8'));
	const base = 'https://acme.freshdesk.com/api/v2/tickets/812';
	const conversation = (id: number) => ({
		id,
		user_id: 4400112,
		incoming: true,
		private: false,
		body_text: `message ${id}`,
		created_at: new Date(Date.UTC(2026, 2, 2) + id * 60_000).toISOString(),
	});

	test('the ticket, every conversations page until a short one, then the names; nothing else is asked', async () => {
		const asked: string[] = [];
		const answers: Record<string, unknown> = {
			[`${base}?include=requester`]: json('api-812-ticket.json'),
			[`${base}/conversations?per_page=100&page=1`]: Array.from({length: 100}, (_, index) => conversation(index + 1)),
			[`${base}/conversations?per_page=100&page=2`]: Array.from({length: 100}, (_, index) => conversation(index + 101)),
			[`${base}/conversations?per_page=100&page=3`]: json('api-812-conversations.json'),
			...(json('api-812-people.json') as Record<string, unknown>),
		};
		const snapshot = await readFreshdeskApi(
			fdUrl,
			async address => {
				asked.push(address);
				if (!(address in answers)) {
					throw new Error(`unexpected ${address}`);
				}

				return answers[address];
			},
			'',
		);
		expect(asked.slice(0, 4)).toEqual([
			`${base}?include=requester`,
			...[1, 2, 3].map(page => `${base}/conversations?per_page=100&page=${page}`),
		]);
		expect(asked.slice(4).sort()).toEqual(Object.keys(json('api-812-people.json') as object).sort());
		expect(snapshot?.messages).toHaveLength(1 + 200 + 8);
		expect(snapshot?.assignee).toBe('Bruno Silva');
	});

	test('paging stops at the page limit; a refused name lookup costs only the name', async () => {
		const asked: string[] = [];
		const snapshot = await readFreshdeskApi(
			fdUrl,
			async address => {
				asked.push(address);
				if (address.includes('/agents/') || address.includes('/groups/')) {
					throw new Error('403');
				}

				return address.includes('/conversations')
					? Array.from({length: 100}, (_, index) => conversation(Number(/&page=(\d+)/.exec(address)?.[1]) * 1000 + index))
					: json('api-812-ticket.json');
			},
			'',
		);
		expect(asked.filter(address => address.includes('/conversations'))).toHaveLength(20);
		expect(snapshot?.messages).toHaveLength(1 + 2000);
		expect(snapshot?.assignee).toBeUndefined();
		expect(snapshot?.group).toBeUndefined();
	});

	test("a failing ticket read rejects: the session keeps the page's reading", async () => {
		await expect(
			readFreshdeskApi(
				fdUrl,
				async () => {
					throw new Error('/api/v2/tickets/812 answered 401');
				},
				'',
			),
		).rejects.toThrow('401');
		expect(
			await readFreshdeskApi(new URL('https://acme.freshdesk.com/a/tickets/filters/all_tickets'), async () => ({}), ''),
		).toBeUndefined();
	});
});

describe('sameOriginFetch', () => {
	type Answer = {ok?: boolean; status?: number; url?: string; headers?: Record<string, string>; chunks?: string[]};
	/** A fetch stand-in that records what it was asked and how much of its body was pulled. */
	function fakeFetch(answer: Answer) {
		const calls: Array<{url: string; init: RequestInit}> = [];
		let pulled = 0;
		const fetcher: Fetcher = async (input, init) => {
			calls.push({url: input.href, init});
			const chunks = (answer.chunks ?? []).map(chunk => new Uint8Array(new TextEncoder().encode(chunk)));
			return {
				ok: answer.ok ?? true,
				status: answer.status ?? 200,
				url: answer.url ?? input.href,
				headers: new Headers(answer.headers ?? {}),
				body: new ReadableStream<Uint8Array<ArrayBuffer>>(
					{
						pull(controller) {
							const next = chunks[pulled++];
							if (next) {
								controller.enqueue(next);
							} else {
								controller.close();
							}
						},
					},
					{highWaterMark: 0},
				), // Nothing is pulled before the reader asks
			};
		};

		return {fetcher, calls, pulled: () => pulled};
	}

	test('reads JSON in chunks, with cookies, no redirects followed, and asks for JSON', async () => {
		const fake = fakeFetch({chunks: ['{"id": 8', '12, "subject": "Ünïcode"}']});
		expect(await sameOriginFetch('https://acme.freshdesk.com', {fetch: fake.fetcher})('/api/v2/tickets/812')).toEqual({
			id: 812,
			subject: 'Ünïcode',
		});
		expect(fake.calls[0]?.url).toBe('https://acme.freshdesk.com/api/v2/tickets/812');
		expect(fake.calls[0]?.init).toMatchObject({credentials: 'same-origin', redirect: 'error', headers: {accept: 'application/json'}});
	});

	test('another origin is refused before anything is sent', async () => {
		const fake = fakeFetch({chunks: ['{}']});
		const fetchJson = sameOriginFetch('https://acme.zendesk.com', {fetch: fake.fetcher});
		await expect(fetchJson('https://evil.example/api/v2/tickets/1.json')).rejects.toThrow('refusing to read https://evil.example');
		await expect(fetchJson('//evil.example/x')).rejects.toThrow('refusing to read https://evil.example');
		expect(fake.calls).toEqual([]);
	});

	test('an answer that ends up on another origin is dropped unread', async () => {
		const fake = fakeFetch({url: 'https://login.example/sso?next=/api', chunks: ['{"secret": 1}']});
		await expect(sameOriginFetch('https://acme.zendesk.com', {fetch: fake.fetcher})('/api/v2/tickets/1.json')).rejects.toThrow(
			'answered from https://login.example',
		);
		expect(fake.pulled()).toBe(0);
	});

	test('too large: refused from Content-Length without reading, or cut off while streaming', async () => {
		const declared = fakeFetch({headers: {'content-length': '9000001'}, chunks: ['{}']});
		await expect(sameOriginFetch('https://acme.zendesk.com', {fetch: declared.fetcher})('/api/v2/x.json')).rejects.toThrow(
			'too large to read (9000001 bytes)',
		);
		expect(declared.pulled()).toBe(0);

		const streamed = fakeFetch({chunks: Array.from({length: 50}, () => 'x'.repeat(1000))});
		await expect(sameOriginFetch('https://acme.zendesk.com', {fetch: streamed.fetcher, maxBytes: 5000})('/api/v2/x.json')).rejects.toThrow(
			'over 5000 bytes',
		);
		expect(streamed.pulled()).toBeLessThan(10);
	});

	test('errors say what went wrong: a status, an answer that is not JSON', async () => {
		await expect(
			sameOriginFetch('https://acme.zendesk.com', {fetch: fakeFetch({ok: false, status: 401}).fetcher})('/api/v2/x.json'),
		).rejects.toThrow('/api/v2/x.json answered 401');
		await expect(
			sameOriginFetch('https://acme.zendesk.com', {fetch: fakeFetch({chunks: ['<html>login</html>']}).fetcher})('/api/v2/x.json'),
		).rejects.toThrow('did not answer JSON');
	});

	test('a read that takes too long is aborted', async () => {
		const slow: Fetcher = async (_input, init) =>
			new Promise((_resolve, reject) => {
				init.signal?.addEventListener('abort', () => reject(new Error('aborted')));
			});
		await expect(sameOriginFetch('https://acme.zendesk.com', {fetch: slow, timeoutMs: 20})('/api/v2/x.json')).rejects.toThrow('aborted');
	});
});

test("the API's messages and fields win; the page fills what the API left out; another ticket is ignored", () => {
	const page: TicketSnapshot = {
		helpdesk: 'zendesk',
		ticketId: '4821',
		url: url.href,
		subject: 'Refund',
		tags: ['billing'],
		group: 'Billing',
		messages: [{role: 'customer', text: 'Charged twice'}],
	};
	const api: TicketSnapshot = {
		helpdesk: 'zendesk',
		ticketId: '4821',
		subject: 'Refund (API)',
		tags: [],
		group: undefined,
		messages: [{role: 'customer', text: 'Charged twice', at: '2026-11-01T08:00:00.000Z'}],
	};
	expect(preferApi(page, api)).toEqual({
		helpdesk: 'zendesk',
		ticketId: '4821',
		url: url.href,
		subject: 'Refund (API)',
		tags: ['billing'],
		group: 'Billing',
		messages: api.messages,
	});
	expect(preferApi(page, {...api, ticketId: '9'})).toBe(page);
	expect(preferApi(page, undefined)).toBe(page);
});
