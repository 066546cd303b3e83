// The metric SQL. Each report is built as plain SQL text + positional parameters (runs unchanged in
// SQLite/sql.js and DuckDB), then shaped into the report types of core/metrics. Order statistics
// (median, 90th percentile) depend on the engine's dialect: sql.js hands over each group's values as
// one group_concat string (a native aggregate, ten times faster in sql.js than a JavaScript aggregate
// function) that JavaScript selects from; DuckDB computes them with quantile_cont. Functions take a
// sql.js Database.
import type {Database, SqlValue} from 'sql.js';
import {flagLevels, slaMetrics} from '../../core/metrics/dataset.ts';
import type {DurationMeasure, GroupBy, KpiQuery, KpiRow, Stats} from '../../core/metrics/kpis.ts';
import {
	allGroup,
	dayBounds,
	emptyKpiRow,
	filterFields,
	grainLabel,
	isTimeGrain,
	noneGroup,
	npsOf,
	ratio,
	sortRows,
	statsOfValues,
} from '../../core/metrics/kpis.ts';
import type {
	EarlyWarningReport,
	StratumOutcome,
	TemplateEffectiveness,
	TemplateStrata,
	ThemeDayCount,
	ThemeSummary,
} from '../../core/metrics/reports.ts';
import {compareThemes, levelEffectiveness, shapeTemplateEffectiveness, themeRow} from '../../core/metrics/reports.ts';
import {additiveTicketMeasures} from './rollups.ts';
import {dimensionGroups} from './schema.ts';
import type {Settlement} from '../../core/metrics/periods.ts';
import {settlementOf} from '../../core/metrics/periods.ts';
import type {Spike, SpikeOptions} from '../../core/metrics/spikes.ts';
import {dayKeyToIso} from '../../core/metrics/time.ts';
import {detectSpikes} from '../../core/metrics/spikes.ts';

export type SqlQuery = {
	sql: string;
	params: SqlValue[];
	/** Built with `rowRanges`: the table whose rowids its last two parameters range over (default ticket_metrics, whose rowid is ticket_seq). */
	rangeOver?: string | undefined;
};
/** A result row; DuckDB's big integers are converted to numbers before shaping. */
export type Row = Record<string, SqlValue | bigint | boolean | undefined>;
/** A result row whose value lists may already be parsed (rows merged from ranges, see inRanges). */
export type MergedRow = Record<string, Row[string] | Float64Array>;

/** Runs one query in sql.js and returns its rows as objects. */
export function all(db: Database, query: SqlQuery): Row[] {
	const statement = db.prepare(query.sql);
	try {
		statement.bind(query.params);
		const rows: Row[] = [];
		while (statement.step()) {
			rows.push(statement.getAsObject());
		}

		return rows;
	} finally {
		statement.free();
	}
}

function num(value: MergedRow[string]): number {
	return value === null || value === undefined ? 0 : Number(value);
}

const dimensionColumns: Record<string, string> = {
	helpdesk: 't.helpdesk',
	agent: 't.agent',
	group: 't.group_name',
	priority: 't.priority',
	channel: 't.channel',
	trigger: 't.trigger_name',
};

/** The group expression (and any join it needs) of a grouping, for rows anchored on table alias `anchor`. */
function grouping(groupBy: GroupBy, anchor: string): {expr: string; join: string} {
	if (groupBy === 'none') {
		return {expr: `'${allGroup}'`, join: ''};
	}

	if (isTimeGrain(groupBy)) {
		return {expr: `${anchor}.${groupBy}`, join: ''};
	}

	if (groupBy === 'theme') {
		return {expr: `COALESCE(th.theme, '${noneGroup}')`, join: 'LEFT JOIN ticket_themes th ON th.ticket_seq = t.ticket_seq'};
	}

	const expr = dimensionGroups[groupBy]('t.');
	// Surveys join their ticket with LEFT JOIN: one without a ticket is in no escalation type.
	return {
		expr: groupBy === 'escalation-type' && anchor === 's' ? `CASE WHEN t.ticket_seq IS NULL THEN '${noneGroup}' ELSE ${expr} END` : expr,
		join: '',
	};
}

/** `AND t.x IN (?, ...)` for each active filter, plus its parameters. */
function filterSql(query: KpiQuery): {sql: string; params: SqlValue[]} {
	const parts: string[] = [];
	const params: SqlValue[] = [];
	for (const field of filterFields) {
		const values = query.filters?.[field] ?? [];
		if (values.length > 0) {
			parts.push(`AND ${field === 'helpdesk' ? 't.helpdesk' : dimensionColumns[field]} IN (${values.map(() => '?').join(', ')})`);
			params.push(...values);
		}
	}

	return {sql: parts.join(' '), params};
}

/**
 * How an engine gives a group's order statistics (count, mean, median, 90th percentile): 'values'
 * hands over the group's values as one group_concat list that JavaScript selects from (sql.js, which
 * has no quantile aggregate); 'native' computes the four numbers in SQL with AVG and quantile_cont
 * (DuckDB: linear interpolation between the two closest ranks, as quantileOfSorted does).
 */
export type OrderStats = 'values' | 'native';

