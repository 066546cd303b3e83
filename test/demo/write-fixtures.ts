// Regenerates test/fixtures/demo/*.html from the demo helpdesk's renderer at a fixed clock:
// npx tsx test/demo/write-fixtures.ts
import {writeFileSync, mkdirSync} from 'node:fs';
import {renderListPage, renderTicketPage} from './render.ts';
import {demoTickets} from './tickets.ts';

const startedAt = Date.parse('2026-11-02T15:00:00Z');
const byId = (id: string) => demoTickets.find(ticket => ticket.id === id)!;
const dir = new URL('../fixtures/demo/', import.meta.url);
mkdirSync(dir, {recursive: true});
const header = (path: string, state: string) =>
	`<!-- synthetic · url: http://127.0.0.1:5178${path} · built from: the demo helpdesk renderer (test/demo/render.ts), Zendesk-like markup per helpdesks.md section 1 · state: ${state} -->\n`;

const files: Record<string, string> = {
	'ticket-open.html':
		header('/agent/tickets/1002', 'angry ticket: 3 customer messages, 2 agent replies, 1 internal note, a quoted reply') +
		renderTicketPage(byId('1002'), startedAt, {extraMessages: [], alsoOpen: []}),
	'ticket-two-tabs.html':
		header('/agent/tickets/1004', 'ticket 1004 active, ticket 1001 mounted in a hidden tab') +
		renderTicketPage(byId('1004'), startedAt, {extraMessages: [], alsoOpen: [{ticket: byId('1001'), extraMessages: []}]}),
	'list.html': header('/agent/filters/all', 'ticket list with seven rows') + renderListPage(demoTickets, startedAt),
};
// Fixtures keep markup only: no stylesheets or scripts (style.md section 5).
const clean = (html: string) => html.replaceAll(/<link [^>]*>\n?/g, '').replaceAll(/<script[^>]*><\/script>\n?/g, '');
for (const [name, html] of Object.entries(files)) {
	writeFileSync(new URL(name, dir), clean(html));
}
