// The demo helpdesk: a small local web app with realistic ticket pages, a ticket list, and messages
// arriving while a page is open. Used by `npm start` and by the end-to-end tests. Loopback only.
import {readFileSync, existsSync, statSync} from 'node:fs';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {extname, join, normalize} from 'node:path';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';
import {renderListPage, renderTicketPage} from './render.ts';
import {demoTickets, type DemoMessage, type DemoTicket} from './tickets.ts';

export type DemoServer = {
	url: string;
	port: number;
	/** Adds a message to a ticket and pushes it to every open page of that ticket. */
	addMessage(ticketId: string, message: {type: DemoMessage['type']; author: string; body: string[]}): DemoMessage;
	close(): Promise<void>;
};

export type DemoServerOptions = {
	port?: number;
	/** Send each ticket's scripted live messages while its page is open (default true). */
	scheduleLive?: boolean;
	/** A folder served under /dashboard/ (the standalone dashboard build), when present. */
	dashboardDir?: string;
};

const publicDir = fileURLToPath(new URL('public/', import.meta.url));
const contentTypes: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
};

function liveScript(): string {
	const source = readFileSync(join(publicDir, 'live.ts'), 'utf8');
	return ts.transpileModule(source, {compilerOptions: {target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None}}).outputText;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
	let raw = '';
	for await (const chunk of request) {
		raw += String(chunk);
		if (raw.length > 1_000_000) {
			throw new Error('body too large');
		}
	}

	return JSON.parse(raw) as unknown;
}

function send(response: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8'): void {
	response.writeHead(status, {'content-type': type, 'cache-control': 'no-store'});
	response.end(body);
}

const longLines = {
	'end-user': [
		'Any update on this?',
		'It happened again this morning.',
		'I attached the screenshot you asked for.',
		'Thanks, I will try that now.',
		'Still the same, unfortunately.',
	],
	agent: [
		'Thanks for the details, I am checking with the team.',
		'Could you try clearing the cache and signing in again?',
		'I have passed this to our engineers.',
		'Here is what I found so far.',
		'Thank you for your patience.',
	],
} as const;