/** The SQL dialect of the engine a query is built for. */
export type Dialect = {
	orderStats?: OrderStats | undefined;
	/** The engine evaluates a correlated subquery for every row, even where a CASE would not reach it (DuckDB): count by joins instead. */
	joinsOverSubqueries?: boolean | undefined;
	/**
	 * The queries that list values take a range of rows as their last two parameters (`AND ticket_seq
	 * BETWEEN ? AND ?`, or the replies' own rowids where no ticket is joined), for a runner that reads
	 * them range by range (inRanges): sql.js, whose wasm heap keeps the size of the longest list it
	 * ever built.
	 */
	rowRanges?: boolean | undefined;
};

/** `AND column BETWEEN ? AND ?` when the dialect reads in ranges of rows; `+` keeps SQLite from choosing its access path by it. */
function rangeSql(dialect: Dialect, column: string, plus = false): string {
	return dialect.rowRanges ? `AND ${plus ? '+' : ''}${column} BETWEEN ? AND ?` : '';
}

/** All non-null values of a column in the group, comma-separated. */
function valuesSql(column: string, alias: string): string {
	return `group_concat(CAST(${column} AS VARCHAR), ',') AS ${alias}_values`;
}

/** The order statistics of a column's non-null values in the group, as `dialect` gives them (read back by statsOfRow). */
function statsSql(column: string, alias: string, dialect: Dialect): string {
	if (dialect.orderStats !== 'native') {
		return valuesSql(column, alias);
	}

	const value = `CAST(${column} AS DOUBLE)`;
	return [
		`COUNT(${column}) AS ${alias}_count`,
		`AVG(${value}) AS ${alias}_mean`,
		`quantile_cont(${value}, 0.5) AS ${alias}_median`,
		`quantile_cont(${value}, 0.9) AS ${alias}_p90`,
	].join(', ');
}

/**
 * Parses a group_concat list of numbers in one pass without creating a string per value (the lists
 * hold millions of values at 1M tickets). Integers are read in place; a list with anything else (a
 * decimal point, an exponent) is read again value by value through Number().
 */
export function valuesOf(value: MergedRow[string]): Float64Array {
	if (value instanceof Float64Array) {
		return value;
	}

	if (value === null || value === undefined || value === '') {
		return new Float64Array(0);
	}

	const text = String(value);
	const length = text.length;
	// Room for values of about eight characters, grown when they are shorter: the lists reach tens of
	// megabytes, and an array sized for the worst case (one digit each) would be four times too big.
	let values = new Float64Array((length >> 3) + 16);
	let slot = 0;
	let current = 0;
	let negative = false;
	for (let index = 0; index < length; index++) {
		const code = text.charCodeAt(index);
		if (code === 44) {
			if (slot === values.length - 1) {
				const grown = new Float64Array(values.length * 2);
				grown.set(values);
				values = grown;
			}

			values[slot++] = negative ? -current : current;
			current = 0;
			negative = false;
		} else if (code >= 48 && code <= 57) {
			current = current * 10 + (code - 48);
		} else if (code === 45) {
			negative = true;
		} else {
			return Float64Array.from(text.split(','), Number);
		}
	}

	values[slot++] = negative ? -current : current;
	return values.subarray(0, slot);
}

/** A group's order statistics from its row: the four native columns when present, else its values list. */
function statsOfRow(row: MergedRow, alias: string): Stats {
	if (`${alias}_count` in row) {
		const count = num(row[`${alias}_count`]);
		const orNull = (value: MergedRow[string]): number | null =>
			count === 0 || value === null || value === undefined ? null : Number(value);
		return {count, mean: orNull(row[`${alias}_mean`]), median: orNull(row[`${alias}_median`]), p90: orNull(row[`${alias}_p90`])};
	}

	return statsOfValues(valuesOf(row[`${alias}_values`]));
}

const ticketMeasures: Array<[DurationMeasure, string]> = [
	['firstReply', 'first_reply_ms'],
	['firstReplyBusiness', 'first_reply_bh_ms'],
	['firstResolution', 'first_resolution_ms'],
	['firstResolutionBusiness', 'first_resolution_bh_ms'],
	['fullResolution', 'full_resolution_ms'],
	['fullResolutionBusiness', 'full_resolution_bh_ms'],
];

function groupBySql(groupBy: GroupBy, expr: string, extra = ''): string {
	const terms = [groupBy === 'none' ? '' : expr, extra].filter(Boolean);
	return terms.length > 0 ? `GROUP BY ${terms.join(', ')}` : '';
}

export type KpiQueries = {
	/** The additive ticket KPIs (from the daily rollup when `durations` is set, else with the duration values too). */
	tickets: SqlQuery;
	/** The duration values per group, when `tickets` reads the rollup. */
	durations: SqlQuery | undefined;
	replies: SqlQuery;
	surveys: SqlQuery;
	churn: SqlQuery | undefined;
};

/** Good and bad CSAT conditions over alias s under the query's rule (a NULL score, offered and not answered, is neither). */
function csatConditions(query: KpiQuery): [good: string, bad: string] {
	const conditions: Record<string, [string, string]> = {
		'top-2': ['s.score >= 4', 's.score < 4'],
		'top-1': ['s.score >= 5', 's.score < 5'],
		'exclude-neutral': ['s.score >= 4', 's.score <= 2'],
	};
	return conditions[query.csat ?? 'top-2']!;
}

