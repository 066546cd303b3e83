import type {Message, Role, TicketSnapshot} from '../model.ts';
import {defineAdapter, isoOf, type InsertOutcome, type ListRow} from './adapter.ts';
import {attributeOf, bodyText, guard, pageLocale, queryAll, queryOne, rowsFromLinks, safeText, shownTime, textContentOf, textsOf} from './dom.ts';

// Intercom Inbox. helpdesks.md §4 found no usable public script; the selectors below come from Intercom
// extensions in the code index: [3P-2026] "Support Copilot for Intercom" (content script and changelog),
// [3P] a Selenium script (category 4 = note), [3P-2021] toggl.
export const selectors = {
	// The open conversation's stream: current test id, Inbox 2 class, and its April 2026 spelling [3P-2026]
	stream: '[data-testid="conversation-stream-scroll-container"], .inbox2__conversation-stream, .inbox-2__conversation-stream',
	conversation: '[data-conversation-id]', // Wrapper carrying the id [3P-2021]
	partGroup: '[data-part-group-id]', // One per group of parts; data-part-group-category = role [3P-2026]
	part: '[data-part-id]', // A single part inside a group [3P-2026]
	contentPart: '[class*="group/content-part"]', // Tailwind markup since April 2026 [3P-2026]
	body: '.interblocks-html, .inbox2__break-words, .inbox-2__break-words', // [3P-2026]
	author: '[data-part-author-name]', // [UNVERIFIED]
	time: 'time[datetime], [title]', // [UNVERIFIED]
	quote: 'blockquote, .gmail_quote', // Quoted history in email parts [UNVERIFIED]
	title: '[data-inbox-conversation-header-title]', // Shows the customer's name [3P-2026]
	state: '[data-inbox-conversation-state]', // [UNVERIFIED]
	assignee: '[data-inbox-conversation-assignee]', // [UNVERIFIED]
	tag: '.pill a[href*="search?tagIds"]', // [3P-2021, Inbox 1]
	editor: '[data-conversation-reply-composer] .ProseMirror[contenteditable="true"]', // [3P-2026]
	anyEditor: '.ProseMirror.embercom-prosemirror-composer-editor[contenteditable="true"]', // [3P-2026, 3P-2021]
	listLink: 'a[href*="/conversation/"]', // Rows are found through their conversation links [3P URL shapes]
} as const;

// https://app.intercom.com/a/inbox/abc123de/inbox/conversation/184467
// https://app.intercom.com/a/inbox/abc123de/inbox/admin/5512/conversation/184467?view=List
// https://app.intercom.com/a/inbox/abc123de/inbox/shared/all/conversation/184467 · /a/apps/abc123de/…/conversations/184467
const ticketPath = /^\/a\/(?:inbox|apps)\/[^/]+\/(?:[^/]+\/)*conversations?\/(\d+)\/?$/;
// https://app.intercom.com/a/inbox/abc123de/inbox/shared/all · /a/inbox/abc123de/inbox/admin/5512
const listPath = /^\/a\/(?:inbox|apps)\/[^/]+\/inbox(?:\/[^/]+)*\/?$/;

// data-part-group-category [3P-2026]: 1 customer, 3 teammate, 4 note [3P], 5 bot (Fin), 20 automated event.
const categories: Readonly<Record<string, {role: Role; internal?: boolean}>> = {
	1: {role: 'customer'},
	3: {role: 'agent'},
	4: {role: 'agent', internal: true},
	5: {role: 'agent'}, // A bot's answer reaches the customer like a teammate's
	20: {role: 'system'},
};

/** Role from layout hints when a part has no category: teammates' rows align right [3P-2026]. */
function roleFromLayout(part: Element, author: string | undefined, customer: string | undefined): Role {
	const authorType = attributeOf(part.closest('[data-author-type]'), 'data-author-type')?.toLowerCase();
	if (authorType) {
		return /user|lead|contact|customer/.test(authorType) ? 'customer' : 'agent';
	}

	if (part.closest('.justify-end, .flex-row-reverse')) {
		return 'agent';
	}

	if (part.closest('.justify-start')) {
		return 'customer';
	}

	return author !== undefined && author === customer ? 'customer' : 'agent';
}

