// Big exports end to end, each against a baseline measured in the same run on the same file:
// - cli: a generated 200 MB Zendesk CSV through `defuse kpis --json` on DuckDB (streamed import, every
//   KPI of the headline, early warning, templates, themes, spikes), against the same command on sql.js
//   (the dashboard's engine). Targets: DuckDB within 30 s and 1 GB peak.
// - browser: a generated 100 MB Zendesk CSV imported in the static dashboard in Chromium, every
//   progress stage recorded, until the KPI cards show it; against `defuse kpis --engine sqljs` on the
//   same file (the same reading, measuring and loading code without a browser).
// Each command runs in a child process of its own, so its peak RSS (maxRSS, native memory included)
// is its own. Usage: npx tsx test/bench/run.ts big-data (several minutes).
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {main} from '../../dashboard/cli/defuse.ts';
import type {CliIo} from '../../dashboard/cli/defuse.ts';
import {nodeIo} from '../../dashboard/cli/defuse.ts';
import {importInBrowser} from './browser-import.ts';
import {writeZendeskCsv} from './zendesk-csv.ts';

const root = path.resolve(import.meta.dirname, '../..');
const self = fileURLToPath(import.meta.url);
/** Rows of the generator per MB of export (about 242 bytes a row). */
const rowsPerMb = 4150;

type CliRun = {
	engine: string;
	exitCode: number;
	wallMs: number;
	peakRssMb: number;
	tickets: number | null;
	reports: string[];
	stderr: string;
};

/** In the child: one `defuse kpis --json` run, its output kept in memory and summarised. */
async function cliChild(engine: string, file: string): Promise<CliRun> {
	let stdout = '';
	let stderr = '';
	const io: CliIo = {...nodeIo, stdout: text => void (stdout += text), stderr: text => void (stderr += text), progress: false};
	const started = performance.now();
	const exitCode = await main(['kpis', file, '--host', 'acme.zendesk.com', '--json', '--engine', engine], io);
	const wallMs = Math.round(performance.now() - started);
	const output = exitCode === 0 ? (JSON.parse(stdout) as Record<string, unknown> & {rows: Array<{tickets: number}>}) : undefined;
	return {
		engine,
		exitCode,
		wallMs,
		peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
		tickets: output?.rows[0]?.tickets ?? null,
		reports: output ? Object.keys(output).filter(key => ['rows', 'earlyWarning', 'templates', 'themes', 'spikes'].includes(key)) : [],
		stderr: stderr.slice(0, 500),
	};
}

/**
 * One command in a child process; `heapMb` caps its JavaScript heap and lets it collect its garbage
 * before DuckDB loads the rows (as NODE_OPTIONS='--max-old-space-size=768 --expose-gc', which the
 * README and --help give for large exports).
 */
function runCli(engine: 'duckdb' | 'sqljs', file: string, heapMb?: number): CliRun {
	console.log(`big-data: defuse kpis on ${engine}${heapMb ? ` (heap ${heapMb} MB)` : ''}, ${Math.round(statSync(file).size / 1e6)} MB`);
	const heap = heapMb ? [`--max-old-space-size=${heapMb}`, '--expose-gc'] : [];
	const child = spawnSync(process.execPath, [...heap, '--import', 'tsx', self, 'cli', engine, file], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 16 * 1024 * 1024,
	});
	const last = child.stdout.trim().split('\n').at(-1) ?? '';
	if (child.status !== 0 || !last.startsWith('{')) {
		return {
			engine,
			exitCode: child.status ?? -1,
			wallMs: 0,
			peakRssMb: 0,
			tickets: null,
			reports: [],
			stderr: `${child.stderr}`.slice(-500),
		};
	}

	return JSON.parse(last) as CliRun;
}

async function serve(dir: string): Promise<Server> {
	const types: Record<string, string> = {
		'.html': 'text/html',
		'.js': 'text/javascript',
		'.css': 'text/css',
		'.wasm': 'application/wasm',
		'.png': 'image/png',
		'.json': 'application/json',
	};
	const server = createServer((request, response) => {
		const relative = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/dashboard\/?/, '') || 'index.html';
		const file = path.normalize(path.join(dir, relative));
		if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
			response.writeHead(404).end();
			return;
		}

		response.writeHead(200, {'content-type': types[path.extname(file)] ?? 'application/octet-stream'});
		response.end(readFileSync(file));
	});
	await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
	return server;
}

