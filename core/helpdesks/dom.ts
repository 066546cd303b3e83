// Defensive DOM helpers shared by adapters. Every function here reads only the node it is given and
// never throws: a hostile or half-rendered page yields undefined / [] instead of an exception.
import {blockText, isoOf, type Adapter, type ListRow} from './adapter.ts';
import {parseShownDate} from './dates.ts';

/** querySelector that returns null for an invalid selector or a detached root instead of throwing. */
export function queryOne(root: ParentNode | null | undefined, selector: string): Element | null {
	if (!root || !selector) {
		return null;
	}

	try {
		return root.querySelector(selector);
	} catch {
		return null;
	}
}

export function queryAll(root: ParentNode | null | undefined, selector: string): Element[] {
	if (!root || !selector) {
		return [];
	}

	try {
		return [...root.querySelectorAll(selector)];
	} catch {
		return [];
	}
}

/** How far {@link queryAllDeep} may go into open shadow roots, and how much of the page it may look at. */
export type ShadowLimits = {
	/** Shadow roots inside shadow roots, counted from the root given. @default 4 */
	maxDepth?: number;
	/** Shadow roots entered in all. @default 64 */
	maxRoots?: number;
	/** Elements looked at for shadow hosts, over every tree. @default 50_000 */
	maxElements?: number;
};

/** A walker over the elements of one tree (it does not enter shadow roots), made by the tree's own document. */
function elementWalker(scope: ParentNode): TreeWalker | undefined {
	try {
		const node = scope as Node;
		const document_ = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
		return document_?.createTreeWalker(node, 1); // 1 = NodeFilter.SHOW_ELEMENT
	} catch {
		return undefined;
	}
}

/**
 * The open shadow roots under `root` (and inside them, down to `maxDepth`), outermost first, in page
 * order. Closed roots cannot be seen and are not. Looking for hosts stops at the limits, so a huge or
 * hostile page costs a bounded amount; what lies past them is simply not read.
 */
export function openShadowRoots(root: ParentNode | null | undefined, limits: ShadowLimits = {}): ShadowRoot[] {
	const maxDepth = limits.maxDepth ?? 4;
	const maxRoots = limits.maxRoots ?? 64;
	let budget = limits.maxElements ?? 50_000;
	const found: ShadowRoot[] = [];
	let level: ParentNode[] = root ? [root] : [];
	const own = (root as Partial<Element> | null | undefined)?.shadowRoot;
	if (own) {
		found.push(own); // The root given is itself a host
		level.push(own);
	}

	for (let depth = 1; depth <= maxDepth && level.length > 0; depth++) {
		const next: ShadowRoot[] = [];
		for (const scope of level) {
			const walker = elementWalker(scope);
			for (let element = walker?.nextNode() as Element | null; element; element = walker?.nextNode() as Element | null) {
				if (--budget < 0 || found.length + next.length >= maxRoots) {
					return [...found, ...next];
				}

				const shadow = element.shadowRoot; // Null for closed roots and for elements without one
				if (shadow) {
					next.push(shadow);
				}
			}
		}

		found.push(...next);
		level = next;
	}

	return found;
}

/** Every match under `root` and inside its open shadow roots (bounded as {@link openShadowRoots}): the page's own tree first. */
export function queryAllDeep(root: ParentNode | null | undefined, selector: string, limits?: ShadowLimits): Element[] {
	return [root, ...openShadowRoots(root, limits)].flatMap(scope => queryAll(scope, selector));
}

/** The first match under `root`, else the first inside its open shadow roots (outermost first). */
export function queryOneDeep(root: ParentNode | null | undefined, selector: string, limits?: ShadowLimits): Element | null {
	const own = queryOne(root, selector);
	if (own || !root) {
		return own;
	}

	for (const shadow of openShadowRoots(root, limits)) {
		const found = queryOne(shadow, selector);
		if (found) {
			return found;
		}
	}

	return null;
}

