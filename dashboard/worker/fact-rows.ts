// One place that turns facts into rows of the fact tables (schema.ts), shared by the bulk row lists
// (factTableRows, used for DuckDB and tests) and the streaming writer (openFactWriter), which inserts
// each ticket as it is derived so a million tickets never sit in memory as objects.
import type {Database, SqlValue, Statement} from 'sql.js';
import type {Customer} from '../../core/metrics/dataset.ts';
import {slaMetrics} from '../../core/metrics/dataset.ts';
import type {
	AgentHourFact,
	EscalationFact,
	FeedbackFact,
	FlagFact,
	SurveyFact,
	TemplateFact,
	TicketFact,
} from '../../core/metrics/facts.ts';
import {dayKeyToNumber, dayNumberToKey, keysOfDay, makeDayKeys} from '../../core/metrics/time.ts';
import type {TableSpec} from './schema.ts';
import {buildRollups} from './rollups.ts';
import {createIndexes, createTables, factTables, insertSql, levelRank} from './schema.ts';

/** What ticket_metrics needs to know of a ticket's escalations. */
export type EscalationSummary = {first: number; firstType: string; types: Set<string>};

function bool(value: boolean | null): number | null {
	return value === null ? null : value ? 1 : 0;
}

/** Folds one escalation into a ticket's summary (earliest first; ties broken by type name). */
export function addEscalation(summary: EscalationSummary | undefined, escalation: Pick<EscalationFact, 'at' | 'type'>): EscalationSummary {
	if (!summary) {
		return {first: escalation.at, firstType: escalation.type, types: new Set([escalation.type])};
	}

	summary.types.add(escalation.type);
	if (escalation.at < summary.first || (escalation.at === summary.first && escalation.type < summary.firstType)) {
		summary.first = escalation.at;
		summary.firstType = escalation.type;
	}

	return summary;
}

