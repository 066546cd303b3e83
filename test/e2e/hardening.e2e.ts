// Hostile input in a real browser with the built extension: extension pages under a strict CSP, a
// dashboard that poisoned or damaged data cannot brick, "Delete everything" reaching the dashboard's
// kept imports, and a service worker stopped in the middle of writes losing nothing and doubling nothing.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {generateDemoDataset} from '../../core/metrics/demo-data.ts';
import {createSnapshot} from '../../core/snapshot/snapshot.ts';
import {startDemoServer, type DemoServer} from '../demo/server.ts';
import {extensionPath, launchBrowser, screenshot, type Browser} from './harness.ts';

let browser: Browser;
let demo: DemoServer;

beforeAll(async () => {
	demo = await startDemoServer({scheduleLive: false});
	browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
	await browser?.close();
	await demo?.close();
});

const extensionPage = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

/** Counts every CSP violation a page reports, from its first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
	const console: string[] = [];
	page.on('console', message => {
		if (/Content Security Policy|Refused to/i.test(message.text())) {
			console.push(message.text());
		}
	});
	await page.addInitScript(
		'window.__cspViolations = []; document.addEventListener("securitypolicyviolation", event => window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI));',
	);
	return async () => [...console, ...((await page.evaluate('window.__cspViolations')) as string[])];
}

test("extension pages run under default-src 'self' and break no rule of it", async () => {
	const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as {
		content_security_policy: {extension_pages: string};
	};
	expect(manifest.content_security_policy.extension_pages).toMatch(
		/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none';.* connect-src 'self';/,
	);
	for (const path of ['dashboard.html?demo=1', 'options.html', 'popup.html']) {
		const page = await browser.context.newPage();
		const violations = await watchCsp(page);
		await page.goto(extensionPage(path));
		if (path.startsWith('dashboard')) {
			await expect.poll(async () => page.locator('main.dashboard').getAttribute('data-state'), {timeout: 30_000}).toBe('ready');
			await expect.poll(async () => page.locator('.chart canvas').count(), {timeout: 15_000}).toBeGreaterThanOrEqual(3);
		} else {
			await page.waitForLoadState('networkidle');
		}

		expect(await violations(), path).toEqual([]);
		await page.close();
	}
}, 90_000);

/** Runs a small IndexedDB job in an extension page (the extension's origin). */
async function idb<T>(page: Page, job: string): Promise<T> {
	return page.evaluate(`(async () => {
		const open = (name) => new Promise((resolve, reject) => { const request = indexedDB.open(name); request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
		const done = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
		${job}
	})()`) as Promise<T>;
}

test('a poisoned kept import and a damaged store row cannot brick the dashboard: the rest loads, the damage is named and removable', async () => {
	const good = await createSnapshot(generateDemoDataset({seed: 4, days: 10, ticketsPerDay: 6}), {
		salt: 'team',
		createdAt: '2026-06-30T00:00:00.000Z',
	});
	const poisoned = {...good, escalations: [{ticketKey: null}, 5]};
	const page = await browser.context.newPage();
	await page.goto(extensionPage('dashboard.html'));
	await expect.poll(async () => page.locator('main.dashboard').getAttribute('data-state'), {timeout: 20_000}).not.toBe('loading');
	// What an earlier version (or another hand) left in the kept imports, and a store row gone bad.
	const info = (id: string, name: string) => ({
		id,
		name,
		kind: 'snapshot',
		rows: good.tickets.length,
		tickets: good.tickets.length,
		warnings: [],
	});
	await idb(
		page,
		`
		const cache = await open('defuse-imports');
		const tx = cache.transaction('imports', 'readwrite');
		tx.objectStore('imports').put(${JSON.stringify({id: 'snapshot:good.json:1:1', savedAt: 1, info: info('snapshot:good.json:1:1', 'good.json'), data: {snapshot: good}})});
		tx.objectStore('imports').put(${JSON.stringify({id: 'snapshot:poisoned.json:1:1', savedAt: 2, info: info('snapshot:poisoned.json:1:1', 'poisoned.json'), data: {snapshot: poisoned}})});
		await new Promise(resolve => { tx.oncomplete = resolve; });
		cache.close();
		const store = await open('defuse');
		const write = store.transaction('tickets', 'readwrite');
		write.objectStore('tickets').put({key: 'demo:127.0.0.1:bad', helpdesk: '', ticketId: '', host: '127.0.0.1', firstSeenAt: '2026-06-01T00:00:00.000Z', lastSeenAt: '2026-06-01T00:00:00.000Z', messageCount: 0, customerMessages: 0, agentMessages: 0, internalNotes: 0});
		await new Promise(resolve => { write.oncomplete = resolve; });
		store.close();
	`,
	);

	await page.reload();
	await expect.poll(async () => page.locator('main.dashboard').getAttribute('data-state'), {timeout: 30_000}).toBe('ready');
	expect(await page.locator('[data-kpi="tickets"]').getAttribute('data-value')).not.toBeNull();
	await expect
		.poll(async () => page.locator('[data-state="restore-problems"]').textContent())
		.toMatch(/poisoned\.json: not restored, escalations\[0\]\.ticketKey: expected a non-empty text/);
	await page.getByRole('tab', {name: 'Import and export'}).click();
	const failed = page.locator('[data-failed="true"]');
	await expect
		.poll(async () => failed.textContent())
		.toMatch(/This browser \(Defuse store\): not loaded, Invalid dataset .*tickets\[\d+\]\.helpdesk/);
	expect(await page.locator('[data-source="snapshot"]').textContent()).toMatch(/good\.json: \d+ tickets/);
	await screenshot(page, 'hardening-dashboard-damage-named');
	expect(await page.getByRole('button', {name: 'Remove good.json'}).count()).toBe(1);
	await page.close();
}, 90_000);

