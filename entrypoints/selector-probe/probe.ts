import {missingParts} from '../../core/helpdesks/adapter.ts';
import {customAdapter, type CustomConfig} from '../../core/helpdesks/custom.ts';
import {queryAllDeep} from '../../core/helpdesks/dom.ts';
import type {SelectorTestResult} from '../../core/messages.ts';

// What the custom adapter reads on a page with the user's selectors, kept small enough to show.
const maxMessages = 100;
const maxChars = 300;

/** Matches in the page and its open shadow roots (as the adapters read them). */
function count(root: ParentNode, selector: string): {count: number; error?: string | undefined} {
	try {
		root.querySelector(selector);
	} catch {
		return {count: 0, error: 'is not a valid CSS selector here'};
	}

	return {count: queryAllDeep(root, selector).length};
}

export function probeCustomConfig(config: CustomConfig, root: ParentNode, url: URL): SelectorTestResult {
	const adapter = customAdapter(config);
	const counts = Object.entries(adapter.selectors).map(([name, selector]) => ({name, selector, ...count(root, selector)}));
	const snapshot = adapter.readTicket(root, url);
	return {
		url: url.href,
		isTicketPage: adapter.isTicketPage(url),
		isListPage: adapter.isListPage(url),
		counts,
		missing: missingParts(adapter, root),
		snapshot: snapshot && {
			...snapshot,
			messages: snapshot.messages.slice(0, maxMessages).map(message => ({
				...message,
				text: message.text.length > maxChars ? `${message.text.slice(0, maxChars - 1)}…` : message.text,
			})),
		},
		listRows: adapter.readList(root, url).length,
	};
}
