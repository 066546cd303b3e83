import type {Message, Role} from '../model.ts';
import {defineAdapter, defineHelpdesk, isoOf, typeInto, type InsertOutcome, type ListRow} from './adapter.ts';
import {attributeOf, bodyText, guard, queryAll, queryOne, safeText, textContentOf} from './dom.ts';

// osTicket staff panel (/scp/), server-rendered PHP with PJAX navigation: the URL can change before
// the content does, so the page's own ticket link is checked against the URL.
// All selectors [SRC osTicket @ 4689926, include/staff/ticket-view.inc.php and templates/thread-*.tmpl.php] unless tagged.
export const selectors = {
	ticketLink: '.flush-left h2 a[href^="tickets.php?id="]', // "Ticket #<number>", href carries the internal id
	subject: '.tixTitle h3',
	thread: '#ticket_thread #thread-items', // ticket-view.inc.php renders the thread with html-id 'ticketThread' inside #ticket_thread
	entry: '#thread-items [id^="thread-entry-"] > .thread-entry', // Classes: message (user), response (staff), note, system
	event: '#thread-items .thread-event', // Assignments, status changes, ...
	author: '.header > b', // "<b>Name</b> posted <time>"
	time: '.header time[datetime]', // W3C date-time
	body: '.thread-body > div:first-child',
	eventText: '.description',
	eventTime: 'time[datetime]',
	quote: 'blockquote',
	status: 'table.ticket_info a[href="#statuses"]', // Status link; staff without the close permission see plain text
	priority: 'table.ticket_info a.inline-edit[href*="/field/"] > span[id^="field_"]',
	department: 'table.ticket_info a[href$="/transfer"]',
	assignee: 'table.ticket_info #field_assign',
	userName: 'table.ticket_info span[id^="user-"][id$="-name"]',
	userEmail: 'table.ticket_info span[id^="user-"][id$="-email"]',
	infoRow: 'table.ticket_info tr', // th label + td value, for staff without edit permissions
	replyTextarea: 'form#reply textarea#response',
	replyEditor: 'form#reply .redactor-in[contenteditable="true"]', // Redactor 3 (js/redactor.min.js)
	listRow: 'form#tickets table tbody tr', // [UNVERIFIED form id] queue-tickets.tmpl.php
	listCheckbox: 'input.ckb[name="tids[]"]',
	listLink: 'a.preview[href*="tickets.php?id="]', // class.queue.php TicketLinkFilter: number and subject columns
} as const;

const scpPath = /^(?:\/.*)?\/scp\/(tickets|index)\.php$/; // Queues: /scp/tickets.php?queue=2, /scp/index.php

/** The internal ticket id of a staff ticket page: /scp/tickets.php?id=1207 */
function ticketIdOf(url: URL): string | undefined {
	const id = url.searchParams.get('id');
	return /(?:^|\/)scp\/tickets\.php$/.test(url.pathname) && id && /^\d+$/.test(id) ? id : undefined;
}

const roleOfType: Record<string, Role> = {message: 'customer', response: 'agent', note: 'agent', system: 'system'};

function readEntry(entry: Element): Message | undefined {
	const type = ['message', 'response', 'note', 'system'].find(name => entry.classList.contains(name));
	if (!type) {
		return undefined;
	}

	return {
		id: /^thread-entry-(\d+)$/.exec(entry.parentElement?.id ?? '')?.[1],
		role: roleOfType[type]!,
		...(type === 'note' ? {internal: true} : {}),
		author: safeText(entry, selectors.author),
		text: bodyText(queryOne(entry, selectors.body), selectors.quote),
		at: isoOf(attributeOf(queryOne(entry, selectors.time), 'datetime')),
	};
}

function readEvent(event: Element): Message | undefined {
	const text = bodyText(queryOne(event, selectors.eventText), 'time'); // The relative "3 days ago" is not news
	return text ? {role: 'system', text, at: isoOf(attributeOf(queryOne(event, selectors.eventTime), 'datetime'))} : undefined;
}

/** A value from the ticket info tables by its (English) label, for staff who see plain text. */
function infoValue(root: ParentNode, label: string): string | undefined {
	for (const row of queryAll(root, selectors.infoRow)) {
		const cells = [...row.children]; // Own cells only: the layout rows nest whole tables
		const heading = textContentOf(cells.find(cell => cell.tagName === 'TH'));
		if (heading?.replace(/:$/, '').toLowerCase() === label) {
			return textContentOf(cells.find(cell => cell.tagName === 'TD'));
		}
	}

	return undefined;
}

