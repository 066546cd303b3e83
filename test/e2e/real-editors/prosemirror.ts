// A plain ProseMirror view from npm (as Intercom and Chatwoot build their composers): no instance is
// reachable from its DOM, so Defuse's bridge reaches it through a paste.
import {baseKeymap} from '@tiptap/pm/commands';
import {history, redo, undo} from '@tiptap/pm/history';
import {keymap} from '@tiptap/pm/keymap';
import {Schema} from '@tiptap/pm/model';
import {EditorState} from '@tiptap/pm/state';
import {EditorView} from '@tiptap/pm/view';
import {mountPoint, ready, targetOf} from './page.ts';

// Paragraphs of text with hard breaks, as a chat composer has.
const schema = new Schema({
	nodes: {
		doc: {content: 'block+'},
		paragraph: {group: 'block', content: 'inline*', parseDOM: [{tag: 'p'}], toDOM: () => ['p', 0]},
		text: {group: 'inline'},
		hardBreak: {group: 'inline', inline: true, selectable: false, parseDOM: [{tag: 'br'}], toDOM: () => ['br']},
	},
});
const old = mountPoint(targetOf(document.currentScript));
const parent = old.parentElement!;
const className = [...old.classList].filter(name => name !== 'ProseMirror').join(' ');
old.remove();
const view = new EditorView(parent, {
	state: EditorState.create({
		schema,
		plugins: [history(), keymap({'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo}), keymap(baseKeymap)],
	}),
	attributes: {class: className, role: 'textbox'},
});
ready({editor: 'prosemirror', text: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n\n').trim()});
