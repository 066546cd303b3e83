// Selector counts per fixture of test/fixtures/custom/: how many nodes each selector of the custom (Helpline config) adapter
// finds. Checked in happy-dom by custom.test.ts and in Chromium by test/e2e/selectors.e2e.ts.

type Counts = Record<string, number>;
const open: Counts = {
	ticketRoot: 1, ticketId: 1, message: 5, internalMarker: 1, author: 4, time: 5, body: 5, quote: 1, subject: 1, status: 1, priority: 1,
	requester: 1, requesterEmail: 1, assignee: 1, group: 1, tag: 2, editor: 1, listRow: 0, listId: 0, listSubject: 0, listRequester: 0, listTime: 0,
};
export const selectorCounts: Record<string, Counts> = {
	'ticket-open.html': open,
	// The hidden pane adds one message and its fields; ticketRoot still finds only the active pane
	'ticket-two-tabs.html': {...open, ticketId: 2, message: 6, author: 5, time: 6, body: 6, subject: 2, status: 2, requester: 2, editor: 2},
	'list.html': {...Object.fromEntries(Object.keys(open).map(name => [name, 0])), listRow: 3, listId: 3, listSubject: 3, listRequester: 3, listTime: 2},
	// 240 entries: 34 internal notes, 8 system entries without author, 50 quotes
	'ticket-long.html': {...Object.fromEntries(Object.keys(open).map(name => [name, 0])), ticketRoot: 1, ticketId: 1, message: 240, internalMarker: 34, author: 232, time: 240, body: 240, quote: 50, subject: 1, editor: 1},
};
