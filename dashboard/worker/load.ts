// Creating the metrics database and bulk-loading a dataset or facts into sql.js
// (prepared statements inside one transaction).
import initSqlJs from 'sql.js';
import type {Database, SqlJsStatic, SqlValue} from 'sql.js';
import {dataDayRange} from '../../core/metrics/baseline.ts';
import type {Dataset, DatasetTicket, TicketEvent} from '../../core/metrics/dataset.ts';
import {asOfOf} from '../../core/metrics/dataset.ts';
import type {EscalationFact, Facts} from '../../core/metrics/facts.ts';
import {annotationsOf, deriveFacts, deriveTicket, eventsByTicket, prepareDerivation, surveyFactsOf, timeRangeOf, withThemes} from '../../core/metrics/facts.ts';
import type {BusinessHours} from '../../core/metrics/time.ts';
import {makeBusinessClock, makeDayKeys, makeHourStart} from '../../core/metrics/time.ts';
import type {EscalationSummary, FactWriter} from './fact-rows.ts';
import {addEscalation, factRowBuilders, openFactWriter} from './fact-rows.ts';
import type {TableSpec} from './schema.ts';
import {buildRollups} from './rollups.ts';
import {createIndexes, createTables, factTables, insertSql, memorySchema, timelineTables} from './schema.ts';
import type {DeriveSqlParams} from './derive-sql.ts';
import {deriveFactsSql} from './derive-sql.ts';

export type SqlJsOptions = {
	/** Where the wasm file is (browser: the bundled asset URL; Node: a resolved path). */
	locateFile?: ((file: string) => string) | undefined;
	/** The wasm bytes themselves, instead of locateFile. */
	wasmBinary?: ArrayBuffer | Uint8Array | undefined;
};

export type TableRows = {table: TableSpec; rows: Iterable<SqlValue[]>; count: number};

export type LoadProgress = {phase: 'themes' | 'derive' | 'insert' | 'index'; table?: string; done: number; total: number};

export type LoadOptions = {
	/** Time zone of days, weeks and months. @default the business calendar's zone, else 'UTC' */
	timezone?: string | undefined;
	businessHours?: BusinessHours | undefined;
	/** Where per-ticket measures are derived: in JavaScript (fast, default) or by the SQL in derive-sql.ts. */
	derive?: 'js' | 'sql' | undefined;
	/** Also keep the timeline tables (tickets, ticket_events); always true when derive is 'sql'. */
	keepTimeline?: boolean | undefined;
	/** Extract themes from customer text. @default true */
	themes?: boolean | undefined;
	onProgress?: ((progress: LoadProgress) => void) | undefined;
};

type AggregateDatabase = Database & {
	create_aggregate(name: string, functions: {init: () => unknown; step: (state: never, ...args: never[]) => unknown; finalize: (state: never) => SqlValue}): Database;
};

const engines = new Map<string, Promise<SqlJsStatic>>();

