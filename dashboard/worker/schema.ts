// Tables of the metrics database. Plain column types that SQLite (sql.js) and DuckDB both accept.
// Documented column by column in core/metrics/README.md ("SQL tables").
import type {Database} from 'sql.js';
import {slaMetrics} from '../../core/metrics/dataset.ts';
import {noneGroup} from '../../core/metrics/kpis.ts';

export type ColumnType = 'TEXT' | 'BIGINT' | 'INTEGER' | 'DOUBLE';
export type TableSpec = {
	name: string;
	columns: ReadonlyArray<readonly [name: string, type: ColumnType]>;
	primaryKey?: string;
	unique?: string[][];
	indexes?: string[][];
	/** Indexes on expressions, by name: the grouping expressions below, so a breakdown walks an index instead of sorting. */
	expressionIndexes?: ReadonlyArray<readonly [name: string, expression: string]>;
};

/**
 * The ticket dimensions a breakdown groups by, with the expression of each group over a ticket row of
 * alias `alias` (the query and the index share the text: SQLite uses an expression index only for the
 * same expression). Unset values form the group '(none)'; tickets never escalated, 'none'.
 */
export const dimensionGroups = {
	helpdesk: (alias: string) => `COALESCE(${alias}helpdesk, '${noneGroup}')`,
	agent: (alias: string) => `COALESCE(${alias}agent, '${noneGroup}')`,
	group: (alias: string) => `COALESCE(${alias}group_name, '${noneGroup}')`,
	priority: (alias: string) => `COALESCE(${alias}priority, '${noneGroup}')`,
	channel: (alias: string) => `COALESCE(${alias}channel, '${noneGroup}')`,
	trigger: (alias: string) => `COALESCE(${alias}trigger_name, '${noneGroup}')`,
	'escalation-type': (alias: string) => `COALESCE(${alias}first_escalation_type, 'none')`,
} as const;

const dayColumns = [
	['day', 'INTEGER'],
	['week', 'INTEGER'],
	['month', 'INTEGER'],
] as const;

/**
 * The ticket's position in the load (1, 2, ...): an integer join key for the breakdown reports, which
 * join far faster on it than on the text ticket_key. Internal: last column, left out of CSV exports.
 */
export const ticketSeqColumn = 'ticket_seq';
const ticketSeq = [ticketSeqColumn, 'INTEGER'] as const;

/** Per-ticket SLA outcome columns of ticket_metrics, in slaMetrics order: 1 achieved, 0 breached, NULL active or no target. */
export const slaMetricColumns = slaMetrics.map(metric => `sla_${metric.replaceAll('-', '_')}`);