/** The SQL of every KPI of one query, for an engine of `dialect`. */
export function kpiQueries(query: KpiQuery = {}, dialect: Dialect = {}): KpiQueries {
	const groupBy = query.groupBy ?? 'none';
	const [from, to] = dayBounds(query);
	const filter = filterSql(query);
	const ticketGroup = grouping(groupBy, 't');
	// Whole-team queries (no filter; all time or by day, week or month) read the daily rollups.
	const rollup = filter.params.length === 0 && (groupBy === 'none' || isTimeGrain(groupBy));
	const durationValues = ticketMeasures.map(([measure, column]) => statsSql(`t.${column}`, measure, dialect)).join(',\n\t\t\t\t');
	// A breakdown by a ticket dimension walks that dimension's index (schema.ts): its range is written
	// `+t.ticket_seq`, which SQLite does not use to pick the access path, else it would scan the range
	// by rowid and sort it, twice the time of the walk at a million tickets.
	const walksIndex = groupBy in dimensionGroups;
	const range = (column: string): string => rangeSql(dialect, column, walksIndex && column.startsWith('t.'));
	let tickets: SqlQuery;
	let durations: SqlQuery | undefined;
	if (rollup) {
		const dayGroup = grouping(groupBy, 'd');
		tickets = {
			sql: `SELECT ${dayGroup.expr} AS g,
					${additiveTicketMeasures.map(([alias]) => `SUM(d.${alias}) AS ${alias}`).join(',\n\t\t\t\t\t')}
				FROM ticket_days d
				WHERE d.day BETWEEN ? AND ?
				${groupBySql(groupBy, dayGroup.expr)}`,
			params: [from, to],
		};
		durations = {
			sql: `SELECT ${ticketGroup.expr} AS g, ${durationValues}
				FROM ticket_metrics t
				WHERE t.day BETWEEN ? AND ? ${range('t.ticket_seq')}
				${groupBySql(groupBy, ticketGroup.expr)}`,
			params: [from, to],
		};
	} else {
		tickets = {
			sql: `SELECT ${ticketGroup.expr} AS g,
					${additiveTicketMeasures.map(([alias, aggregate]) => `${aggregate} AS ${alias}`).join(',\n\t\t\t\t\t')},
					${durationValues}
				FROM ticket_metrics t ${ticketGroup.join}
				WHERE t.day BETWEEN ? AND ? ${filter.sql} ${range('t.ticket_seq')}
				${groupBySql(groupBy, ticketGroup.expr)}`,
			params: [from, to, ...filter.params],
		};
	}

	// Rows anchored elsewhere join the ticket only when a ticket dimension or filter needs it: exactly
	// the queries that cannot read the rollups.
	const needsTicket = !rollup;
	const replyGroup = grouping(groupBy, 'r');
	const replies: SqlQuery = {
		sql: `SELECT ${replyGroup.expr} AS g, COUNT(*) AS n, ${statsSql('r.ms', 'nextReply', dialect)}, ${statsSql('r.bh_ms', 'nextReplyBusiness', dialect)}
			FROM reply_intervals r ${needsTicket ? 'JOIN ticket_metrics t ON t.ticket_seq = r.ticket_seq' : ''} ${replyGroup.join}
			WHERE r.day BETWEEN ? AND ? ${filter.sql} ${range(needsTicket ? 't.ticket_seq' : 'r.rowid')}
			${groupBySql(groupBy, replyGroup.expr)}`,
		params: [from, to, ...filter.params],
		// Without a ticket joined, ranges of the replies' own rows: a scan, where ticket ranges would go through the index.
		rangeOver: needsTicket ? undefined : 'reply_intervals',
	};

	const [good, bad] = csatConditions(query);
	const surveyGroup = grouping(groupBy, 's');
	// From the rollup each row stands for `responses` answers with the same day, kind and score.
	const weight = rollup ? 's.responses' : '1';
	const surveySums = `SUM(CASE WHEN s.kind = 'csat' AND ${good} THEN ${weight} ELSE 0 END) AS csat_good,
				SUM(CASE WHEN s.kind = 'csat' AND ${bad} THEN ${weight} ELSE 0 END) AS csat_bad,
				SUM(CASE WHEN s.kind = 'csat' AND s.offered = 1 THEN ${weight} ELSE 0 END) AS csat_offered,
				SUM(CASE WHEN s.kind = 'csat' AND s.offered = 1 AND s.score IS NOT NULL THEN ${weight} ELSE 0 END) AS csat_answered,
				SUM(CASE WHEN s.kind = 'nps' AND s.score IS NOT NULL THEN ${weight} ELSE 0 END) AS nps_responses,
				SUM(CASE WHEN s.kind = 'nps' AND s.score >= 9 THEN ${weight} ELSE 0 END) AS promoters,
				SUM(CASE WHEN s.kind = 'nps' AND s.score <= 6 THEN ${weight} ELSE 0 END) AS detractors,
				SUM(CASE WHEN s.kind = 'ces' AND s.score IS NOT NULL THEN ${weight} ELSE 0 END) AS ces_responses,
				SUM(CASE WHEN s.kind = 'ces' AND s.score IS NOT NULL THEN s.score * ${weight} ELSE 0 END) AS ces_sum`;
	const surveys: SqlQuery = {
		sql: `SELECT ${surveyGroup.expr} AS g, ${surveySums}
			FROM ${rollup ? 'survey_days' : 'surveys'} s ${needsTicket ? 'LEFT JOIN ticket_metrics t ON t.ticket_seq = s.ticket_seq' : ''} ${surveyGroup.join}
			WHERE s.day BETWEEN ? AND ? ${filter.sql}
			${groupBySql(groupBy, surveyGroup.expr)}`,
		params: [from, to, ...filter.params],
	};

	// Churn: customers lost in a period / customers at its start (present before it and not yet lost).
	let churn: SqlQuery | undefined;
	if (groupBy === 'none' || isTimeGrain(groupBy)) {
		const bucket = groupBy === 'none' ? `'${allGroup}'` : `d.${groupBy}`;
		churn = {
			sql: `SELECT b.g AS g,
					COALESCE((SELECT SUM(c.customers) FROM customer_days c
						WHERE c.first_seen_day < b.start_day AND (c.lost_day IS NULL OR c.lost_day >= b.start_day)), 0) AS at_start,
					COALESCE((SELECT SUM(c.customers) FROM customer_days c
						WHERE c.first_seen_day < b.start_day AND c.lost_day >= b.start_day AND c.lost_day <= b.end_day), 0) AS lost
				FROM (SELECT ${bucket} AS g, MIN(d.day) AS start_day, MAX(d.day) AS end_day
					FROM days d WHERE d.day BETWEEN ? AND ? ${groupBy === 'none' ? '' : `GROUP BY d.${groupBy}`}) b
				WHERE b.start_day IS NOT NULL`,
			params: [from, to],
		};
	}

	return {tickets, durations, replies, surveys, churn};
}

