// The agent-facing overlay on the demo helpdesk: risk, reasons with evidence, suggested replies chosen
// for the ticket with their fields, insertion (own paragraph, replace, undo, copy, never submit), the
// draft check marked in the reply box, a panel that stays out of the way (dock, narrow windows, Escape,
// the shortcut), queue markers, and the closed shadow root of the shipped build.
import {afterAll, beforeAll, expect, test} from 'vitest';
import type {Page} from 'playwright-core';
import {startDemoServer, type DemoServer} from '../demo/server.ts';
import {launchBrowser, screenshot, type Browser} from './harness.ts';

let browser: Browser;
let demo: DemoServer;
// Every request the pages made: a reply is never submitted.
const requests: string[] = [];

beforeAll(async () => {
	demo = await startDemoServer({scheduleLive: false});
	browser = await launchBrowser();
	browser.context.on('request', request => requests.push(`${request.method()} ${request.url()}`));
});

afterAll(async () => {
	await browser?.close();
	await demo?.close();
});

const editorOf = (page: Page, id: string) =>
	page.locator(`[data-side-conversations-anchor-id="${id}"] [data-test-id="omnicomposer-rich-text-ckeditor"]`);
const squash = (text: string | null | undefined) => (text ?? '').replaceAll(/\s+/g, ' ').trim();

async function openTicket(id: string, page?: Page): Promise<Page> {
	const tab = page ?? (await browser.context.newPage());
	await tab.goto(`${demo.url}/agent/tickets/${id}`);
	await expect.poll(async () => tab.locator('defuse-overlay').getAttribute('data-state'), {timeout: 15_000}).toBe('ticket');
	return tab;
}

test('an angry ticket: critical badge; the shortcut opens the panel without taking the caret; reasons with evidence highlighted', async () => {
	const page = await openTicket('1002');
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-level')).toBe('critical');
	await screenshot(page, 'overlay-collapsed-light');
	const editor = editorOf(page, '1002');
	await editor.click();
	await page.keyboard.press('Alt+Shift+D');
	await expect.poll(async () => host.locator('.reason').count()).toBeGreaterThanOrEqual(3);
	// Still typing in the reply box: the panel opened beside it.
	await page.keyboard.type('Hello');
	expect(squash(await editor.innerText())).toBe('Hello');
	await host.locator('.more').click();
	const reasons = await host.locator('.reason').allTextContents();
	expect(reasons.join('\n')).toContain('speak to a manager');
	// The tone lexicon reached the page with its setup data (the script does not carry it).
	expect(await host.locator('.reason[data-signal^="tone."]').count()).toBeGreaterThan(0);
	expect(await host.locator('[data-fact="path"]').textContent()).toContain('Hierarchical');
	await host.locator('.reason[data-signal="phrase.manager"]').click();
	expect(await host.getAttribute('data-highlight')).toBe('phrase.manager:highlight');
	const highlighted = await page.evaluate(() => {
		const registry = (globalThis as unknown as {CSS: {highlights: Map<string, Set<Range>>}}).CSS.highlights;
		return [...(registry.get('defuse-evidence') ?? [])].map(range => range.toString());
	});
	expect(highlighted).toEqual(['speak to a manager']);
	expect(await page.locator('mark, [data-defuse]').count()).toBe(0);
	await screenshot(page, 'overlay-expanded-light');
	// The shortcut again closes it, and the caret is still in the reply box.
	await page.keyboard.press('Alt+Shift+D');
	await expect.poll(async () => host.locator('.panel').count()).toBe(0);
	await page.keyboard.type(' Marcus');
	expect(squash(await editor.innerText())).toBe('Hello Marcus');
	await page.close();
});

test('suggestions: the chargeback reply first, with its reason; fields in words with their source; values kept per ticket', async () => {
	const page = await openTicket('1002');
	const host = page.locator('defuse-overlay');
	await host.locator('.badge').click();
	const first = host.locator('.suggestion').first();
	expect(await first.getAttribute('data-template')).toBe('legal-chargeback');
	expect(await first.locator('.suggestion-title').textContent()).toBe('Chargeback or bank dispute: respect their route');
	expect(await first.locator('.why').textContent()).toMatch(/^Chargeback or bank dispute: '.+'/);
	expect(await host.locator('.suggestion').count()).toBe(3);
	expect(await host.locator('[data-fact="first-run"]').textContent()).toContain('Replies are signed with your name');
	expect(await first.locator('.field[data-key="customer.firstName"] .source').textContent()).toBe('from the ticket');
	expect(await first.locator('.field[data-key="customer.firstName"] input').inputValue()).toBe('Marcus');
	expect(await first.locator('.field[data-key="eta"] .source').textContent()).toBe('needed');
	await first.getByLabel(/^When you will update them/).fill('by Friday noon');
	await first.getByLabel(/^Your name/).fill('Dana Whitfield');
	expect(await first.locator('[data-action="insert"]').isDisabled()).toBe(false);
	expect(await first.locator('.suggestion-text').textContent()).toContain('by Friday noon with what I find');
	// Collapsing and reopening keeps what was typed for this ticket.
	await page.keyboard.press('Escape');
	await expect.poll(async () => host.locator('.panel').count()).toBe(0);
	await host.locator('.badge').click();
	expect(
		await host
			.locator('.suggestion')
			.first()
			.getByLabel(/^When you will update them/)
			.inputValue(),
	).toBe('by Friday noon');
	expect(await host.locator('.suggestion').first().locator('.field[data-key="eta"] .source').textContent()).toBe('typed');
	await screenshot(page, 'overlay-suggestion-fields');
	await page.close();
});

