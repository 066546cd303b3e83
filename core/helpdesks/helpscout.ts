import type {Message, Role, TicketSnapshot} from '../model.ts';
import {defineAdapter, defineHelpdesk, isoOf, typeInto, type InsertMode, type InsertOutcome, type ListRow} from './adapter.ts';
import {
	attributeOf,
	bodyText,
	guard,
	numberIn,
	pageLocale,
	queryAll,
	queryOne,
	rowsFromLinks,
	safeText,
	shownTime,
	shownValue,
	textContentOf,
	textsOf,
} from './dom.ts';

// Help Scout ships two agent UIs side by side; both are read. Evidence per selector (helpdesks.md §3, §10):
//   [ck 2026-03] clockify/browser-extension src/integrations/helpscout.js (new and legacy UI)
//   [hs 2022-12] Help Scout's own stylesheet (legacy UI), as vendored by wilPoly/hs-darkmode vendor/hs.css
//   [tg 2024-09] toggl/track-extension src/content/helpscout.js · [tt 2023-06] trentslutzky/helpscout-thread-hider
//   [§10]        2025-2026 sources collected in helpdesks.md §10 · [DOC] developer.helpscout.com · [UNVERIFIED] no source
export const selectors = {
	title: 'title', // "#1456 Subject - Customer" [§10]
	number: '[data-cy="Text"]', // "#1456" in the header [tg 2024-09]
	subject: '[aria-label="Conversation Subject"]', // New UI [ck 2026-03, §10]
	legacySubject: '#subjectLine', // Legacy UI [ck 2026-03, §10]
	statusBar: '[class*="StatusAssigneecss__ContainerUI"]', // New UI status and assignee header; styled-components name, never the hash [ck 2026-03]
	legacyActions: '.actions__wrapper', // Legacy UI header actions [ck 2026-03, §10]
	status: '[data-cy="ConversationHeader.Status"]', // Inside the status bar [UNVERIFIED]
	assignee: '[data-cy="ConversationHeader.Assignee"]', // Inside the status bar [UNVERIFIED]
	tag: '[data-cy="Tag"]', // New UI [ck 2026-03, §10]
	legacyTag: '.tag', // Legacy UI [ck 2026-03, §10]
	customerEmail: '[data-cy="Sidebar.CustomerEmails"] [data-testid="EmailList.EmailLink"] .c-Truncate__content', // [§10]
	customerName: '.c-profile__name', // Sidebar [3P, older]
	// Threads: the legacy UI's markup [hs 2022-12, tt 2023-06]; the new UI's thread markup has no public source and is assumed the same [UNVERIFIED]
	thread: 'article.thread',
	previous: '#previousConvo', // The customer's earlier conversations shown inline: not this conversation [hs 2022-12]
	body: '.messageBodyWrap .messageBody', // [hs 2022-12, tt 2023-06]
	author: '.threadHeader h4 strong', // [hs 2022-12]
	time: '.threadHeader time abbr[title], .threadHeader time[datetime]', // Full date in the abbr's title [hs 2022-12, §10]
	lineText: '.threadHeader h4, .threadTitle h4', // A line item's sentence [hs 2022-12]
	quote: 'blockquote, .gmail_quote', // [UNVERIFIED]
	signature: '.signature, .gmail_signature', // [UNVERIFIED]
	editor: '[data-slate-editor="true"][contenteditable="true"]', // Reply editor, Slate [§10]
	editorFrame: 'iframe', // On app.helpscout.com the reply editor is reported inside a frame [§10]
	// TODO [2027-06-01]: drop once the legacy UI is retired
	legacyEditor: '.redactor_editor[contenteditable="true"]', // Legacy UI Redactor [3P; #redactor_modal in hs 2022-12]
	replyButton: '#navReply', // Opens the reply box, legacy UI [3P]
	listLink: 'a[href*="/conversation/"], a[href*="/conversations/"]', // Rows found through their links [DOC link shape, §10]
} as const;

