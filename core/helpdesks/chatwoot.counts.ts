// Selector counts per fixture of test/fixtures/chatwoot/: how many nodes each selector of the Chatwoot adapter
// finds. Checked in happy-dom by chatwoot.test.ts and in Chromium by test/e2e/selectors.e2e.ts.
import {selectors} from './chatwoot.ts';

type Counts = Record<keyof typeof selectors, number>;
const none = Object.fromEntries(Object.keys(selectors).map(name => [name, 0])) as Counts;

export const selectorCounts: Record<string, Counts> = {
	// 6 messages: 2 contact, 2 agent (one of them the signed-in agent's, right), 1 private note, 1 activity
	'ticket-open.html': {...none, box: 1, message: 6, agentBubble: 2, privateBubble: 1, contactBubble: 2, lock: 1, bubble: 5, avatarName: 2, meta: 10, editor: 1, listCard: 2},
	'ticket-switch.html': {...none, box: 1, editor: 1, listCard: 2},
	'list.html': {...none, box: 1, listCard: 3},
	// 240: 99 contact, 99 agent, 34 private notes, 8 activities; 50 quoted contact messages
	'ticket-long.html': {...none, box: 1, message: 240, agentBubble: 99, privateBubble: 34, contactBubble: 99, lock: 34, bubble: 232, avatarName: 232, meta: 464, quote: 50, editor: 1},
};
