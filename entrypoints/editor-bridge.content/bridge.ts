// Runs in the helpdesk page's own world, where the editors' JavaScript objects live. Some editors keep
// their text in a model and ignore (or undo) DOM edits from an isolated content script: CKEditor 5,
// ProseMirror/TipTap, Quill, TinyMCE, Summernote, Redactor, Froala. This bridge calls their own APIs
// to insert text. It only inserts; it never submits, reads nothing back but success, and treats the
// text as text.
//
// The channel: Defuse's content script hands over one end of a MessageChannel, and every request and
// answer then travels over that private port. The hand-over is a MessageEvent dispatched on `window`;
// this script runs at document_start, before any of the page's scripts, so its capturing listener on
// window is the first to see that event and stops it: page scripts, which can only listen later, never
// see the port. A page can open a channel of its own to this bridge, but that only lets it ask for
// text to be inserted into its own editor, which it can do anyway.

import {isBridgeEditor, type BridgeEditor} from '../../core/helpdesks/editors.ts';

export const offerEvent = 'defuse:bridge-offer';

/** insert: at the editor's caret (its end when it has none), as paragraphs of their own; replace: instead of everything. */
export type BridgeMode = 'insert' | 'replace';

/**
 * insert (the default): put `text` in (see BridgeMode). fix: replace the first `find` that follows
 * `before` in one paragraph of the editor's model by `text` (a draft-check fix, for editors that do not
 * take typing over a selection made from outside: CKEditor 5).
 */
export type BridgeRequest = {
	id: string;
	editor: BridgeEditor;
	selector: string;
	text: string;
	mode?: BridgeMode | undefined;
	op?: 'insert' | 'fix' | undefined;
	find?: string | undefined;
	before?: string | undefined;
};
export type BridgeResult = {id: string; ok: boolean; via?: string; error?: string};

type Loose = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

const isFunction = (value: unknown): value is Fn => typeof value === 'function';
const get = (object: unknown, key: string): unknown =>
	object !== null && (typeof object === 'object' || typeof object === 'function') ? (object as Loose)[key] : undefined;
const call = (object: unknown, key: string, ...args: unknown[]): unknown => (get(object, key) as Fn).call(object, ...args);
const can = (object: unknown, ...keys: string[]) => keys.every(key => isFunction(get(object, key)));

/** Paragraphs of plain text, for editors that take structure. */
export function paragraphsOf(text: string): string[] {
	return text
		.replaceAll('\r\n', '\n')
		.split(/\n{2,}/)
		.map(paragraph => paragraph.trim())
		.filter(Boolean);
}

/** Escaped HTML for editors whose only multi-line insert takes HTML: every character of the text stays text. */
export function textToHtml(text: string): string {
	const escape = (value: string) =>
		value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
	return paragraphsOf(text)
		.map(
			paragraph =>
				`<p>${paragraph
					.split('\n')
					.map(line => escape(line))
					.join('<br>')}</p>`,
		)
		.join('');
}

