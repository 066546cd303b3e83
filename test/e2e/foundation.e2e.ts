// The extension spine end to end: demo helpdesk -> content script -> overlay -> background -> store -> dashboard.
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

test('the overlay mounts in a shadow root with the ticket\'s facts', async () => {
	const page = await browser.context.newPage();
	await page.goto(`${demo.url}/agent/tickets/1002`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state')).toBe('ticket');
	expect(await host.evaluate(element => element.shadowRoot !== null && element.shadowRoot.querySelector('.badge') !== null)).toBe(true);
	// The helpdesk's own DOM cannot see inside: the overlay's text is only in its shadow root.
	expect(await page.evaluate(() => document.body.textContent?.includes('Nobody is waiting') || document.body.textContent?.includes('Customer waiting'))).toBe(false);
	await host.locator('.badge').click();
	await expect.poll(async () => host.locator('[data-fact="ticket"]').textContent()).toBe('#1002 Charged twice for my annual plan');
	expect(await host.locator('[data-count="customer"]').textContent()).toBe('3');
	expect(await host.locator('[data-count="agent"]').textContent()).toBe('2');
	expect(await host.locator('[data-count="internal"]').textContent()).toBe('1');
	expect(await host.locator('[data-fact="requester"]').textContent()).toBe('Marcus Feld');
	await screenshot(page, 'foundation-overlay-expanded');
	await page.close();
});

test('the observation is stored in the extension\'s IndexedDB and the dashboard lists it', async () => {
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
		const count = async (store: string) => new Promise<number>(resolve => {
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

test('the popup says what Defuse sees on the tab, and when it cannot read a page', async () => {
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

test('during the whole run no request left 127.0.0.1', () => {
	expect(browser.requests.length).toBeGreaterThan(5);
	expect(externalRequests(browser.requests)).toEqual([]);
});