test('the likely trigger reads the trigger cues the page gets from the background', async () => {
	const page = await openTicket('1006');
	const host = page.locator('defuse-overlay');
	await page.keyboard.press('Alt+Shift+D');
	// The customer's words add to what the signals say: 77% with the cues, 63% from the signals alone
	await expect.poll(async () => host.locator('[data-fact="trigger"]').textContent()).toBe('Likely trigger: miscommunication (77%)');
	await screenshot(page, 'overlay-trigger-cues');
	await page.close();
});

test('insertion: at the caret as its own paragraph, replace the draft (undo brings it back), copy; never submitted', async () => {
	await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: demo.url});
	const page = await openTicket('1003');
	const host = page.locator('defuse-overlay');
	const editor = editorOf(page, '1003');
	await editor.click();
	await page.keyboard.type('Hi Ines, thanks for your patience.');
	await host.locator('.badge').click();
	const card = host.locator('.suggestion').first();
	const needed = await card.locator('.field.is-needed input').evaluateAll(inputs => inputs.map(input => input.getAttribute('name')));
	for (const name of needed) {
		await card.locator(`input[name="${name}"]`).fill(name === 'agent.name' ? 'Sam Okafor' : '3 pm today');
	}

	const reply = (await card.locator('.suggestion-text').textContent()) ?? '';
	expect(reply).not.toContain('{{');
	await card.locator('[data-action="insert"]').click();
	await expect.poll(async () => card.locator('.result').textContent()).toBe('Inserted into the reply box');
	const paragraphs = await editor.evaluate(element =>
		(element as HTMLElement).innerText
			.split(/\n+/)
			.map(line => line.trim())
			.filter(Boolean),
	);
	expect(paragraphs[0]).toBe('Hi Ines, thanks for your patience.');
	expect(squash(paragraphs.slice(1).join(' '))).toBe(squash(reply));
	await card.locator('[data-action="replace"]').click();
	await expect.poll(async () => card.locator('.result').textContent()).toBe("Your draft was replaced (your editor's undo brings it back)");
	expect(squash(await editor.innerText())).toBe(squash(reply));
	await editor.click();
	await page.keyboard.press('Control+Z');
	await expect.poll(async () => squash(await editor.innerText())).toContain('Hi Ines, thanks for your patience.');
	await card.locator('[data-action="copy"]').click();
	await expect.poll(async () => card.locator('.result').textContent()).toBe('Copied');
	expect(squash(await page.evaluate(async () => navigator.clipboard.readText()))).toBe(squash(reply));
	expect(requests.filter(request => request.startsWith('POST'))).toEqual([]);
	await screenshot(page, 'overlay-inserted');
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
	const page = await openTicket('1004');
	const host = page.locator('defuse-overlay');
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
	await expect
		.poll(async () => host.locator('[data-fact="escalated"]').textContent())
		.toBe('Marked escalated (functional, Calendar engineering).');
	await screenshot(page, 'overlay-feedback');

	const [feedback] = await storedEvents('feedback');
	expect(feedback).toMatchObject({ticketKey: 'demo:127.0.0.1:1004', data: {verdict: 'disagree', reason: 'Sarcasm or a joke'}});
	expect(await storedEvents('snooze')).toHaveLength(1);
	expect((await storedEvents('escalated'))[0]).toMatchObject({
		data: {escalation: 'functional', team: 'Calendar engineering', source: 'agent'},
	});
	expect((await storedEvents('flag-raised')).some(flag => flag['ticketKey'] === 'demo:127.0.0.1:1004')).toBe(true);
	await page.reload();
	await expect.poll(async () => host.locator('.badge-snoozed').count()).toBe(1);
	await page.close();
});

