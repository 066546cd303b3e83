// The dashboard's session, as the metrics worker holds it: the data sources of this page (the
// extension's store, the demo history, imported files) and the sql.js database built from all of them.
// Imports are parsed here (off the page's main thread) and, where the browser allows, kept in the
// dashboard origin's IndexedDB for the next visit (core/store/imports.ts) until removed.
import type {Database} from 'sql.js';
import {datasetFromStore} from '../../core/store/dataset.ts';
import type {DefuseDb} from '../../core/store/db.ts';
import type {ImportCache, KeptImport} from '../../core/store/imports.ts';
import {forgetImport, keepImport, keptImports} from '../../core/store/imports.ts';
import {formatMegabytes, formatNumber, textLocale} from '../../core/format.ts';
import type {ImportIssue, ImportProgress, ImportResult, TextSource} from '../../core/import/common.ts';
import {importFreshdeskCsv} from '../../core/import/freshdesk.ts';
import {importSurveyCsv} from '../../core/import/surveys.ts';
import {importZendeskCsv} from '../../core/import/zendesk.ts';
import type {Dataset, SurveyKind} from '../../core/metrics/dataset.ts';
import {mergeDatasets} from '../../core/metrics/dataset.ts';
import {DatasetError, datasetIssues, validateDataset} from '../../core/metrics/schema.ts';
import type {DemoOptions} from '../../core/metrics/demo-data.ts';
import {generateDemoDataset} from '../../core/metrics/demo-data.ts';
import {deriveFacts} from '../../core/metrics/facts.ts';
import type {FilterField} from '../../core/metrics/kpis.ts';
import {filterFields} from '../../core/metrics/kpis.ts';
import type {Settlement} from '../../core/metrics/periods.ts';
import type {BusinessHours} from '../../core/metrics/time.ts';
import {dayKeyToIso} from '../../core/metrics/time.ts';
import {mergeSnapshots} from '../../core/snapshot/merge.ts';
import type {Snapshot, SnapshotDetail} from '../../core/snapshot/snapshot.ts';
import {SnapshotError, createSnapshot, factsOfSnapshot, parseSnapshot, snapshotFromFacts, withShareableThemes} from '../../core/snapshot/snapshot.ts';
import {exportCsvBundle, exportSqlite} from '../worker/export.ts';
import {loadFacts} from '../worker/load.ts';
import {createMetricsApi} from '../worker/api.ts';
import type {LoadProgress} from '../worker/load.ts';
import {settlement} from '../worker/queries.ts';
import type {ImportKind} from './detect.ts';
import {detectImportKind} from './detect.ts';

export type SourceKind = ImportKind | 'demo' | 'store';

export type SourceInfo = {
	id: string;
	name: string;
	kind: SourceKind;
	/** Data rows read (CSV rows, snapshot tickets, store tickets). */
	rows: number;
	tickets: number;
	warnings: string[];
	/** Why this source could not be loaded (it is left out of the metrics and exports until removed). */
	error?: string | undefined;
};

export type ImportSettings = {
	/** @default detected from the file name and header */
	kind?: ImportKind | 'auto' | undefined;
	/** Zone of export times written without an offset. @default the session's zone */
	timezone?: string | undefined;
	/** The helpdesk's host, so imported ticket keys match those the extension saw. */
	host?: string | undefined;
	/** Survey files without a type column. */
	surveyKind?: SurveyKind | undefined;
	dayFirst?: boolean | undefined;
	/** Points of the CSAT scale behind plain numeric scores (2, 3 or 5). @default inferred (Zendesk) or 5 (survey files) */
	csatScale?: number | undefined;
};

export type ImportOutcome =
	| {ok: true; source: SourceInfo; replaced: boolean}
	/** Nothing from the file was kept. */
	| {ok: false; name: string; kind: ImportKind | undefined; rows: number; issues: ImportIssue[]; summary: string};

/** Progress of a long step: done out of total (bytes, rows or tickets). */
export type Progress = {label: string; done: number; total: number};

export type LoadSummary = {
	tickets: number;
	warnings: string[];
	sources: SourceInfo[];
	/** First and last local day with data ('YYYY-MM-DD'), null when nothing is loaded. */
	firstDay: string | null;
	lastDay: string | null;
	/** The values each filter can take (non-empty ones). */
	options: Record<FilterField, string[]>;
	timezone: string;
	businessHours: boolean;
	/** Which days' tickets are settled (undefined when nothing is loaded). */
	settlement?: Settlement | undefined;
};