const keptImports = `
	if (!(await indexedDB.databases()).some(database => database.name === 'defuse-imports')) return 0;
	const cache = await open('defuse-imports');
	const count = cache.objectStoreNames.contains('imports') ? await done(cache.transaction('imports').objectStore('imports').count()) : 0;
	cache.close();
	return count;
`;

test('"Delete everything" in the options reaches the dashboard\'s kept imports', async () => {
	const page = await browser.context.newPage();
	await page.goto(extensionPage('dashboard.html'));
	await expect.poll(async () => idb<number>(page, keptImports), {timeout: 20_000}).toBeGreaterThan(0);
	await page.close(); // The dashboard's worker lets go of the cache when its page closes
	const options = await browser.context.newPage();
	await options.goto(extensionPage('options.html'));
	await options.getByRole('button', {name: 'Delete everything…'}).click();
	await options.getByRole('button', {name: 'Yes, delete everything'}).click();
	await expect.poll(async () => options.getByTestId('delete-status').textContent(), {timeout: 15_000}).toContain('has been deleted');
	expect(await idb<number>(options, keptImports)).toBe(0);
	expect(await idb<string[]>(options, 'return (await indexedDB.databases()).map(database => database.name);')).not.toContain(
		'defuse-imports',
	);
	await options.close();
}, 60_000);

type TicketState = {messageCount: number; messages: number; observations: number};

const storeState = `
	if (!(await indexedDB.databases()).some(database => database.name === 'defuse')) return {};
	const db = await open('defuse');
	const tickets = await done(db.transaction('tickets').objectStore('tickets').getAll());
	const state = {};
	for (const ticket of tickets) {
		const tx = db.transaction(['messages', 'observations']);
		state[ticket.key] = {
			messageCount: ticket.messageCount,
			messages: await done(tx.objectStore('messages').index('ticketKey').count(ticket.key)),
			observations: await done(tx.objectStore('observations').index('ticketKey').count(ticket.key)),
		};
	}
	db.close();
	return state;
`;

const forget = (key: string) => `
	if (!(await indexedDB.databases()).some(database => database.name === 'defuse')) return;
	const db = await open('defuse');
	const tx = db.transaction(['tickets', 'messages', 'observations', 'events'], 'readwrite');
	tx.objectStore('tickets').delete(${JSON.stringify(key)});
	for (const name of ['messages', 'observations', 'events']) {
		for (const primary of await done(tx.objectStore(name).index('ticketKey').getAllKeys(${JSON.stringify(key)}))) {
			tx.objectStore(name).delete(primary);
		}
	}
	await new Promise(resolve => { tx.oncomplete = resolve; });
	db.close();
`;

/** What the background has written down and not stored yet (observations of `key`, agent actions, ...). */
const journaled = (key: string) => `
	const list = (await chrome.storage.session.get('pending-writes'))['pending-writes'] ?? [];
	const mine = list.filter(entry => entry.request.type === 'observe' && entry.request.snapshot.helpdesk + ':' + new URL(entry.request.snapshot.url).hostname + ':' + entry.request.snapshot.ticketId === ${JSON.stringify(key)});
	return {count: mine.length, chars: mine.reduce((sum, entry) => sum + JSON.stringify(entry).length, 0)};
`;

