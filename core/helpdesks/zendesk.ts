import type {Message, Role, TicketSnapshot} from '../model.ts';
import {defineAdapter, defineHelpdesk, isoOf, typeInto, type InsertMode, type InsertOutcome, type ListRow} from './adapter.ts';
import {
	attributeOf,
	bodyText,
	guard,
	numberIn,
	pageLocale,
	pageUrl,
	queryAll,
	queryOne,
	safeText,
	shownTime,
	shownValue,
	textContentOf,
	textsOf,
} from './dom.ts';

// Zendesk Support, agent workspace. Evidence per selector (helpdesks.md §1 and §10, December 2026):
//   [lf 2025-08] holatuwol/liferay-zendesk-userscript @ 90ee874
//   [ck 2026-03] clockify/browser-extension src/integrations/selectors.json (zendesk)
//   [tg 2024-10] toggl/track-extension src/content/zendesk.js
//   [§10]        2025-2026 extensions and userscripts collected in helpdesks.md §10 (not named one by one there)
//   [3P]         other userscripts, undated · [UNVERIFIED] no source
export const selectors = {
	pane: '[data-side-conversations-anchor-id]', // One per open tab, all mounted at once; value = ticket id [lf 2025-08, tg 2024-10]
	// The visible tab: data-is-active on the layout or another wrapper, or an .active layout class: accept both [§10, ck 2026-03]
	activeLayout: '[data-is-active="true"], .ticket-panes-grid-layout.active',
	selectedTab: '[data-entity-id][data-selected="true"]', // Header tab of the visible ticket, 2021 layout [tg 2024-10]
	log: '[data-test-id="omni-log-container"]', // [lf 2025-08, §10]
	article: 'article[data-test-id="omni-log-comment-item"]', // One per comment; data-comment-id [§10, lf 2025-08]
	hiddenCopy: 'article[aria-hidden="true"], [aria-hidden="true"] article', // Duplicate log items to skip [§10]
	message: '[data-test-id="omni-log-item-message"]', // type="end-user" | "agent" (bots too) | "internal" [§10]
	internalTag: '[data-test-id="omni-log-internal-note-tag"]', // [lf 2025-08, §10]
	sender: '[data-test-id="omni-log-item-sender"]', // [lf 2025-08, §10]
	time: 'time[datetime]', // Also time[data-test-id="timestamp-relative"] [lf 2025-08, §10]
	body: '.zd-comment', // Rich text (email, web form) [lf 2025-08, §10]
	content: '[data-test-id="omni-log-message-content"]', // Messaging bodies have no .zd-comment [§10]
	quote: 'blockquote, .zd-quoted, .gmail_quote', // Quoted mail history [3P translator: blockquote; rest UNVERIFIED]
	signature: '.gmail_signature, [data-smartmail="gmail_signature"]', // [UNVERIFIED] mail-client signature markers
	showMore: '[data-test-id="convolog-show-more-button"]', // Older comments not rendered yet [lf 2025-08]
	subject: '[data-test-id="omni-header-subject"]', // An input [ck 2026-03, tg 2024-10, §10]
	requester: '[data-test-id="ticket-system-field-requester-select"]', // [§10]
	status: '[data-test-id="ticket-fields-status-view"], div[data-cy-test-id="status-badge-state"]', // [§10]
	priority: '[data-test-id="ticket-fields-priority-select"] [data-garden-id="dropdowns.combobox.value"]', // [§10]
	assignee: '[data-test-id="assignee-field-selected-agent-tag"]', // [§10]
	assigneeGroup: '[data-test-id="assignee-field-selected-group-tag"]', // [§10]
	// TODO [2027-06-01]: drop once no account shows the "Group/Agent" zero-state field
	groupAndAssignee: '.js-zero-state-ticket-tutorial-assignee-field', // "Group/Agent" [lf 2025-08]
	tag: '[data-test-id="ticket-system-field-tags-item-selected"]', // [ck 2026-03, §10]
	editor: '[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable="true"]', // CKEditor 5 [lf 2025-08]
	plainEditor: '[data-test-id="omnicomposer-plain-text-ckeditor"][contenteditable="true"]', // Messaging [3P]
	// TODO [2027-01-01]: drop the pre-2021 editor once no account shows it
	legacyEditor: '.zendesk-editor--rich-text-comment[contenteditable="true"]', // [lf, legacy UI]
	listRow: 'tr[data-test-id="generic-table-row"]', // [lf 2025-08, §10]
	listId: '[data-test-id="generic-table-cells-id"]', // [lf 2025-08, §10]
	listSubject: '[data-test-id="ticket-table-cells-subject"]', // [lf 2025-08, §10]
	listRequester: '[data-test-id="ticket-table-cells-requester"]', // [§10]
	listDate: '[data-test-id="generic-table-cells-date"]', // [§10]
	listTime: 'time[datetime]', // Inside the date cell [UNVERIFIED]
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
	const byId = (id: string | undefined) =>
		id ? panes.find(pane => attributeOf(pane, 'data-side-conversations-anchor-id') === id) : undefined;
	const layout = queryOne(root, selectors.activeLayout);
	const inLayout = layout ? (queryOne(layout, selectors.pane) ?? layout.closest(selectors.pane)) : null;
	return (
		inLayout ??
		byId(attributeOf(queryOne(root, selectors.selectedTab), 'data-entity-id')) ??
		byId(ticketIdIn(url)) ??
		(panes.length === 1 ? panes[0] : undefined)
	);
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
	// Without a type, only the requester's own name says who wrote it; otherwise the role stays unknown
	const role = internal ? 'agent' : (roleOfType[type ?? ''] ?? (author && author === requester ? 'customer' : 'unknown'));
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
		.filter(article => !article.matches(selectors.hiddenCopy))
		.map(article => readMessage(article, requester, locale))
		.filter(message => message !== undefined);
	if (messages.length === 0) {
		return undefined; // The log renders its items after the header
	}

	// The assignee field's tags, else the older "Billing/Priya Raman" (group, then agent; the agent alone without a slash)
	const shown = safeText(pane, selectors.groupAndAssignee);
	const slash = shown?.lastIndexOf('/') ?? -1;
	const isComplete = queryOne(log, selectors.showMore) === null;
	const status = queryAll(pane, selectors.status)
		.map(node => textContentOf(node))
		.find(Boolean);
	return {
		helpdesk: 'zendesk',
		ticketId,
		url: url.href,
		subject: shownValue(queryOne(pane, selectors.subject)),
		status: status?.toLowerCase(),
		priority: safeText(pane, selectors.priority)?.toLowerCase(),
		requester: requester ? {name: requester} : undefined,
		group: safeText(pane, selectors.assigneeGroup) ?? (shown && slash > 0 ? shown.slice(0, slash).trim() || undefined : undefined),
		assignee: safeText(pane, selectors.assignee) ?? (shown ? shown.slice(slash + 1).trim() || undefined : undefined),
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
				at: isoOf(attributeOf(queryOne(queryOne(row, selectors.listDate) ?? row, selectors.listTime), 'datetime')),
			});
		}
	}

	return rows;
}