/** Row builders of every fact table for one time zone (day, week and month keys in that zone). */
export function factRowBuilders(timezone: string) {
	const dayKeysOf = makeDayKeys(timezone);
	const keysOf = (ms: number): [number, number, number] => {
		const keys = dayKeysOf(ms);
		return [keys.day, keys.week, keys.month];
	};

	return {
		dayOf: (ms: number): number => dayKeysOf(ms).day,
		ticket(ticket: TicketFact, escalation: EscalationSummary | undefined, seq: number): SqlValue[] {
			return [
				ticket.key,
				ticket.helpdesk,
				ticket.agent,
				ticket.group,
				ticket.priority,
				ticket.channel,
				ticket.trigger,
				ticket.status,
				ticket.requesterKey,
				ticket.createdAt,
				...keysOf(ticket.createdAt),
				ticket.firstReplyMs,
				ticket.firstReplyBhMs,
				ticket.firstResolutionMs,
				ticket.firstResolutionBhMs,
				ticket.fullResolutionMs,
				ticket.fullResolutionBhMs,
				bool(ticket.solved),
				bool(ticket.resolved),
				ticket.reopens,
				ticket.agentReplies,
				ticket.customerMessages,
				bool(ticket.customerFollowUp),
				ticket.eventCount,
				ticket.lastEventAt,
				escalation ? 1 : 0,
				bool(escalation?.types.has('functional') ?? false),
				bool(escalation?.types.has('hierarchical') ?? false),
				bool(escalation?.types.has('automatic') ?? false),
				escalation?.first ?? null,
				escalation?.firstType ?? null,
				ticket.solved ? bool(ticket.reopens > 0) : null,
				ticket.resolved && ticket.agentReplies !== null ? bool(ticket.agentReplies < 2) : null,
				ticket.resolved && ticket.customerFollowUp !== null ? bool(!ticket.customerFollowUp) : null,
				...slaMetrics.map(metric => {
					const outcome = ticket.sla.find(sla => sla.metric === metric)?.outcome;
					return outcome === 'achieved' ? 1 : outcome === 'breached' ? 0 : null;
				}),
				seq,
			];
		},
		replies: (ticket: TicketFact, seq: number): SqlValue[][] =>
			ticket.replies.map(reply => [reply.at, ...keysOf(reply.at), reply.ms, reply.bhMs, seq]),
		sla(ticket: TicketFact, seq: number): SqlValue[][] {
			const created = keysOf(ticket.createdAt);
			return ticket.sla.map(sla => [sla.metric, sla.targetMinutes, bool(sla.businessHours), sla.outcome, sla.measuredMs, ...created, seq]);
		},
		themes: (ticket: Pick<TicketFact, 'key' | 'themes'>, seq: number): SqlValue[][] => ticket.themes.map(theme => [theme, seq]),
		escalation: (row: EscalationFact, seq: number | null): SqlValue[] => [
			row.ticketKey,
			row.at,
			...keysOf(row.at),
			row.type,
			row.source,
			row.agent,
			seq,
		],
		flag: (row: FlagFact, seq: number | null): SqlValue[] => [
			row.ticketKey,
			row.at,
			...keysOf(row.at),
			row.level,
			levelRank[row.level],
			row.agent,
			row.signals.join(','),
			seq,
		],
		feedback: (row: FeedbackFact, seq: number | null): SqlValue[] => [
			row.ticketKey,
			row.at,
			...keysOf(row.at),
			row.verdict,
			row.agent,
			seq,
		],
		template: (row: TemplateFact, seq: number | null): SqlValue[] => [
			row.ticketKey,
			row.at,
			...keysOf(row.at),
			row.templateId,
			row.agent,
			seq,
		],
		survey: (row: SurveyFact, seq: number | null): SqlValue[] => [
			row.id,
			row.ticketKey,
			row.kind,
			row.score,
			row.at,
			row.scale ?? null,
			bool(row.offered === true),
			...keysOf(row.at),
			seq,
		],
		customer: (row: Customer): SqlValue[] => [
			row.key,
			row.firstSeenAt,
			row.lostAt,
			dayKeysOf(row.firstSeenAt).day,
			row.lostAt === null ? null : dayKeysOf(row.lostAt).day,
		],
		agentHour: (row: AgentHourFact): SqlValue[] => [row.agent, row.hour, ...keysOf(row.hour)],
		/** Customers counted per (first seen day, lost day): the churn table. */
		customerDays(customers: Iterable<Customer>): SqlValue[][] {
			const counts = new Map<string, SqlValue[]>();
			for (const customer of customers) {
				const firstSeen = dayKeysOf(customer.firstSeenAt).day;
				const lost = customer.lostAt === null ? null : dayKeysOf(customer.lostAt).day;
				const key = `${firstSeen}:${lost ?? ''}`;
				const row = counts.get(key);
				if (row) {
					row[2] = (row[2] as number) + 1;
				} else {
					counts.set(key, [firstSeen, lost, 1]);
				}
			}

			return [...counts.values()];
		},
		/** The days table: every local day from the first to the last (day keys, inclusive). */
		days(first: number, last: number): SqlValue[][] {
			const rows: SqlValue[][] = [];
			for (let dayNumber = dayKeyToNumber(first); dayNumber <= dayKeyToNumber(last); dayNumber++) {
				const keys = keysOfDay(dayNumberToKey(dayNumber));
				rows.push([keys.day, keys.week, keys.month]);
			}

			return rows;
		},
		meta: (asOf: number): SqlValue[][] => [
			['as_of', String(asOf)],
			['timezone', timezone],
			['schema_version', '4'],
		],
	};
}

function factSpec(name: string): TableSpec {
	const found = factTables.find(table => table.name === name);
	if (!found) {
		throw new Error(`Unknown table ${name}`);
	}

	return found;
}

export type FactWriterProgress = {phase: 'insert' | 'index'; table?: string; done: number; total: number};

/** Everything known only once every ticket has been written. */
export type FactWriterEnd = {
	asOf: number;
	customers: Iterable<Customer>;
	/** Agent-hours not already given with the tickets' annotations. */
	agentHours?: Iterable<AgentHourFact> | undefined;
	/** Themes decided after the tickets were written (e.g. clustering over all texts), by ticket key. */
	themes?: ReadonlyMap<string, readonly string[]> | undefined;
};

/** A ticket's annotation rows, written with it. */
export type TicketAnnotations = {
	escalations?: readonly EscalationFact[] | undefined;
	flags?: readonly FlagFact[] | undefined;
	feedback?: readonly FeedbackFact[] | undefined;
	templates?: readonly TemplateFact[] | undefined;
	agentHours?: readonly AgentHourFact[] | undefined;
};

export type FactWriter = {
	/** Writes one ticket's facts (ticket_metrics, reply_intervals, sla_outcomes, ticket_themes) and its annotation rows. */
	addTicket(ticket: TicketFact, annotations?: TicketAnnotations): void;
	/** Annotation rows apart from their tickets (rows of tickets not written yet wait for finish()). `escalations` here do not mark ticket_metrics. */
	addAnnotations(annotations: TicketAnnotations): void;
	addSurvey(survey: SurveyFact): void;
	/** Writes the rest, commits and builds the indexes. Returns the number of tickets. */
	finish(end: FactWriterEnd): number;
	/** Drops everything written so far (the transaction is rolled back). */
	abort(): void;
};

