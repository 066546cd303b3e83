import type {ComponentChildren} from 'preact';
import type {Dimension, KpiQuery, KpiRow} from '../../core/metrics/kpis.ts';
import type {MetricsClient} from '../client.ts';
import type {DrillMetric} from '../worker/drill.ts';
import {formatDecimalDuration, formatNumber, formatRatio, textLocale} from '../../core/format.ts';
import {useAsync} from './use-async.ts';

/** Opens the rows behind a number of one group. */
export type OnGroupDrill = (metric: DrillMetric, label: string, group: {by: Dimension; value: string}) => void;

export const dimensions: readonly Dimension[] = [
	'trigger',
	'theme',
	'escalation-type',
	'helpdesk',
	'agent',
	'group',
	'priority',
	'channel',
];

export const dimensionLabels: Readonly<Record<Dimension, string>> = {
	trigger: 'Trigger',
	theme: 'Theme',
	'escalation-type': 'Escalation type',
	helpdesk: 'Helpdesk',
	agent: 'Agent',
	group: 'Group',
	priority: 'Priority',
	channel: 'Channel',
};

/** One table at a time: every group of a dimension with its main KPIs. */
export function BreakdownTable({rows, dimension, onDrill}: {rows: KpiRow[]; dimension: Dimension; onDrill?: OnGroupDrill | undefined}) {
	const cell = (row: KpiRow, metric: DrillMetric, label: string, content: ComponentChildren) => (
		<td>
			{onDrill ? (
				<button
					type="button"
					class="link cell"
					data-drill={metric}
					aria-label={`${label} of ${row.group}: what is behind it`}
					onClick={() => onDrill(metric, label, {by: dimension, value: row.group})}
				>
					{content}
				</button>
			) : (
				content
			)}
		</td>
	);
	if (rows.length === 0) {
		return <p class="empty">No tickets in this period.</p>;
	}

	return (
		<div class="table-scroll">
			<table class="breakdown" data-dimension={dimension}>
				<caption>KPIs by {dimensionLabels[dimension].toLowerCase()}</caption>
				<thead>
					<tr>
						<th scope="col">{dimensionLabels[dimension]}</th>
						<th scope="col">Tickets</th>
						<th scope="col">First reply (median)</th>
						<th scope="col">Full resolution (median)</th>
						<th scope="col">Resolution rate</th>
						<th scope="col">FCR</th>
						<th scope="col">Reopen rate</th>
						<th scope="col">Escalation rate</th>
						<th scope="col">Functional / hierarchical / automatic</th>
						<th scope="col">SLA first reply</th>
						<th scope="col">CSAT</th>
					</tr>
				</thead>
				<tbody>
					{rows.map(row => (
						<tr key={row.group} data-group={row.group}>
							<th scope="row">{row.group}</th>
							{cell(row, 'tickets', 'Tickets', formatNumber(row.tickets, textLocale))}
							{cell(row, 'firstReply', 'First reply time', formatDecimalDuration(row.durations.firstReply.median, textLocale))}
							{cell(row, 'fullResolution', 'Full resolution time', formatDecimalDuration(row.durations.fullResolution.median, textLocale))}
							{cell(row, 'resolutionRate', 'Resolution rate', formatRatio(row.resolutionRate, textLocale))}
							{cell(row, 'fcr', 'FCR', formatRatio(row.fcr, textLocale))}
							{cell(row, 'reopenRate', 'Reopen rate', formatRatio(row.reopenRate, textLocale))}
							{cell(row, 'escalationRate', 'Escalation rate', formatRatio(row.escalationRate, textLocale))}
							<td>
								{onDrill ? (
									<>
										<button
											type="button"
											class="link cell"
											onClick={() => onDrill('functionalEscalationRate', 'Functional escalations', {by: dimension, value: row.group})}
										>
											{formatRatio(row.functionalEscalationRate, textLocale)}
										</button>{' '}
										/{' '}
										<button
											type="button"
											class="link cell"
											onClick={() => onDrill('hierarchicalEscalationRate', 'Hierarchical escalations', {by: dimension, value: row.group})}
										>
											{formatRatio(row.hierarchicalEscalationRate, textLocale)}
										</button>{' '}
										/{' '}
										<button
											type="button"
											class="link cell"
											onClick={() => onDrill('automaticEscalationRate', 'Automatic escalations', {by: dimension, value: row.group})}
										>
											{formatRatio(row.automaticEscalationRate, textLocale)}
										</button>
									</>
								) : (
									<>
										{formatRatio(row.functionalEscalationRate, textLocale)} / {formatRatio(row.hierarchicalEscalationRate, textLocale)} /{' '}
										{formatRatio(row.automaticEscalationRate, textLocale)}
									</>
								)}
							</td>
							{cell(row, 'sla:first-reply', 'SLA first reply', formatRatio(row.sla['first-reply'], textLocale))}
							{cell(row, 'csat', 'CSAT', formatRatio(row.csat, textLocale))}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

export type BreakdownsProps = {
	client: MetricsClient;
	query: KpiQuery;
	version: number;
	dimension: Dimension;
	onDimension: (dimension: Dimension) => void;
	onDrill?: OnGroupDrill | undefined;
};

export function Breakdowns({client, query, version, dimension, onDimension, onDrill}: BreakdownsProps) {
	const state = useAsync(async () => client.kpis({...query, groupBy: dimension}), [client, JSON.stringify(query), dimension, version]);
	return (
		<section class="panel" aria-labelledby="breakdowns-title">
			<header class="panel-head">
				<h2 id="breakdowns-title">Breakdowns</h2>
				<label>
					By
					<select value={dimension} onChange={event => onDimension(event.currentTarget.value as Dimension)}>
						{dimensions.map(option => (
							<option key={option} value={option}>
								{dimensionLabels[option]}
							</option>
						))}
					</select>
				</label>
			</header>
			<p class="hint">Every number opens the tickets behind it.</p>
			{state.status === 'done' ? (
				<BreakdownTable rows={state.value} dimension={dimension} onDrill={onDrill} />
			) : state.status === 'error' ? (
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
