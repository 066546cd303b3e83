// Importing a file in the static dashboard (Chromium), watched stage by stage: shared by the bench
// (a 100 MB Zendesk export) and the browser test (a small one). Every label the progress bar shows is
// recorded with its time by an observer in the page, so short stages are not missed between polls.
import type {Page} from 'playwright-core';

export type StageSeen = {label: string; atMs: number};

export type BrowserImport = {
	/** Each distinct progress label (percentages stripped) with the time it first appeared, from the file being handed over. */
	stages: StageSeen[];
	/** From handing over the file to the tickets card showing a number. */
	totalMs: number;
	/** The tickets card's value (tickets in the dashboard's default period). */
	ticketsCard: number;
	/** The import's own line ("... imported N tickets ..."). */
	outcome: string;
};

// A string, not a function: under tsx, functions handed to page.evaluate lose helpers they define.
const observeProgress = `(() => {
	const seen = [];
	const started = performance.now();
	const record = () => {
		for (const node of document.querySelectorAll('.progress-label')) {
			const label = (node.textContent ?? '').replace(/\\s*(\\d+%|…)$/, '').trim();
			if (label && !seen.some(entry => entry.label === label)) {
				seen.push({label, atMs: Math.round(performance.now() - started)});
			}
		}
	};
	new MutationObserver(record).observe(document.body, {subtree: true, childList: true, characterData: true});
	window.__defuseStages = seen;
	window.__defuseStarted = started;
})()`;

/** Opens the import tab of the dashboard at `url`, imports `file` and waits until the KPI cards show it. */
export async function importInBrowser(page: Page, url: string, file: string, timeoutMs: number): Promise<BrowserImport> {
	await page.goto(url);
	await page.getByRole('tab', {name: 'Import and export'}).click();
	await page.evaluate(observeProgress);
	const started = Date.now();
	await page.locator('[data-role="import-input"]').setInputFiles(file);
	const name = file.split(/[\\/]/).at(-1)!;
	const deadline = started + timeoutMs;
	const line = page.locator(`[data-import="${name}"]`);
	while (Date.now() < deadline) {
		const ok = (await line.count()) > 0 ? await line.getAttribute('data-ok') : null;
		if (ok === 'false') {
			throw new Error(`the import was refused: ${await line.textContent()}`);
		}

		if (ok === 'true' && (await page.locator('main.dashboard').getAttribute('data-state')) === 'ready') {
			const outcome = (await line.textContent()) ?? '';
			await page.getByRole('tab', {name: 'Overview'}).click();
			const card = page.locator('[data-kpi="tickets"]').first();
			await card.waitFor({timeout: Math.max(1000, deadline - Date.now())});
			const value = await card.getAttribute('data-value');
			const totalMs = Date.now() - started;
			const stages = (await page.evaluate('window.__defuseStages')) as StageSeen[];
			return {stages, totalMs, ticketsCard: Number(value), outcome};
		}

		await page.waitForTimeout(250);
	}

	throw new Error(
		`no KPIs after ${Math.round(timeoutMs / 1000)} s; stages seen: ${JSON.stringify(await page.evaluate('window.__defuseStages'))}`,
	);
}
