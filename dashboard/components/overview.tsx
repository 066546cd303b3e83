import type {FcrVariant, FilterField, KpiQuery, KpiRow, TimeGrain} from '../../core/metrics/kpis.ts';
import type {Settlement} from '../../core/metrics/periods.ts';
import {completenessOf} from '../../core/metrics/periods.ts';
import type {MetricsClient} from '../client.ts';
import {TrendCharts} from '../charts/trend-charts.tsx';
import type {OnDrill} from './kpi-cards.tsx';
import {KpiCards} from './kpi-cards.tsx';
import type {Period} from './period.ts';
import {previousPeriod} from './period.ts';
import {useAsync} from './use-async.ts';

type OverviewData = {current: KpiRow | undefined; previous: KpiRow | undefined; trend: KpiRow[]};

export type OverviewProps = {
	client: MetricsClient;
	query: KpiQuery & Period;
	grain: TimeGrain;
	fcr: FcrVariant;
	version: number;
	/** Which days' tickets are settled. */
	settlement?: Settlement | undefined;
	/** Leave out the unsettled days (offered when the period has some). */
	onLeaveOutIncomplete?: (() => void) | undefined;
	onDrill?: OnDrill | undefined;
};

/** Headline KPIs against the previous period, and the trends of the period. */
export function Overview({client, query, grain, fcr, version, settlement, onLeaveOutIncomplete, onDrill}: OverviewProps) {
	const before = previousPeriod(query);
	const state = useAsync(
		async (): Promise<OverviewData> => ({
			current: (await client.kpis(query))[0],
			previous: (await client.kpis({...query, ...before}))[0],
			trend: await client.kpis({...query, groupBy: grain}),
		}),
		[client, JSON.stringify(query), grain, version],
	);
	if (state.status === 'error') {
		return (
			<p class="error" role="alert">
				{state.error}
			</p>
		);
	}

	if (state.status === 'loading') {
		return (
			<p class="empty" role="status">
				Computing…
			</p>
		);
	}

	const {current, previous, trend} = state.value;
	const completeness = settlement ? completenessOf(query.to, settlement) : 'complete';
	const filtered = (Object.entries(query.filters ?? {}) as Array<[FilterField, string[] | undefined]>)
		.filter(([, values]) => (values?.length ?? 0) > 0)
		.map(([field]) => field);
	return (
		<>
			<section class="panel" aria-labelledby="kpis-title">
				<header class="panel-head">
					<h2 id="kpis-title">Headline KPIs</h2>
					<p class="period" data-role="period">
						{query.from} to {query.to}, against {before.from} to {before.to}
					</p>
				</header>
				{completeness !== 'complete' && settlement && (
					<div class="period-state" data-role="period-state" data-state={completeness}>
						<span>
							<strong>Incomplete period.</strong>{' '}
							{completeness === 'partial' ? `It runs past ${settlement.lastDay}, the last day with data.` : ''}{' '}
							{settlement.settleDays > 0 &&
								`Tickets created after ${settlement.settledThrough} are still being worked on (90% of tickets are resolved within ${settlement.settleDays} day${settlement.settleDays === 1 ? '' : 's'}), so resolution, FCR, escalation and SLA values can still change; their changes are not coloured.`}
						</span>
						{onLeaveOutIncomplete && settlement.settledThrough >= query.from && (
							<button type="button" data-role="leave-out-incomplete" onClick={onLeaveOutIncomplete}>
								Leave out days after {settlement.settledThrough}
							</button>
						)}
					</div>
				)}
				{current && current.tickets + current.csat.denominator + current.nps.responses + current.ces.responses > 0 ? (
					<KpiCards
						current={current}
						previous={previous && previous.tickets > 0 ? previous : undefined}
						fcr={fcr}
						context={{completeness, settledThrough: settlement?.settledThrough, filtered}}
						onDrill={onDrill}
					/>
				) : (
					<p class="empty">No tickets or survey responses match this period and these filters.</p>
				)}
			</section>
			<section class="panel" aria-labelledby="trends-title">
				<h2 id="trends-title">Trends</h2>
				<TrendCharts rows={trend} grain={grain} settlement={settlement} />
			</section>
		</>
	);
}