export type KpiResults = Record<'tickets' | 'replies' | 'surveys', MergedRow[]> & {
	durations?: MergedRow[] | undefined;
	churn: MergedRow[] | undefined;
};

/** Shapes query results into KPI rows (the same shape as the JavaScript baseline). */
export function shapeKpis(query: KpiQuery, results: KpiResults): KpiRow[] {
	const groupBy = query.groupBy ?? 'none';
	const withChurn = results.churn !== undefined;
	const rows = new Map<string, KpiRow>();
	const labelOf = (value: MergedRow[string]): string => (isTimeGrain(groupBy) ? grainLabel(groupBy, Number(value)) : String(value));
	const rowOf = (value: MergedRow[string]): KpiRow => {
		const label = labelOf(value);
		let row = rows.get(label);
		if (!row) {
			row = emptyKpiRow(label, withChurn);
			rows.set(label, row);
		}

		return row;
	};

	// Duration values in their own rows (when the counts came from the rollup), matched by group.
	const durationRows = new Map((results.durations ?? []).map(result => [String(result.g), result]));
	for (const result of results.tickets) {
		if (groupBy === 'none' || num(result.tickets) > 0) {
			const row = rowOf(result.g);
			const tickets = num(result.tickets);
			row.tickets = tickets;
			const values = results.durations ? (durationRows.get(String(result.g)) ?? {}) : result;
			for (const [measure] of ticketMeasures) {
				row.durations[measure] = statsOfRow(values, measure);
			}

			row.resolutionRate = ratio(num(result.resolved), tickets);
			row.reopenRate = ratio(num(result.reopened), num(result.solved));
			row.fcrOneTouch = ratio(num(result.one_touch), num(result.one_touch_den));
			row.fcrNoFollowUp = ratio(num(result.no_follow_up), num(result.no_follow_up_den));
			row.fcr = (query.fcr ?? 'one-touch') === 'one-touch' ? row.fcrOneTouch : row.fcrNoFollowUp;
			row.escalationRate = ratio(num(result.escalated), tickets);
			row.functionalEscalationRate = ratio(num(result.functional), tickets);
			row.hierarchicalEscalationRate = ratio(num(result.hierarchical), tickets);
			row.automaticEscalationRate = ratio(num(result.automatic), tickets);
			for (const [index, metric] of slaMetrics.entries()) {
				row.sla[metric] = ratio(num(result[`achieved_${index}`]), num(result[`applied_${index}`]));
			}
		}
	}

	for (const result of results.replies) {
		if (groupBy === 'none' || num(result.n) > 0) {
			const row = rowOf(result.g);
			row.durations.nextReply = statsOfRow(result, 'nextReply');
			row.durations.nextReplyBusiness = statsOfRow(result, 'nextReplyBusiness');
		}
	}

	for (const result of results.surveys) {
		const row = rowOf(result.g);
		const good = num(result.csat_good);
		row.csat = ratio(good, good + num(result.csat_bad));
		row.csatResponseRate = ratio(num(result.csat_answered), num(result.csat_offered));
		row.nps = npsOf(num(result.nps_responses), num(result.promoters), num(result.detractors));
		const cesResponses = num(result.ces_responses);
		row.ces = {responses: cesResponses, mean: cesResponses > 0 ? num(result.ces_sum) / cesResponses : null};
	}

	for (const result of results.churn ?? []) {
		rowOf(result.g).churn = ratio(num(result.lost), num(result.at_start));
	}

	if (groupBy === 'none') {
		rowOf(allGroup);
	}

	return sortRows([...rows.values()]);
}

/** Rows per statement of a query that lists values (inRanges). */
export const rowsPerRange = 250_000;

/**
 * Runs a query built with `rowRanges` (its last two parameters a range of rowids of
 * `query.rangeOver`) range by range and merges the rows of each group: value lists parsed and
 * joined, every other column added up (the queries it takes sum and count). In sql.js a group's list
 * is one string built by doubling in the wasm heap, which never gives memory back: a million
 * tickets' four million replies in one group grew it by about 240 MB for good; in ranges of a
 * quarter million rows, by a few MB.
 */
