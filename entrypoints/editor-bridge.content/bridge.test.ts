// @vitest-environment happy-dom
// Stand-ins for the editors' page-world APIs, shaped like the real ones: each ignores DOM edits and
// keeps its own model, so only an API call changes what the helpdesk would send.
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {insertViaBridge} from '../helpdesk.content/bridge-client.ts';
import {installBridge, insertWith, textToHtml} from './bridge.ts';

type Loose = Record<string, unknown>;
let uninstall: () => void;

beforeEach(() => {
	document.body.innerHTML = '<div id="ck" class="ck-editor__editable" contenteditable="true"></div><div class="ProseMirror" id="pm" contenteditable="true"></div><textarea id="body"></textarea><div id="fr" class="fr-element fr-view" contenteditable="true"></div>';
	uninstall = installBridge(window);
});

afterEach(() => {
	uninstall();
	for (const key of ['jQuery', '$', '$R']) {
		delete (window as unknown as Loose)[key];
	}
});

function ckeditorStandIn(): {paragraphs: string[]} {
	const model = {paragraphs: [] as string[]};
	const writer = {
		createDocumentFragment: () => ({children: [] as Array<{text: string}>}),
		createElement: () => ({text: ''}),
		insertText: (text: string, node: {text: string}) => {
			node.text += text;
		},
		append: (node: {text: string}, fragment: {children: Array<{text: string}>}) => fragment.children.push(node),
	};
	(document.querySelector('#ck') as unknown as Loose)['ckeditorInstance'] = {
		model: {
			change: (callback: (w: typeof writer) => void) => callback(writer),
			insertContent: (fragment: {children: Array<{text: string}>}) => model.paragraphs.push(...fragment.children.map(child => child.text)),
		},
		editing: {view: {focus() {}}},
	};
	return model;
}

test('CKEditor 5: inserts paragraphs through the model', async () => {
	const model = ckeditorStandIn();
	const result = await insertViaBridge(document, {ok: false, via: 'bridge', editor: 'ckeditor5', selector: '#ck'}, 'Hi Marcus,\n\nI have refunded the duplicate charge.');
	expect(result).toMatchObject({ok: true, via: 'ckeditor5.model'});
	expect(model.paragraphs).toEqual(['Hi Marcus,', 'I have refunded the duplicate charge.']);
	expect(document.querySelector('#ck')?.textContent).toBe(''); // The model, not the DOM, took the text
});

test('TipTap: inserts JSON nodes, never an HTML string', () => {
	const inserted: unknown[] = [];
	(document.querySelector('#pm') as unknown as Loose)['editor'] = {commands: {insertContent: (content: unknown) => inserted.push(content)}};
	const result = insertWith(window, {id: '1', editor: 'tiptap', selector: '#pm', text: '<img src=x onerror=alert(1)>'});
	expect(result.ok).toBe(true);
	expect(inserted).toEqual([[{type: 'paragraph', content: [{type: 'text', text: '<img src=x onerror=alert(1)>'}]}]]);
});

test('ProseMirror without TipTap: a transaction on the view', () => {
	const dispatched: string[] = [];
	(document.querySelector('#pm') as unknown as Loose)['pmViewDesc'] = {view: {state: {tr: {insertText: (text: string) => `insert:${text}`}}, dispatch: (tr: string) => dispatched.push(tr)}};
	expect(insertWith(window, {id: '1', editor: 'prosemirror', selector: '#pm', text: 'Thanks'})).toMatchObject({ok: true, via: 'prosemirror.insertText'});
	expect(dispatched).toEqual(['insert:Thanks']);
});

test('Summernote: insertText for one line, escaped pasteHTML for paragraphs', () => {
	const calls: unknown[][] = [];
	(window as unknown as Loose)['jQuery'] = () => ({summernote: (...args: unknown[]) => calls.push(args)});
	insertWith(window, {id: '1', editor: 'summernote', selector: '#body', text: 'One line'});
	insertWith(window, {id: '2', editor: 'summernote', selector: '#body', text: 'Hi <b>Ann</b>,\n\nDone & dusted.'});
	expect(calls).toEqual([['insertText', 'One line'], ['pasteHTML', '<p>Hi &lt;b&gt;Ann&lt;/b&gt;,</p><p>Done &amp; dusted.</p>']]);
});

test('Redactor: the $R API first, then the jQuery plugin', () => {
	const calls: unknown[][] = [];
	(window as unknown as Loose)['$R'] = (...args: unknown[]) => calls.push(args);
	expect(insertWith(window, {id: '1', editor: 'redactor', selector: '#body', text: 'Hello'})).toMatchObject({ok: true, via: 'redactor.$R'});
	delete (window as unknown as Loose)['$R'];
	(window as unknown as Loose)['$'] = () => ({redactor: (...args: unknown[]) => calls.push(['jq', ...args])});
	expect(insertWith(window, {id: '2', editor: 'redactor', selector: '#body', text: 'Hello'})).toMatchObject({ok: true, via: 'redactor.jquery:insertion.insertText'});
	expect(calls).toEqual([['#body', 'insertion.insertText', 'Hello'], ['jq', 'insertion.insertText', 'Hello']]);
});