function ckeditor5(element: Element, text: string, mode: BridgeMode): string {
	const editor = get(element, 'ckeditorInstance') ?? get(element.closest('.ck-editor__editable'), 'ckeditorInstance');
	const model = get(editor, 'model');
	if (!can(model, 'change', 'insertContent')) {
		throw new Error('no CKEditor 5 instance on the editable');
	}

	// One model.change is one step on CKEditor's own undo stack.
	call(model, 'change', (writer: unknown) => {
		const paragraphs = paragraphsOf(text).map(paragraph => {
			const node = call(writer, 'createElement', 'paragraph');
			call(writer, 'insertText', paragraph, node);
			return node;
		});
		const modelDocument = get(model, 'document');
		const root = can(modelDocument, 'getRoot') ? call(modelDocument, 'getRoot') : undefined;
		const selection = get(modelDocument, 'selection');
		if (mode === 'replace' && root && can(writer, 'remove', 'createRangeIn', 'append')) {
			call(writer, 'remove', call(writer, 'createRangeIn', root));
			for (const node of paragraphs) {
				call(writer, 'append', node, root);
			}

			return;
		}

		const position = can(selection, 'getFirstPosition') ? (call(selection, 'getFirstPosition') as Loose | undefined) : undefined;
		const block = get(position, 'parent');
		if (
			position &&
			get(block, 'name') === 'paragraph' &&
			can(writer, 'split', 'insert', 'createPositionAfter', 'createPositionBefore', 'remove')
		) {
			const before = !get(position, 'isAtStart');
			const after = !get(position, 'isAtEnd');
			let at: unknown;
			if (before && after) {
				at = get(call(writer, 'split', position), 'position');
			} else if (before) {
				at = call(writer, 'createPositionAfter', block);
			} else {
				at = call(writer, 'createPositionBefore', block);
			}

			for (const node of [...paragraphs].reverse()) {
				call(writer, 'insert', node, at);
			}

			if (!before && !after) {
				call(writer, 'remove', block); // The empty paragraph the caret was in
			}

			const last = paragraphs.at(-1);
			if (last && can(writer, 'setSelection')) {
				call(writer, 'setSelection', last, 'end');
			}

			return;
		}

		const fragment = call(writer, 'createDocumentFragment');
		for (const node of paragraphs) {
			call(writer, 'append', node, fragment);
		}

		call(model, 'insertContent', fragment);
	});
	const view = get(get(editor, 'editing'), 'view');
	if (can(view, 'focus')) {
		call(view, 'focus');
	}

	return `ckeditor5.model${mode === 'replace' ? ':replace' : ''}`;
}

/** A draft-check fix in CKEditor 5's model: one change, one undo step. */
function ckeditor5Fix(element: Element, find: string, before: string, replacement: string): string {
	const editor = get(element, 'ckeditorInstance') ?? get(element.closest('.ck-editor__editable'), 'ckeditorInstance');
	const model = get(editor, 'model');
	const modelDocument = get(model, 'document');
	const root = can(modelDocument, 'getRoot') ? call(modelDocument, 'getRoot') : undefined;
	if (!can(model, 'change') || !can(root, 'getChildren')) {
		throw new Error('no CKEditor 5 instance on the editable');
	}

	const lead = before.slice(before.lastIndexOf('\n') + 1);
	for (const block of call(root, 'getChildren') as Iterable<unknown>) {
		let text = '';
		for (const child of can(block, 'getChildren') ? (call(block, 'getChildren') as Iterable<unknown>) : []) {
			text += can(child, 'is') && call(child, 'is', '$text') ? String(get(child, 'data')) : '\n';
		}

		const at = text.indexOf(`${lead}${find}`);
		if (at !== -1) {
			const start = at + lead.length;
			call(model, 'change', (writer: unknown) => {
				const from = call(writer, 'createPositionAt', block, start);
				call(writer, 'remove', call(writer, 'createRange', from, call(writer, 'createPositionAt', block, start + find.length)));
				if (replacement !== '') {
					call(writer, 'insertText', replacement, call(writer, 'createPositionAt', block, start));
				}
			});
			return 'ckeditor5.model:fix';
		}
	}

	throw new Error('the text to fix is no longer in the editor');
}

/** Text of the block around the caret, before and after it, for editors seen through the DOM. */
function surroundings(root: Element): {before: string; after: string; inside: boolean} {
	const selection = root.ownerDocument.getSelection();
	const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
	if (!range || !root.contains(range.startContainer)) {
		return {before: root.textContent ?? '', after: '', inside: false};
	}

	let block: Node = range.startContainer;
	while (block.parentNode && block.parentNode !== root && !/^(?:P|DIV|LI|H[1-6]|BLOCKQUOTE|PRE)$/.test((block as Element).tagName ?? '')) {
		block = block.parentNode;
	}

	const around = root.ownerDocument.createRange();
	around.selectNodeContents(block);
	around.setEnd(range.startContainer, range.startOffset);
	const before = around.toString();
	around.selectNodeContents(block);
	around.setStart(range.endContainer, range.endOffset);
	return {before, after: around.toString(), inside: true};
}

