import type {Message, Role, TicketSnapshot} from '../model.ts';
import {defineAdapter, defineHelpdesk, isoOf, typeInto, type InsertMode, type InsertOutcome, type ListRow} from './adapter.ts';
import {parseShownDate} from './dates.ts';
import {attributeOf, bodyText, guard, pageLocale, pageUrl, queryAll, queryOne, rowsFromLinks, safeText, textContentOf} from './dom.ts';

// Front. The page uses styled-components classes `component__StyledX-sc-<hash>-<n>` whose hash changes per
// release: every class selector matches the component name only, never the hash. Evidence (helpdesks.md §10):
//   [fr 2026-02] a browser extension's content script for Front, "based on Front's actual DOM as of Feb 2026"
//   [ck 2023-01] clockify/browser-extension src/integrations/front.js (older names, same naming scheme)
//   [us 2025-10] dm-alt/USM-scripts src/frontapp/*.user.js (company hosts <company>.frontapp.com, hashed names)
//   [3P] links seen in many scripts · [DOC] dev.frontapp.com · [UNVERIFIED] no source
// No source shows internal comments, status, assignee or tags in the page: they are not read.
export const selectors = {
	viewer: '[class*="viewer__StyledViewerDiv"]', // The open conversation [fr 2026-02]
	viewerId: '[data-testid^="viewer-"]', // data-testid="viewer-<numeric conversation id>" [fr 2026-02]
	header: '[class*="conversationHeader__StyledContainer"]', // [fr 2026-02]
	subject: '[data-searchable-subject="true"] span', // [fr 2026-02]
	olderSubject: '[class*="conversationSubjectWrapper__StyledSubjectContainerDiv"] > div > span', // [ck 2023-01]
	message: '[class*="messageViewerBase__StyledMessageDiv"], [role="article"]', // One per message [fr 2026-02]
	sender: '[class*="messageViewerRecipient__StyledDetailsWrapperDiv"]', // Name in its first div [fr 2026-02, ck 2023-01]
	account: '[data-account-name]', // The sender's account (a customer's company) [fr 2026-02]
	handle: '[class*="messageViewerRecipient__StyledHandleSpan"]', // "Name <address>" [fr 2026-02]
	recipients: '[class*="messageViewerDetails__StyledCollapsedSectionContentDiv"]', // The To line [fr 2026-02]
	date: '[class*="messageViewerDate__StyledDateDiv"]', // Shown date, text only [fr 2026-02]
	body: '[class*="messageHtml__StyledHtmlDiv"], [class*="messageViewerEmailBody__StyledEmailDiv"]', // [fr 2026-02]
	blurb: '[class*="messageViewerCollapsed__StyledBlurbDiv"]', // A collapsed message's preview [fr 2026-02]
	quote: 'blockquote, .gmail_quote, .front-blockquote', // [UNVERIFIED]
	signature: '.gmail_signature, .signature', // [UNVERIFIED]
	composer: '[class*="composer" i] [contenteditable="true"]', // By component name [UNVERIFIED]
	listLink: 'a[href*="/inboxes/"], a[href*="/open/cnv_"], a[href*="/conversations/cnv_"]', // [3P link shapes]
} as const;

// https://app.frontapp.com/open/cnv_7k2l9x · /open/msg_a23om0z (a message deep link) · /conversations/cnv_7k2l9x
const deepLink = /^\/(?:open|conversations)\/((?:cnv|msg)_[\da-z]+)\/?$/i;
// https://acme.frontapp.com/inboxes/teams/folders/7256583/unassigned/120537545061
// /inboxes/teammates/20999898/inbox/all/117421069338 · /inboxes/shared/support/open/121516198
const viewLink =
	/^\/inboxes\/(?:[^/]+\/)+(?:open|unassigned|assigned|archived|all|snoozed|trashed|spam|sent|drafts|closed|waiting|mine)\/(\d{1,15})\/?$/;
