import type {Message, Role, TicketSnapshot} from '../model.ts';
import {defineAdapter, defineHelpdesk, isoOf, type InsertOutcome, type ListRow} from './adapter.ts';
import {
	attributeOf,
	bodyText,
	guard,
	pageLocale,
	queryAllDeep,
	queryOne,
	queryOneDeep,
	rowsFromLinks,
	safeText,
	shownTime,
	textContentOf,
} from './dom.ts';

// Intercom Inbox. Evidence per selector (helpdesks.md §4, §10, December 2026):
//   [sc 2026]    "Support Copilot for Intercom": content script and changelog 2026-02..10 (inbox2__ -> inbox-2__ and
//                Tailwind group/content-part in 2026-04; categories 1 customer, 3 teammate, 5 bot, 20 system; rows
//                without alignment classes by mid-2026, sides from the bubble's position; shadow roots walked)
//   [se]         a Selenium script: data-part-group-category 4 = note
//   [ck 2026-03] clockify/browser-extension src/integrations/intercom.js
//   [§10]        other 2025-2026 sources in helpdesks.md §10 · [UNVERIFIED] no source
// Parts may sit inside open shadow roots [sc 2026]: every query below goes through them (dom.ts *Deep).
export const selectors = {
	title: '[data-inbox-conversation-header-title]', // The customer's name [ck 2026-03, sc 2026, §10]
	toolbar: '[data-intercom-target="conversation-toolbar"]', // [ck 2026-03]
	conversation: '[data-conversation-id]', // Wrapper carrying the id [3P-2021 toggl; UNVERIFIED since]
	// The open conversation's stream: test id, data attributes, both class spellings [sc 2026]
	stream:
		'[data-testid="conversation-stream-scroll-container"], [data-conversation-stream], [data-intercom-target-conversation-stream], .inbox-2__conversation-stream, .inbox2__conversation-stream',
	part: '[class*="group/content-part"], [data-part-group-id], [data-part-id], [data-intercom-part-id]', // One per message [sc 2026]
	category: '[data-part-group-category]', // 1 customer, 3 teammate, 4 note, 5 bot, 20 system [sc 2026, se]
	authorType: '[data-author-type]', // "user" / "admin" [sc 2026-04]
	adminPart: '.inbox-2__admin-email-part, .inbox2__admin-email-part, [data-testid="admin-avatar-name"]', // Older role markers [§10]
	notePart: '.inbox-2__note-part, .inbox2__note-part', // Older role marker [§10]
	userPart: '.inbox-2__user-email-part, .inbox2__user-email-part', // Older role marker [sc 2026, §10]
	body: '.interblocks-html, .intercom-interblocks-html, .intercom-interblocks, .inbox-2__break-words, .inbox2__break-words, .inbox-2__user-email-content, .inbox-2__renderable-part', // [sc 2026, §10]
	author: '[data-testid="admin-avatar-name"], [data-part-author-name]', // First [§10], second [UNVERIFIED]
	time: 'time[datetime], [title]', // [UNVERIFIED]
	quote: 'blockquote, .gmail_quote', // Quoted history in email parts [UNVERIFIED]
	editor: '[data-conversation-reply-composer] .ProseMirror[contenteditable="true"]', // [sc 2026]
	anyEditor: '.ProseMirror.embercom-prosemirror-composer-editor[contenteditable="true"]', // [§10, sc 2026]
	listLink: 'a[href*="/conversation/"]', // Rows found through their conversation links [3P URL shapes]
} as const;

// https://app.intercom.com/a/inbox/abc123de/inbox/conversation/184467
// https://app.intercom.com/a/inbox/abc123de/inbox/admin/5512/conversation/184467?view=List
// https://app.intercom.com/a/inbox/abc123de/inbox/shared/all/conversation/184467 · /a/apps/abc123de/…/conversations/184467
const ticketPath = /^\/a\/(?:inbox|apps)\/[^/]+\/(?:[^/]+\/)*conversations?\/(\d+)\/?$/;
// https://app.intercom.com/a/inbox/abc123de/inbox/shared/all · /a/inbox/abc123de/inbox/admin/5512
const listPath = /^\/a\/(?:inbox|apps)\/[^/]+\/inbox(?:\/[^/]+)*\/?$/;

const categories: Readonly<Record<string, {role: Role; internal?: boolean}>> = {
	1: {role: 'customer'},
	3: {role: 'agent'},
	4: {role: 'agent', internal: true},
	5: {role: 'agent'}, // A bot's answer reaches the customer like a teammate's
	20: {role: 'system'},
};

/**
 * The side of a part whose markup does not say, from where its bubble sits in the stream: right of the
 * middle = teammate, left = customer [sc 2026]. Only with real layout; a document that is not rendered
 * (widths of 0) tells nothing and the role stays unknown.
 */
function sideFromLayout(part: Element, stream: Element): Role {
	try {
		const box = part.getBoundingClientRect();
		const frame = stream.getBoundingClientRect();
		if (box.width <= 0 || frame.width <= 0 || box.width > frame.width * 0.95) {
			return 'unknown'; // Not rendered, or as wide as the stream: no side to see
		}

		return box.left + box.width / 2 > frame.left + frame.width / 2 ? 'agent' : 'customer';
	} catch {
		return 'unknown';
	}
}

