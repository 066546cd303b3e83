// Selector counts per fixture of test/fixtures/osticket/: how many nodes each selector of the osTicket adapter
// finds. Checked in happy-dom by osticket.test.ts and in Chromium by test/e2e/selectors.e2e.ts.
import {selectors} from './osticket.ts';

type Counts = Record<keyof typeof selectors, number>;
const none = Object.fromEntries(Object.keys(selectors).map(name => [name, 0])) as Counts;

// Four entries and one event; 13 info rows (4 + 3 + 2 + 2 plus the two outer layout rows)
const open: Counts = {
	...none, ticketLink: 1, subject: 1, thread: 1, entry: 4, event: 1, author: 4, time: 4, body: 4, eventText: 1, eventTime: 5,
	quote: 1, status: 1, priority: 1, department: 1, assignee: 1, userName: 1, userEmail: 1, infoRow: 13, replyTextarea: 1, replyEditor: 1,
};
export const selectorCounts: Record<string, Counts> = {
	'ticket-open.html': open,
	'ticket-switch.html': open,
	'list.html': {...none, listRow: 3, listCheckbox: 2, listLink: 6},
	'ticket-long.html': {...none, ticketLink: 1, subject: 1, thread: 1, entry: 232, event: 8, author: 232, time: 232, body: 232, eventText: 8, eventTime: 240, quote: 50, replyTextarea: 1},
};
