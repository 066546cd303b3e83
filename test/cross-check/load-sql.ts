// Cross-checks of the production load (dashboard/worker/load.ts), kept for tests only: every fact table
// built in bulk from derived facts (the streaming writer must fill the same tables), and the timeline
// tables the SQL derivation of facts (./derive-sql.ts) starts from.
import type {Database, SqlValue} from 'sql.js';
import type {Dataset, DatasetTicket, TicketEvent} from '../../core/metrics/dataset.ts';
import {asOfOf} from '../../core/metrics/dataset.ts';
import type {EscalationFact, Facts} from '../../core/metrics/facts.ts';
import {dataDayRange, deriveFacts, eventsByTicket, timeRangeOf, withThemes} from '../../core/metrics/facts.ts';
import type {BusinessHours} from '../../core/metrics/time.ts';
import {makeBusinessClock, makeDayKeys, makeHourStart} from '../../core/metrics/time.ts';
import type {EscalationSummary} from '../../dashboard/worker/fact-rows.ts';
import {addEscalation, factRowBuilders} from '../../dashboard/worker/fact-rows.ts';
import type {LoadOptions, LoadProgress} from '../../dashboard/worker/load.ts';
import {timeZoneOf} from '../../dashboard/worker/load.ts';
import {buildRollups} from '../../dashboard/worker/rollups.ts';
import type {TableSpec} from '../../dashboard/worker/schema.ts';
import {createIndexes, createTables, factTables, insertSql, timelineTables} from '../../dashboard/worker/schema.ts';
import type {DeriveSqlParams} from './derive-sql.ts';
import {deriveFactsSql} from './derive-sql.ts';

export type TableRows = {table: TableSpec; rows: Iterable<SqlValue[]>; count: number};

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
			yield* map(item) as Iterable<SqlValue[]>;
		} else {
			yield map(item) as SqlValue[];
		}
	}
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
		{
			table: spec('ticket_metrics'),
			count: facts.tickets.length,
			rows: mapRows(facts.tickets, ticket => rows.ticket(ticket, escalations.get(ticket.key), seq(ticket.key))),
		},
		{
			table: spec('reply_intervals'),
			count: replyCount,
			rows: mapRows(facts.tickets, ticket => rows.replies(ticket, seq(ticket.key)), true),
		},
		{table: spec('sla_outcomes'), count: slaCount, rows: mapRows(facts.tickets, ticket => rows.sla(ticket, seq(ticket.key)), true)},
		{
			table: spec('escalations'),
			count: facts.escalations.length,
			rows: mapRows(facts.escalations, row => rows.escalation(row, seqOf.get(row.ticketKey) ?? null)),
		},
		{table: spec('flags'), count: facts.flags.length, rows: mapRows(facts.flags, row => rows.flag(row, seqOf.get(row.ticketKey) ?? null))},
		{
			table: spec('feedback'),
			count: facts.feedback.length,
			rows: mapRows(facts.feedback, row => rows.feedback(row, seqOf.get(row.ticketKey) ?? null)),
		},
		{
			table: spec('template_uses'),
			count: facts.templates.length,
			rows: mapRows(facts.templates, row => rows.template(row, seqOf.get(row.ticketKey) ?? null)),
		},
		{
			table: spec('surveys'),
			count: facts.surveys.length,
			rows: mapRows(facts.surveys, row => rows.survey(row, row.ticketKey === null ? null : (seqOf.get(row.ticketKey) ?? null))),
		},
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
export function timelineTableRows(
	dataset: Dataset,
	options: {timezone?: string | undefined; businessHours?: BusinessHours | undefined} = {},
): TableRows[] {
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
			ticket.key,
			ticket.helpdesk,
			ticket.ticketId,
			ticket.createdAt,
			reading(ticket.createdAt),
			keys.day,
			keys.week,
			keys.month,
			ticket.requesterKey,
			ticket.agent,
			ticket.group,
			ticket.priority,
			ticket.channel,
			ticket.status,
			ticket.trigger,
			reported.firstReplyMinutes ?? null,
			reported.firstReplyBusinessMinutes ?? null,
			reported.firstResolutionMinutes ?? null,
			reported.firstResolutionBusinessMinutes ?? null,
			reported.fullResolutionMinutes ?? null,
			reported.fullResolutionBusinessMinutes ?? null,
			reported.replies ?? null,
			reported.reopens ?? null,
			reported.customerFollowUps ?? null,
			seq,
		];
	};

	const eventRow = (event: TicketEvent, ord: number): SqlValue[] => {
		const keys = dayKeysOf(event.at);
		const row: SqlValue[] = [
			event.ticketKey,
			ord,
			event.at,
			reading(event.at),
			event.kind,
			event.actor ?? null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			keys.day,
			keys.week,
			keys.month,
			hourStartOf(event.at),
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
		{
			table: spec('tickets'),
			count: dataset.tickets.length,
			rows: mapRows([...dataset.tickets.entries()], ([index, ticket]) => ticketRow(ticket, index + 1)),
		},
		{table: spec('ticket_events'), count: dataset.events.length, rows: events()},
	];
}

/**
 * What the SQL derivation starts from: the timeline tables, plus the facts that do not come from the
 * timeline (surveys, customers, themes extracted from text, days, meta), and the asOf parameters.
 */
export function sqlDeriveInputs(
	dataset: Dataset,
	options: Pick<LoadOptions, 'timezone' | 'businessHours' | 'themes'> = {},
): {tables: TableRows[]; params: DeriveSqlParams} {
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

/** The SQL derivation's load: timeline tables in, facts derived by SQL, rollups built (a cross-check of the JavaScript derivation). */
export function loadDatasetDerivingInSql(db: Database, dataset: Dataset, options: LoadOptions = {}): void {
	const inputs = sqlDeriveInputs(dataset, options);
	createTables(db, [...factTables, ...timelineTables]);
	insertRows(db, inputs.tables, options.onProgress);
	createIndexes(db, [...factTables, ...timelineTables]);
	deriveFactsSql(db, inputs.params);
	buildRollups(db);
}
