// Selector counts per fixture of test/fixtures/intercom/: how many nodes each selector of the Intercom adapter
// finds. Checked in happy-dom by intercom.test.ts and in Chromium by test/e2e/selectors.e2e.ts.
import type {selectors} from './intercom.ts';

const none = {stream: 0, conversation: 0, partGroup: 0, part: 0, contentPart: 0, body: 0, author: 0, time: 0, quote: 0, title: 0, state: 0, assignee: 0, tag: 0, editor: 0, anyEditor: 0, listLink: 0};
// How many nodes each selector finds per fixture. Intercom renames classes often: this fails first.
export const selectorCounts = {
	'ticket-open.html': {...none, stream: 1, conversation: 1, partGroup: 6, body: 6, author: 5, time: 6, quote: 2, title: 1, state: 1, assignee: 1, tag: 1, editor: 1, anyEditor: 1},
	'ticket-2026.html': {...none, stream: 1, part: 3, contentPart: 3, body: 3, author: 3, time: 3, title: 1, editor: 1, anyEditor: 1},
	'ticket-switch.html': {...none, stream: 1, conversation: 3, partGroup: 1, body: 1, author: 1, time: 1, title: 1, editor: 1, anyEditor: 1, listLink: 2},
	'ticket-long.html': {...none, stream: 1, conversation: 1, partGroup: 240, body: 240, author: 240, time: 240, title: 1, editor: 1, anyEditor: 1},
	'list.html': {...none, conversation: 2, time: 2, listLink: 2},
} satisfies Record<string, Record<keyof typeof selectors, number>>;
