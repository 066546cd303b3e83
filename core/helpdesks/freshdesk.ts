import type {Message, TicketSnapshot} from '../model.ts';
import {defineAdapter, isoOf, typeInto, type InsertOutcome, type ListRow} from './adapter.ts';
import {attributeOf, bodyText, guard, numberIn, pageLocale, queryAll, queryOne, rowsFromLinks, safeText, shownTime, shownValue, textContentOf, textsOf} from './dom.ts';

// Freshdesk agent UI ("mint", 2018+). Evidence is thin (helpdesks.md §2): no public script reads the
// conversation's roles, so roles come from several weak hints in turn, and the names below say how sure each is.
export const selectors = {
	shownId: '.breadcrumb__item.active', // "#812" [3P-2021 toggl]
	subject: '.ticket-subject-heading', // Child badges are not part of the subject [3P-2021 toggl]
	entry: '[data-album]', // One per conversation entry [3P-2019 freshdesk-mint-navigator]
	note: '.ticket_note[data-note-id]', // The entry's text [3P-2025 LauraSWP fd-quicktool]
	requesterEntry: '.ticket-details__requestor', // [weak 3P: a Freshdesk app's timeline classes]
	privateEntry: '.ticket-details__privatenote', // [weak 3P, same]
	contactLink: 'a[href*="/a/contacts/"]', // Author is a contact = customer [UNVERIFIED; /a/companies/ links are 3P-2025]
	agentLink: 'a[href*="/a/agents/"]', // [UNVERIFIED]
	authorName: '.ticket-details__name', // Author without a profile link [UNVERIFIED]
	time: 'time, [title]', // <time datetime>, else the full date in a title [UNVERIFIED]
	quote: 'blockquote, .freshdesk_quote, .gmail_quote', // Quoted history [UNVERIFIED]
	signature: '.gmail_signature, .freshdesk_signature', // [UNVERIFIED]
	requester: '[data-test-id="requester-info-name"]', // By analogy to requester-info-company-<field> [3P-2025]
	requesterEmail: '[data-test-id="requester-info-email"]', // [UNVERIFIED]
	status: '[data-test-select-field="status"]', // Named after the API fields, like data-test-text-field [UNVERIFIED]
	priority: '[data-test-select-field="priority"]', // [UNVERIFIED]
	group: '[data-test-select-field="group"]', // [UNVERIFIED]
	agent: '[data-test-select-field="responder"]', // [UNVERIFIED]
	tag: '.ticket-tags ul li .tag-options', // [3P-2021 toggl]
	froala: '.fr-element.fr-view[contenteditable="true"]', // Current reply box [UNVERIFIED, 3P guess lists]
	redactor: '.redactor-editor[contenteditable="true"]', // Older reply box [UNVERIFIED, 3P guess lists]
	replyTextarea: '.ticket-reply-box textarea', // Before a rich editor starts [UNVERIFIED]
	listLink: 'a[href*="/a/tickets/"]', // Rows are found through their ticket links [3P]
} as const;

// https://acme.freshdesk.com/a/tickets/812 · custom domains https://support.example.com/a/tickets/812
const ticketPath = /^\/a\/tickets\/(\d+)\/?$/;
// /a/tickets/filters/all_tickets · /a/tickets/filters/12345 · /a/tickets (default view)
const listPath = /^\/a\/tickets(\/filters\/[^/]+)?\/?$/;
const privateLabel = /^(private note|added a private note|nota privada|private notiz|note privée)$/i;

/** A property's shown value: the chosen option of a <select> or an input's value inside the field, else its text. */
function fieldValue(root: ParentNode, selector: string): string | undefined {
	const field = queryOne(root, selector);
	return shownValue(queryOne(field, 'select, input') ?? field);
}