/** Text set off by paragraph breaks from what is around the caret. */
function spaced(text: string, before: string, after: string): string {
	return `${before.trim() === '' ? '' : '\n\n'}${text}${after.trim() === '' ? '' : '\n\n'}`;
}

/**
 * For editors with no reachable instance: place the DOM selection, then dispatch a paste with the text
 * as text/plain, which ProseMirror and Quill read like typed text (in their own model, undoable).
 */
async function pasteInto(root: HTMLElement, text: string, mode: BridgeMode, lines: 'blocks' | 'lines' = 'blocks'): Promise<boolean> {
	const document_ = root.ownerDocument;
	const view = document_.defaultView;
	if (!view || typeof view.DataTransfer !== 'function' || typeof view.ClipboardEvent !== 'function') {
		return false;
	}

	root.focus();
	const selection = document_.getSelection();
	let typed = text;
	if (selection) {
		const {before, after, inside} = surroundings(root);
		if (mode === 'replace' || !inside) {
			const range = document_.createRange();
			range.selectNodeContents(root);
			if (mode !== 'replace') {
				range.collapse(false);
			}

			selection.removeAllRanges();
			selection.addRange(range);
		}

		if (mode === 'insert') {
			typed = spaced(text, inside ? before : (root.textContent ?? ''), inside ? after : '');
		}
	}

	// The editor takes the new selection from the selectionchange event, which comes after a task.
	await new Promise(resolve => {
		view.setTimeout(resolve, 0);
	});
	const data = new view.DataTransfer();
	data.setData('text/plain', typed);
	const event = new view.ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true});
	// Firefox hands a made-up paste's data to no one: there, and when the editor ignores the paste, type it.
	if (event.clipboardData?.getData('text/plain') === typed) {
		root.dispatchEvent(event);
		if (event.defaultPrevented) {
			return true;
		}
	}

	return typeParagraphs(document_, typed, mode === 'replace', lines);
}

/**
 * Types text as a person would, with Enter between paragraphs: editors that read their DOM (ProseMirror,
 * Quill) take it into their model and their undo. `clear` deletes the selection first.
 */
async function typeParagraphs(document_: Document, text: string, clear: boolean, lines: 'blocks' | 'lines' = 'blocks'): Promise<boolean> {
	if (typeof document_.execCommand !== 'function') {
		return false;
	}

	if (clear) {
		if (!document_.execCommand('delete')) {
			return false;
		}

		// Editors that read their DOM (Quill) rebuild the emptied box in their own time: type after that.
		await new Promise(resolve => {
			setTimeout(resolve, 0);
		});
	}

	for (const [index, part] of text.split(/(\n+)/).entries()) {
		if (index % 2 === 1) {
			// Block editors (ProseMirror, Summernote): a blank line is one new paragraph, a single line
			// break stays inside it. Line editors (Quill, whose paragraphs are lines): Enter per line.
			const enters = lines === 'lines' ? part.length : 1;
			for (let enter = 0; enter < enters; enter++) {
				const ok =
					lines === 'lines' || part.length >= 2 ? document_.execCommand('insertParagraph') : document_.execCommand('insertLineBreak');
				if (!ok) {
					return false;
				}
			}
		} else if (part !== '' && !document_.execCommand('insertText', false, part)) {
			return false;
		}
	}

	return true;
}