/** Whitespace-collapsed text of a node; undefined when empty. */
export function textContentOf(node: Node | null | undefined): string | undefined {
	const text = node?.textContent?.replaceAll(/\s+/g, ' ').trim();
	return text ? text : undefined;
}

/** Text of the first match, whitespace-collapsed; undefined when missing, empty, or the selector is invalid. */
export function safeText(root: ParentNode | null | undefined, selector: string): string | undefined {
	return textContentOf(queryOne(root, selector));
}

export function attributeOf(node: Element | null | undefined, name: string): string | undefined {
	const value = node?.getAttribute(name)?.trim();
	return value ? value : undefined;
}

/** The label of a <select>'s chosen option, or the text of any other element. */
export function shownValue(node: Element | null | undefined): string | undefined {
	if (!node) {
		return undefined;
	}

	if (node.tagName === 'SELECT') {
		const option = queryOne(node, 'option[selected]') ?? queryOne(node, 'option');
		const select = node as HTMLSelectElement;
		const chosen = select.selectedIndex >= 0 ? select.options[select.selectedIndex] : undefined;
		return textContentOf(chosen ?? option);
	}

	if (node.tagName === 'INPUT' || node.tagName === 'TEXTAREA') {
		const value = (node as HTMLInputElement).value?.trim() || node.getAttribute('value')?.trim();
		return value ? value : undefined;
	}

	return textContentOf(node);
}

/** Distinct non-empty texts of every match, in page order. */
export function textsOf(root: ParentNode | null | undefined, selector: string): string[] {
	return distinctTexts(queryAll(root, selector));
}

/** Distinct non-empty texts of the nodes, in their order. */
export function distinctTexts(nodes: readonly Node[]): string[] {
	const seen = new Set<string>();
	for (const node of nodes) {
		const text = textContentOf(node);
		if (text) {
			seen.add(text);
		}
	}

	return [...seen];
}

/** The document language of the page `root` belongs to ('en', 'de-DE', ...), if the page declares one. */
export function pageLocale(root: ParentNode | null | undefined): string | undefined {
	const node = root as (Node & {documentElement?: Element}) | null | undefined;
	const html = node?.documentElement ?? node?.ownerDocument?.documentElement;
	return attributeOf(html, 'lang');
}

/**
 * Readable text of a message body without the parts the helpdesk marks as quoted history or
 * signature: nodes matching `drop` are removed, and everything after a node matching `cutAfter`
 * (a signature marker) is removed too. Works on a copy; the page is never touched.
 */
export function bodyText(body: Element | null | undefined, drop = '', cutAfter = ''): string {
	if (!body) {
		return '';
	}

	try {
		const copy = body.cloneNode(true) as Element;
		if (cutAfter) {
			const marker = queryOne(copy, cutAfter);
			if (marker) {
				cutFrom(marker, copy);
			}
		}

		for (const node of queryAll(copy, drop)) {
			node.remove();
		}

		return stripQuotedText(blockText(copy));
	} catch {
		return textContentOf(body) ?? '';
	}
}

function cutFrom(marker: Node, stop: Node): void {
	// The marker and everything after it, at every level up to `stop`; what comes before stays
	for (let node: Node | null = marker; node && node !== stop; node = node.parentNode) {
		while (node.nextSibling) {
			node.nextSibling.remove();
		}
	}

	marker.parentNode?.removeChild(marker);
}