function insertReply(root: ParentNode, text: string, mode?: InsertMode): InsertOutcome {
	const pane = activePane(root, pageUrl(root));
	const ticketId = attributeOf(pane, 'data-side-conversations-anchor-id');
	if (!pane || !ticketId || !/^\d+$/.test(ticketId)) {
		return {ok: false, via: 'none', reason: 'no active ticket pane'};
	}

	for (const name of ['editor', 'plainEditor'] as const) {
		if (queryOne(pane, selectors[name])) {
			// CKEditor 5 keeps its own model and re-renders over DOM edits: the main-world bridge must use its API.
			return {
				ok: false,
				via: 'bridge',
				editor: 'ckeditor5',
				selector: `[data-side-conversations-anchor-id="${ticketId}"] ${selectors[name]}`,
			};
		}
	}

	const legacy = queryOne(pane, selectors.legacyEditor);
	return legacy ? typeInto(legacy, text, mode) : {ok: false, via: 'none', reason: `reply box not found (${selectors.editor})`};
}

// ---- Same-origin REST API (the agent's session cookie works for GET, helpdesks.md §1) ----

type Json = Record<string, unknown>;

function asRecord(value: unknown): Json | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
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
		const comments = records
			.flatMap(response => recordsIn(response['comments']))
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
			const role: Role =
				userRole === 'end-user' || (!userRole && authorId !== undefined && authorId === requesterId)
					? 'customer'
					: userRole === 'agent' || userRole === 'admin'
						? 'agent'
						: 'system';
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
			requester: requesterId ? {id: requesterId, name: asString(requester?.['name']), email: asString(requester?.['email'])} : undefined,
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

export const helpdesk = defineHelpdesk({
	id: 'zendesk',
	name: 'Zendesk',
	kind: 'helpdesk',
	hosts: ['https://*.zendesk.com/agent/*'], // The agent workspace; help centre pages (/hc/) are not Defuse's
	editors: ['ckeditor5'],
	isTicketPage: url => ticketPath.test(url.pathname),
	isListPage: url => listPath.test(url.pathname),
	ticketUrl: (host, id) => `https://${host}/agent/tickets/${id}`,
});

export default /* @__PURE__ */ defineAdapter(helpdesk, {
	selectors,
	required: ['pane', 'log', 'article'],
	readTicket: (root, url) => guard(() => readTicket(root, url), undefined),
	readList: root => guard(() => readList(root), []),
	insertReply: (root, text, mode) =>
		guard(() => insertReply(root, text, mode), {ok: false, via: 'none', reason: 'the page could not be read'}),
});

/* Fixtures: test/fixtures/zendesk/{ticket-open,ticket-two-tabs,ticket-switch,list,ticket-long}.html, api-4821.json
   Check live: https://{subdomain}.zendesk.com/agent/tickets/{id} (an email ticket with an internal note, then
   open a second tab and a messaging ticket), https://{subdomain}.zendesk.com/agent/filters/{viewId},
   https://{subdomain}.zendesk.com/api/v2/tickets/{id}/comments.json?include=users */
