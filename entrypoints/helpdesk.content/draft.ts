// The agent's own draft: read from the helpdesk's reply box as they type, marked where the draft check
// found something (in Defuse's own layer: the CSS Custom Highlight API for rich editors, positioned
// boxes for plain text fields; the page's DOM and the editor's content are never touched), and
// rewritten in place when they apply a fix, by typing through the editor so its state and undo follow.
import type {DraftFix, DraftIssue} from '../../core/signals/draft.ts';

/** The reply box an input event came from, if it is an editable field of the page (not Defuse's own). */
export function editorOf(target: EventTarget | null, overlayHost: Element | undefined): HTMLElement | undefined {
	const element = target as HTMLElement | null;
	if (!element || typeof element.closest !== 'function' || (overlayHost && overlayHost.contains(element))) {
		return undefined;
	}

	if (element.tagName === 'TEXTAREA') {
		return element;
	}

	const editable = element.closest<HTMLElement>('[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]');
	return editable ?? (element.isContentEditable && element.ownerDocument.body === element ? element : undefined);
}

const isTextField = (editor: HTMLElement): editor is HTMLTextAreaElement => editor.tagName === 'TEXTAREA';

/** A selector that finds `element` again from the page's other world (for the editor bridge). */
export function pathTo(element: Element): string {
	const steps: string[] = [];
	for (let node: Element | null = element; node && node.tagName !== 'HTML'; node = node.parentElement) {
		const {tagName} = node;
		const index = node.parentElement
			? [...node.parentElement.children].filter(sibling => sibling.tagName === tagName).indexOf(node) + 1
			: 1;
		steps.unshift(`${tagName.toLowerCase()}:nth-of-type(${index})`);
	}

	return `html > ${steps.join(' > ')}`;
}

/** The draft's text, and for rich editors where each character sits in the DOM. */
export type DraftText = {text: string; points?: Array<[Node, number]>};

const blockTags = /^(?:P|DIV|LI|UL|OL|BLOCKQUOTE|H[1-6]|PRE|TR|TABLE|SECTION|ARTICLE|HEADER|FOOTER)$/;

/** Reads the reply box: a text field's value, or an editable's text with line breaks between blocks. */
export function readDraft(editor: HTMLElement): DraftText {
	if (isTextField(editor)) {
		return {text: editor.value};
	}

	let text = '';
	const points: Array<[Node, number]> = [];
	const newline = (node: Node, offset: number) => {
		if (text !== '' && !text.endsWith('\n')) {
			text += '\n';
			points.push([node, offset]);
		}
	};

	const walk = (node: Node): void => {
		for (const child of node.childNodes) {
			if (child.nodeType === 3) {
				const value = (child as Text).data;
				for (let index = 0; index < value.length; index++) {
					const char = value[index]!;
					text += char === '\u00A0' ? ' ' : char;
					points.push([child, index]);
				}
			} else if (child.nodeType === 1) {
				const element = child as Element;
				if (/^(?:SCRIPT|STYLE|TEMPLATE)$/.test(element.tagName)) {
					continue;
				}

				if (element.tagName === 'BR') {
					text += '\n';
					points.push([node, [...node.childNodes].indexOf(child)]);
					continue;
				}

				const block = blockTags.test(element.tagName);
				if (block) {
					newline(element, 0);
				}

				walk(element);
				if (block) {
					newline(element, element.childNodes.length);
				}
			}
		}
	};

	walk(editor);
	return {text, points};
}

/** The DOM range of [start, end) of a rich editor's draft. */
export function rangeIn(document_: Document, draft: DraftText, start: number, end: number): Range | undefined {
	const points = draft.points;
	if (!points || start < 0 || end > points.length || start >= end) {
		return undefined;
	}

	const [startNode, startOffset] = points[start]!;
	const [lastNode, lastOffset] = points[end - 1]!;
	const range = document_.createRange();
	range.setStart(startNode, startOffset);
	if (lastNode.nodeType === 3) {
		range.setEnd(lastNode, lastOffset + 1);
	} else {
		range.setEnd(lastNode, lastOffset);
	}

	return range;
}

/**
 * Applies a draft-check fix in the reply box. The text at the fix's place must still be what was
 * checked; then it is selected and typed over (undoable in the editor). False when the draft changed.
 * Editors that keep their own model (CKEditor 5) take the new selection from the selectionchange event,
 * which comes after a task: the typing waits for it.
 */
export async function applyFixInEditor(editor: HTMLElement, checked: string, fix: DraftFix): Promise<boolean> {
	const now = readDraft(editor);
	if (
		now.text.slice(fix.start, fix.end) !== checked.slice(fix.start, fix.end) ||
		now.text.slice(0, fix.start) !== checked.slice(0, fix.start)
	) {
		return false;
	}

	const document_ = editor.ownerDocument;
	const canType = typeof document_.execCommand === 'function';
	if (isTextField(editor)) {
		editor.focus();
		editor.setSelectionRange(fix.start, fix.end);
		const typed = canType && (fix.text === '' ? document_.execCommand('delete') : document_.execCommand('insertText', false, fix.text));
		if (!typed) {
			editor.setRangeText(fix.text, fix.start, fix.end, 'end');
			editor.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertReplacementText', data: fix.text}));
		}

		return true;
	}

	const range = rangeIn(document_, now, fix.start, fix.end);
	const selection = document_.getSelection();
	if (!range || !selection) {
		return false;
	}

	editor.focus();
	selection.removeAllRanges();
	selection.addRange(range);
	await new Promise(resolve => {
		setTimeout(resolve, 0);
	});
	if (selection.rangeCount === 0 || selection.getRangeAt(0).toString() !== range.toString()) {
		selection.removeAllRanges();
		selection.addRange(range);
	}

	return canType && (fix.text === '' ? document_.execCommand('delete') : document_.execCommand('insertText', false, fix.text));
}