export function inRanges(db: Database, query: SqlQuery, rows = rowsPerRange): MergedRow[] {
	const last = num(all(db, {sql: `SELECT MAX(rowid) AS last FROM ${query.rangeOver ?? 'ticket_metrics'}`, params: []})[0]?.last);
	const groups = new Map<string, {row: MergedRow; lists: Map<string, Float64Array[]>}>();
	for (let first = 1; first <= Math.max(last, 1); first += rows) {
		for (const row of all(db, {sql: query.sql, params: [...query.params, first, first + rows - 1]})) {
			const label = String(row.g);
			let group = groups.get(label);
			if (!group) {
				group = {row: {g: row.g}, lists: new Map()};
				groups.set(label, group);
			}

			for (const [key, value] of Object.entries(row)) {
				if (key.endsWith('_values')) {
					(group.lists.get(key) ?? group.lists.set(key, []).get(key)!).push(valuesOf(value));
				} else if (key !== 'g') {
					group.row[key] = num(group.row[key]) + num(value);
				}
			}
		}
	}

	return [...groups.values()].map(({row, lists}) => {
		for (const [key, parts] of lists) {
			const joined = new Float64Array(parts.reduce((total, part) => total + part.length, 0));
			let offset = 0;
			for (const part of parts) {
				joined.set(part, offset);
				offset += part.length;
			}

			row[key] = joined;
		}

		return row;
	});
}

/** Every KPI of design.md section 6 for one query (period, grouping, filters, FCR variant, CSAT rule). */
export function kpis(db: Database, query: KpiQuery = {}, options: {rowsPerRange?: number | undefined} = {}): KpiRow[] {
	const queries = kpiQueries(query, {rowRanges: true});
	const values = (sql: SqlQuery): MergedRow[] => inRanges(db, sql, options.rowsPerRange);
	return shapeKpis(query, {
		tickets: queries.durations ? all(db, queries.tickets) : values(queries.tickets),
		durations: queries.durations ? values(queries.durations) : undefined,
		replies: values(queries.replies),
		surveys: all(db, queries.surveys),
		churn: queries.churn ? all(db, queries.churn) : undefined,
	});
}

/** Cohort of tickets created in the period that pass the filters, as a SQL fragment over alias t. */
function cohortSql(query: KpiQuery): {where: string; params: SqlValue[]} {
	const [from, to] = dayBounds(query);
	const filter = filterSql(query);
	return {where: `t.day BETWEEN ? AND ? ${filter.sql}`, params: [from, to, ...filter.params]};
}

function agentFilterSql(query: KpiQuery, column: string): {sql: string; params: SqlValue[]} {
	const agents = query.filters?.agent ?? [];
	return agents.length > 0 ? {sql: `AND ${column} IN (${agents.map(() => '?').join(', ')})`, params: [...agents]} : {sql: '', params: []};
}

export type EarlyWarningQueries = {levels: SqlQuery; flags: SqlQuery; hours: SqlQuery; feedback: SqlQuery};

export function earlyWarningQueries(query: KpiQuery = {}): EarlyWarningQueries {
	const cohort = cohortSql(query);
	const [from, to] = dayBounds(query);
	const levelColumns = flagLevels
		.map(
			level => `
				SUM(CASE WHEN ff.${level}_at IS NOT NULL THEN 1 ELSE 0 END) AS ${level}_flagged,
				SUM(CASE WHEN ff.${level}_at IS NOT NULL AND c.escalated = 1 THEN 1 ELSE 0 END) AS ${level}_tp,
				${valuesSql(`CASE WHEN c.escalated = 1 THEN c.first_escalation_at - ff.${level}_at END`, `${level}_lead`)}`,
		)
		.join(',');
	const levels: SqlQuery = {
		sql: `WITH c AS (
				SELECT t.ticket_seq, t.escalated, t.first_escalation_at FROM ticket_metrics t WHERE ${cohort.where}),
			ff AS (
				SELECT f.ticket_seq,
					MIN(CASE WHEN f.level_rank >= 1 THEN f.event_at END) AS watch_at,
					MIN(CASE WHEN f.level_rank >= 2 THEN f.event_at END) AS high_at,
					MIN(CASE WHEN f.level_rank >= 3 THEN f.event_at END) AS critical_at
				FROM flags f JOIN c ON c.ticket_seq = f.ticket_seq
				WHERE c.first_escalation_at IS NULL OR f.event_at < c.first_escalation_at
				GROUP BY f.ticket_seq)
			SELECT COUNT(*) AS tickets, SUM(c.escalated) AS escalated,${levelColumns}
			FROM c LEFT JOIN ff ON ff.ticket_seq = c.ticket_seq`,
		params: cohort.params,
	};
	const flagAgents = agentFilterSql(query, 'f.agent');
	const hourAgents = agentFilterSql(query, 'h.agent');
	const feedbackAgents = agentFilterSql(query, 'b.agent');
	return {
		levels,
		flags: {
			sql: `SELECT f.agent AS agent, COUNT(*) AS n FROM flags f WHERE f.day BETWEEN ? AND ? ${flagAgents.sql} GROUP BY f.agent`,
			params: [from, to, ...flagAgents.params],
		},
		hours: {
			sql: `SELECT h.agent AS agent, COUNT(*) AS n FROM agent_hours h WHERE h.day BETWEEN ? AND ? ${hourAgents.sql} GROUP BY h.agent`,
			params: [from, to, ...hourAgents.params],
		},
		feedback: {
			sql: `SELECT b.agent AS agent, SUM(CASE WHEN b.verdict = 'agree' THEN 1 ELSE 0 END) AS agree, SUM(CASE WHEN b.verdict = 'disagree' THEN 1 ELSE 0 END) AS disagree
				FROM feedback b WHERE b.day BETWEEN ? AND ? ${feedbackAgents.sql} GROUP BY b.agent`,
			params: [from, to, ...feedbackAgents.params],
		},
	};
}

