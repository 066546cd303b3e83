import type {TicketSnapshot} from '../model.ts';
import type {BridgeEditor} from './editors.ts';
// The id of every helpdesk in the registry (registry.ts), derived from it: a misspelt id does not compile.
import type {AdapterId} from './registry.ts';

export type {AdapterId};

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
	| {ok: false; via: 'bridge'; editor: BridgeEditor; selector: string}
	| {ok: false; via: 'none'; reason: string};

/**
 * What Defuse knows about a helpdesk before it reads a page: exported as `helpdesk` by the helpdesk's
 * adapter file and listed once in registry.ts, which the popup, options, settings, dashboard links and
 * the tests read. Light: no selectors and no reading code, so pages that only list helpdesks stay small.
 */
export type Helpdesk<Id extends string = AdapterId> = {
	readonly id: Id;
	/** Human name shown in the popup and options. */
	readonly name: string;
	/** helpdesk: a product Defuse reads; custom: any other tool, read with the user's own selectors; demo: the demo helpdesk (test builds). */
	readonly kind: 'helpdesk' | 'custom' | 'demo';
	/** Match patterns of the helpdesk's hosted domains; custom domains come from the options page. */
	readonly hosts: readonly string[];
	/** The model-driven editors its reply box may be, which insertReply hands to the main-world bridge; [] when text is typed into the page. */
	readonly editors: readonly BridgeEditor[];
	/** Ticket and list pages by their address (pure; tested against every fixture folder's urls.json). */
	isTicketPage(url: URL): boolean;
	isListPage(url: URL): boolean;
	/** A ticket's address from the host and id of its ticket key, for links from the dashboard; absent when the address needs more. */
	readonly ticketUrl?: ((host: string, id: string) => string) | undefined;
};

/** How an adapter reads and writes the page: the rest of an adapter besides its descriptor. */
export type AdapterParts = {
	/** Every selector the adapter uses, by name; checked per fixture by the selector-count tests. */
	readonly selectors: Readonly<Record<string, string>>;
	/** Names in `selectors` a ticket page cannot be read without; used to explain a failed read. */
	readonly required: readonly string[];
	/** Undefined while the page is still rendering; never throws for a page it cannot read. */
	readTicket(root: ParentNode, url: URL): TicketSnapshot | undefined;
	readList(root: ParentNode, url: URL): ListRow[];
	/** Puts `text` into the reply box (see InsertMode); never submits. */
	insertReply(root: ParentNode, text: string, mode?: InsertMode): InsertOutcome;
};

export type Adapter = Helpdesk & AdapterParts;

/**
 * insert: at the caret (or at the end when the caret is not in the reply box), set off from the text
 * around it by a paragraph break; replace: instead of the whole draft. Both go through the editor's own
 * editing commands, so its undo puts the draft back.
 */
export type InsertMode = 'insert' | 'replace';

/** A helpdesk's descriptor, with its id kept as a literal type (the registry derives AdapterId from it). */
export function defineHelpdesk<const Id extends string>(helpdesk: Helpdesk<Id>): Helpdesk<Id> {
	return helpdesk;
}

