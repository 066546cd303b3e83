// CKEditor 5 stand-in: the editable carries `ckeditorInstance` (as CKEditor 5 sets it on its editing
// root), whose model changes only through `model.change(writer => ...)` and `model.insertContent()`.
// The writer works only inside a change block, as CKEditor's does.
import {modelEditor, standInOptions} from './model.ts';

type ModelNode = {name: string; text: string; children: ModelNode[]};

const {targets, api} = standInOptions(import.meta.url);
for (const element of targets) {
	const editor = modelEditor(element, 'ckeditor5', api || 'model');
	let changing = false;
	const inChange = <T>(make: () => T): T => {
		if (!changing) {
			throw new Error('ckeditor5 stand-in: the writer is only valid inside model.change()');
		}

		return make();
	};

	const writer = {
		createDocumentFragment: () => inChange((): ModelNode => ({name: '$documentFragment', text: '', children: []})),
		createElement: (name: string) => inChange((): ModelNode => ({name, text: '', children: []})),
		insertText: (text: string, parent: ModelNode) =>
			inChange(() => {
				parent.text += text;
			}),
		append: (node: ModelNode, parent: ModelNode) =>
			inChange(() => {
				parent.children.push(node);
			}),
	};
	const model = {
		change(callback: (modelWriter: typeof writer) => void) {
			editor.record.calls.push('model.change');
			changing = true;
			try {
				callback(writer);
			} finally {
				changing = false;
			}
		},
		insertContent(content: ModelNode) {
			const nodes = content.name === '$documentFragment' ? content.children : [content];
			editor.insert(
				'model.insertContent',
				nodes.filter(node => node.name === 'paragraph').map(node => node.text),
			);
		},
	};
	Object.assign(element, {ckeditorInstance: {model, editing: {view: {focus: () => element.focus()}}, getData: () => editor.html()}});
}
