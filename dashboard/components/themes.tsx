import {useMemo} from 'preact/hooks';
import type uPlot from 'uplot';
import type {KpiQuery} from '../../core/metrics/kpis.ts';
import type {ThemeDayCount, ThemeSummary} from '../../core/metrics/reports.ts';
import type {Spike} from '../../core/metrics/spikes.ts';
import {dayKeyToIso} from '../../core/metrics/time.ts';
import type {MetricsClient} from '../client.ts';
import {lineOptions} from '../charts/options.ts';
import {UplotChart} from '../charts/uplot-chart.tsx';
import {dash, formatNumber, formatPercent, textLocale} from '../../core/format.ts';
import {MetricHelp} from './metric-help.tsx';
import {useAsync} from './use-async.ts';
import {useColorScheme} from './use-color-scheme.ts';

type ThemeData = {summary: ThemeSummary[]; spikes: Spike[]; counts: ThemeDayCount[]};

/** Daily tickets of the most escalated themes within the period. */
function ThemeChart({counts, themes, from, to}: {counts: ThemeDayCount[]; themes: string[]; from: string; to: string}) {
	const scheme = useColorScheme();
	const options = useMemo(
		() =>
			lineOptions(
				themes.map(theme => ({label: theme, scale: 'n', format: (value: number) => formatNumber(value, textLocale)})),
				scheme,
				200,
			),
		[themes.join('|'), scheme],
	);
	const data = useMemo((): uPlot.AlignedData => {
		const start = Date.parse(`${from}T00:00:00Z`) / 1000;
		const end = Date.parse(`${to}T00:00:00Z`) / 1000;
		const xs: number[] = [];
		for (let x = start; x <= end; x += 86_400) {
			xs.push(x);
		}

		const index = new Map(xs.map((x, position) => [x, position]));
		const columns = themes.map(() => xs.map((): number | null => 0));
		for (const count of counts) {
			const column = themes.indexOf(count.theme);
			const position = index.get(Date.parse(`${dayKeyToIso(count.day)}T00:00:00Z`) / 1000);
			if (column >= 0 && position !== undefined) {
				columns[column]![position] = count.count;
			}
		}

		return [xs, ...columns];
	}, [counts, themes.join('|'), from, to]);
	return (
		<figure class="trend" data-chart="themes">
			<figcaption>Tickets per day, most escalated themes</figcaption>
			<UplotChart data={data} options={options} label={`Tickets per day for ${themes.join(', ')}`} />
		</figure>
	);
}

export function Themes({client, query, version}: {client: MetricsClient; query: KpiQuery & {from: string; to: string}; version: number}) {
	const state = useAsync(
		async (): Promise<ThemeData> => ({
			summary: await client.themeSummary(query),
			spikes: await client.themeSpikes(query),
			counts: await client.themeCounts(query),
		}),
		[client, JSON.stringify(query), version],
	);
	if (state.status !== 'done') {
		return (
			<section class="panel">
				<h2>Recurring themes and spikes</h2>
				{state.status === 'error' ? (
					<p class="error" role="alert">
						{state.error}
					</p>
				) : (
					<p class="empty" role="status">
						Computing…
					</p>
				)}
			</section>
		);
	}

	const {summary, spikes, counts} = state.value;
	const top = summary
		.filter(theme => theme.escalated > 0)
		.slice(0, 5)
		.map(theme => theme.theme);
	return (
		<section class="panel" aria-labelledby="themes-title">
			<header class="panel-head">
				<h2 id="themes-title">Recurring themes in escalated tickets</h2>
				<MetricHelp metric="themes" id="themes" />
			</header>
			{summary.length === 0 ? (
				<p class="empty">
					No recurring themes: themes need customer text (the extension's own tickets, or imports with subjects) and at least three tickets
					each.
				</p>
			) : (
				<>
					{top.length > 0 && <ThemeChart counts={counts} themes={top} from={query.from} to={query.to} />}
					<div class="table-scroll">
						<table class="themes">
							<caption>Themes by share of escalated tickets</caption>
							<thead>
								<tr>
									<th scope="col">Theme</th>
									<th scope="col">Tickets</th>
									<th scope="col">Escalated</th>
									<th scope="col">Escalation rate</th>
									<th scope="col">Share of escalations</th>
									<th scope="col">Lift</th>
								</tr>
							</thead>
							<tbody>
								{summary.slice(0, 20).map(theme => (
									<tr key={theme.theme} data-theme={theme.theme}>
										<th scope="row">{theme.theme}</th>
										<td>{formatNumber(theme.tickets, textLocale)}</td>
										<td>{formatNumber(theme.escalated, textLocale)}</td>
										<td>{formatPercent(theme.escalationRate, textLocale)}</td>
										<td>{formatPercent(theme.shareOfEscalated, textLocale)}</td>
										<td>{theme.lift === null ? dash : `${formatNumber(theme.lift, textLocale, 2)}×`}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</>
			)}
			<header class="panel-head">
				<h3>Spikes of similar complaints</h3>
				<MetricHelp metric="themeSpikes" id="spikes" />
			</header>
			{spikes.length === 0 ? (
				<p class="empty">No spikes in this period.</p>
			) : (
				<ul class="spikes">
					{spikes.map(spike => (
						<li key={`${spike.theme}-${spike.day}`} data-spike={spike.theme}>
							<strong>{dayKeyToIso(spike.day)}</strong>: “{spike.theme}”, {formatNumber(spike.count, textLocale)} tickets against about{' '}
							{formatNumber(spike.baselineMean, textLocale, 1)} a day before
						</li>
					))}
				</ul>
			)}
		</section>
	);
}