/** Where the fact writer's rows go: an engine's tables. */
export type FactTarget = {
	insert(table: string, values: SqlValue[]): void;
	/** Every row is written: make the tables ready to query (sql.js: indexes, rollups, commit). */
	complete(): void;
	/** Forget what was written. */
	abort(): void;
};

export type FactWriterOptions = {
	timezone?: string | undefined;
	onProgress?: ((progress: FactWriterProgress) => void) | undefined;
	/** How many tickets are coming, when known: the total of the progress reports. */
	expectedTickets?: number | undefined;
};

/** sql.js: the fact tables created, one transaction, prepared statements; indexes and rollups at the end. */
export function sqlJsTarget(db: Database, onIndex?: () => void): FactTarget {
	createTables(db, factTables);
	db.run('BEGIN');
	const statements = new Map<string, Statement>();
	const free = (): void => {
		for (const statement of statements.values()) {
			statement.free();
		}

		statements.clear();
	};

	return {
		insert(table, values) {
			let statement = statements.get(table);
			if (!statement) {
				statement = db.prepare(insertSql(factSpec(table)));
				statements.set(table, statement);
			}

			statement.run(values);
		},
		complete() {
			free();
			onIndex?.();
			createIndexes(db, factTables);
			buildRollups(db);
			db.run('COMMIT');
		},
		abort() {
			free();
			db.run('ROLLBACK');
		},
	};
}

/**
 * Creates the fact tables and opens one transaction; tickets are inserted as they come with
 * prepared statements, and memory holds only their keys (ticket_seq lookup), the agent-hours seen and
 * the few rows handed over before their ticket.
 */
export function openFactWriter(db: Database, options: FactWriterOptions = {}): FactWriter {
	return openFactWriterOn(
		sqlJsTarget(db, () => options.onProgress?.({phase: 'index', done: 0, total: 1})),
		options,
	);
}

