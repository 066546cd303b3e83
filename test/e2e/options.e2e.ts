// The options page with the real extension: settings round trip, a change reaching an open ticket
// without a reload, and a custom domain (a helpdesk on 127.0.0.2, which the demo build does not match)
// mapped to custom selectors, tested on the open tab and read by the content script.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import type {Server} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {startDemoServer, type DemoServer} from '../demo/server.ts';
import {fixturesDir} from '../fixtures.ts';
import {startHelpline} from './fixture-server.ts';
import {launchBrowser, screenshot, type Browser} from './harness.ts';

let browser: Browser;
let demo: DemoServer;
let helpline: {server: Server; origin: string};

beforeAll(async () => {
	demo = await startDemoServer({scheduleLive: false});
	helpline = await startHelpline();
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await demo?.close();
	await new Promise(resolve => helpline?.server.close(resolve));
});

/**
 * Chromium with the extension and a host permission already granted, as if the user had accepted the
 * permission prompt before (headless Chromium cannot show that prompt). Chromium keeps granted
 * optional permissions in the profile's Preferences: launch once to install, add the host, relaunch.
 */
async function launchWithGrantedHost(pattern: string): Promise<Browser & {dispose(): Promise<void>}> {
	const userDataDir = mkdtempSync(join(tmpdir(), 'defuse-e2e-granted-'));
	const first = await launchBrowser({userDataDir});
	const {extensionId} = first;
	// Give Chromium a moment to record the installed extension in the profile before it closes.
	await new Promise(resolve => setTimeout(resolve, 1500));
	await first.close();
	const path = join(userDataDir, 'Default/Preferences');
	const preferences = JSON.parse(readFileSync(path, 'utf8')) as {
		extensions: {settings: Record<string, Record<string, {explicit_host: string[]; scriptable_host: string[]}>>};
	};
	const extension = preferences.extensions.settings[extensionId]!;
	for (const key of ['active_permissions', 'granted_permissions']) {
		extension[key]!.explicit_host.push(pattern);
		extension[key]!.scriptable_host.push(pattern);
	}

	writeFileSync(path, JSON.stringify(preferences));
	const relaunched = await launchBrowser({userDataDir});
	return {
		...relaunched,
		async dispose() {
			await relaunched.close();
			rmSync(userDataDir, {recursive: true, force: true});
		},
	};
}

async function openOptions(on: Browser = browser): Promise<Page> {
	const page = await on.context.newPage();
	await page.goto(`chrome-extension://${on.extensionId}/options.html`);
	await page.getByTestId('save').waitFor();
	return page;
}

async function stored(page: Page): Promise<unknown> {
	return page.evaluate(async () => {
		const {chrome} = globalThis as unknown as {chrome: {storage: {local: {get(key: string): Promise<Record<string, unknown>>}}}};
		return (await chrome.storage.local.get('settings'))['settings'];
	});
}

async function setThresholds(page: Page, values: {watch: string; high: string; critical: string}): Promise<void> {
	await page.getByLabel('Watch', {exact: true}).fill(values.watch);
	await page.getByLabel('High', {exact: true}).fill(values.high);
	await page.getByLabel('Critical', {exact: true}).fill(values.critical);
}

test('thresholds round trip: saved values come back after reopening; an invalid one is explained and not saved', async () => {
	const page = await openOptions();
	await setThresholds(page, {watch: '0.35', high: '0.6', critical: '0.85'});
	await page.getByTestId('save').click();
	await expect.poll(async () => page.getByTestId('save-status').textContent()).toContain('Saved.');
	await page.close();

	const reopened = await openOptions();
	expect(await reopened.getByLabel('Watch', {exact: true}).inputValue()).toBe('0.35');
	expect(await reopened.getByLabel('High', {exact: true}).inputValue()).toBe('0.6');
	expect(await reopened.getByLabel('Critical', {exact: true}).inputValue()).toBe('0.85');

	await reopened.getByLabel('High', {exact: true}).fill('0.2');
	const message = reopened.getByText('High must be above Watch (0.35)');
	expect(await message.isVisible()).toBe(true);
	expect(await reopened.getByLabel('High', {exact: true}).getAttribute('aria-invalid')).toBe('true');
	await reopened.getByTestId('save').click();
	await expect.poll(async () => reopened.getByTestId('save-status').textContent()).toContain('Not saved');
	expect(await stored(reopened)).toMatchObject({risk: {thresholds: {watch: 0.35, high: 0.6, critical: 0.85}}});
	await reopened.close();
});

