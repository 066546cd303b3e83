import type {Message, Role, TicketSnapshot} from '../model.ts';
import {defineAdapter, defineHelpdesk, isoOf, typeInto, type InsertMode, type InsertOutcome, type ListRow} from './adapter.ts';
import {parseShownDate} from './dates.ts';
import {
	attributeOf,
	bodyText,
	distinctTexts,
	guard,
	pageLocale,
	queryAll,
	queryAllDeep,
	queryOne,
	queryOneDeep,
	rowsFromLinks,
	safeText,
	stripQuotedText,
	textContentOf,
} from './dom.ts';
import {isObject, stringOf, type JsonObject} from './json.ts';

// Freshdesk agent UI ("mint", Ember). Evidence per selector (helpdesks.md §10, December 2026):
//   [kc 2026-07] kcgthb/tampermonkey-userscripts freshdesk-external-reply-color.user.js (v1.0.0, v1.0.1)
//   [us 2026-08] a userscript's notes written against live tickets on 2026-08-21 (API with the session cookie, DOM notes)
//   [ex 2026]    a browser extension's Freshdesk extractor (2026)
//   [mf 2026]    several 2026 userscripts reading the contact panel's shadow root
//   [sp 2025-10] sptaule/freshdesk-history-cleaner contentScript.js
//   [ck 2026-03] clockify/browser-extension src/integrations/freshdesk.js
//   [lw 2025-07] LauraSWP/scripts fd-quicktool.js
//   [tg 2021-12] toggl/track-extension freshdesk.js: old, kept only where nothing newer speaks
//   [DOC] developers.freshdesk.com · [UNVERIFIED] no source
export const selectors = {
	title: 'title', // "[#812] Subject : Company" [ck 2026-03, §10]
	shownId: '.breadcrumb__item.active', // "#812" [ck 2026-03, tg 2021-12]
	subject: '.sentiment-ticket-heading', // Inside ticket-details' shadow root on some accounts [ck 2026-03, §10]
	detailsHost: 'ticket-details', // Right-hand panel, an open shadow root [us 2026-08]
	contactHost: 'mfe-application[app-id="fw-unified-mfe--contact-info"]', // Contact panel, an open shadow root [mf 2026, us 2026-08]
	contactName: 'a[href*="/contacts/"]', // Inside the contact panel [mf 2026]
	contactEmail: 'p.break-all', // Inside the contact panel [mf 2026]
	item: '.ticket-details__item', // One per message, and the reply box's wrapper too [sp 2025-10, kc 2026-07, us 2026-08]
	description: '[data-test-id="ticket-description"]', // The first message [us 2026-08]
	wrapper: '[data-test-id="conversation-wrapper"][data-album^="note_"]', // One per later message [§10]
	requestor: '.ticket-details__requestor', // On the item: the author is not an agent [kc 2026-07, sp 2025-10]
	privateNote: '.ticket-details__privatenote', // On the item: notes, but also external replies and re-sent bounces [kc 2026-07]
	emailed: '.emails-info:not(.notify)', // To/Cc header of an emailed message; genuine notes never have one [kc 2026-07]
	agentMarker: '[data-test-is-agent]', // [ex 2026, one source]
	note: '.ticket_note[data-note-id]', // Body with the conversation id [lw 2025-07, us 2026-08]
	body: '[data-test-conversation="conversation-text"], #ticket_original_request', // [§10, us 2026-08]
	author: 'a[data-test-id="user-name"]', // Name in <b>; customers link to /a/contacts/<id> [§10, ex 2026]
	statusLine: 'span[data-test-id="conversation-status"]', // "replied", "added a private note" [§10, ex 2026]
	time: 'span[data-test-id="time-info"][aria-label]', // Absolute date in aria-label; there is no <time> [§10, ex 2026]
	timeUnits: '[data-test-id="time-ago"] .timeago-units', // "(date)" beside "3 days ago" [ex 2026]
	loadMore: 'button[data-test-button="load-more"]', // "+N conversations": older messages not rendered [us 2026-08]
	quote: '.x_freshdesk_quote, .freshdesk_quote, .gmail_quote, blockquote', // First and third [§10]; the others [UNVERIFIED]
	propertyValue: '.ember-power-select-selected-item', // Ticket properties are ember-power-select widgets [§10]
	propertyLabel: 'label', // Status, Priority, Group, Agent: found by their label text [UNVERIFIED]
	tag: '.ticket-tags ul li .tag-options', // [tg 2021-12; nothing newer]
	editor: '.fr-element.fr-view[contenteditable="true"]', // Froala [§10]
	activeEditor: '[data-test-id="active-editor"] [contenteditable="true"]', // [§10]
	replyBox: '.rich-editor, [data-test-id="active-editor"]', // Reply box inside a .ticket-details__item: not a message [us 2026-08]
	listLink: 'a[href*="/a/tickets/"]', // Rows found through their ticket links [URL shape, DOC]
} as const;