function roleOf(part: Element, stream: Element): {role: Role; internal?: boolean} {
	const category = categories[attributeOf(part.closest(selectors.category), 'data-part-group-category') ?? ''];
	if (category) {
		return category;
	}

	const authorType = attributeOf(
		part.closest(selectors.authorType) ?? queryOne(part, selectors.authorType),
		'data-author-type',
	)?.toLowerCase();
	if (authorType) {
		return {
			role: /user|lead|contact|customer/.test(authorType) ? 'customer' : /admin|teammate|agent|bot/.test(authorType) ? 'agent' : 'unknown',
		};
	}

	if (queryOne(part, selectors.notePart)) {
		return {role: 'agent', internal: true};
	}

	if (queryOne(part, selectors.adminPart)) {
		return {role: 'agent'};
	}

	if (queryOne(part, selectors.userPart)) {
		return {role: 'customer'};
	}

	return {role: sideFromLayout(part, stream)};
}

function readPart(part: Element, stream: Element, locale: string | undefined): Message | undefined {
	const body = queryOne(part, selectors.body);
	if (!body) {
		return undefined;
	}

	const {role, internal} = roleOf(part, stream);
	return {
		id:
			attributeOf(part, 'data-part-id') ??
			attributeOf(part, 'data-part-group-id') ??
			attributeOf(part, 'data-intercom-part-id') ??
			attributeOf(part.closest('[data-part-entity-id]'), 'data-part-entity-id'),
		role,
		...(internal ? {internal: true} : {}),
		author: safeText(part, selectors.author),
		text: bodyText(body, selectors.quote),
		at: shownTime(part, selectors.time, locale),
	};
}

function readTicket(root: ParentNode, url: URL): TicketSnapshot | undefined {
	const ticketId = ticketPath.exec(url.pathname)?.[1];
	const stream = queryOneDeep(root, selectors.stream);
	const shownId = attributeOf(stream?.closest(selectors.conversation), 'data-conversation-id');
	if (!ticketId || !stream || (shownId !== undefined && shownId !== ticketId)) {
		return undefined; // No conversation open, or the previous one is still shown
	}

	const locale = pageLocale(root);
	// The outermost part: a group holding single parts is one message per inner part
	const leaves = queryAllDeep(stream, selectors.part).filter(part => !queryOne(part, selectors.part));
	const messages = leaves.map(part => readPart(part, stream, locale)).filter(message => message !== undefined);
	if (messages.length === 0) {
		return undefined;
	}

	const customer = textContentOf(queryOneDeep(root, selectors.title));
	return {
		helpdesk: 'intercom',
		ticketId,
		url: url.href,
		requester: customer ? {name: customer} : undefined,
		createdAt: messages[0]?.at,
		messages,
	};
}

function readList(root: ParentNode): ListRow[] {
	return rowsFromLinks(
		root,
		selectors.listLink,
		href => /\/conversations?\/(\d+)(?:[/?#]|$)/.exec(href)?.[1],
		(link, row) => ({
			subject: safeText(link, '.preview') ?? textContentOf(link),
			requester: safeText(link, '.name'),
			at: isoOf(attributeOf(queryOne(row, 'time[datetime]'), 'datetime')),
		}),
	);
}

function insertReply(root: ParentNode): InsertOutcome {
	for (const name of ['editor', 'anyEditor'] as const) {
		if (queryOne(root, selectors[name])) {
			// ProseMirror rebuilds its DOM from its own document state: the bridge goes through its input handling
			return {ok: false, via: 'bridge', editor: 'prosemirror', selector: selectors[name]};
		}
	}

	return {
		ok: false,
		via: 'none',
		reason: queryOneDeep(root, selectors.anyEditor)
			? 'the composer is inside a shadow root the bridge cannot reach: copy the reply instead'
			: 'composer not found',
	};
}

export const helpdesk = defineHelpdesk({
	id: 'intercom',
	name: 'Intercom',
	kind: 'helpdesk',
	hosts: ['https://app.intercom.com/a/*', 'https://app.eu.intercom.com/a/*', 'https://app.au.intercom.com/a/*'], // The Inbox lives under /a/
	editors: ['prosemirror'],
	isTicketPage: url => ticketPath.test(url.pathname),
	isListPage: url => !ticketPath.test(url.pathname) && listPath.test(url.pathname),
});

export default /* @__PURE__ */ defineAdapter(helpdesk, {
	selectors,
	required: ['stream', 'part', 'body'],
	readTicket: (root, url) => guard(() => readTicket(root, url), undefined),
	readList: root => guard(() => readList(root), []),
	insertReply: root => guard(() => insertReply(root), {ok: false, via: 'none', reason: 'the page could not be read'}),
});

/* Fixtures: test/fixtures/intercom/{ticket-open,ticket-2026,ticket-switch,list,ticket-long}.html
   Check live: https://app.intercom.com/a/inbox/{appId}/inbox/conversation/{id} (an email conversation with a note, a
   bot answer and an assignment; are parts in shadow roots? do they still carry data-part-group-category?),
   https://app.intercom.com/a/inbox/{appId}/inbox/shared/all */
