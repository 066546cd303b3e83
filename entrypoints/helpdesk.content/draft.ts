// The agent's own draft, read from the helpdesk's reply box as they type, and rewritten in place when
// they apply a suggestion (typing through the editor, so its state and undo stack follow).

/** The reply box an input event came from, if it is an editable field of the page (not Defuse's own). */
export function editorOf(target: EventTarget | null, overlayHost: Element | undefined): HTMLElement | undefined {
	if (!(target instanceof HTMLElement) || (overlayHost && overlayHost.contains(target))) {
		return undefined;
	}

	if (target instanceof HTMLTextAreaElement) {
		return target;
	}

	const editable = target.closest<HTMLElement>('[contenteditable="true"], [contenteditable=""]');
	return editable ?? undefined;
}

export function draftText(editor: HTMLElement): string {
	return editor instanceof HTMLTextAreaElement ? editor.value : editor.innerText;
}

/** The replacement a rule suggests: its quoted wording, without the trailing ellipsis. */
export function rewordingOf(suggestion: string): string | undefined {
	const quoted = /"([^"]+)"/.exec(suggestion)?.[1];
	return quoted?.replace(/\s*(\.\.\.|…)\s*$/, '').trim() || undefined;
}

/** Replaces `phrase` (found near `start`) with `replacement`; false when the editor changed meanwhile. */
export function replaceInEditor(editor: HTMLElement, start: number, phrase: string, replacement: string): boolean {
	if (editor instanceof HTMLTextAreaElement) {
		const at = editor.value.toLowerCase().indexOf(phrase.toLowerCase(), Math.max(0, start - 20));
		if (at === -1) {
			return false;
		}

		editor.focus();
		editor.setRangeText(replacement, at, at + phrase.length, 'end');
		editor.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertReplacementText', data: replacement}));
		return true;
	}

	const walker = editor.ownerDocument.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
	const nodes: Text[] = [];
	let text = '';
	for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
		nodes.push(node);
		text += node.data;
	}

	const at = text.toLowerCase().indexOf(phrase.toLowerCase());
	if (at === -1) {
		return false;
	}

	const locate = (offset: number): [Text, number] | undefined => {
		let seen = 0;
		for (const node of nodes) {
			if (offset <= seen + node.data.length) {
				return [node, offset - seen];
			}

			seen += node.data.length;
		}

		return undefined;
	};

	const from = locate(at);
	const to = locate(at + phrase.length);
	const selection = editor.ownerDocument.getSelection();
	if (!from || !to || !selection) {
		return false;
	}

	editor.focus();
	const range = editor.ownerDocument.createRange();
	range.setStart(from[0], from[1]);
	range.setEnd(to[0], to[1]);
	selection.removeAllRanges();
	selection.addRange(range);
	return editor.ownerDocument.execCommand('insertText', false, replacement);
}