async function prosemirror(element: Element, text: string, mode: BridgeMode): Promise<string> {
	const root = element.matches('.ProseMirror') ? element : (element.querySelector('.ProseMirror') ?? element.closest('.ProseMirror'));
	const tiptap = get(root, 'editor');
	if (can(tiptap, 'chain')) {
		// JSON nodes, never an HTML string: TipTap would parse a string as markup. One chain is one undo step.
		const content = paragraphsOf(text).map(paragraph => ({type: 'paragraph', content: [{type: 'text', text: paragraph}]}));
		let chain = call(call(tiptap, 'chain'), 'focus');
		if (mode === 'replace') {
			chain = call(chain, 'selectAll');
		}

		call(call(chain, 'insertContent', content), 'run');
		return `tiptap.commands${mode === 'replace' ? ':replace' : ''}`;
	}

	if (can(get(tiptap, 'commands'), 'insertContent')) {
		call(
			get(tiptap, 'commands'),
			'insertContent',
			paragraphsOf(text).map(paragraph => ({type: 'paragraph', content: [{type: 'text', text: paragraph}]})),
		);
		return 'tiptap.commands';
	}

	// A plain ProseMirror view keeps no handle on its DOM: it reads pasted text/plain like typed text.
	if (root instanceof HTMLElement && (await pasteInto(root, text, mode))) {
		return `prosemirror.paste${mode === 'replace' ? ':replace' : ''}`;
	}

	throw new Error('no ProseMirror view reachable from the editable');
}

function jquery(win: Window): Fn | undefined {
	const candidate = get(win, 'jQuery') ?? get(win, '$');
	return isFunction(candidate) ? candidate : undefined;
}

async function summernote(win: Window, selector: string, text: string, mode: BridgeMode): Promise<string> {
	const $ = jquery(win);
	const target = $?.(selector);
	if (!can(target, 'summernote')) {
		throw new Error('Summernote is not loaded on this page');
	}

	const note = (...args: unknown[]) => call(target, 'summernote', ...args);
	const source = win.document.querySelector<HTMLElement>(selector);
	const editable = source?.matches('.note-editable')
		? source
		: (source?.parentElement?.querySelector<HTMLElement>('.note-editor .note-editable') ?? undefined);
	// Summernote's undo keeps snapshots: record the draft as it is before changing it, and after.
	note('editor.afterCommand', true);
	if (editable && typeof win.document.execCommand === 'function') {
		// Summernote edits a plain editable: typing into it keeps the caret and splits paragraphs as typing does.
		const {before, after, inside} = surroundings(editable);
		editable.focus();
		const selection = win.document.getSelection();
		if (selection && (mode === 'replace' || !inside)) {
			const range = win.document.createRange();
			range.selectNodeContents(editable);
			if (mode !== 'replace') {
				range.collapse(false);
			}

			selection.removeAllRanges();
			selection.addRange(range);
		}

		const typed = mode === 'replace' ? text : spaced(text, inside ? before : (editable.textContent ?? ''), inside ? after : '');
		if (await typeParagraphs(win.document, typed, mode === 'replace')) {
			note('editor.afterCommand');
			return `summernote.typed${mode === 'replace' ? ':replace' : ''}`;
		}
	}

	if (mode === 'replace') {
		note('code', textToHtml(text));
		note('editor.afterCommand');
		return 'summernote.code:replace';
	}

	note('pasteHTML', textToHtml(text));
	return 'summernote.pasteHTML';
}

function redactor(win: Window, selector: string, text: string, mode: BridgeMode): string {
	const redactorGlobal = get(win, '$R');
	if (isFunction(redactorGlobal)) {
		if (mode === 'replace') {
			redactorGlobal(selector, 'insertion.set', textToHtml(text));
			return 'redactor.$R:replace';
		}

		redactorGlobal(selector, 'insertion.insertText', text);
		return 'redactor.$R';
	}

	// Redactor keeps its instance in jQuery data on the source textarea, next to the editable it shows.
	// Redactor 3 names the calls 'insertion.*', Redactor 10 'insert.*' / 'code.set', older ones 'insertText' / 'set'.
	const $ = jquery(win);
	const element = win.document.querySelector(selector);
	const source = element?.closest('.redactor-box, .redactor_box')?.querySelector('textarea');
	const calls =
		mode === 'replace'
			? [
					['insertion.set', textToHtml(text)],
					['code.set', textToHtml(text)],
					['set', textToHtml(text)],
				]
			: [
					['insertion.insertText', text],
					['insert.text', text],
					['insertText', text],
				];
	for (const target of [$?.(selector), source ? $?.(source) : undefined]) {
		const plugin = get(target, 'redactor');
		if (!isFunction(plugin)) {
			continue;
		}

		for (const [name, value] of calls) {
			try {
				plugin.call(target, name, value);
				return `redactor.jquery:${name!}`;
			} catch {
				// This version does not know the call; try the next name
			}
		}
	}

	throw new Error('Redactor is not loaded on this page');
}