type HighlightRegistry = {highlights: Map<string, unknown>};
type HighlightConstructor = new (...ranges: Range[]) => unknown;

const draftHighlight = 'defuse-draft';
const styledDocuments = new WeakSet<Document>();

function highlightApi(document_: Document): {registry: Map<string, unknown>; Highlight: HighlightConstructor} | undefined {
	const view = document_.defaultView as (Window & {CSS?: Partial<HighlightRegistry>; Highlight?: HighlightConstructor}) | null;
	const registry = view?.CSS?.highlights;
	const Highlight = view?.Highlight;
	if (!registry || !Highlight) {
		return undefined;
	}

	if (!styledDocuments.has(document_)) {
		try {
			const sheet = new (view as Window & typeof globalThis).CSSStyleSheet();
			sheet.replaceSync(
				`::highlight(${draftHighlight}) { text-decoration: underline wavy #c2410c 2px; text-decoration-skip-ink: none; background-color: rgb(255 176 0 / 0.22); }`,
			);
			document_.adoptedStyleSheets = [...document_.adoptedStyleSheets, sheet];
			styledDocuments.add(document_);
		} catch {
			return undefined; // No adopted sheets here: the boxes are drawn instead
		}
	}

	return {registry, Highlight};
}

/** A box to draw over the page, in viewport coordinates. */
export type MarkBox = {left: number; top: number; width: number; height: number; ruleId: string};

/** Mirrors a text field's layout in `scratch` (an element in Defuse's own layer) to find where its characters are. */
function textFieldBoxes(field: HTMLTextAreaElement, issues: readonly DraftIssue[], scratch: HTMLElement): MarkBox[] {
	const view = field.ownerDocument.defaultView;
	if (!view) {
		return [];
	}

	const style = view.getComputedStyle(field);
	const rect = field.getBoundingClientRect();
	const mirror = scratch.ownerDocument.createElement('div');
	for (const property of [
		'font',
		'letterSpacing',
		'wordSpacing',
		'lineHeight',
		'textTransform',
		'textIndent',
		'paddingTop',
		'paddingRight',
		'paddingBottom',
		'paddingLeft',
		'borderTopWidth',
		'borderRightWidth',
		'borderBottomWidth',
		'borderLeftWidth',
		'boxSizing',
		'tabSize',
	] as const) {
		mirror.style[property] = style[property];
	}

	Object.assign(mirror.style, {
		position: 'fixed',
		left: `${rect.left}px`,
		top: `${rect.top}px`,
		width: `${rect.width}px`,
		height: `${rect.height}px`,
		visibility: 'hidden',
		overflow: 'hidden',
		whiteSpace: 'pre-wrap',
		overflowWrap: 'break-word',
		borderStyle: 'solid',
		borderColor: 'transparent',
	});
	const text = field.value;
	let at = 0;
	const spans: Array<[HTMLElement, string]> = [];
	for (const issue of [...issues].sort((a, b) => a.start - b.start)) {
		mirror.append(text.slice(at, issue.start));
		const span = scratch.ownerDocument.createElement('span');
		span.textContent = text.slice(issue.start, issue.end);
		mirror.append(span);
		spans.push([span, issue.ruleId]);
		at = issue.end;
	}

	mirror.append(`${text.slice(at)}\n`);
	scratch.replaceChildren(mirror);
	mirror.scrollTop = field.scrollTop;
	mirror.scrollLeft = field.scrollLeft;
	const boxes: MarkBox[] = [];
	for (const [span, ruleId] of spans) {
		for (const part of span.getClientRects()) {
			// Only what is visible inside the field.
			if (part.bottom > rect.top && part.top < rect.bottom && part.right > rect.left && part.left < rect.right) {
				boxes.push({left: part.left, top: part.top, width: part.width, height: part.height, ruleId});
			}
		}
	}

	scratch.replaceChildren();
	return boxes;
}

/**
 * Marks the issues in the reply box. Rich editors get a highlight (painted by the browser, nothing added
 * to the page); text fields, whose inner text has no DOM ranges, get boxes to draw in Defuse's layer.
 */
export function markDraft(
	editor: HTMLElement,
	draft: DraftText,
	issues: readonly DraftIssue[],
	scratch: HTMLElement | undefined,
): {marked: 'highlight' | 'boxes' | 'none'; boxes: MarkBox[]} {
	const document_ = editor.ownerDocument;
	const api = highlightApi(document_);
	if (!isTextField(editor)) {
		const ranges = issues.flatMap(issue => rangeIn(document_, draft, issue.start, issue.end) ?? []);
		if (api) {
			if (ranges.length > 0) {
				api.registry.set(draftHighlight, new api.Highlight(...ranges));
			} else {
				api.registry.delete(draftHighlight);
			}

			return {marked: ranges.length > 0 ? 'highlight' : 'none', boxes: []};
		}

		const boxes = ranges.flatMap((range, index) =>
			[...range.getClientRects()].map(rect => ({
				left: rect.left,
				top: rect.top,
				width: rect.width,
				height: rect.height,
				ruleId: issues[index]?.ruleId ?? '',
			})),
		);
		return {marked: boxes.length > 0 ? 'boxes' : 'none', boxes};
	}

	const boxes = scratch && issues.length > 0 ? textFieldBoxes(editor, issues, scratch) : [];
	return {marked: boxes.length > 0 ? 'boxes' : 'none', boxes};
}

export function clearDraftMarks(document_: Document): void {
	const view = document_.defaultView as (Window & {CSS?: Partial<HighlightRegistry>}) | null;
	view?.CSS?.highlights?.delete(draftHighlight);
}
