// Quill from npm, bundled as a helpdesk would bundle it (no global `Quill`), in place of the reply box.
import Quill from 'quill';
import {mountPoint, ready, targetOf} from './page.ts';

const old = mountPoint(targetOf(document.currentScript));
const box = document.createElement('div');
box.className = 'quill-reply';
old.replaceWith(box);
const quill = new Quill(box, {theme: 'snow'});
ready({
	editor: 'quill',
	text: () =>
		quill
			.getText()
			.replaceAll(/\n{3,}/g, '\n\n')
			.trim(),
});
