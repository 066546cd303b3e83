// Selector counts per fixture of test/fixtures/zendesk/: how many nodes each selector of the Zendesk adapter
// finds. Checked in happy-dom by zendesk.test.ts and in Chromium by test/e2e/selectors.e2e.ts.
import type {selectors} from './zendesk.ts';

const none = {pane: 0, activeLayout: 0, selectedTab: 0, log: 0, article: 0, hiddenCopy: 0, message: 0, internalTag: 0, sender: 0, time: 0, body: 0, content: 0, quote: 0, signature: 0, showMore: 0, subject: 0, requester: 0, status: 0, priority: 0, assignee: 0, assigneeGroup: 0, groupAndAssignee: 0, tag: 0, editor: 0, plainEditor: 0, legacyEditor: 0, listRow: 0, listId: 0, listSubject: 0, listRequester: 0, listDate: 0, listTime: 0};
// How many nodes each selector finds per fixture. A Zendesk redesign fails here first.
export const selectorCounts = {
	'ticket-open.html': {...none, pane: 1, activeLayout: 1, selectedTab: 1, log: 1, article: 6, hiddenCopy: 1, message: 6, internalTag: 1, sender: 6, time: 6, body: 6, content: 6, quote: 2, signature: 2, subject: 1, requester: 1, status: 2, priority: 1, assignee: 1, assigneeGroup: 1, tag: 3, editor: 1, listTime: 6},
	'ticket-two-tabs.html': {...none, pane: 2, activeLayout: 1, selectedTab: 1, log: 2, article: 5, message: 5, sender: 5, time: 5, body: 2, content: 5, subject: 2, requester: 2, status: 2, priority: 2, groupAndAssignee: 2, tag: 2, editor: 1, plainEditor: 1, listTime: 5},
	'ticket-switch.html': {...none, pane: 2, selectedTab: 1, log: 2, article: 4, message: 4, sender: 4, time: 4, body: 3, content: 4, subject: 2, requester: 1, status: 1, editor: 1, plainEditor: 1, listTime: 4},
	'ticket-long.html': {...none, pane: 1, activeLayout: 1, log: 1, article: 240, message: 240, internalTag: 34, sender: 240, time: 240, body: 240, content: 240, subject: 1, requester: 1, status: 1, editor: 1, listTime: 240},
	'list.html': {...none, time: 3, listRow: 4, listId: 4, listSubject: 4, listRequester: 4, listDate: 4, listTime: 3},
} satisfies Record<string, Record<keyof typeof selectors, number>>;
