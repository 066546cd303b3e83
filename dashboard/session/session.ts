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
import type {ImportIssue} from '../../core/import/common.ts';
import type {Dataset, SurveyKind} from '../../core/metrics/dataset.ts';
import {mergeDatasets} from '../../core/metrics/dataset.ts';
import {DatasetError, datasetIssues} from '../../core/metrics/schema.ts';
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
import {createSnapshot, factsOfSnapshot, snapshotFromFacts, withShareableThemes} from '../../core/snapshot/snapshot.ts';
import {exportCsvBundle, exportSqlite} from '../worker/export.ts';
import {loadFacts} from '../worker/load.ts';
import {createMetricsApi} from '../worker/api.ts';
import type {LoadProgress} from '../worker/load.ts';
import {settlement} from '../worker/queries.ts';
import type {ImportKind} from './detect.ts';
import {cliAdvice, limits, parseFile, type PageLimits} from './parse.ts';
import {datasetsOf, heldOf, isSourceInfo, loadTolerant, restored, snapshotsOf, type Held} from './sources.ts';

export {cliAdvice, limits, type PageLimits} from './parse.ts';

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
	/** What the page holds (tests pass small limits). @default limits */
	limits?: PageLimits | undefined;
};

export type SessionOptions = {
	businessHours?: BusinessHours | undefined;
	/** Zone of days, weeks and months. @default the business calendar's zone, else 'UTC' */
	timezone?: string | undefined;
};

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
			return progress.table === 'ticket_metrics'
				? 'Measuring and loading tickets'
				: `Loading ${(progress.table ?? 'rows').replaceAll('_', ' ')}`;
		}

		default: {
			return 'Indexing';
		}
	}
}

/** What the session holds: its options, its sources and the database built from them. */
type State = {
	open: () => Promise<Database>;
	hooks: SessionHooks;
	options: SessionOptions;
	metrics: ReturnType<typeof createMetricsApi>;
	sources: Map<string, Held>;
	database?: Database | undefined;
	/** Whether the database holds the sources (false while loading and when nothing is loaded). */
	loaded: boolean;
	store?: DefuseDb | undefined;
	importCache?: ImportCache | undefined;
};

const timezoneOf = (state: State): string => state.options.timezone ?? state.options.businessHours?.calendar.timezone ?? 'UTC';
/** The sources that load (one that failed stays listed, with its error, until removed). */
const usable = (state: State): Held[] => [...state.sources.values()].filter(held => held.info.error === undefined);
const infos = (state: State): SourceInfo[] => [...state.sources.values()].map(held => held.info);

function keep(state: State, held: Held): boolean {
	const replaced = state.sources.has(held.info.id);
	state.sources.set(held.info.id, held);
	return replaced;
}

function imports(state: State): ImportCache | undefined {
	state.importCache ??= state.hooks.openImports?.();
	return state.importCache;
}

/** Keeps an imported source for the next visit; a browser that refuses (quota, private mode) only costs that. */
async function persist(state: State, held: Held): Promise<void> {
	const cache = imports(state);
	if (!cache) {
		return;
	}

	try {
		await keepImport(cache, {
			id: held.info.id,
			savedAt: Date.now(),
			info: held.info,
			data: 'dataset' in held ? {dataset: held.dataset} : {snapshot: held.snapshot},
		});
	} catch (error) {
		held.info.warnings.push(`Kept for this visit only: the browser did not store it (${(error as Error).message}).`);
	}
}

function distinct(database: Database, column: string): string[] {
	const result = database.exec(`SELECT DISTINCT ${column} AS v FROM ticket_metrics WHERE ${column} IS NOT NULL ORDER BY ${column}`);
	return (result[0]?.values ?? []).map(row => String(row[0]));
}

function dayRange(database: Database): [string | null, string | null] {
	const result = database.exec('SELECT MIN(day), MAX(day) FROM days');
	const [first, last] = result[0]?.values[0] ?? [];
	return [typeof first === 'number' ? dayKeyToIso(first) : null, typeof last === 'number' ? dayKeyToIso(last) : null];
}

const columns: Record<FilterField, string> = {
	helpdesk: 'helpdesk',
	agent: 'agent',
	group: 'group_name',
	priority: 'priority',
	channel: 'channel',
};

function summary(state: State, tickets: number, warnings: string[]): LoadSummary {
	const database = state.loaded ? state.database : undefined;
	const [firstDay, lastDay] = database ? dayRange(database) : [null, null];
	const filterOptions = {} as Record<FilterField, string[]>;
	for (const field of filterFields) {
		filterOptions[field] = database ? distinct(database, columns[field]) : [];
	}

	return {
		tickets,
		warnings,
		sources: infos(state),
		firstDay,
		lastDay,
		options: filterOptions,
		timezone: timezoneOf(state),
		businessHours: state.options.businessHours !== undefined,
		settlement: database ? settlement(database) : undefined,
	};
}

