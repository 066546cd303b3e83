import type {Message, Role} from '../model.ts';
import {defineAdapter, defineHelpdesk, type InsertOutcome, type ListRow} from './adapter.ts';
import {parseShownDate} from './dates.ts';
import {attributeOf, bodyText, guard, pageLocale, queryAll, queryOne, safeText, textContentOf} from './dom.ts';

// FreeScout renders conversations on the server (Laravel Blade); a conversation switch is a page load.
// All selectors [SRC freescout @ ab27725, resources/views/conversations/...] unless tagged.
export const selectors = {
	conversation: 'body[data-conversation_id]', // view.blade.php; the id the page really shows
	layout: '#conv-layout',
	thread: '#conv-layout-main .thread[id^="thread-"]', // thread.blade.php, newest first (Conversation::getThreads)
	person: '.thread-person strong', // Customer name for customer threads, user name otherwise
	personLink: '.thread-person a[href]', // /customers/<id>/edit or /users/profile/<id>
	lineItemTitle: '.thread-title', // Line items (status/assignment changes) have only a title
	date: 'a.thread-date', // Relative text; absolute date in title, or data-original-title once Bootstrap's tooltip ran
	content: '.thread-body .thread-content',
	quote: 'blockquote, .gmail_quote, .gmail_attr', // Quoted history mail clients mark up
	subject: '#conv-subj-value', // <input> value
	number: '.conv-numnav strong',
	status: '#conv-status .conv-info-val span:first-child',
	assignee: '#conv-assignee .conv-info-val span:first-child',
	assigneeChoice: '#conv-assignee .conv-user li.active a[data-user_id]', // data-user_id="-1" = Anyone (unassigned)
	customerName: '.customer-snippet .customer-name', // customers/profile_snippet.blade.php
	customerEmail: '.customer-snippet .customer-email .contact-main',
	textarea: 'form.form-reply textarea#body', // Summernote's source textarea (hidden once Summernote runs)
	editor: 'form.form-reply .note-editable[contenteditable="true"]', // Bundled Summernote 0.8.9 (public/js/summernote)
	listRow: 'tr.conv-row[data-conversation_id]', // conversations_table.blade.php
	listSubject: 'td.conv-subject p:not(.conv-preview)',
	listCustomer: 'td.conv-customer a',
	listNumber: 'td.conv-number a',
} as const;

const ticketPath = /^(?:\/[\w.-]+)?\/conversation\/(\d+)\/?$/; // /conversation/1543, /help/conversation/1543 (installed in a folder)
const listPath = /^(?:\/[\w.-]+)?\/mailbox\/(\d+)(?:\/(\d+))?\/?$/; // /mailbox/3, /mailbox/3/17 (a folder)

// Help Scout's own URLs look alike (/conversation/<id>/<thread>); FreeScout is never on its domain
const isHelpScout = (url: URL) => /(^|\.)helpscout\.(net|com)$/.test(url.hostname);

const roleOfType: Record<string, Role> = {customer: 'customer', message: 'agent', note: 'agent', lineitem: 'system'};

function threadType(thread: Element): string | undefined {
	return /\bthread-type-([a-z]+)\b/.exec(thread.getAttribute('class') ?? '')?.[1];
}

function readThread(thread: Element, locale: string | undefined): Message | undefined {
	const type = threadType(thread);
	if (!type || type === 'draft') {
		return undefined; // Drafts are not sent
	}

	const link = queryOne(thread, selectors.personLink)?.getAttribute('href') ?? '';
	// Chat threads can come from either side; the author link tells which
	const role = roleOfType[type] ?? (link.includes('/customers/') ? 'customer' : 'agent');
	const date = queryOne(thread, selectors.date);
	const shown = attributeOf(date, 'data-original-title') ?? attributeOf(date, 'title');
	const at = parseShownDate(shown, {locale});
	if (role === 'system') {
		const title = queryOne(thread, selectors.lineItemTitle);
		return {id: /^thread-(\d+)$/.exec(thread.id)?.[1], role, text: textContentOf(title) ?? '', at};
	}

	return {
		id: attributeOf(thread, 'data-thread_id'),
		role,
		...(type === 'note' ? {internal: true} : {}),
		author: safeText(thread, selectors.person),
		text: bodyText(queryOne(thread, selectors.content), selectors.quote),
		at,
	};
}

