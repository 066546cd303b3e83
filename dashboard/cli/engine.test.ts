// The command line's two engines take the same fact rows through the same writer and answer every
// report equally: DuckDB (rows spooled to disk, read by its CSV reader) and sql.js.
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {generateDemoDataset} from '../../core/metrics/demo-data.ts';
import {deriveFacts} from '../../core/metrics/facts.ts';
import type {KpiQuery} from '../../core/metrics/kpis.ts';
import {groupings} from '../../core/metrics/kpis.ts';
import {berlinOffice, differences} from '../../test/helpers/metrics.ts';
import {openFactWriterOn} from '../worker/fact-rows.ts';
import {writeFacts} from '../worker/load.ts';
import {drillQueries} from '../worker/drill.ts';
import {runEarlyWarning, runKpis, runSettlement, runTemplateEffectiveness, runThemeSpikes, runThemeSummary} from '../worker/run-reports.ts';
import type {Engine} from './engine.ts';
import {openEngine} from './engine.ts';

const timezone = 'Europe/Berlin';
const facts = deriveFacts(generateDemoDataset({seed: 21, days: 40, ticketsPerDay: 18}), {
	businessHours: {calendar: berlinOffice},
	timezone,
});
let duck: Engine;
let sqljs: Engine;

async function loaded(engine: Engine): Promise<Engine> {
	writeFacts(openFactWriterOn(engine.target(), {timezone}), facts);
	await engine.ready();
	return engine;
}

beforeAll(async () => {
	[duck, sqljs] = await Promise.all([openEngine('duckdb').then(loaded), openEngine('sqljs').then(loaded)]);
}, 60_000);

afterAll(async () => {
	await duck.close();
	await sqljs.close();
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

describe('DuckDB answers as sql.js', () => {
	test.each(queries)('KPIs %j', async query => {
		const expected = await runKpis(sqljs.run, query, sqljs.dialect);
		expect(expected.length).toBeGreaterThan(0);
		expect(duck.dialect.orderStats).toBe('native');
		expect(differences(await runKpis(duck.run, query, duck.dialect), expected)).toEqual([]);
		// The values lists run unchanged on DuckDB too.
		expect(differences(await runKpis(duck.run, query, {orderStats: 'values'}), expected)).toEqual([]);
	});

	test('early warning, templates, themes, spikes, settlement', async () => {
		for (const report of [runEarlyWarning, runTemplateEffectiveness, runThemeSummary, runThemeSpikes] as const) {
			expect(differences(await report(duck.run, {}), await report(sqljs.run, {}))).toEqual([]);
		}

		expect(await runSettlement(duck.run, duck.dialect)).toEqual(await runSettlement(sqljs.run, sqljs.dialect));
		expect(await runSettlement(duck.run)).toEqual(await runSettlement(sqljs.run));
		expect((await runTemplateEffectiveness(duck.run, {})).length).toBeGreaterThan(2);
		expect(differences(await runTemplateEffectiveness(duck.run, {}, duck.dialect), await runTemplateEffectiveness(sqljs.run, {}))).toEqual(
			[],
		);
	});

	test('drill-down rows', async () => {
		const query = drillQueries({metric: 'escalationRate', query: {groupBy: 'agent'}, group: {by: 'agent', value: 'Ana Ruiz'}});
		expect(differences(await duck.run(query.totals), await sqljs.run(query.totals))).toEqual([]);
	});
});