/** Derived per-ticket measures and the annotation rows: what every KPI query reads. */
export const factTables: readonly TableSpec[] = [
	{
		name: 'ticket_metrics',
		// A sole INTEGER primary key is SQLite's rowid: joins on ticket_seq are direct row lookups. Every
		// table joins on it, so ticket_key needs no index (the fact writer refuses a key written twice).
		primaryKey: ticketSeqColumn,
		columns: [
			['ticket_key', 'TEXT'],
			['helpdesk', 'TEXT'],
			['agent', 'TEXT'],
			['group_name', 'TEXT'],
			['priority', 'TEXT'],
			['channel', 'TEXT'],
			['trigger_name', 'TEXT'],
			['status', 'TEXT'],
			['requester_key', 'TEXT'],
			['created_at', 'BIGINT'],
			...dayColumns,
			['first_reply_ms', 'BIGINT'],
			['first_reply_bh_ms', 'BIGINT'],
			['first_resolution_ms', 'BIGINT'],
			['first_resolution_bh_ms', 'BIGINT'],
			['full_resolution_ms', 'BIGINT'],
			['full_resolution_bh_ms', 'BIGINT'],
			['solved', 'INTEGER'],
			['resolved', 'INTEGER'],
			['reopens', 'INTEGER'],
			['agent_replies', 'INTEGER'],
			['customer_messages', 'INTEGER'],
			['customer_follow_up', 'INTEGER'],
			['event_count', 'INTEGER'],
			['last_event_at', 'BIGINT'],
			['escalated', 'INTEGER'],
			['esc_functional', 'INTEGER'],
			['esc_hierarchical', 'INTEGER'],
			['esc_automatic', 'INTEGER'],
			['first_escalation_at', 'BIGINT'],
			['first_escalation_type', 'TEXT'],
			// 1 / 0, or NULL where the measure does not apply: summed and counted without CASE in the KPI scan.
			['reopened', 'INTEGER'],
			['fcr_one_touch', 'INTEGER'],
			['fcr_no_follow_up', 'INTEGER'],
			...slaMetricColumns.map(column => [column, 'INTEGER'] as const),
			ticketSeq,
		],
		// One per breakdown dimension (13-19 MB per million tickets each): a grouped query reads the
		// tickets in group order, where SQLite would otherwise sort every row it aggregates.
		expressionIndexes: Object.entries(dimensionGroups).map(
			([name, expression]) => [`by_${name.replace('-', '_')}`, expression('')] as const,
		),
	},
	{
		// The most numerous rows (about 4 per ticket): the ticket by its integer key only, to keep them small.
		name: 'reply_intervals',
		columns: [['event_at', 'BIGINT'], ...dayColumns, ['ms', 'BIGINT'], ['bh_ms', 'BIGINT'], ticketSeq],
		// A breakdown by a ticket dimension walks the tickets in group order and finds each one's replies here.
		indexes: [[ticketSeqColumn]],
	},
	{
		name: 'sla_outcomes',
		columns: [
			['metric', 'TEXT'],
			['target_minutes', 'DOUBLE'],
			['business_hours', 'INTEGER'],
			['outcome', 'TEXT'],
			['measured_ms', 'BIGINT'],
			...dayColumns,
			ticketSeq,
		],
		// Read whole (exports); no query looks a ticket's outcomes up.
	},
	{
		name: 'escalations',
		columns: [
			['ticket_key', 'TEXT'],
			['event_at', 'BIGINT'],
			...dayColumns,
			['type', 'TEXT'],
			['source', 'TEXT'],
			['agent', 'TEXT'],
			ticketSeq,
		],
		indexes: [[ticketSeqColumn]],
	},
	{
		name: 'flags',
		columns: [
			['ticket_key', 'TEXT'],
			['event_at', 'BIGINT'],
			...dayColumns,
			['level', 'TEXT'],
			['level_rank', 'INTEGER'],
			['agent', 'TEXT'],
			['signals', 'TEXT'],
			ticketSeq,
		],
		indexes: [[ticketSeqColumn]],
	},
	{
		name: 'feedback',
		columns: [['ticket_key', 'TEXT'], ['event_at', 'BIGINT'], ...dayColumns, ['verdict', 'TEXT'], ['agent', 'TEXT'], ticketSeq],
	},
	{
		name: 'template_uses',
		columns: [['ticket_key', 'TEXT'], ['event_at', 'BIGINT'], ...dayColumns, ['template_id', 'TEXT'], ['agent', 'TEXT'], ticketSeq],
		indexes: [[ticketSeqColumn]],
	},
	{
		name: 'surveys',
		columns: [
			['survey_id', 'TEXT'],
			['ticket_key', 'TEXT'],
			['kind', 'TEXT'],
			['score', 'DOUBLE'],
			['event_at', 'BIGINT'],
			['scale', 'INTEGER'],
			['offered', 'INTEGER'],
			...dayColumns,
			ticketSeq,
		],
		indexes: [[ticketSeqColumn]],
	},
	{
		name: 'customers',
		columns: [
			['customer_key', 'TEXT'],
			['first_seen_at', 'BIGINT'],
			['lost_at', 'BIGINT'],
			['first_seen_day', 'INTEGER'],
			['lost_day', 'INTEGER'],
		],
	},
	{
		// Customers counted per (first seen day, lost day): what churn reads, a few hundred rows.
		name: 'customer_days',
		columns: [
			['first_seen_day', 'INTEGER'],
			['lost_day', 'INTEGER'],
			['customers', 'INTEGER'],
		],
	},
	{
		name: 'agent_hours',
		columns: [['agent', 'TEXT'], ['hour_start', 'BIGINT'], ...dayColumns],
	},
	{
		// The ticket by ticket_seq only (the export puts its key back): a row per ticket and theme.
		name: 'ticket_themes',
		columns: [['theme', 'TEXT'], ticketSeq],
		indexes: [[ticketSeqColumn]],
	},
	{
		name: 'days',
		primaryKey: 'day',
		columns: [
			['day', 'INTEGER'],
			['week', 'INTEGER'],
			['month', 'INTEGER'],
		],
	},
	{
		name: 'meta',
		primaryKey: 'key',
		columns: [
			['key', 'TEXT'],
			['value', 'TEXT'],
		],
	},
];