function readEntry(entry: Element, requester: string | undefined, locale: string | undefined): Message | undefined {
	const note = queryOne(entry, selectors.note);
	if (!note) {
		return undefined; // Activity rows (status changes, merges) carry no note
	}

	const contact = queryOne(entry, selectors.contactLink);
	const agent = queryOne(entry, selectors.agentLink);
	const author = textContentOf(contact ?? agent) ?? safeText(entry, selectors.authorName);
	const labelled = queryAll(entry, 'span, div.label, .label').some(node => privateLabel.test(textContentOf(node) ?? ''));
	const internal = entry.matches(selectors.privateEntry) || note.classList.contains('private-note') || labelled;
	let role: Message['role'] = 'agent';
	if (!internal && (entry.matches(selectors.requesterEntry) || contact !== null || (agent === null && author !== undefined && author === requester))) {
		role = 'customer';
	}

	return {
		id: attributeOf(note, 'data-note-id'),
		role,
		...(internal ? {internal: true} : {}),
		author,
		text: bodyText(note, selectors.quote, selectors.signature),
		at: shownTime(entry, selectors.time, locale),
	};
}

function readTicket(root: ParentNode, url: URL): TicketSnapshot | undefined {
	const ticketId = ticketPath.exec(url.pathname)?.[1];
	const shownId = numberIn(safeText(root, selectors.shownId));
	if (!ticketId || (shownId !== undefined && shownId !== ticketId)) {
		return undefined; // The view still shows the previous ticket
	}

	const requester = safeText(root, selectors.requester);
	const locale = pageLocale(root);
	const messages = queryAll(root, selectors.entry)
		.map(entry => readEntry(entry, requester, locale))
		.filter(message => message !== undefined);
	if (messages.length === 0) {
		return undefined;
	}

	const heading = queryOne(root, selectors.subject);
	const subject = heading
		? [...heading.childNodes].filter(node => node.nodeType === 3).map(node => node.nodeValue ?? '').join(' ').replaceAll(/\s+/g, ' ').trim()
		: '';
	const email = safeText(root, selectors.requesterEmail);
	return {
		helpdesk: 'freshdesk',
		ticketId,
		url: url.href,
		subject: subject || undefined,
		status: fieldValue(root, selectors.status)?.toLowerCase(),
		priority: fieldValue(root, selectors.priority)?.toLowerCase(),
		requester: requester || email ? {name: requester, email} : undefined,
		assignee: fieldValue(root, selectors.agent),
		group: fieldValue(root, selectors.group),
		tags: textsOf(root, selectors.tag),
		createdAt: messages[0]?.at,
		messages,
	};
}

function readList(root: ParentNode): ListRow[] {
	return rowsFromLinks(root, selectors.listLink, href => /\/a\/tickets\/(\d+)(?:[/?#]|$)/.exec(href)?.[1], (link, row) => ({
		subject: textContentOf(link),
		requester: textContentOf(queryOne(row, selectors.contactLink) ?? queryOne(row, '.ticket-requester')),
		at: isoOf(attributeOf(queryOne(row, 'time[datetime]'), 'datetime')),
	}));
}

function insertReply(root: ParentNode, text: string): InsertOutcome {
	// Froala and Redactor keep their own state; the bridge calls their APIs in the page's world.
	for (const [name, editor] of [['froala', 'froala'], ['redactor', 'redactor']] as const) {
		if (queryOne(root, selectors[name])) {
			return {ok: false, via: 'bridge', editor, selector: selectors[name]};
		}
	}

	const textarea = queryOne(root, selectors.replyTextarea);
	return textarea ? typeInto(textarea, text) : {ok: false, via: 'none', reason: 'reply box not open (press Reply first)'};
}

export default defineAdapter({
	id: 'freshdesk',
	name: 'Freshdesk',
	hosts: ['https://*.freshdesk.com/*'],
	selectors,
	required: ['entry', 'note'],
	isTicketPage: url => ticketPath.test(url.pathname),
	isListPage: url => listPath.test(url.pathname),
	readTicket: (root, url) => guard(() => readTicket(root, url), undefined),
	readList: root => guard(() => readList(root), []),
	insertReply: (root, text) => guard(() => insertReply(root, text), {ok: false, via: 'none', reason: 'the page could not be read'}),
});

/* Fixtures: test/fixtures/freshdesk/{ticket-open,ticket-unmarked,ticket-switch,list,ticket-long}.html
   Check live (most of the markup here is unverified): https://{subdomain}.freshdesk.com/a/tickets/{id} with a
   private note and a customer reply; https://{subdomain}.freshdesk.com/a/tickets/filters/all_tickets */
