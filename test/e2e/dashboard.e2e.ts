// The team-lead dashboard end to end: the extension page and the static site with the demo history
// (charts drawn, KPI cards equal to the metrics computed in Node for the same data, screenshots light
// and dark), and a snapshot exported in one browser profile and imported in another.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {dirname, extname, join, normalize, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {defaultSettings} from '../../core/settings.ts';
import {kpiCards} from '../../dashboard/components/kpi-model.ts';
import {lastDays, previousPeriod} from '../../dashboard/components/period.ts';
import {createSession} from '../../dashboard/session/session.ts';
import {openNodeDatabase} from '../../dashboard/worker/node-database.ts';
import {importInBrowser} from '../bench/browser-import.ts';
import {writeZendeskCsv} from '../bench/zendesk-csv.ts';
import {artifactsDir, externalRequests, launchBrowser, screenshot, type Browser} from './harness.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(join(tmpdir(), 'defuse-dashboard-e2e-'));
// DEFUSE_DASHBOARD_DIR: a standalone build made beforehand (npm run build:dashboard); else one is built here.
const siteDir = process.env['DEFUSE_DASHBOARD_DIR'] ?? join(work, 'site');
const types: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.wasm': 'application/wasm',
	'.png': 'image/png',
	'.json': 'application/json',
};

let first: Browser;
let second: Browser;
let site: Server;
let siteUrl: string;
let expected: Array<[string, number | null]>;

/** A static host: serves the built site under /dashboard/, bytes as they are. */
async function serve(dir: string): Promise<Server> {
	const server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
		const relative = path.replace(/^\/dashboard\/?/, '') || 'index.html';
		const file = normalize(join(dir, relative));
		if (!path.startsWith('/dashboard') || !file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
			response.writeHead(404).end();
			return;
		}

		response.writeHead(200, {'content-type': types[extname(file)] ?? 'application/octet-stream'});
		response.end(readFileSync(file));
	});
	await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
	return server;
}

/** What the page must show: the KPI cards of the default period (last 30 days) computed in Node. */
async function expectedCards(): Promise<Array<[string, number | null]>> {
	const session = createSession(async () => openNodeDatabase(), {businessHours: {calendar: defaultSettings.sla.calendar}});
	await session.loadDemo();
	const summary = await session.reload();
	const period = lastDays(30, summary.firstDay!, summary.lastDay!);
	const current = session.kpis({...period, filters: {}, fcr: 'one-touch'})[0]!;
	const previous = session.kpis({...previousPeriod(period), filters: {}, fcr: 'one-touch'})[0];
	session.close();
	return kpiCards(current, previous, 'one-touch').map(card => [card.id, card.value]);
}

async function shownCards(page: Page): Promise<Array<[string, number | null]>> {
	return page.locator('[data-kpi]').evaluateAll(cards =>
		cards.map(card => {
			const value = card.getAttribute('data-value') ?? '';
			return [card.getAttribute('data-kpi') ?? '', value === '' ? null : Number(value)] as [string, number | null];
		}),
	);
}

function expectSameCards(actual: Array<[string, number | null]>, wanted: Array<[string, number | null]>): void {
	expect(actual.map(([id]) => id)).toEqual(wanted.map(([id]) => id));
	for (const [index, [id, value]] of wanted.entries()) {
		const shown = actual[index]![1];
		if (value === null) {
			expect(shown, id).toBeNull();
		} else {
			expect(shown, id).toBeCloseTo(value, 6);
		}
	}
}

/** The whole page, not only the viewport: the charts sit below the cards. */
async function fullScreenshot(page: Page, name: string): Promise<void> {
	mkdirSync(artifactsDir, {recursive: true});
	await page.screenshot({path: join(artifactsDir, `${name}.png`), fullPage: true});
}

async function ready(page: Page): Promise<void> {
	await expect.poll(async () => page.locator('main.dashboard').getAttribute('data-state'), {timeout: 30_000}).toBe('ready');
	await expect.poll(async () => page.locator('[data-kpi]').count(), {timeout: 15_000}).toBeGreaterThan(10);
}

