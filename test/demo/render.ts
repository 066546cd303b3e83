import type {DemoMessage, DemoTicket} from './tickets.ts';

export function escapeHtml(value: string): string {
	return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

const roleLabel: Record<DemoMessage['type'], string> = {'end-user': 'Customer', agent: 'Agent', internal: 'Internal note'};

function relative(minutesAgo: number): string {
	if (minutesAgo < 60) {
		return `${Math.max(1, Math.round(minutesAgo))} min ago`;
	}

	if (minutesAgo < 48 * 60) {
		return `${Math.round(minutesAgo / 60)} h ago`;
	}

	return `${Math.round(minutesAgo / 1440)} days ago`;
}

export function renderBody(paragraphs: string[]): string {
	const quoted = paragraphs.filter(line => line.startsWith('> ')).map(line => `<p>${escapeHtml(line.slice(2))}</p>`);
	const own = paragraphs.filter(line => !line.startsWith('> ')).map(line => `<p>${escapeHtml(line)}</p>`);
	return own.join('') + (quoted.length > 0 ? `<blockquote class="zd-quoted">${quoted.join('')}</blockquote>` : '');
}

export function renderArticle(message: DemoMessage, startedAt: number): string {
	const at = new Date(startedAt - message.minutesAgo * 60_000);
	return `<article data-test-id="omni-log-comment-item" data-comment-id="${escapeHtml(message.id)}" class="comment comment--${message.type}">
	<header><div data-test-id="omni-log-item-sender" class="sender">${escapeHtml(message.author)}</div>
	<span class="role">${roleLabel[message.type]}</span>
	<time datetime="${at.toISOString()}" title="${escapeHtml(at.toUTCString())}">${relative(message.minutesAgo)}</time></header>
	<div data-test-id="omni-log-item-message" type="${message.type}"><div class="zd-comment">${renderBody(message.body)}</div></div>
</article>`;
}

function page(title: string, main: string, script = ''): string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} - Demo helpdesk</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/demo.css"></head>
<body>
<nav class="topbar"><a class="brand" href="/">Northwind Support</a><a href="/agent/filters/all">All open tickets</a><span class="who">Signed in as Sam Okafor</span></nav>
${main}
${script}
</body></html>`;
}

function pane(ticket: DemoTicket, startedAt: number, active: boolean, extraMessages: DemoMessage[]): string {
	const created = new Date(startedAt - (ticket.messages[0]?.minutesAgo ?? 0) * 60_000);
	const articles = [...ticket.messages, ...extraMessages].map(message => renderArticle(message, startedAt)).join('\n');
	return `<div class="ticket-pane" data-side-conversations-anchor-id="${ticket.id}" data-is-active="${active}"${active ? '' : ' hidden'}>
	<div class="ticket-header"><span class="ticket-number">#${ticket.id}</span>
	<input data-test-id="omni-header-subject" aria-label="Subject" value="${escapeHtml(ticket.subject)}"></div>
	<div class="ticket-layout">
	<aside class="properties">
		<label>Requester</label><div data-test-id="ticket-system-field-requester-select" data-user-id="${ticket.requester.id}" data-email="${escapeHtml(ticket.requester.email)}">${escapeHtml(ticket.requester.name)}</div>
		<label>Assignee</label><div data-test-id="ticket-assignee-select">${escapeHtml(ticket.assignee)}</div>
		<label>Group</label><div data-test-id="ticket-group-select">${escapeHtml(ticket.group)}</div>
		<label>Status</label><div data-test-id="ticket-status-select" class="status status--${ticket.status}">${ticket.status}</div>
		<label>Priority</label><div data-test-id="ticket-priority-select">${ticket.priority}</div>
		<label>Created</label><div data-test-id="ticket-created-at"><time datetime="${created.toISOString()}">${created.toUTCString()}</time></div>
		<label>Tags</label><div data-test-id="ticket-fields-tags">${ticket.tags.map(tag => `<span data-test-id="tag" class="tag">${escapeHtml(tag)}</span>`).join(' ')}</div>
	</aside>
	<section class="conversation">
		<div data-test-id="omni-log-container" class="log">
${articles}
		</div>
		<div class="composer" data-test-id="editor-view">
			<div class="composer-bar"><button type="button" data-test-id="omnichannel-channel-switcher-button" data-channel="web">Public reply</button></div>
			<div data-test-id="omnicomposer-rich-text-ckeditor" contenteditable="true" role="textbox" aria-label="Reply" aria-multiline="true" class="ck-editor__editable"></div>
			<div class="composer-actions"><button type="button" data-test-id="submit_button-button" class="submit">Submit as Open</button></div>
		</div>
	</section>
	</div>
</div>`;
}

export function renderTicketPage(
	ticket: DemoTicket,
	startedAt: number,
	options: {extraMessages: DemoMessage[]; alsoOpen: Array<{ticket: DemoTicket; extraMessages: DemoMessage[]}>},
): string {
	const tabs = [ticket, ...options.alsoOpen.map(other => other.ticket)]
		.map(
			(open, index) =>
				`<a data-test-id="header-tab" data-selected="${index === 0}" href="/agent/tickets/${open.id}"><span data-test-id="header-tab-title">#${open.id} ${escapeHtml(open.subject)}</span></a>`,
		)
		.join('');
	const panes = [
		pane(ticket, startedAt, true, options.extraMessages),
		...options.alsoOpen.map(other => pane(other.ticket, startedAt, false, other.extraMessages)),
	].join('\n');
	return page(
		`#${ticket.id} ${ticket.subject}`,
		`<div class="tabs">${tabs}</div><main class="workspace">${panes}</main>`,
		`<script src="/demo-live.js" data-ticket="${ticket.id}"></script>`,
	);
}

export function renderListPage(tickets: DemoTicket[], startedAt: number): string {
	const rows = tickets
		.map(ticket => {
			const last = ticket.messages.at(-1);
			const updated = new Date(startedAt - (last?.minutesAgo ?? 0) * 60_000);
			return `<tr data-test-id="generic-table-row">
	<td data-test-id="generic-table-cells-id">#${ticket.id}</td>
	<td data-test-id="ticket-table-cells-subject"><a href="/agent/tickets/${ticket.id}">${escapeHtml(ticket.subject)}</a></td>
	<td data-test-id="ticket-table-cells-requester">${escapeHtml(ticket.requester.name)}</td>
	<td class="status status--${ticket.status}">${ticket.status}</td><td>${ticket.priority}</td>
	<td data-test-id="ticket-table-cells-updated"><time datetime="${updated.toISOString()}">${relative(last?.minutesAgo ?? 0)}</time></td>
</tr>`;
		})
		.join('\n');
	return page(
		'All open tickets',
		`<main class="list"><h1>All open tickets</h1>
<table data-test-id="generic-table"><thead><tr><th>ID</th><th>Subject</th><th>Requester</th><th>Status</th><th>Priority</th><th>Updated</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="hint">Open a ticket with the Defuse extension loaded to see its overlay. Each ticket shows a different situation: ${tickets.map(ticket => `#${ticket.id} ${escapeHtml(ticket.kind)}`).join(', ')}.</p></main>`,
	);
}
