// What every real-editor page script shares: the element it mounts on (from its script's own URL) and
// a record the browser tests read: the editor's own text (from its model, not the DOM).
// Runs in the fixture page, bundled by test/e2e/real-editors.ts; never in Node.

export type EditorRecord = {editor: string; text(): string};

const registry = globalThis as unknown as {defuseEditors?: EditorRecord[]};

/** The selector this script was asked to mount on: `?target=` of its own address. */
export function targetOf(script: HTMLOrSVGScriptElement | null): string {
	const source = script instanceof HTMLScriptElement ? script.src : '';
	return new URL(source || location.href).searchParams.get('target') ?? '';
}

/** Records the editor and marks the page ready for the test. */
export function ready(record: EditorRecord): void {
	registry.defuseEditors = [...(registry.defuseEditors ?? []), record];
	document.documentElement.dataset['editorReady'] = record.editor;
}

/** Paragraph texts of HTML the editor produced, joined by blank lines. */
export function textOfHtml(html: string): string {
	const parsed = new DOMParser().parseFromString(html, 'text/html');
	const blocks = [...parsed.body.querySelectorAll('p, li, h1, h2, h3, div:not(:has(p))')];
	const texts = blocks.length > 0 ? blocks.map(block => block.textContent ?? '') : [parsed.body.textContent ?? ''];
	return texts
		.map(text => text.replaceAll('\u00A0', ' ').trim())
		.filter(Boolean)
		.join('\n\n');
}

export function mountPoint(selector: string): HTMLElement {
	const element = document.querySelector<HTMLElement>(selector);
	if (!element) {
		throw new Error(`real editor: nothing matches ${selector}`);
	}

	return element;
}
