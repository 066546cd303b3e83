import {useState} from 'preact/hooks';
import type {Dimension, KpiQuery, KpiRow} from '../../core/metrics/kpis.ts';
import type {MetricsClient} from '../client.ts';
import {formatDuration, formatNumber, formatRatio} from './format.ts';
import {useAsync} from './use-async.ts';

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

const order: Dimension[] = ['trigger', 'theme', 'escalation-type', 'helpdesk', 'agent', 'group', 'priority', 'channel'];

/** One table at a time: every group of a dimension with its main KPIs. */
export function BreakdownTable({rows, dimension}: {rows: KpiRow[]; dimension: Dimension}) {
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
							<td>{formatNumber(row.tickets)}</td>
							<td>{formatDuration(row.durations.firstReply.median)}</td>
							<td>{formatDuration(row.durations.fullResolution.median)}</td>
							<td>{formatRatio(row.resolutionRate)}</td>
							<td>{formatRatio(row.fcr)}</td>
							<td>{formatRatio(row.reopenRate)}</td>
							<td>{formatRatio(row.escalationRate)}</td>
							<td>{formatRatio(row.functionalEscalationRate)} / {formatRatio(row.hierarchicalEscalationRate)} / {formatRatio(row.automaticEscalationRate)}</td>
							<td>{formatRatio(row.sla['first-reply'])}</td>
							<td>{formatRatio(row.csat)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

export function Breakdowns({client, query, version}: {client: MetricsClient; query: KpiQuery; version: number}) {
	const [dimension, setDimension] = useState<Dimension>('trigger');
	const state = useAsync(async () => client.kpis({...query, groupBy: dimension}), [client, JSON.stringify(query), dimension, version]);
	return (
		<section class="panel" aria-labelledby="breakdowns-title">
			<header class="panel-head">
				<h2 id="breakdowns-title">Breakdowns</h2>
				<label>
					By
					<select value={dimension} onChange={event => setDimension(event.currentTarget.value as Dimension)}>
						{order.map(option => <option key={option} value={option}>{dimensionLabels[option]}</option>)}
					</select>
				</label>
			</header>
			{state.status === 'done' ? <BreakdownTable rows={state.value} dimension={dimension} /> : state.status === 'error' ? <p class="error" role="alert">{state.error}</p> : <p class="empty" role="status">Computing…</p>}
		</section>
	);
}
