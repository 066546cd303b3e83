// The same tables and the same SQL text in DuckDB: the fact derivation and every KPI report give
// what sql.js gives (design.md section 8: the metric SQL runs unchanged in an analytics engine).
import type {DuckDBConnection, DuckDBValue} from '@duckdb/node-api';
import {DuckDBInstance} from '@duckdb/node-api';
import type {Database} from 'sql.js';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {generateDemoDataset} from '../../core/metrics/demo-data.ts';
import {deriveFacts} from '../../core/metrics/facts.ts';
import type {KpiQuery} from '../../core/metrics/kpis.ts';
import {groupings} from '../../core/metrics/kpis.ts';
import {answerAroundFirstFlags, berlinOffice, differences} from '../../test/helpers/metrics.ts';
import {deriveStatements} from './derive-sql.ts';
import {loadDataset} from '../../dashboard/worker/load.ts';
import {openNodeDatabase} from '../../dashboard/worker/node-database.ts';
import type {Row, SqlQuery} from '../../dashboard/worker/queries.ts';
import {
	all,
	earlyWarning,
	earlyWarningQueries,
	kpiQueries,
	kpis,
	shapeEarlyWarning,
	shapeKpis,
	shapeTemplateStrata,
	shapeThemes,
	templateQueries,
	templateStrata,
	themeQueries,
	themeSummary,
} from '../../dashboard/worker/queries.ts';
import {rollupStatements, rollupTables} from '../../dashboard/worker/rollups.ts';
import {createTableSql, factTables, timelineTables} from '../../dashboard/worker/schema.ts';
import type {TableRows} from './load-sql.ts';
import {factTableRows, sqlDeriveInputs} from './load-sql.ts';

const timezone = 'Europe/Berlin';
const businessHours = {calendar: berlinOffice};
const dataset = generateDemoDataset({seed: 11, days: 30, ticketsPerDay: 15});
answerAroundFirstFlags(dataset);

// Surveys of no ticket: the '(none)' group of every ticket dimension (a query of its own in the SQL).
dataset.surveys.push(
	{ticketKey: null, kind: 'nps', score: 10, at: Date.UTC(2026, 5, 15, 12)},
	{ticketKey: null, kind: 'nps', score: 2, at: Date.UTC(2026, 5, 19, 12)},
	{ticketKey: null, kind: 'csat', score: 5, at: Date.UTC(2026, 5, 17, 12)},
);
let sqlJs: Database;
let instance: DuckDBInstance;
let factsDuck: DuckDBConnection;
let derivedDuck: DuckDBConnection;

async function duckAll(connection: DuckDBConnection, query: SqlQuery): Promise<Row[]> {
	const reader = await connection.runAndReadAll(query.sql, query.params as DuckDBValue[]);
	return reader
		.getRowObjectsJS()
		.map(
			row => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value])) as Row,
		);
}

async function duckLoad(connection: DuckDBConnection, tables: readonly TableRows[]): Promise<void> {
	for (const {table, rows} of tables) {
		await connection.run(createTableSql(table));
		const batch: DuckDBValue[][] = [];
		const flush = async (): Promise<void> => {
			if (batch.length === 0) {
				return;
			}

			const placeholders = batch.map(() => `(${table.columns.map(() => '?').join(', ')})`).join(', ');
			await connection.run(`INSERT INTO ${table.name} VALUES ${placeholders}`, batch.flat());
			batch.length = 0;
		};

		for (const row of rows) {
			batch.push(row as DuckDBValue[]);
			if (batch.length >= 200) {
				await flush();
			}
		}

		await flush();
	}
}