export function shapeEarlyWarning(results: Record<keyof EarlyWarningQueries, Row[]>): EarlyWarningReport {
	const summary = results.levels[0] ?? {};
	const escalated = num(summary.escalated);
	const perAgent = new Map<string, {flags: number; hours: number; agree: number; disagree: number}>();
	const entry = (agent: Row[string]) => {
		const name = String(agent);
		let found = perAgent.get(name);
		if (!found) {
			found = {flags: 0, hours: 0, agree: 0, disagree: 0};
			perAgent.set(name, found);
		}

		return found;
	};

	let flags = 0;
	let hours = 0;
	let agree = 0;
	let disagree = 0;
	for (const row of results.flags) {
		flags += num(row.n);
		if (row.agent !== null) {
			entry(row.agent).flags += num(row.n);
		}
	}

	for (const row of results.hours) {
		hours += num(row.n);
		entry(row.agent).hours += num(row.n);
	}

	for (const row of results.feedback) {
		agree += num(row.agree);
		disagree += num(row.disagree);
		if (row.agent !== null) {
			const found = entry(row.agent);
			found.agree += num(row.agree);
			found.disagree += num(row.disagree);
		}
	}

	return {
		tickets: num(summary.tickets),
		escalated,
		levels: flagLevels.map(level =>
			levelEffectiveness(
				level,
				num(summary[`${level}_flagged`]),
				num(summary[`${level}_tp`]),
				escalated,
				valuesOf(summary[`${level}_lead_values`]),
			),
		),
		flags,
		agentHours: hours,
		flagsPerAgentHour: hours > 0 ? flags / hours : null,
		agreement: ratio(agree, agree + disagree),
		byAgent: [...perAgent]
			.sort(([a], [b]) => (a < b ? -1 : 1))
			.map(([agent, found]) => ({
				agent,
				flags: found.flags,
				agentHours: found.hours,
				flagsPerAgentHour: found.hours > 0 ? found.flags / found.hours : null,
				agreement: ratio(found.agree, found.agree + found.disagree),
			})),
	};
}

/** Precision / recall of flags per level, lead time, alert budget and agreement. */
export function earlyWarning(db: Database, query: KpiQuery = {}): EarlyWarningReport {
	const queries = earlyWarningQueries(query);
	return shapeEarlyWarning({
		levels: all(db, queries.levels),
		flags: all(db, queries.flags),
		hours: all(db, queries.hours),
		feedback: all(db, queries.feedback),
	});
}

/**
 * The strata of template effectiveness (see computeTemplateStrata in core/metrics/reports.ts for the
 * rules): one query for the templates' first uses, one for the comparison points of tickets that
 * never got a template. Both over tickets created in the period that pass the filters.
 */
