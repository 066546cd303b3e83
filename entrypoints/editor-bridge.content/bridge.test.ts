// @vitest-environment happy-dom
// Stand-ins for the editors' page-world APIs, shaped like the real ones: each ignores DOM edits and
// keeps its own model, so only an API call changes what the helpdesk would send. The real editors
// (CKEditor 5, TipTap, ProseMirror, Quill, TinyMCE, Summernote) are driven in test/e2e/editors.e2e.ts.
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {closeBridge, insertViaBridge} from '../helpdesk.content/bridge-client.ts';
import {installBridge, insertWith, offerEvent, parseRequest, textToHtml} from './bridge.ts';

type Loose = Record<string, unknown>;
let uninstall: () => void;

beforeEach(() => {
	document.body.innerHTML =
		'<div id="ck" class="ck-editor__editable" contenteditable="true"></div><div class="ProseMirror" id="pm" contenteditable="true"></div><textarea id="body"></textarea><div id="fr" class="fr-element fr-view" contenteditable="true"></div>';
	uninstall = installBridge(window);
});

afterEach(() => {
	uninstall();
	for (const key of ['jQuery', '$', '$R', 'FroalaEditor', 'tinymce']) {
		delete (window as unknown as Loose)[key];
	}
});

function ckeditorStandIn(
	content: string[] = [],
	caret?: {paragraph: number; offset: number},
): {paragraphs: () => string[]; undoSteps: () => number} {
	type Node = {name: 'paragraph'; text: string};
	const root = {children: content.map(text => ({name: 'paragraph' as const, text}))};
	let steps = 0;
	const position = (paragraph: number, offset: number) => {
		const block = root.children[paragraph]!;
		return {parent: block, offset, isAtStart: offset === 0, isAtEnd: offset === block.text.length};
	};

	let selection = caret ? position(caret.paragraph, caret.offset) : undefined;
	const writer = {
		createElement: (): Node => ({name: 'paragraph', text: ''}),
		insertText: (text: string, node: Node) => {
			node.text += text;
		},
		createRangeIn: () => 'all',
		remove: (what: 'all' | Node) => {
			root.children = what === 'all' ? [] : root.children.filter(node => node !== what);
		},
		append: (node: Node) => root.children.push(node),
		split: (at: ReturnType<typeof position>) => {
			const index = root.children.indexOf(at.parent);
			const rest = {name: 'paragraph' as const, text: at.parent.text.slice(at.offset)};
			at.parent.text = at.parent.text.slice(0, at.offset);
			root.children.splice(index + 1, 0, rest);
			return {position: {index: index + 1}};
		},
		createPositionAfter: (node: Node) => ({index: root.children.indexOf(node) + 1}),
		createPositionBefore: (node: Node) => ({index: root.children.indexOf(node)}),
		insert: (node: Node, at: {index: number}) => root.children.splice(at.index, 0, node),
		setSelection() {
			selection = undefined;
		},
	};
	(document.querySelector('#ck') as unknown as Loose)['ckeditorInstance'] = {
		model: {
			document: {getRoot: () => root, selection: {getFirstPosition: () => selection}},
			change(callback: (w: typeof writer) => void) {
				steps++; // One change block is one undo step
				callback(writer);
			},
			insertContent() {
				throw new Error('not used when the caret is in a paragraph');
			},
		},
		editing: {view: {focus() {}}},
	};
	return {paragraphs: () => root.children.map(node => node.text), undoSteps: () => steps};
}

describe('CKEditor 5: paragraphs through the model, one undo step', () => {
	test('into an empty editor', async () => {
		const model = ckeditorStandIn([''], {paragraph: 0, offset: 0});
		const result = await insertViaBridge(
			document,
			{ok: false, via: 'bridge', editor: 'ckeditor5', selector: '#ck'},
			'Hi Marcus,\n\nI have refunded the duplicate charge.',
		);
		expect(result).toMatchObject({ok: true, via: 'ckeditor5.model'});
		expect(model.paragraphs()).toEqual(['Hi Marcus,', 'I have refunded the duplicate charge.']);
		expect(model.undoSteps()).toBe(1);
		expect(document.querySelector('#ck')?.textContent).toBe(''); // The model, not the DOM, took the text
	});

	test('in the middle of a paragraph: it is split, the reply goes between', async () => {
		const model = ckeditorStandIn(['Hi Marcus,Thanks, Dana'], {paragraph: 0, offset: 'Hi Marcus,'.length});
		await insertWith(window, {id: '1', editor: 'ckeditor5', selector: '#ck', text: 'The refund is on its way.'});
		expect(model.paragraphs()).toEqual(['Hi Marcus,', 'The refund is on its way.', 'Thanks, Dana']);
	});

	test('at the end of a paragraph: after it', async () => {
		const model = ckeditorStandIn(['Hi Marcus,'], {paragraph: 0, offset: 'Hi Marcus,'.length});
		await insertWith(window, {id: '1', editor: 'ckeditor5', selector: '#ck', text: 'Done.'});
		expect(model.paragraphs()).toEqual(['Hi Marcus,', 'Done.']);
	});

	test('replace: the whole draft goes', async () => {
		const model = ckeditorStandIn(['Calm down.', 'As I said, no.'], {paragraph: 1, offset: 2});
		expect(await insertWith(window, {id: '1', editor: 'ckeditor5', selector: '#ck', text: 'A\n\nB', mode: 'replace'})).toMatchObject({
			ok: true,
			via: 'ckeditor5.model:replace',
		});
		expect(model.paragraphs()).toEqual(['A', 'B']);
		expect(model.undoSteps()).toBe(1);
	});
});