function froala(element: Element, text: string, mode: BridgeMode): string {
	const host = element.closest('[data-froala\\.editor], .fr-box') ?? element;
	const instances = get(get(element.ownerDocument.defaultView, 'FroalaEditor'), 'INSTANCES');
	const fromList = Array.isArray(instances)
		? instances.find(instance => {
				const own = get(instance, 'el');
				return own instanceof Element && (own === element || own.contains(element) || element.contains(own));
			})
		: undefined;
	const editor =
		get(element, 'data-froala.editor') ?? get(host, 'data-froala.editor') ?? get(host.parentElement, 'data-froala.editor') ?? fromList;
	const html = get(editor, 'html');
	if (!can(html, 'insert')) {
		throw new Error('no Froala instance on the editor');
	}

	const undo = get(editor, 'undo');
	if (can(undo, 'saveStep')) {
		call(undo, 'saveStep');
	}

	if (mode === 'replace' && can(html, 'set')) {
		call(html, 'set', textToHtml(text));
	} else {
		call(html, 'insert', textToHtml(text), true);
	}

	if (can(undo, 'saveStep')) {
		call(undo, 'saveStep');
	}

	return `froala.html.${mode === 'replace' && can(html, 'set') ? 'set' : 'insert'}`;
}

function tinymce(win: Window, element: Element, text: string, mode: BridgeMode): string {
	const api = get(win, 'tinymce');
	const byId = element.id && can(api, 'get') ? call(api, 'get', element.id) : undefined;
	const editors = get(api, 'editors');
	const owning = Array.isArray(editors)
		? editors.find(editor => {
				const body = can(editor, 'getBody') ? call(editor, 'getBody') : undefined;
				const container = can(editor, 'getContainer') ? call(editor, 'getContainer') : undefined;
				return body === element || (container instanceof Element && container.contains(element));
			})
		: undefined;
	const editor = byId ?? owning ?? get(api, 'activeEditor');
	if (!can(editor, 'insertContent')) {
		throw new Error('TinyMCE is not loaded on this page');
	}

	const undoManager = get(editor, 'undoManager');
	if (mode === 'replace' && can(editor, 'setContent')) {
		// One undo level: the draft comes back with the editor's undo.
		if (can(undoManager, 'transact')) {
			call(undoManager, 'transact', () => call(editor, 'setContent', textToHtml(text)));
		} else {
			call(editor, 'setContent', textToHtml(text));
		}

		return 'tinymce.setContent:replace';
	}

	// Block HTML at the caret: TinyMCE splits the paragraph around it.
	call(editor, 'insertContent', textToHtml(text));
	return 'tinymce.insertContent';
}

async function quill(win: Window, element: Element, text: string, mode: BridgeMode): Promise<string> {
	const container = element.closest('.ql-container') ?? element;
	const find = get(get(win, 'Quill'), 'find');
	const editor = get(container, '__quill') ?? (isFunction(find) ? find(container) : undefined);
	if (can(editor, 'insertText', 'getSelection', 'getLength')) {
		if (mode === 'replace' && can(editor, 'setText')) {
			call(editor, 'setText', text, 'user');
			return 'quill.setText:replace';
		}

		const range = call(editor, 'getSelection', true) as {index?: number; length?: number} | null;
		const length = call(editor, 'getLength') as number;
		const index = range?.index ?? Math.max(0, length - 1);
		const line = can(editor, 'getLine') ? (call(editor, 'getLine', index) as [unknown, number] | undefined) : undefined;
		const lineLength = line && can(line[0], 'length') ? (call(line[0], 'length') as number) : 1;
		const before = line ? line[1] > 0 : false;
		const after = line ? lineLength - 1 > line[1] : false;
		call(editor, 'insertText', index, `${before ? '\n\n' : ''}${text}${after ? '\n\n' : ''}`, 'user');
		return 'quill.insertText';
	}

	// A bundled Quill exposes no instance: its clipboard module reads a paste like typed text.
	const root = container.querySelector<HTMLElement>('.ql-editor') ?? (element instanceof HTMLElement ? element : undefined);
	if (root && (await pasteInto(root, text, mode, 'lines'))) {
		return `quill.paste${mode === 'replace' ? ':replace' : ''}`;
	}

	throw new Error('no Quill instance on the editor');
}

