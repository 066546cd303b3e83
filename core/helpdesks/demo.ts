import type {Message, Role, TicketSnapshot} from '../model.ts';
import {blockText, defineAdapter, defineHelpdesk, isoOf, typeInto, type ListRow} from './adapter.ts';
import {safeText} from './dom.ts';

// The demo helpdesk (test/demo/) is marked up like Zendesk's agent workspace (helpdesks.md section 1):
// one pane per open ticket tab, an omni-log of <article> items whose message node carries a `type`
// attribute (end-user / agent / internal), <time datetime>, and a contenteditable composer.
// All selectors [OWN test/demo/render.ts] unless tagged: the demo's own markup.
export const selectors = {
	pane: '[data-side-conversations-anchor-id]', // One per open tab; the active one has data-is-active="true"
	activePane: '[data-side-conversations-anchor-id][data-is-active="true"]',
	subject: 'input[data-test-id="omni-header-subject"]',
	status: '[data-test-id="ticket-status-select"]',
	priority: '[data-test-id="ticket-priority-select"]',
	requester: '[data-test-id="ticket-system-field-requester-select"]',
	assignee: '[data-test-id="ticket-assignee-select"]',
	group: '[data-test-id="ticket-group-select"]',
	tag: '[data-test-id="ticket-fields-tags"] [data-test-id="tag"]',
	createdAt: '[data-test-id="ticket-created-at"] time',
	log: '[data-test-id="omni-log-container"]',
	article: 'article[data-test-id="omni-log-comment-item"]',
	message: '[data-test-id="omni-log-item-message"]',
	sender: '[data-test-id="omni-log-item-sender"]',
	time: 'time[datetime]',
	body: '.zd-comment',
	quote: 'blockquote, .zd-quoted', // Quoted history the demo folds away, as mail clients do
	editor: '[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable="true"]',
	listRow: '[data-test-id="generic-table-row"]',
	listId: '[data-test-id="generic-table-cells-id"]',
	listSubject: '[data-test-id="ticket-table-cells-subject"]',
	listRequester: '[data-test-id="ticket-table-cells-requester"]',
	listTime: '[data-test-id="ticket-table-cells-updated"] time',
} as const;

const roleOfType: Record<string, Role> = {'end-user': 'customer', agent: 'agent', internal: 'agent', system: 'system'};

const ticketPath = /^\/agent\/tickets\/(\d+)\/?$/;

function activePane(root: ParentNode, url: URL): Element | undefined {
	const id = ticketPath.exec(url.pathname)?.[1];
	const panes = [...root.querySelectorAll(selectors.pane)];
	return (
		root.querySelector(selectors.activePane) ??
		panes.find(pane => pane.getAttribute('data-side-conversations-anchor-id') === id) ??
		(panes.length === 1 ? panes[0] : undefined)
	);
}

function readMessage(article: Element): Message | undefined {
	const messageNode = article.querySelector(selectors.message);
	const body = article.querySelector(selectors.body);
	if (!messageNode || !body) {
		return undefined;
	}

	const type = messageNode.getAttribute('type') ?? '';
	const clone = body.cloneNode(true) as Element;
	for (const quote of clone.querySelectorAll(selectors.quote)) {
		quote.remove();
	}

	return {
		id: article.getAttribute('data-comment-id') ?? undefined,
		role: roleOfType[type] ?? 'system',
		...(type === 'internal' ? {internal: true} : {}),
		author: safeText(article, selectors.sender),
		text: blockText(clone),
		at: isoOf(article.querySelector(selectors.time)?.getAttribute('datetime')),
	};
}

export const helpdesk = defineHelpdesk({
	id: 'demo',
	name: 'Demo helpdesk',
	kind: 'demo',
	hosts: [], // Loopback only, added to the demo build's manifest (never shipped)
	editors: [],
	isTicketPage: url => ticketPath.test(url.pathname),
	isListPage: url => url.pathname === '/' || url.pathname.startsWith('/agent/filters/'),
});

export default /* @__PURE__ */ defineAdapter(helpdesk, {
	selectors,
	required: ['pane', 'log', 'article'],
	readTicket(root, url) {
		const pane = activePane(root, url);
		const log = pane?.querySelector(selectors.log);
		if (!pane || !log) {
			return undefined;
		}

		const messages = [...log.querySelectorAll(selectors.article)]
			.map(article => readMessage(article))
			.filter(message => message !== undefined);
		if (messages.length === 0) {
			return undefined; // The log renders its items after the header
		}

		const requester = pane.querySelector(selectors.requester);
		const snapshot: TicketSnapshot = {
			helpdesk: 'demo',
			ticketId: pane.getAttribute('data-side-conversations-anchor-id') ?? '',
			url: url.href,
			subject: (pane.querySelector<HTMLInputElement>(selectors.subject)?.value ?? '').trim() || undefined,
			status: safeText(pane, selectors.status)?.toLowerCase(),
			priority: safeText(pane, selectors.priority)?.toLowerCase(),
			requester: requester
				? {
						id: requester.getAttribute('data-user-id') ?? undefined,
						name: safeText(pane, selectors.requester),
						email: requester.getAttribute('data-email') ?? undefined,
					}
				: undefined,
			assignee: safeText(pane, selectors.assignee),
			group: safeText(pane, selectors.group),
			tags: [...pane.querySelectorAll(selectors.tag)].map(tag => tag.textContent?.trim() ?? '').filter(Boolean),
			createdAt: isoOf(pane.querySelector(selectors.createdAt)?.getAttribute('datetime')),
			messages,
		};
		return snapshot.ticketId ? snapshot : undefined;
	},
	readList(root) {
		const rows: ListRow[] = [];
		for (const row of root.querySelectorAll(selectors.listRow)) {
			const ticketId = safeText(row, selectors.listId)?.replace(/^#/, '');
			if (ticketId) {
				rows.push({
					ticketId,
					subject: safeText(row, selectors.listSubject),
					requester: safeText(row, selectors.listRequester),
					at: isoOf(row.querySelector(selectors.listTime)?.getAttribute('datetime')),
				});
			}
		}

		return rows;
	},
	insertReply(root, text, mode) {
		const pane = root.querySelector(selectors.activePane) ?? root;
		const editor = pane.querySelector(selectors.editor);
		return editor ? typeInto(editor, text, mode) : {ok: false, via: 'none', reason: `reply box not found (${selectors.editor})`};
	},
});

/* Fixtures: test/fixtures/demo/{ticket-open,ticket-two-tabs,list}.html
   Live: npm start, then http://127.0.0.1:5178/agent/tickets/1001 */