/** What the page's worker brings: the extension's store (extension page only) and the import cache. */
export type SessionHooks = {
	/** Opens the extension's own store (its IndexedDB), read here in the worker, never on the page. */
	openStore?: (() => DefuseDb) | undefined;
	/** Opens the cache of imported files (kept between visits); without it imports last for this session. */
	openImports?: (() => ImportCache) | undefined;
	/** The clock that dates the store's open tickets ("still open now"). @default the system clock */
	now?: (() => Date) | undefined;
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function isSourceInfo(value: unknown): value is SourceInfo {
	const info = value as Partial<SourceInfo> | null;
	return typeof info === 'object' && info !== null && typeof info.id === 'string' && typeof info.name === 'string'
		&& typeof info.kind === 'string' && typeof info.rows === 'number' && typeof info.tickets === 'number'
		&& Array.isArray(info.warnings) && info.warnings.every(warning => typeof warning === 'string');
}

export type SessionOptions = {
	businessHours?: BusinessHours | undefined;
	/** Zone of days, weeks and months. @default the business calendar's zone, else 'UTC' */
	timezone?: string | undefined;
};

type Held =
	| {info: SourceInfo; dataset: Dataset}
	| {info: SourceInfo; snapshot: Snapshot};

/** A file's text in chunks, decoded as UTF-8 while it streams. */
async function * textChunks(blob: Blob): AsyncIterable<string> {
	const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
	for (;;) {
		const {done, value} = await reader.read();
		if (done) {
			return;
		}

		yield value;
	}
}

function throttled(report: ((progress: Progress) => void) | undefined, everyMs = 100): (progress: Progress) => void {
	let last = 0;
	return progress => {
		const now = Date.now();
		if (report && (now - last >= everyMs || progress.done >= progress.total)) {
			last = now;
			report(progress);
		}
	};
}

function loadLabel(progress: LoadProgress): string {
	switch (progress.phase) {
		case 'themes': {
			return 'Finding recurring themes';
		}

		case 'derive': {
			return 'Computing per-ticket measures';
		}

		case 'insert': {
			// Tickets are measured and written together.
			return progress.table === 'ticket_metrics' ? 'Measuring and loading tickets' : `Loading ${(progress.table ?? 'rows').replaceAll('_', ' ')}`;
		}

		default: {
			return 'Indexing';
		}
	}
}

/**
 * What one page holds. Chromium gives a worker about 4 GB of memory: a 100 MB Zendesk export (about
 * 600,000 tickets) loads within it; twice that does not. Beyond the limits the import stops at once
 * with a message naming them and the command line, which has no such limit.
 */
export const limits = {fileBytes: 160 * 1024 * 1024, tickets: 800_000, keptTickets: 150_000};

/** What to do with a file too big for the page. */
export function cliAdvice(name: string): string {
	return `For files this big use the command line, which streams them: npx defuse kpis ${name} for the numbers, or npx defuse import ${name} -o team.ndjson for a snapshot.`;
}

/**
 * The worker's object: every metrics query of createMetricsApi, plus the sources of this session.
 * `open` makes a fresh sql.js database (bundled wasm in the browser, node_modules in tests).
 */
export function createSession(open: () => Promise<Database>, initial: SessionOptions = {}, hooks: SessionHooks = {}) {
	let options: SessionOptions = initial;
	let store: DefuseDb | undefined;
	let importCache: ImportCache | undefined;
	const imports = (): ImportCache | undefined => {
		importCache ??= hooks.openImports?.();
		return importCache;
	};

	/** Keeps an imported source for the next visit; a browser that refuses (quota, private mode) only costs that. */
	async function persist(held: Held): Promise<void> {
		const cache = imports();
		if (!cache) {
			return;
		}

		try {
			await keepImport(cache, {id: held.info.id, savedAt: Date.now(), info: held.info, data: 'dataset' in held ? {dataset: held.dataset} : {snapshot: held.snapshot}});
		} catch (error) {
			held.info.warnings.push(`Kept for this visit only: the browser did not store it (${(error as Error).message}).`);
		}
	}

	/** A kept import, checked again as if it were a new file: anything that no longer passes is dropped. */
	function restored(entry: KeptImport): Held {
		if (!isSourceInfo(entry.info) || entry.info.id !== entry.id) {
			throw new Error('its description is damaged');
		}

		const data = entry.data as {dataset?: unknown; snapshot?: unknown} | null;
		if (data && typeof data === 'object' && 'snapshot' in data) {
			return {info: entry.info, snapshot: parseSnapshot(data.snapshot, entry.info.name)};
		}

		if (data && typeof data === 'object' && 'dataset' in data) {
			validateDataset(data.dataset);
			return {info: entry.info, dataset: data.dataset as Dataset};
		}

		throw new Error('it holds neither a dataset nor a snapshot');
	}

	let database: Database | undefined;
	const metrics = createMetricsApi(async () => {
		database = await open();
		return database;
	});
	const sources = new Map<string, Held>();
	let loaded = false;

	const timezone = (): string => options.timezone ?? options.businessHours?.calendar.timezone ?? 'UTC';
	/** The sources that load (one that failed stays listed, with its error, until removed). */
	const usable = (): Held[] => [...sources.values()].filter(held => held.info.error === undefined);
	const datasetsOf = (held: readonly Held[]): Dataset[] => held.flatMap(one => ('dataset' in one ? [one.dataset] : []));
	const snapshotsOf = (held: readonly Held[]): Snapshot[] => held.flatMap(one => ('snapshot' in one ? [one.snapshot] : []));
	const datasets = (): Dataset[] => datasetsOf(usable());
	const snapshots = (): Snapshot[] => snapshotsOf(usable());
	const infos = (): SourceInfo[] => [...sources.values()].map(held => held.info);

	const keep = (held: Held): boolean => {
		const replaced = sources.has(held.info.id);
		sources.set(held.info.id, held);
		return replaced;
	};

	function distinct(column: string): string[] {
		if (!database) {
			return [];
		}

		const result = database.exec(`SELECT DISTINCT ${column} AS v FROM ticket_metrics WHERE ${column} IS NOT NULL ORDER BY ${column}`);
		return (result[0]?.values ?? []).map(row => String(row[0]));
	}

	function dayRange(): [string | null, string | null] {
		if (!database) {
			return [null, null];
		}

		const result = database.exec('SELECT MIN(day), MAX(day) FROM days');
		const [first, last] = result[0]?.values[0] ?? [];
		return [typeof first === 'number' ? dayKeyToIso(first) : null, typeof last === 'number' ? dayKeyToIso(last) : null];
	}

	const columns: Record<FilterField, string> = {helpdesk: 'helpdesk', agent: 'agent', group: 'group_name', priority: 'priority', channel: 'channel'};

	function summary(tickets: number, warnings: string[]): LoadSummary {
		const [firstDay, lastDay] = loaded ? dayRange() : [null, null];
		const filterOptions = {} as Record<FilterField, string[]>;
		for (const field of filterFields) {
			filterOptions[field] = loaded ? distinct(columns[field]) : [];
		}

		return {tickets, warnings, sources: infos(), firstDay, lastDay, options: filterOptions, timezone: timezone(), businessHours: options.businessHours !== undefined, settlement: loaded && database ? settlement(database) : undefined};
	}

	async function parseFile(name: string, file: Blob, settings: ImportSettings, report: (progress: Progress) => void): Promise<{kind: ImportKind | undefined; result: ImportResult | {ok: true; snapshot: Snapshot; rows: number}}> {
		const start = await file.slice(0, 64 * 1024).text();
		const kind = settings.kind === undefined || settings.kind === 'auto' ? detectImportKind(name, start) : settings.kind;
		const total = file.size;
		const onProgress = (progress: ImportProgress) => {
			report({label: `Reading ${name}`, done: Math.min(progress.chars, total), total});
		};

		const rowLimit = {rows: limits.tickets, message: `${name} has more than ${formatNumber(limits.tickets, textLocale)} rows, more than this page can hold. ${cliAdvice(name)}`};
		const common = {fileName: name, timezone: settings.timezone ?? timezone(), totalChars: total, onProgress, rowLimit, csatScale: settings.csatScale, ...(settings.dayFirst === undefined ? {} : {dayFirst: settings.dayFirst})};
		const text: TextSource = textChunks(file);
		switch (kind) {
			case 'zendesk': {
				return {kind, result: await importZendeskCsv(text, {...common, host: settings.host ?? ''})};
			}

			case 'freshdesk': {
				return {kind, result: await importFreshdeskCsv(text, {...common, host: settings.host ?? ''})};
			}

			case 'survey': {
				return {kind, result: await importSurveyCsv(text, {...common, ...(settings.surveyKind ? {kind: settings.surveyKind} : {}), ...(settings.host ? {host: settings.host} : {})})};
			}

			case 'snapshot': {
				// Read in chunks for progress; JSON.parse then takes the whole text (a snapshot is one JSON value).
				const parts: string[] = [];
				let read = 0;
				for await (const chunk of text) {
					parts.push(chunk);
					read += chunk.length;
					onProgress({chars: read, rows: 0});
				}

				const json = parts.join('');
				parts.length = 0;
				report({label: `Checking ${name}`, done: total, total});
				let value: unknown;
				try {
					value = JSON.parse(json);
				} catch (error) {
					return {kind, result: {ok: false, rows: 0, issues: [{line: 0, message: `Not valid JSON: ${(error as Error).message}`}], summary: `${name}: nothing imported, the file is not valid JSON.`}};
				}

				try {
					const snapshot = parseSnapshot(value, name);
					return {kind, result: {ok: true, snapshot, rows: snapshot.tickets.length}};
				} catch (error) {
					const message = (error as Error).message;
					const lines = error instanceof SnapshotError ? error.issues : [message];
					return {kind, result: {ok: false, rows: 0, issues: lines.map(line => ({line: 0, message: line.replace(`${name}: `, '')})), summary: `${name}: nothing imported. ${message}`}};
				}
			}

			default: {
				return {
					kind,
					result: {ok: false, rows: 0, issues: [{line: 1, message: 'Could not tell what this file is from its header; choose its kind and import it again.'}], summary: `${name}: nothing imported, unknown kind of file.`},
				};
			}
		}
	}

	/** Loads exactly these sources into a fresh database. */
	async function loadSources(held: readonly Held[], report: (progress: Progress) => void): Promise<LoadSummary> {
		const onLoad = (progress: LoadProgress) => {
			report({label: loadLabel(progress), done: progress.done, total: Math.max(progress.total, 1)});
		};

		const loadOptions = {timezone: timezone(), businessHours: options.businessHours, onProgress: onLoad};
		if (held.length === 0) {
			metrics.close();
			database = undefined;
			loaded = false;
			return summary(0, []);
		}

		loaded = false;
		const local = datasetsOf(held);
		const imported = snapshotsOf(held);
		if (imported.length === 0) {
			// Every source was checked where it entered (import, restore, store read): not again on each load.
			const result = await metrics.loadDataset(local.length === 1 ? local[0]! : mergeDatasets(...local), {...loadOptions, checked: true});
			loaded = true;
			return summary(result.tickets, []);
		}

		const parts: Snapshot[] = [...imported];
		if (local.length > 0) {
			report({label: 'Computing per-ticket measures', done: 0, total: 1});
			const facts = deriveFacts(mergeDatasets(...local), {businessHours: options.businessHours, timezone: timezone()});
			parts.push(snapshotFromFacts(facts, {timezone: timezone(), calendar: options.businessHours?.calendar}));
		}

		const result = await metrics.loadSnapshots(parts, {timezone: timezone(), checked: true});
		loaded = true;
		return summary(result.tickets, result.warnings);
	}

	/** Everything loaded (failed sources left out) as one snapshot of the given detail. */
	async function exportable(detail: SnapshotDetail): Promise<Snapshot> {
		const local = datasets();
		const parts: Snapshot[] = [...snapshots()];
		if (local.length > 0) {
			parts.push(await createSnapshot(mergeDatasets(...local), {detail, businessHours: options.businessHours, timezone: timezone()}));
		}

		if (parts.length === 0) {
			throw new Error('Nothing to export yet: load the demo data or import a file first.');
		}

		let merged = parts.length === 1 ? parts[0]! : mergeSnapshots(parts).snapshot;
		if (detail === 'aggregates') {
			const {events: _events, texts: _texts, ...aggregates} = merged;
			// Themes from colleagues' files are checked again over the whole team (their text is not here).
			merged = {...aggregates, detail: 'aggregates', tickets: withShareableThemes(aggregates.tickets)};
		}

		return merged;
	}

	/**
	 * The database files are made from the aggregates-only snapshot in a database of their own, so they
	 * hold exactly what that snapshot holds (the loaded database has this browser's raw customer keys).
	 */
	async function withExportDatabase(write: (db: Database) => Uint8Array): Promise<Uint8Array> {
		const snapshot = await exportable('aggregates');
		const db = await open();
		try {
			loadFacts(db, factsOfSnapshot(snapshot), {timezone: timezone()});
			return write(db);
		} finally {
			db.close();
		}
	}

	const session = {
		/** Business hours and time zone for the next reload. */
		async configure(next: SessionOptions): Promise<void> {
			options = next;
		},
		/** The extension's own store as one source (null, or a store without tickets, removes it: its "now" would move the data's end). */
		async setStoreDataset(dataset: Dataset | null): Promise<SourceInfo | null> {
			if (!dataset || dataset.tickets.length === 0) {
				sources.delete('store');
				return null;
			}

			// Checked once here, where it enters (a damaged browser database must not reach the loader).
			const issues = datasetIssues(dataset);
			const info: SourceInfo = {id: 'store', name: 'This browser (Defuse store)', kind: 'store', rows: dataset.tickets.length, tickets: dataset.tickets.length, warnings: [], ...(issues.length > 0 ? {error: new DatasetError(issues).message} : {})};
			keep({info, dataset});
			return info;
		},
		/**
		 * Reads the extension's store as the 'store' source, here in the worker: the page only says when
		 * (its tickets, messages and events never cross to the page and back).
		 */
		async readStore(): Promise<SourceInfo | null> {
			if (!hooks.openStore) {
				throw new Error('This dashboard has no store of its own: it is fed by imports.');
			}

			store ??= hooks.openStore();
			return session.setStoreDataset(await datasetFromStore(store, hooks.now?.() ?? new Date()));
		},
		/** The seeded 90-day team history of core/metrics/demo-data.ts. */
		async loadDemo(demo: DemoOptions = {}): Promise<SourceInfo> {
			const dataset = generateDemoDataset(demo);
			const info: SourceInfo = {id: 'demo', name: 'Demo team history (90 days, invented)', kind: 'demo', rows: dataset.tickets.length, tickets: dataset.tickets.length, warnings: []};
			keep({info, dataset});
			return info;
		},
		/**
		 * Parses one file (streamed in chunks) and keeps it for this session, all or nothing. A file
		 * with the same name, size and date replaces the earlier one; rows already known by key merge,
		 * so importing the same data again changes nothing.
		 */
		async importFile(name: string, file: Blob & {lastModified?: number}, settings: ImportSettings = {}, onProgress?: (progress: Progress) => void): Promise<ImportOutcome> {
			const report = throttled(onProgress);
			if (file.size > limits.fileBytes) {
				const message = `${name} is ${formatMegabytes(file.size, textLocale)}: this page holds files up to ${formatMegabytes(limits.fileBytes, textLocale)} (about ${formatNumber(limits.tickets, textLocale)} tickets). ${cliAdvice(name)}`;
				return {ok: false, name, kind: undefined, rows: 0, issues: [{line: 0, message}], summary: message};
			}

			const {kind, result} = await parseFile(name, file, settings, report);
			if (!result.ok) {
				return {ok: false, name, kind, rows: result.rows, issues: result.issues, summary: result.summary};
			}

			const id = `${kind ?? 'file'}:${name}:${file.size}:${file.lastModified ?? 0}`;
			if ('dataset' in result) {
				report({label: `Checking ${name}`, done: 0, total: 1});
				const issues = datasetIssues(result.dataset);
				if (issues.length > 0) {
					return {ok: false, name, kind, rows: result.rows, issues: issues.map(message => ({line: 0, message})), summary: `${name}: nothing imported. ${new DatasetError(issues).message}`};
				}
			}

			const held: Held = 'snapshot' in result
				? {info: {id, name, kind: 'snapshot', rows: result.rows, tickets: result.snapshot.tickets.length, warnings: []}, snapshot: result.snapshot}
				: {info: {id, name, kind: kind ?? 'zendesk', rows: result.rows, tickets: result.dataset.tickets.length, warnings: [...result.warnings]}, dataset: result.dataset};
			const replaced = keep(held);
			if (held.info.tickets <= limits.keptTickets) {
				report({label: `Keeping ${name} in this browser for the next visit`, done: 0, total: 1});
				await persist(held);
			} else {
				// A structured copy of hundreds of thousands of rows into IndexedDB stalls the page for minutes.
				held.info.warnings.push(`Not kept for the next visit: above ${formatNumber(limits.keptTickets, textLocale)} tickets a file is only held while this page is open. Import it again next time, or keep a snapshot made with the command line.`);
			}

			report({label: `Imported ${name}`, done: 1, total: 1});
			return {ok: true, source: held.info, replaced};
		},
		/**
		 * Brings back the files imported on earlier visits (each checked again). Returns what came back
		 * and a line for each kept file that no longer passes (those are forgotten).
		 */
		async restoreImports(): Promise<{sources: SourceInfo[]; problems: string[]}> {
			const cache = imports();
			if (!cache) {
				return {sources: [], problems: []};
			}

			const problems: string[] = [];
			let entries: KeptImport[];
			try {
				entries = await keptImports(cache);
			} catch (error) {
				return {sources: [], problems: [`Files imported earlier could not be read back: ${(error as Error).message}`]};
			}

			const back: SourceInfo[] = [];
			for (const entry of entries) {
				try {
					const held = restored(entry);
					if (!sources.has(held.info.id)) {
						keep(held);
						back.push(held.info);
					}
				} catch (error) {
					const name = isSourceInfo(entry.info) ? entry.info.name : entry.id;
					problems.push(`${name}: not restored, ${(error as Error).message.replace(`${name}: `, '')}. Import it again.`);
					await forgetImport(cache, entry.id).catch(() => undefined);
				}
			}

			return {sources: back, problems};
		},
		async removeSource(id: string): Promise<boolean> {
			const cache = imports();
			if (cache) {
				await forgetImport(cache, id);
			}

			return sources.delete(id);
		},
		async sources(): Promise<SourceInfo[]> {
			return infos();
		},
		/**
		 * Rebuilds the database from every source (datasets merged by key; snapshots merged without double
		 * counting). A source that makes the load fail is marked with its error and left out, and the rest
		 * loads: no single file can keep the dashboard from opening.
		 */
		async reload(onProgress?: (progress: Progress) => void): Promise<LoadSummary> {
			const report = throttled(onProgress);
			const held = usable();
			try {
				return await loadSources(held, report);
			} catch (error) {
				if (held.length === 0) {
					throw error;
				}

				// Find the sources that fail on their own; if none does, the combination fails and all are marked.
				const failing: Held[] = [];
				for (const one of held) {
					try {
						await loadSources([one], () => undefined);
					} catch (alone) {
						failing.push(one);
						one.info.error = messageOf(alone);
					}
				}

				const rest = held.filter(one => !failing.includes(one));
				if (failing.length === 0) {
					for (const one of held) {
						one.info.error = `could not be loaded together with the other sources: ${messageOf(error)}`;
					}
				}

				try {
					return await loadSources(failing.length === 0 ? [] : rest, report);
				} catch (again) {
					for (const one of rest) {
						one.info.error = messageOf(again);
					}

					return loadSources([], report);
				}
			}
		},
		/**
		 * Everything loaded as one snapshot JSON text. Aggregates (default): no customer text, customers
		 * pseudonymised. Details: adds the timeline and customer text with identifiers masked.
		 */
		async exportSnapshot(detail: SnapshotDetail = 'aggregates'): Promise<string> {
			return JSON.stringify(await exportable(detail));
		},
		/** The SQLite file of the aggregates-only snapshot: the same tables, customers as pseudonyms, shareable themes only. */
		async exportSqlite(): Promise<Uint8Array> {
			return withExportDatabase(exportSqlite);
		},
		/** The CSV bundle (ZIP) of the aggregates-only snapshot, cells safe to open in a spreadsheet. */
		async exportCsvBundle(): Promise<Uint8Array> {
			return withExportDatabase(exportCsvBundle);
		},
		kpis: metrics.kpis,
		earlyWarning: metrics.earlyWarning,
		templateEffectiveness: metrics.templateEffectiveness,
		drill: metrics.drill,
		themeSummary: metrics.themeSummary,
		themeCounts: metrics.themeCounts,
		themeSpikes: metrics.themeSpikes,
		close(): void {
			metrics.close();
			database = undefined;
			loaded = false;
		},
	};
	return session;
}

export type Session = ReturnType<typeof createSession>;