test('the draft check: counted on the collapsed badge, marked in the reply box, fixed in place; Escape gives the caret back', async () => {
	const page = await openTicket('1006');
	const host = page.locator('defuse-overlay');
	const editor = editorOf(page, '1006');
	await editor.click();
	await page.keyboard.type('Hi Kwame, calm down. As I said, per our policy there is nothing I can do about the size.');
	await expect.poll(async () => host.getAttribute('data-draft-issues')).toBe('4');
	expect(await host.locator('[data-fact="draft-count"]').textContent()).toBe('✎ 4 phrases to check in your draft');
	expect(await host.locator('.panel').count()).toBe(0);
	const marked = await page.evaluate(() => {
		const registry = (globalThis as unknown as {CSS: {highlights: Map<string, Set<Range>>}}).CSS.highlights;
		return [...(registry.get('defuse-draft') ?? [])].map(range => range.toString());
	});
	expect(marked).toEqual(['calm down', 'As I said', 'per our policy', 'there is nothing I can do']);
	// Marked by the browser, from a Range: the editor holds only what was typed.
	expect(await editor.evaluate(element => element.querySelectorAll('*:not(br)').length)).toBe(0);
	await screenshot(page, 'overlay-draft-marks-collapsed');
	await host.locator('.badge').click();
	expect(await host.locator('.panel-body > :first-child').getAttribute('class')).toBe('draft');
	expect(await host.locator('.draft-issues li[data-rule="per-policy"] [data-action="apply"]').count()).toBe(0);
	await host.locator('.draft-issues li[data-rule="calm-down"] [data-action="apply"]').click();
	await expect
		.poll(async () => squash(await editor.innerText()))
		.toBe(
			'Hi Kwame, I understand why this is frustrating, and I want to get it sorted. As I said, per our policy there is nothing I can do about the size.',
		);
	await host.locator('.draft-issues li[data-rule="as-i-said"] [data-action="apply"]').click();
	await expect
		.poll(async () => squash(await editor.innerText()))
		.toBe(
			'Hi Kwame, I understand why this is frustrating, and I want to get it sorted. Per our policy there is nothing I can do about the size.',
		);
	await expect.poll(async () => host.getAttribute('data-draft-issues')).toBe('2');
	await screenshot(page, 'overlay-draft-check');
	// Escape closes the panel and puts the caret back in the reply box.
	await host.locator('.draft-issues [data-rule="per-policy"]').click();
	await page.keyboard.press('Escape');
	await expect.poll(async () => host.locator('.panel').count()).toBe(0);
	expect(await page.evaluate(() => document.activeElement?.getAttribute('data-test-id'))).toBe('omnicomposer-rich-text-ckeditor');
	await page.keyboard.press('End');
	await page.keyboard.type(' Thanks.');
	expect(squash(await editor.innerText())).toMatch(/about the size\. Thanks\.$/);
	await page.close();
});

test('docked left and wider, remembered for this helpdesk after a reload', async () => {
	const page = await openTicket('1005');
	const host = page.locator('defuse-overlay');
	await host.locator('.badge').click();
	await host.locator('[data-action="dock-left"]').click();
	const separator = host.getByRole('separator', {name: /Panel width/});
	await separator.focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect.poll(async () => (await host.locator('.panel').boundingBox())?.x).toBe(16);
	expect((await host.locator('.panel').boundingBox())?.width).toBe(380);
	await page.reload();
	await expect.poll(async () => host.getAttribute('data-state')).toBe('ticket');
	await host.locator('.badge').click();
	await expect.poll(async () => (await host.locator('.panel').boundingBox())?.x).toBe(16);
	expect((await host.locator('.panel').boundingBox())?.width).toBe(380);
	// Dragging the header to the right half docks it right again.
	const head = await host.locator('.panel-head').boundingBox();
	await page.mouse.move(head!.x + 60, head!.y + 12);
	await page.mouse.down();
	await page.mouse.move(1000, head!.y + 112, {steps: 5});
	await page.mouse.up();
	await expect.poll(async () => (await host.locator('.panel').boundingBox())?.x).toBe(1280 - 16 - 380);
	expect(Math.round((await host.locator('.panel').boundingBox())!.y)).toBeGreaterThan(head!.y + 60);
	await page.close();
});

test("800 px wide: the panel takes the helpdesk's sidebar and covers neither the thread nor the reply box", async () => {
	const page = await browser.context.newPage();
	await page.setViewportSize({width: 800, height: 760});
	await openTicket('1002', page);
	const host = page.locator('defuse-overlay');
	await host.locator('.badge').click();
	expect(await host.getAttribute('data-mode')).toBe('sidebar');
	const panel = (await host.locator('.panel').boundingBox())!;
	const thread = (await page.locator('[data-side-conversations-anchor-id="1002"] .conversation').boundingBox())!;
	const sidebar = (await page.locator('[data-side-conversations-anchor-id="1002"] aside.properties').boundingBox())!;
	expect(panel.x + panel.width).toBeLessThanOrEqual(thread.x + 1);
	expect(panel.x).toBeGreaterThanOrEqual(sidebar.x - 1);
	await screenshot(page, 'overlay-narrow-800');
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
	expect(await host.locator('.reason[data-signal="wait.due"]').textContent()).toMatch(
		/first reply due in \d+ min \(target 1 h\), priority urgent/,
	);
	await screenshot(page, 'overlay-urgent-due');
	await page.close();
});

