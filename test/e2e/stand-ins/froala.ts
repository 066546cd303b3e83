// Froala (v3 and later) stand-in: the editor box carries `data-froala.editor` and the page lists the
// editor in `FroalaEditor.INSTANCES`, as Froala does; `editor.html.insert(html)` is the way in.
import {modelEditor, paragraphsFromHtml, standInOptions} from './model.ts';

type Instance = {el: HTMLElement; html: {insert(html: string, clean?: boolean): void; get(): string}; undo: {saveStep(): void}};

const page = globalThis as unknown as {FroalaEditor?: {INSTANCES: Instance[]}};
const {targets, api} = standInOptions(import.meta.url);
for (const element of targets) {
	const editor = modelEditor(element, 'froala', api || 'html');
	const instance: Instance = {
		el: element,
		html: {
			insert: html => editor.insert('html.insert', paragraphsFromHtml(html)),
			get: () => editor.html(),
		},
		undo: {saveStep: () => editor.record.calls.push('undo.saveStep')},
	};
	const box = element.closest('.fr-box') ?? element;
	Object.assign(box, {'data-froala.editor': instance});
	page.FroalaEditor ??= {INSTANCES: []};
	page.FroalaEditor.INSTANCES.push(instance);
}