test("each phrase family shows its risk weight and why, from its signal's descriptor", async () => {
	const page = await openOptions();
	const legal = page.locator('fieldset[data-family="legal"]');
	await legal.scrollIntoViewIfNeeded();
	expect(await legal.locator('legend').textContent()).toBe('legal or regulatory threat');
	expect(await legal.locator('.hint').textContent()).toBe('Risk weight 0.65: lawyer / court / regulator: escalates almost by definition');
	expect(await page.locator('fieldset[data-family] .hint').count()).toBe(16);
	await screenshot(page, 'options-phrase-families');
	await page.close();
});

test('screenshots of the options page, light and dark', async () => {
	const page = await openOptions();
	await page.emulateMedia({colorScheme: 'light'});
	await page.getByLabel('Watch', {exact: true}).fill('0.9'); // Shows a validation message
	await page.locator('#risk').evaluate(section => section.scrollIntoView());
	await screenshot(page, 'options-light');
	await page.emulateMedia({colorScheme: 'dark'});
	await page.locator('#sites').evaluate(section => section.scrollIntoView());
	await screenshot(page, 'options-dark');
	expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(245, 246, 248)');
	await page.close();
});

test('raising the thresholds reaches an open ticket without a reload', async () => {
	const ticket = await browser.context.newPage();
	await ticket.goto(`${demo.url}/agent/tickets/1004`);
	const host = ticket.locator('defuse-overlay');
	const options = await openOptions();
	await setThresholds(options, {watch: '0.3', high: '0.55', critical: '0.8'});
	await options.getByTestId('save').click();
	await expect.poll(async () => host.getAttribute('data-level'), {timeout: 15_000}).toBe('high');

	await setThresholds(options, {watch: '0.97', high: '0.98', critical: '0.99'});
	await options.getByTestId('save').click();
	await expect.poll(async () => host.getAttribute('data-level'), {timeout: 15_000}).toBe('none');
	await setThresholds(options, {watch: '0.3', high: '0.55', critical: '0.8'});
	await options.getByTestId('save').click();
	await expect.poll(async () => host.getAttribute('data-level'), {timeout: 15_000}).toBe('high');
	await options.close();
	await ticket.close();
});

test('a custom domain: access granted from the page, selectors tested on the open tab, the overlay reads it', async () => {
	const {origin} = helpline;
	const granted = await launchWithGrantedHost('http://127.0.0.2/*');
	try {
		await customDomain(granted, origin);
	} finally {
		await granted.dispose();
	}
});

