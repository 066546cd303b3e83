import {existsSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium, type BrowserContext, type Page, type Worker} from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// DEFUSE_EXTENSION_PATH lets an engineer test a private build while another build is in use.
export const extensionPath = process.env['DEFUSE_EXTENSION_PATH'] ?? join(root, '.output-demo/chrome-mv3');
export const artifactsDir = join(root, 'test/artifacts');

export function chromiumPath(): string {
	const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
	const found = candidates.find(path => existsSync(path));
	if (!found) {
		throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
	}

	return found;
}

export type Browser = {
	context: BrowserContext;
	extensionId: string;
	worker: Worker;
	/** Every URL the browser requested during the run, from pages and from the extension. */
	requests: string[];
	close(): Promise<void>;
};

/** Chromium with the built extension loaded, in a fresh profile (or a given one, to reopen it). */
/**
 * The overlay's shadow root is closed. The demo build opens it when this key is set in the extension's
 * storage, so tests can read and click inside it (the shipped build ignores the key).
 */
export const testHooksKey = 'defuse:test-hooks';

export async function launchBrowser(
	options: {
		userDataDir?: string;
		colorScheme?: 'light' | 'dark';
		viewport?: {width: number; height: number};
		closedShadowRoot?: boolean;
		extension?: string;
	} = {},
): Promise<Browser> {
	const extension = options.extension ?? extensionPath;
	if (!existsSync(join(extension, 'manifest.json'))) {
		throw new Error(`No built extension at ${extension}: run npm run build:demo`);
	}

	const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'defuse-e2e-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: chromiumPath(),
		headless: true,
		colorScheme: options.colorScheme ?? 'light',
		viewport: options.viewport ?? {width: 1280, height: 860},
		args: [
			`--disable-extensions-except=${extension}`,
			`--load-extension=${extension}`,
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-default-apps',
		],
	});
	const requests: string[] = [];
	context.on('request', request => requests.push(request.url()));
	const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', {timeout: 20_000}));
	const extensionId = new URL(worker.url()).host;
	await worker.evaluate(
		async ([key, open]) => {
			const {chrome} = globalThis as unknown as {
				chrome: {storage: {local: {set(items: object): Promise<void>; remove(key: string): Promise<void>}}};
			};
			await (open ? chrome.storage.local.set({[key]: {openShadowRoot: true}}) : chrome.storage.local.remove(key));
		},
		[testHooksKey, !options.closedShadowRoot] as const,
	);
	return {
		context,
		extensionId,
		worker,
		requests,
		async close() {
			await context.close();
			if (!options.userDataDir) {
				rmSync(userDataDir, {recursive: true, force: true});
			}
		},
	};
}

/** Requests that left the machine: anything but loopback, the extension itself, and in-page data. */
export function externalRequests(requests: string[]): string[] {
	return requests.filter(url => {
		const parsed = new URL(url);
		if (['chrome-extension:', 'data:', 'blob:', 'about:'].includes(parsed.protocol)) {
			return false;
		}

		return !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
	});
}

export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync(artifactsDir, {recursive: true});
	const path = join(artifactsDir, `${name}.png`);
	await page.screenshot({path});
	return path;
}

type ChromeApi = {
	tabs: {
		query(filter: object): Promise<Array<{id?: number}>>;
		sendMessage(tabId: number, message: unknown): Promise<unknown>;
	};
};

/**
 * The browser's id for the tab whose Defuse content script reads `ticketId`. Tab URLs are hidden from
 * the extension (it has no "tabs" permission), so ask each tab's content script what it sees.
 */
export async function tabIdOf(browser: Browser, ticketId: string): Promise<number> {
	const id = await browser.worker.evaluate(async wanted => {
		const {chrome} = globalThis as unknown as {chrome: ChromeApi};
		for (const tab of await chrome.tabs.query({})) {
			const status =
				tab.id === undefined
					? undefined
					: ((await chrome.tabs.sendMessage(tab.id, {type: 'defuse:status'}).catch(() => undefined)) as {ticketId?: string} | undefined);
			if (status?.ticketId === wanted) {
				return tab.id;
			}
		}

		return undefined;
	}, ticketId);
	if (id === undefined) {
		throw new Error(`no tab shows ticket ${ticketId}`);
	}

	return id;
}