export async function insertWith(win: Window, request: BridgeRequest): Promise<BridgeResult> {
	const mode = request.mode ?? 'insert';
	try {
		const element = win.document.querySelector(request.selector);
		if (!element) {
			return {id: request.id, ok: false, error: `reply box not found: ${request.selector}`};
		}

		if (request.op === 'fix') {
			if (request.editor !== 'ckeditor5') {
				return {id: request.id, ok: false, error: `no fix through the ${request.editor} editor's API`};
			}

			return {id: request.id, ok: true, via: ckeditor5Fix(element, request.find ?? '', request.before ?? '', request.text)};
		}

		const call: Record<BridgeEditor, () => string | Promise<string>> = {
			ckeditor5: () => ckeditor5(element, request.text, mode),
			prosemirror: async () => prosemirror(element, request.text, mode),
			tiptap: async () => prosemirror(element, request.text, mode),
			summernote: async () => summernote(win, request.selector, request.text, mode),
			redactor: () => redactor(win, request.selector, request.text, mode),
			froala: () => froala(element, request.text, mode),
			tinymce: () => tinymce(win, element, request.text, mode),
			quill: async () => quill(win, element, request.text, mode),
		};
		const via = await call[request.editor]();
		return {id: request.id, ok: true, via};
	} catch (error) {
		return {id: request.id, ok: false, error: error instanceof Error ? error.message : String(error)};
	}
}

/** A request as it arrives over the port: checked field by field, never trusted. */
export function parseRequest(value: unknown): BridgeRequest | undefined {
	if (typeof value !== 'object' || value === null) {
		return undefined;
	}

	const request = value as Partial<BridgeRequest>;
	const valid =
		typeof request.id === 'string' &&
		request.id.length <= 100 &&
		typeof request.selector === 'string' &&
		request.selector.length <= 2000 &&
		typeof request.text === 'string' &&
		request.text.length <= 200_000 &&
		isBridgeEditor(request.editor) &&
		(request.mode === undefined || request.mode === 'insert' || request.mode === 'replace') &&
		(request.op === undefined || request.op === 'insert' || request.op === 'fix') &&
		(request.find === undefined || (typeof request.find === 'string' && request.find.length <= 2000)) &&
		(request.before === undefined || (typeof request.before === 'string' && request.before.length <= 2000));
	return valid
		? {
				id: request.id!,
				editor: request.editor!,
				selector: request.selector!,
				text: request.text!,
				mode: request.mode,
				op: request.op,
				find: request.find,
				before: request.before,
			}
		: undefined;
}

/** Serves insert requests on `port` until it closes. */
export function servePort(win: Window, port: MessagePort): void {
	port.addEventListener('message', event => {
		const request = parseRequest(event.data);
		if (request) {
			void insertWith(win, request).then(result => port.postMessage(result));
		}
	});
	port.start();
}

/** Waits for Defuse's content script to hand over its end of a channel (see the top of this file). */
export function installBridge(win: Window): () => void {
	const view = win as Window & typeof globalThis;
	const listener = (event: Event) => {
		if (event instanceof view.MessageEvent && event.ports.length === 1) {
			event.stopImmediatePropagation();
			servePort(win, event.ports[0]!);
		}
	};

	win.addEventListener(offerEvent, listener, {capture: true});
	return () => win.removeEventListener(offerEvent, listener, {capture: true});
}