/** Every chart's canvas has a size and something drawn on it. */
async function chartsDrawn(page: Page): Promise<Array<{width: number; height: number; inked: boolean}>> {
	await expect.poll(async () => page.locator('.chart canvas').count(), {timeout: 15_000}).toBeGreaterThanOrEqual(3);
	return page.locator('.chart canvas').evaluateAll(canvases =>
		canvases.map(canvas => {
			const element = canvas as HTMLCanvasElement;
			const pixels = element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data;
			let inked = false;
			for (let index = 3; pixels && index < pixels.length; index += 4) {
				if (pixels[index]! > 0) {
					inked = true;
					break;
				}
			}

			const box = element.getBoundingClientRect();
			return {width: box.width, height: box.height, inked};
		}),
	);
}

beforeAll(async () => {
	if (!process.env['DEFUSE_DASHBOARD_DIR']) {
		const vite = join(root, 'node_modules/.bin/vite');
		const build = spawnSync(vite, ['build', '--config', 'dashboard/vite.config.ts', '--outDir', siteDir, '--logLevel', 'error'], {
			cwd: root,
			encoding: 'utf8',
		});
		if (build.status !== 0) {
			throw new Error(`standalone dashboard build failed: ${build.stderr}`);
		}
	}

	[expected, site, first, second] = await Promise.all([expectedCards(), serve(siteDir), launchBrowser(), launchBrowser()]);
	siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/dashboard/`;
}, 90_000);

afterAll(async () => {
	await Promise.all([first?.close(), second?.close()]);
	site?.close();
	rmSync(work, {recursive: true, force: true});
});

test("the extension page with the demo history: charts drawn, KPIs equal to the worker's, light and dark", async () => {
	const page = await first.context.newPage();
	await page.goto(`chrome-extension://${first.extensionId}/dashboard.html?demo=1`);
	await ready(page);
	expectSameCards(await shownCards(page), expected);
	for (const chart of await chartsDrawn(page)) {
		expect(chart.width).toBeGreaterThan(100);
		expect(chart.height).toBeGreaterThan(100);
		expect(chart.inked).toBe(true);
	}

	// A definition is one click away, and Escape-free keyboard use works: Enter on the focused button.
	await page.locator('[data-kpi="fcr"] .help-button').focus();
	await page.keyboard.press('Enter');
	await expect.poll(async () => page.locator('#help-fcr').textContent()).toContain('Freshservice');
	await fullScreenshot(page, 'dashboard-light');
	await page.emulateMedia({colorScheme: 'dark'});
	await expect.poll(async () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(15, 20, 25)');
	await fullScreenshot(page, 'dashboard-dark');
	await page.emulateMedia({colorScheme: 'light'});

	// The other views answer too.
	await page.getByRole('tab', {name: 'Breakdowns'}).click();
	await expect.poll(async () => page.locator('table.breakdown tbody tr').count()).toBeGreaterThan(3);
	await page.getByRole('tab', {name: 'Early warnings'}).click();
	await expect.poll(async () => page.locator('tr[data-level="watch"]').count()).toBe(1);
	await fullScreenshot(page, 'dashboard-warnings');
	await page.getByRole('tab', {name: 'Themes'}).click();
	await expect.poll(async () => page.locator('tr[data-theme]').count()).toBeGreaterThan(0);
	await screenshot(page, 'dashboard-themes');
	await page.close();
}, 60_000);

test('the static site with ?demo=1 shows the same KPIs, with no request leaving the machine', async () => {
	const page = await first.context.newPage();
	await page.goto(`${siteUrl}?demo=1`);
	await ready(page);
	expectSameCards(await shownCards(page), expected);
	expect((await chartsDrawn(page)).every(chart => chart.width > 100 && chart.inked)).toBe(true);
	await screenshot(page, 'dashboard-standalone');
	expect(externalRequests(first.requests)).toEqual([]);
	await page.close();
}, 60_000);

test('a snapshot exported in one profile and imported in another gives the same KPIs; bad files are refused by line', async () => {
	const producer = await first.context.newPage();
	await producer.goto(`${siteUrl}?demo=1`);
	await ready(producer);
	const produced = await shownCards(producer);
	await producer.getByRole('tab', {name: 'Import and export'}).click();
	const [download] = await Promise.all([producer.waitForEvent('download'), producer.locator('[data-role="export-snapshot"]').click()]);
	const snapshotPath = join(work, 'team.json');
	await download.saveAs(snapshotPath);
	const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as {format: string; detail: string; texts?: unknown};
	expect(snapshot).toMatchObject({format: 'defuse-snapshot', detail: 'aggregates'});
	expect(snapshot.texts).toBeUndefined();
	await producer.close();

	const consumer = await second.context.newPage();
	await consumer.goto(`chrome-extension://${second.extensionId}/dashboard.html`);
	await expect.poll(async () => consumer.locator('main.dashboard').getAttribute('data-state'), {timeout: 20_000}).toBe('empty');
	await consumer.getByRole('tab', {name: 'Import and export'}).click();
	const input = consumer.locator('[data-role="import-input"]');
	await input.setInputFiles(snapshotPath);
	await expect.poll(async () => consumer.locator('[data-import="team.json"]').getAttribute('data-ok'), {timeout: 20_000}).toBe('true');
	await consumer.getByRole('tab', {name: 'Overview'}).click();
	await ready(consumer);
	expectSameCards(await shownCards(consumer), produced);

	// The same file again changes nothing; a CSV with a bad row is refused whole, with its line.
	await consumer.getByRole('tab', {name: 'Import and export'}).click();
	await input.setInputFiles(snapshotPath);
	await expect
		.poll(async () => consumer.locator('[data-import="team.json"]').textContent(), {timeout: 20_000})
		.toContain('replaced the earlier import');
	const badPath = join(work, 'zendesk-bad.csv');
	writeFileSync(
		badPath,
		'Id,Requester,Assignee,Status,Priority,Via,Created at\n1,Dana Reyes,Ana Ruiz,Solved,High,Mail,2026-06-01 10:00\n2,Lee Park,Ben Okafor,Open,Normal,Mail,yesterday\n',
	);
	await input.setInputFiles(badPath);
	await expect
		.poll(async () => consumer.locator('[data-import="zendesk-bad.csv"]').getAttribute('data-ok'), {timeout: 20_000})
		.toBe('false');
	expect(await consumer.locator('[data-import="zendesk-bad.csv"] [data-line]').first().textContent()).toMatch(/^Line 3/);
	await screenshot(consumer, 'dashboard-import');
	await consumer.getByRole('tab', {name: 'Overview'}).click();
	await ready(consumer);
	expectSameCards(await shownCards(consumer), produced);

	// The imported snapshot is kept by the page's origin: a new visit brings it back with the same KPIs.
	await consumer.reload();
	await ready(consumer);
	expectSameCards(await shownCards(consumer), produced);
	await consumer.getByRole('tab', {name: 'Import and export'}).click();
	await expect.poll(async () => consumer.locator('[data-source="snapshot"]').count(), {timeout: 20_000}).toBe(1);
	expect(externalRequests(second.requests)).toEqual([]);
	await consumer.close();
}, 90_000);

test('a generated Zendesk export imports in the static site with progress through every stage, then its KPIs show', async () => {
	// The bench imports 100 MB the same way (test/bench/big-data.bench.ts); a small file keeps this fast.
	const name = 'zendesk-export.csv';
	const file = join(work, name);
	await writeZendeskCsv(file, 20_000);
	const session = createSession(async () => openNodeDatabase(), {businessHours: {calendar: defaultSettings.sla.calendar}});
	await session.importFile(name, Object.assign(new Blob([readFileSync(file)]), {lastModified: 1}));
	const summary = await session.reload();
	const [row] = session.kpis({...lastDays(30, summary.firstDay!, summary.lastDay!), filters: {}, fcr: 'one-touch'});
	session.close();
	const fresh = await launchBrowser();
	try {
		const page = await fresh.context.newPage();
		const result = await importInBrowser(page, siteUrl, file, 120_000);
		const labels = result.stages.map(stage => stage.label);
		const at = (label: string): number => labels.indexOf(label);
		expect(labels[0]).toBe(`Reading ${name}`);
		// Reading, keeping, then loading: measuring, writing and indexing, in that order.
		for (const [before, after] of [
			[`Reading ${name}`, `Imported ${name}`],
			[`Imported ${name}`, 'Measuring and loading tickets'],
			['Measuring and loading tickets', 'Indexing'],
		]) {
			expect(at(before!), `${before} before ${after}`).toBeGreaterThanOrEqual(0);
			expect(at(after!), `${before} before ${after}`).toBeGreaterThan(at(before!));
		}

		expect(result.outcome).toContain('imported 20,000 tickets from 20,000 rows');
		expect(row!.tickets).toBeGreaterThan(0);
		expect(result.ticketsCard).toBe(row!.tickets);
		await screenshot(page, 'dashboard-imported-export');
		expect(externalRequests(fresh.requests)).toEqual([]);
	} finally {
		await fresh.close();
	}
}, 180_000);

test('drill-down from a card and from a breakdown cell lists the tickets behind the number, with links into the helpdesk', async () => {
	const page = await first.context.newPage();
	await page.goto(`${siteUrl}?demo=1`);
	await ready(page);
	const denominator = await page.locator('[data-kpi="escalation-rate"] .kpi-detail').textContent();
	await page.getByRole('button', {name: 'Show the tickets behind Escalation rate'}).click();
	const panel = page.locator('[data-role="drill"]');
	await expect.poll(async () => panel.locator('tbody tr').count(), {timeout: 15_000}).toBeGreaterThan(10);
	// "12 of 340 tickets" on the card; "340 tickets, 12 escalated" in the drill-down.
	const [, escalated, tickets] = /^([\d,]+) of ([\d,]+) tickets/.exec(denominator ?? '') ?? [];
	expect(await panel.locator('[data-role="drill-count"]').textContent()).toContain(`${tickets} tickets, ${escalated} escalated`);
	const link = await panel.locator('tbody a').first().getAttribute('href');
	expect(link).toMatch(/^https:\/\/northwind\.(zendesk|freshdesk)\.com\/(agent|a)\/tickets\/\d+$/);
	expect(await panel.locator('tbody tr').first().getAttribute('data-counted')).toBe('1');
	await screenshot(page, 'dashboard-drill-card');

	await page.getByRole('tab', {name: 'Breakdowns'}).click();
	await page.getByRole('combobox', {name: 'By', exact: true}).selectOption('agent');
	const cell = page.locator('table.breakdown tbody tr').first().locator('button[data-drill="resolutionRate"]');
	await cell.click();
	await expect.poll(async () => panel.getAttribute('data-metric')).toBe('resolutionRate');
	await expect.poll(async () => panel.locator('h2').textContent()).toMatch(/Behind “Resolution rate”, /);
	await fullScreenshot(page, 'dashboard-drill-breakdown');
	await page.close();
}, 60_000);

test('an incomplete period is marked on the cards and shaded on the charts, and can be left out', async () => {
	const page = await first.context.newPage();
	await page.goto(`${siteUrl}?demo=1`);
	await ready(page);
	// The demo's last 30 days end on its last day: the latest tickets are still open.
	const banner = page.locator('[data-role="period-state"]');
	await expect.poll(async () => banner.count(), {timeout: 15_000}).toBe(1);
	expect(await banner.textContent()).toMatch(/Incomplete period\..*Tickets created after \d{4}-\d{2}-\d{2} are still being worked on/);
	expect(await page.locator('[data-kpi="resolution-rate"] [data-role="note"]').textContent()).toMatch(/^Not final: tickets created after/);
	expect(await page.locator('[data-kpi="resolution-rate"] .change').getAttribute('class')).not.toMatch(/better|worse/);
	const from = await page.locator('[data-chart="quality"]').getAttribute('data-incomplete-from');
	expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	await fullScreenshot(page, 'dashboard-incomplete-period');
	const settled = /after (\d{4}-\d{2}-\d{2})/.exec((await banner.textContent()) ?? '')![1]!;
	await page.locator('[data-role="leave-out-incomplete"]').click();
	await expect.poll(async () => page.locator('[data-role="period"]').textContent()).toContain(`to ${settled}`);
	expect(await page.locator('[data-role="period-state"]').count()).toBe(0);
	expect(new URL(page.url()).searchParams.get('complete')).toBe('1');
	await page.close();
}, 60_000);

test('a shared address reopens the same view, period, filters and drill-down in another profile', async () => {
	const page = await first.context.newPage();
	await page.goto(`${siteUrl}?demo=1`);
	await ready(page);
	await page.getByRole('combobox', {name: 'Priority'}).selectOption('high');
	await page.getByRole('combobox', {name: 'Trend by'}).selectOption('week');
	await page.getByRole('button', {name: 'Show the tickets behind Full resolution time'}).click();
	await expect.poll(async () => page.locator('[data-role="drill"] tbody tr').count(), {timeout: 15_000}).toBeGreaterThan(0);
	await page.getByRole('tab', {name: 'Breakdowns'}).click();
	await page.getByRole('combobox', {name: 'By', exact: true}).selectOption('channel');
	await expect.poll(async () => new URL(page.url()).searchParams.get('by')).toBe('channel');
	const shared = page.url();
	const cells = await page.locator('table.breakdown').textContent();
	await page.close();

	// Another person's browser (a fresh profile: no kept imports) opens the link.
	const other = await second.context.newPage();
	await other.goto(shared);
	await expect.poll(async () => other.locator('main.dashboard').getAttribute('data-state'), {timeout: 30_000}).toBe('ready');
	expect(await other.getByRole('tab', {name: 'Breakdowns'}).getAttribute('aria-selected')).toBe('true');
	expect(await other.getByRole('combobox', {name: 'Priority'}).inputValue()).toBe('high');
	expect(await other.getByRole('combobox', {name: 'Trend by'}).inputValue()).toBe('week');
	await expect.poll(async () => other.locator('table.breakdown').textContent(), {timeout: 15_000}).toBe(cells);
	await expect.poll(async () => other.locator('[data-role="drill"]').getAttribute('data-metric')).toBe('fullResolution');
	expect(new URL(other.url()).searchParams.toString()).toBe(new URL(shared).searchParams.toString());
	await fullScreenshot(other, 'dashboard-shared-url-reopened');
	await other.close();
}, 60_000);

test('at 420 px nothing is wider than the window', async () => {
	const page = await first.context.newPage();
	await page.setViewportSize({width: 420, height: 900});
	await page.goto(`${siteUrl}?demo=1`);
	await ready(page);
	await expect.poll(async () => page.locator('.chart canvas').count(), {timeout: 15_000}).toBeGreaterThanOrEqual(3);
	const overflow = async () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(await overflow()).toBe(0);
	await fullScreenshot(page, 'dashboard-420px');
	await screenshot(page, 'dashboard-420px-top');
	await page.locator('#trends-title').scrollIntoViewIfNeeded();
	await screenshot(page, 'dashboard-420px-trends');
	for (const tab of ['Breakdowns', 'Themes', 'Early warnings', 'Import and export']) {
		await page.getByRole('tab', {name: tab}).click();
		await page.waitForTimeout(300);
		expect(await overflow(), tab).toBe(0);
	}

	await fullScreenshot(page, 'dashboard-420px-import');
	await page.close();
}, 60_000);
