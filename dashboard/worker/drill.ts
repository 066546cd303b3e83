// Drill-down: the tickets (or responses, or customers) behind a number, with the same period, filters
// and grouping as the number itself. Plain SQL over the fact tables, as the metric SQL.
import type {SqlValue} from 'sql.js';
import type {Database} from 'sql.js';
import type {FlagLevel, SlaMetric} from '../../core/metrics/dataset.ts';
import {flagLevels, slaMetrics} from '../../core/metrics/dataset.ts';
import type {GroupBy, KpiQuery} from '../../core/metrics/kpis.ts';
import {dayBounds, filterFields, isTimeGrain, noneGroup} from '../../core/metrics/kpis.ts';
import {isoDayToKey} from '../../core/metrics/time.ts';
import type {Row, SqlQuery} from './queries.ts';
import {all} from './queries.ts';
import {slaMetricColumns} from './schema.ts';

export type DrillMetric =
	| 'tickets'
	| 'firstReply'
	| 'firstReplyBusiness'
	| 'nextReply'
	| 'firstResolution'
	| 'firstResolutionBusiness'
	| 'fullResolution'
	| 'fullResolutionBusiness'
	| 'resolutionRate'
	| 'fcr'
	| 'reopenRate'
	| 'escalationRate'
	| 'functionalEscalationRate'
	| 'hierarchicalEscalationRate'
	| 'automaticEscalationRate'
	| `sla:${SlaMetric}`
	| 'csat'
	| 'nps'
	| 'ces'
	| 'churn'
	| `flagged:${FlagLevel}`
	| `template:${string}`;

export type DrillRequest = {
	metric: DrillMetric;
	query: KpiQuery;
	/** One group of a grouped report: its grouping and label (a day, week, month or dimension value). */
	group?: {by: GroupBy; value: string} | undefined;
	/** @default 500 */
	limit?: number | undefined;
};

export type DrillRow = {
	/** The ticket key (`helpdesk:host:id`), or a customer key for churn. */
	key: string;
	helpdesk: string | null;
	/** ISO 8601 (UTC): ticket creation, the response, the reply or when the customer was first seen. */
	at: string;
	agent: string | null;
	group: string | null;
	priority: string | null;
	status: string | null;
	/** What the number measures on this row: milliseconds for durations, a score, a type or an outcome. */
	value: number | string | null;
	/** 1: counts in the numerator (resolved, escalated, good, promoter, achieved ...); 0: in the denominator only; null: not a ratio. */
	counted: number | null;
};

export type DrillResult = {total: number; counted: number; rows: DrillRow[]; columns: {value: string; counted: string | null}};

const dimensionColumns: Record<string, string> = {
	helpdesk: 't.helpdesk',
	agent: 't.agent',
	group: 't.group_name',
	priority: 't.priority',
	channel: 't.channel',
	trigger: 't.trigger_name',
};

function filterSql(query: KpiQuery): {sql: string; params: SqlValue[]} {
	const parts: string[] = [];
	const params: SqlValue[] = [];
	for (const field of filterFields) {
		const values = query.filters?.[field] ?? [];
		if (values.length > 0) {
			parts.push(`AND ${dimensionColumns[field]} IN (${values.map(() => '?').join(', ')})`);
			params.push(...values);
		}
	}

	return {sql: parts.join(' '), params};
}

/** The condition that keeps one group of a grouped report; `anchor` holds the row's day, week and month. */
function groupSql(group: DrillRequest['group'], anchor: string): {sql: string; params: SqlValue[]} {
	if (!group || group.by === 'none') {
		return {sql: '', params: []};
	}

	if (isTimeGrain(group.by)) {
		const key = group.by === 'month' ? Number(group.value.replace('-', '')) : isoDayToKey(group.value);
		return {sql: `AND ${anchor}.${group.by} = ?`, params: [key]};
	}

	if (group.by === 'theme') {
		return group.value === noneGroup
			? {sql: 'AND NOT EXISTS (SELECT 1 FROM ticket_themes th WHERE th.ticket_seq = t.ticket_seq)', params: []}
			: {sql: 'AND EXISTS (SELECT 1 FROM ticket_themes th WHERE th.ticket_seq = t.ticket_seq AND th.theme = ?)', params: [group.value]};
	}

	if (group.by === 'escalation-type') {
		return {sql: "AND COALESCE(t.first_escalation_type, 'none') = ?", params: [group.value]};
	}

	return {sql: `AND COALESCE(${dimensionColumns[group.by]}, '${noneGroup}') = ?`, params: [group.value]};
}

type Spec = {
	/** FROM ... (the ticket as alias t) and the alias whose day, week and month anchor the row. */
	from: string;
	anchor: string;
	at: string;
	value: string;
	counted: string;
	/** Which rows the number is made of (beyond period, filters and group). */
	where: string;
	params?: SqlValue[];
	columns: DrillResult['columns'];
};