// https://secure.helpscout.net/conversation/2345678901/1456?folderId=7781 (id, then the number shown as #1456);
// https://app.helpscout.com/conversations/2345678901/1456 in the new UI [ck 2026-03, §10]; links also carry the id alone.
const ticketPath = /^\/conversations?\/(\d+)(?:\/(\d+))?\/?$/;
// https://secure.helpscout.net/mailbox/8a7b6c5d4e3f2a10/ · /mailbox/8a7b6c5d4e3f2a10/7781/ (a folder)
const listPath = /^\/mailbox\/[\da-f]{6,}(\/\d+)?\/?$/;
const hostedOnly = new Set(['secure.helpscout.net', 'app.helpscout.com']);

/** Conversation id and number from a Help Scout URL; elsewhere (a copy served locally) both numbers are required. */
function idsOf(url: URL): {id: string; number?: string | undefined} | undefined {
	const match = ticketPath.exec(url.pathname);
	if (!match?.[1] || (!hostedOnly.has(url.hostname) && !match[2])) {
		return undefined; // FreeScout uses /conversation/<id> too: one number alone is Help Scout only on its hosts
	}

	return {id: match[1], number: match[2]};
}

type Kind = {role: Role; internal?: boolean} | 'skip' | 'chat';

// Legacy thread type classes [hs 2022-12]; API type names [DOC] where the UI may use them.
const kinds: Readonly<Record<string, Kind>> = {
	customer: {role: 'customer'},
	voicemail: {role: 'customer'}, // The customer's message, transcribed
	user: {role: 'agent'}, // A teammate's reply
	message: {role: 'agent'},
	reply: {role: 'agent'},
	phone: {role: 'agent'}, // A call the agent logged
	note: {role: 'agent', internal: true},
	forward: {role: 'agent', internal: true}, // Sent to a third party, not the customer
	forwardparent: {role: 'agent', internal: true},
	forwardchild: {role: 'agent', internal: true},
	singleLine: {role: 'system'}, // Line items: assignments, status changes
	lineitem: {role: 'system'},
	bounce: {role: 'system'},
	integration: {role: 'system'},
	draft: 'skip', // Unsent
	fwdDraft: 'skip',
	hidden: 'skip',
	chatType: 'chat', // Either side writes in a chat: the author decides
	chat: 'chat',
	beaconchat: 'chat',
};

function kindOf(thread: Element): Kind | undefined {
	for (const name of thread.classList) {
		const kind = kinds[name];
		if (kind) {
			return kind;
		}
	}

	return undefined;
}

function readThread(thread: Element, customer: string | undefined, locale: string | undefined): Message | undefined {
	const kind = kindOf(thread);
	if (kind === 'skip') {
		return undefined;
	}

	const author = safeText(thread, selectors.author);
	const body = queryOne(thread, selectors.body);
	const isLine = kind !== undefined && kind !== 'chat' && kind.role === 'system';
	if (!body && !isLine) {
		return undefined;
	}

	let role: Role;
	let internal = false;
	if (kind === 'chat' || kind === undefined) {
		role = author !== undefined && author === customer ? 'customer' : 'unknown'; // Not guessed from layout
	} else {
		({role} = kind);
		internal = kind.internal === true;
	}

	return {
		id: /^thread-(\d+)$/.exec(thread.id)?.[1],
		role,
		...(internal ? {internal: true} : {}),
		author,
		text: body ? bodyText(body, selectors.quote, selectors.signature) : (textContentOf(queryOne(thread, selectors.lineText)) ?? ''),
		at: shownTime(thread, selectors.time, locale),
	};
}

/** Oldest first, whichever order the agent's preference shows (Help Scout lists newest first by default). */
function chronological(messages: Message[]): Message[] {
	const times = messages.map(message => (message.at ? Date.parse(message.at) : Number.NaN)).filter(time => !Number.isNaN(time));
	return times.length >= 2 && times[0]! > times.at(-1)! ? [...messages].reverse() : messages;
}

/** "#1456 Webhook deliveries failing - Elif Demir": number, subject, customer. */
function titleParts(title: string | undefined): {number?: string | undefined; subject?: string | undefined; customer?: string | undefined} {
	const match = /^#(\d+)\s+(.*?)(?:\s+-\s+([^-]+))?$/.exec(title?.trim().slice(0, 500) ?? ''); // Bounded: the lazy match costs the square of its length
	return match ? {number: match[1], subject: match[2] || undefined, customer: match[3]?.trim() || undefined} : {};
}

