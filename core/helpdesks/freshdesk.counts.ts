// Selector counts per fixture of test/fixtures/freshdesk/: how many nodes each selector of the Freshdesk adapter
// finds. Checked in happy-dom by freshdesk.test.ts and in Chromium by test/e2e/selectors.e2e.ts.
import type {selectors} from './freshdesk.ts';

const none = {shownId: 0, subject: 0, entry: 0, note: 0, requesterEntry: 0, privateEntry: 0, contactLink: 0, agentLink: 0, authorName: 0, time: 0, quote: 0, signature: 0, requester: 0, requesterEmail: 0, status: 0, priority: 0, group: 0, agent: 0, tag: 0, froala: 0, redactor: 0, replyTextarea: 0, listLink: 0};
// How many nodes each selector finds per fixture. Most of this markup is unverified: a live check fails here first.
export const selectorCounts = {
	'ticket-open.html': {...none, shownId: 1, subject: 1, entry: 4, note: 4, requesterEntry: 2, privateEntry: 1, contactLink: 3, agentLink: 2, time: 4, quote: 2, requester: 1, requesterEmail: 1, status: 1, priority: 1, group: 1, agent: 1, tag: 2, froala: 1, listLink: 1},
	'ticket-unmarked.html': {...none, shownId: 1, subject: 1, entry: 4, note: 4, contactLink: 1, agentLink: 1, authorName: 2, time: 4, quote: 1, requester: 1, status: 1, redactor: 1, replyTextarea: 1},
	'ticket-switch.html': {...none, shownId: 1, subject: 1, entry: 1, note: 1, requesterEntry: 1, contactLink: 1, time: 1, requester: 1, status: 1, replyTextarea: 1, listLink: 1},
	'ticket-long.html': {...none, shownId: 1, subject: 1, entry: 240, note: 240, requesterEntry: 103, privateEntry: 34, contactLink: 104, agentLink: 137, time: 240, requester: 1, status: 1, froala: 1},
	'list.html': {...none, contactLink: 2, time: 2, listLink: 3},
} satisfies Record<string, Record<keyof typeof selectors, number>>;
