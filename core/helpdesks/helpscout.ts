import type {Message, Role, TicketSnapshot} from '../model.ts';
import {defineAdapter, isoOf, type InsertOutcome, type ListRow} from './adapter.ts';
import {attributeOf, bodyText, guard, numberIn, pageLocale, queryAll, queryOne, rowsFromLinks, safeText, shownTime, shownValue, textContentOf, textsOf} from './dom.ts';

// Help Scout (secure.helpscout.net). Evidence in helpdesks.md §3: [3P-2023] helpscout-thread-hider,
// [3P-2024] toggl and Maxr1998, [3P] CX Copilot scripts (undated), [DOC] Mailbox API thread types.
export const selectors = {
	number: '[data-cy="Text"]', // "#1456", the conversation number [3P-2024]
	subject: '[data-cy="EditableTextarea"]', // [3P-2024]
	thread: 'article.thread', // Class = thread type: customer [3P-2023]; message, note, lineitem… [DOC types, UNVERIFIED as classes]
	body: 'section.messageBody', // [3P-2023, 3P-2024]
	meta: 'section.meta', // Author and time [3P-2023]
	author: 'section.meta .name', // [UNVERIFIED]
	time: 'section.meta time[datetime], section.meta [title]', // [UNVERIFIED]
	quote: 'blockquote, .gmail_quote', // [UNVERIFIED]
	signature: '.signature, .gmail_signature', // [UNVERIFIED]
	customer: '.c-profile__name', // Customer sidebar [3P]
	customerEmail: '.c-profile__email', // [UNVERIFIED]
	status: '[data-cy="ConversationHeader.Status"]', // Named like ConversationHeader.Actions [UNVERIFIED]
	assignee: '[data-cy="ConversationHeader.Assignee"]', // [UNVERIFIED]
	tag: '[data-cy="Tag"]', // [UNVERIFIED]
	editor: '.redactor_editor[contenteditable="true"]', // Redactor reply box, "redactor_redactor redactor_editor" [3P]
	replyButton: '#navReply', // Opens the reply box [3P]
	listLink: 'a[href*="/conversation/"]', // Rows are found through their conversation links [DOC link shape]
} as const;

// https://secure.helpscout.net/conversation/2345678901/1456?folderId=7781 (id, then the number shown as #1456);
// links also use https://secure.helpscout.net/conversation/2345678901/ with the id alone.
const ticketPath = /^\/conversation\/(\d+)(?:\/(\d+))?\/?$/;
// https://secure.helpscout.net/mailbox/8a7b6c5d4e3f2a10/ · /mailbox/8a7b6c5d4e3f2a10/7781/ (a folder)
const listPath = /^\/mailbox\/[\da-f]{6,}(\/\d+)?\/?$/;
const hostedOnly = 'secure.helpscout.net';

/** Conversation id and number from a Help Scout URL; elsewhere (a copy served locally) both numbers are required. */
function idsOf(url: URL): {id: string; number?: string | undefined} | undefined {
	const match = ticketPath.exec(url.pathname);
	if (!match?.[1] || (url.hostname !== hostedOnly && !match[2])) {
		return undefined; // FreeScout uses /conversation/<id> too: one number alone is Help Scout only on its host
	}

	return {id: match[1], number: match[2]};
}

const roleOfType: Readonly<Record<string, Role>> = {
	customer: 'customer',
	message: 'agent',
	reply: 'agent',
	forwardparent: 'agent',
	forwardchild: 'agent',
	phone: 'agent',
	note: 'agent',
	lineitem: 'system',
};

