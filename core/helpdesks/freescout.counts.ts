// Selector counts per fixture of test/fixtures/freescout/: how many nodes each selector of the FreeScout adapter
// finds. Checked in happy-dom by freescout.test.ts and in Chromium by test/e2e/selectors.e2e.ts.
import {selectors} from './freescout.ts';

type Counts = Record<keyof typeof selectors, number>;
const none = Object.fromEntries(Object.keys(selectors).map(name => [name, 0])) as Counts;

// Draft + 2 customer + agent reply + note + line item; 3 quote nodes in the follow-up (div, attribution, blockquote)
const open: Counts = {
	...none, conversation: 1, layout: 1, thread: 6, person: 5, personLink: 4, lineItemTitle: 6, date: 6, content: 4, quote: 3,
	subject: 1, number: 1, status: 1, assignee: 1, assigneeChoice: 1, customerName: 1, customerEmail: 2, textarea: 1, editor: 1,
};
export const selectorCounts: Record<string, Counts> = {
	'ticket-open.html': open,
	'ticket-switch.html': open,
	'list.html': {...none, listRow: 3, listSubject: 3, listCustomer: 3, listNumber: 3},
	// 240 threads: 8 line items (no person, no content), 34 notes, 50 quoted customer mails
	'ticket-long.html': {...none, conversation: 1, layout: 1, thread: 240, person: 232, personLink: 232, lineItemTitle: 240, date: 240, content: 232, quote: 50, subject: 1, textarea: 1, editor: 1},
};
