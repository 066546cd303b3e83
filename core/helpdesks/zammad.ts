import type {Message, Role, TicketSnapshot} from '../model.ts';
import {defineAdapter, defineHelpdesk, isoOf, typeInto, type InsertOutcome, type ListRow} from './adapter.ts';
import {parseShownDate} from './dates.ts';
import {
	attributeOf,
	bodyText,
	guard,
	pageLocale,
	queryAll,
	queryOne,
	safeText,
	selectorFor,
	shownValue,
	stripQuotedText,
	textContentOf,
	textsOf,
} from './dom.ts';
import {type JsonObject, isObject, stringOf} from './json.ts';

// Zammad ships two agent UIs: the legacy desktop app (CoffeeScript + ECO templates, hash routes
// `#ticket/zoom/<id>`) and the new Vue desktop (`/desktop/tickets/<id>`). Both are read here.
export const selectors = {
	anyArticle: '.ticket-article-item, [data-test-id^="article-bubble-container-"]', // Either UI: what a ticket page cannot do without [SRC: article and bubble below]
	// Legacy desktop [SRC app/assets/javascripts/app/...]
	task: '.content[id^="content_permanent_"]', // One per open task (tab); qunit taskbar test
	activeTask: '.content.active[id^="content_permanent_"]',
	article: '.ticket-article-item', // Classes: sender name lower-cased (customer/agent/system), is-internal
	articleBody: '.textBubble-content .richtext-content',
	articleTime: 'time[datetime], .humanTimeFromNow[data-time]', // humanTime view helper; data-time in older releases
	articleLink: 'a[href*="#ticket/zoom/"]', // Permalink around the time: #ticket/zoom/<ticket>/<article>
	articleMetaRow: '.article-meta-row', // From / To / Subject rows (hidden until clicked)
	articleSystemText: '.task-subline',
	avatar: '.js-avatar [title]', // [UNVERIFIED] avatar widget title
	signatureMarker: '.js-signatureMarker', // Inserted by signatureIdentify(); signature follows it
	quote: 'blockquote',
	title: '.js-objectTitle',
	ticketNumber: '.ticket-number', // [3P toggl zammad.js 2021]
	// Sidebar ticket form: generic/select.jst.eco (<select name>) or, for long lists,
	// searchable_select.jst.eco (hidden input.js-shadow[name] + input.js-input showing the name)
	state: '[name="state_id"]',
	priority: '[name="priority_id"]',
	group: '[name="group_id"]',
	owner: '[name="owner_id"]',
	tag: '.tags .list-item-name', // [3P toggl zammad.js 2021]
	customerName: '[data-tab="customer"] [title="Name"]', // [3P toggl zammad.js 2021]
	customerEmail: '[data-tab="customer"] [title="Email"]', // [UNVERIFIED]
	editor: 'form.article-add .articleNewEdit-body[contenteditable="true"]', // Plain contenteditable, no framework
	listRow: 'tr.item[data-id]', // generic/table_row.jst.eco; overview rows link to #ticket/zoom/<id>
	listLink: 'a[href*="#ticket/zoom/"]',
	listTime: 'time[datetime]',

	// New desktop UI [SRC app/frontend/apps/desktop/pages/ticket/components/TicketDetailView/...]
	feed: 'section[role="feed"]', // ArticleList.vue
	bubble: '[data-test-id^="article-bubble-container-"]', // ArticleBubble.vue; internal notes add bg-stripes
	bubbleBody: '[data-test-id^="article-bubble-body-"]', // Content--customer (position right) or Content--agent
	bubbleAuthor: '[aria-describedby="author-name-and-creation-date"] > :not(p):not(time)', // ArticleBubbleBody.vue
	bubbleTime: '[aria-describedby="author-name-and-creation-date"] time', // CommonDateTime.vue: datetime only when relative
	bubbleContent: '[data-test-id="article-content"] .inner-article-body',
	systemRow: 'section[role="feed"] > article > [role="article"]', // SystemMessage / DeliveryMessage rows
	desktopTitle: '[data-test-id="ticket-detail-top-bar"] h2', // [UNVERIFIED]
	desktopEditor: '[data-test-id="field-editor"] [contenteditable="true"]', // TipTap (FieldEditorInput.vue)
	desktopListRow: 'tr[data-test-id="table-row"][data-item-id]', // CommonTable/TableRow.vue; item id may be a GraphQL gid
	desktopListLink: 'a[href*="/tickets/"]', // [UNVERIFIED] a title cell linking to the ticket
} as const;

