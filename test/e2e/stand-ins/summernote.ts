// Summernote stand-in, initialised on its source textarea (FreeScout: textarea#body) as Summernote is:
// `$(textarea).summernote('insertText' | 'pasteHTML' | 'code', ...)`. The editable `.note-editable`
// beside the textarea shows the model, and the textarea is kept in sync with it as Summernote does.
import {jQuery, type Collection} from './jquery.ts';
import {modelEditor, paragraphsFromHtml, paragraphsFromText, standInOptions, type ModelEditor} from './model.ts';

const {targets, api} = standInOptions(import.meta.url);
for (const source of targets) {
	const editable = source.parentElement?.querySelector<HTMLElement>('.note-editable');
	if (!editable) {
		continue;
	}

	const sync = (model: ModelEditor) => {
		(source as HTMLTextAreaElement).value = model.html();
	};

	jQuery.data(source, 'summernote', modelEditor(editable, 'summernote', api || 'jquery', sync));
}

jQuery.fn['summernote'] = function (this: Collection, method: unknown, value: unknown) {
	let result: unknown;
	for (const element of this.elements) {
		const editor = jQuery.data(element, 'summernote') as ModelEditor | undefined;
		if (!editor) {
			jQuery.error('summernote stand-in: not initialised on this element');
		}

		if (method === 'insertText') {
			editor.insert('summernote:insertText', paragraphsFromText(String(value)));
		} else if (method === 'pasteHTML') {
			editor.insert('summernote:pasteHTML', paragraphsFromHtml(String(value)));
		} else if (method === 'code') {
			result = editor.html();
		} else {
			jQuery.error(`summernote stand-in: no method ${String(method)}`);
		}
	}

	return result ?? this;
};