// /inboxes/teams/folders/7256583/unassigned · /inboxes/teams/folders/1234 · /inboxes/shared/support/open/latest
const listPath = /^\/inboxes(?:\/[^/]+)*\/?$/;

const cnvOf = (numeric: string) => `cnv_${Number(numeric).toString(36)}`;

/** The conversation id (cnv_…) a URL names: numeric ids in inbox URLs are the API id in base 36 [3P]. */
export function conversationIdOf(url: URL): string | undefined {
	const linked = deepLink.exec(url.pathname)?.[1];
	if (linked) {
		return linked.toLowerCase().startsWith('cnv_') ? linked.toLowerCase() : undefined;
	}

	const numeric = viewLink.exec(url.pathname)?.[1];
	return numeric ? cnvOf(numeric) : undefined;
}

function isTicketPage(url: URL): boolean {
	return deepLink.test(url.pathname) || viewLink.test(url.pathname);
}

function viewerIdOf(viewer: Element): string | undefined {
	const numeric = /^viewer-(\d{1,15})$/.exec(
		attributeOf(viewer.matches(selectors.viewerId) ? viewer : queryOne(viewer, selectors.viewerId), 'data-testid') ?? '',
	)?.[1];
	return numeric ? cnvOf(numeric) : undefined;
}

/** The viewer the URL names; for a msg_ link, or when viewers carry no id, the only one on screen. */
function activeViewer(root: ParentNode, url: URL | undefined): {viewer: Element; id: string | undefined} | undefined {
	const viewers = queryAll(root, selectors.viewer).filter(viewer => !viewer.parentElement?.closest(selectors.viewer));
	const wanted = url ? conversationIdOf(url) : undefined;
	const withIds = viewers.map(viewer => ({viewer, id: viewerIdOf(viewer)}));
	if (wanted && withIds.some(entry => entry.id !== undefined)) {
		return withIds.find(entry => entry.id === wanted); // Ids are shown and none is the URL's: not rendered yet
	}

	const shown = withIds.filter(entry => !entry.viewer.closest('[hidden]'));
	return shown.length === 1 ? shown[0] : undefined;
}

