// Selector counts per fixture of test/fixtures/front/: how many nodes each selector of the Front adapter
// finds. Checked in happy-dom by front.test.ts and in Chromium by test/e2e/selectors.e2e.ts.
import type {selectors} from './front.ts';

const none = {conversation: 0, item: 0, message: 0, comment: 0, author: 0, time: 0, body: 0, quote: 0, signature: 0, subject: 0, status: 0, assignee: 0, inbox: 0, tag: 0, contact: 0, contactHandle: 0, composer: 0, listLink: 0};
// How many nodes each (guessed) selector finds per fixture. A live check against Front replaces these first.
export const selectorCounts = {
	'ticket-open.html': {...none, conversation: 1, item: 4, message: 3, comment: 1, author: 4, time: 4, body: 4, quote: 1, signature: 1, subject: 1, status: 1, assignee: 1, inbox: 1, tag: 2, contact: 1, contactHandle: 1, composer: 1},
	'ticket-switch.html': {...none, conversation: 2, item: 3, message: 3, author: 3, time: 3, body: 3, subject: 2, contact: 1, composer: 2},
	'ticket-long.html': {...none, conversation: 1, item: 240, message: 206, comment: 34, author: 240, time: 240, body: 240, subject: 1, contact: 1, composer: 1},
	'list.html': {...none, time: 2, listLink: 3},
} satisfies Record<string, Record<keyof typeof selectors, number>>;
