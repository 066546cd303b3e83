// Selector counts per fixture of test/fixtures/helpscout/: how many nodes each selector of the Help Scout adapter
// finds. Checked in happy-dom by helpscout.test.ts and in Chromium by test/e2e/selectors.e2e.ts.
import type {selectors} from './helpscout.ts';

const none = {number: 0, subject: 0, thread: 0, body: 0, meta: 0, author: 0, time: 0, quote: 0, signature: 0, customer: 0, customerEmail: 0, status: 0, assignee: 0, tag: 0, editor: 0, replyButton: 0, listLink: 0};
// How many nodes each selector finds per fixture. A Help Scout redesign fails here first.
export const selectorCounts = {
	'ticket-open.html': {...none, number: 1, subject: 1, thread: 5, body: 4, meta: 5, author: 5, time: 5, quote: 2, signature: 1, customer: 1, customerEmail: 1, status: 1, assignee: 1, tag: 2, editor: 1, replyButton: 1},
	'ticket-switch.html': {...none, number: 1, subject: 1, thread: 2, body: 2, meta: 2, author: 2, time: 2, customer: 1, status: 1, replyButton: 1},
	'ticket-long.html': {...none, number: 1, subject: 1, thread: 240, body: 240, meta: 240, author: 240, time: 240, customer: 1, replyButton: 1},
	'list.html': {...none, listLink: 3},
} satisfies Record<string, Record<keyof typeof selectors, number>>;