test('TipTap: JSON nodes in one chain, never an HTML string', async () => {
	const calls: unknown[][] = [];
	const chain: Loose = {};
	for (const name of ['focus', 'selectAll', 'insertContent']) {
		chain[name] = (...args: unknown[]) => {
			calls.push([name, ...args]);
			return chain;
		};
	}

	chain['run'] = () => calls.push(['run']);
	(document.querySelector('#pm') as unknown as Loose)['editor'] = {chain: () => chain};
	expect(await insertWith(window, {id: '1', editor: 'tiptap', selector: '#pm', text: '<img src=x onerror=alert(1)>'})).toMatchObject({
		ok: true,
		via: 'tiptap.commands',
	});
	expect(calls).toEqual([
		['focus'],
		['insertContent', [{type: 'paragraph', content: [{type: 'text', text: '<img src=x onerror=alert(1)>'}]}]],
		['run'],
	]);
	calls.length = 0;
	expect(await insertWith(window, {id: '2', editor: 'tiptap', selector: '#pm', text: 'A', mode: 'replace'})).toMatchObject({
		ok: true,
		via: 'tiptap.commands:replace',
	});
	expect(calls.map(entry => entry[0])).toEqual(['focus', 'selectAll', 'insertContent', 'run']);
});

test('Summernote without a reachable editable: the draft is recorded for its undo, then escaped pasteHTML or code', async () => {
	const calls: unknown[][] = [];
	(window as unknown as Loose)['jQuery'] = () => ({summernote: (...args: unknown[]) => calls.push(args)});
	await insertWith(window, {id: '2', editor: 'summernote', selector: '#body', text: 'Hi <b>Ann</b>,\n\nDone & dusted.'});
	await insertWith(window, {id: '3', editor: 'summernote', selector: '#body', text: 'New', mode: 'replace'});
	expect(calls).toEqual([
		['editor.afterCommand', true],
		['pasteHTML', '<p>Hi &lt;b&gt;Ann&lt;/b&gt;,</p><p>Done &amp; dusted.</p>'],
		['editor.afterCommand', true],
		['code', '<p>New</p>'],
		['editor.afterCommand'],
	]);
});

test('CKEditor 5: a draft-check fix goes into its model, in the paragraph where it was found', async () => {
	type Text = {is: (name: string) => boolean; data: string};
	const paragraph = (data: string) => ({
		children: [{is: (name: string) => name === '$text', data}] as Text[],
		getChildren() {
			return this.children;
		},
	});
	const blocks = [paragraph('Hi Dana,'), paragraph('As I said, the parcel left.')];
	const writer = {
		createPositionAt: (block: ReturnType<typeof paragraph>, offset: number) => ({block, offset}),
		createRange: (from: {block: ReturnType<typeof paragraph>; offset: number}, to: {offset: number}) => ({from, to}),
		remove({from, to}: {from: {block: ReturnType<typeof paragraph>; offset: number}; to: {offset: number}}) {
			const text = from.block.children[0]!;
			text.data = text.data.slice(0, from.offset) + text.data.slice(to.offset);
		},
		insertText(value: string, at: {block: ReturnType<typeof paragraph>; offset: number}) {
			const text = at.block.children[0]!;
			text.data = text.data.slice(0, at.offset) + value + text.data.slice(at.offset);
		},
	};
	(document.querySelector('#ck') as unknown as Loose)['ckeditorInstance'] = {
		model: {document: {getRoot: () => ({getChildren: () => blocks})}, change: (callback: (w: typeof writer) => void) => callback(writer)},
	};
	expect(
		await insertWith(window, {
			id: '1',
			editor: 'ckeditor5',
			selector: '#ck',
			op: 'fix',
			find: 'As I said, t',
			before: 'Hi Dana,\n',
			text: 'T',
		}),
	).toMatchObject({ok: true, via: 'ckeditor5.model:fix'});
	expect(blocks.map(block => block.children[0]!.data)).toEqual(['Hi Dana,', 'The parcel left.']);
	expect(
		await insertWith(window, {id: '2', editor: 'ckeditor5', selector: '#ck', op: 'fix', find: 'nowhere', before: '', text: ''}),
	).toMatchObject({ok: false, error: 'the text to fix is no longer in the editor'});
	expect(await insertWith(window, {id: '3', editor: 'quill', selector: '#ck', op: 'fix', find: 'x', before: '', text: ''})).toMatchObject({
		ok: false,
	});
});