/** The dataset itself in relational form (kept when asked, e.g. for the SQL derivation or a detailed export). */
export const timelineTables: readonly TableSpec[] = [
	{
		name: 'tickets',
		primaryKey: 'ticket_key',
		columns: [
			['ticket_key', 'TEXT'],
			['helpdesk', 'TEXT'],
			['ticket_id', 'TEXT'],
			['created_at', 'BIGINT'],
			['created_bh', 'BIGINT'],
			...dayColumns,
			['requester_key', 'TEXT'],
			['agent', 'TEXT'],
			['group_name', 'TEXT'],
			['priority', 'TEXT'],
			['channel', 'TEXT'],
			['status', 'TEXT'],
			['trigger_name', 'TEXT'],
			['reported_first_reply_minutes', 'DOUBLE'],
			['reported_first_reply_bh_minutes', 'DOUBLE'],
			['reported_first_resolution_minutes', 'DOUBLE'],
			['reported_first_resolution_bh_minutes', 'DOUBLE'],
			['reported_full_resolution_minutes', 'DOUBLE'],
			['reported_full_resolution_bh_minutes', 'DOUBLE'],
			['reported_replies', 'INTEGER'],
			['reported_reopens', 'INTEGER'],
			['reported_customer_follow_ups', 'INTEGER'],
			ticketSeq,
		],
	},
	{
		name: 'ticket_events',
		primaryKey: 'ticket_key, ord',
		columns: [
			['ticket_key', 'TEXT'],
			['ord', 'INTEGER'],
			['event_at', 'BIGINT'],
			['event_bh', 'BIGINT'],
			['kind', 'TEXT'],
			['actor', 'TEXT'],
			['status', 'TEXT'],
			['agent', 'TEXT'],
			['group_name', 'TEXT'],
			['escalation_type', 'TEXT'],
			['escalation_source', 'TEXT'],
			['team', 'TEXT'],
			['sla_metric', 'TEXT'],
			['target_minutes', 'DOUBLE'],
			['business_hours', 'INTEGER'],
			['level', 'TEXT'],
			['signals', 'TEXT'],
			['verdict', 'TEXT'],
			['template_id', 'TEXT'],
			...dayColumns,
			['hour_start', 'BIGINT'],
		],
		indexes: [['ticket_key', 'kind', 'ord']],
	},
];

/** `schema.` when a schema is named (an attached database), else nothing: the default database. */
function prefix(schema: string | undefined): string {
	return schema ? `${schema}.` : '';
}

/** `withKeys: false` leaves the primary key out (DuckDB joins by hashing and needs no index to load into). */
export function createTableSql(table: TableSpec, schema?: string, withKeys = true): string {
	const columns = table.columns.map(([name, type]) => `${name} ${type}`);
	if (table.primaryKey && withKeys) {
		columns.push(`PRIMARY KEY (${table.primaryKey})`);
	}

	return `CREATE TABLE ${prefix(schema)}${table.name} (${columns.join(', ')})`;
}

export function dropTableSql(table: TableSpec, schema?: string): string {
	return `DROP TABLE IF EXISTS ${prefix(schema)}${table.name}`;
}

export function createIndexSql(table: TableSpec, schema?: string): string[] {
	return [
		...(table.unique ?? []).map(
			columns => `CREATE UNIQUE INDEX ${prefix(schema)}${table.name}_${columns.join('_')} ON ${table.name} (${columns.join(', ')})`,
		),
		...(table.indexes ?? []).map(
			columns => `CREATE INDEX ${prefix(schema)}${table.name}_${columns.join('_')} ON ${table.name} (${columns.join(', ')})`,
		),
		...(table.expressionIndexes ?? []).map(
			([name, expression]) => `CREATE INDEX ${prefix(schema)}${table.name}_${name} ON ${table.name} (${expression})`,
		),
	];
}

export function insertSql(table: TableSpec): string {
	return `INSERT INTO ${table.name} (${table.columns.map(([name]) => name).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`;
}

export const levelRank = {watch: 1, high: 2, critical: 3} as const;

/**
 * Where a fresh database keeps its tables: an attached in-memory database. sql.js keeps its main
 * database in an emulated file that grows by copying itself (about 2x its size at the moment it
 * grows: a 1 GB load briefly needed 2 GB); an in-memory database keeps its pages in the wasm heap,
 * which grows in place. Queries name tables without a schema and find them there.
 */
export const memorySchema = 'facts';

/** The schema new tables go to: the in-memory one when attached, else the main database. */
export function tableSchema(db: Database): string | undefined {
	const attached = db.exec('PRAGMA database_list')[0]?.values.some(row => row[1] === memorySchema) ?? false;
	return attached ? memorySchema : undefined;
}

export function createTables(db: Database, tables: readonly TableSpec[]): void {
	const schema = tableSchema(db);
	for (const table of tables) {
		db.run(dropTableSql(table, schema));
		db.run(createTableSql(table, schema));
	}
}

export function createIndexes(db: Database, tables: readonly TableSpec[]): void {
	const schema = tableSchema(db);
	for (const table of tables) {
		for (const statement of createIndexSql(table, schema)) {
			db.run(statement);
		}
	}
}
