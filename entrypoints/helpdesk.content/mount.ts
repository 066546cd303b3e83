// The overlay's own corner of the page: one custom element at the end of <body> with a shadow root
// that holds the overlay's stylesheet and the container Preact renders into. The page's styles do
// not reach inside, and with the root closed the page's scripts cannot either.
import {browser} from '#imports';
import type {PublicPath} from 'wxt/browser';

export type ShadowMount = {
	/** The element placed in the page (positioned and measured by the session). */
	readonly host: HTMLElement;
	/** Where the overlay renders; its siblings in the shadow root are free for other layers. */
	readonly container: HTMLElement;
	remove(): void;
};

export type ShadowMountOptions = {
	/** A custom element name (two words, kebab-case). */
	name: string;
	mode: ShadowRootMode;
	/** The stylesheet's text; read once per page. */
	css: string;
};

/**
 * The stylesheet built beside this content script: its entry's CSS, which WXT lists as web-accessible
 * with a dynamic URL, so the address must come from getURL with the file's own path.
 */
export async function entryStylesheet(entry: string): Promise<string> {
	try {
		// The generated path type lists the public folder's files only, not the built stylesheets.
		const response = await fetch(browser.runtime.getURL(`/content-scripts/${entry}.css` as PublicPath));
		return response.ok ? await response.text() : '';
	} catch {
		return ''; // The extension was reloaded under this page: unstyled beats absent
	}
}

// Inherited styles stop at the host; the sheet's :root rules apply to the host instead.
const reset = ':host{all:initial !important;}';

/** Creates the host, its shadow root and the container, and appends the host to the body. */
export function mountShadow(doc: Document, options: ShadowMountOptions): ShadowMount {
	const host = doc.createElement(options.name);
	const shadow = host.attachShadow({mode: options.mode});
	const style = doc.createElement('style');
	style.textContent = `${reset}\n${options.css.replaceAll(':root', ':host')}`;
	const container = doc.createElement('div');
	shadow.append(style, container);
	(doc.body ?? doc.documentElement).append(host);
	return {
		host,
		container,
		remove() {
			host.remove();
		},
	};
}