async function customDomain(browser: Browser, origin: string): Promise<void> {
	const ticket = await browser.context.newPage();
	await ticket.goto(`${origin}/cases/HL-2041`);
	// Not a loopback address the demo build matches: nothing runs there yet.
	expect(await ticket.locator('defuse-overlay').count()).toBe(0);

	const options = await openOptions(browser);
	const add = options.getByRole('group', {name: 'Add a site'});
	await add.getByLabel('Site address').fill(origin);
	await add.getByRole('button', {name: 'Add and allow access'}).click();
	await expect
		.poll(async () => options.getByTestId('sites-status').textContent(), {timeout: 10_000})
		.toBe(`Defuse may now read ${origin}. Save to start using it.`);
	const site = options.locator(`[data-origin="${origin}"]`);
	const config = JSON.parse(readFileSync(join(fixturesDir, 'custom/config.json'), 'utf8')) as Record<string, string | string[]>;
	await site.getByLabel('Ticket page address').fill(`${origin}/cases/{id}`);
	for (const [key, label] of [
		['message', 'Every message (required)'],
		['ticketRoot', 'Active ticket container'],
		['ticketId', 'Ticket number'],
		['subject', 'Subject'],
		['roleAttribute', 'Attribute naming the role'],
		['internalMarker', 'Internal note marker'],
		['author', 'Author, inside a message'],
		['body', 'Text, inside a message'],
		['quote', 'Quoted history to drop'],
		['editor', 'Reply editor'],
	] as const) {
		await site.getByLabel(label, {exact: true}).fill(String(config[key]));
	}

	await site.getByLabel('Values for customers').fill('Kunde');
	await site.getByLabel('Values for agents').fill('mitarbeiter, bot');
	await site.getByLabel('Values for system events').fill('system');
	await site.getByRole('button', {name: 'Test these selectors on the open tab'}).click();
	const result = options.getByTestId('selector-test-result');
	await result.waitFor({timeout: 10_000});
	expect(await result.locator('[data-selector="message"] [data-count]').getAttribute('data-count')).toBe('5');
	expect(await options.getByTestId('selector-test-ticket').textContent()).toBe('Ticket HL-2041: Rechnung doppelt abgebucht (5 messages)');
	expect(await result.locator('li[data-role]').evaluateAll(items => items.map(item => item.getAttribute('data-role')))).toEqual([
		'customer',
		'agent',
		'agent',
		'system',
		'customer',
	]);
	await result.scrollIntoViewIfNeeded();
	await screenshot(options, 'options-selector-test');

	await options.getByTestId('save').click();
	await expect.poll(async () => options.getByTestId('save-status').textContent()).toContain('Saved.');
	const registered = async () =>
		browser.worker.evaluate(async () => {
			const {chrome} = globalThis as unknown as {
				chrome: {scripting: {getRegisteredContentScripts(): Promise<Array<{id: string; matches?: string[]; world?: string}>>}};
			};
			return (await chrome.scripting.getRegisteredContentScripts())
				.map(script => `${script.matches?.join(' ') ?? ''} ${script.world ?? 'ISOLATED'}`)
				.sort();
		});
	await expect.poll(registered, {timeout: 10_000}).toEqual(['http://127.0.0.2/* ISOLATED', 'http://127.0.0.2/* MAIN']);

	await ticket.reload();
	const host = ticket.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state'), {timeout: 15_000}).toBe('ticket');
	await host.locator('.badge').click();
	await expect.poll(async () => host.locator('[data-count="customer"]').textContent()).toBe('2');
	expect(await host.locator('[data-count="internal"]').textContent()).toBe('1');
	await screenshot(ticket, 'options-custom-domain-overlay');

	// Removing the site unregisters its scripts.
	await site.getByRole('button', {name: `Remove ${origin}`}).click();
	await options.getByTestId('save').click();
	await expect.poll(registered, {timeout: 10_000}).toEqual([]);
	await options.close();
	await ticket.close();
}

test('delete everything empties the store and resets the settings', async () => {
	const ticket = await browser.context.newPage();
	await ticket.goto(`${demo.url}/agent/tickets/1002`);
	await expect.poll(async () => ticket.locator('defuse-overlay').getAttribute('data-state')).toBe('ticket');
	const options = await openOptions();
	const count = async () =>
		options.evaluate(async () => {
			const open = indexedDB.open('defuse');
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const tickets = await new Promise<number>(resolve => {
				const request = db.transaction('tickets').objectStore('tickets').count();
				request.onsuccess = () => resolve(request.result);
			});
			db.close();
			return tickets;
		});
	await expect.poll(count, {timeout: 10_000}).toBeGreaterThan(0);
	await ticket.close(); // An open ticket would be observed again right after the reset
	await options.getByRole('button', {name: 'Delete everything…'}).click();
	await options.getByRole('button', {name: 'Yes, delete everything'}).click();
	await expect.poll(async () => options.getByTestId('delete-status').textContent()).toContain('has been deleted');
	expect(await count()).toBe(0);
	expect(await stored(options)).toBeUndefined();
	await options.close();
});