/** Loads exactly these sources into a fresh database. */
async function loadSources(state: State, held: readonly Held[], report: (progress: Progress) => void): Promise<LoadSummary> {
	const {metrics, options} = state;
	const timezone = timezoneOf(state);
	const onProgress = (progress: LoadProgress) => {
		report({label: loadLabel(progress), done: progress.done, total: Math.max(progress.total, 1)});
	};

	if (held.length === 0) {
		metrics.close();
		state.database = undefined;
		state.loaded = false;
		return summary(state, 0, []);
	}

	state.loaded = false;
	const local = datasetsOf(held);
	const imported = snapshotsOf(held);
	if (imported.length === 0) {
		// Every source was checked where it entered (import, restore, store read): not again on each load.
		const result = await metrics.loadDataset(local.length === 1 ? local[0]! : mergeDatasets(...local), {
			timezone,
			businessHours: options.businessHours,
			onProgress,
			checked: true,
		});
		state.loaded = true;
		return summary(state, result.tickets, []);
	}

	const parts: Snapshot[] = [...imported];
	if (local.length > 0) {
		report({label: 'Computing per-ticket measures', done: 0, total: 1});
		const facts = deriveFacts(mergeDatasets(...local), {businessHours: options.businessHours, timezone});
		parts.push(snapshotFromFacts(facts, {timezone, calendar: options.businessHours?.calendar}));
	}

	const result = await metrics.loadSnapshots(parts, {timezone, checked: true});
	state.loaded = true;
	return summary(state, result.tickets, result.warnings);
}

/** Everything loaded (failed sources left out) as one snapshot of the given detail. */
async function exportable(state: State, detail: SnapshotDetail): Promise<Snapshot> {
	const held = usable(state);
	const local = datasetsOf(held);
	const parts: Snapshot[] = [...snapshotsOf(held)];
	if (local.length > 0) {
		parts.push(
			await createSnapshot(mergeDatasets(...local), {detail, businessHours: state.options.businessHours, timezone: timezoneOf(state)}),
		);
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
async function withExportDatabase(state: State, write: (db: Database) => Uint8Array): Promise<Uint8Array> {
	const snapshot = await exportable(state, 'aggregates');
	const db = await state.open();
	try {
		loadFacts(db, factsOfSnapshot(snapshot), {timezone: timezoneOf(state)});
		return write(db);
	} finally {
		db.close();
	}
}

/** Parses one file and keeps it (see Session.importFile). */
async function importFile(
	state: State,
	name: string,
	file: Blob & {lastModified?: number},
	settings: ImportSettings,
	onProgress?: (progress: Progress) => void,
): Promise<ImportOutcome> {
	const report = throttled(onProgress);
	const pageLimits = state.hooks.limits ?? limits;
	if (file.size > pageLimits.fileBytes) {
		const message = `${name} is ${formatMegabytes(file.size, textLocale)}: this page holds files up to ${formatMegabytes(pageLimits.fileBytes, textLocale)} (about ${formatNumber(pageLimits.tickets, textLocale)} tickets). ${cliAdvice(name)}`;
		return {ok: false, name, kind: undefined, rows: 0, issues: [{line: 0, message}], summary: message};
	}

	const parsed = await parseFile(name, file, settings, timezoneOf(state), report, pageLimits);
	const held = heldOf(name, file, parsed, () => report({label: `Checking ${name}`, done: 0, total: 1}));
	if ('ok' in held) {
		return held;
	}

	const replaced = keep(state, held);
	if (held.info.tickets <= pageLimits.keptTickets) {
		report({label: `Keeping ${name} in this browser for the next visit`, done: 0, total: 1});
		await persist(state, held);
	} else {
		// A structured copy of hundreds of thousands of rows into IndexedDB stalls the page for minutes.
		held.info.warnings.push(
			`Not kept for the next visit: above ${formatNumber(pageLimits.keptTickets, textLocale)} tickets a file is only held while this page is open. Import it again next time, or keep a snapshot made with the command line.`,
		);
	}

	report({label: `Imported ${name}`, done: 1, total: 1});
	return {ok: true, source: held.info, replaced};
}

/** Brings back the files imported on earlier visits (see Session.restoreImports). */
async function restoreImports(state: State): Promise<{sources: SourceInfo[]; problems: string[]}> {
	const cache = imports(state);
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
			if (!state.sources.has(held.info.id)) {
				keep(state, held);
				back.push(held.info);
			}
		} catch (error) {
			const name = isSourceInfo(entry.info) ? entry.info.name : entry.id;
			problems.push(`${name}: not restored, ${(error as Error).message.replace(`${name}: `, '')}. Import it again.`);
			await forgetImport(cache, entry.id).catch(() => undefined);
		}
	}

	return {sources: back, problems};
}