// https://acme.freshdesk.com/a/tickets/812 · custom domains https://support.example.com/a/tickets/812
const ticketPath = /^\/a\/tickets\/(\d+)\/?$/;
// /a/tickets/filters/all_tickets · /a/tickets/filters/12345 · /a/tickets (default view)
const listPath = /^\/a\/tickets(\/filters\/[^/]+)?\/?$/;

function ticketIdOf(url: URL): string | undefined {
	return ticketPath.exec(url.pathname)?.[1];
}

/** The ticket the page shows: "[#812] …" in the title, else the breadcrumb. */
function shownTicketId(root: ParentNode): string | undefined {
	return (
		/^\s*\[#(\d+)\]/.exec(safeText(root, selectors.title) ?? '')?.[1] ?? /#\s*(\d+)/.exec(safeText(root, selectors.shownId) ?? '')?.[1]
	);
}

/** "[#812] Double charge : Northwind" -> "Double charge" (the company follows the last " : "). */
function subjectFromTitle(title: string | undefined): string | undefined {
	const rest = /^\s*\[#\d+\]\s*(.+)$/.exec(title ?? '')?.[1];
	if (!rest) {
		return undefined;
	}

	const cut = rest.lastIndexOf(' : ');
	return (cut > 0 ? rest.slice(0, cut) : rest).trim() || undefined;
}

/** A ticket property's shown value, found by its label's text (inside the panel's shadow root). */
function property(root: ParentNode, ...labels: string[]): string | undefined {
	const wanted = new Set(labels.map(label => label.toLowerCase()));
	for (const label of queryAllDeep(root, selectors.propertyLabel)) {
		const text = textContentOf(label)
			?.replace(/\s*\*$/, '')
			.toLowerCase();
		if (text && wanted.has(text)) {
			const value = safeText(label.parentElement, selectors.propertyValue);
			if (value) {
				return value;
			}
		}
	}

	return undefined;
}

/**
 * Who wrote an item, from its structure [kc 2026-07]: `.ticket-details__requestor` = not an agent;
 * `.ticket-details__privatenote` without a To/Cc header = a genuine note; with one, an emailed reply
 * shown as a note (from an external user when the author is not an agent, or re-sent after a bounce).
 */
function roleOf(item: Element): {role: Role; internal: boolean} {
	const nonAgent = item.matches(selectors.requestor);
	const looksPrivate = item.matches(selectors.privateNote);
	const emailed = queryOne(item, selectors.emailed) !== null;
	const authorLink = attributeOf(queryOne(item, selectors.author), 'href') ?? '';
	if (looksPrivate && !emailed) {
		return {role: 'agent', internal: true};
	}

	if (looksPrivate && nonAgent) {
		return {role: 'unknown', internal: true}; // Someone outside the ticket (a forwarded-to third party), shown to agents only
	}

	if (nonAgent || /\/contacts\/\d+/.test(authorLink)) {
		return {role: 'customer', internal: false};
	}

	// Emailed from a note-looking item by an agent (a re-sent bounce), or an author without the customer class
	if (looksPrivate || queryOne(item, selectors.agentMarker) || authorLink !== '') {
		return {role: 'agent', internal: false};
	}

	return {role: 'unknown', internal: false}; // No author link and no role class: not guessed
}

function timeOf(item: Element, locale: string | undefined): string | undefined {
	const label = attributeOf(queryOne(item, selectors.time), 'aria-label');
	const units = safeText(item, selectors.timeUnits)?.replace(/^\(|\)$/g, '');
	return parseShownDate(label, {locale}) ?? parseShownDate(units, {locale});
}

function readItem(item: Element, locale: string | undefined): Message | undefined {
	const isDescription = item.matches(selectors.description);
	const body = queryOne(item, selectors.body) ?? queryOne(item, selectors.note);
	if (!body) {
		return undefined; // Activity rows carry no text
	}

	const {role, internal} = roleOf(item);
	const author = queryOne(item, selectors.author);
	const noteId =
		attributeOf(queryOne(item, selectors.note), 'data-note-id') ??
		/^note_(\d+)$/.exec(attributeOf(item.closest(selectors.wrapper), 'data-album') ?? '')?.[1];
	return {
		id: isDescription ? 'description' : noteId,
		role,
		...(internal ? {internal: true} : {}),
		author: textContentOf(queryOne(author, 'b') ?? author),
		text: bodyText(body, selectors.quote),
		at: timeOf(item, locale),
	};
}

function readTicket(root: ParentNode, url: URL): TicketSnapshot | undefined {
	const ticketId = ticketIdOf(url);
	const shownId = shownTicketId(root);
	if (!ticketId || (shownId !== undefined && shownId !== ticketId)) {
		return undefined; // The view still shows the previous ticket
	}

	const locale = pageLocale(root);
	const messages = queryAll(root, selectors.item)
		.filter(item => !queryOne(item, selectors.replyBox) && !item.parentElement?.closest(selectors.item))
		.map(item => readItem(item, locale))
		.filter(message => message !== undefined);
	if (messages.length === 0) {
		return undefined;
	}

	const panel = queryAllDeep(root, selectors.contactHost)[0];
	const contact = panel?.shadowRoot ?? panel; // Some layouts render the panel without a shadow root [mf 2026]
	const described = messages[0]?.id === 'description' ? messages[0] : undefined;
	const name = safeText(contact, selectors.contactName) ?? (described?.role === 'customer' ? described.author : undefined);
	const email = (safeText(contact, selectors.contactEmail) ?? '')
		.slice(0, 500)
		.split(/\s+/)
		.find(word => /^[^@]+@[^@]+\.[^@]+$/.test(word));
	const contactId = /\/contacts\/(\d+)/.exec(attributeOf(queryOne(contact, selectors.contactName), 'href') ?? '')?.[1];
	return {
		helpdesk: 'freshdesk',
		ticketId,
		url: url.href,
		subject: textContentOf(queryOneDeep(root, selectors.subject)) ?? subjectFromTitle(safeText(root, selectors.title)),
		status: property(root, 'Status')?.toLowerCase(),
		priority: property(root, 'Priority')?.toLowerCase(),
		requester: name || email ? {id: contactId, name, email} : undefined,
		assignee: property(root, 'Agent'),
		group: property(root, 'Group'),
		tags: distinctTexts(queryAllDeep(root, selectors.tag)),
		createdAt: described?.at, // The description is always rendered, older replies may not be
		messages,
	};
}

function readList(root: ParentNode): ListRow[] {
	return rowsFromLinks(
		root,
		selectors.listLink,
		href => /\/a\/tickets\/(\d+)(?:[/?#]|$)/.exec(href)?.[1],
		(link, row) => ({
			subject: textContentOf(link),
			requester: textContentOf(queryOne(row, 'a[href*="/a/contacts/"]')),
			at: isoOf(attributeOf(queryOne(row, 'time[datetime]'), 'datetime')),
		}),
	);
}

function insertReply(root: ParentNode, text: string, mode?: InsertMode): InsertOutcome {
	if (queryOne(root, selectors.editor)) {
		return {ok: false, via: 'bridge', editor: 'froala', selector: selectors.editor}; // Froala keeps its own state
	}

	const editable = queryOne(root, selectors.activeEditor);
	return editable ? typeInto(editable, text, mode) : {ok: false, via: 'none', reason: 'reply box not open (press Reply first)'};
}

// ---- Same-origin REST API: the agent's session cookie alone is accepted [us 2026-08; fields DOC] ----

/** Conversations per page; the API caps it at 100 [us 2026-08, DOC]. */
export const perPage = 100;
const statusNames: Readonly<Record<string, string>> = {2: 'open', 3: 'pending', 4: 'resolved', 5: 'closed'};
const priorityNames: Readonly<Record<string, string>> = {1: 'low', 2: 'medium', 3: 'high', 4: 'urgent'};
const outboundEmail = 10; // ticket.source: an agent wrote the description [DOC]

/** The API addresses for the ticket at `url` (same origin), or undefined off a ticket page. */
export function apiUrls(url: URL): {ticket: string; conversations: (page: number) => string} | undefined {
	const id = ticketIdOf(url);
	if (!id) {
		return undefined;
	}

	const base = `${url.origin}/api/v2/tickets/${id}`;
	return {ticket: `${base}?include=requester`, conversations: page => `${base}/conversations?per_page=${perPage}&page=${page}`};
}

/** Whether another conversations page may follow this one: a full page. */
export function hasNextPage(page: unknown): boolean {
	return Array.isArray(page) && page.length >= perPage;
}

/**
 * Who to look up for names (at most `limit`): the responder and the authors of agent-side conversations
 * as `/api/v2/agents/<id>`, the group as `/api/v2/groups/<id>`.
 */
export function peopleUrls(url: URL, ticket: unknown, pages: readonly unknown[], limit = 12): string[] {
	if (!isObject(ticket)) {
		return [];
	}

	const requester = stringOf(ticket['requester_id']);
	const agents = new Set<string>();
	const responder = stringOf(ticket['responder_id']);
	if (responder) {
		agents.add(responder);
	}

	for (const conversation of pages.flatMap(page => (Array.isArray(page) ? page.filter(item => isObject(item)) : []))) {
		const user = stringOf(conversation['user_id']);
		if (user && user !== requester && conversation['incoming'] !== true) {
			agents.add(user);
		}
	}

	const group = stringOf(ticket['group_id']);
	return [
		...(group && /^\d+$/.test(group) ? [`${url.origin}/api/v2/groups/${group}`] : []),
		...[...agents].filter(id => /^\d+$/.test(id)).map(id => `${url.origin}/api/v2/agents/${id}`),
	].slice(0, limit);
}

function conversationRole(
	conversation: JsonObject,
	requester: string | undefined,
	agents: ReadonlySet<string>,
): {role: Role; internal: boolean} {
	const user = stringOf(conversation['user_id']);
	const isPrivate = conversation['private'] === true;
	if (conversation['incoming'] === true) {
		if (user !== undefined && user === requester) {
			return {role: 'customer', internal: false};
		}

		// From outside, not the requester: a CC'd person on the customer's side, or (shown as a note) a third party
		return isPrivate ? {role: 'unknown', internal: true} : {role: 'customer', internal: false};
	}

	if (user !== undefined && user === requester && !agents.has(user)) {
		return {role: 'customer', internal: false};
	}

	return {role: 'agent', internal: isPrivate};
}

/**
 * A snapshot from the API answers: `ticket` = GET /api/v2/tickets/<id>?include=requester,
 * `pages` = GET …/conversations pages, `people` = answers of {@link peopleUrls} (agents and a group;
 * failures as undefined). The description is the ticket's own text, not a conversation [us 2026-08].
 */
export function snapshotFromApi(
	ticket: unknown,
	pages: readonly unknown[],
	people: readonly unknown[],
	url?: URL,
): TicketSnapshot | undefined {
	if (!isObject(ticket) || stringOf(ticket['id']) === undefined) {
		return undefined;
	}

	const requesterId = stringOf(ticket['requester_id']);
	const requester = isObject(ticket['requester']) ? ticket['requester'] : {};
	const agents = new Map<string, string | undefined>();
	let group: string | undefined;
	for (const person of people.filter(item => isObject(item))) {
		if (isObject(person['contact'])) {
			agents.set(stringOf(person['id']) ?? '', stringOf(person['contact']['name']));
		} else if (stringOf(person['name'])) {
			group = stringOf(person['name']);
		}
	}

	const agentIds = new Set(agents.keys());
	const requesterName = stringOf(requester['name']);
	const createdAt = isoOf(stringOf(ticket['created_at']));
	const messages: Message[] = [];
	const description = stringOf(ticket['description_text']);
	if (description) {
		const byAgent = ticket['source'] === outboundEmail;
		messages.push({
			id: 'description',
			role: byAgent ? 'agent' : 'customer',
			author: byAgent ? undefined : requesterName,
			text: stripQuotedText(description),
			at: createdAt,
		});
	}

	const seen = new Set<string>();
	const conversations = pages
		.flatMap(page => (Array.isArray(page) ? page.filter(item => isObject(item)) : []))
		.sort((a, b) => (Date.parse(String(a['created_at'])) || 0) - (Date.parse(String(b['created_at'])) || 0));
	for (const conversation of conversations) {
		const id = stringOf(conversation['id']);
		if (!id || seen.has(id)) {
			continue; // Overlapping pages
		}

		seen.add(id);
		const {role, internal} = conversationRole(conversation, requesterId, agentIds);
		const user = stringOf(conversation['user_id']) ?? '';
		const author = role === 'customer' && user === requesterId ? requesterName : (agents.get(user) ?? stringOf(conversation['from_email']));
		messages.push({
			id,
			role,
			...(internal ? {internal: true} : {}),
			author,
			text: stripQuotedText(stringOf(conversation['body_text']) ?? ''),
			at: isoOf(stringOf(conversation['created_at'])),
		});
	}

	const tags = Array.isArray(ticket['tags']) ? ticket['tags'].filter(tag => typeof tag === 'string') : undefined;
	return {
		helpdesk: 'freshdesk',
		ticketId: stringOf(ticket['id'])!,
		url: url?.href,
		subject: stringOf(ticket['subject']),
		status: statusNames[stringOf(ticket['status']) ?? ''], // Custom statuses are account-defined: the page names them
		priority: priorityNames[stringOf(ticket['priority']) ?? ''],
		requester: requesterId ? {id: requesterId, name: requesterName, email: stringOf(requester['email'])} : undefined,
		assignee: agents.get(stringOf(ticket['responder_id']) ?? ''),
		group,
		tags,
		createdAt,
		messages,
	};
}

export const helpdesk = defineHelpdesk({
	id: 'freshdesk',
	name: 'Freshdesk',
	kind: 'helpdesk',
	// Agent pages live under /a/ [§10]; the unified Freshworks hosts are seen too [ex 2026, §10]
	hosts: ['https://*.freshdesk.com/a/*', 'https://*.freshworks.com/a/*', 'https://*.myfreshworks.com/a/*'],
	editors: ['froala'],
	isTicketPage: url => ticketPath.test(url.pathname),
	isListPage: url => listPath.test(url.pathname),
	ticketUrl: (host, id) => `https://${host}/a/tickets/${id}`,
});

export default /* @__PURE__ */ defineAdapter(helpdesk, {
	selectors,
	required: ['item', 'body'],
	readTicket: (root, url) => guard(() => readTicket(root, url), undefined),
	readList: root => guard(() => readList(root), []),
	insertReply: (root, text, mode) =>
		guard(() => insertReply(root, text, mode), {ok: false, via: 'none', reason: 'the page could not be read'}),
});

/* Fixtures: test/fixtures/freshdesk/{ticket-open,ticket-switch,list,ticket-long}.html, api-812-*.json
   Check live: https://{subdomain}.freshdesk.com/a/tickets/{id} with a private note, a reply forwarded to a
   third party, "+N conversations" and the contact panel; https://{subdomain}.freshdesk.com/a/tickets/filters/all_tickets;
   https://{subdomain}.freshdesk.com/api/v2/tickets/{id}/conversations?per_page=100 */
