// Some helpdesks let the agent's own session read the ticket from their same-origin JSON API, which
// gives exact timestamps and roles where the page shows "2 h ago" and colours. Defuse reads it (never
// writes), only on the page's own origin, and falls back to the page when it cannot.
import * as chatwoot from '../../core/helpdesks/chatwoot.ts';
import * as freshdesk from '../../core/helpdesks/freshdesk.ts';
import * as zammad from '../../core/helpdesks/zammad.ts';
import * as zendesk from '../../core/helpdesks/zendesk.ts';
import type {TicketSnapshot} from '../../core/model.ts';

export type FetchJson = (url: string, headers?: Record<string, string>) => Promise<unknown>;
export type ApiReader = (url: URL, fetchJson: FetchJson, cookie: string) => Promise<TicketSnapshot | undefined>;

const maxPages = 20;

// One reader per helpdesk, each imported by that helpdesk's content script only.

export const readZendeskApi: ApiReader = async (url, fetchJson) => {
	const responses: unknown[] = [];
	for (const first of zendesk.apiUrls(url)) {
		let next: string | undefined = first;
		for (let page = 0; next && page < maxPages; page++) {
			const response = await fetchJson(next);
			responses.push(response);
			next = zendesk.nextApiUrl(response, url);
		}
	}

	return responses.length > 0 ? zendesk.snapshotFromApi(responses, url) : undefined;
};

export const readFreshdeskApi: ApiReader = async (url, fetchJson) => {
	const urls = freshdesk.apiUrls(url);
	if (!urls) {
		return undefined;
	}

	const ticket = await fetchJson(urls.ticket);
	const pages: unknown[] = [];
	for (let page = 1; page <= maxPages; page++) {
		const json = await fetchJson(urls.conversations(page));
		pages.push(json);
		if (!freshdesk.hasNextPage(json)) {
			break;
		}
	}

	// Names only: a narrower agent permission must not cost the conversations
	const people = await Promise.all(
		freshdesk.peopleUrls(url, ticket, pages).map(async address => fetchJson(address).catch(() => undefined)),
	);
	return freshdesk.snapshotFromApi(ticket, pages, people, url);
};

export const readZammadApi: ApiReader = async (url, fetchJson) => {
	const urls = zammad.apiUrls(url);
	if (!urls) {
		return undefined;
	}

	const [ticket, articles] = await Promise.all([fetchJson(urls.ticket), fetchJson(urls.articles)]);
	return zammad.snapshotFromApi(ticket, articles, url);
};

export const readChatwootApi: ApiReader = async (url, fetchJson, cookie) => {
	const headers = chatwoot.authHeaders(cookie);
	const first = chatwoot.apiUrls(url);
	if (!headers || !first) {
		return undefined;
	}

	const conversation = await fetchJson(first.conversation, headers);
	const pages: unknown[] = [];
	let before: string | undefined;
	for (let page = 0; page < maxPages; page++) {
		const urls = chatwoot.apiUrls(url, before);
		const json = urls ? await fetchJson(urls.messages, headers) : undefined;
		const ids = messageIdsOf(json);
		if (ids.length === 0) {
			break;
		}

		pages.push(json);
		const oldest = String(Math.min(...ids));
		if (oldest === before) {
			break;
		}

		before = oldest;
	}

	return chatwoot.snapshotFromApi(conversation, pages, url);
};

function messageIdsOf(json: unknown): number[] {
	const payload = typeof json === 'object' && json !== null ? (json as {payload?: unknown}).payload : undefined;
	return Array.isArray(payload)
		? payload.flatMap(item =>
				typeof item === 'object' && item !== null && Number.isFinite(Number((item as {id?: unknown}).id))
					? [Number((item as {id?: unknown}).id)]
					: [],
			)
		: [];
}

/** The part of fetch the readers use (injected in tests). */
export type Fetcher = (input: URL, init: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'url' | 'headers' | 'body'>>;

export type FetchLimits = {
	/** @default 8000 */
	timeoutMs?: number;
	/** Largest answer read, in bytes; a larger one is dropped without reading the rest. @default 8_000_000 */
	maxBytes?: number;
	fetch?: Fetcher;
};

/** The body as text, reading at most `maxBytes` (checked from Content-Length first, then as it streams). */
async function cappedText(response: Pick<Response, 'headers' | 'body'>, maxBytes: number, what: string): Promise<string> {
	const declared = Number(response.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > maxBytes) {
		throw new Error(`${what} is too large to read (${declared} bytes)`);
	}

	const reader = response.body?.getReader();
	if (!reader) {
		return '';
	}

	const decoder = new TextDecoder();
	let text = '';
	let bytes = 0;
	for (;;) {
		const {done, value} = await reader.read();
		if (done) {
			return text + decoder.decode();
		}

		bytes += value.byteLength;
		if (bytes > maxBytes) {
			await reader.cancel().catch(() => undefined);
			throw new Error(`${what} is too large to read (over ${maxBytes} bytes)`);
		}

		text += decoder.decode(value, {stream: true});
	}
}

/**
 * A fetch limited to the page's own origin, with its cookies: no redirects followed (and the final
 * address checked again), a time limit, and a size limit enforced while the answer streams in.
 */
export function sameOriginFetch(origin: string, options: FetchLimits = {}): FetchJson {
	const fetcher: Fetcher = options.fetch ?? (async (input, init) => fetch(input, init));
	const maxBytes = options.maxBytes ?? 8_000_000;
	return async (url, headers = {}) => {
		const target = new URL(url, origin);
		if (target.origin !== origin) {
			throw new Error(`refusing to read ${target.origin} from ${origin}`);
		}

		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 8000);
		try {
			const response = await fetcher(target, {
				credentials: 'same-origin',
				redirect: 'error',
				headers: {accept: 'application/json', ...headers},
				signal: controller.signal,
			});
			if (response.url && new URL(response.url).origin !== origin) {
				throw new Error(`${target.pathname} answered from ${new URL(response.url).origin}`);
			}

			if (!response.ok) {
				throw new Error(`${target.pathname} answered ${response.status}`);
			}

			const text = await cappedText(response, maxBytes, target.pathname);
			try {
				return JSON.parse(text) as unknown;
			} catch {
				throw new Error(`${target.pathname} did not answer JSON`);
			}
		} finally {
			clearTimeout(timer);
		}
	};
}

/**
 * The page's snapshot, improved by the API's where both describe the same ticket: the API's messages
 * (exact times and roles) and fields, with the page's values for anything the API left out.
 */
export function preferApi(page: TicketSnapshot, api: TicketSnapshot | undefined): TicketSnapshot {
	if (!api || api.ticketId !== page.ticketId || api.messages.length === 0) {
		return page;
	}

	const merged: TicketSnapshot = {...page};
	for (const [key, value] of Object.entries(api) as Array<[keyof TicketSnapshot, unknown]>) {
		if (value !== undefined && !(Array.isArray(value) && value.length === 0 && key !== 'messages')) {
			(merged as Record<string, unknown>)[key] = value;
		}
	}

	return {...merged, url: page.url ?? api.url};
}