/** The extension's own store as one source (null, or a store without tickets, removes it: its "now" would move the data's end). */
function setStoreDataset(state: State, dataset: Dataset | null): SourceInfo | null {
	if (!dataset || dataset.tickets.length === 0) {
		state.sources.delete('store');
		return null;
	}

	// Checked once here, where it enters (a damaged browser database must not reach the loader).
	const issues = datasetIssues(dataset);
	const info: SourceInfo = {
		id: 'store',
		name: 'This browser (Defuse store)',
		kind: 'store',
		rows: dataset.tickets.length,
		tickets: dataset.tickets.length,
		warnings: [],
		...(issues.length > 0 ? {error: new DatasetError(issues).message} : {}),
	};
	keep(state, {info, dataset});
	return info;
}

/**
 * The worker's object: every metrics query of createMetricsApi, plus the sources of this session.
 * `open` makes a fresh sql.js database (bundled wasm in the browser, node_modules in tests).
 */
export function createSession(open: () => Promise<Database>, initial: SessionOptions = {}, hooks: SessionHooks = {}) {
	const state: State = {
		open,
		hooks,
		options: initial,
		sources: new Map(),
		loaded: false,
		metrics: createMetricsApi(async () => {
			state.database = await open();
			return state.database;
		}),
	};
	const {metrics} = state;
	return {
		/** Business hours and time zone for the next reload. */
		async configure(next: SessionOptions): Promise<void> {
			state.options = next;
		},
		async setStoreDataset(dataset: Dataset | null): Promise<SourceInfo | null> {
			return setStoreDataset(state, dataset);
		},
		/**
		 * Reads the extension's store as the 'store' source, here in the worker: the page only says when
		 * (its tickets, messages and events never cross to the page and back).
		 */
		async readStore(): Promise<SourceInfo | null> {
			if (!hooks.openStore) {
				throw new Error('This dashboard has no store of its own: it is fed by imports.');
			}

			state.store ??= hooks.openStore();
			return setStoreDataset(state, await datasetFromStore(state.store, hooks.now?.() ?? new Date()));
		},
		/** The seeded 90-day team history of core/metrics/demo-data.ts. */
		async loadDemo(demo: DemoOptions = {}): Promise<SourceInfo> {
			const dataset = generateDemoDataset(demo);
			const info: SourceInfo = {
				id: 'demo',
				name: 'Demo team history (90 days, invented)',
				kind: 'demo',
				rows: dataset.tickets.length,
				tickets: dataset.tickets.length,
				warnings: [],
			};
			keep(state, {info, dataset});
			return info;
		},
		/**
		 * Parses one file (streamed in chunks) and keeps it for this session, all or nothing. A file
		 * with the same name, size and date replaces the earlier one; rows already known by key merge,
		 * so importing the same data again changes nothing.
		 */
		importFile: async (
			name: string,
			file: Blob & {lastModified?: number},
			settings: ImportSettings = {},
			onProgress?: (progress: Progress) => void,
		) => importFile(state, name, file, settings, onProgress),
		/**
		 * Brings back the files imported on earlier visits (each checked again). Returns what came back
		 * and a line for each kept file that no longer passes (those are forgotten).
		 */
		restoreImports: async () => restoreImports(state),
		async removeSource(id: string): Promise<boolean> {
			const cache = imports(state);
			if (cache) {
				await forgetImport(cache, id);
			}

			return state.sources.delete(id);
		},
		sources: async (): Promise<SourceInfo[]> => infos(state),
		/**
		 * Rebuilds the database from every source (datasets merged by key; snapshots merged without double
		 * counting). A source that makes the load fail is marked with its error and left out, and the rest
		 * loads: no single file can keep the dashboard from opening.
		 */
		async reload(onProgress?: (progress: Progress) => void): Promise<LoadSummary> {
			const report = throttled(onProgress);
			return loadTolerant(usable(state), async (held, quiet) => loadSources(state, held, quiet ? () => undefined : report));
		},
		/**
		 * Everything loaded as one snapshot JSON text. Aggregates (default): no customer text, customers
		 * pseudonymised. Details: adds the timeline and customer text with identifiers masked.
		 */
		exportSnapshot: async (detail: SnapshotDetail = 'aggregates'): Promise<string> => JSON.stringify(await exportable(state, detail)),
		/** The SQLite file of the aggregates-only snapshot: the same tables, customers as pseudonyms, shareable themes only. */
		exportSqlite: async (): Promise<Uint8Array> => withExportDatabase(state, exportSqlite),
		/** The CSV bundle (ZIP) of the aggregates-only snapshot, cells safe to open in a spreadsheet. */
		exportCsvBundle: async (): Promise<Uint8Array> => withExportDatabase(state, exportCsvBundle),
		kpis: metrics.kpis,
		earlyWarning: metrics.earlyWarning,
		templateEffectiveness: metrics.templateEffectiveness,
		drill: metrics.drill,
		themeSummary: metrics.themeSummary,
		themeCounts: metrics.themeCounts,
		themeSpikes: metrics.themeSpikes,
		close(): void {
			metrics.close();
			state.database = undefined;
			state.loaded = false;
		},
	};
}

export type Session = ReturnType<typeof createSession>;
