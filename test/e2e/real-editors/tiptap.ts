// TipTap from npm in place of the helpdesk's pre-rendered editor (Zammad's new desktop view): the new
// editable takes the old one's id, classes and name.
import {Editor} from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import {mountPoint, ready, targetOf} from './page.ts';

const old = mountPoint(targetOf(document.currentScript));
const parent = old.parentElement!;
const attributes: Record<string, string> = {};
for (const name of ['id', 'class', 'name', 'role', 'translate']) {
	const value = old.getAttribute(name);
	if (value !== null) {
		attributes[name] = value;
	}
}

old.remove();
const editor = new Editor({element: parent, extensions: [StarterKit], editorProps: {attributes}});
ready({editor: 'tiptap', text: () => editor.getText({blockSeparator: '\n\n'}).trim()});