export function templateQueries(query: KpiQuery = {}, dialect: Dialect = {}): {treated: SqlQuery; controls: SqlQuery} {
	const cohort = cohortSql(query);
	const [good, bad] = csatConditions(query);
	// What happened after a point. The templates' first uses are few: three lookups each.
	const lookups = (alias: string): string => `
		CASE WHEN EXISTS (SELECT 1 FROM escalations e WHERE e.ticket_seq = ${alias}.ticket_seq AND e.event_at > ${alias}.at) THEN 1 ELSE 0 END AS escalated,
		(SELECT COUNT(*) FROM surveys s WHERE s.ticket_seq = ${alias}.ticket_seq AND s.kind = 'csat' AND s.event_at > ${alias}.at AND ${good}) AS good,
		(SELECT COUNT(*) FROM surveys s WHERE s.ticket_seq = ${alias}.ticket_seq AND s.kind = 'csat' AND s.event_at > ${alias}.at AND ${bad}) AS bad`;
	// The comparison points are about one per ticket: per-ticket aggregates (each table walked in ticket
	// order by its index) instead. Escalated if the ticket's last escalation is later; the CSAT answers
	// after it are all of the ticket's when its first answer is later, none when its last is not, and
	// counted one by one only in between (a ticket answering more than once).
	const afterCtes = `esc AS (SELECT e.ticket_seq, MAX(e.event_at) AS last_at FROM escalations e GROUP BY e.ticket_seq),
				csat AS (
					SELECT s.ticket_seq, MIN(s.event_at) AS first_at, MAX(s.event_at) AS last_at,
						SUM(CASE WHEN ${good} THEN 1 ELSE 0 END) AS good, SUM(CASE WHEN ${bad} THEN 1 ELSE 0 END) AS bad
					FROM surveys s WHERE s.kind = 'csat' AND s.ticket_seq IS NOT NULL GROUP BY s.ticket_seq)`;
	const answersAfter = (alias: string, condition: string, column: string): string =>
		`CASE WHEN cs.ticket_seq IS NULL OR cs.last_at <= ${alias}.at THEN 0 WHEN cs.first_at > ${alias}.at THEN cs.${column}
			ELSE (SELECT COUNT(*) FROM surveys s WHERE s.ticket_seq = ${alias}.ticket_seq AND s.kind = 'csat' AND s.event_at > ${alias}.at AND ${condition}) END`;
	const outcome = (alias: string): string => `
		CASE WHEN es.last_at > ${alias}.at THEN 1 ELSE 0 END AS escalated,
		${answersAfter(alias, good, 'good')} AS good,
		${answersAfter(alias, bad, 'bad')} AS bad`;
	const outcomeJoins = (alias: string): string =>
		`LEFT JOIN esc es ON es.ticket_seq = ${alias}.ticket_seq LEFT JOIN csat cs ON cs.ticket_seq = ${alias}.ticket_seq`;
	const cohortCte = `cohort AS (
				SELECT t.ticket_seq, t.created_at, COALESCE(t.trigger_name, '${noneGroup}') AS trig FROM ticket_metrics t WHERE ${cohort.where})`;
	// DuckDB runs a correlated subquery for every row even where CASE would not reach it (three
	// quarters of the query at a million tickets): there the answers after a point in between a
	// ticket's first and last answer are counted by one join, grouped by point ((ticket, level) is
	// unique among the points).
	const joinedControlOutcomes = `outcomes AS (
					SELECT p.ticket_seq, p.lvl, p.trig, p.at, CASE WHEN es.last_at > p.at THEN 1 ELSE 0 END AS escalated,
						CASE WHEN cs.ticket_seq IS NULL OR cs.last_at <= p.at THEN 0 WHEN cs.first_at > p.at THEN cs.good END AS good,
						CASE WHEN cs.ticket_seq IS NULL OR cs.last_at <= p.at THEN 0 WHEN cs.first_at > p.at THEN cs.bad END AS bad
					FROM points p ${outcomeJoins('p')}),
				between_counts AS (
					SELECT o.ticket_seq, o.lvl, SUM(CASE WHEN ${good} THEN 1 ELSE 0 END) AS good, SUM(CASE WHEN ${bad} THEN 1 ELSE 0 END) AS bad
					FROM outcomes o JOIN surveys s ON s.ticket_seq = o.ticket_seq AND s.kind = 'csat' AND s.event_at > o.at
					WHERE o.good IS NULL
					GROUP BY o.ticket_seq, o.lvl)
				SELECT o.lvl AS lvl, o.trig AS trig, COUNT(*) AS tickets, SUM(o.escalated) AS escalated,
					SUM(COALESCE(o.good, b.good, 0)) AS good, SUM(COALESCE(o.bad, b.bad, 0)) AS bad
				FROM outcomes o LEFT JOIN between_counts b ON b.ticket_seq = o.ticket_seq AND b.lvl = o.lvl
				GROUP BY o.lvl, o.trig`;
	return {
		treated: {
			sql: `WITH ${cohortCte},
				uses AS (
					SELECT u.template_id, u.ticket_seq, MIN(u.event_at) AS at
					FROM template_uses u JOIN cohort c ON c.ticket_seq = u.ticket_seq
					GROUP BY u.template_id, u.ticket_seq),
				points AS (
					SELECT uses.template_id, uses.ticket_seq, uses.at, c.trig,
						COALESCE((SELECT MAX(f.level_rank) FROM flags f WHERE f.ticket_seq = uses.ticket_seq AND f.event_at <= uses.at), 0) AS lvl
					FROM uses JOIN cohort c ON c.ticket_seq = uses.ticket_seq),
				outcomes AS (SELECT p.template_id, p.lvl, p.trig, ${lookups('p')} FROM points p)
				SELECT o.template_id AS template_id, o.lvl AS lvl, o.trig AS trig, COUNT(*) AS tickets, SUM(o.escalated) AS escalated, SUM(o.good) AS good, SUM(o.bad) AS bad
				FROM outcomes o GROUP BY o.template_id, o.lvl, o.trig`,
			params: cohort.params,
		},
		controls: {
			sql: `WITH ${cohortCte}, ${afterCtes},
				plain AS (SELECT c.ticket_seq, c.created_at, c.trig FROM cohort c WHERE NOT EXISTS (SELECT 1 FROM template_uses x WHERE x.ticket_seq = c.ticket_seq)),
				firsts AS (
					SELECT f.ticket_seq, f.level_rank, MIN(f.event_at) AS at
					FROM flags f JOIN plain p ON p.ticket_seq = f.ticket_seq
					GROUP BY f.ticket_seq, f.level_rank),
				points AS (
					SELECT p.ticket_seq, 0 AS lvl, p.created_at AS at, p.trig FROM plain p
					UNION ALL
					SELECT fi.ticket_seq, fi.level_rank, fi.at, p.trig
					FROM firsts fi JOIN plain p ON p.ticket_seq = fi.ticket_seq
					WHERE NOT EXISTS (SELECT 1 FROM firsts h WHERE h.ticket_seq = fi.ticket_seq AND h.level_rank > fi.level_rank AND h.at <= fi.at)),
				${
					dialect.joinsOverSubqueries
						? joinedControlOutcomes
						: `outcomes AS (SELECT p.lvl, p.trig, ${outcome('p')} FROM points p ${outcomeJoins('p')})
				SELECT o.lvl AS lvl, o.trig AS trig, COUNT(*) AS tickets, SUM(o.escalated) AS escalated, SUM(o.good) AS good, SUM(o.bad) AS bad
				FROM outcomes o GROUP BY o.lvl, o.trig`
				}`,
			params: cohort.params,
		},
	};
}

