// @vitest-environment happy-dom
import {expect, test} from 'vitest';
import {checkDraft} from '../../core/signals/draft.ts';
import {applyFixInEditor, editorOf, markDraft, pathTo, rangeIn, readDraft} from './draft.ts';

test('a rich editor reads as text with line breaks between blocks, mapped back to the DOM', () => {
	document.body.innerHTML =
		'<div contenteditable="true" id="ce"><p>Hi Tomasz,</p><p>as I said, <b>reinstall</b>&nbsp;the app.<br>Thanks</p></div>';
	const editor = document.querySelector<HTMLElement>('#ce')!;
	const draft = readDraft(editor);
	expect(draft.text).toBe('Hi Tomasz,\nas I said, reinstall the app.\nThanks\n');
	const start = draft.text.indexOf('as I said');
	expect(rangeIn(document, draft, start, start + 'as I said, reinstall'.length)?.toString()).toBe('as I said, reinstall');
	expect(rangeIn(document, draft, 5, 5)).toBeUndefined();
});

test('a textarea draft is fixed in place with an input event', async () => {
	document.body.innerHTML = '<textarea id="reply"></textarea>';
	const editor = document.querySelector<HTMLTextAreaElement>('#reply')!;
	editor.value = 'Hi Tomasz, as I said, reinstall the app.';
	let inputs = 0;
	editor.addEventListener('input', () => inputs++);
	const [issue] = checkDraft(editor.value);
	expect(await applyFixInEditor(editor, editor.value, issue!.fix!)).toBe(true);
	expect(editor.value).toBe('Hi Tomasz, reinstall the app.');
	expect(inputs).toBe(1);
});

test('a fix is refused when the draft changed since it was checked', async () => {
	document.body.innerHTML = '<textarea id="reply"></textarea>';
	const editor = document.querySelector<HTMLTextAreaElement>('#reply')!;
	editor.value = 'Hi Tomasz, as I said, reinstall the app.';
	const checked = editor.value;
	const [issue] = checkDraft(checked);
	editor.value = 'Hello Tomasz, as I said, reinstall the app.';
	expect(await applyFixInEditor(editor, checked, issue!.fix!)).toBe(false);
	expect(editor.value).toBe('Hello Tomasz, as I said, reinstall the app.');
});

test("only the page's editors count, never Defuse's own inputs", () => {
	document.body.innerHTML =
		'<div contenteditable="true" id="ce"><p id="inner">text</p></div><textarea id="ta"></textarea><div id="host"><textarea id="ours"></textarea></div>';
	expect(editorOf(document.querySelector('#inner'), undefined)?.id).toBe('ce');
	expect(editorOf(document.querySelector('#ta'), undefined)?.id).toBe('ta');
	expect(editorOf(document.querySelector('#ours'), document.querySelector('#host')!)).toBeUndefined();
	expect(editorOf(null, undefined)).toBeUndefined();
	expect(readDraft(document.querySelector('#ta')!).text).toBe('');
});

test("without the Highlight API, a rich editor's marks become boxes; no node is added to the page", () => {
	document.body.innerHTML = '<div contenteditable="true" id="ce"><p>Calm down, please.</p></div>';
	const editor = document.querySelector<HTMLElement>('#ce')!;
	const before = document.body.innerHTML;
	const draft = readDraft(editor);
	const result = markDraft(editor, draft, checkDraft(draft.text), undefined);
	expect(result.marked === 'boxes' || result.marked === 'none').toBe(true);
	expect(document.body.innerHTML).toBe(before);
});

test("a path that finds the reply box again from the page's own world", () => {
	document.body.innerHTML = '<div><p>a</p><div class="x"><div contenteditable="true" id="e"></div></div></div>';
	const editor = document.querySelector('#e')!;
	expect(document.querySelector(pathTo(editor))).toBe(editor);
});
