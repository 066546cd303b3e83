// Firefox end to end: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, with the
// Firefox demo build (.output-demo/firefox-mv2) installed as a temporary add-on.
//
// What BiDi gives and does not give (paid for once, kept here):
// - Extension pages open at moz-extension://<uuid>/..., the uuid pinned by a pref; that navigation
//   needs --remote-allow-system-access and never reports finished, so it is started with a short
//   timeout and then `location.href` is polled.
// - There is no handle on the background page: tests use an extension page (same `browser.*`, same
//   IndexedDB) instead.
// - Under tsx, functions passed to `page.evaluate` that define inner functions fail in the page
//   ("__name is not defined"), so page code is passed as source text.
// - Every request Firefox makes to a host other than loopback goes through a recording proxy that
//   refuses it, so "nothing left 127.0.0.1" is measured, not assumed.
import {existsSync, mkdirSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer, {type Browser, type ElementHandle, type Page} from 'puppeteer-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const firefoxExtensionPath = process.env['DEFUSE_FIREFOX_EXTENSION_PATH'] ?? join(root, '.output-demo/firefox-mv2');
export const artifactsDir = join(root, 'test/artifacts');
/** The add-on id of the Firefox build (wxt.config.ts, browser_specific_settings.gecko.id). */
export const addonId = 'defuse@defuse.invalid';
/** The moz-extension:// host the tests pin, so extension pages have a known address. */
export const addonUuid = '3a1f7c52-6d0e-4b8a-9c21-5e4f0d7b8a16';

export function firefoxPath(): string {
	const candidates = [process.env['FIREFOX_PATH'], '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
	const found = candidates.find(path => existsSync(path));
	if (!found) {
		throw new Error('Firefox not found: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH');
	}

	return found;
}

/** A proxy that records every request sent to it and answers none: Firefox sends it all non-loopback traffic. */
async function startRecordingProxy(): Promise<{server: Server; port: number; seen: string[]}> {
	const seen: string[] = [];
	const server = createServer((request, response) => {
		seen.push(request.url ?? '');
		response.writeHead(403, {'content-type': 'text/plain'});
		response.end('Refused by the test proxy: nothing may leave the machine.');
	});
	server.on('connect', (request, socket) => {
		seen.push(`https://${request.url ?? ''}`);
		socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
	});
	await new Promise<void>((done, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => done());
	});
	const address = server.address();
	return {server, port: typeof address === 'object' && address ? address.port : 0, seen};
}

export type Firefox = {
	browser: Browser;
	/** Requests that reached the recording proxy: anything addressed beyond loopback. */
	external: string[];
	extensionUrl(path: string): string;
	openExtensionPage(path: string): Promise<Page>;
	close(): Promise<void>;
};

export async function launchFirefox(options: {prefs?: Record<string, unknown>; closedShadowRoot?: boolean} = {}): Promise<Firefox> {
	if (!existsSync(join(firefoxExtensionPath, 'manifest.json'))) {
		throw new Error(`No Firefox build at ${firefoxExtensionPath}: run DEFUSE_DEMO=1 npx wxt build -b firefox`);
	}

	const proxy = await startRecordingProxy();
	const browser = await puppeteer.launch({
		browser: 'firefox',
		protocol: 'webDriverBiDi',
		executablePath: firefoxPath(),
		headless: true,
		args: ['--remote-allow-system-access'],
		// Remote settings honour a local server only with this variable set; without it Firefox calls home.
		env: {...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1'},
		extraPrefsFirefox: {
			'extensions.webextensions.uuids': JSON.stringify({[addonId]: addonUuid}),
			// Optional host permissions are granted without the prompt a headless browser cannot show.
			'extensions.webextOptionalPermissionPrompts': false,
			'network.proxy.type': 1,
			'network.proxy.http': '127.0.0.1',
			'network.proxy.http_port': proxy.port,
			'network.proxy.ssl': '127.0.0.1',
			'network.proxy.ssl_port': proxy.port,
			'network.proxy.no_proxies_on': 'localhost, 127.0.0.1, 127.0.0.2',
			'services.settings.server': 'http://127.0.0.1:9/v1',
			...options.prefs,
		},
	});
	const installed = await browser.installExtension(firefoxExtensionPath);
	if (installed !== addonId) {
		throw new Error(`installed add-on ${installed}, expected ${addonId}`);
	}

	const extensionUrl = (path: string) => `moz-extension://${addonUuid}/${path.replace(/^\//, '')}`;
	const firefox: Firefox = {
		browser,
		external: proxy.seen,
		extensionUrl,
		async openExtensionPage(path) {
			const page = await browser.newPage();
			const url = extensionUrl(path);
			// The navigation itself never reports finished: start it, then wait for the page to be there.
			page.goto(url, {timeout: 2000}).catch(() => undefined);
			await waitFor(page, `location.href.startsWith(${JSON.stringify(url.split('?')[0])}) && document.readyState === 'complete'`, 15_000);
			return page;
		},
		async close() {
			await browser.close();
			await new Promise(done => proxy.server.close(done));
		},
	};
	// The overlay's shadow root is closed; the demo build opens it when this key is set, so tests can
	// reach into it (test/e2e/harness.ts does the same for Chromium).
	if (!options.closedShadowRoot) {
		const page = await firefox.openExtensionPage('dashboard.html');
		await page.evaluate(`browser.storage.local.set({'defuse:test-hooks': {openShadowRoot: true}})`);
		await page.close();
	}

	return firefox;
}

/** Polls `expression` (page source text) until it is truthy; returns its value (true for a DOM node, which does not cross over). */
export async function waitFor<T = unknown>(page: Page, expression: string, timeout = 10_000): Promise<T> {
	const started = Date.now();
	let last: unknown;
	for (;;) {
		try {
			last = await page.evaluate(`(value => value instanceof Node ? true : value)(${expression})`);
		} catch (error) {
			// The page may be between documents.
			last = error;
		}

		if (last && !(last instanceof Error)) {
			return last as T;
		}

		if (Date.now() - started > timeout) {
			throw new Error(`timed out after ${timeout} ms waiting for ${expression} (last: ${String(last)})`);
		}

		await new Promise(done => setTimeout(done, 100));
	}
}

/** Source text that finds an element inside the overlay's shadow root. */
export const inOverlay = (selector: string) =>
	`document.querySelector('defuse-overlay')?.shadowRoot?.querySelector(${JSON.stringify(selector)})`;

/** The text of an element in the overlay, or null. */
export async function overlayText(page: Page, selector: string): Promise<string | null> {
	return page.evaluate(`${inOverlay(selector)}?.textContent ?? null`) as Promise<string | null>;
}

/** A handle on an element in the overlay, for real (trusted) clicks and typing. */
export async function overlayElement(page: Page, selector: string): Promise<ElementHandle<Element>> {
	await waitFor(page, inOverlay(selector));
	const handle = await page.$(`defuse-overlay >>> ${selector}`);
	if (!handle) {
		throw new Error(`no ${selector} in the overlay`);
	}

	return handle;
}

/** The form control labelled `label` (exact text) on an extension page. */
export async function byLabel(page: Page, label: string, within = 'document'): Promise<ElementHandle<Element>> {
	const find = `[...(${within}).querySelectorAll('label')].find(node => node.textContent.trim() === ${JSON.stringify(label)})?.control`;
	await waitFor(page, find);
	const handle = await page.evaluateHandle(find);
	const element = handle.asElement();
	if (!element) {
		throw new Error(`no control labelled ${label}`);
	}

	return element as ElementHandle<Element>;
}

/** Replaces a text field's value by typing, as a person would (the page sees trusted input events). */
export async function retype(field: ElementHandle<Element>, text: string): Promise<void> {
	await field.click({count: 3});
	await field.evaluate(node => {
		(node as HTMLInputElement).select();
	});
	await field.type(text);
}

/** The button whose accessible text is `name`. */
export async function button(page: Page, name: string): Promise<ElementHandle<Element>> {
	const find = `[...document.querySelectorAll('button')].find(node => (node.getAttribute('aria-label') ?? node.textContent).trim() === ${JSON.stringify(name)})`;
	await waitFor(page, find);
	return (await page.evaluateHandle(find)).asElement() as ElementHandle<Element>;
}

export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync(artifactsDir, {recursive: true});
	const path = join(artifactsDir, `firefox-${name}.png`);
	await page.screenshot({path});
	return path;
}

/** Counts of the extension's IndexedDB stores, read from an extension page. */
export const storeCountsSource = `(async () => {
	const open = indexedDB.open('defuse');
	const db = await new Promise((done, fail) => { open.onsuccess = () => done(open.result); open.onerror = () => fail(open.error); });
	const result = {};
	for (const name of ['tickets', 'messages', 'observations', 'events']) {
		result[name] = await new Promise(done => { const request = db.transaction(name).objectStore(name).count(); request.onsuccess = () => done(request.result); });
	}
	db.close();
	return result;
})()`;