test('dark helpdesk theme: the overlay follows it', async () => {
	const dark = await browser.context.newPage();
	await dark.emulateMedia({colorScheme: 'dark'});
	await openTicket('1005', dark);
	const host = dark.locator('defuse-overlay');
	await screenshot(dark, 'overlay-collapsed-dark');
	await host.locator('.badge').click();
	expect(await host.locator('.panel').evaluate(element => getComputedStyle(element).backgroundColor)).toBe('rgb(28, 33, 40)');
	const panel = await host.locator('.panel').boundingBox();
	const editor = await dark
		.locator('[data-side-conversations-anchor-id="1005"] [data-test-id="omnicomposer-rich-text-ckeditor"]')
		.boundingBox();
	expect(
		panel && editor && (panel.y + panel.height <= editor.y || panel.x + panel.width <= editor.x || panel.x >= editor.x + editor.width),
	).toBe(true);
	await screenshot(dark, 'overlay-expanded-dark');
	await dark.close();
});

test('queue markers: from the list itself on a fresh profile, then from what was seen; in the row, labelled, linking to the ticket', async () => {
	const fresh = await launchBrowser();
	try {
		const list = await fresh.context.newPage();
		await list.goto(`${demo.url}/agent/filters/all`);
		const host = list.locator('defuse-overlay');
		await expect.poll(async () => host.getAttribute('data-state'), {timeout: 15_000}).toBe('list');
		const fromList = await host.locator('.queue-mark.from-list').evaluateAll(marks => marks.map(mark => mark.getAttribute('data-ticket')));
		expect(fromList).toEqual(expect.arrayContaining(['1003', '1004']));
		expect(fromList).not.toContain('1001');
	} finally {
		await fresh.close();
	}

	const page = await browser.context.newPage();
	for (const id of ['1002', '1007', '1001']) {
		await openTicket(id, page);
	}

	await page.goto(`${demo.url}/agent/filters/all`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state')).toBe('list');
	await expect
		.poll(async () => host.locator('.queue-mark.from-seen').evaluateAll(marks => marks.map(mark => mark.getAttribute('data-ticket'))))
		.toEqual(expect.arrayContaining(['1002', '1007']));
	expect(await host.locator('.queue-mark[data-ticket="1001"]').count()).toBe(0);
	for (const id of ['1002', '1007', '1004']) {
		const row = (await page.locator('tr', {hasText: `#${id}`}).boundingBox())!;
		const mark = (await host.locator(`.queue-mark[data-ticket="${id}"]`).boundingBox())!;
		expect(mark.x).toBeGreaterThanOrEqual(row.x);
		expect(mark.x + mark.width).toBeLessThanOrEqual(row.x + row.width);
		expect(mark.y).toBeGreaterThanOrEqual(row.y);
		expect(mark.y + mark.height).toBeLessThanOrEqual(row.y + row.height);
	}

	const marker = host.locator('.queue-mark[data-ticket="1007"]');
	expect(await marker.getAttribute('title')).toMatch(/SLA due in \d+ min/);
	expect(await marker.getAttribute('href')).toBe(`${demo.url}/agent/tickets/1007`);
	await host.locator('.badge').click();
	expect(await host.getByRole('list', {name: 'What the markers mean'}).count()).toBe(1);
	expect(await host.locator('.queue a[href$="/agent/tickets/1002"]').count()).toBe(1);
	await screenshot(page, 'queue-markers');
	await marker.click();
	await expect.poll(() => page.url()).toBe(`${demo.url}/agent/tickets/1007`);
	await page.close();
});

test("the shipped build's shadow root is closed: the page cannot reach into the overlay", async () => {
	const closed = await launchBrowser({closedShadowRoot: true});
	try {
		const page = await closed.context.newPage();
		await page.goto(`${demo.url}/agent/tickets/1002`);
		const host = page.locator('defuse-overlay');
		await expect.poll(async () => host.getAttribute('data-level'), {timeout: 15_000}).toBe('critical');
		expect(await host.evaluate(element => element.shadowRoot)).toBeNull();
		// The page cannot open it either: a second attachShadow on the host fails.
		expect(
			await host.evaluate(element => {
				try {
					element.attachShadow({mode: 'open'});
					return 'attached';
				} catch (error) {
					return (error as Error).name;
				}
			}),
		).toBe('NotSupportedError');
		await screenshot(page, 'overlay-closed-root');
	} finally {
		await closed.close();
	}
});