const durationColumns: Record<string, string> = {
	firstReply: 'first_reply_ms',
	firstReplyBusiness: 'first_reply_bh_ms',
	firstResolution: 'first_resolution_ms',
	firstResolutionBusiness: 'first_resolution_bh_ms',
	fullResolution: 'full_resolution_ms',
	fullResolutionBusiness: 'full_resolution_bh_ms',
};

const ratioColumns: Record<string, [column: string, label: string]> = {
	resolutionRate: ['resolved', 'resolved'],
	reopenRate: ['reopened', 'reopened'],
	escalationRate: ['escalated', 'escalated'],
	functionalEscalationRate: ['esc_functional', 'escalated to an expert tier'],
	hierarchicalEscalationRate: ['esc_hierarchical', 'escalated to a supervisor'],
	automaticEscalationRate: ['esc_automatic', 'escalated by an SLA rule'],
};

const ticketFrom = 'ticket_metrics t';

function specOf(request: DrillRequest): Spec {
	const {metric, query} = request;
	const ticket = (value: string, counted: string, where: string, columns: Spec['columns'], params: SqlValue[] = []): Spec => ({
		from: ticketFrom,
		anchor: 't',
		at: 't.created_at',
		value,
		counted,
		where,
		params,
		columns,
	});
	if (metric === 'tickets') {
		return ticket('t.status', 'NULL', '', {value: 'status', counted: null});
	}

	const duration = durationColumns[metric];
	if (duration) {
		return ticket(`t.${duration}`, 'NULL', `AND t.${duration} IS NOT NULL`, {value: 'duration', counted: null});
	}

	const ratioColumn = ratioColumns[metric];
	if (ratioColumn) {
		const [column, label] = ratioColumn;
		const applies = column === 'reopened' ? `AND t.${column} IS NOT NULL` : '';
		return ticket(column.startsWith('esc') ? 't.first_escalation_type' : 't.status', `t.${column}`, applies, {
			value: column.startsWith('esc') ? 'escalation' : 'status',
			counted: label,
		});
	}

	if (metric === 'fcr') {
		const column = (query.fcr ?? 'one-touch') === 'one-touch' ? 'fcr_one_touch' : 'fcr_no_follow_up';
		return ticket('t.agent_replies', `t.${column}`, `AND t.${column} IS NOT NULL`, {
			value: 'public agent replies',
			counted: 'resolved at first contact',
		});
	}

	if (metric.startsWith('sla:')) {
		const index = slaMetrics.indexOf(metric.slice(4) as SlaMetric);
		const column = slaMetricColumns[index]!;
		return ticket(`CASE WHEN t.${column} = 1 THEN 'achieved' ELSE 'breached' END`, `t.${column}`, `AND t.${column} IS NOT NULL`, {
			value: 'outcome',
			counted: 'target achieved',
		});
	}

	if (metric === 'nextReply') {
		return {
			from: 'reply_intervals r JOIN ticket_metrics t ON t.ticket_seq = r.ticket_seq',
			anchor: 'r',
			at: 'r.event_at',
			value: 'r.ms',
			counted: 'NULL',
			where: '',
			columns: {value: 'wait for this reply', counted: null},
		};
	}

	if (metric === 'csat' || metric === 'nps' || metric === 'ces') {
		const good: Record<string, string> = {'top-2': 's.score >= 4', 'top-1': 's.score >= 5', 'exclude-neutral': 's.score >= 4'};
		const counted =
			metric === 'csat'
				? `CASE WHEN s.score IS NULL THEN NULL WHEN ${good[query.csat ?? 'top-2']!} THEN 1 ELSE 0 END`
				: metric === 'nps'
					? 'CASE WHEN s.score >= 9 THEN 1 ELSE 0 END'
					: 'NULL';
		return {
			// A response whose ticket is not loaded still counts without filters (as in the KPI).
			from: 'surveys s LEFT JOIN ticket_metrics t ON t.ticket_seq = s.ticket_seq',
			anchor: 's',
			at: 's.event_at',
			value: 's.score',
			counted,
			where: 'AND s.kind = ?',
			params: [metric],
			columns: {
				value: metric === 'csat' ? 'score (1-5; empty: sent, not answered)' : 'score',
				counted: metric === 'csat' ? 'good' : metric === 'nps' ? 'promoter' : null,
			},
		};
	}

	if (metric.startsWith('flagged:')) {
		const rank = flagLevels.indexOf(metric.slice(8) as FlagLevel) + 1;
		return ticket(
			't.first_escalation_type',
			't.escalated',
			'AND EXISTS (SELECT 1 FROM flags f WHERE f.ticket_seq = t.ticket_seq AND f.level_rank >= ? AND (t.first_escalation_at IS NULL OR f.event_at < t.first_escalation_at))',
			{value: 'escalation', counted: 'escalated afterwards'},
			[rank],
		);
	}

	if (metric.startsWith('template:')) {
		const id = metric.slice(9);
		return ticket(
			'(SELECT MIN(u.event_at) FROM template_uses u WHERE u.ticket_seq = t.ticket_seq AND u.template_id = ?)',
			'CASE WHEN EXISTS (SELECT 1 FROM escalations e WHERE e.ticket_seq = t.ticket_seq AND e.event_at > (SELECT MIN(u.event_at) FROM template_uses u WHERE u.ticket_seq = t.ticket_seq AND u.template_id = ?)) THEN 1 ELSE 0 END',
			'AND EXISTS (SELECT 1 FROM template_uses u WHERE u.ticket_seq = t.ticket_seq AND u.template_id = ?)',
			{value: 'first use', counted: 'escalated afterwards'},
			[id, id, id],
		);
	}

	throw new Error(`No drill-down for ${metric}`);
}

