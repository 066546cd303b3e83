// Selector counts per fixture of test/fixtures/demo/: how many nodes each selector of the demo adapter
// finds. Checked in happy-dom by demo.test.ts and in Chromium by test/e2e/selectors.e2e.ts.
import type {selectors} from './demo.ts';

// How many nodes each selector finds per fixture. A markup change fails here first.
export const selectorCounts = {
	'ticket-open.html': {pane: 1, activePane: 1, subject: 1, status: 1, priority: 1, requester: 1, assignee: 1, group: 1, tag: 3, createdAt: 1, log: 1, article: 6, message: 6, sender: 6, time: 7, body: 6, quote: 1, editor: 1, listRow: 0, listId: 0, listSubject: 0, listRequester: 0, listTime: 0},
	'ticket-two-tabs.html': {pane: 2, activePane: 1, subject: 2, status: 2, priority: 2, requester: 2, assignee: 2, group: 2, tag: 5, createdAt: 2, log: 2, article: 6, message: 6, sender: 6, time: 8, body: 6, quote: 0, editor: 2, listRow: 0, listId: 0, listSubject: 0, listRequester: 0, listTime: 0},
	'list.html': {pane: 0, activePane: 0, subject: 0, status: 0, priority: 0, requester: 0, assignee: 0, group: 0, tag: 0, createdAt: 0, log: 0, article: 0, message: 0, sender: 0, time: 7, body: 0, quote: 0, editor: 0, listRow: 7, listId: 7, listSubject: 7, listRequester: 7, listTime: 7},
} satisfies Record<string, Record<keyof typeof selectors, number>>;
