// Selector counts per fixture of test/fixtures/front/: how many nodes each selector of the Front adapter
// finds. Checked in happy-dom by front.test.ts and in Chromium by test/e2e/selectors.e2e.ts.
import type {selectors} from './front.ts';

const none = {viewer: 0, viewerId: 0, header: 0, subject: 0, olderSubject: 0, message: 0, sender: 0, account: 0, handle: 0, recipients: 0, date: 0, body: 0, blurb: 0, quote: 0, signature: 0, composer: 0, listLink: 0};
// How many nodes each selector finds per fixture. ticket-open and ticket-rehashed differ only in every class hash.
export const selectorCounts = {
	'ticket-open.html': {...none, viewer: 1, viewerId: 1, header: 1, subject: 1, message: 5, sender: 5, account: 2, handle: 4, recipients: 4, date: 5, body: 8, blurb: 1, quote: 1, signature: 1, composer: 1},
	'ticket-rehashed.html': {...none, viewer: 1, viewerId: 1, header: 1, subject: 1, message: 5, sender: 5, account: 2, handle: 4, recipients: 4, date: 5, body: 8, blurb: 1, quote: 1, signature: 1, composer: 1},
	'ticket-switch.html': {...none, viewer: 2, viewerId: 2, header: 2, subject: 2, message: 3, sender: 3, account: 2, handle: 3, recipients: 3, date: 3, body: 6, composer: 2},
	'ticket-long.html': {...none, viewer: 1, viewerId: 1, header: 1, subject: 1, message: 206, sender: 206, account: 103, handle: 206, recipients: 206, date: 206, body: 206, composer: 1},
	'list.html': {...none, listLink: 3},
} satisfies Record<string, Record<keyof typeof selectors, number>>;