function readTicket(root: ParentNode, url: URL): TicketSnapshot | undefined {
	const ids = idsOf(url);
	const title = titleParts(safeText(root, selectors.title));
	const shown =
		title.number ??
		queryAll(root, selectors.number)
			.map(node => numberIn(textContentOf(node)))
			.find(number => number !== undefined);
	if (!ids || (ids.number && shown && shown !== ids.number)) {
		return undefined; // The previous conversation is still on screen
	}

	const customer = safeText(root, selectors.customerName) ?? title.customer;
	const locale = pageLocale(root);
	const messages = chronological(
		queryAll(root, selectors.thread)
			.filter(thread => !thread.closest(selectors.previous))
			.map(thread => readThread(thread, customer, locale))
			.filter(message => message !== undefined),
	);
	if (!messages.some(message => message.role !== 'system')) {
		return undefined;
	}

	const email = safeText(root, selectors.customerEmail);
	const bar = queryOne(root, selectors.statusBar) ?? queryOne(root, selectors.legacyActions);
	const tags = textsOf(root, selectors.tag);
	return {
		helpdesk: 'helpscout',
		ticketId: ids.id,
		ticketNumber: ids.number ?? shown,
		url: url.href,
		subject: shownValue(queryOne(root, selectors.subject) ?? queryOne(root, selectors.legacySubject)) ?? title.subject,
		status: safeText(bar, selectors.status)?.toLowerCase(),
		requester: customer || email ? {name: customer, email} : undefined,
		assignee: safeText(bar, selectors.assignee),
		tags: tags.length > 0 ? tags : textsOf(root, selectors.legacyTag),
		createdAt: messages[0]?.at,
		messages,
	};
}

function readList(root: ParentNode): ListRow[] {
	return rowsFromLinks(
		root,
		selectors.listLink,
		href => /\/conversations?\/(\d+)/.exec(href)?.[1],
		(link, row) => ({
			subject: textContentOf(link),
			requester: safeText(row, '.customer'),
			at: isoOf(attributeOf(queryOne(row, 'time[datetime]'), 'datetime')),
		}),
	);
}

function insertReply(root: ParentNode, text: string, mode?: InsertMode): InsertOutcome {
	const slate = queryOne(root, selectors.editor);
	if (slate) {
		return typeInto(slate, text, mode); // Slate applies native beforeinput/insertText to its own model
	}

	if (queryOne(root, selectors.legacyEditor)) {
		// Redactor keeps the reply in its hidden source textarea and syncs it from its own API
		return {ok: false, via: 'bridge', editor: 'redactor', selector: selectors.legacyEditor};
	}

	if (queryOne(root, selectors.editorFrame) && (queryOne(root, selectors.subject) || queryOne(root, selectors.statusBar))) {
		return {ok: false, via: 'none', reason: 'the reply editor is inside a frame Defuse does not enter: copy the reply instead'};
	}

	return {
		ok: false,
		via: 'none',
		reason: queryOne(root, selectors.replyButton) ? 'reply box closed: press Reply first' : 'reply box not found',
	};
}

export const helpdesk = defineHelpdesk({
	id: 'helpscout',
	name: 'Help Scout',
	kind: 'helpdesk',
	hosts: ['https://secure.helpscout.net/*', 'https://app.helpscout.com/*'], // Single-page apps: every path
	editors: ['redactor'],
	isTicketPage: url => idsOf(url) !== undefined,
	isListPage: url => listPath.test(url.pathname),
	ticketUrl: (_host, id) => `https://secure.helpscout.net/conversation/${id}`,
});

export default /* @__PURE__ */ defineAdapter(helpdesk, {
	selectors,
	required: ['thread', 'body'],
	readTicket: (root, url) => guard(() => readTicket(root, url), undefined),
	readList: root => guard(() => readList(root), []),
	insertReply: (root, text, mode) =>
		guard(() => insertReply(root, text, mode), {ok: false, via: 'none', reason: 'the page could not be read'}),
});

/* Fixtures: test/fixtures/helpscout/{ticket-open,ticket-legacy,ticket-app,ticket-switch,list,ticket-long}.html
   Check live: https://secure.helpscout.net/conversation/{id}/{number} in both UIs (a conversation with a note, a
   forward, a draft and a chat), https://app.helpscout.com/conversations/{id}/{number} (where is the reply editor?),
   https://secure.helpscout.net/mailbox/{mailboxId}/{folderId}/ */