/** An adapter: the helpdesk's descriptor and how it reads and writes the page. */
export function defineAdapter<Id extends AdapterId>(helpdesk: Helpdesk<Id>, parts: AdapterParts): Adapter & {readonly id: Id} {
	return {...helpdesk, ...parts};
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
	return parts
		.join('')
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

/** The separator that sets inserted text off from `before` (text ahead of it) as its own paragraph. */
export function breakBefore(before: string): string {
	if (before.trim() === '' || before.endsWith('\n\n')) {
		return '';
	}

	return before.endsWith('\n') ? '\n' : '\n\n';
}

/** The separator that sets inserted text off from `after` (text following it). */
export function breakAfter(after: string): string {
	if (after.trim() === '' || after.startsWith('\n\n')) {
		return '';
	}

	return after.startsWith('\n') ? '\n' : '\n\n';
}

const blockTags = /^(?:P|DIV|LI|BLOCKQUOTE|H[1-6]|PRE|TD|TH|SECTION|ARTICLE)$/;

/** The block (paragraph) of `editable` holding `node`, or the editable itself. */
function blockOf(node: Node, editable: Element): Element {
	for (let current: Node | null = node; current && current !== editable; current = current.parentNode) {
		if (current.nodeType === 1 && blockTags.test((current as Element).tagName)) {
			return current as Element;
		}
	}

	return editable;
}

/** Text of `block` before or after the point (node, offset). */
function textAround(block: Element, node: Node, offset: number, side: 'before' | 'after'): string {
	const range = block.ownerDocument.createRange();
	range.selectNodeContents(block);
	if (side === 'before') {
		range.setEnd(node, offset);
	} else {
		range.setStart(node, offset);
	}

	return range.toString();
}

/**
 * Puts text into a contenteditable or a text field the way typing would, so the editor's own state
 * (and undo stack) registers it. Never submits.
 */
export function typeInto(editor: Element, text: string, mode: InsertMode = 'insert'): InsertOutcome {
	const document_ = editor.ownerDocument;
	const canType = typeof document_.execCommand === 'function';
	if (editor.tagName === 'TEXTAREA' || editor.tagName === 'INPUT') {
		const field = editor as HTMLTextAreaElement;
		field.focus();
		let start = mode === 'replace' ? 0 : (field.selectionStart ?? field.value.length);
		const end = mode === 'replace' ? field.value.length : (field.selectionEnd ?? field.value.length);
		const lead = breakBefore(field.value.slice(0, start));
		if (lead !== '') {
			start -= /[ \t]*$/.exec(field.value.slice(0, start))?.[0].length ?? 0; // No trailing space before the break
		}

		const typed = mode === 'replace' ? text : `${lead}${text}${breakAfter(field.value.slice(end))}`;
		field.setSelectionRange(start, end);
		// Typing is undoable with the browser's own undo; setRangeText (the fallback) is not.
		if (!(canType && document_.execCommand('insertText', false, typed))) {
			field.setRangeText(typed, start, end, 'end');
			fire(field, 'input'); // Frameworks (React, Vue, jQuery plugins) listen for input/change
		}

		fire(field, 'change');
		return {ok: true, via: 'value'};
	}

	const editable = editor as HTMLElement;
	if (editable.isContentEditable || editable.getAttribute('contenteditable') === 'true') {
		// The caret before focusing: focusing an editable without one puts it at the start.
		const selection = document_.getSelection();
		const current = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : undefined;
		editable.focus();
		if (!selection) {
			return {ok: false, via: 'none', reason: 'the page has no selection to type into'};
		}

		const range = document_.createRange();
		let typed = text;
		if (mode === 'replace') {
			range.selectNodeContents(editable);
		} else {
			if (current && editable.contains(current.startContainer) && editable.contains(current.endContainer)) {
				range.setStart(current.startContainer, current.startOffset);
				range.setEnd(current.endContainer, current.endOffset);
			} else {
				// The caret is elsewhere: add to the end of the draft.
				range.selectNodeContents(editable);
				range.collapse(false);
			}

			const before = textAround(blockOf(range.startContainer, editable), range.startContainer, range.startOffset, 'before');
			const after = textAround(blockOf(range.endContainer, editable), range.endContainer, range.endOffset, 'after');
			typed = `${before.trim() === '' ? '' : '\n\n'}${text}${after.trim() === '' ? '' : '\n\n'}`;
		}

		selection.removeAllRanges();
		selection.addRange(range);
		// Typing keeps the editor's own state and undo stack; innerHTML edits would be overwritten.
		const inserted = canType && document_.execCommand('insertText', false, typed);
		return inserted ? {ok: true, via: 'insert-text'} : {ok: false, via: 'none', reason: 'the editor refused the text (insertText failed)'};
	}

	return {ok: false, via: 'none', reason: 'the reply box is neither a text field nor editable'};
}