function readPart(part: Element, group: Element, customer: string | undefined, locale: string | undefined): Message | undefined {
	const body = queryOne(part, selectors.body);
	if (!body) {
		return undefined;
	}

	const author = safeText(part, selectors.author) ?? safeText(group, selectors.author);
	const category = categories[attributeOf(group, 'data-part-group-category') ?? ''];
	const role = category?.role ?? roleFromLayout(part, author, customer);
	return {
		id: attributeOf(part, 'data-part-id') ?? attributeOf(group, 'data-part-group-id'),
		role,
		...(category?.internal ? {internal: true} : {}),
		author,
		text: bodyText(body, selectors.quote),
		at: shownTime(part, selectors.time, locale) ?? shownTime(group, selectors.time, locale),
	};
}

function readTicket(root: ParentNode, url: URL): TicketSnapshot | undefined {
	const ticketId = ticketPath.exec(url.pathname)?.[1];
	const stream = queryOne(root, selectors.stream);
	const shownId = attributeOf(stream?.closest(selectors.conversation), 'data-conversation-id');
	if (!ticketId || !stream || (shownId !== undefined && shownId !== ticketId)) {
		return undefined; // No conversation open, or the previous one is still shown
	}

	const customer = safeText(root, selectors.title);
	const locale = pageLocale(root);
	const groups = queryAll(stream, selectors.partGroup);
	const messages = (groups.length > 0
		? groups.flatMap(group => {
			const parts = queryAll(group, selectors.part);
			return (parts.length > 1 ? parts : [group]).map(part => readPart(part, group, customer, locale));
		})
		: queryAll(stream, selectors.contentPart).map(part => readPart(part, part, customer, locale))
	).filter(message => message !== undefined);
	if (messages.length === 0) {
		return undefined;
	}

	return {
		helpdesk: 'intercom',
		ticketId,
		url: url.href,
		status: safeText(root, selectors.state)?.toLowerCase(),
		requester: customer ? {name: customer} : undefined,
		assignee: safeText(root, selectors.assignee),
		tags: textsOf(root, selectors.tag),
		createdAt: messages[0]?.at,
		messages,
	};
}

function readList(root: ParentNode): ListRow[] {
	return rowsFromLinks(root, selectors.listLink, href => /\/conversations?\/(\d+)(?:[/?#]|$)/.exec(href)?.[1], (link, row) => ({
		subject: safeText(link, '.preview') ?? textContentOf(link),
		requester: safeText(link, '.name'),
		at: isoOf(attributeOf(queryOne(row, 'time[datetime]'), 'datetime')),
	}));
}

function insertReply(root: ParentNode): InsertOutcome {
	for (const name of ['editor', 'anyEditor'] as const) {
		if (queryOne(root, selectors[name])) {
			// ProseMirror rebuilds its DOM from its own document state: the bridge goes through its input handling
			return {ok: false, via: 'bridge', editor: 'prosemirror', selector: selectors[name]};
		}
	}

	return {ok: false, via: 'none', reason: 'composer not found'};
}

export default defineAdapter({
	id: 'intercom',
	name: 'Intercom',
	hosts: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
	selectors,
	required: ['stream', 'body'],
	isTicketPage: url => ticketPath.test(url.pathname),
	isListPage: url => !ticketPath.test(url.pathname) && listPath.test(url.pathname),
	readTicket: (root, url) => guard(() => readTicket(root, url), undefined),
	readList: root => guard(() => readList(root), []),
	insertReply: root => guard(() => insertReply(root), {ok: false, via: 'none', reason: 'the page could not be read'}),
});

/* Fixtures: test/fixtures/intercom/{ticket-open,ticket-2026,ticket-switch,list,ticket-long}.html
   Check live: https://app.intercom.com/a/inbox/{appId}/inbox/conversation/{id} (an email conversation with a
   note, a bot answer and an assignment), https://app.intercom.com/a/inbox/{appId}/inbox/shared/all.
   Intercom may render parts inside shadow roots, which a root-scoped reader does not enter [3P-2026 claim]. */