test('Redactor 10: falls back to its own call name', () => {
	const calls: unknown[][] = [];
	(window as unknown as Loose)['jQuery'] = () => ({redactor(call: string, text: string) {
		if (call !== 'insert.text') {
			throw new Error(`unknown call ${call}`);
		}

		calls.push([call, text]);
	}});
	expect(insertWith(window, {id: '1', editor: 'redactor', selector: '#body', text: 'Hello'})).toMatchObject({ok: true, via: 'redactor.jquery:insert.text'});
	expect(calls).toEqual([['insert.text', 'Hello']]);
});

test('Froala v3+: the instance is found in FroalaEditor.INSTANCES', () => {
	const inserted: string[] = [];
	const element = document.querySelector('#fr')!;
	(window as unknown as Loose)['FroalaEditor'] = {INSTANCES: [{el: element, html: {insert: (html: string) => inserted.push(html)}}]};
	expect(insertWith(window, {id: '1', editor: 'froala', selector: '#fr', text: 'Hi'})).toMatchObject({ok: true});
	expect(inserted).toEqual(['<p>Hi</p>']);
	delete (window as unknown as Loose)['FroalaEditor'];
});

test('TinyMCE: escaped HTML into the editor that owns the element', () => {
	const inserted: string[] = [];
	const body = document.querySelector('#ce') ?? document.querySelector('#ck')!;
	(window as unknown as Loose)['tinymce'] = {get: () => undefined, editors: [{getBody: () => body, insertContent: (html: string) => inserted.push(html)}]};
	expect(insertWith(window, {id: '1', editor: 'tinymce', selector: '#ck', text: 'a < b'})).toMatchObject({ok: true, via: 'tinymce.insertContent'});
	expect(inserted).toEqual(['<p>a &lt; b</p>']);
	delete (window as unknown as Loose)['tinymce'];
});

test('Quill: text at the cursor through the instance', () => {
	const inserted: unknown[][] = [];
	(document.querySelector('#pm') as unknown as Loose)['__quill'] = {getSelection: () => ({index: 3}), getLength: () => 10, insertText: (...args: unknown[]) => inserted.push(args)};
	expect(insertWith(window, {id: '1', editor: 'quill', selector: '#pm', text: 'Hi'})).toMatchObject({ok: true, via: 'quill.insertText'});
	expect(inserted).toEqual([[3, 'Hi', 'user']]);
});

test('Froala: escaped HTML through html.insert, with an undo step', () => {
	const inserted: string[] = [];
	let steps = 0;
	(document.querySelector('#fr') as unknown as Loose)['data-froala.editor'] = {html: {insert: (html: string) => inserted.push(html)}, undo: {saveStep: () => steps++}};
	expect(insertWith(window, {id: '1', editor: 'froala', selector: '#fr', text: '5 < 6'})).toMatchObject({ok: true});
	expect(inserted).toEqual(['<p>5 &lt; 6</p>']);
	expect(steps).toBe(1);
});

describe('failures are reported, never thrown', () => {
	test('no editor instance', () => {
		expect(insertWith(window, {id: '1', editor: 'ckeditor5', selector: '#ck', text: 'x'})).toEqual({id: '1', ok: false, error: 'no CKEditor 5 instance on the editable'});
	});

	test('no element', () => {
		expect(insertWith(window, {id: '1', editor: 'froala', selector: '#missing', text: 'x'}).error).toBe('reply box not found: #missing');
	});

	test('an editor API that throws', () => {
		(window as unknown as Loose)['$R'] = () => {
			throw new Error('Redactor exploded');
		};

		expect(insertWith(window, {id: '1', editor: 'redactor', selector: '#body', text: 'x'})).toMatchObject({ok: false, error: 'Redactor exploded'});
	});

	test('malformed requests from the page are ignored', async () => {
		let answered = 0;
		document.addEventListener('defuse:insert-reply-result', () => answered++);
		for (const detail of ['not json', JSON.stringify({id: 1}), JSON.stringify({id: 'a', editor: 'word', selector: '#ck', text: ''}), {object: true}]) {
			document.dispatchEvent(new CustomEvent('defuse:insert-reply', {detail}));
		}

		expect(answered).toBe(0);
	});

	test('no bridge on the page: the client times out with a clear message', async () => {
		uninstall();
		const result = await insertViaBridge(document, {ok: false, via: 'bridge', editor: 'ckeditor5', selector: '#ck'}, 'x', 50);
		expect(result).toMatchObject({ok: false, error: 'the page did not answer (the editor bridge is not loaded)'});
	});
});

test('textToHtml keeps every character as text', () => {
	expect(textToHtml('a\nb\n\n<script>"\'&')).toBe('<p>a<br>b</p><p>&lt;script&gt;&quot;&#39;&amp;</p>');
});