const legacyTicket = /^#ticket\/zoom\/(\d+)(?:\/(\d+))?\/?$/; // #ticket/zoom/812, #ticket/zoom/812/4401
const legacyList = /^#(ticket\/view(\/[\w-]+)*|dashboard)\/?$/; // #ticket/view/all_open, #ticket/view/my_assigned/2
const desktopTicket = /\/(desktop|mobile)\/tickets\/(\d+)\/?$/; // /desktop/tickets/812, /mobile/tickets/812
const desktopList = /\/desktop\/tickets\/view(\/[\w-]+)*\/?$/; // /desktop/tickets/view/all_open [UNVERIFIED]

export function ticketIdOf(url: URL): string | undefined {
	return legacyTicket.exec(url.hash)?.[1] ?? desktopTicket.exec(url.pathname)?.[2];
}

function isHidden(element: Element): boolean {
	for (let node: Element | null = element; node; node = node.parentElement) {
		if (
			node.hasAttribute('hidden') ||
			node.getAttribute('aria-hidden') === 'true' ||
			/display:\s*none/.test(node.getAttribute('style') ?? '')
		) {
			return true;
		}
	}

	return false;
}

/**
 * The mounted task that shows ticket `id`: the one whose article permalinks name it (`.active` breaks
 * ties). With no such task, the active task counts only while its permalinks name no other ticket:
 * otherwise the agent is mid-switch and the old ticket is still on screen.
 */
