import type {Message, Role, TicketSnapshot} from '../model.ts';
import {defineAdapter, defineHelpdesk, typeInto, type InsertOutcome, type ListRow} from './adapter.ts';
import {attributeOf, bodyText, queryAll, queryOne, selectorFor, stripQuotedText, textContentOf} from './dom.ts';
import {type JsonObject, isObject, stringOf} from './json.ts';

// Chatwoot's dashboard is a Vue SPA. Its DOM carries no author role, no full timestamp and no
// conversation id on messages, so the same-origin API (below) is the primary source; the DOM
// reading is the fallback and the editor is found in the DOM.
export const selectors = {
	box: '.conversation-details-wrap', // ConversationBox.vue: one mounted conversation [SRC]
	message: '.conversation-details-wrap [data-message-id]', // Message.vue: div#message<id> [SRC]
	// Bubble variant classes from bubbles/Base.vue [SRC]; the palette differs between versions and forks
	agentBubble: '[class*="bg-n-solid-blue"], [class*="bg-n-solid-iris"], [class*="bg-n-solid-sent"], [class*="bg-n-wa-out"]',
	privateBubble: '[class*="bg-n-solid-amber"]',
	contactBubble: '[class*="bg-n-slate-4"], [class*="bg-n-solid-received"], [class*="bg-n-wa-in"]',

	lock: '.i-lucide-lock-keyhole', // MessageMeta.vue: shown on private notes [SRC]
	bubble: '[class*="grid-area:bubble"]', // Message.vue grid areas [SRC]
	avatarName: '[class*="grid-area:avatar"] img[alt]', // components-next/avatar/Avatar.vue: the photo's alt is the name; initials-only avatars carry none [SRC]
	meta: 'time, [class*="text-[11px]"]', // Time ("h:mm a", no date) and status icons: MessageMeta.vue [§8]
	quote: 'blockquote, .gmail_quote', // Quoted history as mail clients mark it [UNVERIFIED]
	editor: '.conversation-details-wrap .ProseMirror[contenteditable="true"]', // WootWriter: ProseMirror-woot-style [§8; UNVERIFIED there]
	plainEditor: '.conversation-details-wrap .reply-box textarea', // [UNVERIFIED] channels without rich text
	listCard: '.conversations-list-wrap .conversation', // ConversationCard.vue (no id in its markup) [SRC]
} as const;

// /app/accounts/41/conversations/2987, also under inbox/<id>, label/<name>, team/<id>, custom_view/<id>,
// mentions, unattended, participating
const ticketPath =
	/^(?:\/[\w.-]+)*?\/app\/accounts\/(\d+)\/(?:(?:inbox|label|team|custom_view)\/[^/]+\/|(?:mentions|unattended|participating)\/)?conversations\/(\d+)\/?$/;
// /app/accounts/41/dashboard, /app/accounts/2/inbox/5, …/label/billing, …/team/3, …/mentions/conversations
const listPath =
	/^(?:\/[\w.-]+)*?\/app\/accounts\/\d+\/(?:dashboard|(?:inbox|label|team|custom_view)\/[^/]+|(?:mentions|unattended|participating)\/conversations)\/?$/;

function idsOf(url: URL): {account: string; conversation: string} | undefined {
	const match = ticketPath.exec(url.pathname);
	return match?.[1] && match[2] ? {account: match[1], conversation: match[2]} : undefined;
}

function matches(element: Element, selector: string): boolean {
	try {
		return element.matches(selector) || queryOne(element, selector) !== null;
	} catch {
		return false;
	}
}

function domMessage(element: Element): Message | undefined {
	const classes = element.getAttribute('class') ?? '';
	const id = attributeOf(element, 'data-message-id');
	const bubble = queryOne(element, selectors.bubble) ?? element;
	if (/\bjustify-center\b/.test(classes)) {
		const text = textContentOf(element);
		return text ? {id, role: 'system', text} : undefined;
	}

	const isPrivate = matches(element, selectors.lock) || matches(bubble, selectors.privateBubble);
	let role: Role;
	if (isPrivate || matches(bubble, selectors.agentBubble)) {
		role = 'agent';
	} else if (matches(bubble, selectors.contactBubble)) {
		role = 'customer';
	} else {
		// Unknown palette (e.g. email bubbles): the signed-in agent's own messages sit on the right
		role = /\bjustify-end\b/.test(classes) ? 'agent' : 'customer';
	}

	return {
		id,
		role,
		...(isPrivate ? {internal: true} : {}),
		author: attributeOf(queryOne(element, selectors.avatarName), 'alt'),
		text: bodyText(bubble, `${selectors.meta}, ${selectors.quote}`),
	};
}

