// Selector counts per fixture of test/fixtures/freshdesk/: how many nodes each selector of the Freshdesk adapter
// finds, open shadow roots included (dom.ts queryAllDeep). Checked in happy-dom by freshdesk.test.ts and in
// Chromium by test/e2e/selectors.e2e.ts.
import type {selectors} from './freshdesk.ts';

const none = {title: 0, shownId: 0, subject: 0, detailsHost: 0, contactHost: 0, contactName: 0, contactEmail: 0, item: 0, description: 0, wrapper: 0, requestor: 0, privateNote: 0, emailed: 0, agentMarker: 0, note: 0, body: 0, author: 0, statusLine: 0, time: 0, timeUnits: 0, loadMore: 0, quote: 0, propertyValue: 0, propertyLabel: 0, tag: 0, editor: 0, activeEditor: 0, replyBox: 0, listLink: 0};
// How many nodes each selector finds per fixture. A Freshdesk redesign fails here first.
export const selectorCounts = {
	'ticket-open.html': {...none, title: 1, shownId: 1, subject: 1, detailsHost: 1, contactHost: 1, contactName: 4, contactEmail: 1, item: 7, description: 1, wrapper: 5, requestor: 3, privateNote: 3, emailed: 4, note: 5, body: 6, author: 6, statusLine: 6, time: 6, timeUnits: 2, loadMore: 1, quote: 2, propertyValue: 4, propertyLabel: 4, tag: 2, editor: 1, activeEditor: 1, replyBox: 1, listLink: 1},
	'ticket-switch.html': {...none, title: 1, shownId: 1, subject: 1, detailsHost: 1, contactHost: 1, contactName: 2, contactEmail: 1, item: 2, description: 1, wrapper: 1, requestor: 1, note: 1, body: 2, author: 1, statusLine: 1, time: 1, timeUnits: 1, propertyValue: 1, propertyLabel: 1, listLink: 1},
	'ticket-long.html': {...none, title: 1, shownId: 1, subject: 1, detailsHost: 1, contactHost: 1, contactName: 104, item: 241, description: 1, wrapper: 239, requestor: 103, privateNote: 34, emailed: 206, note: 240, body: 240, author: 240, time: 240, propertyValue: 1, propertyLabel: 1, editor: 1, activeEditor: 1, replyBox: 1},
	'list.html': {...none, title: 1, contactName: 2, listLink: 3},
} satisfies Record<string, Record<keyof typeof selectors, number>>;
