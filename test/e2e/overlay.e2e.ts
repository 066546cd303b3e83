// The agent-facing overlay on the demo helpdesk: risk, reasons with evidence, trigger and path,
// suggested replies with placeholders, insertion into the helpdesk's own editor.
import {afterAll, beforeAll, expect, test} from 'vitest';
import {startDemoServer, type DemoServer} from '../demo/server.ts';
import {launchBrowser, screenshot, type Browser} from './harness.ts';

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

test('an angry ticket: critical badge, reasons with evidence highlighted in the thread, trigger and path', async () => {
	const page = await browser.context.newPage();
	await page.goto(`${demo.url}/agent/tickets/1002`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-level')).toBe('critical');
	await screenshot(page, 'overlay-collapsed-light');
	await page.keyboard.press('Alt+Shift+D');
	await expect.poll(async () => host.locator('.reason').count()).toBeGreaterThanOrEqual(3);
	const reasons = await host.locator('.reason').allTextContents();
	expect(reasons.join('\n')).toContain('speak to a manager');
	expect(await host.locator('[data-fact="path"]').textContent()).toContain('Hierarchical');
	expect(await host.locator('[data-fact="trigger"]').textContent()).toContain('Likely trigger');

	await host.locator('.reason[data-signal="phrase.manager"]').click();
	expect(await host.getAttribute('data-highlight')).toBe('phrase.manager:highlight');
	const highlighted = await page.evaluate(() => {
		const registry = (globalThis as unknown as {CSS: {highlights: Map<string, Set<Range>>}}).CSS.highlights;
		const ranges = [...(registry.get('defuse-evidence') ?? [])];
		return ranges.map(range => range.toString());
	});
	expect(highlighted).toEqual(['speak to a manager']);
	// Highlighting does not change the helpdesk's DOM.
	expect(await page.locator('mark, [data-defuse]').count()).toBe(0);
	await screenshot(page, 'overlay-expanded-light');
	await page.close();
});

test('a suggested reply: required placeholders must be filled before it can be inserted into the editor', async () => {
	const page = await browser.context.newPage();
	await page.goto(`${demo.url}/agent/tickets/1002`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-level')).toBe('critical');
	await host.locator('.badge').click();
	const suggestion = host.locator('.suggestion').first();
	const insert = suggestion.locator('[data-action="insert"]');
	expect(await insert.isDisabled()).toBe(true);
	const inputs = suggestion.locator('.placeholders input');
	const count = await inputs.count();
	expect(count).toBeGreaterThan(0);
	for (let index = 0; index < count; index++) {
		await inputs.nth(index).fill(['Billing team', 'Friday 5 pm', 'Sam Okafor'][index] ?? 'value');
	}

	expect(await insert.isDisabled()).toBe(false);
	const text = await suggestion.locator('.suggestion-text').textContent();
	expect(text).not.toContain('{{');
	await insert.click();
	await expect.poll(async () => suggestion.locator('.result').textContent()).toBe('Inserted into the reply box');
	const editorText = await page.locator('[data-side-conversations-anchor-id="1002"] [data-test-id="omnicomposer-rich-text-ckeditor"]').innerText();
	expect(editorText.replaceAll(/\s+/g, ' ').trim()).toBe((text ?? '').replaceAll(/\s+/g, ' ').trim());
	await page.close();
});

async function storedEvents(type: string): Promise<Array<Record<string, unknown>>> {
	const page = await browser.context.newPage();
	await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
	const events = await page.evaluate(async wanted => {
		const open = indexedDB.open('defuse');
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const all = await new Promise<Array<Record<string, unknown>>>(resolve => {
			const request = db.transaction('events').objectStore('events').getAll();
			request.onsuccess = () => resolve(request.result as Array<Record<string, unknown>>);
		});
		db.close();
		return all.filter(event => event['type'] === wanted);
	}, type);
	await page.close();
	return events;
}

test('feedback, snooze and a marked escalation are stored as events and shown on the ticket', async () => {
	const page = await browser.context.newPage();
	await page.goto(`${demo.url}/agent/tickets/1004`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state')).toBe('ticket');
	await host.locator('.badge').click();
	await host.locator('[data-action="disagree"]').click();
	await host.locator('select[name="reason"]').selectOption('Sarcasm or a joke');
	await host.locator('.subform button[type="submit"]').click();
	await expect.poll(async () => host.locator('[data-fact="feedback"]').textContent()).toBe('You disagreed with this warning.');
	await host.locator('[data-action="snooze"]').click();
	await host.locator('[data-snooze="1 hour"]').click();
	await expect.poll(async () => host.locator('.badge-snoozed').count()).toBe(1);
	await host.locator('[data-action="escalate"]').click();
	await host.locator('select[name="escalation"]').selectOption('functional');
	await host.locator('input[name="team"]').fill('Calendar engineering');
	await host.locator('.subform button[type="submit"]').click();
	await expect.poll(async () => host.locator('[data-fact="escalated"]').textContent()).toBe('Marked escalated (functional, Calendar engineering).');
	await screenshot(page, 'overlay-feedback');

	const [feedback] = await storedEvents('feedback');
	expect(feedback).toMatchObject({ticketKey: 'demo:127.0.0.1:1004', data: {verdict: 'disagree', reason: 'Sarcasm or a joke'}});
	expect(await storedEvents('snooze')).toHaveLength(1);
	expect((await storedEvents('escalated'))[0]).toMatchObject({data: {escalation: 'functional', team: 'Calendar engineering', source: 'agent'}});
	expect((await storedEvents('flag-raised')).some(flag => flag['ticketKey'] === 'demo:127.0.0.1:1004')).toBe(true);

	// Reopening the ticket shows what was recorded.
	await page.reload();
	await expect.poll(async () => host.locator('.badge-snoozed').count()).toBe(1);
	await page.close();
});

test('the agent\'s draft is checked as they type, and a rewording can be applied', async () => {
	const page = await browser.context.newPage();
	await page.goto(`${demo.url}/agent/tickets/1006`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state')).toBe('ticket');
	await host.locator('.badge').click();
	const editor = page.locator('[data-side-conversations-anchor-id="1006"] [data-test-id="omnicomposer-rich-text-ckeditor"]');
	await editor.click();
	await page.keyboard.type('Hi Kwame, calm down. As I said, there is nothing I can do about the size.');
	await expect.poll(async () => host.locator('.draft-issues li').count()).toBeGreaterThanOrEqual(2);
	expect(await host.locator('.draft-issues li[data-rule="calm-down"]').count()).toBe(1);
	await host.locator('.draft-issues li[data-rule="calm-down"] [data-action="apply"]').click();
	await expect.poll(async () => editor.innerText()).toContain('I understand why this is frustrating, and I want to get it sorted.');
	expect(await editor.innerText()).not.toContain('calm down');
	await expect.poll(async () => host.locator('.draft-issues li[data-rule="calm-down"]').count()).toBe(0);
	await screenshot(page, 'overlay-draft-check');
	await page.close();
});

test('queue markers: the ticket list marks the tickets at risk or near breach, beside their rows', async () => {
	const page = await browser.context.newPage();
	for (const id of ['1002', '1007', '1001']) {
		await page.goto(`${demo.url}/agent/tickets/${id}`);
		await expect.poll(async () => page.locator('defuse-overlay').getAttribute('data-state')).toBe('ticket');
	}

	await page.goto(`${demo.url}/agent/filters/all`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state')).toBe('list');
	const marked = await host.locator('.queue-mark').evaluateAll(marks => marks.map(mark => mark.getAttribute('data-ticket')));
	expect(marked).toEqual(expect.arrayContaining(['1002', '1007']));
	expect(marked).not.toContain('1001');
	// Each marker sits beside its own row.
	const row = await page.locator('tr', {hasText: '#1007'}).boundingBox();
	const mark = await host.locator('.queue-mark[data-ticket="1007"]').boundingBox();
	expect(row && mark && Math.abs((mark.y + (mark.height / 2)) - (row.y + (row.height / 2))) < 4).toBe(true);
	expect(await host.locator('.queue-mark[data-ticket="1007"]').getAttribute('title')).toMatch(/SLA due in \d+ min/);
	await screenshot(page, 'queue-markers');
	await page.close();
});

test('a calm ticket stays quiet', async () => {
	const page = await browser.context.newPage();
	await page.goto(`${demo.url}/agent/tickets/1001`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state')).toBe('ticket');
	expect(await host.getAttribute('data-level')).toBe('none');
	// The customer's closing thanks asks for no reply and names no reason
	await page.keyboard.press('Alt+Shift+D');
	expect(await host.locator('.reason').count()).toBe(0);
	expect(await host.locator('[data-fact="waiting"]').textContent()).toBe('Nobody is waiting for a reply');
	// ... and so starts no reply countdown.
	expect(await host.locator('[data-fact="sla"]').count()).toBe(0);
	await screenshot(page, 'overlay-calm-thanks');
	await page.close();
});

test('the urgent ticket due within the hour is never "No risk": time pressure is a reason', async () => {
	const page = await browser.context.newPage();
	await page.goto(`${demo.url}/agent/tickets/1007`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-level')).not.toBe(null);
	expect(['watch', 'high', 'critical']).toContain(await host.getAttribute('data-level'));
	await page.keyboard.press('Alt+Shift+D');
	await expect.poll(async () => host.locator('.reason[data-signal="wait.due"]').count()).toBe(1);
	expect(await host.locator('.reason[data-signal="wait.due"]').textContent()).toMatch(/first reply due in \d+m \(target 1h\), priority urgent/);
	await screenshot(page, 'overlay-urgent-due');
	await page.close();
});

test('dark helpdesk theme: the overlay follows it', async () => {
	const dark = await browser.context.newPage();
	await dark.emulateMedia({colorScheme: 'dark'});
	await dark.goto(`${demo.url}/agent/tickets/1005`);
	const host = dark.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state')).toBe('ticket');
	await screenshot(dark, 'overlay-collapsed-dark');
	await host.locator('.badge').click();
	const background = await host.locator('.panel').evaluate(element => getComputedStyle(element).backgroundColor);
	expect(background).toBe('rgb(28, 33, 40)');
	// The expanded panel never covers the reply box.
	const panel = await host.locator('.panel').boundingBox();
	const editor = await dark.locator('[data-test-id="omnicomposer-rich-text-ckeditor"]').boundingBox();
	expect(panel && editor && panel.y + panel.height <= editor.y).toBe(true);
	await screenshot(dark, 'overlay-expanded-dark');
	await dark.close();
});
