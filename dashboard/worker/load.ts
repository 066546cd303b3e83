// Creating the metrics database and loading a dataset or facts into it through the streaming fact
// writer (the one production path; the bulk rows and the SQL derivation are cross-checks in test/).
import initSqlJs from 'sql.js';
import type {Database, SqlJsStatic, SqlValue} from 'sql.js';
import type {Dataset} from '../../core/metrics/dataset.ts';
import type {EscalationFact, Facts} from '../../core/metrics/facts.ts';
import {annotationsOf, deriveTicket, prepareDerivation, surveyFactsOf} from '../../core/metrics/facts.ts';
import type {BusinessHours} from '../../core/metrics/time.ts';
import type {FactWriter} from './fact-rows.ts';
import {openFactWriter} from './fact-rows.ts';
import {memorySchema} from './schema.ts';

export type SqlJsOptions = {
	/** Where the wasm file is (browser: the bundled asset URL; Node: a resolved path). */
	locateFile?: ((file: string) => string) | undefined;
	/** The wasm bytes themselves, instead of locateFile. */
	wasmBinary?: ArrayBuffer | Uint8Array | undefined;
};

export type LoadProgress = {phase: 'themes' | 'derive' | 'insert' | 'index'; table?: string; done: number; total: number};

export type LoadOptions = {
	/** Time zone of days, weeks and months. @default the business calendar's zone, else 'UTC' */
	timezone?: string | undefined;
	businessHours?: BusinessHours | undefined;
	/** Extract themes from customer text. @default true */
	themes?: boolean | undefined;
	onProgress?: ((progress: LoadProgress) => void) | undefined;
};

type AggregateDatabase = Database & {
	create_aggregate(
		name: string,
		functions: {init: () => unknown; step: (state: never, ...args: never[]) => unknown; finalize: (state: never) => SqlValue},
	): Database;
};

const engines = new Map<string, Promise<SqlJsStatic>>();

/** sql.js, initialised once per wasm location. */
export async function sqlJs(options: SqlJsOptions = {}): Promise<SqlJsStatic> {
	const cacheKey = options.wasmBinary ? 'binary' : (options.locateFile?.('sql-wasm.wasm') ?? 'default');
	let engine = engines.get(cacheKey);
	if (!engine) {
		const config: Record<string, unknown> = {useOldExtensionFunctions: false};
		if (options.locateFile) {
			config.locateFile = options.locateFile;
		}

		if (options.wasmBinary) {
			config.wasmBinary = options.wasmBinary;
		}

		engine = initSqlJs(config);
		engines.set(cacheKey, engine);
	}

	return engine;
}

type QuantileState = {values: number[]; q: number};

/** The two ordered-set aggregates the metric SQL uses, with DuckDB's semantics (median, quantile_cont). */
export function registerAggregates(db: Database): void {
	const aggregates = db as AggregateDatabase;
	const finish = (state: QuantileState | null): number | null => {
		if (!state || state.values.length === 0) {
			return null;
		}

		const sorted = Float64Array.from(state.values).sort();
		const position = (sorted.length - 1) * state.q;
		const low = Math.floor(position);
		const high = Math.ceil(position);
		return sorted[low]! + (position - low) * (sorted[high]! - sorted[low]!);
	};

	aggregates.create_aggregate('median', {
		init: () => ({values: [], q: 0.5}),
		step(state: QuantileState, value: number | null) {
			if (value !== null) {
				state.values.push(value);
			}

			return state;
		},
		finalize: finish,
	});
	aggregates.create_aggregate('quantile_cont', {
		init: () => ({values: [], q: 0.5}),
		step(state: QuantileState, value: number | null, q: number) {
			state.q = q;
			if (value !== null) {
				state.values.push(value);
			}

			return state;
		},
		finalize: finish,
	});
}

/**
 * A new, empty database with the metric aggregates registered, its tables in memory; or, given the
 * bytes of an SQLite file (an export), that file's database.
 */
export async function openDatabase(options: SqlJsOptions = {}, data?: Uint8Array): Promise<Database> {
	const SQL = await sqlJs(options);
	const db = new SQL.Database(data);
	registerAggregates(db);
	if (!data) {
		db.run(`ATTACH DATABASE ':memory:' AS ${memorySchema}`);
	}

	return db;
}

export function timeZoneOf(options: {timezone?: string | undefined; businessHours?: BusinessHours | undefined}): string {
	return options.timezone ?? options.businessHours?.calendar.timezone ?? 'UTC';
}

/** Loads facts (a snapshot's, say) through the streaming writer. */
export function loadFacts(db: Database, facts: Facts, options: Pick<LoadOptions, 'timezone' | 'onProgress'> = {}): void {
	writeFacts(
		openFactWriter(db, {timezone: options.timezone, onProgress: options.onProgress, expectedTickets: facts.tickets.length}),
		facts,
	);
}

/** Writes facts through a fact writer (any engine's), finishing it; aborts it on failure. */
export function writeFacts(writer: FactWriter, facts: Facts): void {
	try {
		const byTicket = new Map<string, EscalationFact[]>();
		for (const escalation of facts.escalations) {
			(byTicket.get(escalation.ticketKey) ?? byTicket.set(escalation.ticketKey, []).get(escalation.ticketKey)!).push(escalation);
		}

		for (const ticket of facts.tickets) {
			writer.addTicket(ticket, {escalations: byTicket.get(ticket.key) ?? []});
			byTicket.delete(ticket.key);
		}

		// Escalation rows of tickets the facts do not have: kept as rows, as the bulk path does.
		writer.addAnnotations({
			escalations: [...byTicket.values()].flat(),
			flags: facts.flags,
			feedback: facts.feedback,
			templates: facts.templates,
		});
		for (const survey of facts.surveys) {
			writer.addSurvey(survey);
		}

		writer.finish({asOf: facts.asOf, customers: facts.customers, agentHours: facts.agentHours});
	} catch (error) {
		writer.abort();
		throw error;
	}
}

/**
 * Derives each ticket's facts and writes them at once (the derived facts of the whole dataset are
 * never held together). The same numbers as deriveFacts() + loadFacts().
 */
export function writeDataset(
	db: Database,
	dataset: Dataset,
	options: Pick<LoadOptions, 'timezone' | 'businessHours' | 'themes' | 'onProgress'> = {},
): void {
	const timezone = timeZoneOf(options);
	options.onProgress?.({phase: 'themes', done: 0, total: dataset.tickets.length});
	const {asOf, clock, tickets, themed, eventsOf} = prepareDerivation(dataset, options);
	// Deriving and writing go hand in hand: the writer's progress (tickets written) covers both.
	const writer = openFactWriter(db, {timezone, onProgress: options.onProgress, expectedTickets: tickets.length});
	try {
		for (const ticket of tickets) {
			const events = eventsOf(ticket.key);
			writer.addTicket(deriveTicket(themed(ticket), events, asOf, clock), annotationsOf(events, timezone));
		}

		for (const survey of surveyFactsOf(dataset.surveys)) {
			writer.addSurvey(survey);
		}

		writer.finish({asOf, customers: dataset.customers});
	} catch (error) {
		writer.abort();
		throw error;
	}
}

/** Loads a dataset: derives each ticket's facts in JavaScript and writes them into the fact tables the KPI queries read. */
export function loadDataset(db: Database, dataset: Dataset, options: LoadOptions = {}): void {
	options.onProgress?.({phase: 'derive', done: 0, total: dataset.tickets.length});
	writeDataset(db, dataset, {
		timezone: timeZoneOf(options),
		businessHours: options.businessHours,
		themes: options.themes,
		onProgress: options.onProgress,
	});
}