/** sql.js, initialised once per wasm location. */
export async function sqlJs(options: SqlJsOptions = {}): Promise<SqlJsStatic> {
	const cacheKey = options.wasmBinary ? 'binary' : options.locateFile?.('sql-wasm.wasm') ?? 'default';
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
		return sorted[low]! + ((position - low) * (sorted[high]! - sorted[low]!));
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

/** Inserts rows with one prepared statement per table, all in one transaction. */
export function insertRows(db: Database, tables: readonly TableRows[], onProgress?: (progress: LoadProgress) => void): void {
	db.run('BEGIN');
	try {
		for (const {table, rows, count} of tables) {
			const statement = db.prepare(insertSql(table));
			let done = 0;
			try {
				for (const row of rows) {
					statement.run(row);
					done++;
					if (onProgress && done % 50_000 === 0) {
						onProgress({phase: 'insert', table: table.name, done, total: count});
					}
				}
			} finally {
				statement.free();
			}

			onProgress?.({phase: 'insert', table: table.name, done, total: count});
		}

		db.run('COMMIT');
	} catch (error) {
		db.run('ROLLBACK');
		throw error;
	}
}

function spec(name: string): TableSpec {
	const found = [...factTables, ...timelineTables].find(table => table.name === name);
	if (!found) {
		throw new Error(`Unknown table ${name}`);
	}

	return found;
}

function* mapRows<T>(items: readonly T[], map: (item: T) => SqlValue[] | Iterable<SqlValue[]>, flat = false): Iterable<SqlValue[]> {
	for (const item of items) {
		if (flat) {
			yield * (map(item) as Iterable<SqlValue[]>);
		} else {
			yield map(item) as SqlValue[];
		}
	}
}

function timeZoneOf(options: {timezone?: string | undefined; businessHours?: BusinessHours | undefined}): string {
	return options.timezone ?? options.businessHours?.calendar.timezone ?? 'UTC';
}

/** Rows of every fact table, computed lazily. Escalation columns of ticket_metrics come from `facts.escalations`. */
export function factTableRows(facts: Facts, options: {timezone?: string | undefined} = {}): TableRows[] {
	const timezone = options.timezone ?? 'UTC';
	const rows = factRowBuilders(timezone);
	const escalations = escalationsByTicket(facts.escalations);
	// ticket_seq: the ticket's position, 1-based (the same numbering as the tickets table of timelineTableRows).
	const seqOf = new Map<string, number>();
	for (const [index, ticket] of facts.tickets.entries()) {
		seqOf.set(ticket.key, index + 1);
	}

	let replyCount = 0;
	let slaCount = 0;
	let themeCount = 0;
	for (const ticket of facts.tickets) {
		replyCount += ticket.replies.length;
		slaCount += ticket.sla.length;
		themeCount += ticket.themes.length;
	}

	const [first, last] = dataDayRange(facts, makeDayKeys(timezone));
	const days = rows.days(first, last);
	const customerDays = rows.customerDays(facts.customers);
	const meta = rows.meta(facts.asOf);
	const seq = (key: string): number => seqOf.get(key)!;
	return [
		{table: spec('ticket_metrics'), count: facts.tickets.length, rows: mapRows(facts.tickets, ticket => rows.ticket(ticket, escalations.get(ticket.key), seq(ticket.key)))},
		{table: spec('reply_intervals'), count: replyCount, rows: mapRows(facts.tickets, ticket => rows.replies(ticket, seq(ticket.key)), true)},
		{table: spec('sla_outcomes'), count: slaCount, rows: mapRows(facts.tickets, ticket => rows.sla(ticket, seq(ticket.key)), true)},
		{table: spec('escalations'), count: facts.escalations.length, rows: mapRows(facts.escalations, row => rows.escalation(row, seqOf.get(row.ticketKey) ?? null))},
		{table: spec('flags'), count: facts.flags.length, rows: mapRows(facts.flags, row => rows.flag(row, seqOf.get(row.ticketKey) ?? null))},
		{table: spec('feedback'), count: facts.feedback.length, rows: mapRows(facts.feedback, row => rows.feedback(row, seqOf.get(row.ticketKey) ?? null))},
		{table: spec('template_uses'), count: facts.templates.length, rows: mapRows(facts.templates, row => rows.template(row, seqOf.get(row.ticketKey) ?? null))},
		{table: spec('surveys'), count: facts.surveys.length, rows: mapRows(facts.surveys, row => rows.survey(row, row.ticketKey === null ? null : seqOf.get(row.ticketKey) ?? null))},
		{table: spec('customers'), count: facts.customers.length, rows: mapRows(facts.customers, rows.customer)},
		{table: spec('customer_days'), count: customerDays.length, rows: customerDays},
		{table: spec('agent_hours'), count: facts.agentHours.length, rows: mapRows(facts.agentHours, rows.agentHour)},
		{table: spec('ticket_themes'), count: themeCount, rows: mapRows(facts.tickets, ticket => rows.themes(ticket, seq(ticket.key)), true)},
		{table: spec('days'), count: days.length, rows: days},
		{table: spec('meta'), count: meta.length, rows: meta},
	];
}

function escalationsByTicket(escalations: readonly EscalationFact[]): Map<string, EscalationSummary> {
	const byTicket = new Map<string, EscalationSummary>();
	for (const escalation of escalations) {
		byTicket.set(escalation.ticketKey, addEscalation(byTicket.get(escalation.ticketKey), escalation));
	}

	return byTicket;
}

/** Rows of the timeline tables (tickets, ticket_events), with event order and business clock readings. */
export function timelineTableRows(dataset: Dataset, options: {timezone?: string | undefined; businessHours?: BusinessHours | undefined} = {}): TableRows[] {
	const dayKeysOf = makeDayKeys(timeZoneOf(options));
	const hourStartOf = makeHourStart(timeZoneOf(options));
	let clock: ((ms: number) => number) | undefined;
	if (options.businessHours) {
		const [min, max] = timeRangeOf(dataset, asOfOf(dataset));
		clock = makeBusinessClock(options.businessHours, min, max);
	}

	const reading = (ms: number): number | null => (clock ? clock(ms) : null);
	const byTicket = eventsByTicket(dataset.events);
	const ticketRow = (ticket: DatasetTicket, seq: number): SqlValue[] => {
		const keys = dayKeysOf(ticket.createdAt);
		const reported = ticket.reported ?? {};
		return [
			ticket.key, ticket.helpdesk, ticket.ticketId, ticket.createdAt, reading(ticket.createdAt), keys.day, keys.week, keys.month,
			ticket.requesterKey, ticket.agent, ticket.group, ticket.priority, ticket.channel, ticket.status, ticket.trigger,
			reported.firstReplyMinutes ?? null, reported.firstReplyBusinessMinutes ?? null,
			reported.firstResolutionMinutes ?? null, reported.firstResolutionBusinessMinutes ?? null,
			reported.fullResolutionMinutes ?? null, reported.fullResolutionBusinessMinutes ?? null,
			reported.replies ?? null, reported.reopens ?? null, reported.customerFollowUps ?? null,
			seq,
		];
	};

	const eventRow = (event: TicketEvent, ord: number): SqlValue[] => {
		const keys = dayKeysOf(event.at);
		const row: SqlValue[] = [
			event.ticketKey, ord, event.at, reading(event.at), event.kind, event.actor ?? null, null, null, null, null, null, null, null, null, null, null, null, null, null,
			keys.day, keys.week, keys.month, hourStartOf(event.at),
		];
		switch (event.kind) {
			case 'status': {
				row[6] = event.status;
				break;
			}

			case 'assign': {
				row[7] = event.agent;
				break;
			}

			case 'group-change': {
				row[8] = event.group;
				break;
			}

			case 'escalation': {
				row[9] = event.escalation;
				row[10] = event.source;
				row[11] = event.team ?? null;
				break;
			}

			case 'sla-target': {
				row[12] = event.metric;
				row[13] = event.targetMinutes;
				row[14] = event.businessHours ? 1 : 0;
				break;
			}

			case 'sla-breach': {
				row[12] = event.metric;
				break;
			}

			case 'flag': {
				row[15] = event.level;
				row[16] = [...event.signals].sort().join(',');
				break;
			}

			case 'feedback': {
				row[17] = event.verdict;
				break;
			}

			case 'template': {
				row[18] = event.templateId;
				break;
			}

			default: {
				break;
			}
		}

		return row;
	};

	function* events(): Iterable<SqlValue[]> {
		for (const [, list] of byTicket) {
			for (const [index, event] of list.entries()) {
				yield eventRow(event, index + 1);
			}
		}
	}

	return [
		{table: spec('tickets'), count: dataset.tickets.length, rows: mapRows([...dataset.tickets.entries()], ([index, ticket]) => ticketRow(ticket, index + 1))},
		{table: spec('ticket_events'), count: dataset.events.length, rows: events()},
	];
}

/** Loads facts (a snapshot's, say) through the streaming writer. */
export function loadFacts(db: Database, facts: Facts, options: Pick<LoadOptions, 'timezone' | 'onProgress'> = {}): void {
	writeFacts(openFactWriter(db, {timezone: options.timezone, onProgress: options.onProgress, expectedTickets: facts.tickets.length}), facts);
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
		writer.addAnnotations({escalations: [...byTicket.values()].flat(), flags: facts.flags, feedback: facts.feedback, templates: facts.templates});
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
export function writeDataset(db: Database, dataset: Dataset, options: Pick<LoadOptions, 'timezone' | 'businessHours' | 'themes' | 'onProgress'> = {}): void {
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

/**
 * Loads a dataset: derives the per-ticket facts (JavaScript by default, or the SQL derivation)
 * and fills the fact tables the KPI queries read.
 */
export function loadDataset(db: Database, dataset: Dataset, options: LoadOptions = {}): void {
	const timezone = timeZoneOf(options);
	if ((options.derive ?? 'js') === 'js') {
		options.onProgress?.({phase: 'derive', done: 0, total: dataset.tickets.length});
		writeDataset(db, dataset, {timezone, businessHours: options.businessHours, themes: options.themes, onProgress: options.onProgress});
		if (options.keepTimeline) {
			createTables(db, timelineTables);
			insertRows(db, timelineTableRows(dataset, {timezone, businessHours: options.businessHours}), options.onProgress);
		}

		return;
	}

	const inputs = sqlDeriveInputs(dataset, options);
	createTables(db, [...factTables, ...timelineTables]);
	insertRows(db, inputs.tables, options.onProgress);
	createIndexes(db, [...factTables, ...timelineTables]);
	options.onProgress?.({phase: 'derive', done: 0, total: dataset.tickets.length});
	deriveFactsSql(db, inputs.params);
	buildRollups(db);
	options.onProgress?.({phase: 'derive', done: dataset.tickets.length, total: dataset.tickets.length});
}

/**
 * What the SQL derivation starts from: the timeline tables, plus the facts that do not come from the
 * timeline (surveys, customers, themes extracted from text, days, meta), and the asOf parameters.
 */
export function sqlDeriveInputs(dataset: Dataset, options: Pick<LoadOptions, 'timezone' | 'businessHours' | 'themes'> = {}): {tables: TableRows[]; params: DeriveSqlParams} {
	const timezone = timeZoneOf(options);
	const tickets = options.themes === false ? dataset.tickets : withThemes(dataset.tickets);
	const asOf = asOfOf(dataset);
	const base = deriveFacts({...dataset, tickets, events: [], asOf}, {themes: false, timezone});
	const keep = new Set(['surveys', 'customers', 'customer_days', 'ticket_themes', 'days', 'meta']);
	let asOfBh: number | null = null;
	if (options.businessHours) {
		const [min, max] = timeRangeOf(dataset, asOf);
		asOfBh = makeBusinessClock(options.businessHours, min, max)(asOf);
	}

	return {
		tables: [
			...factTableRows(base, {timezone}).filter(rows => keep.has(rows.table.name)),
			...timelineTableRows({...dataset, tickets}, {timezone, businessHours: options.businessHours}),
		],
		params: {asOf, asOfBh},
	};
}
