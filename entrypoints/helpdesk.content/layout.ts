// Keeps the overlay out of the agent's way and in the helpdesk's colours, by looking at the page.
// Wide windows: a panel docked left or right, moved and resized by the agent and remembered per
// helpdesk. Narrow windows (800 px and less): the panel takes the helpdesk's own sidebar column when
// there is one, so the thread and the reply box stay visible; otherwise a sheet along the edge away
// from the reply box.

/** Relative luminance (0 dark .. 1 light) of a CSS colour like `rgb(28, 33, 40)`; undefined when transparent. */
export function luminanceOf(color: string): number | undefined {
	const match = /rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?\)/.exec(color);
	if (!match || (match[4] !== undefined && Number(match[4]) < 0.5)) {
		return undefined;
	}

	const [r, g, b] = [match[1], match[2], match[3]].map(value => {
		const channel = Number(value) / 255;
		return channel <= 0.039_28 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The helpdesk's theme, from the first opaque background behind its content. */
export function pageTheme(document_: Document): 'light' | 'dark' | undefined {
	const view = document_.defaultView;
	for (const element of [document_.querySelector('main'), document_.body, document_.documentElement]) {
		const luminance = element && view ? luminanceOf(view.getComputedStyle(element).backgroundColor) : undefined;
		if (luminance !== undefined) {
			return luminance < 0.35 ? 'dark' : 'light';
		}
	}

	return undefined;
}

/** Where the agent put the panel, remembered per helpdesk. */
export type Dock = {side: 'left' | 'right'; top: number; width: number};

export const defaultDock: Dock = {side: 'right', top: 64, width: 340};
export const narrowWidth = 800;
const minWidth = 260;
const margin = 16;

/** A stored dock, checked: anything odd falls back to the default. */
export function validDock(value: unknown): Dock {
	const dock = value as Partial<Dock> | null;
	if (typeof dock !== 'object' || dock === null) {
		return defaultDock;
	}

	const side = dock.side === 'left' || dock.side === 'right' ? dock.side : defaultDock.side;
	const top =
		typeof dock.top === 'number' && Number.isFinite(dock.top) ? Math.max(0, Math.min(4000, Math.round(dock.top))) : defaultDock.top;
	const width =
		typeof dock.width === 'number' && Number.isFinite(dock.width)
			? Math.max(minWidth, Math.min(1200, Math.round(dock.width)))
			: defaultDock.width;
	return {side, top, width};
}

type Box = {left: number; top: number; width: number; height: number};

export type Placement =
	| {mode: 'docked'; side: 'left' | 'right'; top: number; width: number; maxHeight: number}
	| {mode: 'sidebar'; left: number; top: number; width: number; height: number}
	| {mode: 'sheet'; edge: 'top' | 'bottom'; height: number};

const rectOf = (element: Element): Box => {
	const rect = element.getBoundingClientRect();
	return {left: rect.left, top: rect.top, width: rect.width, height: rect.height};
};

const overlaps = (a: Box, b: Box) =>
	a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/** The page's reply boxes that are on screen and big enough to be one. */
export function replyBoxes(document_: Document, skip?: Element): Box[] {
	return [...document_.querySelectorAll<HTMLElement>('[contenteditable="true"], [contenteditable=""], textarea, iframe')]
		.filter(element => !skip?.contains(element))
		.map(element => rectOf(element))
		.filter(rect => rect.width > 120 && rect.height > 30);
}

/**
 * The helpdesk's own sidebar column (ticket properties, customer details): a tall, narrow block beside
 * the conversation that holds no reply box. The biggest one wins.
 */
export function findSidebar(document_: Document, viewport: {width: number; height: number}, skip?: Element): Box | undefined {
	const candidates = document_.querySelectorAll<HTMLElement>(
		'aside, [role="complementary"], [class*="sidebar" i], [class*="side-bar" i], [class*="sidepanel" i], [class*="side-panel" i], [class*="properties" i], [data-test-id*="sidebar" i]',
	);
	const editors = replyBoxes(document_, skip);
	let best: Box | undefined;
	for (const element of candidates) {
		if (skip?.contains(element) || element.querySelector('[contenteditable="true"], textarea')) {
			continue;
		}

		const rect = rectOf(element);
		const visibleHeight = Math.min(rect.top + rect.height, viewport.height) - Math.max(rect.top, 0);
		const fits = rect.width >= 180 && rect.width <= Math.min(480, viewport.width * 0.6) && visibleHeight >= viewport.height * 0.4;
		if (fits && !editors.some(editor => overlaps(editor, rect)) && (!best || rect.width * visibleHeight > best.width * best.height)) {
			best = {left: Math.max(0, rect.left), top: Math.max(0, rect.top), width: rect.width, height: visibleHeight};
		}
	}

	return best;
}

/**
 * How tall the panel may be so that it ends above any reply box it would otherwise cover
 * (editors sit below the thread; the panel hangs from its top).
 */
export function panelMaxHeight(document_: Document, panel: {left: number; right: number; top: number}, viewportHeight: number): number {
	let limit = viewportHeight - margin;
	// Framed editors (TinyMCE) are an iframe in the page.
	for (const editor of document_.querySelectorAll<HTMLElement>('[contenteditable="true"], textarea, iframe')) {
		const rect = editor.getBoundingClientRect();
		const covers = rect.width > 0 && rect.height > 30 && rect.left < panel.right && rect.right > panel.left && rect.top > panel.top;
		if (covers) {
			limit = Math.min(limit, rect.top - 8);
		}
	}

	return Math.max(180, Math.round(limit - panel.top));
}

/** Where the panel goes in this window. */
export function placePanel(document_: Document, viewport: {width: number; height: number}, dock: Dock, skip?: Element): Placement {
	if (viewport.width <= narrowWidth) {
		const sidebar = findSidebar(document_, viewport, skip);
		if (sidebar) {
			return {mode: 'sidebar', ...sidebar};
		}

		// No sidebar: a sheet along the edge away from the reply box.
		const editors = replyBoxes(document_, skip);
		const low = editors.some(editor => editor.top + editor.height / 2 > viewport.height / 2);
		return {mode: 'sheet', edge: low ? 'top' : 'bottom', height: Math.round(viewport.height * 0.42)};
	}

	const width = Math.max(minWidth, Math.min(dock.width, Math.round(viewport.width / 2)));
	const top = Math.max(8, Math.min(dock.top, viewport.height - 120));
	const left = dock.side === 'right' ? viewport.width - margin - width : margin;
	return {
		mode: 'docked',
		side: dock.side,
		top,
		width,
		maxHeight: panelMaxHeight(document_, {left, right: left + width, top: top + 40}, viewport.height) - 40,
	};
}

/** The dock after dragging the panel's header to (x, y): the nearer side, at that height. */
export function dockAt(dock: Dock, x: number, y: number, viewport: {width: number; height: number}): Dock {
	return validDock({
		side: x < viewport.width / 2 ? 'left' : 'right',
		top: Math.max(0, Math.min(y, viewport.height - 120)),
		width: dock.width,
	});
}
