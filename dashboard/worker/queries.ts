// The metric SQL. Each report is built as plain SQL text + positional parameters (runs unchanged in
// SQLite/sql.js and DuckDB), then shaped into the report types of core/metrics. Order statistics
// (median, 90th percentile) come from each group's values, which the SQL hands over as one
// group_concat string: a native aggregate in both engines, ten times faster in sql.js than a
// JavaScript aggregate function. Functions take a sql.js Database.
import type {Database, SqlValue} from 'sql.js';
import {flagLevels, slaMetrics} from '../../core/metrics/dataset.ts';
import type {DurationMeasure, GroupBy, KpiQuery, KpiRow, Stats} from '../../core/metrics/kpis.ts';
import {allGroup, dayBounds, emptyKpiRow, filterFields, grainLabel, isTimeGrain, noneGroup, npsOf, ratio, sortRows, statsOfValues} from '../../core/metrics/kpis.ts';
import type {EarlyWarningReport, TemplateEffectiveness, ThemeDayCount, ThemeSummary} from '../../core/metrics/reports.ts';
import {compareThemes, themeRow} from '../../core/metrics/reports.ts';
import {additiveTicketMeasures} from './rollups.ts';
import type {Spike, SpikeOptions} from '../../core/metrics/spikes.ts';
import {detectSpikes} from '../../core/metrics/spikes.ts';

export type SqlQuery = {sql: string; params: SqlValue[]};
/** A result row; DuckDB's big integers are converted to numbers before shaping. */
export type Row = Record<string, SqlValue | bigint | boolean | undefined>;

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

function num(value: Row[string]): number {
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

	if (groupBy === 'escalation-type') {
		return {expr: `CASE WHEN t.ticket_seq IS NULL THEN '${noneGroup}' ELSE COALESCE(t.first_escalation_type, 'none') END`, join: ''};
	}

	return {expr: `COALESCE(${dimensionColumns[groupBy]}, '${noneGroup}')`, join: ''};
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

/** All non-null values of a column in the group, comma-separated. */
function valuesSql(column: string, alias: string): string {
	return `group_concat(CAST(${column} AS VARCHAR), ',') AS ${alias}_values`;
}

/**
 * Parses a group_concat list of numbers in one pass without creating a string per value (the lists
 * hold millions of values at 1M tickets). Integers are read in place; a list with anything else (a
 * decimal point, an exponent) is read again value by value through Number().
 */
export function valuesOf(value: Row[string]): Float64Array {
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
			current = (current * 10) + (code - 48);
		} else if (code === 45) {
			negative = true;
		} else {
			return Float64Array.from(text.split(','), Number);
		}
	}

	values[slot++] = negative ? -current : current;
	return values.subarray(0, slot);
}