function stratumOf(row: Row): StratumOutcome {
	return {
		level: num(row.lvl),
		trigger: String(row.trig),
		tickets: num(row.tickets),
		escalated: num(row.escalated),
		good: num(row.good),
		bad: num(row.bad),
	};
}

export function shapeTemplateStrata(treated: Row[], controls: Row[]): TemplateStrata {
	const order = (a: StratumOutcome & {templateId?: string}, b: StratumOutcome & {templateId?: string}): number =>
		(a.templateId ?? '') < (b.templateId ?? '')
			? -1
			: (a.templateId ?? '') > (b.templateId ?? '')
				? 1
				: a.level - b.level || (a.trigger < b.trigger ? -1 : a.trigger > b.trigger ? 1 : 0);
	return {
		treated: treated.map(row => ({templateId: String(row.template_id), ...stratumOf(row)})).sort(order),
		controls: controls.map(row => stratumOf(row)).sort(order),
	};
}

export function templateStrata(db: Database, query: KpiQuery = {}): TemplateStrata {
	const queries = templateQueries(query);
	return shapeTemplateStrata(all(db, queries.treated), all(db, queries.controls));
}

/** Escalation and CSAT after each template, against comparable tickets without one. */
export function templateEffectiveness(db: Database, query: KpiQuery = {}): TemplateEffectiveness[] {
	return shapeTemplateEffectiveness(templateStrata(db, query));
}

export function themeQueries(query: KpiQuery = {}): {themes: SqlQuery; totals: SqlQuery} {
	const cohort = cohortSql(query);
	return {
		themes: {
			sql: `SELECT th.theme AS theme, COUNT(*) AS tickets, SUM(t.escalated) AS escalated
				FROM ticket_themes th JOIN ticket_metrics t ON t.ticket_seq = th.ticket_seq
				WHERE ${cohort.where}
				GROUP BY th.theme`,
			params: cohort.params,
		},
		totals: {
			sql: `SELECT COUNT(*) AS tickets, SUM(t.escalated) AS escalated FROM ticket_metrics t WHERE ${cohort.where}`,
			params: cohort.params,
		},
	};
}

export function shapeThemes(themes: Row[], totals: Row[]): ThemeSummary[] {
	const tickets = num(totals[0]?.tickets);
	const escalated = num(totals[0]?.escalated);
	const overallRate = tickets > 0 ? escalated / tickets : 0;
	return themes.map(row => themeRow(String(row.theme), num(row.tickets), num(row.escalated), escalated, overallRate)).sort(compareThemes);
}

/** Recurring themes: tickets and escalations per theme, with share and lift. */
export function themeSummary(db: Database, query: KpiQuery = {}): ThemeSummary[] {
	const queries = themeQueries(query);
	return shapeThemes(all(db, queries.themes), all(db, queries.totals));
}

export function themeCountsQuery(query: KpiQuery = {}): SqlQuery {
	const [, to] = dayBounds(query);
	const filter = filterSql(query);
	return {
		sql: `SELECT th.theme AS theme, t.day AS day, COUNT(*) AS n
			FROM ticket_themes th JOIN ticket_metrics t ON t.ticket_seq = th.ticket_seq
			WHERE t.day <= ? ${filter.sql}
			GROUP BY th.theme, t.day`,
		params: [to, ...filter.params],
	};
}

export function shapeThemeCounts(rows: Row[]): ThemeDayCount[] {
	return rows
		.map(row => ({theme: String(row.theme), day: num(row.day), count: num(row.n)}))
		.sort((a, b) => (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : a.day - b.day));
}

/** Tickets per theme per day, up to the query's last day. */
export function themeCounts(db: Database, query: KpiQuery = {}): ThemeDayCount[] {
	return shapeThemeCounts(all(db, themeCountsQuery(query)));
}

/** Spikes of similar complaints per theme per day within the query's period. */
export function themeSpikes(db: Database, query: KpiQuery = {}, options: SpikeOptions = {}): Spike[] {
	const [from, to] = dayBounds(query);
	const lastDay = num(all(db, {sql: 'SELECT MAX(day) AS day FROM days', params: []})[0]?.day);
	return detectSpikes(themeCounts(db, query), Math.min(to, lastDay), {...options, from, to});
}

/** The full resolution times' order statistics (alias `full`), from which a day counts as settled. */
export function settlementQuery(dialect: Dialect = {}): SqlQuery {
	return {
		sql: `SELECT ${statsSql('t.full_resolution_ms', 'full', dialect)} FROM ticket_metrics t
			WHERE t.full_resolution_ms IS NOT NULL ${rangeSql(dialect, 't.ticket_seq')}`,
		params: [],
	};
}

/** The order statistics of a row built by statsSql under `alias`. */
export function statsOfResult(row: MergedRow | undefined, alias: string): Stats {
	return statsOfRow(row ?? {}, alias);
}

/** When a day's tickets count as settled: from the 90th percentile of full resolution time (core/metrics/periods.ts). */
export function settlement(db: Database): Settlement | undefined {
	const [row] = all(db, {sql: 'SELECT MAX(d.day) AS last_day FROM days d', params: []});
	if (row?.last_day === null || row?.last_day === undefined) {
		return undefined;
	}

	const [values] = inRanges(db, settlementQuery({rowRanges: true}));
	return settlementOf(dayKeyToIso(num(row.last_day)), statsOfResult(values, 'full').p90);
}
