// @vitest-environment happy-dom
import {expect, test} from 'vitest';
import {draftText, editorOf, replaceInEditor, rewordingOf} from './draft.ts';

test.each([
	['Say what you can do: "Here is what I can do for you: ..."', 'Here is what I can do for you:'],
	['Recap without blame: "To recap where we are: ..."', 'To recap where we are:'],
	['No quote here', undefined],
])('rewording of %s', (suggestion, expected) => {
	expect(rewordingOf(suggestion)).toBe(expected);
});

test('a textarea draft is rewritten in place with an input event', () => {
	document.body.innerHTML = '<textarea id="reply"></textarea>';
	const editor = document.querySelector<HTMLTextAreaElement>('#reply')!;
	editor.value = 'Hi Tomasz, as I said, reinstall the app.';
	let inputs = 0;
	editor.addEventListener('input', () => inputs++);
	expect(replaceInEditor(editor, 11, 'as I said', 'to recap where we are')).toBe(true);
	expect(editor.value).toBe('Hi Tomasz, to recap where we are, reinstall the app.');
	expect(inputs).toBe(1);
	expect(replaceInEditor(editor, 11, 'calm down', 'x')).toBe(false);
});

test('only the page\'s editors count, never Defuse\'s own inputs', () => {
	document.body.innerHTML = '<div contenteditable="true" id="ce"><p id="inner">text</p></div><textarea id="ta"></textarea><div id="host"><textarea id="ours"></textarea></div>';
	expect(editorOf(document.querySelector('#inner'), undefined)?.id).toBe('ce');
	expect(editorOf(document.querySelector('#ta'), undefined)?.id).toBe('ta');
	expect(editorOf(document.querySelector('#ours'), document.querySelector('#host')!)).toBeUndefined();
	expect(draftText(document.querySelector('#ta')!)).toBe('');
});