beforeAll(async () => {
	sqlJs = await openNodeDatabase();
	loadDataset(sqlJs, dataset, {timezone, businessHours});
	instance = await DuckDBInstance.create(':memory:');
	factsDuck = await instance.connect();
	await duckLoad(factsDuck, factTableRows(deriveFacts(dataset, {businessHours, timezone}), {timezone}));
	// The daily rollups, by the same statements sql.js runs after a load.
	for (const table of rollupTables) {
		await factsDuck.run(createTableSql(table));
	}

	for (const statement of rollupStatements()) {
		await factsDuck.run(statement);
	}

	// A second database that starts from the timeline and derives the facts with the same SQL.
	const derived = await DuckDBInstance.create(':memory:');
	derivedDuck = await derived.connect();
	const inputs = sqlDeriveInputs(dataset, {timezone, businessHours});
	const loaded = new Set(inputs.tables.map(rows => rows.table.name));
	await duckLoad(derivedDuck, inputs.tables);
	for (const table of [...factTables, ...timelineTables].filter(table => !loaded.has(table.name))) {
		await derivedDuck.run(createTableSql(table));
	}

	for (const statement of deriveStatements(inputs.params)) {
		await derivedDuck.run(statement.sql, statement.params as DuckDBValue[]);
	}
}, 120_000);

afterAll(() => {
	sqlJs.close();
	factsDuck.closeSync();
	derivedDuck.closeSync();
});

describe('DuckDB derives the same facts from the timeline', () => {
	test.each(factTables.filter(table => table.name !== 'meta').map(table => table.name))('%s', async name => {
		const columns = factTables.find(table => table.name === name)!.columns.map(([column]) => column);
		const query = {
			sql: `SELECT ${columns.join(', ')} FROM ${name} ORDER BY ${columns.map(column => `${column} NULLS FIRST`).join(', ')}`,
			params: [],
		};
		const expected = all(sqlJs, query);
		expect(expected.length).toBeGreaterThan(0);
		expect(differences(await duckAll(derivedDuck, query), expected)).toEqual([]);
	});
});

const queries: KpiQuery[] = [
	...groupings.map(groupBy => ({groupBy})),
	{
		from: '2026-06-08',
		to: '2026-06-21',
		groupBy: 'week',
		filters: {priority: ['normal', 'high']},
		fcr: 'no-follow-up',
		csat: 'exclude-neutral',
	},
];

describe('DuckDB gives the same KPIs as sql.js', () => {
	const cases = queries.flatMap(query => (['values', 'native'] as const).map(orderStats => ({query, orderStats})));
	test.each(cases)('%j', async ({query, orderStats}) => {
		// DuckDB with sql.js's value lists, and with its own AVG and quantile_cont: the same numbers.
		const built = kpiQueries(query, {orderStats});
		const fromDuck = shapeKpis(query, {
			tickets: await duckAll(factsDuck, built.tickets),
			durations: built.durations ? await duckAll(factsDuck, built.durations) : undefined,
			replies: await duckAll(factsDuck, built.replies),
			surveys: await duckAll(factsDuck, built.surveys),
			churn: built.churn ? await duckAll(factsDuck, built.churn) : undefined,
		});
		const expected = kpis(sqlJs, query);
		expect(expected.length).toBeGreaterThan(0);
		expect(differences(fromDuck, expected)).toEqual([]);
	});

	test('early warning, templates and themes', async () => {
		const built = earlyWarningQueries({});
		expect(
			differences(
				shapeEarlyWarning({
					levels: await duckAll(factsDuck, built.levels),
					flags: await duckAll(factsDuck, built.flags),
					hours: await duckAll(factsDuck, built.hours),
					feedback: await duckAll(factsDuck, built.feedback),
				}),
				earlyWarning(sqlJs),
			),
		).toEqual([]);
		const templates = templateQueries({});
		const strata = templateStrata(sqlJs);
		expect(strata.treated.length).toBeGreaterThan(0);
		expect(
			differences(shapeTemplateStrata(await duckAll(factsDuck, templates.treated), await duckAll(factsDuck, templates.controls)), strata),
		).toEqual([]);
		// DuckDB's own formulation (the answers after a point counted by a join, not a subquery per row).
		const joined = templateQueries({}, {joinsOverSubqueries: true});
		expect(joined.controls.sql).not.toBe(templates.controls.sql);
		expect(
			differences(shapeTemplateStrata(await duckAll(factsDuck, joined.treated), await duckAll(factsDuck, joined.controls)), strata),
		).toEqual([]);
		const themes = themeQueries({});
		expect(
			differences(shapeThemes(await duckAll(factsDuck, themes.themes), await duckAll(factsDuck, themes.totals)), themeSummary(sqlJs)),
		).toEqual([]);
	});
});