// Same-origin API. Chatwoot's dashboard authenticates with devise_token_auth headers that it keeps in
// the cookie `cw_d_session_info` (readable by a same-origin script). The content script fetches; the
// functions below are pure. Field names: Chatwoot API docs (conversation and message objects).

/** API URLs for the conversation at `url`. Messages come newest page first; pass `before` (a message id) for older pages. */
export function apiUrls(url: URL, before?: string): {conversation: string; messages: string} | undefined {
	const ids = idsOf(url);
	if (!ids) {
		return undefined;
	}

	const prefix = url.pathname.slice(0, url.pathname.indexOf('/app/accounts/'));
	const base = `${url.origin}${prefix}/api/v1/accounts/${ids.account}/conversations/${ids.conversation}`;
	return {conversation: base, messages: `${base}/messages${before && /^\d+$/.test(before) ? `?before=${before}` : ''}`};
}

/** Request headers from the dashboard's `cw_d_session_info` cookie (pass document.cookie), or undefined. */
export function authHeaders(cookieHeader: string): Record<string, string> | undefined {
	for (const part of cookieHeader.split(';')) {
		const [name, ...rest] = part.trim().split('=');
		if (name !== 'cw_d_session_info') {
			continue;
		}

		try {
			const session: unknown = JSON.parse(decodeURIComponent(rest.join('=')));
			if (!isObject(session)) {
				return undefined;
			}

			const headers: Record<string, string> = {};
			for (const key of ['access-token', 'client', 'uid', 'expiry', 'token-type']) {
				const value = stringOf(session[key]);
				if (value) {
					headers[key] = value;
				}
			}

			return headers['access-token'] && headers.client && headers.uid ? headers : undefined;
		} catch {
			return undefined;
		}
	}

	return undefined;
}

/** Unix seconds (Chatwoot's created_at) or an ISO string to ISO-8601. */
function timeOf(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 1e11) {
		return new Date(value * 1000).toISOString();
	}

	const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
	return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

// message_type: 0 incoming (contact), 1 outgoing (agent or bot), 2 activity, 3 template
const roleOfType: Record<number, Role> = {0: 'customer', 1: 'agent', 2: 'system', 3: 'agent'};

function apiMessage(message: JsonObject): Message | undefined {
	const role = typeof message.message_type === 'number' ? roleOfType[message.message_type] : undefined;
	if (!role) {
		return undefined;
	}

	const sender = isObject(message.sender) ? message.sender : {};
	const content = typeof message.content === 'string' ? message.content : '';
	return {
		id: stringOf(message.id),
		role,
		...(message.private === true ? {internal: true} : {}),
		author: role === 'system' ? undefined : (stringOf(sender.name) ?? stringOf(sender.available_name)),
		text: stripQuotedText(content.replaceAll('\r\n', '\n')),
		at: timeOf(message.created_at),
	};
}

function messagesOf(value: unknown): JsonObject[] {
	const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.payload) ? value.payload : [];
	return list.filter(item => isObject(item));
}

/**
 * A snapshot from `GET …/conversations/<id>` and one or more pages of `GET …/conversations/<id>/messages`
 * (each `{meta, payload: [...]}` or a plain array); duplicates across pages are merged.
 */
export function snapshotFromApi(conversation: unknown, messagePages: unknown | unknown[], url?: URL): TicketSnapshot | undefined {
	if (!isObject(conversation) || stringOf(conversation.id) === undefined) {
		return undefined;
	}

	const pages =
		Array.isArray(messagePages) && messagePages.some(page => isObject(page) && 'payload' in page) ? messagePages : [messagePages];
	const byId = new Map<string, JsonObject>();
	for (const message of [...pages.flatMap(page => messagesOf(page)), ...messagesOf(conversation.messages)]) {
		byId.set(stringOf(message.id) ?? `#${byId.size}`, message);
	}

	const messages = [...byId.values()]
		.sort((a, b) => (Number(a.created_at) || 0) - (Number(b.created_at) || 0))
		.map(message => apiMessage(message))
		.filter(message => message !== undefined);
	const meta = isObject(conversation.meta) ? conversation.meta : {};
	const sender = isObject(meta.sender) ? meta.sender : {};
	const assignee = isObject(meta.assignee) ? meta.assignee : {};
	const team = isObject(meta.team) ? meta.team : {};
	const attributes = isObject(conversation.additional_attributes) ? conversation.additional_attributes : {};
	const labels = Array.isArray(conversation.labels)
		? conversation.labels.map(label => stringOf(label)).filter(label => label !== undefined)
		: [];
	return {
		helpdesk: 'chatwoot',
		ticketId: stringOf(conversation.id)!,
		url: url?.href,
		subject: stringOf(attributes.mail_subject),
		status: stringOf(conversation.status),
		priority: stringOf(conversation.priority),
		requester: {id: stringOf(sender.id), name: stringOf(sender.name), email: stringOf(sender.email)},
		assignee: stringOf(assignee.name) ?? stringOf(assignee.available_name),
		group: stringOf(team.name),
		tags: labels.length > 0 ? labels : undefined,
		createdAt: timeOf(conversation.created_at),
		messages,
	};
}