/** The rows behind a number (up to the limit, numerator first, then the largest values) and their counts. */
export function drillQueries(request: DrillRequest): {rows: SqlQuery; totals: SqlQuery} {
	const [from, to] = dayBounds(request.query);
	if (request.metric === 'churn') {
		// Customers at the start of the period; counted: lost in it. Ticket filters do not apply (as in the KPI).
		const where = 'c.first_seen_day < ? AND (c.lost_day IS NULL OR c.lost_day >= ?)';
		const counted = 'CASE WHEN c.lost_day IS NOT NULL AND c.lost_day <= ? THEN 1 ELSE 0 END';
		return {
			rows: {
				sql: `SELECT c.customer_key AS drill_key, NULL AS helpdesk, c.first_seen_at AS at, NULL AS agent, NULL AS group_name, NULL AS priority, NULL AS status, c.lost_at AS value, ${counted} AS counted
					FROM customers c WHERE ${where} ORDER BY counted DESC, c.customer_key LIMIT ?`,
				params: [to, from, from, request.limit ?? 500],
			},
			totals: {sql: `SELECT COUNT(*) AS total, SUM(${counted}) AS counted FROM customers c WHERE ${where}`, params: [to, from, from]},
		};
	}

	const spec = specOf(request);
	const filter = filterSql(request.query);
	const group = groupSql(request.group, spec.anchor);
	// Parameters in the order they appear: value, counted, where (specs put theirs in that order), then period, filters, group.
	const valueParams = (spec.params ?? []).slice(0, spec.value.split('?').length - 1);
	const countedParams = (spec.params ?? []).slice(valueParams.length, valueParams.length + spec.counted.split('?').length - 1);
	const whereParams = (spec.params ?? []).slice(valueParams.length + countedParams.length);
	const condition = `${spec.anchor}.day BETWEEN ? AND ? ${spec.where} ${filter.sql} ${group.sql}`;
	const conditionParams = [from, to, ...whereParams, ...filter.params, ...group.params];
	return {
		rows: {
			sql: `SELECT t.ticket_key AS drill_key, t.helpdesk AS helpdesk, ${spec.at} AS at, t.agent AS agent, t.group_name AS group_name, t.priority AS priority, t.status AS status,
					${spec.value} AS value, ${spec.counted} AS counted
				FROM ${spec.from}
				WHERE ${condition}
				ORDER BY counted DESC, value DESC, drill_key
				LIMIT ?`,
			params: [...valueParams, ...countedParams, ...conditionParams, request.limit ?? 500],
		},
		totals: {
			sql: `SELECT COUNT(*) AS total, SUM(${spec.counted}) AS counted FROM ${spec.from} WHERE ${condition}`,
			params: [...countedParams, ...conditionParams],
		},
	};
}

function text(value: Row[string]): string | null {
	return value === null || value === undefined ? null : String(value);
}

export function drill(db: Database, request: DrillRequest): DrillResult {
	const queries = drillQueries(request);
	const [totals] = all(db, queries.totals);
	const spec = request.metric === 'churn' ? {columns: {value: 'lost', counted: 'lost in the period'}} : specOf(request);
	return {
		total: Number(totals?.total ?? 0),
		counted: Number(totals?.counted ?? 0),
		columns: spec.columns,
		rows: all(db, queries.rows).map(row => ({
			key: String(row.drill_key),
			helpdesk: text(row.helpdesk),
			at: new Date(Number(row.at)).toISOString(),
			agent: text(row.agent),
			group: text(row.group_name),
			priority: text(row.priority),
			status: text(row.status),
			value:
				row.value === null || row.value === undefined
					? null
					: typeof row.value === 'number' || typeof row.value === 'bigint'
						? Number(row.value)
						: String(row.value),
			counted: row.counted === null || row.counted === undefined ? null : Number(row.counted),
		})),
	};
}
