import {useMemo} from 'preact/hooks';
import type uPlot from 'uplot';
import type {KpiRow, TimeGrain} from '../../core/metrics/kpis.ts';
import type {Settlement} from '../../core/metrics/periods.ts';
import {bucketEnd, completenessOf} from '../../core/metrics/periods.ts';
import {formatNumber, textLocale} from '../../core/format.ts';
import {useColorScheme} from '../components/use-color-scheme.ts';
import {kpiColumns, needsPoints, secondsOf} from './columns.ts';
import type {SeriesSpec} from './options.ts';
import {lineOptions} from './options.ts';
import {UplotChart} from './uplot-chart.tsx';

const hours = (ms: number | null): number | null => (ms === null ? null : ms / 3_600_000);
const percent = (value: number | null): number | null => (value === null ? null : value * 100);
const asHours = (value: number) => `${formatNumber(value, textLocale, 1)} h`;
const asPercent = (value: number) => `${formatNumber(value, textLocale)}%`;

type Trend = {id: string; title: string; series: Array<SeriesSpec & {read: (row: KpiRow) => number | null}>};

const trends: Trend[] = [
	{
		id: 'volume',
		title: 'Tickets and escalations',
		series: [
			{label: 'Tickets created', scale: 'count', format: value => formatNumber(value, textLocale), read: row => row.tickets},
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

/** The first incomplete bucket of a trend (all later ones are incomplete too), or undefined. */
export function firstIncomplete(rows: readonly KpiRow[], grain: TimeGrain, settlement: Settlement | undefined): string | undefined {
	if (!settlement) {
		return undefined;
	}

	return rows
		.map(row => row.group)
		.sort()
		.find(group => completenessOf(bucketEnd(grain, group), settlement) !== 'complete');
}

function TrendChart({trend, rows, incompleteFrom}: {trend: Trend; rows: KpiRow[]; incompleteFrom: string | undefined}) {
	const scheme = useColorScheme();
	const data = useMemo(
		(): uPlot.AlignedData =>
			kpiColumns(
				rows,
				trend.series.map(spec => spec.read),
			),
		[rows, trend],
	);
	const points = needsPoints(data);
	const options = useMemo(
		() =>
			lineOptions(trend.series, scheme, 220, {
				points,
				incompleteFrom: incompleteFrom === undefined ? undefined : secondsOf(incompleteFrom),
			}),
		[trend, scheme, points, incompleteFrom],
	);
	return (
		<figure class="trend" data-chart={trend.id} data-points={points ? 'shown' : undefined} data-incomplete-from={incompleteFrom}>
			<figcaption>{trend.title}</figcaption>
			<UplotChart
				data={data}
				options={options}
				label={`${trend.title}, ${rows.length} points${incompleteFrom ? `, incomplete from ${incompleteFrom}` : ''}`}
			/>
			<details>
				<summary>Numbers</summary>
				<table class="numbers">
					<thead>
						<tr>
							<th scope="col">Period</th>
							{trend.series.map(spec => (
								<th key={spec.label} scope="col">
									{spec.label}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{rows.map(row => (
							<tr key={row.group} data-incomplete={incompleteFrom !== undefined && row.group >= incompleteFrom ? 'yes' : undefined}>
								<th scope="row">
									{row.group}
									{incompleteFrom !== undefined && row.group >= incompleteFrom ? ' (incomplete)' : ''}
								</th>
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

/** Trends over the period, one chart per idea; incomplete buckets shaded. */
export function TrendCharts({
	rows,
	grain = 'day',
	settlement,
}: {
	rows: KpiRow[];
	grain?: TimeGrain | undefined;
	settlement?: Settlement | undefined;
}) {
	if (rows.length === 0) {
		return <p class="empty">No data for a trend in this period.</p>;
	}

	const incompleteFrom = firstIncomplete(rows, grain, settlement);
	return (
		<>
			{incompleteFrom && (
				<p class="hint" data-role="trend-incomplete">
					Shaded from {incompleteFrom}: incomplete {grain === 'day' ? 'days' : `${grain}s`}, whose tickets are still being worked on (or
					that run past the last day with data). Their resolution, FCR and escalation values can still change.
				</p>
			)}
			<div class="trends">
				{trends.map(trend => (
					<TrendChart key={trend.id} trend={trend} rows={rows} incompleteFrom={incompleteFrom} />
				))}
			</div>
		</>
	);
}
