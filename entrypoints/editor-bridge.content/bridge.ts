// Runs in the helpdesk page's own world, where the editors' JavaScript objects live. Some editors keep
// their text in a model and ignore (or undo) DOM edits from an isolated content script: CKEditor 5,
// ProseMirror/TipTap, Summernote, Redactor, Froala. This bridge calls their own APIs to insert text.
// It only inserts; it never submits, reads nothing back but success, and treats the text as text.

export const insertEvent = 'defuse:insert-reply';
export const resultEvent = 'defuse:insert-reply-result';

export type BridgeEditor = 'ckeditor5' | 'prosemirror' | 'tiptap' | 'summernote' | 'redactor' | 'froala' | 'tinymce' | 'quill';
export const bridgeEditors: readonly BridgeEditor[] = ['ckeditor5', 'prosemirror', 'tiptap', 'summernote', 'redactor', 'froala', 'tinymce', 'quill'];

export type BridgeRequest = {id: string; editor: BridgeEditor; selector: string; text: string};
export type BridgeResult = {id: string; ok: boolean; via?: string; error?: string};

type Loose = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

const isFunction = (value: unknown): value is Fn => typeof value === 'function';
const get = (object: unknown, key: string): unknown => (object !== null && (typeof object === 'object' || typeof object === 'function')) ? (object as Loose)[key] : undefined;

/** Paragraphs of plain text, for editors that take structure. */
export function paragraphsOf(text: string): string[] {
	return text.replaceAll('\r\n', '\n').split(/\n{2,}/).map(paragraph => paragraph.trim()).filter(Boolean);
}

/** Escaped HTML for editors whose only multi-line insert takes HTML: every character of the text stays text. */
export function textToHtml(text: string): string {
	const escape = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll('\'', '&#39;');
	return paragraphsOf(text).map(paragraph => `<p>${paragraph.split('\n').map(line => escape(line)).join('<br>')}</p>`).join('');
}

function ckeditor5(element: Element, text: string): string {
	const editor = get(element, 'ckeditorInstance') ?? get(element.closest('.ck-editor__editable'), 'ckeditorInstance');
	const model = get(editor, 'model');
	if (!isFunction(get(model, 'change')) || !isFunction(get(model, 'insertContent'))) {
		throw new Error('no CKEditor 5 instance on the editable');
	}

	(get(model, 'change') as Fn).call(model, (writer: unknown) => {
		const fragment = (get(writer, 'createDocumentFragment') as Fn).call(writer);
		for (const paragraph of paragraphsOf(text)) {
			const node = (get(writer, 'createElement') as Fn).call(writer, 'paragraph');
			(get(writer, 'insertText') as Fn).call(writer, paragraph, node);
			(get(writer, 'append') as Fn).call(writer, node, fragment);
		}

		(get(model, 'insertContent') as Fn).call(model, fragment);
	});
	const view = get(get(editor, 'editing'), 'view');
	if (isFunction(get(view, 'focus'))) {
		(get(view, 'focus') as Fn).call(view);
	}

	return 'ckeditor5.model';
}

function prosemirror(element: Element, text: string): string {
	const root = element.matches('.ProseMirror') ? element : (element.querySelector('.ProseMirror') ?? element.closest('.ProseMirror'));
	const tiptap = get(root, 'editor');
	const commands = get(tiptap, 'commands');
	if (isFunction(get(commands, 'insertContent'))) {
		// JSON nodes, never an HTML string: TipTap would parse a string as markup.
		const content = paragraphsOf(text).map(paragraph => ({type: 'paragraph', content: [{type: 'text', text: paragraph}]}));
		(get(commands, 'insertContent') as Fn).call(commands, content);
		return 'tiptap.commands';
	}

	const view = get(tiptap, 'view') ?? get(get(root, 'pmViewDesc'), 'view') ?? get(root, 'pmView');
	if (isFunction(get(view, 'pasteText'))) {
		(get(view, 'pasteText') as Fn).call(view, text);
		return 'prosemirror.pasteText';
	}

	const state = get(view, 'state');
	const tr = get(state, 'tr');
	if (isFunction(get(view, 'dispatch')) && isFunction(get(tr, 'insertText'))) {
		(get(view, 'dispatch') as Fn).call(view, (get(tr, 'insertText') as Fn).call(tr, text));
		return 'prosemirror.insertText';
	}

	// No handle on the view: ProseMirror reads pasted text/plain like typed text.
	if (root instanceof HTMLElement && typeof DataTransfer === 'function' && typeof ClipboardEvent === 'function') {
		const data = new DataTransfer();
		data.setData('text/plain', text);
		root.focus();
		const event = new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true});
		root.dispatchEvent(event);
		if (event.defaultPrevented) {
			return 'prosemirror.paste';
		}
	}

	throw new Error('no ProseMirror view reachable from the editable');
}

function jquery(win: Window): Fn | undefined {
	const candidate = get(win, 'jQuery') ?? get(win, '$');
	return isFunction(candidate) ? candidate : undefined;
}

function summernote(win: Window, selector: string, text: string): string {
	const $ = jquery(win);
	const target = $?.(selector);
	if (!isFunction(get(target, 'summernote'))) {
		throw new Error('Summernote is not loaded on this page');
	}

	const call = get(target, 'summernote') as Fn;
	if (paragraphsOf(text).length > 1) {
		call.call(target, 'pasteHTML', textToHtml(text));
		return 'summernote.pasteHTML';
	}

	call.call(target, 'insertText', text);
	return 'summernote.insertText';
}

