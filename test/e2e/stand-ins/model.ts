// The common part of the editor stand-ins: a document of paragraphs that only the editor's API
// changes, rendered into the editable element. Like the model-driven editors they imitate (CKEditor 5,
// ProseMirror, Summernote, Redactor, Froala), a stand-in does not take edits made to its DOM from
// outside: a change that did not come through its API is undone from the model and counted.
// Runs in the fixture page (served as a module by test/e2e/fixture-server.ts), not in Node.

export type StandInRecord = {
	editor: string;
	api: string;
	/** API calls in order ('model.insertContent', '$R:insertion.insertText', ...). */
	calls: string[];
	/** DOM edits that did not come through the API and were undone. */
	ignoredEdits: number;
	getData(): string;
};

export type ModelEditor = {
	readonly record: StandInRecord;
	readonly element: HTMLElement;
	insert(call: string, paragraphs: readonly string[]): void;
	setParagraphs(call: string, paragraphs: readonly string[]): void;
	html(): string;
};

/** Every stand-in on the page, for the test to read: `globalThis.defuseStandIns`. */
const registry = globalThis as unknown as {defuseStandIns?: StandInRecord[]};

/** The elements a stand-in attaches to and the API generation to expose, from its module URL's query. */
export function standInOptions(moduleUrl: string): {targets: HTMLElement[]; api: string} {
	const query = new URL(moduleUrl).searchParams;
	const target = query.get('target') ?? '';
	return {targets: target ? [...document.querySelectorAll<HTMLElement>(target)] : [], api: query.get('api') ?? ''};
}

/** Plain text as paragraphs: blank lines separate paragraphs, single line breaks stay inside one. */
export function paragraphsFromText(text: string): string[] {
	return text
		.replaceAll('\r\n', '\n')
		.split(/\n{2,}/)
		.map(paragraph => paragraph.trim())
		.filter(paragraph => paragraph !== '');
}

/** The paragraphs of an HTML fragment, read as text (nothing of it is rendered as markup). */
export function paragraphsFromHtml(html: string): string[] {
	const parsed = new DOMParser().parseFromString(html, 'text/html');
	for (const lineBreak of parsed.querySelectorAll('br')) {
		lineBreak.replaceWith('\n');
	}

	const blocks = [...parsed.body.querySelectorAll('p, div, li')];
	const texts = blocks.length > 0 ? blocks.map(block => block.textContent ?? '') : [parsed.body.textContent ?? ''];
	return texts.map(text => text.trim()).filter(text => text !== '');
}

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function modelEditor(element: HTMLElement, editor: string, api: string, onChange?: (model: ModelEditor) => void): ModelEditor {
	const initial = (element.textContent ?? '').replaceAll('\u200B', '').trim();
	let paragraphs: string[] = initial === '' ? [] : [initial];
	const record: StandInRecord = {editor, api, calls: [], ignoredEdits: 0, getData: () => paragraphs.join('\n\n')};

	const render = () => {
		const nodes = (paragraphs.length > 0 ? paragraphs : ['']).map(paragraph => {
			const node = document.createElement('p');
			const lines = paragraph.split('\n');
			lines.forEach((line, index) => {
				if (index > 0) {
					node.append(document.createElement('br'));
				}

				node.append(line);
			});
			if (paragraph === '') {
				node.append(document.createElement('br'));
			}

			return node;
		});
		element.replaceChildren(...nodes);
		observer.takeRecords(); // Its own rendering is not an outside edit
		onChange?.(model);
	};

	const undoOutsideEdit = () => {
		record.ignoredEdits++;
		render();
	};

	const observer = new MutationObserver(undoOutsideEdit);
	const model: ModelEditor = {
		record,
		element,
		insert(call, added) {
			record.calls.push(call);
			paragraphs = [...paragraphs, ...added];
			render();
		},
		setParagraphs(call, next) {
			record.calls.push(call);
			paragraphs = [...next];
			render();
		},
		html: () =>
			paragraphs
				.map(
					paragraph =>
						`<p>${paragraph
							.split('\n')
							.map(line => escapeHtml(line))
							.join('<br>')}</p>`,
				)
				.join(''),
	};
	render();
	observer.observe(element, {childList: true, subtree: true, characterData: true});
	// Typing, execCommand and paste without a handler all end in an input event: the model wins.
	element.addEventListener('input', () => {
		observer.takeRecords();
		undoOutsideEdit();
	});
	registry.defuseStandIns = [...(registry.defuseStandIns ?? []), record];
	return model;
}
