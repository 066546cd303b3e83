import type {TicketSnapshot} from '../model.ts';

export type AdapterId =
	| 'demo'
	| 'zendesk'
	| 'freshdesk'
	| 'helpscout'
	| 'intercom'
	| 'front'
	| 'zammad'
	| 'freescout'
	| 'chatwoot'
	| 'osticket'
	| 'custom';

/** A row of a ticket list page, for queue markers. */
export type ListRow = {
	ticketId: string;
	subject?: string | undefined;
	requester?: string | undefined;
	/** ISO-8601 time the ticket was created or last updated, as the list shows it. */
	at?: string | undefined;
};

/**
 * How a reply was put into the helpdesk's editor.
 * `bridge`: the editor ignores DOM edits (CKEditor 5, ProseMirror, Summernote...); the content script
 * must hand the text to a main-world bridge, which finds the editor by `selector`.
 */
export type InsertOutcome =
	| {ok: true; via: 'insert-text' | 'value'}
	| {ok: false; via: 'bridge'; editor: string; selector: string}
	| {ok: false; via: 'none'; reason: string};

export type Adapter = {
	readonly id: AdapterId;
	/** Human name shown in the popup and options. */
	readonly name: string;
	/** Match patterns of the helpdesk's hosted domains; custom domains come from the options page. */
	readonly hosts: readonly string[];
	/** Every selector the adapter uses, by name; checked per fixture by the selector-count tests. */
	readonly selectors: Readonly<Record<string, string>>;
	/** Names in `selectors` a ticket page cannot be read without; used to explain a failed read. */
	readonly required: readonly string[];
	isTicketPage(url: URL): boolean;
	isListPage(url: URL): boolean;
	/** Undefined while the page is still rendering; never throws for a page it cannot read. */
	readTicket(root: ParentNode, url: URL): TicketSnapshot | undefined;
	readList(root: ParentNode, url: URL): ListRow[];
	insertReply(root: ParentNode, text: string): InsertOutcome;
};

export function defineAdapter(adapter: Adapter): Adapter {
	return adapter;
}

// Why a ticket page could not be read; lives with the shadow-root reader it uses.
export {missingParts} from './dom.ts';

/** Text of an element with block structure kept as line breaks (paragraphs, <br>, list items). */
export function blockText(element: Element): string {
	const parts: string[] = [];
	const walk = (node: Node): void => {
		for (const child of node.childNodes) {
			if (child.nodeType === 3) {
				parts.push(child.nodeValue ?? '');
			} else if (child.nodeType === 1) {
				const tag = (child as Element).tagName.toLowerCase();
				if (tag === 'script' || tag === 'style' || tag === 'template') {
					continue;
				}

				if (tag === 'br') {
					parts.push('\n');
					continue;
				}

				const isBlock = /^(p|div|li|ul|ol|blockquote|h[1-6]|pre|tr|section|article)$/.test(tag);
				if (isBlock) {
					parts.push('\n');
				}

				walk(child);
				if (isBlock) {
					parts.push('\n');
				}
			}
		}
	};

	walk(element);
	return parts.join('')
		.replaceAll(/[ \t\f\v\u00A0]+/g, ' ')
		.replaceAll(/ *\n */g, '\n')
		.replaceAll(/\n{3,}/g, '\n\n')
		.trim();
}



/** ISO-8601 for a machine-readable date attribute, or undefined when it does not parse. */
export function isoOf(value: string | null | undefined): string | undefined {
	if (!value) {
		return undefined;
	}

	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** A bubbling event made by the element's own document, so it works in any realm (and in parsed documents). */
function fire(element: Element, type: 'input' | 'change'): void {
	const event = element.ownerDocument.createEvent('Event');
	event.initEvent(type, true, false);
	element.dispatchEvent(event);
}

/**
 * Puts text into a contenteditable or a text field the way typing would, so the editor's own state
 * (and undo stack) registers it. Never submits.
 */
export function typeInto(editor: Element, text: string): InsertOutcome {
	if (editor.tagName === 'TEXTAREA' || editor.tagName === 'INPUT') {
		const field = editor as HTMLTextAreaElement;
		field.focus();
		const start = field.selectionStart ?? field.value.length;
		const end = field.selectionEnd ?? field.value.length;
		field.setRangeText(text, start, end, 'end');
		fire(field, 'input'); // Frameworks (React, Vue, jQuery plugins) listen for input/change
		fire(field, 'change');
		return {ok: true, via: 'value'};
	}

	const editable = editor as HTMLElement;
	if (editable.isContentEditable || editable.getAttribute('contenteditable') === 'true') {
		editable.focus();
		// Typing keeps the editor's own state and undo stack; innerHTML edits would be overwritten.
		const document_ = editable.ownerDocument;
		const inserted = typeof document_.execCommand === 'function' && document_.execCommand('insertText', false, text);
		return inserted
			? {ok: true, via: 'insert-text'}
			: {ok: false, via: 'none', reason: 'the editor refused the text (insertText failed)'};
	}

	return {ok: false, via: 'none', reason: 'the reply box is neither a text field nor editable'};
}
