import type {Message, TicketSnapshot} from '../model.ts';
import {defineAdapter, isoOf, typeInto, type InsertOutcome, type ListRow} from './adapter.ts';
import {attributeOf, bodyText, guard, pageUrl, queryAll, queryOne, rowsFromLinks, safeText, textContentOf, textsOf} from './dom.ts';

// Front (app.frontapp.com). helpdesks.md §5 found no public script that reads Front's DOM: the URL handling
// rests on [3P] links, the field meanings on the API [DOC], and EVERY selector below is a guess [UNVERIFIED]
// to be checked live (or replaced by the custom adapter's user-defined selectors).
export const selectors = {
	conversation: '[data-testid="conversation"]', // data-conversation-id = cnv_… [UNVERIFIED]
	item: '[data-testid="message"], [data-testid="comment"]', // Timeline in order [UNVERIFIED]
	message: '[data-testid="message"]', // data-is-inbound mirrors the API's is_inbound [UNVERIFIED]
	comment: '[data-testid="comment"]', // Internal discussion, a separate API stream [DOC; markup UNVERIFIED]
	author: '[data-testid="message-author"]', // [UNVERIFIED]
	time: 'time[datetime]', // [UNVERIFIED]
	body: '[data-testid="message-body"]', // [UNVERIFIED]
	quote: 'blockquote, .gmail_quote', // [UNVERIFIED]
	signature: '.signature, .gmail_signature', // [UNVERIFIED]
	subject: '[data-testid="conversation-subject"]', // [UNVERIFIED]
	status: '[data-testid="conversation-status"]', // [UNVERIFIED]
	assignee: '[data-testid="conversation-assignee"]', // [UNVERIFIED]
	inbox: '[data-testid="conversation-inbox"]', // The inbox stands in for a group [UNVERIFIED]
	tag: '[data-testid="conversation-tag"]', // [UNVERIFIED]
	contact: '[data-testid="contact-name"]', // [UNVERIFIED]
	contactHandle: '[data-testid="contact-handle"]', // [UNVERIFIED]
	composer: '[data-testid="composer"] [contenteditable="true"]', // [UNVERIFIED]
	listLink: 'a[href*="/inboxes/"], a[href*="/open/cnv_"], a[href*="/conversations/cnv_"]', // [3P link shapes]
} as const;

// https://app.frontapp.com/open/cnv_7k2l9x · /open/msg_a23om0z (a message deep link) · /conversations/cnv_7k2l9x
const deepLink = /^\/(?:open|conversations)\/((?:cnv|msg)_[\da-z]+)\/?$/i;
// https://app.frontapp.com/inboxes/teams/folders/7256583/unassigned/120537545061
// /inboxes/teammates/20999898/inbox/all/117421069338 · /inboxes/shared/support/open/121516198
const viewLink = /^\/inboxes\/(?:[^/]+\/)+(?:open|unassigned|assigned|archived|all|snoozed|trashed|spam|sent|drafts|closed|waiting|mine)\/(\d{1,15})\/?$/;
// /inboxes/teams/folders/7256583/unassigned · /inboxes/teams/folders/1234 · /inboxes/shared/support/open/latest
const listPath = /^\/inboxes(?:\/[^/]+)*\/?$/;

/** The conversation id (cnv_…) a URL names: numeric ids in inbox URLs are the API id in base 36 [3P]. */
export function conversationIdOf(url: URL): string | undefined {
	const linked = deepLink.exec(url.pathname)?.[1];
	if (linked) {
		return linked.toLowerCase().startsWith('cnv_') ? linked.toLowerCase() : undefined;
	}

	const numeric = viewLink.exec(url.pathname)?.[1];
	return numeric ? `cnv_${Number(numeric).toString(36)}` : undefined;
}

function isTicketPage(url: URL): boolean {
	return deepLink.test(url.pathname) || viewLink.test(url.pathname);
}

/** The conversation the URL names, else (no ids in the markup, or a msg_ link) the only one on screen. */
function activeConversation(root: ParentNode, url: URL | undefined): Element | undefined {
	const conversations = queryAll(root, selectors.conversation);
	const id = url ? conversationIdOf(url) : undefined;
	const named = id ? conversations.find(conversation => attributeOf(conversation, 'data-conversation-id') === id) : undefined;
	if (named || (id && conversations.some(conversation => conversation.hasAttribute('data-conversation-id')))) {
		return named; // Ids are shown and none is the URL's: the named one has not rendered yet
	}

	const shown = conversations.filter(conversation => !conversation.closest('[hidden]'));
	return shown.length === 1 ? shown[0] : undefined;
}

