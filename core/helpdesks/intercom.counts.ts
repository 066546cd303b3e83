// Selector counts per fixture of test/fixtures/intercom/: how many nodes each selector of the Intercom adapter
// finds, open shadow roots included (dom.ts queryAllDeep). Checked in happy-dom by intercom.test.ts and in
// Chromium by test/e2e/selectors.e2e.ts.
import type {selectors} from './intercom.ts';

const none = {title: 0, toolbar: 0, conversation: 0, stream: 0, part: 0, category: 0, authorType: 0, adminPart: 0, notePart: 0, userPart: 0, body: 0, author: 0, time: 0, quote: 0, editor: 0, anyEditor: 0, listLink: 0};
// How many nodes each selector finds per fixture. An Intercom redesign fails here first.
export const selectorCounts = {
	'ticket-open.html': {...none, title: 1, conversation: 1, stream: 1, part: 6, category: 6, userPart: 1, body: 6, author: 5, time: 6, quote: 2, editor: 1, anyEditor: 1},
	'ticket-2026.html': {...none, title: 1, toolbar: 1, stream: 1, part: 4, authorType: 1, notePart: 1, body: 4, author: 4, time: 4, editor: 1, anyEditor: 1},
	'ticket-switch.html': {...none, title: 1, conversation: 3, stream: 1, part: 1, category: 1, body: 1, author: 1, time: 1, editor: 1, anyEditor: 1, listLink: 2},
	'ticket-long.html': {...none, title: 1, conversation: 1, stream: 1, part: 240, category: 240, body: 240, author: 240, time: 240, editor: 1, anyEditor: 1},
	'list.html': {...none, conversation: 2, time: 2, listLink: 2},
} satisfies Record<string, Record<keyof typeof selectors, number>>;
