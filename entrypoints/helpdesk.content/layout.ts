// Keeps the overlay out of the agent's way and in the helpdesk's colours, by looking at the page.

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
	return (0.2126 * r) + (0.7152 * g) + (0.0722 * b);
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

/**
 * How tall the panel may be so that it ends above any reply box it would otherwise cover
 * (editors sit below the thread; the panel hangs from the top right).
 */
export function panelMaxHeight(document_: Document, panel: {left: number; right: number; top: number}, viewportHeight: number): number {
	let limit = viewportHeight - 16;
	for (const editor of document_.querySelectorAll<HTMLElement>('[contenteditable="true"], textarea')) {
		const rect = editor.getBoundingClientRect();
		const overlaps = rect.width > 0 && rect.height > 30 && rect.left < panel.right && rect.right > panel.left && rect.top > panel.top;
		if (overlaps) {
			limit = Math.min(limit, rect.top - 8);
		}
	}

	return Math.max(180, Math.round(limit - panel.top));
}