function readList(root: ParentNode): ListRow[] {
	const rows: ListRow[] = [];
	for (const row of queryAll(root, selectors.listRow)) {
		const links = queryAll(row, selectors.listLink);
		const fromLink = links.map(link => /[?&]id=(\d+)/.exec(link.getAttribute('href') ?? '')?.[1]).find(Boolean);
		const checkbox = attributeOf(queryOne(row, selectors.listCheckbox), 'value');
		const ticketId = checkbox && /^\d+$/.test(checkbox) ? checkbox : fromLink;
		if (!ticketId) {
			continue;
		}

		// The number column's link shows digits; the subject column's link shows the subject
		const subject = links.map(link => textContentOf(link)).find(text => text && !/^#?\d+$/.test(text));
		rows.push({ticketId, subject});
	}

	return rows;
}

export const helpdesk = defineHelpdesk({
	id: 'osticket',
	name: 'osTicket',
	kind: 'helpdesk',
	hosts: [], // Self-hosted (and osTicket's hosted offer runs on customer domains): mapped in options
	editors: ['redactor'],
	isTicketPage: url => ticketIdOf(url) !== undefined,
	isListPage: url => scpPath.test(url.pathname) && !url.searchParams.has('id') && ['search', null].includes(url.searchParams.get('a')),
	ticketUrl: (host, id) => `https://${host}/scp/tickets.php?id=${id}`,
});

export default /* @__PURE__ */ defineAdapter(helpdesk, {
	selectors,
	required: ['ticketLink', 'entry'],
	readTicket(root, url) {
		try {
			const ticketId = ticketIdOf(url);
			const shown = /[?&]id=(\d+)/.exec(queryOne(root, selectors.ticketLink)?.getAttribute('href') ?? '')?.[1];
			if (!ticketId || shown !== ticketId) {
				return undefined; // PJAX has not swapped the content in yet, or not a ticket view
			}

			// Entries and events interleave in the thread; staff can choose newest first, so sort by time
			const items = queryAll(root, `${selectors.entry}, ${selectors.event}`);
			const messages = items
				.map((item, index) => ({index, message: item.classList.contains('thread-event') ? readEvent(item) : readEntry(item)}))
				.filter((item): item is {index: number; message: Message} => item.message !== undefined);
			const timed = messages.filter(item => item.message.at);
			if (timed.length > 1 && Date.parse(timed[0]!.message.at!) > Date.parse(timed.at(-1)!.message.at!)) {
				messages.reverse();
			}

			const assigned = queryOne(root, selectors.assignee);
			const name = safeText(root, selectors.userName);
			const email = safeText(root, selectors.userEmail);
			const ordered = messages.map(item => item.message);
			return {
				helpdesk: 'osticket',
				ticketId,
				// The link reads "Ticket #482913": the number users see; the URL carries the internal id
				ticketNumber: /#\s*([\w-]+)/.exec(textContentOf(queryOne(root, selectors.ticketLink)) ?? '')?.[1],
				url: url.href,
				subject: safeText(root, selectors.subject),
				status: safeText(root, selectors.status) ?? infoValue(root, 'status'),
				priority: safeText(root, selectors.priority) ?? infoValue(root, 'priority'),
				requester: name || email ? {name, email} : undefined,
				// "— Unassigned —" is shown in a .faded span
				assignee: assigned && !queryOne(assigned, '.faded') ? textContentOf(assigned) : undefined,
				group: safeText(root, selectors.department) ?? infoValue(root, 'department'),
				createdAt: ordered.find(message => message.role !== 'system')?.at,
				messages: ordered,
			};
		} catch {
			return undefined;
		}
	},
	readList: root => guard(() => readList(root), []),
	insertReply(root, text, mode): InsertOutcome {
		try {
			const textarea = queryOne(root, selectors.replyTextarea);
			if (!textarea) {
				return {ok: false, via: 'none', reason: `reply box not found: ${selectors.replyTextarea}`};
			}

			// Rich text on: Redactor owns the content (osTicket calls $('#response').redactor('source.setCode', ...))
			if (queryOne(root, selectors.replyEditor) || textarea.classList.contains('richtext')) {
				return {ok: false, via: 'bridge', editor: 'redactor', selector: '#response'};
			}

			return typeInto(textarea, text, mode);
		} catch (error) {
			return {ok: false, via: 'none', reason: String(error)};
		}
	},
});

/* Fixtures: test/fixtures/osticket/{ticket-open,ticket-switch,list,ticket-long}.html
   Check live: https://<host>/scp/tickets.php?id=<internal id>  ·  https://<host>/scp/tickets.php?queue=<n> */