/** The fact writer over any target (sql.js here, DuckDB in the command line). */
export function openFactWriterOn(target: FactTarget, options: FactWriterOptions = {}): FactWriter {
	const timezone = options.timezone ?? 'UTC';
	const rows = factRowBuilders(timezone);
	const insert = (table: string, values: SqlValue[]): void => {
		target.insert(table, values);
	};

	const seqOf = new Map<string, number>();
	const hoursByAgent = new Map<string, Set<number>>();
	let firstDay = Number.POSITIVE_INFINITY;
	let lastDay = Number.NEGATIVE_INFINITY;
	const seeDay = (ms: number): void => {
		const day = rows.dayOf(ms);
		firstDay = Math.min(firstDay, day);
		lastDay = Math.max(lastDay, day);
	};

	let open = true;

	const ensureOpen = (): void => {
		if (!open) {
			throw new Error('This fact writer is finished or aborted.');
		}
	};

	const addHours = (hours: Iterable<AgentHourFact>): void => {
		for (const {agent, hour} of hours) {
			(hoursByAgent.get(agent) ?? hoursByAgent.set(agent, new Set()).get(agent)!).add(hour);
		}
	};

	// Rows whose ticket has not been written yet wait here (they are rare: a survey or an annotation
	// handed over before its ticket) and get the ticket's integer key when the load finishes.
	const pendingSurveys: SurveyFact[] = [];
	const pendingAnnotations: TicketAnnotations[] = [];
	/** Writes annotation rows; a row whose ticket is not written yet (`undefined` key) waits for finish(). */
	const writeAnnotations = (annotations: TicketAnnotations, seqOfRow: (ticketKey: string) => number | null | undefined): void => {
		// Made only when a row has to wait (rare), so the usual ticket allocates nothing here.
		let waiting: {escalations: EscalationFact[]; flags: FlagFact[]; feedback: FeedbackFact[]; templates: TemplateFact[]} | undefined;
		const later = () => {
			waiting ??= {escalations: [], flags: [], feedback: [], templates: []};
			return waiting;
		};

		const write = <T extends {ticketKey: string}>(
			list: readonly T[] | undefined,
			table: string,
			row: (item: T, seq: number | null) => SqlValue[],
			wait: (item: T) => void,
		): void => {
			for (const item of list ?? []) {
				const seq = seqOfRow(item.ticketKey);
				if (seq === undefined) {
					wait(item);
				} else {
					insert(table, row(item, seq));
				}
			}
		};

		write(annotations.escalations, 'escalations', rows.escalation, item => later().escalations.push(item));
		write(annotations.flags, 'flags', rows.flag, item => later().flags.push(item));
		write(annotations.feedback, 'feedback', rows.feedback, item => later().feedback.push(item));
		write(annotations.templates, 'template_uses', rows.template, item => later().templates.push(item));
		if (waiting) {
			pendingAnnotations.push(waiting);
		}

		addHours(annotations.agentHours ?? []);
	};

	const writer: FactWriter = {
		addTicket(ticket, annotations = {}) {
			ensureOpen();
			if (seqOf.has(ticket.key)) {
				throw new Error(`Ticket ${ticket.key} was written twice.`);
			}

			const seq = seqOf.size + 1;
			seqOf.set(ticket.key, seq);
			let escalation: EscalationSummary | undefined;
			for (const row of annotations.escalations ?? []) {
				escalation = addEscalation(escalation, row);
			}

			seeDay(ticket.createdAt);
			insert('ticket_metrics', rows.ticket(ticket, escalation, seq));
			for (const row of rows.replies(ticket, seq)) {
				insert('reply_intervals', row);
			}

			for (const row of rows.sla(ticket, seq)) {
				insert('sla_outcomes', row);
			}

			for (const row of rows.themes(ticket, seq)) {
				insert('ticket_themes', row);
			}

			// A ticket's own annotations: its key; a row of another ticket gets that one's once it is written.
			// (A ticket without any, as every row of a CSV export, skips the closures this takes.)
			if (annotations.escalations ?? annotations.flags ?? annotations.feedback ?? annotations.templates ?? annotations.agentHours) {
				writeAnnotations(annotations, key => (key === ticket.key ? seq : seqOf.get(key)));
			}
			if (options.onProgress && seq % 50_000 === 0) {
				options.onProgress({phase: 'insert', table: 'ticket_metrics', done: seq, total: Math.max(options.expectedTickets ?? 0, seq)});
			}
		},
		addAnnotations(annotations) {
			ensureOpen();
			writeAnnotations(annotations, key => seqOf.get(key));
		},
		addSurvey(survey) {
			ensureOpen();
			seeDay(survey.at);
			const seq = survey.ticketKey === null ? null : seqOf.get(survey.ticketKey);
			if (seq === undefined) {
				pendingSurveys.push(survey);
			} else {
				insert('surveys', rows.survey(survey, seq));
			}
		},
		finish(end) {
			ensureOpen();
			try {
				seeDay(end.asOf);
				const known = (key: string | null): number | null => (key === null ? null : (seqOf.get(key) ?? null));
				for (const annotations of pendingAnnotations.splice(0)) {
					writeAnnotations(annotations, key => known(key));
				}

				for (const survey of pendingSurveys.splice(0)) {
					insert('surveys', rows.survey(survey, known(survey.ticketKey)));
				}

				for (const [key, themes] of end.themes ?? []) {
					const seq = seqOf.get(key);
					if (seq !== undefined) {
						for (const row of rows.themes({key, themes: [...themes]}, seq)) {
							insert('ticket_themes', row);
						}
					}
				}

				const customers = [...end.customers];
				for (const customer of customers) {
					insert('customers', rows.customer(customer));
				}

				for (const row of rows.customerDays(customers)) {
					insert('customer_days', row);
				}

				addHours(end.agentHours ?? []);
				const agents = [...hoursByAgent.keys()].sort();
				for (const agent of agents) {
					for (const hour of [...hoursByAgent.get(agent)!].sort((a, b) => a - b)) {
						insert('agent_hours', rows.agentHour({agent, hour}));
					}
				}

				for (const row of rows.days(firstDay, lastDay)) {
					insert('days', row);
				}

				for (const row of rows.meta(end.asOf)) {
					insert('meta', row);
				}

				options.onProgress?.({phase: 'insert', table: 'ticket_metrics', done: seqOf.size, total: seqOf.size});
				target.complete();
				options.onProgress?.({phase: 'index', done: 1, total: 1});
			} catch (error) {
				writer.abort();
				throw error;
			}

			open = false;
			const written = seqOf.size;
			// The keys of a million tickets are a hundred megabytes: let them go with the load.
			seqOf.clear();
			hoursByAgent.clear();
			return written;
		},
		abort() {
			if (!open) {
				return;
			}

			open = false;
			target.abort();
		},
	};
	return writer;
}
