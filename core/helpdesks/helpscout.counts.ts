// Selector counts per fixture of test/fixtures/helpscout/: how many nodes each selector of the Help Scout adapter
// finds. Checked in happy-dom by helpscout.test.ts and in Chromium by test/e2e/selectors.e2e.ts.
import type {selectors} from './helpscout.ts';

const none = {title: 0, number: 0, subject: 0, legacySubject: 0, statusBar: 0, legacyActions: 0, status: 0, assignee: 0, tag: 0, legacyTag: 0, customerEmail: 0, customerName: 0, thread: 0, previous: 0, body: 0, author: 0, time: 0, lineText: 0, quote: 0, signature: 0, editor: 0, editorFrame: 0, legacyEditor: 0, replyButton: 0, listLink: 0};
// How many nodes each selector finds per fixture: the new UI (ticket-open, ticket-app), the legacy UI (ticket-legacy).
export const selectorCounts = {
	'ticket-open.html': {...none, title: 1, number: 1, subject: 1, statusBar: 1, status: 1, assignee: 1, tag: 2, customerEmail: 1, thread: 6, body: 5, author: 6, time: 5, lineText: 6, quote: 2, signature: 1, editor: 1},
	'ticket-legacy.html': {...none, title: 1, legacySubject: 1, legacyActions: 1, legacyTag: 2, customerName: 1, thread: 12, previous: 1, body: 11, author: 11, time: 11, lineText: 12, legacyEditor: 1, replyButton: 1},
	'ticket-app.html': {...none, title: 1, subject: 1, statusBar: 1, status: 1, customerEmail: 1, thread: 2, body: 2, author: 2, time: 2, lineText: 2, editorFrame: 1},
	'ticket-switch.html': {...none, title: 1, number: 1, subject: 1, status: 1, customerName: 1, thread: 2, body: 2, author: 2, time: 2, lineText: 2, replyButton: 1},
	'ticket-long.html': {...none, title: 1, subject: 1, statusBar: 1, status: 1, thread: 240, body: 240, author: 240, time: 240, lineText: 240, editor: 1},
	'list.html': {...none, title: 1, listLink: 3},
} satisfies Record<string, Record<keyof typeof selectors, number>>;
