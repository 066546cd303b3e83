// The extension spine end to end: demo helpdesk -> content script -> overlay -> background -> store -> dashboard.
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {startDemoServer, type DemoServer} from '../demo/server.ts';
import {externalRequests, launchBrowser, screenshot, tabIdOf, type Browser} from './harness.ts';

let browser: Browser;
let demo: DemoServer;

beforeAll(async () => {
	demo = await startDemoServer({scheduleLive: false});
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await demo?.close();
});

test('the demo build has the stable id npm start prints', () => {
	expect(browser.extensionId).toBe('fhbjhdhledfeemcobknfjepfoclickfo');
});

test("the overlay mounts in a shadow root with the ticket's facts", async () => {
	const page = await browser.context.newPage();
	await page.goto(`${demo.url}/agent/tickets/1002`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state')).toBe('ticket');
	expect(await host.evaluate(element => element.shadowRoot !== null && element.shadowRoot.querySelector('.badge') !== null)).toBe(true);
	// The helpdesk's own DOM cannot see inside: the overlay's text is only in its shadow root.
	expect(
		await page.evaluate(
			() => document.body.textContent?.includes('Nobody is waiting') || document.body.textContent?.includes('Customer waiting'),
		),
	).toBe(false);
	await host.locator('.badge').click();
	await expect.poll(async () => host.locator('[data-fact="ticket"]').textContent()).toBe('#1002 Charged twice for my annual plan');
	expect(await host.locator('[data-count="customer"]').textContent()).toBe('3');
	expect(await host.locator('[data-count="agent"]').textContent()).toBe('2');
	expect(await host.locator('[data-count="internal"]').textContent()).toBe('1');
	expect(await host.locator('[data-fact="requester"]').textContent()).toBe('Marcus Feld');
	await screenshot(page, 'foundation-overlay-expanded');
	await page.close();
});

test("the observation is stored in the extension's IndexedDB and the dashboard lists it", async () => {
	const page = await browser.context.newPage();
	await page.goto(`${demo.url}/agent/tickets/1003`);
	await expect.poll(async () => page.locator('defuse-overlay').getAttribute('data-state')).toBe('ticket');

	// The helpdesk page's own IndexedDB knows nothing of Defuse.
	const pageDatabases = await page.evaluate(async () => (await indexedDB.databases()).map(database => database.name));
	expect(pageDatabases).not.toContain('defuse');

	const dashboard = await browser.context.newPage();
	await dashboard.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
	const row = dashboard.locator('tr[data-ticket-key="demo:127.0.0.1:1003"]');
	await expect.poll(async () => row.count(), {timeout: 15_000}).toBe(1);
	expect(await row.textContent()).toContain('Order #55821 never arrived');
	expect(await row.locator('[data-col="messages"]').textContent()).toBe('2 customer / 0 agent');

	// Viewing the same ticket again stores nothing new.
	await page.reload();
	await expect.poll(async () => page.locator('defuse-overlay').getAttribute('data-state')).toBe('ticket');
	const stored = await dashboard.evaluate(async () => {
		const open = indexedDB.open('defuse');
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const count = async (store: string) =>
			new Promise<number>(resolve => {
				const request = db.transaction(store).objectStore(store).count();
				request.onsuccess = () => resolve(request.result);
			});
		const result = {tickets: await count('tickets'), messages: await count('messages'), observations: await count('observations')};
		db.close();
		return result;
	});
	expect(stored).toEqual({tickets: 2, messages: 6 + 2, observations: 2});
	await screenshot(dashboard, 'foundation-dashboard');
	await dashboard.close();
	await page.close();
});

test('a message arriving live updates the overlay', async () => {
	const page = await browser.context.newPage();
	await page.goto(`${demo.url}/agent/tickets/1006`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state')).toBe('ticket');
	await host.locator('.badge').click();
	await expect.poll(async () => host.locator('[data-count="customer"]').textContent()).toBe('2');
	demo.addMessage('1006', {type: 'end-user', author: 'Kwame Mensah', body: ['Hello? I am still waiting for the exchange.']});
	await expect.poll(async () => host.locator('[data-count="customer"]').textContent()).toBe('3');
	await expect.poll(async () => page.locator('article[data-comment-id^="live-"]').count()).toBe(1);
	await page.close();
});

test('the popup says what Defuse sees on the tab', async () => {
	const ticket = await browser.context.newPage();
	await ticket.goto(`${demo.url}/agent/tickets/1001`);
	await expect.poll(async () => ticket.locator('defuse-overlay').getAttribute('data-state')).toBe('ticket');
	const tabId = await tabIdOf(browser, '1001');
	const popup = await browser.context.newPage();
	await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
	await expect.poll(async () => popup.getByTestId('popup-title').textContent()).toBe('Demo helpdesk: ticket #1001');
	expect(await popup.getByTestId('popup-detail').textContent()).toContain('Read 2 customer and 1 agent messages');
	await screenshot(popup, 'foundation-popup');
	await popup.close();
	await ticket.close();
});

test('on a page that is no helpdesk, the popup names the helpdesks of the registry', async () => {
	const popup = await browser.context.newPage();
	await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`); // The active tab is the popup itself
	await expect.poll(async () => popup.getByTestId('popup-title').textContent()).toBe('Not a helpdesk Defuse knows');
	expect(await popup.getByTestId('popup-detail').textContent()).toBe(
		'Defuse runs on Zendesk, Freshdesk, Help Scout, Intercom, Front, Zammad, FreeScout, Chatwoot and osTicket pages, and on domains you add in the options.',
	);
	await screenshot(popup, 'foundation-popup-no-helpdesk');
	await popup.close();
});

async function storeCounts(page: Page): Promise<Record<string, number>> {
	return page.evaluate(async () => {
		const open = indexedDB.open('defuse');
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const result: Record<string, number> = {};
		for (const store of ['tickets', 'messages', 'observations', 'events']) {
			result[store] = await new Promise<number>(resolve => {
				const request = db.transaction(store).objectStore(store).count();
				request.onsuccess = () => resolve(request.result);
			});
		}

		db.close();
		return result;
	});
}

test('a page the adapter cannot read shows a clear state, never throws into the page, and is recorded', async () => {
	const page = await browser.context.newPage();
	const pageErrors: string[] = [];
	page.on('pageerror', error => pageErrors.push(String(error)));
	// A ticket URL whose page has none of the parts the adapter reads (as after a helpdesk redesign).
	await page.goto(`${demo.url}/agent/tickets/4040`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state'), {timeout: 20_000}).toBe('unreadable');
	const popup = await browser.context.newPage();
	const tabId = await browser.worker.evaluate(async () => {
		const {chrome} = globalThis as unknown as {
			chrome: {tabs: {query(filter: object): Promise<Array<{id?: number}>>; sendMessage(id: number, message: unknown): Promise<unknown>}};
		};
		for (const tab of await chrome.tabs.query({})) {
			const status = (await chrome.tabs.sendMessage(tab.id!, {type: 'defuse:status'}).catch(() => undefined)) as
				{state?: string} | undefined;
			if (status?.state === 'unreadable') {
				return tab.id;
			}
		}

		return undefined;
	});
	expect(tabId).toBeDefined();
	await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
	await expect.poll(async () => popup.getByTestId('popup-title').textContent()).toBe('Defuse cannot read this page');
	expect(await popup.getByTestId('popup-detail').textContent()).toContain('Missing: pane, log, article.');
	await screenshot(popup, 'foundation-popup-unreadable');

	const dashboard = await browser.context.newPage();
	await dashboard.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
	await expect.poll(async () => dashboard.locator('.misses li').count()).toBe(1);
	expect(await dashboard.locator('.misses li').textContent()).toContain('/agent/tickets/4040 (ticket, 1x)');
	expect(pageErrors).toEqual([]);
	await Promise.all([dashboard.close(), popup.close(), page.close()]);
});

test('a malformed message to the background is rejected and nothing is stored', async () => {
	const page = await browser.context.newPage();
	await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
	const before = await storeCounts(page);
	const responses = (await page.evaluate(async () => {
		const {chrome} = globalThis as unknown as {chrome: {runtime: {sendMessage(message: unknown): Promise<unknown>}}};
		const valid = {helpdesk: 'demo', ticketId: '77', messages: [{role: 'customer', text: 'hello'}]};
		return Promise.all([
			chrome.runtime.sendMessage({type: 'observe', snapshot: {...valid, messages: [{role: 'customer', text: 42}]}}),
			chrome.runtime.sendMessage({type: 'observe', snapshot: {...valid, html: '<img src=x onerror=alert(1)>'}}),
			chrome.runtime.sendMessage({type: 'drop-everything'}),
			chrome.runtime.sendMessage('observe'),
			// Well-formed, but only a content script in a helpdesk tab may report what it read.
			chrome.runtime.sendMessage({type: 'observe', snapshot: valid}),
		]);
	})) as Array<{ok: boolean; error?: string}>;
	expect(responses.map(response => response.ok)).toEqual([false, false, false, false, false]);
	expect(responses[0]?.error).toBe('request.snapshot.messages[0].text must be a string');
	expect(responses[4]?.error).toContain('may only come from a content-script');
	expect(await storeCounts(page)).toEqual(before);
	await page.close();
});

test('an open ticket near its SLA gets a countdown: alarms before and at the breach', async () => {
	const page = await browser.context.newPage();
	await page.goto(`${demo.url}/agent/tickets/1007`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state')).toBe('ticket');
	await host.locator('.badge').click();
	expect(await host.locator('[data-fact="sla"]').textContent()).toMatch(/^First reply due in (39|40) min \(target 1 h\)$/);
	const alarms = await browser.worker.evaluate(async () => {
		const {chrome} = globalThis as unknown as {chrome: {alarms: {getAll(): Promise<Array<{name: string; scheduledTime: number}>>}}};
		return chrome.alarms.getAll();
	});
	const mine = alarms.filter(alarm => alarm.name.endsWith('demo:127.0.0.1:1007')).sort((a, b) => a.scheduledTime - b.scheduledTime);
	expect(mine.map(alarm => alarm.name)).toEqual(['sla-lead|demo:127.0.0.1:1007', 'sla-breach|demo:127.0.0.1:1007']);
	expect(mine[1]!.scheduledTime - mine[0]!.scheduledTime).toBe(15 * 60_000);
	const minutesToBreach = (mine[1]!.scheduledTime - Date.now()) / 60_000;
	expect(minutesToBreach).toBeGreaterThan(38);
	expect(minutesToBreach).toBeLessThanOrEqual(40);
	const popup = await browser.context.newPage();
	await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
	await expect
		.poll(async () => popup.locator('.countdowns li[data-ticket="1007"]').textContent())
		.toMatch(/first reply due in (38|39|40) min/);
	await screenshot(popup, 'popup-countdowns');
	await popup.close();
	await page.close();
});

test('during the whole run no request left 127.0.0.1', () => {
	expect(browser.requests.length).toBeGreaterThan(5);
	expect(externalRequests(browser.requests)).toEqual([]);
});
