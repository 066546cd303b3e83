import type {Message, Role, TicketSnapshot} from '../model.ts';
import {defineAdapter, isoOf, typeInto, type InsertOutcome, type ListRow} from './adapter.ts';
import {attributeOf, bodyText, guard, numberIn, pageLocale, pageUrl, queryAll, queryOne, safeText, shownTime, shownValue, textsOf} from './dom.ts';

// Zendesk Support, agent workspace. Confidence per helpdesks.md §1: [3P-2025] = liferay-zendesk-userscript,
// [3P-2024] = toggl track-extension, [3P] = other userscripts, [DOC] = developer.zendesk.com.
export const selectors = {
	pane: '[data-side-conversations-anchor-id]', // One per open tab, all mounted at once; value = ticket id [3P-2025]
	activeLayout: '.ticket-panes-grid-layout[data-is-active="true"]', // Visible tab, Sept-2023 layout [3P-2024]
	selectedTab: '[data-entity-id][data-selected="true"]', // Header tab of the visible ticket, 2021 layout [3P-2024]
	log: '[data-test-id="omni-log-container"]', // [3P-2025]
	article: 'article[data-test-id="omni-log-comment-item"]', // One per comment; data-comment-id [3P]
	message: '[data-test-id="omni-log-item-message"]', // type="end-user" | "agent" | "internal" [3P]
	internalTag: '[data-test-id="omni-log-internal-note-tag"]', // [3P-2024]
	sender: '[data-test-id="omni-log-item-sender"]', // [3P-2025]
	time: 'time[datetime]', // [3P-2025]
	body: '.zd-comment', // Rich text (email, web form) [3P-2025]
	content: '[data-test-id="omni-log-message-content"]', // Messaging bodies have no .zd-comment [3P, older build]
	quote: 'blockquote, .zd-quoted, .gmail_quote', // Quoted mail history [3P translator: blockquote; rest UNVERIFIED]
	signature: '.gmail_signature, [data-smartmail="gmail_signature"]', // [UNVERIFIED] mail-client signature markers
	showMore: '[data-test-id="convolog-show-more-button"]', // Older comments not rendered yet [3P-2025]
	subject: 'input[data-test-id="omni-header-subject"]', // [3P-2024]
	requester: '[data-test-id="ticket-system-field-requester-select"]', // [3P]
	status: '[data-test-id="ticket-status-select"]', // [3P, low confidence]
	priority: '[data-test-id="ticket-priority-select"]', // [3P, low confidence]
	groupAndAssignee: '.js-zero-state-ticket-tutorial-assignee-field', // Shows "Group/Agent" [3P-2025]
	tag: '[data-test-id="ticket-fields-tags"] [data-garden-id="tags.tag_view"]', // Field [3P-2025]; items [UNVERIFIED]
	editor: '[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable="true"]', // CKEditor 5 [3P-2025]
	plainEditor: '[data-test-id="omnicomposer-plain-text-ckeditor"][contenteditable="true"]', // Messaging [3P]
	// TODO [2027-01-01]: drop the pre-2021 editor once no account shows it
	legacyEditor: '.zendesk-editor--rich-text-comment[contenteditable="true"]', // [3P-2025, legacy UI]
	listRow: 'tr[data-test-id="generic-table-row"]', // [3P-2025]
	listId: '[data-test-id="generic-table-cells-id"]', // [3P-2025]
	listSubject: '[data-test-id="ticket-table-cells-subject"]', // [3P-2025]
	listRequester: '[data-test-id="ticket-table-cells-requester"]', // [UNVERIFIED]
	listTime: 'time[datetime]', // [UNVERIFIED] in list rows
} as const;

// https://acme.zendesk.com/agent/tickets/4821 · /agent/tickets/4821?commentId=99 (not /agent/tickets/4821/print)
const ticketPath = /^\/agent\/tickets\/(\d+)\/?$/;
// /agent/filters/360001234567 · /agent/views/7 (older UI) · /agent/dashboard · /agent/search/1?q=refund
const listPath = /^\/agent\/(filters\/[^/]+|views\/\d+|dashboard|search\/)/;

const roleOfType: Readonly<Record<string, Role>> = {'end-user': 'customer', agent: 'agent', internal: 'agent'};

function ticketIdIn(url: URL | undefined): string | undefined {
	return url ? ticketPath.exec(url.pathname)?.[1] : undefined;
}

/** The visible ticket's root: layout marker, then header tab marker, then the URL, then the only pane. */
function activePane(root: ParentNode, url: URL | undefined): Element | undefined {
	const panes = queryAll(root, selectors.pane);
	const byId = (id: string | undefined) => (id ? panes.find(pane => attributeOf(pane, 'data-side-conversations-anchor-id') === id) : undefined);
	const layout = queryOne(root, selectors.activeLayout);
	const inLayout = layout ? (queryOne(layout, selectors.pane) ?? layout.closest(selectors.pane)) : null;
	return inLayout
		?? byId(attributeOf(queryOne(root, selectors.selectedTab), 'data-entity-id'))
		?? byId(ticketIdIn(url))
		?? (panes.length === 1 ? panes[0] : undefined);
}