function legacyTask(root: ParentNode, id: string): ParentNode | undefined {
	const tasks = queryAll(root, selectors.task);
	const linkedIds = (scope: ParentNode) =>
		queryAll(scope, selectors.articleLink).map(link => /#ticket\/zoom\/(\d+)/.exec(link.getAttribute('href') ?? '')?.[1]);
	const matching = tasks.filter(task => linkedIds(task).includes(id));
	if (matching.length > 0) {
		return matching.find(task => task.classList.contains('active')) ?? matching.find(task => !isHidden(task)) ?? matching[0];
	}

	const active = queryOne(root, selectors.activeTask) ?? (tasks.length === 1 ? tasks[0] : undefined);
	if (!active) {
		// Markup without task containers: the whole page, if it shows articles of no other ticket
		return tasks.length === 0 && queryAll(root, selectors.article).length > 0 && linkedIds(root).every(linked => linked === id)
			? root
			: undefined;
	}

	return linkedIds(active).length === 0 && queryAll(active, selectors.article).length > 0 ? active : undefined;
}

/** "Marta Kowalczyk <marta@example.com>" -> name and address. */
export function parseAddress(line: string | undefined): {name?: string | undefined; email?: string | undefined} {
	if (!line) {
		return {};
	}

	const email = /<([^<>\s]+@[^<>\s]+)>/.exec(line)?.[1] ?? /^\S+@\S+$/.exec(line.trim())?.[0];
	const name = line
		.replace(/<[^<>]*>/, '')
		.replaceAll('"', '')
		.replace(/\s+via\s+.*$/i, '')
		.trim();
	return {name: name && name !== email ? name : undefined, email};
}

// The meta keys are translated (@T('From')); these are "From" in the UI languages agents use most
const fromLabels = new Set(['from', 'von', 'de', 'da', 'van', 'från', 'fra', 'od', 'от', 'desde', 'expéditeur', 'kimden']);

function metaValue(article: Element, keys: ReadonlySet<string>): string | undefined {
	for (const row of queryAll(article, selectors.articleMetaRow)) {
		if (keys.has(safeText(row, '.article-meta-key')?.toLowerCase() ?? '')) {
			return safeText(row, '.article-meta-value');
		}
	}

	return undefined;
}

/** A sidebar field's shown value: a <select>'s chosen option or a searchable select's visible input. */
function fieldValue(scope: ParentNode, selector: string): string | undefined {
	const node = queryOne(scope, selector);
	if (node?.tagName !== 'INPUT') {
		return shownValue(node);
	}

	const visible = node.closest('.dropdown-toggle')?.querySelector('input.js-input');
	return attributeOf(visible, 'value') ?? shownValue(visible);
}

const roleOfClass: Array<[string, Role]> = [
	['customer', 'customer'],
	['agent', 'agent'],
	['system', 'system'],
];

function legacyMessage(article: Element): Message | undefined {
	const role = roleOfClass.find(([name]) => article.classList.contains(name))?.[1];
	if (!role) {
		return undefined;
	}

	const body = queryOne(article, selectors.articleBody);
	const text = body
		? bodyText(body, selectors.quote, selectors.signatureMarker)
		: (textContentOf(queryOne(article, selectors.articleSystemText)) ?? '');
	const from = parseAddress(metaValue(article, fromLabels));
	const time = queryOne(article, selectors.articleTime);
	return {
		id: attributeOf(article, 'data-id'),
		role,
		...(article.classList.contains('is-internal') ? {internal: true} : {}),
		author: from.name ?? attributeOf(queryOne(article, selectors.avatar), 'title'),
		text,
		at: isoOf(attributeOf(time, 'datetime') ?? attributeOf(time, 'data-time')),
	};
}

function readLegacy(root: ParentNode, url: URL, id: string): TicketSnapshot | undefined {
	const task = legacyTask(root, id);
	if (!task || queryAll(task, selectors.article).length === 0) {
		return undefined;
	}

	const messages = queryAll(task, selectors.article)
		.map(article => legacyMessage(article))
		.filter(message => message !== undefined);
	const firstCustomer = queryAll(task, `${selectors.article}.customer`)[0];
	const customerFrom = firstCustomer ? parseAddress(metaValue(firstCustomer, fromLabels)) : {};
	const name = safeText(task, selectors.customerName) ?? customerFrom.name;
	const email = safeText(task, selectors.customerEmail) ?? customerFrom.email;
	const owner = fieldValue(task, selectors.owner);
	const tags = textsOf(task, selectors.tag);
	return {
		helpdesk: 'zammad',
		ticketId: id,
		ticketNumber: safeText(task, selectors.ticketNumber)?.replace(/^#/, ''),
		url: url.href,
		subject: safeText(task, selectors.title),
		status: fieldValue(task, selectors.state),
		priority: fieldValue(task, selectors.priority),
		requester: name || email ? {name, email} : undefined,
		assignee: owner === '-' ? undefined : owner,
		group: fieldValue(task, selectors.group),
		tags: tags.length > 0 ? tags : undefined,
		createdAt: messages[0]?.at,
		messages,
	};
}

function desktopMessage(row: Element, locale: string | undefined): Message | undefined {
	const bubble = queryOne(row, selectors.bubble);
	if (!bubble) {
		const system = queryOne(row, '[role="article"]');
		const text = textContentOf(system);
		return text ? {role: 'system', text, at: isoOf(attributeOf(queryOne(row, 'time'), 'datetime'))} : undefined;
	}

	const body = queryOne(bubble, selectors.bubbleBody);
	// Position right = customer (ArticleBubble.vue); older builds only differ by background class
	const isCustomer = Boolean(body && (body.classList.contains('Content--customer') || body.classList.contains('bg-blue-100')));
	const author = textContentOf(queryOne(bubble, selectors.bubbleAuthor));
	const time = queryOne(bubble, selectors.bubbleTime);
	return {
		id: /article-bubble-container-(\d+)/.exec(bubble.getAttribute('data-test-id') ?? '')?.[1],
		role: isCustomer ? 'customer' : author === '-' || author === 'System' ? 'system' : 'agent',
		...(bubble.classList.contains('bg-stripes') ? {internal: true} : {}),
		author: author === '-' ? undefined : author,
		text: bodyText(queryOne(bubble, selectors.bubbleContent) ?? body, selectors.quote, selectors.signatureMarker),
		// Absolute display ("pretty_date_format") renders the date as text only
		at: isoOf(attributeOf(time, 'datetime')) ?? parseShownDate(attributeOf(time, 'title') ?? textContentOf(time), {locale}),
	};
}

function readDesktop(root: ParentNode, url: URL, id: string): TicketSnapshot | undefined {
	const feeds = queryAll(root, selectors.feed);
	const feed = feeds.find(candidate => !isHidden(candidate)) ?? (feeds.length === 1 ? feeds[0] : undefined);
	if (!feed || feed.getAttribute('aria-busy') === 'true') {
		return undefined;
	}

	const messages = [...feed.children]
		.filter(child => child.tagName === 'ARTICLE')
		.map(row => desktopMessage(row, pageLocale(root)))
		.filter(message => message !== undefined);
	const firstCustomer = messages.find(message => message.role === 'customer');
	return {
		helpdesk: 'zammad',
		ticketId: id,
		url: url.href,
		subject: textContentOf(queryAll(root, selectors.desktopTitle).find(title => !isHidden(title))),
		requester: firstCustomer?.author ? {name: firstCustomer.author} : undefined,
		createdAt: messages[0]?.at,
		messages,
	};
}

// Same-origin REST API (session cookie), for exact roles and timestamps. The content script fetches
// these URLs; the mapping below is pure. Fields: docs.zammad.org api/ticket and api/ticket/articles.
/** The API URLs for the ticket shown at `url`, or undefined off a ticket page. */
export function apiUrls(url: URL): {ticket: string; articles: string} | undefined {
	const id = ticketIdOf(url);
	if (!id) {
		return undefined;
	}

	const prefix = legacyTicket.test(url.hash)
		? url.pathname.replace(/[^/]*$/, '')
		: url.pathname.replace(/\/(desktop|mobile)\/tickets\/.*$/, '/');
	const base = `${url.origin}${prefix}api/v1`;
	return {ticket: `${base}/tickets/${id}?expand=true`, articles: `${base}/ticket_articles/by_ticket/${id}?expand=true`};
}

const entities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' '};

/** Plain text from an HTML body without a DOM: tags dropped, blocks as line breaks, quotes removed. */
export function htmlToText(html: string): string {
	return html
		.replaceAll(/<(script|style|blockquote)\b[\s\S]*?<\/\1>/gi, '')
		.replaceAll(/<br\s*\/?>/gi, '\n')
		.replaceAll(/<\/?(p|div|li|ul|ol|h[1-6]|tr|pre|section|article)\b[^>]*>/gi, '\n')
		.replaceAll(/<[^>]*>/g, '')
		.replaceAll(/&(#x?[\da-f]+|\w+);/gi, (whole, code: string) => {
			if (code.startsWith('#')) {
				const point = code[1]?.toLowerCase() === 'x' ? Number.parseInt(code.slice(2), 16) : Number.parseInt(code.slice(1), 10);
				return Number.isFinite(point) && point > 0 && point < 0x11_00_00 ? String.fromCodePoint(point) : '';
			}

			return entities[code.toLowerCase()] ?? whole;
		})
		.replaceAll(/[ \t\u00A0]+/g, ' ')
		.replaceAll(/ *\n */g, '\n')
		.replaceAll(/\n{3,}/g, '\n\n')
		.trim();
}

const roleOfSender: Record<string, Role> = {customer: 'customer', agent: 'agent', system: 'system'};

function apiMessage(article: JsonObject): Message | undefined {
	const sender = stringOf(article.sender)?.toLowerCase();
	const role = sender ? roleOfSender[sender] : undefined;
	if (!role) {
		return undefined;
	}

	const body = typeof article.body === 'string' ? article.body : '';
	let text = stringOf(article.content_type) === 'text/html' ? htmlToText(body) : body.replaceAll('\r\n', '\n');
	// For text bodies the server records the line where a signature starts
	const preferences = isObject(article.preferences) ? article.preferences : {};
	const signatureLine = preferences.signature_detection;
	if (stringOf(article.content_type) !== 'text/html' && typeof signatureLine === 'number' && signatureLine > 0) {
		text = text
			.split('\n')
			.slice(0, signatureLine - 1)
			.join('\n');
	}

	const from = parseAddress(stringOf(article.from));
	return {
		id: stringOf(article.id),
		role,
		...(article.internal === true ? {internal: true} : {}),
		author: from.name ?? stringOf(article.created_by),
		text: stripQuotedText(text),
		at: isoOf(stringOf(article.created_at)),
	};
}

/**
 * A snapshot from `GET /api/v1/tickets/<id>?expand=true` and
 * `GET /api/v1/ticket_articles/by_ticket/<id>?expand=true`; undefined when the JSON is not a ticket.
 */
export function snapshotFromApi(ticket: unknown, articles: unknown, url?: URL): TicketSnapshot | undefined {
	if (!isObject(ticket) || stringOf(ticket.id) === undefined) {
		return undefined;
	}

	const list = Array.isArray(articles) ? articles.filter(item => isObject(item)) : [];
	const messages = [...list]
		.sort((a, b) => (Date.parse(stringOf(a.created_at) ?? '') || 0) - (Date.parse(stringOf(b.created_at) ?? '') || 0))
		.map(article => apiMessage(article))
		.filter(message => message !== undefined);
	const customer = stringOf(ticket.customer);
	const owner = stringOf(ticket.owner);
	const tags = Array.isArray(ticket.tags) ? ticket.tags.map(tag => stringOf(tag)).filter(tag => tag !== undefined) : [];
	const firstCustomerArticle = list.find(article => stringOf(article.sender)?.toLowerCase() === 'customer');
	const from = parseAddress(stringOf(firstCustomerArticle?.from));
	return {
		helpdesk: 'zammad',
		ticketId: stringOf(ticket.id)!,
		ticketNumber: stringOf(ticket.number),
		url: url?.href,
		subject: stringOf(ticket.title),
		status: stringOf(ticket.state),
		priority: stringOf(ticket.priority),
		requester: {
			id: stringOf(ticket.customer_id),
			name: from.name,
			email: customer?.includes('@') ? customer : from.email,
		},
		assignee: owner === '-' ? undefined : owner,
		group: stringOf(ticket.group),
		tags: tags.length > 0 ? tags : undefined,
		createdAt: isoOf(stringOf(ticket.created_at)),
		messages,
	};
}

function readList(root: ParentNode): ListRow[] {
	const rows: ListRow[] = [];
	const seen = new Set<string>();
	const add = (row: ListRow) => {
		if (!seen.has(row.ticketId)) {
			seen.add(row.ticketId);
			rows.push(row);
		}
	};

	// Legacy overview: rows link to #ticket/zoom/<id>
	for (const link of queryAll(root, selectors.listLink)) {
		const id = /#ticket\/zoom\/(\d+)/.exec(link.getAttribute('href') ?? '')?.[1];
		const row = link.closest('tr');
		if (!id || !row) {
			continue;
		}

		const subject = textContentOf(link);
		add({
			ticketId: id,
			subject: subject && !/^\d+$/.test(subject) ? subject : safeText(row, 'td.title, .js-title'),
			requester: safeText(row, 'td.customer'),
			at: isoOf(attributeOf(queryOne(row, selectors.listTime), 'datetime')),
		});
	}

	// New desktop overview
	for (const row of queryAll(root, selectors.desktopListRow)) {
		const item = row.getAttribute('data-item-id') ?? '';
		const link = queryAll(row, selectors.desktopListLink).find(candidate => /\/tickets\/\d+/.test(candidate.getAttribute('href') ?? ''));
		const id = /(?:^|\/Ticket\/)(\d+)$/.exec(item)?.[1] ?? /\/tickets\/(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1];
		if (id) {
			add({ticketId: id, subject: textContentOf(link), at: isoOf(attributeOf(queryOne(row, selectors.listTime), 'datetime'))});
		}
	}

	return rows;
}

export const helpdesk = defineHelpdesk({
	id: 'zammad',
	name: 'Zammad',
	kind: 'helpdesk',
	hosts: ['https://*.zammad.com/*'], // Zammad's hosted service [UNVERIFIED: <name>.zammad.com]; self-hosted origins are mapped in options
	editors: ['tiptap'],
	isTicketPage: url => ticketIdOf(url) !== undefined,
	isListPage: url => legacyList.test(url.hash) || desktopList.test(url.pathname),
	ticketUrl: (host, id) => `https://${host}/#ticket/zoom/${id}`,
});

export default /* @__PURE__ */ defineAdapter(helpdesk, {
	selectors,
	required: ['anyArticle'],
	readTicket(root, url) {
		try {
			const id = ticketIdOf(url);
			if (!id) {
				return undefined;
			}

			return legacyTicket.test(url.hash) ? readLegacy(root, url, id) : readDesktop(root, url, id);
		} catch {
			return undefined;
		}
	},
	readList: root => guard(() => readList(root), []),
	insertReply(root, text, mode): InsertOutcome {
		try {
			const desktop = queryAll(root, selectors.desktopEditor).find(editor => !isHidden(editor));
			if (desktop) {
				// TipTap keeps its own document; the bridge calls element.editor.commands.insertContent()
				return {ok: false, via: 'bridge', editor: 'tiptap', selector: selectorFor(desktop, selectors.desktopEditor)};
			}

			const url = (root as Node).ownerDocument?.location?.href ?? (root as Document).location?.href;
			const id = url ? ticketIdOf(new URL(url)) : undefined;
			const task = (id ? legacyTask(root, id) : undefined) ?? queryOne(root, selectors.activeTask) ?? root;
			const editor = queryOne(task, selectors.editor);
			return editor ? typeInto(editor, text, mode) : {ok: false, via: 'none', reason: `reply editor not found: ${selectors.editor}`};
		} catch (error) {
			return {ok: false, via: 'none', reason: String(error)};
		}
	},
});

/* Fixtures: test/fixtures/zammad/{ticket-open,ticket-two-tabs,ticket-switch,list,ticket-long}.html (legacy UI),
   desktop-{ticket-open,ticket-two-tabs,list,ticket-long}.html (new desktop UI), api-*.json (REST API)
   Check live: https://<host>/#ticket/zoom/<id>  ·  https://<host>/desktop/tickets/<id>
   API: https://<host>/api/v1/ticket_articles/by_ticket/<id>?expand=true */