/** `count` earlier messages, alternating customer and agent, an hour apart, ending before the ticket's own. */
function longThread(ticket: DemoTicket, count: number): DemoMessage[] {
	const startMinutes = (ticket.messages[0]?.minutesAgo ?? 0) + 60;
	return Array.from({length: count}, (_, index) => {
		const type = index % 2 === 0 ? 'end-user' : 'agent';
		const lines = longLines[type];
		return {
			id: `long-${ticket.id}-${index}`,
			type,
			author: type === 'agent' ? ticket.assignee : ticket.requester.name,
			minutesAgo: startMinutes + (count - index) * 60,
			body: [lines[index % lines.length]!],
		};
	});
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
	const startedAt = Date.now();
	const added = new Map<string, DemoMessage[]>();
	const listeners = new Map<string, Set<ServerResponse>>();
	const timers = new Set<NodeJS.Timeout>();
	const script = liveScript();
	let sequence = 0;

	const byId = (id: string): DemoTicket | undefined => demoTickets.find(ticket => ticket.id === id);

	function addMessage(ticketId: string, message: {type: DemoMessage['type']; author: string; body: string[]}): DemoMessage {
		sequence++;
		const stored: DemoMessage = {id: `live-${ticketId}-${sequence}`, minutesAgo: -(Date.now() - startedAt) / 60_000, ...message};
		added.set(ticketId, [...(added.get(ticketId) ?? []), stored]);
		const payload = JSON.stringify({
			id: stored.id,
			type: stored.type,
			author: stored.author,
			body: stored.body,
			at: new Date().toISOString(),
		});
		for (const listener of listeners.get(ticketId) ?? []) {
			listener.write(`data: ${payload}\n\n`);
		}

		return stored;
	}

	function openStream(ticket: DemoTicket, request: IncomingMessage, response: ServerResponse): void {
		response.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive'});
		response.write(': connected\n\n');
		const set = listeners.get(ticket.id) ?? new Set();
		set.add(response);
		listeners.set(ticket.id, set);
		const pending: NodeJS.Timeout[] = [];
		if (options.scheduleLive !== false) {
			for (const live of ticket.live ?? []) {
				const alreadySent = (added.get(ticket.id) ?? []).some(message => message.body.join('\n') === live.body.join('\n'));
				if (!alreadySent) {
					const timer = setTimeout(
						() => addMessage(ticket.id, {type: 'end-user', author: live.author, body: live.body}),
						live.afterSeconds * 1000,
					);
					pending.push(timer);
					timers.add(timer);
				}
			}
		}

		request.on('close', () => {
			set.delete(response);
			for (const timer of pending) {
				clearTimeout(timer);
				timers.delete(timer);
			}
		});
	}

	function serveFile(response: ServerResponse, root: string, relative: string): boolean {
		const path = normalize(join(root, relative));
		if (!path.startsWith(normalize(root)) || !existsSync(path) || !statSync(path).isFile()) {
			return false;
		}

		// Bytes as they are on disk: the dashboard's sql.js wasm must arrive unchanged.
		response.writeHead(200, {'content-type': contentTypes[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store'});
		response.end(readFileSync(path));
		return true;
	}

	const server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const path = url.pathname;
		try {
			if (request.method === 'GET' && (path === '/' || path === '/agent/filters/all')) {
				send(response, 200, renderListPage(demoTickets, startedAt));
				return;
			}

			if (request.method === 'GET' && path === '/demo.css') {
				send(response, 200, readFileSync(join(publicDir, 'demo.css'), 'utf8'), contentTypes['.css']);
				return;
			}

			if (request.method === 'GET' && path === '/demo-live.js') {
				send(response, 200, script, contentTypes['.js']);
				return;
			}

			if (options.dashboardDir && request.method === 'GET' && (path === '/dashboard' || path.startsWith('/dashboard/'))) {
				const relative = path.replace(/^\/dashboard\/?/, '') || 'index.html';
				if (serveFile(response, options.dashboardDir, relative)) {
					return;
				}
			}

			const match = /^\/agent\/tickets\/(\d+)(\/live|\/comments)?\/?$/.exec(path);
			const ticket = match ? byId(match[1] ?? '') : undefined;
			if (match && ticket) {
				if (request.method === 'GET' && !match[2]) {
					const alsoOpen = (url.searchParams.get('also') ?? '').split(',').flatMap(id => {
						const other = byId(id);
						return other && other.id !== ticket.id ? [{ticket: other, extraMessages: added.get(other.id) ?? []}] : [];
					});
					// ?long=N: the same ticket with N earlier back-and-forth messages, for long-thread checks.
					const long = Math.min(5000, Math.max(0, Number(url.searchParams.get('long')) || 0));
					const shown = long > 0 ? {...ticket, messages: [...longThread(ticket, long), ...ticket.messages]} : ticket;
					send(response, 200, renderTicketPage(shown, startedAt, {extraMessages: added.get(ticket.id) ?? [], alsoOpen}));
					return;
				}

				if (request.method === 'GET' && match[2] === '/live') {
					openStream(ticket, request, response);
					return;
				}

				if (request.method === 'POST' && match[2] === '/comments') {
					const body = (await readJson(request)) as {text?: unknown};
					if (typeof body.text !== 'string' || body.text.trim() === '') {
						send(response, 400, JSON.stringify({error: 'text is required'}), contentTypes['.json']);
						return;
					}

					const message = addMessage(ticket.id, {type: 'agent', author: 'Sam Okafor', body: body.text.split(/\n+/)});
					send(response, 201, JSON.stringify({id: message.id}), contentTypes['.json']);
					return;
				}
			}

			// Test hook: a customer (or anyone) writes to a ticket while its page is open.
			const hook = /^\/__demo\/tickets\/(\d+)\/messages$/.exec(path);
			if (hook && request.method === 'POST' && byId(hook[1] ?? '')) {
				const body = (await readJson(request)) as {type?: unknown; author?: unknown; text?: unknown};
				const type = body.type === 'agent' || body.type === 'internal' ? body.type : 'end-user';
				const message = addMessage(hook[1] ?? '', {
					type,
					author: typeof body.author === 'string' ? body.author : 'Customer',
					body: String(body.text ?? '').split(/\n+/),
				});
				send(response, 201, JSON.stringify({id: message.id}), contentTypes['.json']);
				return;
			}

			send(response, 404, '<!doctype html><title>Not found</title><p>Not found.</p>');
		} catch (error) {
			send(response, 400, JSON.stringify({error: String(error)}), contentTypes['.json']);
		}
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		addMessage,
		async close() {
			for (const timer of timers) {
				clearTimeout(timer);
			}

			for (const set of listeners.values()) {
				for (const listener of set) {
					listener.end();
				}
			}

			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}