function readMessage(article: Element, requester: string | undefined, locale: string | undefined): Message | undefined {
	const messageNode = queryOne(article, selectors.message);
	const body = queryOne(article, selectors.body) ?? queryOne(article, selectors.content) ?? messageNode;
	if (!body) {
		return undefined; // Not a comment (an event row without text)
	}

	const type = attributeOf(messageNode, 'type');
	const internal = type === 'internal' || queryOne(article, selectors.internalTag) !== null;
	const author = safeText(article, selectors.sender);
	const role = internal ? 'agent' : roleOfType[type ?? ''] ?? (author && author === requester ? 'customer' : 'agent');
	return {
		id: attributeOf(article, 'data-comment-id'),
		role,
		...(internal ? {internal: true} : {}),
		author,
		text: bodyText(body, selectors.quote, selectors.signature),
		at: shownTime(article, selectors.time, locale),
	};
}

function readTicket(root: ParentNode, url: URL): TicketSnapshot | undefined {
	const pane = activePane(root, url);
	const ticketId = attributeOf(pane, 'data-side-conversations-anchor-id');
	const log = queryOne(pane, selectors.log);
	if (!pane || !log || !ticketId || !/^\d+$/.test(ticketId)) {
		return undefined;
	}

	const requester = safeText(pane, selectors.requester);
	const locale = pageLocale(root);
	const messages = queryAll(log, selectors.article)
		.map(article => readMessage(article, requester, locale))
		.filter(message => message !== undefined);
	if (messages.length === 0) {
		return undefined; // The log renders its items after the header
	}

	// "Billing/Priya Raman": group, then agent; the agent alone when there is no slash
	const shown = safeText(pane, selectors.groupAndAssignee);
	const slash = shown?.lastIndexOf('/') ?? -1;
	const isComplete = queryOne(log, selectors.showMore) === null;
	return {
		helpdesk: 'zendesk',
		ticketId,
		url: url.href,
		subject: shownValue(queryOne(pane, selectors.subject)),
		status: safeText(pane, selectors.status)?.toLowerCase(),
		priority: safeText(pane, selectors.priority)?.toLowerCase(),
		requester: requester ? {name: requester} : undefined,
		group: shown && slash > 0 ? shown.slice(0, slash).trim() || undefined : undefined,
		assignee: shown ? shown.slice(slash + 1).trim() || undefined : undefined,
		tags: textsOf(pane, selectors.tag),
		createdAt: isComplete ? messages[0]?.at : undefined, // The first comment is the ticket's creation
		messages,
	};
}

function readList(root: ParentNode): ListRow[] {
	const rows: ListRow[] = [];
	for (const row of queryAll(root, selectors.listRow)) {
		const shownId = safeText(row, selectors.listId);
		const link = attributeOf(queryOne(row, `${selectors.listSubject} a[href]`), 'href');
		const ticketId = numberIn(shownId) ?? /^\d+$/.exec(shownId ?? '')?.[0] ?? /tickets\/(\d+)/.exec(link ?? '')?.[1];
		if (ticketId && /^\d+$/.test(ticketId)) {
			rows.push({
				ticketId,
				subject: safeText(row, selectors.listSubject),
				requester: safeText(row, selectors.listRequester),
				at: isoOf(attributeOf(queryOne(row, selectors.listTime), 'datetime')),
			});
		}
	}

	return rows;
}

function insertReply(root: ParentNode, text: string): InsertOutcome {
	const pane = activePane(root, pageUrl(root));
	const ticketId = attributeOf(pane, 'data-side-conversations-anchor-id');
	if (!pane || !ticketId || !/^\d+$/.test(ticketId)) {
		return {ok: false, via: 'none', reason: 'no active ticket pane'};
	}

	for (const name of ['editor', 'plainEditor'] as const) {
		if (queryOne(pane, selectors[name])) {
			// CKEditor 5 keeps its own model and re-renders over DOM edits: the main-world bridge must use its API.
			return {ok: false, via: 'bridge', editor: 'ckeditor5', selector: `[data-side-conversations-anchor-id="${ticketId}"] ${selectors[name]}`};
		}
	}

	const legacy = queryOne(pane, selectors.legacyEditor);
	return legacy ? typeInto(legacy, text) : {ok: false, via: 'none', reason: `reply box not found (${selectors.editor})`};
}

// ---- Same-origin REST API (the agent's session cookie works for GET, helpdesks.md §1) ----

type Json = Record<string, unknown>;

function asRecord(value: unknown): Json | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Json : undefined;
}

function asString(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) {
		return String(value);
	}

	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function recordsIn(value: unknown): Json[] {
	return Array.isArray(value) ? value.map(item => asRecord(item)).filter(item => item !== undefined) : [];
}