function statsOfRow(row: Row, alias: string): Stats {
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

/** The SQL of every KPI of one query. */
export function kpiQueries(query: KpiQuery = {}): KpiQueries {
	const groupBy = query.groupBy ?? 'none';
	const [from, to] = dayBounds(query);
	const filter = filterSql(query);
	const ticketGroup = grouping(groupBy, 't');
	// Whole-team queries (no filter; all time or by day, week or month) read the daily rollups.
	const rollup = filter.params.length === 0 && (groupBy === 'none' || isTimeGrain(groupBy));
	const durationValues = ticketMeasures.map(([measure, column]) => valuesSql(`t.${column}`, measure)).join(',\n\t\t\t\t');
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
				WHERE t.day BETWEEN ? AND ?
				${groupBySql(groupBy, ticketGroup.expr)}`,
			params: [from, to],
		};
	} else {
		tickets = {
			sql: `SELECT ${ticketGroup.expr} AS g,
					${additiveTicketMeasures.map(([alias, aggregate]) => `${aggregate} AS ${alias}`).join(',\n\t\t\t\t\t')},
					${durationValues}
				FROM ticket_metrics t ${ticketGroup.join}
				WHERE t.day BETWEEN ? AND ? ${filter.sql}
				${groupBySql(groupBy, ticketGroup.expr)}`,
			params: [from, to, ...filter.params],
		};
	}

	// Rows anchored elsewhere join the ticket only when a ticket dimension or filter needs it: exactly
	// the queries that cannot read the rollups.
	const needsTicket = !rollup;
	const replyGroup = grouping(groupBy, 'r');
	const replies: SqlQuery = {
		sql: `SELECT ${replyGroup.expr} AS g, COUNT(*) AS n, ${valuesSql('r.ms', 'nextReply')}, ${valuesSql('r.bh_ms', 'nextReplyBusiness')}
			FROM reply_intervals r ${needsTicket ? 'JOIN ticket_metrics t ON t.ticket_seq = r.ticket_seq' : ''} ${replyGroup.join}
			WHERE r.day BETWEEN ? AND ? ${filter.sql}
			${groupBySql(groupBy, replyGroup.expr)}`,
		params: [from, to, ...filter.params],
	};

	const [good, bad] = {
		'top-2': ['s.score >= 4', 's.score < 4'],
		'top-1': ['s.score >= 5', 's.score < 5'],
		'exclude-neutral': ['s.score >= 4', 's.score <= 2'],
	}[query.csat ?? 'top-2'];
	const surveyGroup = grouping(groupBy, 's');
	// From the rollup each row stands for `responses` answers with the same day, kind and score.
	const weight = rollup ? 's.responses' : '1';
	const surveys: SqlQuery = {
		sql: `SELECT ${surveyGroup.expr} AS g,
				SUM(CASE WHEN s.kind = 'csat' AND ${good} THEN ${weight} ELSE 0 END) AS csat_good,
				SUM(CASE WHEN s.kind = 'csat' AND ${bad} THEN ${weight} ELSE 0 END) AS csat_bad,
				SUM(CASE WHEN s.kind = 'csat' AND s.offered = 1 THEN ${weight} ELSE 0 END) AS csat_offered,
				SUM(CASE WHEN s.kind = 'csat' AND s.offered = 1 AND s.score IS NOT NULL THEN ${weight} ELSE 0 END) AS csat_answered,
				SUM(CASE WHEN s.kind = 'nps' AND s.score IS NOT NULL THEN ${weight} ELSE 0 END) AS nps_responses,
				SUM(CASE WHEN s.kind = 'nps' AND s.score >= 9 THEN ${weight} ELSE 0 END) AS promoters,
				SUM(CASE WHEN s.kind = 'nps' AND s.score <= 6 THEN ${weight} ELSE 0 END) AS detractors,
				SUM(CASE WHEN s.kind = 'ces' AND s.score IS NOT NULL THEN ${weight} ELSE 0 END) AS ces_responses,
				SUM(CASE WHEN s.kind = 'ces' AND s.score IS NOT NULL THEN s.score * ${weight} ELSE 0 END) AS ces_sum
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

export type KpiResults = Record<'tickets' | 'replies' | 'surveys', Row[]> & {durations?: Row[] | undefined; churn: Row[] | undefined};

/** Shapes query results into KPI rows (the same shape as the JavaScript baseline). */
export function shapeKpis(query: KpiQuery, results: KpiResults): KpiRow[] {
	const groupBy = query.groupBy ?? 'none';
	const withChurn = results.churn !== undefined;
	const rows = new Map<string, KpiRow>();
	const labelOf = (value: Row[string]): string => (isTimeGrain(groupBy) ? grainLabel(groupBy, Number(value)) : String(value));
	const rowOf = (value: Row[string]): KpiRow => {
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
			const values = results.durations ? durationRows.get(String(result.g)) ?? {} : result;
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

/** Every KPI of design.md section 6 for one query (period, grouping, filters, FCR variant, CSAT rule). */
export function kpis(db: Database, query: KpiQuery = {}): KpiRow[] {
	const queries = kpiQueries(query);
	return shapeKpis(query, {
		tickets: all(db, queries.tickets),
		durations: queries.durations ? all(db, queries.durations) : undefined,
		replies: all(db, queries.replies),
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
	const levelColumns = flagLevels.map(level => `
				SUM(CASE WHEN ff.${level}_at IS NOT NULL THEN 1 ELSE 0 END) AS ${level}_flagged,
				SUM(CASE WHEN ff.${level}_at IS NOT NULL AND c.escalated = 1 THEN 1 ELSE 0 END) AS ${level}_tp,
				${valuesSql(`CASE WHEN c.escalated = 1 THEN c.first_escalation_at - ff.${level}_at END`, `${level}_lead`)}`).join(',');
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
		flags: {sql: `SELECT f.agent AS agent, COUNT(*) AS n FROM flags f WHERE f.day BETWEEN ? AND ? ${flagAgents.sql} GROUP BY f.agent`, params: [from, to, ...flagAgents.params]},
		hours: {sql: `SELECT h.agent AS agent, COUNT(*) AS n FROM agent_hours h WHERE h.day BETWEEN ? AND ? ${hourAgents.sql} GROUP BY h.agent`, params: [from, to, ...hourAgents.params]},
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
		levels: flagLevels.map(level => {
			const flagged = num(summary[`${level}_flagged`]);
			const truePositives = num(summary[`${level}_tp`]);
			return {
				level,
				flagged,
				truePositives,
				precision: flagged > 0 ? truePositives / flagged : null,
				recall: escalated > 0 ? truePositives / escalated : null,
				medianLeadMs: statsOfValues(valuesOf(summary[`${level}_lead_values`])).median,
			};
		}),
		flags,
		agentHours: hours,
		flagsPerAgentHour: hours > 0 ? flags / hours : null,
		agreement: ratio(agree, agree + disagree),
		byAgent: [...perAgent].sort(([a], [b]) => (a < b ? -1 : 1)).map(([agent, found]) => ({
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
	return shapeEarlyWarning({levels: all(db, queries.levels), flags: all(db, queries.flags), hours: all(db, queries.hours), feedback: all(db, queries.feedback)});
}

export function templateQuery(query: KpiQuery = {}): SqlQuery {
	const [from, to] = dayBounds(query);
	const filter = filterSql(query);
	const cohort = cohortSql(query);
	const [good, bad] = {
		'top-2': ['s.score >= 4', 's.score < 4'],
		'top-1': ['s.score >= 5', 's.score < 5'],
		'exclude-neutral': ['s.score >= 4', 's.score <= 2'],
	}[query.csat ?? 'top-2'];
	return {
		sql: `WITH uses AS (
				SELECT u.template_id, u.ticket_seq, MIN(u.event_at) AS first_at
				FROM template_uses u JOIN ticket_metrics t ON t.ticket_seq = u.ticket_seq
				WHERE u.day BETWEEN ? AND ? ${filter.sql}
				GROUP BY u.template_id, u.ticket_seq
				UNION ALL
				SELECT '(none)', t.ticket_seq, NULL
				FROM ticket_metrics t
				WHERE ${cohort.where} AND NOT EXISTS (SELECT 1 FROM template_uses x WHERE x.ticket_seq = t.ticket_seq)),
			escalated AS (
				SELECT uses.template_id, uses.ticket_seq,
					MAX(CASE WHEN e.ticket_seq IS NOT NULL AND (uses.first_at IS NULL OR e.event_at > uses.first_at) THEN 1 ELSE 0 END) AS escalated
				FROM uses LEFT JOIN escalations e ON e.ticket_seq = uses.ticket_seq
				GROUP BY uses.template_id, uses.ticket_seq),
			csat AS (
				SELECT uses.template_id,
					SUM(CASE WHEN ${good} THEN 1 ELSE 0 END) AS good,
					SUM(CASE WHEN ${bad} THEN 1 ELSE 0 END) AS bad
				FROM uses JOIN surveys s ON s.ticket_seq = uses.ticket_seq AND s.kind = 'csat' AND (uses.first_at IS NULL OR s.event_at > uses.first_at)
				GROUP BY uses.template_id)
			SELECT a.template_id AS template_id, a.tickets AS tickets, a.escalated AS escalated, c.good AS good, c.bad AS bad
			FROM (SELECT template_id, COUNT(*) AS tickets, SUM(escalated) AS escalated FROM escalated GROUP BY template_id) a
			LEFT JOIN csat c ON c.template_id = a.template_id`,
		params: [from, to, ...filter.params, ...cohort.params],
	};
}

export function shapeTemplates(rows: Row[]): TemplateEffectiveness[] {
	const shaped = rows.map(row => {
		const good = num(row.good);
		return {
			templateId: String(row.template_id),
			tickets: num(row.tickets),
			escalationRate: ratio(num(row.escalated), num(row.tickets)),
			csat: ratio(good, good + num(row.bad)),
		};
	});
	if (!shaped.some(row => row.templateId === '(none)')) {
		shaped.push({templateId: '(none)', tickets: 0, escalationRate: ratio(0, 0), csat: ratio(0, 0)});
	}

	return shaped.sort((a, b) => (a.templateId < b.templateId ? -1 : 1));
}

/** Escalation rate and CSAT after each template, and for tickets without one. */
export function templateEffectiveness(db: Database, query: KpiQuery = {}): TemplateEffectiveness[] {
	return shapeTemplates(all(db, templateQuery(query)));
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
		totals: {sql: `SELECT COUNT(*) AS tickets, SUM(t.escalated) AS escalated FROM ticket_metrics t WHERE ${cohort.where}`, params: cohort.params},
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