/**
 * The conversation-list API URL for a list page: same account, and the inbox / team / label the page
 * filters by (query parameters from the API docs: status, assignee_type, inbox_id, team_id, labels[], page).
 */
export function listApiUrl(url: URL, page = 1): string | undefined {
	const match = /^(.*?)\/app\/accounts\/(\d+)(?:\/(inbox|team|label)\/([^/]+))?/.exec(url.pathname);
	if (!match?.[2] || !listPath.test(url.pathname)) {
		return undefined;
	}

	const query = new URLSearchParams({status: 'open', assignee_type: 'all', page: String(Math.max(1, Math.floor(page)))});
	const filter = match[3] && match[4] ? decodeURIComponent(match[4]) : undefined;
	if (filter && match[3] === 'inbox') {
		query.set('inbox_id', filter);
	} else if (filter && match[3] === 'team') {
		query.set('team_id', filter);
	} else if (filter) {
		query.append('labels[]', filter);
	}

	return `${url.origin}${match[1]!}/api/v1/accounts/${match[2]}/conversations?${query.toString()}`;
}

/** Rows from `GET /api/v1/accounts/<a>/conversations?status=open` (`{data: {meta, payload}}`). */
export function listFromApi(json: unknown): ListRow[] {
	const data = isObject(json) && isObject(json.data) ? json.data : json;
	return messagesOf(data).flatMap(conversation => {
		const ticketId = stringOf(conversation.id);
		const meta = isObject(conversation.meta) ? conversation.meta : {};
		const sender = isObject(meta.sender) ? meta.sender : {};
		const attributes = isObject(conversation.additional_attributes) ? conversation.additional_attributes : {};
		return ticketId
			? [
					{
						ticketId,
						subject: stringOf(attributes.mail_subject),
						requester: stringOf(sender.name),
						at: timeOf(conversation.timestamp ?? conversation.last_activity_at),
					},
				]
			: [];
	});
}

export const helpdesk = defineHelpdesk({
	id: 'chatwoot',
	name: 'Chatwoot',
	kind: 'helpdesk',
	hosts: ['https://app.chatwoot.com/*'], // Chatwoot Cloud; self-hosted instances are mapped in options
	editors: ['prosemirror'],
	isTicketPage: url => idsOf(url) !== undefined,
	isListPage: url => listPath.test(url.pathname),
});

export default /* @__PURE__ */ defineAdapter(helpdesk, {
	selectors,
	required: ['box', 'message'],
	readTicket(root, url) {
		try {
			const ids = idsOf(url);
			const box = queryOne(root, selectors.box);
			const elements = queryAll(root, selectors.message);
			if (!ids || !box || elements.length === 0) {
				return undefined; // Still loading (a switch empties the list first)
			}

			const messages = elements.map(element => domMessage(element)).filter(message => message !== undefined);
			const contact = messages.find(message => message.role === 'customer' && message.author)?.author;
			return {
				helpdesk: 'chatwoot',
				ticketId: ids.conversation,
				url: url.href,
				requester: contact ? {name: contact} : undefined,
				messages,
			};
		} catch {
			return undefined;
		}
	},
	readList() {
		// Conversation cards carry no id in their markup; rows come from listFromApi()
		return [];
	},
	insertReply(root, text, mode): InsertOutcome {
		try {
			const editor = queryOne(root, selectors.editor);
			if (editor) {
				// ProseMirror rebuilds its DOM from its own state: the bridge dispatches a paste with the
				// text (ProseMirror's paste handler inserts it as a transaction)
				return {ok: false, via: 'bridge', editor: 'prosemirror', selector: selectorFor(editor, selectors.editor)};
			}

			const textarea = queryOne(root, selectors.plainEditor);
			return textarea ? typeInto(textarea, text, mode) : {ok: false, via: 'none', reason: `reply editor not found: ${selectors.editor}`};
		} catch (error) {
			return {ok: false, via: 'none', reason: String(error)};
		}
	},
});

/* Fixtures: test/fixtures/chatwoot/{ticket-open,ticket-switch,list,ticket-long}.html, api-*.json
   Check live: https://app.chatwoot.com/app/accounts/<account>/conversations/<id>
   API: https://app.chatwoot.com/api/v1/accounts/<account>/conversations/<id>/messages */