// Reply headers mail clients put above quoted history, in the languages phrase packs cover.
const replyHeader = [
	/^on .{4,200} wrote:?$/i,
	/^am .{4,200} schrieb .{1,200}:?$/i,
	/^le .{4,200} a écrit ?:?$/i,
	/^el .{4,200} escribió:?$/i,
	/^em .{4,200} escreveu:?$/i,
	/^-{2,} ?(original message|ursprüngliche nachricht|message d'origine|mensaje original|mensagem original) ?-{2,}$/i,
	/^_{10,}$/,
	/^from: .{3,200}$/i, // Outlook's header block starts with From:
];

/** Drops quoted history ("On ... wrote:" and "> " lines) and a "-- " signature from plain text. */
export function stripQuotedText(text: string): string {
	const lines = text.split('\n');
	const kept: string[] = [];
	for (const line of lines) {
		const trimmed = line.trim();
		if (trimmed === '--' || line === '-- ') {
			break;
		}

		if (kept.length > 0 && replyHeader.some(pattern => pattern.test(trimmed))) {
			break;
		}

		if (trimmed.startsWith('>')) {
			continue;
		}

		kept.push(line);
	}

	const result = kept.join('\n').trim();
	return result === '' ? text.trim() : result;
}

/** The number in a `#123` / `Ticket #123` label. */
export function numberIn(text: string | undefined): string | undefined {
	return text ? /#\s*([\w-]+)/.exec(text)?.[1] : undefined;
}

/**
 * A selector that finds `element` again (for the main-world bridge): its id when it has a plain one,
 * otherwise `fallback`.
 */
export function selectorFor(element: Element, fallback: string): string {
	const id = element.getAttribute('id');
	if (id && /^[A-Za-z][\w-]*$/.test(id)) {
		return `#${id}`;
	}

	return id && !/["\\\n]/.test(id) ? `[id="${id}"]` : fallback;
}

/** `read()`, or `fallback` when it throws: adapters never throw into the page. */
export function guard<T>(read: () => T, fallback: T): T {
	try {
		return read();
	} catch {
		return fallback;
	}
}

/** The address of the live page `root` belongs to (insertReply is not given the URL); undefined when detached. */
export function pageUrl(root: ParentNode | null | undefined): URL | undefined {
	try {
		const node = root as (Node & {URL?: string}) | null | undefined;
		const address = node?.ownerDocument?.URL ?? node?.URL;
		return address ? new URL(address) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The first time under `root` that `selector` finds: a machine-readable `datetime` attribute, else a
 * full date shown in a `title` (parsed with the page's locale). Undefined when neither reads as a date.
 */
export function shownTime(root: ParentNode | null | undefined, selector: string, locale?: string): string | undefined {
	for (const node of queryAll(root, selector)) {
		const at = isoOf(attributeOf(node, 'datetime')) ?? parseShownDate(attributeOf(node, 'title'), {locale});
		if (at) {
			return at;
		}
	}

	return undefined;
}

/**
 * List rows found through their ticket links, for list pages whose row markup is not known: one row per
 * ticket id (`idOf(href)`), the row being the link's nearest row-like ancestor. Page order is kept.
 */
export function rowsFromLinks(
	root: ParentNode,
	linkSelector: string,
	idOf: (href: string) => string | undefined,
	read: (link: Element, row: Element | null) => Omit<ListRow, 'ticketId'>,
): ListRow[] {
	const rows = new Map<string, ListRow>();
	for (const link of queryAll(root, linkSelector)) {
		const ticketId = idOf(attributeOf(link, 'href') ?? '');
		if (ticketId && !rows.has(ticketId)) {
			const row = link.closest('tr, li, [role="row"], [role="listitem"]') ?? link.parentElement;
			rows.set(ticketId, {ticketId, ...read(link, row)});
		}
	}

	return [...rows.values()];
}

/**
 * Names of required selectors that match nothing under `root` or its open shadow roots: why a ticket page
 * could not be read. An invalid selector counts as missing.
 */
export function missingParts(adapter: Pick<Adapter, 'selectors' | 'required'>, root: ParentNode): string[] {
	return adapter.required.filter(name => {
		const selector = adapter.selectors[name];
		if (!selector) {
			return true;
		}

		try {
			root.querySelector(selector);
		} catch {
			return true;
		}

		return queryOneDeep(root, selector) === null;
	});
}
