// Shows the agent where a reason comes from: the exact phrase in the helpdesk's own thread, marked with
// the CSS Custom Highlight API, which paints a Range without touching the page's DOM. Where the API is
// missing, a box is drawn over the phrase from inside Defuse's own shadow root instead.
import type {Evidence, TicketSnapshot} from '../../core/model.ts';

const highlightName = 'defuse-evidence';

type TextIndex = {text: string; nodes: Text[]; offsets: number[]; positions: number[]};

/** The page's visible text, whitespace collapsed, with a way back from each character to its node. */
function indexText(root: Node, skip: Element | undefined): TextIndex {
	const walker = root.ownerDocument!.createTreeWalker(root, 4 /* SHOW_TEXT */, {
		acceptNode(node) {
			const parent = node.parentElement;
			if (!parent || (skip && skip.contains(parent)) || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA)$/.test(parent.tagName)) {
				return 2; // FILTER_REJECT
			}

			return 1; // FILTER_ACCEPT
		},
	});
	let text = '';
	const nodes: Text[] = [];
	const offsets: number[] = [];
	const positions: number[] = [];
	let lastWasSpace = true;
	for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
		const value = node.data;
		for (let index = 0; index < value.length; index++) {
			const isSpace = /\s/.test(value[index]!);
			if (isSpace && lastWasSpace) {
				continue;
			}

			text += isSpace ? ' ' : value[index]!.toLowerCase();
			nodes.push(node);
			offsets.push(index);
			positions.push(text.length - 1);
			lastWasSpace = isSpace;
		}

		// Block boundaries read as a space, so words from neighbouring paragraphs do not run together.
		if (!lastWasSpace) {
			text += ' ';
			nodes.push(node);
			offsets.push(value.length);
			positions.push(text.length - 1);
			lastWasSpace = true;
		}
	}

	return {text, nodes, offsets, positions};
}

const normalize = (value: string) => value.replaceAll(/\s+/g, ' ').trim().toLowerCase();

function occurrences(haystack: string, needle: string): number[] {
	const found: number[] = [];
	for (let at = haystack.indexOf(needle); at !== -1 && needle !== ''; at = haystack.indexOf(needle, at + 1)) {
		found.push(at);
	}

	return found;
}

/**
 * The DOM Range of an evidence span. The phrase is found by text; when it occurs more than once, the
 * occurrence is picked by how often it occurred in the messages before the evidence's message.
 */
export function findEvidenceRange(document_: Document, snapshot: TicketSnapshot, evidence: Evidence, skip?: Element): Range | undefined {
	const message = snapshot.messages[evidence.messageIndex];
	if (!message) {
		return undefined;
	}

	const phrase = normalize(message.text.slice(evidence.start, evidence.end));
	if (phrase === '') {
		return undefined;
	}

	const index = indexText(document_.body, skip);
	const hits = occurrences(index.text, phrase);
	if (hits.length === 0) {
		return undefined;
	}

	const before =
		snapshot.messages
			.slice(0, evidence.messageIndex)
			.reduce((count, earlier) => count + occurrences(normalize(earlier.text), phrase).length, 0) +
		occurrences(normalize(message.text.slice(0, evidence.start)), phrase).length;
	const start = hits[Math.min(before, hits.length - 1)]!;
	const end = start + phrase.length - 1;
	const range = document_.createRange();
	range.setStart(index.nodes[start]!, index.offsets[start]!);
	range.setEnd(index.nodes[end]!, Math.min(index.offsets[end]! + 1, index.nodes[end]!.length));
	return range;
}

type HighlightApi = {highlights: Map<string, unknown>};
type HighlightConstructor = new (...ranges: Range[]) => unknown;

let styled = false;

function addHighlightStyle(document_: Document): void {
	if (styled) {
		return;
	}

	styled = true;
	try {
		const sheet = new CSSStyleSheet();
		sheet.replaceSync(`::highlight(${highlightName}) { background-color: #ffd54f; color: #111; }`);
		document_.adoptedStyleSheets = [...document_.adoptedStyleSheets, sheet];
	} catch {
		styled = false; // Adopted sheets unavailable here: the box fallback still shows the phrase
	}
}

/** Marks the range and scrolls it into view. Returns how it was shown. */
export function showRange(document_: Document, range: Range, fallbackLayer: HTMLElement | undefined): 'highlight' | 'box' {
	const element = range.startContainer.parentElement;
	element?.scrollIntoView({block: 'center', behavior: 'smooth'});
	const css = (globalThis as unknown as {CSS?: Partial<HighlightApi>}).CSS;
	const Highlight = (globalThis as unknown as {Highlight?: HighlightConstructor}).Highlight;
	if (css?.highlights && Highlight) {
		addHighlightStyle(document_);
		if (styled) {
			css.highlights.set(highlightName, new Highlight(range));
			return 'highlight';
		}
	}

	if (fallbackLayer) {
		fallbackLayer.replaceChildren();
		for (const rect of range.getClientRects()) {
			const box = document_.createElement('div');
			box.className = 'evidence-box';
			Object.assign(box.style, {
				left: `${rect.left - 2}px`,
				top: `${rect.top - 2}px`,
				width: `${rect.width + 4}px`,
				height: `${rect.height + 4}px`,
			});
			fallbackLayer.append(box);
		}
	}

	return 'box';
}

export function clearHighlight(fallbackLayer: HTMLElement | undefined): void {
	(globalThis as unknown as {CSS?: Partial<HighlightApi>}).CSS?.highlights?.delete(highlightName);
	fallbackLayer?.replaceChildren();
}
