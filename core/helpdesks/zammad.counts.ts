// Selector counts per fixture of test/fixtures/zammad/: how many nodes each selector of the Zammad adapter
// finds. Checked in happy-dom by zammad.test.ts and in Chromium by test/e2e/selectors.e2e.ts.
import {selectors} from './zammad.ts';

type Counts = Record<keyof typeof selectors, number>;
const none = Object.fromEntries(Object.keys(selectors).map(name => [name, 0])) as Counts;

// How many nodes each selector finds per fixture. A Zammad redesign fails here first.
const legacyOpen: Counts = {
	...none, anyArticle: 5, task: 1, activeTask: 1, article: 5, articleBody: 4, articleTime: 4, articleLink: 5, articleMetaRow: 6,
	articleSystemText: 5, avatar: 4, signatureMarker: 1, quote: 1, title: 1, ticketNumber: 1, state: 1, priority: 1,
	group: 1, owner: 1, tag: 2, customerName: 1, customerEmail: 1, editor: 1, listLink: 5, listTime: 4,
};
// Task 790 adds one customer article, a title, a number, state and priority selects, an editor and a taskbar link
const legacyTwoTasks: Counts = {
	...legacyOpen, anyArticle: 6, task: 2, article: 6, articleBody: 5, articleTime: 5, articleLink: 7, articleMetaRow: 7,
	articleSystemText: 6, title: 2, ticketNumber: 2, state: 2, priority: 2, editor: 2, listLink: 7, listTime: 5,
};
// The last article shows an absolute date (text only, no datetime attribute)
const desktopOpen: Counts = {
	...none, anyArticle: 4, articleTime: 3, quote: 1, listTime: 3, feed: 1, bubble: 4, bubbleBody: 4, bubbleAuthor: 4, bubbleTime: 4,
	bubbleContent: 4, systemRow: 1, desktopTitle: 1, desktopEditor: 1,
};
export const selectorCounts: Record<string, Counts> = {
	'ticket-open.html': legacyOpen,
	'ticket-two-tabs.html': legacyTwoTasks,
	'ticket-switch.html': legacyTwoTasks,
	'list.html': {...none, task: 1, activeTask: 1, articleTime: 3, articleLink: 6, listRow: 3, listLink: 6, listTime: 3},
	// 240 articles: 8 system events (no bubble, no From row), 34 internal notes, 50 quoted customer mails
	'ticket-long.html': {
		...none, anyArticle: 240, task: 1, activeTask: 1, article: 240, articleBody: 232, articleTime: 240, articleLink: 240, articleMetaRow: 232,
		articleSystemText: 248, quote: 50, title: 1, ticketNumber: 1, editor: 1, listLink: 240, listTime: 240,
	},
	'desktop-list.html': {...none, articleTime: 1, listTime: 1, bubbleTime: 0, desktopListRow: 2, desktopListLink: 1},
	'desktop-ticket-open.html': desktopOpen,
	'desktop-ticket-two-tabs.html': {
		...desktopOpen, anyArticle: 5, articleTime: 4, listTime: 4, feed: 2, bubble: 5, bubbleBody: 5, bubbleAuthor: 5, bubbleTime: 5,
		bubbleContent: 5, desktopTitle: 2, desktopEditor: 2,
	},
	'desktop-ticket-long.html': {
		...none, anyArticle: 232, articleTime: 232, quote: 50, listTime: 232, feed: 1, bubble: 232, bubbleBody: 232, bubbleAuthor: 232,
		bubbleTime: 232, bubbleContent: 232, systemRow: 8, desktopTitle: 1, desktopEditor: 1,
	},
};