/** The addresses in a text such as "Daniel Weber <daniel.weber@example.de>" or "To: a@x.com, b@y.com", lower-cased. */
function addressesIn(text: string | undefined): string[] {
	// Split first: a regex scanning a long run without "@" from every position would cost its square
	return (text ?? '')
		.slice(0, 2000)
		.split(/[\s<>,;:"]+/)
		.filter(word => /^[^@]{1,64}@[^@]+\.[a-z]{2,}$/i.test(word))
		.map(word => word.toLowerCase());
}

type Raw = {element: Element; from: string | undefined; to: string[]; anchored: boolean};

/**
 * Sides by structure, never by layout or name guesses: a sender with an account is the customer [fr 2026-02];
 * whoever writes to a customer's address is on the other side, and whoever writes to that side's address, or is
 * written to by it, is a customer. Messages no chain reaches (no anchor, no address) stay unknown.
 */
function sidesOf(raws: readonly Raw[]): Role[] {
	const customers = new Set(raws.filter(raw => raw.anchored && raw.from).map(raw => raw.from!));
	const agents = new Set<string>();
	for (let round = 0; round < 4; round++) {
		const before = customers.size + agents.size;
		for (const raw of raws) {
			if (!raw.from || customers.has(raw.from)) {
				continue;
			}

			if (raw.to.some(address => customers.has(address))) {
				agents.add(raw.from);
			} else if (!agents.has(raw.from) && raw.to.some(address => agents.has(address))) {
				customers.add(raw.from);
				continue;
			}

			if (agents.has(raw.from)) {
				for (const address of raw.to) {
					if (!agents.has(address)) {
						customers.add(address);
					}
				}
			}
		}

		if (customers.size + agents.size === before) {
			break;
		}
	}

	return raws.map(raw => {
		if (raw.anchored || (raw.from && customers.has(raw.from))) {
			return 'customer';
		}

		return raw.from && agents.has(raw.from) ? 'agent' : 'unknown';
	});
}

function authorOf(message: Element): string | undefined {
	const sender = queryOne(message, selectors.sender);
	return textContentOf(queryOne(sender, ':scope > div:first-child') ?? sender);
}

function readTicket(root: ParentNode, url: URL): TicketSnapshot | undefined {
	const active = isTicketPage(url) ? activeViewer(root, url) : undefined;
	const ticketId = active?.id ?? conversationIdOf(url);
	if (!active || !ticketId) {
		return undefined;
	}

	const raws: Raw[] = queryAll(active.viewer, selectors.message)
		.filter(
			element =>
				!element.parentElement?.closest(selectors.message) && (queryOne(element, selectors.body) || queryOne(element, selectors.blurb)),
		)
		.map(element => ({
			element,
			from: addressesIn(safeText(element, selectors.handle))[0],
			to: addressesIn(safeText(element, selectors.recipients)),
			anchored: queryOne(element, selectors.account) !== null,
		}));
	if (raws.length === 0) {
		return undefined;
	}

	const locale = pageLocale(root);
	const roles = sidesOf(raws);
	const messages: Message[] = raws.map((raw, index) => ({
		role: roles[index]!,
		author: authorOf(raw.element),
		text: bodyText(queryOne(raw.element, selectors.body) ?? queryOne(raw.element, selectors.blurb), selectors.quote, selectors.signature),
		at: parseShownDate(safeText(raw.element, selectors.date), {locale}),
	}));
	const first = raws.findIndex((_raw, index) => roles[index] === 'customer');
	return {
		helpdesk: 'front',
		ticketId,
		url: url.href,
		subject: safeText(active.viewer, selectors.subject) ?? safeText(root, selectors.subject) ?? safeText(root, selectors.olderSubject),
		requester: first >= 0 ? {name: messages[first]?.author, email: raws[first]?.from} : undefined,
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
		subject: textContentOf(link),
		at: isoOf(attributeOf(queryOne(row, 'time[datetime]'), 'datetime')),
	}));
}

function insertReply(root: ParentNode, text: string, mode?: InsertMode): InsertOutcome {
	const viewer = activeViewer(root, pageUrl(root))?.viewer;
	const editor = queryOne(viewer, selectors.composer) ?? queryOne(root, selectors.composer);
	if (!editor) {
		return {ok: false, via: 'none', reason: 'composer not found'};
	}

	if (editor.classList.contains('ProseMirror')) {
		return {ok: false, via: 'bridge', editor: 'prosemirror', selector: selectors.composer};
	}

	return typeInto(editor, text, mode);
}

export const helpdesk = defineHelpdesk({
	id: 'front',
	name: 'Front',
	kind: 'helpdesk',
	hosts: ['https://*.frontapp.com/*'], // app.frontapp.com and company hosts such as acme.frontapp.com [us 2025-10, §10]
	editors: ['prosemirror'],
	isTicketPage,
	isListPage: url => !isTicketPage(url) && listPath.test(url.pathname),
});

export default /* @__PURE__ */ defineAdapter(helpdesk, {
	selectors,
	required: ['viewer', 'message', 'body'],
	readTicket: (root, url) => guard(() => readTicket(root, url), undefined),
	readList: root => guard(() => readList(root), []),
	insertReply: (root, text, mode) =>
		guard(() => insertReply(root, text, mode), {ok: false, via: 'none', reason: 'the page could not be read'}),
});

/* Fixtures: test/fixtures/front/{ticket-open,ticket-rehashed,ticket-switch,list,ticket-long}.html
   Check live: https://{company}.frontapp.com/open/{cnv_id} and an inbox view with an inbound mail, a reply and an
   internal comment: record the comment's component name, the composer, and whether a teammate's message carries
   anything like data-account-name; then https://{company}.frontapp.com/inboxes/teams/folders/{inboxId}/unassigned */