test('Redactor: the $R API first, then the jQuery plugin; replace sets the whole content', async () => {
	const calls: unknown[][] = [];
	(window as unknown as Loose)['$R'] = (...args: unknown[]) => calls.push(args);
	expect(await insertWith(window, {id: '1', editor: 'redactor', selector: '#body', text: 'Hello'})).toMatchObject({
		ok: true,
		via: 'redactor.$R',
	});
	expect(await insertWith(window, {id: '2', editor: 'redactor', selector: '#body', text: 'Hi', mode: 'replace'})).toMatchObject({
		ok: true,
		via: 'redactor.$R:replace',
	});
	delete (window as unknown as Loose)['$R'];
	(window as unknown as Loose)['$'] = () => ({redactor: (...args: unknown[]) => calls.push(['jq', ...args])});
	expect(await insertWith(window, {id: '3', editor: 'redactor', selector: '#body', text: 'Hello'})).toMatchObject({
		ok: true,
		via: 'redactor.jquery:insertion.insertText',
	});
	expect(calls).toEqual([
		['#body', 'insertion.insertText', 'Hello'],
		['#body', 'insertion.set', '<p>Hi</p>'],
		['jq', 'insertion.insertText', 'Hello'],
	]);
});

test('Redactor 10: falls back to its own call names', async () => {
	const calls: unknown[][] = [];
	(window as unknown as Loose)['jQuery'] = () => ({
		redactor(name: string, text: string) {
			if (name !== 'insert.text' && name !== 'code.set') {
				throw new Error(`unknown call ${name}`);
			}

			calls.push([name, text]);
		},
	});
	expect(await insertWith(window, {id: '1', editor: 'redactor', selector: '#body', text: 'Hello'})).toMatchObject({
		ok: true,
		via: 'redactor.jquery:insert.text',
	});
	expect(await insertWith(window, {id: '2', editor: 'redactor', selector: '#body', text: 'Hi', mode: 'replace'})).toMatchObject({
		ok: true,
		via: 'redactor.jquery:code.set',
	});
	expect(calls).toEqual([
		['insert.text', 'Hello'],
		['code.set', '<p>Hi</p>'],
	]);
});

test('Froala: escaped HTML through html.insert or html.set, between undo steps; found in FroalaEditor.INSTANCES too', async () => {
	const calls: string[] = [];
	const element = document.querySelector('#fr')!;
	(window as unknown as Loose)['FroalaEditor'] = {
		INSTANCES: [
			{
				el: element,
				html: {insert: (html: string) => calls.push(`insert ${html}`), set: (html: string) => calls.push(`set ${html}`)},
				undo: {saveStep: () => calls.push('step')},
			},
		],
	};
	expect(await insertWith(window, {id: '1', editor: 'froala', selector: '#fr', text: '5 < 6'})).toMatchObject({
		ok: true,
		via: 'froala.html.insert',
	});
	expect(await insertWith(window, {id: '2', editor: 'froala', selector: '#fr', text: 'Hi', mode: 'replace'})).toMatchObject({
		ok: true,
		via: 'froala.html.set',
	});
	expect(calls).toEqual(['step', 'insert <p>5 &lt; 6</p>', 'step', 'step', 'set <p>Hi</p>', 'step']);
});