function redactor(win: Window, selector: string, text: string): string {
	const redactorGlobal = get(win, '$R');
	if (isFunction(redactorGlobal)) {
		redactorGlobal(selector, 'insertion.insertText', text);
		return 'redactor.$R';
	}

	// Redactor keeps its instance in jQuery data on the source textarea, next to the editable it shows.
	// Redactor 3 names the call 'insertion.insertText', Redactor 10 'insert.text', older ones 'insertText'.
	const $ = jquery(win);
	const element = win.document.querySelector(selector);
	const source = element?.closest('.redactor-box, .redactor_box')?.querySelector('textarea');
	for (const target of [$?.(selector), source ? $?.(source) : undefined]) {
		const redactor = get(target, 'redactor');
		if (!isFunction(redactor)) {
			continue;
		}

		for (const call of ['insertion.insertText', 'insert.text', 'insertText']) {
			try {
				redactor.call(target, call, text);
				return `redactor.jquery:${call}`;
			} catch {
				// This version does not know the call; try the next name
			}
		}
	}

	throw new Error('Redactor is not loaded on this page');
}

function froala(element: Element, text: string): string {
	const host = element.closest('[data-froala\\.editor], .fr-box') ?? element;
	const instances = get(get(element.ownerDocument.defaultView, 'FroalaEditor'), 'INSTANCES');
	const fromList = Array.isArray(instances) ? instances.find(instance => {
		const own = get(instance, 'el');
		return own instanceof Element && (own === element || own.contains(element) || element.contains(own));
	}) : undefined;
	const editor = get(element, 'data-froala.editor') ?? get(host, 'data-froala.editor') ?? get(host.parentElement, 'data-froala.editor') ?? fromList;
	const html = get(editor, 'html');
	if (!isFunction(get(html, 'insert'))) {
		throw new Error('no Froala instance on the editor');
	}

	(get(html, 'insert') as Fn).call(html, textToHtml(text), true);
	const undo = get(editor, 'undo');
	if (isFunction(get(undo, 'saveStep'))) {
		(get(undo, 'saveStep') as Fn).call(undo);
	}

	return 'froala.html.insert';
}

function tinymce(win: Window, element: Element, text: string): string {
	const api = get(win, 'tinymce');
	const byId = element.id && isFunction(get(api, 'get')) ? (get(api, 'get') as Fn).call(api, element.id) : undefined;
	const editors = get(api, 'editors');
	const owning = Array.isArray(editors) ? editors.find(editor => {
		const body = isFunction(get(editor, 'getBody')) ? (get(editor, 'getBody') as Fn).call(editor) : undefined;
		const container = isFunction(get(editor, 'getContainer')) ? (get(editor, 'getContainer') as Fn).call(editor) : undefined;
		return body === element || (container instanceof Element && container.contains(element));
	}) : undefined;
	const editor = byId ?? owning ?? get(api, 'activeEditor');
	if (!isFunction(get(editor, 'insertContent'))) {
		throw new Error('TinyMCE is not loaded on this page');
	}

	(get(editor, 'insertContent') as Fn).call(editor, textToHtml(text));
	return 'tinymce.insertContent';
}

function quill(win: Window, element: Element, text: string): string {
	const container = element.closest('.ql-container') ?? element;
	const find = get(get(win, 'Quill'), 'find');
	const editor = get(container, '__quill') ?? (isFunction(find) ? find(container) : undefined);
	if (!isFunction(get(editor, 'insertText')) || !isFunction(get(editor, 'getSelection'))) {
		throw new Error('no Quill instance on the editor');
	}

	const selection = (get(editor, 'getSelection') as Fn).call(editor, true) as {index?: number} | null;
	const length = isFunction(get(editor, 'getLength')) ? (get(editor, 'getLength') as Fn).call(editor) as number : 0;
	(get(editor, 'insertText') as Fn).call(editor, selection?.index ?? Math.max(0, length - 1), text, 'user');
	return 'quill.insertText';
}

export function insertWith(win: Window, request: BridgeRequest): BridgeResult {
	try {
		const element = win.document.querySelector(request.selector);
		if (!element) {
			return {id: request.id, ok: false, error: `reply box not found: ${request.selector}`};
		}

		const via = {
			ckeditor5: () => ckeditor5(element, request.text),
			prosemirror: () => prosemirror(element, request.text),
			tiptap: () => prosemirror(element, request.text),
			summernote: () => summernote(win, request.selector, request.text),
			redactor: () => redactor(win, request.selector, request.text),
			froala: () => froala(element, request.text),
			tinymce: () => tinymce(win, element, request.text),
			quill: () => quill(win, element, request.text),
		}[request.editor]();
		return {id: request.id, ok: true, via};
	} catch (error) {
		return {id: request.id, ok: false, error: error instanceof Error ? error.message : String(error)};
	}
}

function parseRequest(detail: unknown): BridgeRequest | undefined {
	if (typeof detail !== 'string' || detail.length > 200_000) {
		return undefined;
	}

	try {
		const value = JSON.parse(detail) as Partial<BridgeRequest>;
		return typeof value.id === 'string' && typeof value.selector === 'string' && typeof value.text === 'string' && bridgeEditors.includes(value.editor as BridgeEditor)
			? value as BridgeRequest
			: undefined;
	} catch {
		return undefined;
	}
}

/** Listens for insert requests from Defuse's isolated content script (details travel as JSON strings between worlds). */
export function installBridge(win: Window): () => void {
	const listener = (event: Event) => {
		const request = parseRequest((event as CustomEvent<unknown>).detail);
		if (request) {
			const result = insertWith(win, request);
			win.document.dispatchEvent(new CustomEvent(resultEvent, {detail: JSON.stringify(result)}));
		}
	};

	win.document.addEventListener(insertEvent, listener);
	return () => win.document.removeEventListener(insertEvent, listener);
}
