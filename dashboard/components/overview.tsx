import type {FcrVariant, KpiQuery, KpiRow, TimeGrain} from '../../core/metrics/kpis.ts';
import type {MetricsClient} from '../client.ts';
import {TrendCharts} from '../charts/trend-charts.tsx';
import {KpiCards} from './kpi-cards.tsx';
import type {Period} from './period.ts';
import {previousPeriod} from './period.ts';
import {useAsync} from './use-async.ts';

type OverviewData = {current: KpiRow | undefined; previous: KpiRow | undefined; trend: KpiRow[]};

/** Headline KPIs against the previous period, and the trends of the period. */
export function Overview({client, query, grain, fcr, version}: {client: MetricsClient; query: KpiQuery & Period; grain: TimeGrain; fcr: FcrVariant; version: number}) {
	const before = previousPeriod(query);
	const state = useAsync(async (): Promise<OverviewData> => ({
		current: (await client.kpis(query))[0],
		previous: (await client.kpis({...query, ...before}))[0],
		trend: await client.kpis({...query, groupBy: grain}),
	}), [client, JSON.stringify(query), grain, version]);
	if (state.status === 'error') {
		return <p class="error" role="alert">{state.error}</p>;
	}

	if (state.status === 'loading') {
		return <p class="empty" role="status">Computing…</p>;
	}

	const {current, previous, trend} = state.value;
	return (
		<>
			<section class="panel" aria-labelledby="kpis-title">
				<header class="panel-head">
					<h2 id="kpis-title">Headline KPIs</h2>
					<p class="period" data-role="period">{query.from} to {query.to}, against {before.from} to {before.to}</p>
				</header>
				{current && current.tickets + current.csat.denominator + current.nps.responses + current.ces.responses > 0
					? <KpiCards current={current} previous={previous && previous.tickets > 0 ? previous : undefined} fcr={fcr} />
					: <p class="empty">No tickets or survey responses match this period and these filters.</p>}
			</section>
			<section class="panel" aria-labelledby="trends-title">
				<h2 id="trends-title">Trends</h2>
				<TrendCharts rows={trend} />
			</section>
		</>
	);
}