test('TinyMCE: escaped HTML into the editor that owns the element; replace in one undo level', async () => {
	const calls: string[] = [];
	const body = document.querySelector('#ck')!;
	(window as unknown as Loose)['tinymce'] = {
		get: () => undefined,
		editors: [
			{
				getBody: () => body,
				insertContent: (html: string) => calls.push(`insert ${html}`),
				setContent: (html: string) => calls.push(`set ${html}`),
				undoManager: {
					transact(change: () => void) {
						calls.push('level');
						change();
					},
				},
			},
		],
	};
	expect(await insertWith(window, {id: '1', editor: 'tinymce', selector: '#ck', text: 'a < b'})).toMatchObject({
		ok: true,
		via: 'tinymce.insertContent',
	});
	expect(await insertWith(window, {id: '2', editor: 'tinymce', selector: '#ck', text: 'x', mode: 'replace'})).toMatchObject({
		ok: true,
		via: 'tinymce.setContent:replace',
	});
	expect(calls).toEqual(['insert <p>a &lt; b</p>', 'level', 'set <p>x</p>']);
});

test('Quill: text at the cursor through the instance, set off from the line around it', async () => {
	const inserted: unknown[][] = [];
	const line = {length: () => 8};
	(document.querySelector('#pm') as unknown as Loose)['__quill'] = {
		getSelection: () => ({index: 3}),
		getLength: () => 10,
		getLine: () => [line, 3],
		insertText: (...args: unknown[]) => inserted.push(args),
		setText: (...args: unknown[]) => inserted.push(['set', ...args]),
	};
	expect(await insertWith(window, {id: '1', editor: 'quill', selector: '#pm', text: 'Hi'})).toMatchObject({
		ok: true,
		via: 'quill.insertText',
	});
	expect(await insertWith(window, {id: '2', editor: 'quill', selector: '#pm', text: 'All', mode: 'replace'})).toMatchObject({
		ok: true,
		via: 'quill.setText:replace',
	});
	expect(inserted).toEqual([
		[3, '\n\nHi\n\n', 'user'],
		['set', 'All', 'user'],
	]);
});

describe('the channel', () => {
	test('the offer is seen by the bridge only: a page listener added later never gets the port', async () => {
		let seen = 0;
		window.addEventListener(offerEvent, () => seen++, {capture: true});
		window.addEventListener(offerEvent, () => seen++);
		ckeditorStandIn([''], {paragraph: 0, offset: 0});
		expect(await insertViaBridge(document, {ok: false, via: 'bridge', editor: 'ckeditor5', selector: '#ck'}, 'x')).toMatchObject({
			ok: true,
		});
		expect(seen).toBe(0);
	});

	test('requests are checked field by field', () => {
		expect(parseRequest({id: 'a', editor: 'quill', selector: '#x', text: 'hi', mode: 'replace'})).toEqual({
			id: 'a',
			editor: 'quill',
			selector: '#x',
			text: 'hi',
			mode: 'replace',
		});
		for (const bad of [
			'not an object',
			null,
			{id: 1},
			{id: 'a', editor: 'word', selector: '#ck', text: ''},
			{id: 'a', editor: 'quill', selector: '#x', text: 'hi', mode: 'submit'},
			{id: 'a', editor: 'quill', selector: '#x', text: 'x'.repeat(200_001)},
		]) {
			expect(parseRequest(bad)).toBeUndefined();
		}
	});

	test('no bridge on the page: the client times out with a clear message', async () => {
		uninstall();
		closeBridge(window);
		const result = await insertViaBridge(document, {ok: false, via: 'bridge', editor: 'ckeditor5', selector: '#ck'}, 'x', 'insert', 50);
		expect(result).toMatchObject({ok: false, error: 'the page did not answer (the editor bridge is not loaded)'});
	});
});

describe('failures are reported, never thrown', () => {
	test('no editor instance', async () => {
		expect(await insertWith(window, {id: '1', editor: 'ckeditor5', selector: '#ck', text: 'x'})).toEqual({
			id: '1',
			ok: false,
			error: 'no CKEditor 5 instance on the editable',
		});
	});

	test('no element', async () => {
		expect((await insertWith(window, {id: '1', editor: 'froala', selector: '#missing', text: 'x'})).error).toBe(
			'reply box not found: #missing',
		);
	});

	test('an editor API that throws', async () => {
		(window as unknown as Loose)['$R'] = () => {
			throw new Error('Redactor exploded');
		};

		expect(await insertWith(window, {id: '1', editor: 'redactor', selector: '#body', text: 'x'})).toMatchObject({
			ok: false,
			error: 'Redactor exploded',
		});
	});
});

test('textToHtml keeps every character as text', () => {
	expect(textToHtml('a\nb\n\n<script>"\'&')).toBe('<p>a<br>b</p><p>&lt;script&gt;&quot;&#39;&amp;</p>');
});
