import {useMemo} from 'preact/hooks';
import type uPlot from 'uplot';
import type {KpiRow} from '../../core/metrics/kpis.ts';
import {formatNumber} from '../components/format.ts';
import {useColorScheme} from '../components/use-color-scheme.ts';
import {kpiColumns} from './columns.ts';
import type {SeriesSpec} from './options.ts';
import {lineOptions} from './options.ts';
import {UplotChart} from './uplot-chart.tsx';

const hours = (ms: number | null): number | null => (ms === null ? null : ms / 3_600_000);
const percent = (value: number | null): number | null => (value === null ? null : value * 100);
const asHours = (value: number) => `${value.toFixed(1)} h`;
const asPercent = (value: number) => `${value.toFixed(0)}%`;

type Trend = {id: string; title: string; series: Array<SeriesSpec & {read: (row: KpiRow) => number | null}>};

const trends: Trend[] = [
	{
		id: 'volume',
		title: 'Tickets and escalations',
		series: [
			{label: 'Tickets created', scale: 'count', format: value => formatNumber(value), read: row => row.tickets},
			{label: 'Escalation rate', scale: '%', format: asPercent, read: row => percent(row.escalationRate.value)},
		],
	},
	{
		id: 'times',
		title: 'Reply times (median, hours)',
		series: [
			{label: 'First reply', scale: 'h', format: asHours, read: row => hours(row.durations.firstReply.median)},
			{label: 'First reply (business hours)', scale: 'h', format: asHours, read: row => hours(row.durations.firstReplyBusiness.median)},
			{label: 'Next reply', scale: 'h', format: asHours, read: row => hours(row.durations.nextReply.median)},
		],
	},
	{
		id: 'quality',
		title: 'Resolution, FCR, SLA and CSAT (%)',
		series: [
			{label: 'Resolution rate', scale: '%', format: asPercent, read: row => percent(row.resolutionRate.value)},
			{label: 'FCR', scale: '%', format: asPercent, read: row => percent(row.fcr.value)},
			{label: 'SLA first reply', scale: '%', format: asPercent, read: row => percent(row.sla['first-reply'].value)},
			{label: 'CSAT', scale: '%', format: asPercent, read: row => percent(row.csat.value)},
		],
	},
];

function TrendChart({trend, rows}: {trend: Trend; rows: KpiRow[]}) {
	const scheme = useColorScheme();
	const options = useMemo(() => lineOptions(trend.series, scheme), [trend, scheme]);
	const data = useMemo((): uPlot.AlignedData => kpiColumns(rows, trend.series.map(spec => spec.read)), [rows, trend]);
	return (
		<figure class="trend" data-chart={trend.id}>
			<figcaption>{trend.title}</figcaption>
			<UplotChart data={data} options={options} label={`${trend.title}, ${rows.length} points`} />
			<details>
				<summary>Numbers</summary>
				<table class="numbers">
					<thead><tr><th scope="col">Period</th>{trend.series.map(spec => <th key={spec.label} scope="col">{spec.label}</th>)}</tr></thead>
					<tbody>
						{rows.map(row => (
							<tr key={row.group}>
								<th scope="row">{row.group}</th>
								{trend.series.map(spec => {
									const value = spec.read(row);
									return <td key={spec.label}>{value === null ? '–' : spec.format(value)}</td>;
								})}
							</tr>
						))}
					</tbody>
				</table>
			</details>
		</figure>
	);
}

/** Trends over the period, one chart per idea. */
export function TrendCharts({rows}: {rows: KpiRow[]}) {
	if (rows.length < 2) {
		return <p class="empty">Not enough points for a trend: choose a longer period or a finer grain.</p>;
	}

	return <div class="trends">{trends.map(trend => <TrendChart key={trend.id} trend={trend} rows={rows} />)}</div>;
}
