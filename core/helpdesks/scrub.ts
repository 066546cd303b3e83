// A helpdesk page as markup with the people taken out, for a bug report that can become a fixture: the
// structure (elements, classes, test ids, roles, ids, open shadow roots as declarative templates) stays;
// every text, form value and free-text attribute is replaced letter by letter, addresses and links are
// neutralised, and scripts, media and frames go. Reads only the document it is given; writes nothing.

export type ScrubOptions = {
	/** The page's address: kept as its path on a neutral host, without query or fragment. */
	url: URL;
	helpdesk: string;
	/** Parts the adapter could not find, for the header. */
	missing?: readonly string[] | undefined;
	/** When it was saved (a parameter: no clock in core). */
	savedAt: Date;
	/** Elements written at most (a huge page is cut off, and says so). @default 60_000 */
	maxElements?: number;
	/** How deep open shadow roots are followed. @default 6 */
	maxShadowDepth?: number;
};

const dropped = new Set([
	'script',
	'noscript',
	'link',
	'meta',
	'base',
	'img',
	'picture',
	'source',
	'video',
	'audio',
	'canvas',
	'object',
	'embed',
	'iframe',
	'frame',
	'frameset',
	'svg',
	'math',
	'template',
]);
const voidElements = new Set(['area', 'br', 'col', 'hr', 'input', 'track', 'wbr']);
// Attribute values that name structure, not people: kept as they are.
const structural = new Set([
	'class',
	'id',
	'role',
	'type',
	'name',
	'for',
	'dir',
	'lang',
	'hidden',
	'tabindex',
	'contenteditable',
	'draggable',
	'spellcheck',
	'datetime',
	'colspan',
	'rowspan',
	'scope',
	'method',
	'app-id',
	'mode',
	'slot',
	'part',
	'style',
	'aria-hidden',
	'aria-selected',
	'aria-expanded',
	'aria-current',
	'aria-checked',
	'aria-disabled',
	'aria-level',
	'aria-live',
	'disabled',
	'checked',
	'selected',
	'readonly',
	'multiple',
	'open',
]);
// UI words the adapters read as labels: kept wherever they appear as whole words.
const uiWords = new Set([
	'status',
	'priority',
	'group',
	'agent',
	'assignee',
	'type',
	'tags',
	'subject',
	'requester',
	'open',
	'pending',
	'resolved',
	'closed',
	'solved',
	'hold',
	'new',
	'low',
	'medium',
	'normal',
	'high',
	'urgent',
	'reply',
	'replied',
	'forward',
	'forwarded',
	'note',
	'private',
	'internal',
	'public',
	'added',
	'a',
	'to',
	'cc',
	'bcc',
	'from',
	'via',
	'email',
	'chat',
	'phone',
	'reported',
	'conversations',
	'conversation',
	'ticket',
	'tickets',
	'active',
	'assigned',
	'wrote',
	'on',
	'at',
	'and',
]);

const escapeText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replaceAll('"', '&quot;');

/** Letters become x/X and digits 0, word by word; UI words and whitespace stay. Addresses become one neutral address. */
export function scrubText(text: string): string {
	return text.replaceAll(/[^\s<>()[\]{},;:"'!?/|]+/g, word => {
		if (uiWords.has(word.toLowerCase()) || /^[#.\-–—·•*+=_%&$€£]+$/.test(word)) {
			return word;
		}

		if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(word)) {
			return 'person@example.invalid';
		}

		return word
			.replaceAll(/\p{Lu}/gu, 'X')
			.replaceAll(/\p{Ll}|\p{Lo}|\p{Lt}|\p{Lm}/gu, 'x')
			.replaceAll(/\p{Nd}/gu, '0');
	});
}

/** A link kept as its path shape on the same neutral host (ticket links show list structure); anything else neutralised. */
function scrubLink(value: string, base: URL): string {
	if (/^mailto:/i.test(value)) {
		return 'mailto:person@example.invalid';
	}

	try {
		const target = new URL(value, base);
		if (target.origin !== base.origin) {
			return 'https://example.invalid/';
		}

		// Ticket and conversation numbers are structure (lists are read through them); other ids (contacts) are not
		const path = target.pathname.replaceAll(/[^\w/.-]+/g, '-');
		return /\/(tickets?|conversations?|cases)\//i.test(path) ? path : path.replaceAll(/\d/g, '0');
	} catch {
		return '#';
	}
}

