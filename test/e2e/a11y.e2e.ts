// Accessibility, checked by axe-core (from npm) in the browser: the overlay (collapsed, expanded with a
// suggestion open and the draft check showing, on a ticket list), the popup, the options page and the
// dashboard have no serious or critical violations. The helpdesk page around the overlay is not ours and
// is left out of the overlay's checks.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {startDemoServer, type DemoServer} from '../demo/server.ts';
import {launchBrowser, screenshot, type Browser} from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = {id: string; impact: string | null; help: string; nodes: Array<{target: unknown[]; failureSummary?: string}>};

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

/** Serious and critical violations axe finds on the page (or only inside `include`), as readable lines. */
async function violations(page: Page, include?: string): Promise<string[]> {
	// Evaluated through the debugging protocol, so extension pages' script policy does not stop it.
	await page.evaluate(axeSource);
	const found = await page.evaluate(async selector => {
		const {axe} = globalThis as unknown as {axe: {run(context: unknown, options: unknown): Promise<{violations: Violation[]}>}};
		const result = await axe.run(selector ? {include: [[selector]]} : document, {
			runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
			resultTypes: ['violations'],
		});
		return result.violations;
	}, include);
	return found
		.filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
		.map(
			violation =>
				`${violation.id} (${violation.impact ?? ''}): ${violation.help} at ${violation.nodes.map(node => JSON.stringify(node.target)).join(', ')} (first: ${(violation.nodes[0]?.failureSummary ?? '').replaceAll(/\s+/g, ' ')})`,
		);
}

test('the overlay: collapsed, expanded with a suggestion open and the draft check, light and dark', async () => {
	for (const scheme of ['light', 'dark'] as const) {
		const page = await browser.context.newPage();
		await page.emulateMedia({colorScheme: scheme});
		await page.goto(`${demo.url}/agent/tickets/1002`);
		const host = page.locator('defuse-overlay');
		await expect.poll(async () => host.getAttribute('data-state'), {timeout: 15_000}).toBe('ticket');
		expect(await violations(page, 'defuse-overlay')).toEqual([]);
		await page.locator('[data-side-conversations-anchor-id="1002"] [data-test-id="omnicomposer-rich-text-ckeditor"]').click();
		await page.keyboard.type('Calm down. As I said, per our policy the refund takes ten days.');
		await expect.poll(async () => host.getAttribute('data-draft-issues')).toBe('3');
		await host.locator('.badge').click();
		await host.locator('.more').click();
		expect(await violations(page, 'defuse-overlay')).toEqual([]);
		await host.locator('[data-action="escalate"]').click();
		expect(await violations(page, 'defuse-overlay')).toEqual([]);
		await screenshot(page, `a11y-overlay-${scheme}`);
		await page.close();
	}
});

test('the overlay on a ticket list: markers and the list panel', async () => {
	const page = await browser.context.newPage();
	await page.goto(`${demo.url}/agent/filters/all`);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state'), {timeout: 15_000}).toBe('list');
	await host.locator('.badge').click();
	expect(await violations(page, 'defuse-overlay')).toEqual([]);
	await page.close();
});

test.each(['popup.html', 'options.html', 'dashboard.html'])("the extension's %s", async path => {
	const page = await browser.context.newPage();
	await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
	await page.waitForLoadState('networkidle');
	// The dashboard draws its charts after its worker answers.
	await page.waitForTimeout(path === 'dashboard.html' ? 1500 : 300);
	expect(await violations(page)).toEqual([]);
	await page.close();
});
