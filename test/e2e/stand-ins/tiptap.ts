// TipTap stand-in: the ProseMirror root carries `editor` (as TipTap sets it), and its document changes
// only through `editor.commands.insertContent()` (JSON nodes, or an HTML string parsed as markup).
import {modelEditor, paragraphsFromHtml, standInOptions} from './model.ts';

type JsonNode = {type?: string; text?: string; content?: JsonNode[]};

function textOf(node: JsonNode): string {
	if (node.type === 'text') {
		return node.text ?? '';
	}

	return node.type === 'hardBreak' ? '\n' : (node.content ?? []).map(child => textOf(child)).join('');
}

const {targets, api} = standInOptions(import.meta.url);
for (const element of targets) {
	const root = element.matches('.ProseMirror') ? element : element.querySelector<HTMLElement>('.ProseMirror') ?? element;
	const editor = modelEditor(root, 'tiptap', api || 'commands');
	const commands = {
		insertContent(content: string | JsonNode | JsonNode[]) {
			const paragraphs = typeof content === 'string'
				? paragraphsFromHtml(content)
				: (Array.isArray(content) ? content : [content]).map(node => textOf(node));
			editor.insert('commands.insertContent', paragraphs);
			return true;
		},
	};
	Object.assign(root, {editor: {commands, view: {dom: root}, getText: () => editor.record.getData(), getHTML: () => editor.html()}});
}