function readList(root: ParentNode): ListRow[] {
	return queryAll(root, selectors.listRow).flatMap(row => {
		const ticketId = attributeOf(row, 'data-conversation_id');
		if (!ticketId || !/^\d+$/.test(ticketId)) {
			return [];
		}

		const customer = queryOne(row, selectors.listCustomer)?.cloneNode(true) as Element | undefined;
		for (const extra of queryAll(customer, '.conv-counter, .conv-email, .conv-owner-mobile')) {
			extra.remove();
		}

		return [{ticketId, subject: safeText(row, selectors.listSubject), requester: textContentOf(customer)}];
	});
}

export const helpdesk = defineHelpdesk({
	id: 'freescout',
	name: 'FreeScout',
	kind: 'helpdesk',
	hosts: [], // Self-hosted only: mapped to an origin in the options page
	editors: ['summernote'],
	isTicketPage: url => !isHelpScout(url) && ticketPath.test(url.pathname),
	isListPage: url => !isHelpScout(url) && listPath.test(url.pathname),
	ticketUrl: (host, id) => `https://${host}/conversation/${id}`,
});

export default /* @__PURE__ */ defineAdapter(helpdesk, {
	selectors,
	required: ['conversation', 'thread'],
	readTicket(root, url) {
		try {
			const ticketId = ticketPath.exec(url.pathname)?.[1];
			const shown = attributeOf(queryOne(root, selectors.conversation), 'data-conversation_id');
			if (!ticketId || shown !== ticketId || !queryOne(root, selectors.layout)) {
				return undefined; // Another conversation's page (stale or mid-navigation) or not rendered
			}

			const locale = pageLocale(root);
			// Threads are shown newest first; the snapshot wants oldest first
			const messages = queryAll(root, selectors.thread)
				.map(thread => readThread(thread, locale))
				.filter(message => message !== undefined)
				.reverse();
			const name = safeText(root, selectors.customerName);
			const email = safeText(root, selectors.customerEmail);
			const unassigned = attributeOf(queryOne(root, selectors.assigneeChoice), 'data-user_id') === '-1';
			const subject =
				attributeOf(queryOne(root, selectors.subject), 'value') ?? (queryOne(root, selectors.subject) as HTMLInputElement | null)?.value;
			return {
				helpdesk: 'freescout',
				ticketId,
				url: url.href,
				subject: subject?.trim() || undefined,
				status: safeText(root, selectors.status),
				requester: name || email ? {name, email} : undefined,
				assignee: unassigned ? undefined : safeText(root, selectors.assignee),
				createdAt: messages[0]?.at,
				messages,
			};
		} catch {
			return undefined;
		}
	},
	readList: root => guard(() => readList(root), []),
	insertReply(root): InsertOutcome {
		try {
			// Summernote keeps the textarea in sync from its own model; FreeScout itself inserts with
			// $('#body').summernote('insertText' | 'pasteHTML', ...) (public/js/main.js)
			if (queryOne(root, selectors.editor) || queryOne(root, selectors.textarea)) {
				return {ok: false, via: 'bridge', editor: 'summernote', selector: '#body'};
			}

			return {ok: false, via: 'none', reason: `reply editor not found: ${selectors.editor}`};
		} catch (error) {
			return {ok: false, via: 'none', reason: String(error)};
		}
	},
});

/* Fixtures: test/fixtures/freescout/{ticket-open,ticket-switch,list,ticket-long}.html
   Check live: https://<host>/conversation/<id>  ·  https://<host>/mailbox/<mailbox>/<folder> */