function scrubAttribute(name: string, value: string, base: URL): string | undefined {
	if (
		/^on/i.test(name) ||
		name === 'srcdoc' ||
		name === 'src' ||
		name === 'srcset' ||
		name === 'poster' ||
		name === 'action' ||
		name === 'formaction'
	) {
		return undefined; // Handlers and loads: never
	}

	if (structural.has(name)) {
		return name === 'style' ? value.replaceAll(/url\([^)]*\)/gi, 'none') : value;
	}

	if (name === 'href') {
		return scrubLink(value, base);
	}

	// data-*, aria-* and test ids holding identifiers (no spaces, no address) are structure; the rest is text
	if (
		/^(data-|aria-controls|aria-labelledby|aria-describedby|shadowroot)/.test(name) &&
		/^[\w:./#-]{0,80}$/.test(value) &&
		!value.includes('@')
	) {
		return value;
	}

	return scrubText(value);
}

type Walk = {out: string[]; elements: number; maxElements: number; maxShadowDepth: number; base: URL; truncated: boolean};

function writeNode(node: Node, walk: Walk, shadowDepth: number, inTitle: boolean): void {
	if (walk.truncated) {
		return;
	}

	if (node.nodeType === 3) {
		const text = node.nodeValue ?? '';
		// The title's ticket number is structure (adapters check it against the address)
		walk.out.push(
			escapeText(
				inTitle
					? text.replaceAll(
							/(#\d+)|([^#]+)/g,
							(_all, number: string | undefined, rest: string | undefined) => number ?? scrubText(rest ?? ''),
						)
					: scrubText(text),
			),
		);
		return;
	}

	if (node.nodeType !== 1) {
		return; // Comments and processing instructions can hold anything: left out
	}

	const element = node as Element;
	const tag = element.localName;
	if (dropped.has(tag)) {
		if (tag === 'iframe' || tag === 'img' || tag === 'svg') {
			walk.out.push(`<${tag}></${tag}>`); // Where it was is structure
		}

		return;
	}

	if (++walk.elements > walk.maxElements) {
		walk.truncated = true;
		return;
	}

	walk.out.push(`<${tag}`);
	for (const attribute of element.attributes) {
		const value = scrubAttribute(attribute.name.toLowerCase(), attribute.value, walk.base);
		if (value !== undefined && /^[\w:.-]+$/.test(attribute.name)) {
			walk.out.push(value === '' ? ` ${attribute.name}` : ` ${attribute.name}="${escapeAttribute(value)}"`);
		}
	}

	walk.out.push('>');
	if (voidElements.has(tag)) {
		return;
	}

	const shadow = element.shadowRoot;
	if (shadow && shadowDepth < walk.maxShadowDepth) {
		walk.out.push('<template shadowrootmode="open">');
		for (const child of shadow.childNodes) {
			writeNode(child, walk, shadowDepth + 1, false);
		}

		walk.out.push('</template>');
	}

	if (tag === 'style') {
		walk.out.push(escapeText((element.textContent ?? '').slice(0, 200_000)).replaceAll(/url\([^)]*\)/gi, 'none'));
	} else if (tag === 'textarea') {
		walk.out.push(escapeText(scrubText(element.textContent ?? '')));
	} else {
		for (const child of element.childNodes) {
			writeNode(child, walk, shadowDepth, inTitle || tag === 'title');
		}
	}

	walk.out.push(`</${tag}>`);
}

/** The neutral address a saved page stands for: the helpdesk's host shape without the company, the path, no query. */
export function neutralUrl(url: URL): string {
	const parts = url.hostname.split('.');
	const isAddress = /^[\d.]+$|^\[/.test(url.hostname) || !url.hostname.includes('.');
	const host = parts.length > 2 && !isAddress ? ['example', ...parts.slice(1)].join('.') : url.host;
	return `${url.protocol}//${host}${url.pathname.replaceAll(/[^\w/.-]+/g, '-')}${/^#(ticket|\/)/.test(url.hash) ? url.hash.replaceAll(/[^\w/#-]+/g, '-') : ''}`;
}

/** The page `document` shows, scrubbed, as a fixture-shaped HTML file (first line: the usual header comment). */
export function scrubbedPage(document: Document, options: ScrubOptions): string {
	const walk: Walk = {
		out: [],
		elements: 0,
		maxElements: options.maxElements ?? 60_000,
		maxShadowDepth: options.maxShadowDepth ?? 6,
		base: options.url,
		truncated: false,
	};
	if (document.documentElement) {
		writeNode(document.documentElement, walk, 0, false);
	}

	const missing = options.missing?.length ? ` · missing: ${options.missing.join(', ').replaceAll('--', '-')}` : '';
	const header = `<!-- url: ${neutralUrl(options.url)} · saved by Defuse for a bug report, ${options.savedAt.toISOString().slice(0, 10)} · adapter: ${options.helpdesk}${missing} · scrubbed: every text, form value and free-text attribute replaced letter by letter (x/X/0); addresses, links, scripts, media and frames neutralised or removed${walk.truncated ? ` · cut off after ${walk.maxElements} elements` : ''} -->`;
	return `${header}\n<!DOCTYPE html>\n${walk.out.join('')}\n`;
}
