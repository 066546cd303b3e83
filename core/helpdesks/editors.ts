// The reply editors that keep their text in a model of their own and ignore (or undo) DOM edits, so text
// reaches them only through their own API, called by the main-world bridge (entrypoints/editor-bridge.content).
// The one list of them: the bridge, its client in the content script, the custom adapter's `editorKind`,
// the options page and each helpdesk's descriptor (`editors`) read it.
export const bridgeEditors = ['ckeditor5', 'prosemirror', 'tiptap', 'summernote', 'redactor', 'froala', 'tinymce', 'quill'] as const;
export type BridgeEditor = (typeof bridgeEditors)[number];

export function isBridgeEditor(value: unknown): value is BridgeEditor {
	return (bridgeEditors as readonly unknown[]).includes(value);
}
