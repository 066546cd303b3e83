// Selector counts per fixture of test/fixtures/zendesk/: how many nodes each selector of the Zendesk adapter
// finds. Checked in happy-dom by zendesk.test.ts and in Chromium by test/e2e/selectors.e2e.ts.
import type {selectors} from './zendesk.ts';

const none = {listRow: 0, listId: 0, listSubject: 0, listRequester: 0, listTime: 0};
// How many nodes each selector finds per fixture. A Zendesk redesign fails here first.
export const selectorCounts = {
	'ticket-open.html': {pane: 1, activeLayout: 1, selectedTab: 1, log: 1, article: 5, message: 5, internalTag: 1, sender: 5, time: 5, body: 5, content: 5, quote: 1, signature: 1, showMore: 0, subject: 1, requester: 1, status: 1, priority: 1, groupAndAssignee: 1, tag: 3, editor: 1, plainEditor: 0, legacyEditor: 0, ...none, listTime: 5},
	'ticket-two-tabs.html': {pane: 2, activeLayout: 1, selectedTab: 1, log: 2, article: 5, message: 5, internalTag: 0, sender: 5, time: 5, body: 2, content: 5, quote: 0, signature: 0, showMore: 0, subject: 2, requester: 2, status: 2, priority: 2, groupAndAssignee: 2, tag: 2, editor: 1, plainEditor: 1, legacyEditor: 0, ...none, listTime: 5},
	'ticket-switch.html': {pane: 2, activeLayout: 0, selectedTab: 1, log: 2, article: 4, message: 4, internalTag: 0, sender: 4, time: 4, body: 3, content: 4, quote: 0, signature: 0, showMore: 0, subject: 2, requester: 1, status: 1, priority: 0, groupAndAssignee: 0, tag: 0, editor: 1, plainEditor: 1, legacyEditor: 0, ...none, listTime: 4},
	'ticket-long.html': {pane: 1, activeLayout: 1, selectedTab: 0, log: 1, article: 240, message: 240, internalTag: 34, sender: 240, time: 240, body: 240, content: 240, quote: 0, signature: 0, showMore: 0, subject: 1, requester: 1, status: 1, priority: 0, groupAndAssignee: 0, tag: 0, editor: 1, plainEditor: 0, legacyEditor: 0, ...none, listTime: 240},
	'list.html': {pane: 0, activeLayout: 0, selectedTab: 0, log: 0, article: 0, message: 0, internalTag: 0, sender: 0, time: 3, body: 0, content: 0, quote: 0, signature: 0, showMore: 0, subject: 0, requester: 0, status: 0, priority: 0, groupAndAssignee: 0, tag: 0, editor: 0, plainEditor: 0, legacyEditor: 0, listRow: 4, listId: 4, listSubject: 4, listRequester: 4, listTime: 3},
} satisfies Record<string, Record<keyof typeof selectors, number>>;