function readItem(item: Element, contact: string | undefined): Message | undefined {
	const body = queryOne(item, selectors.body);
	if (!body) {
		return undefined;
	}

	const author = safeText(item, selectors.author);
	const isComment = item.matches(selectors.comment);
	const inbound = attributeOf(item, 'data-is-inbound');
	const isCustomer = !isComment && (inbound === undefined ? author !== undefined && author === contact : inbound === 'true');
	return {
		id: attributeOf(item, 'data-message-id') ?? attributeOf(item, 'data-comment-id'),
		role: isCustomer ? 'customer' : 'agent',
		...(isComment ? {internal: true} : {}),
		author,
		text: bodyText(body, selectors.quote, selectors.signature),
		at: isoOf(attributeOf(queryOne(item, selectors.time), 'datetime')),
	};
}

function readTicket(root: ParentNode, url: URL): TicketSnapshot | undefined {
	const conversation = isTicketPage(url) ? activeConversation(root, url) : undefined;
	const ticketId = attributeOf(conversation, 'data-conversation-id') ?? conversationIdOf(url);
	if (!conversation || !ticketId) {
		return undefined;
	}

	const contact = safeText(root, selectors.contact);
	const messages = queryAll(conversation, selectors.item)
		.map(item => readItem(item, contact))
		.filter(message => message !== undefined);
	if (messages.length === 0) {
		return undefined;
	}

	const handle = safeText(root, selectors.contactHandle);
	return {
		helpdesk: 'front',
		ticketId,
		url: url.href,
		subject: safeText(conversation, selectors.subject),
		status: safeText(conversation, selectors.status)?.toLowerCase(),
		requester: contact || handle ? {name: contact, email: handle?.includes('@') ? handle : undefined} : undefined,
		assignee: safeText(conversation, selectors.assignee),
		group: safeText(conversation, selectors.inbox),
		tags: textsOf(conversation, selectors.tag),
		createdAt: messages[0]?.at,
		messages,
	};
}

function idOfLink(href: string): string | undefined {
	try {
		return conversationIdOf(new URL(href, 'https://app.frontapp.com'));
	} catch {
		return undefined;
	}
}

function readList(root: ParentNode): ListRow[] {
	return rowsFromLinks(root, selectors.listLink, idOfLink, (link, row) => ({
		subject: safeText(link, '[data-testid="conversation-list-item-subject"]') ?? textContentOf(link),
		requester: safeText(link, '[data-testid="conversation-list-item-contact"]'),
		at: isoOf(attributeOf(queryOne(row, 'time[datetime]'), 'datetime')),
	}));
}

function insertReply(root: ParentNode, text: string): InsertOutcome {
	const conversation = activeConversation(root, pageUrl(root));
	const editor = queryOne(conversation, selectors.composer);
	const id = attributeOf(conversation, 'data-conversation-id');
	if (!editor) {
		return {ok: false, via: 'none', reason: 'composer not found'};
	}

	if (editor.classList.contains('ProseMirror')) {
		const scope = id && /^cnv_[\da-z]+$/.test(id) ? `[data-conversation-id="${id}"] ` : '';
		return {ok: false, via: 'bridge', editor: 'prosemirror', selector: `${scope}${selectors.composer}`};
	}

	return typeInto(editor, text);
}

export default defineAdapter({
	id: 'front',
	name: 'Front',
	hosts: ['https://app.frontapp.com/*'],
	selectors,
	required: ['conversation', 'message', 'body'],
	isTicketPage,
	isListPage: url => !isTicketPage(url) && listPath.test(url.pathname),
	readTicket: (root, url) => guard(() => readTicket(root, url), undefined),
	readList: root => guard(() => readList(root), []),
	insertReply: (root, text) => guard(() => insertReply(root, text), {ok: false, via: 'none', reason: 'the page could not be read'}),
});

/* Fixtures: test/fixtures/front/{ticket-open,ticket-switch,list,ticket-long}.html (markup guessed, see headers)
   Check live: https://app.frontapp.com/open/{cnv_id} and an inbox view
   https://app.frontapp.com/inboxes/teams/folders/{inboxId}/unassigned/{conversationId}: record the real
   message/comment markup, inbound marker and composer, then replace the guessed selectors. */