function readThread(thread: Element, customer: string | undefined, locale: string | undefined): Message | undefined {
	const type = [...thread.classList].find(name => name !== 'thread' && (name in roleOfType || name === 'chat' || name === 'beaconchat'));
	const author = safeText(thread, selectors.author);
	const body = queryOne(thread, selectors.body);
	const meta = queryOne(thread, selectors.meta);
	if (!body && type !== 'lineitem') {
		return undefined;
	}

	// Chat threads come from either side; the type alone does not say which
	const role = roleOfType[type ?? ''] ?? (author !== undefined && author === customer ? 'customer' : 'agent');
	const internal = type === 'note';
	return {
		id: /^thread-(\d+)$/.exec(thread.id)?.[1],
		role,
		...(internal ? {internal: true} : {}),
		author,
		text: body ? bodyText(body, selectors.quote, selectors.signature) : bodyText(meta, 'time, .time'),
		at: shownTime(thread, selectors.time, locale),
	};
}

/** Oldest first, whichever order the agent's preference shows (Help Scout lists newest first by default). */
function chronological(messages: Message[]): Message[] {
	const times = messages.map(message => (message.at ? Date.parse(message.at) : Number.NaN)).filter(time => !Number.isNaN(time));
	return times.length >= 2 && times[0]! > times.at(-1)! ? [...messages].reverse() : messages;
}

function readTicket(root: ParentNode, url: URL): TicketSnapshot | undefined {
	const ids = idsOf(url);
	const shown = queryAll(root, selectors.number).map(node => numberIn(textContentOf(node))).find(number => number !== undefined);
	if (!ids || (ids.number && shown && shown !== ids.number)) {
		return undefined; // The previous conversation is still on screen
	}

	const customer = safeText(root, selectors.customer);
	const locale = pageLocale(root);
	const messages = chronological(queryAll(root, selectors.thread)
		.map(thread => readThread(thread, customer, locale))
		.filter(message => message !== undefined));
	if (!messages.some(message => message.role !== 'system')) {
		return undefined;
	}

	const email = safeText(root, selectors.customerEmail);
	return {
		helpdesk: 'helpscout',
		ticketId: ids.id,
		url: url.href,
		subject: shownValue(queryOne(root, selectors.subject)),
		status: safeText(root, selectors.status)?.toLowerCase(),
		requester: customer || email ? {name: customer, email} : undefined,
		assignee: safeText(root, selectors.assignee),
		tags: textsOf(root, selectors.tag),
		createdAt: messages[0]?.at,
		messages,
	};
}

function readList(root: ParentNode): ListRow[] {
	return rowsFromLinks(root, selectors.listLink, href => /\/conversation\/(\d+)/.exec(href)?.[1], (link, row) => ({
		subject: textContentOf(link),
		requester: safeText(row, '.customer'),
		at: isoOf(attributeOf(queryOne(row, 'time[datetime]'), 'datetime')),
	}));
}

function insertReply(root: ParentNode): InsertOutcome {
	if (queryOne(root, selectors.editor)) {
		// Redactor keeps the reply in its hidden source textarea and syncs it from its own API
		return {ok: false, via: 'bridge', editor: 'redactor', selector: selectors.editor};
	}

	return {ok: false, via: 'none', reason: queryOne(root, selectors.replyButton) ? 'reply box closed: press Reply first' : 'reply box not found'};
}

export default defineAdapter({
	id: 'helpscout',
	name: 'Help Scout',
	hosts: ['https://secure.helpscout.net/*'],
	selectors,
	required: ['thread', 'body'],
	isTicketPage: url => idsOf(url) !== undefined,
	isListPage: url => listPath.test(url.pathname),
	readTicket: (root, url) => guard(() => readTicket(root, url), undefined),
	readList: root => guard(() => readList(root), []),
	insertReply: root => guard(() => insertReply(root), {ok: false, via: 'none', reason: 'the page could not be read'}),
});

/* Fixtures: test/fixtures/helpscout/{ticket-open,ticket-switch,list,ticket-long}.html
   Check live: https://secure.helpscout.net/conversation/{id}/{number} (a conversation with a note and a status
   change, in both thread-order settings), https://secure.helpscout.net/mailbox/{mailboxId}/{folderId}/ */
