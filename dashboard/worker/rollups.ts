// Daily rollups of the additive KPI parts: counts and sums per local day, built once after a load.
// The whole-team views (no filter; all time, or by day, week or month: the dashboard's opening view and
// its trends) read them instead of scanning every ticket for thirty sums and counts; order statistics
// (medians, 90th percentiles) still come from every ticket's values. Filtered and dimension queries read
// the fact tables. Plain SQL, run unchanged by sql.js and DuckDB.
import type {Database} from 'sql.js';
import type {TableSpec} from './schema.ts';
import {createTables, slaMetricColumns} from './schema.ts';

/** The additive parts of the ticket KPIs: result alias and its aggregate over `ticket_metrics t`. */
export const additiveTicketMeasures: ReadonlyArray<readonly [alias: string, aggregate: string]> = [
	['tickets', 'COUNT(*)'],
	['resolved', 'SUM(t.resolved)'],
	['solved', 'SUM(t.solved)'],
	['reopened', 'SUM(t.reopened)'],
	['one_touch_den', 'COUNT(t.fcr_one_touch)'],
	['one_touch', 'SUM(t.fcr_one_touch)'],
	['no_follow_up_den', 'COUNT(t.fcr_no_follow_up)'],
	['no_follow_up', 'SUM(t.fcr_no_follow_up)'],
	...slaMetricColumns.flatMap(
		(column, index) =>
			[
				[`achieved_${index}`, `SUM(t.${column})`],
				[`applied_${index}`, `COUNT(t.${column})`],
			] as const,
	),
	['escalated', 'SUM(t.escalated)'],
	['functional', 'SUM(t.esc_functional)'],
	['hierarchical', 'SUM(t.esc_hierarchical)'],
	['automatic', 'SUM(t.esc_automatic)'],
];

const dayColumns = [
	['day', 'INTEGER'],
	['week', 'INTEGER'],
	['month', 'INTEGER'],
] as const;

export const rollupTables: readonly TableSpec[] = [
	{
		name: 'ticket_days',
		primaryKey: 'day',
		columns: [...dayColumns, ...additiveTicketMeasures.map(([alias]) => [alias, 'BIGINT'] as const)],
	},
	{
		// Responses counted per day, kind, score and whether offers are recorded: every survey KPI and CSAT rule reads these.
		name: 'survey_days',
		columns: [...dayColumns, ['kind', 'TEXT'], ['score', 'DOUBLE'], ['offered', 'INTEGER'], ['responses', 'BIGINT']],
	},
];

/** Fills the rollups from the fact tables (they must be empty). */
export function rollupStatements(): string[] {
	return [
		`INSERT INTO ticket_days (day, week, month, ${additiveTicketMeasures.map(([alias]) => alias).join(', ')})
			SELECT t.day, t.week, t.month, ${additiveTicketMeasures.map(([, aggregate]) => aggregate).join(', ')}
			FROM ticket_metrics t GROUP BY t.day, t.week, t.month`,
		`INSERT INTO survey_days (day, week, month, kind, score, offered, responses)
			SELECT s.day, s.week, s.month, s.kind, s.score, s.offered, COUNT(*)
			FROM surveys s GROUP BY s.day, s.week, s.month, s.kind, s.score, s.offered`,
	];
}

/** Creates and fills the rollups in sql.js (after the facts are loaded). */
export function buildRollups(db: Database): void {
	createTables(db, rollupTables);
	for (const statement of rollupStatements()) {
		db.run(statement);
	}
}
