// The reports over any engine that runs the metric SQL (DuckDB in the command line): the same query
// builders and the same shaping as queries.ts, with each query run by `run`.
import type {KpiQuery, KpiRow} from '../../core/metrics/kpis.ts';
import {dayBounds} from '../../core/metrics/kpis.ts';
import type {Settlement} from '../../core/metrics/periods.ts';
import {settlementOf} from '../../core/metrics/periods.ts';
import type {EarlyWarningReport, TemplateEffectiveness, ThemeSummary} from '../../core/metrics/reports.ts';
import {shapeTemplateEffectiveness} from '../../core/metrics/reports.ts';
import type {Spike} from '../../core/metrics/spikes.ts';
import {detectSpikes} from '../../core/metrics/spikes.ts';
import {dayKeyToIso} from '../../core/metrics/time.ts';
import type {Dialect, Row, SqlQuery} from './queries.ts';
import {
	earlyWarningQueries,
	kpiQueries,
	settlementQuery,
	shapeEarlyWarning,
	shapeKpis,
	shapeTemplateStrata,
	shapeThemeCounts,
	shapeThemes,
	templateQueries,
	themeCountsQuery,
	statsOfResult,
	themeQueries,
} from './queries.ts';

/** Runs one query; big integers already numbers. */
export type Runner = (query: SqlQuery) => Promise<Row[]>;

export async function runKpis(run: Runner, query: KpiQuery = {}, dialect: Dialect = {}): Promise<KpiRow[]> {
	const queries = kpiQueries(query, dialect);
	return shapeKpis(query, {
		tickets: await run(queries.tickets),
		durations: queries.durations ? await run(queries.durations) : undefined,
		replies: await run(queries.replies),
		surveys: await run(queries.surveys),
		churn: queries.churn ? await run(queries.churn) : undefined,
	});
}

export async function runEarlyWarning(run: Runner, query: KpiQuery = {}): Promise<EarlyWarningReport> {
	const queries = earlyWarningQueries(query);
	return shapeEarlyWarning({
		levels: await run(queries.levels),
		flags: await run(queries.flags),
		hours: await run(queries.hours),
		feedback: await run(queries.feedback),
	});
}

export async function runTemplateEffectiveness(run: Runner, query: KpiQuery = {}, dialect: Dialect = {}): Promise<TemplateEffectiveness[]> {
	const queries = templateQueries(query, dialect);
	return shapeTemplateEffectiveness(shapeTemplateStrata(await run(queries.treated), await run(queries.controls)));
}

export async function runThemeSummary(run: Runner, query: KpiQuery = {}): Promise<ThemeSummary[]> {
	const queries = themeQueries(query);
	return shapeThemes(await run(queries.themes), await run(queries.totals));
}

export async function runThemeSpikes(run: Runner, query: KpiQuery = {}): Promise<Spike[]> {
	const [from, to] = dayBounds(query);
	const [last] = await run({sql: 'SELECT MAX(day) AS day FROM days', params: []});
	return detectSpikes(shapeThemeCounts(await run(themeCountsQuery(query))), Math.min(to, Number(last?.day ?? 0)), {from, to});
}

/** The data's day range and when its days settle (as queries.ts settlement()). */
export async function runSettlement(run: Runner, dialect: Dialect = {}): Promise<(Settlement & {firstDay: string}) | undefined> {
	const [range] = await run({sql: 'SELECT MIN(d.day) AS first_day, MAX(d.day) AS last_day FROM days d', params: []});
	if (range?.last_day === null || range?.last_day === undefined) {
		return undefined;
	}

	const [values] = await run(settlementQuery(dialect));
	return {
		...settlementOf(dayKeyToIso(Number(range.last_day)), statsOfResult(values, 'full').p90),
		firstDay: dayKeyToIso(Number(range.first_day)),
	};
}