test('a service worker stopped in the middle of writes loses nothing and doubles nothing', async () => {
	const control = await browser.context.newPage();
	await control.goto(extensionPage('popup.html'));
	const cdp = await browser.context.newCDPSession(control);
	await cdp.send('ServiceWorker.enable');
	const key = 'demo:127.0.0.1:1004';
	// 5,000 earlier messages: one observation is one transaction long enough to be cut.
	const url = `${demo.url}/agent/tickets/1004?long=5000`;
	const delays = [0, 50, 150, 300, 450, 600, 800, 1200];
	const outcomes: Array<{delay: number; at: 'landed' | 'written-down' | 'not-received'}> = [];
	let expected: number | undefined;
	let journalChars = 0;
	for (const delay of delays) {
		await idb(control, forget(key));
		const page = await browser.context.newPage();
		await page.goto(url);
		// The overlay shows the ticket once the content script read it and sent it: the write starts about now.
		await expect.poll(async () => page.locator('defuse-overlay').getAttribute('data-state'), {timeout: 20_000}).toBe('ticket');
		await page.waitForTimeout(delay);
		await cdp.send('ServiceWorker.stopAllWorkers');
		await page.waitForTimeout(300);
		const writtenDown = await idb<{count: number; chars: number}>(control, journaled(key));
		journalChars = Math.max(journalChars, writtenDown.chars);
		const cut = (await idb<Record<string, TicketState>>(control, storeState))[key];
		// A transaction is all or nothing: the ticket's row and its messages land together or not at all.
		if (cut) {
			expect(cut.messages, `stopped after ${delay} ms`).toBe(cut.messageCount);
			expect(cut.observations).toBe(1);
		}

		const at = cut ? 'landed' : writtenDown.count > 0 ? 'written-down' : 'not-received';
		outcomes.push({delay, at});
		// The worker starts again (the popup asks it something) and finishes what it wrote down, without
		// the page sending anything: the observation is there, once, and nothing is left waiting.
		await control.evaluate('chrome.runtime.sendMessage({type: "write-status"})');
		if (at !== 'not-received') {
			await expect
				.poll(async () => (await idb<Record<string, TicketState>>(control, storeState))[key]?.observations ?? 0, {timeout: 20_000})
				.toBe(1);
			const finished = (await idb<Record<string, TicketState>>(control, storeState))[key]!;
			expect(finished, `stopped after ${delay} ms (${at})`).toEqual({
				messageCount: finished.messageCount,
				messages: finished.messageCount,
				observations: 1,
			});
			await expect.poll(async () => (await idb<{count: number}>(control, journaled(key))).count, {timeout: 10_000}).toBe(0);
		}

		// The page sends what it sees again (a reload here; its next change in real use): stored exactly once.
		await page.reload();
		await expect
			.poll(async () => (await idb<Record<string, TicketState>>(control, storeState))[key]?.messages ?? 0, {timeout: 20_000})
			.toBeGreaterThan(5000);
		await page.waitForTimeout(300);
		const final = (await idb<Record<string, TicketState>>(control, storeState))[key]!;
		expected ??= final.messageCount;
		expect(final, `stopped after ${delay} ms`).toEqual({messageCount: expected, messages: expected, observations: 1});
		await page.close();
	}

	const count = (at: string) => outcomes.filter(run => run.at === at).length;
	console.log(
		`service worker stopped 0-1200 ms after the page was read: ${delays.length} runs: ${count('landed')} after the write landed whole, ${count('written-down')} while it was written down but not stored (finished by the restarted worker, the page sending nothing), ${count('not-received')} before the background had written it down (stored on the page's next send); 0 partial; observations after the restart: 1 each time; after the page sent again: ${expected} messages and 1 observation each time, 0 lost, 0 doubled; the written-down observation took ${Math.round(journalChars / 1000)} k characters of session storage`,
	);
	expect(expected).toBeGreaterThan(5000);
	// A 5,000-message write takes long enough that some stops fall between writing it down and storing it.
	expect(count('written-down')).toBeGreaterThan(0);
	await control.close();
}, 240_000);

test('the popup lists writes the store refused, with the error and the next attempt', async () => {
	// A store that refuses writes (a full disk) cannot be made on demand: put the queue's entries where the
	// background keeps them, as it would after two refused writes, and look at the popup.
	const now = Date.now();
	await browser.worker.evaluate(`chrome.storage.session.set({'pending-writes': [
		{id: 'a', request: {type: 'agent-action', actionId: 'k1', action: {type: 'feedback', ticketKey: 'demo:127.0.0.1:1002', verdict: 'disagree'}}, attempts: 2, nextAt: ${now + 25_000}, lastError: 'QuotaExceededError: disk full'},
		{id: 'b', request: {type: 'adapter-miss', helpdesk: 'demo', url: 'http://127.0.0.1/x', part: 'messages', detail: 'x'}, attempts: 6, lastError: 'UnknownError: database closed', failed: true}
	]})`);
	const popup = await browser.context.newPage();
	await popup.goto(extensionPage('popup.html'));
	const list = popup.getByTestId('pending-writes');
	await expect
		.poll(async () => list.textContent(), {timeout: 10_000})
		.toMatch(/Your feedback or action \(1002\): attempt 2 failed, trying again in .*QuotaExceededError: disk full/);
	expect(await list.textContent()).toMatch(/A page Defuse could not read: gave up after 6 attempts \(UnknownError: database closed\)/);
	await screenshot(popup, 'hardening-popup-pending-writes');
	// The given-up write is dismissed; the one still being tried stays, in the popup and in the queue.
	await popup.getByRole('button', {name: 'Dismiss: A page Defuse could not read, not saved'}).click();
	await expect.poll(async () => list.textContent(), {timeout: 10_000}).not.toMatch(/gave up/);
	expect(await list.textContent()).toMatch(/Your feedback or action \(1002\): attempt 2 failed/);
	expect(
		await browser.worker.evaluate(
			'chrome.storage.session.get("pending-writes").then(stored => stored["pending-writes"].map(entry => entry.id))',
		),
	).toEqual(['a']);
	await screenshot(popup, 'hardening-popup-dismissed');
	await browser.worker.evaluate('chrome.storage.session.remove("pending-writes")');
	await popup.close();
});