/**
 * The API addresses to fetch (with the agent's cookies, same origin) for the ticket at `url`, in order:
 * the ticket with its users and groups side-loaded, then its comments oldest first with their authors.
 * Follow each response's `next_page` with {@link nextApiUrl}. Empty for a URL that is not a ticket.
 */
export function apiUrls(url: URL): string[] {
	const id = ticketIdIn(url);
	return id
		? [
			`${url.origin}/api/v2/tickets/${id}.json?include=users,groups`,
			`${url.origin}/api/v2/tickets/${id}/comments.json?include=users&sort_order=asc`,
		]
		: [];
}

/** The next page of a paginated API response (`next_page`), only when it stays on the page's origin. */
export function nextApiUrl(response: unknown, url: URL): string | undefined {
	const next = asString(asRecord(response)?.['next_page']);
	try {
		return next && new URL(next).origin === url.origin && new URL(next).pathname.startsWith('/api/v2/') ? next : undefined;
	} catch {
		return undefined;
	}
}

/**
 * A snapshot from the API responses fetched from {@link apiUrls} (every page, in any order), using the
 * documented fields: ticket {id, subject, status, priority, requester_id, assignee_id, group_id, tags,
 * created_at}; comments {id, author_id, plain_body, body, public, created_at}; side-loaded users
 * {id, name, email, role} and groups {id, name}. Undefined when no ticket is among them.
 */
export function snapshotFromApi(responses: readonly unknown[], url?: URL): TicketSnapshot | undefined {
	try {
		const records = responses.map(response => asRecord(response)).filter(response => response !== undefined);
		const ticket = records.map(response => asRecord(response['ticket'])).find(found => found !== undefined);
		const ticketId = asString(ticket?.['id']);
		if (!ticket || !ticketId) {
			return undefined;
		}

		const users = new Map(records.flatMap(response => recordsIn(response['users'])).map(user => [asString(user['id']), user]));
		const groups = new Map(records.flatMap(response => recordsIn(response['groups'])).map(group => [asString(group['id']), group]));
		const requesterId = asString(ticket['requester_id']);
		const requester = users.get(requesterId);
		const seen = new Set<string>();
		const messages: Message[] = [];
		const comments = records.flatMap(response => recordsIn(response['comments']))
			.sort((a, b) => (Date.parse(String(a['created_at'])) || 0) - (Date.parse(String(b['created_at'])) || 0));
		for (const comment of comments) {
			const id = asString(comment['id']);
			if (id && seen.has(id)) {
				continue; // Overlapping pages
			}

			if (id) {
				seen.add(id);
			}

			const authorId = asString(comment['author_id']);
			const author = users.get(authorId);
			const userRole = asString(author?.['role']);
			const role: Role = userRole === 'end-user' || (!userRole && authorId !== undefined && authorId === requesterId)
				? 'customer'
				: (userRole === 'agent' || userRole === 'admin' ? 'agent' : 'system');
			const internal = comment['public'] === false;
			messages.push({
				id,
				role: internal ? 'agent' : role,
				...(internal ? {internal: true} : {}),
				author: asString(author?.['name']),
				text: (asString(comment['plain_body']) ?? asString(comment['body']) ?? '').trim(),
				at: isoOf(asString(comment['created_at'])),
			});
		}

		const tags = Array.isArray(ticket['tags']) ? ticket['tags'].filter(tag => typeof tag === 'string') : undefined;
		return {
			helpdesk: 'zendesk',
			ticketId,
			url: url?.href,
			subject: asString(ticket['subject']),
			status: asString(ticket['status']),
			priority: asString(ticket['priority']),
			requester: requesterId
				? {id: requesterId, name: asString(requester?.['name']), email: asString(requester?.['email'])}
				: undefined,
			assignee: asString(users.get(asString(ticket['assignee_id']))?.['name']),
			group: asString(groups.get(asString(ticket['group_id']))?.['name']),
			tags,
			createdAt: isoOf(asString(ticket['created_at'])),
			messages,
		};
	} catch {
		return undefined;
	}
}

export default defineAdapter({
	id: 'zendesk',
	name: 'Zendesk',
	hosts: ['https://*.zendesk.com/*'],
	selectors,
	required: ['pane', 'log', 'article'],
	isTicketPage: url => ticketPath.test(url.pathname),
	isListPage: url => listPath.test(url.pathname),
	readTicket: (root, url) => guard(() => readTicket(root, url), undefined),
	readList: root => guard(() => readList(root), []),
	insertReply: (root, text) => guard(() => insertReply(root, text), {ok: false, via: 'none', reason: 'the page could not be read'}),
});

/* Fixtures: test/fixtures/zendesk/{ticket-open,ticket-two-tabs,ticket-switch,list,ticket-long}.html, api-4821.json
   Check live: https://{subdomain}.zendesk.com/agent/tickets/{id} (an email ticket with an internal note, then
   open a second tab and a messaging ticket), https://{subdomain}.zendesk.com/agent/filters/{viewId},
   https://{subdomain}.zendesk.com/api/v2/tickets/{id}/comments.json?include=users */