async function browserImport(file: string, work: string): Promise<Record<string, unknown>> {
	const site = path.join(work, 'site');
	const build = spawnSync(
		path.join(root, 'node_modules/.bin/vite'),
		['build', '--config', 'dashboard/vite.config.ts', '--outDir', site, '--logLevel', 'error'],
		{cwd: root, encoding: 'utf8'},
	);
	if (build.status !== 0) {
		throw new Error(`standalone dashboard build failed: ${build.stderr}`);
	}

	const server = await serve(site);
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	try {
		console.log(`big-data: import in Chromium, ${Math.round(statSync(file).size / 1e6)} MB`);
		const page = await browser.newPage();
		const errors: string[] = [];
		page.on('pageerror', error => errors.push(error.message));
		const result = await importInBrowser(page, `http://127.0.0.1:${(server.address() as AddressInfo).port}/dashboard/`, file, 20 * 60_000);
		return {...result, pageErrors: errors};
	} finally {
		await browser.close();
		server.close();
	}
}

const withinWall = (run: CliRun): boolean => run.exitCode === 0 && run.wallMs <= 30_000;
const withinPeak = (run: CliRun): boolean => run.exitCode === 0 && run.peakRssMb <= 1024;
const ratio = (value: number, base: number): number | null => (value > 0 && base > 0 ? Math.round((value / base) * 100) / 100 : null);

export async function run(): Promise<Record<string, unknown>> {
	const work = mkdtempSync(path.join(tmpdir(), 'defuse-bench-big-'));
	try {
		const cliFile = path.join(work, 'zendesk-200mb.csv');
		const browserFile = path.join(work, 'zendesk-100mb.csv');
		const cliRows = 200 * rowsPerMb;
		const browserRows = 100 * rowsPerMb;
		const cliBytes = await writeZendeskCsv(cliFile, cliRows);
		const duckdb = runCli('duckdb', cliFile);
		// The JavaScript side keeps about 1.2 bytes per byte of the file (subjects for themes, pending CSAT
		// scores, ids seen) and makes several times that in garbage; with its heap capped, the collector runs
		// before the heap grows, and with --expose-gc the load collects it before DuckDB takes its share.
		const duckdbHeapCapped = runCli('duckdb', cliFile, 768);
		const sqljs = runCli('sqljs', cliFile);
		rmSync(cliFile, {force: true});

		const browserBytes = await writeZendeskCsv(browserFile, browserRows);
		const browser = await browserImport(browserFile, work);
		const sqljsSameFile = runCli('sqljs', browserFile);
		return {
			cli: {
				file: {megabytes: Math.round(cliBytes / 1e6), rows: cliRows},
				duckdb,
				duckdbHeapCapped768: duckdbHeapCapped,
				baselineSqljs: sqljs,
				ratios: {
					wallDuckdbToSqljs: ratio(duckdb.wallMs, sqljs.wallMs),
					peakRssDuckdbToSqljs: ratio(duckdb.peakRssMb, sqljs.peakRssMb),
					wallDuckdbHeapCappedToSqljs: ratio(duckdbHeapCapped.wallMs, sqljs.wallMs),
					peakRssDuckdbHeapCappedToSqljs: ratio(duckdbHeapCapped.peakRssMb, sqljs.peakRssMb),
				},
				targets: {wallMs: 30_000, peakRssMb: 1024},
				withinTargets: {wall: withinWall(duckdb), peakRss: withinPeak(duckdb)},
				withinTargetsHeapCapped768: {wall: withinWall(duckdbHeapCapped), peakRss: withinPeak(duckdbHeapCapped)},
			},
			browser: {
				file: {megabytes: Math.round(browserBytes / 1e6), rows: browserRows},
				chromium: browser,
				baselineCliSqljs: sqljsSameFile,
				ratios: {wallBrowserToCliSqljs: ratio(Number(browser.totalMs), sqljsSameFile.wallMs)},
			},
			notes:
				"Zendesk exports generated by test/bench/zendesk-csv.ts (seed 16, 365 days). cli: wall time of main() in its own process (parse, measure, load, every report of --json); peakRssMb is that process's maxRSS, DuckDB's native memory included; duckdbHeapCapped768 runs with node --max-old-space-size=768 --expose-gc. " +
				'browser: the static dashboard (vite build) served locally, headless Chromium; totalMs from handing over the file to the tickets card showing a number; stages are the progress labels in the order they first appeared.',
		};
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}

if (process.argv[1] === self && process.argv[2] === 'cli') {
	const [, , , engine, file] = process.argv;
	console.log(JSON.stringify(await cliChild(engine!, file!)));
}
