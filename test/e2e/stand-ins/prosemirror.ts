// ProseMirror stand-in without a reachable view (no TipTap, no handle on the DOM): the only way in is
// what ProseMirror's own input handling accepts, here a paste of text/plain, which it turns into a
// transaction (one paragraph per line). Typed DOM edits are undone from the document.
import {modelEditor, standInOptions} from './model.ts';

const {targets, api} = standInOptions(import.meta.url);
for (const element of targets) {
	const root = element.matches('.ProseMirror') ? element : element.querySelector<HTMLElement>('.ProseMirror') ?? element;
	const editor = modelEditor(root, 'prosemirror', api || 'paste');
	root.addEventListener('paste', event => {
		const text = event.clipboardData?.getData('text/plain');
		if (!text) {
			return;
		}

		event.preventDefault();
		editor.insert('paste', text.split(/(?:\r\n?|\n)+/).map(line => line.trim()).filter(line => line !== ''));
	});
}
