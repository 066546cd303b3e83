import {useEffect, useRef} from 'preact/hooks';
import type {GroupBy, KpiQuery} from '../../core/metrics/kpis.ts';
import type {MetricsClient} from '../client.ts';
import type {DrillMetric, DrillRequest, DrillRow} from '../worker/drill.ts';
import {formatDecimalDuration, formatNumber, textLocale} from '../../core/format.ts';
import {ticketLabel, ticketLink} from './ticket-links.ts';
import {useAsync} from './use-async.ts';

/** What the page asks to drill into: the number's metric, its label, and a group of a grouped report. */
export type DrillTarget = {metric: DrillMetric; label: string; group?: {by: GroupBy; value: string} | undefined};

const durationMetrics = new Set<DrillMetric>([
	'firstReply',
	'firstReplyBusiness',
	'nextReply',
	'firstResolution',
	'firstResolutionBusiness',
	'fullResolution',
	'fullResolutionBusiness',
]);

function valueText(metric: DrillMetric, row: DrillRow): string {
	if (row.value === null) {
		return metric === 'csat' ? 'sent, not answered' : '';
	}

	if (durationMetrics.has(metric) && typeof row.value === 'number') {
		return formatDecimalDuration(row.value, textLocale);
	}

	if ((metric === 'churn' || metric.startsWith('template:')) && typeof row.value === 'number') {
		return new Date(row.value).toISOString().slice(0, 16).replace('T', ' ');
	}

	return String(row.value);
}

function capitalised(text: string): string {
	return `${text.slice(0, 1).toUpperCase()}${text.slice(1)}`;
}

function Key({value}: {value: string}) {
	const link = ticketLink(value);
	return link ? (
		<a href={link} target="_blank" rel="noreferrer" title={value}>
			{ticketLabel(value)}
		</a>
	) : (
		<span title={value}>{ticketLabel(value)}</span>
	);
}

/** The tickets (or responses, or customers) behind one number, with links into the helpdesk. */
export function DrillPanel({
	client,
	target,
	query,
	version,
	onClose,
}: {
	client: MetricsClient;
	target: DrillTarget;
	query: KpiQuery;
	version: number;
	onClose: () => void;
}) {
	const heading = useRef<HTMLHeadingElement>(null);
	const request: DrillRequest = {metric: target.metric, query, group: target.group};
	const state = useAsync(async () => client.drill(request), [client, JSON.stringify(request), version]);
	useEffect(() => heading.current?.focus(), [target.metric, target.group?.value]);
	const noun =
		target.metric === 'churn'
			? 'customers'
			: target.metric === 'csat' || target.metric === 'nps' || target.metric === 'ces'
				? 'responses'
				: target.metric === 'nextReply'
					? 'replies'
					: 'tickets';
	return (
		<section class="panel drill" aria-labelledby="drill-title" data-role="drill" data-metric={target.metric}>
			<header class="panel-head">
				<h2 id="drill-title" tabIndex={-1} ref={heading}>
					Behind “{target.label}”{target.group ? `, ${target.group.value}` : ''}
				</h2>
				<button type="button" onClick={onClose} data-role="drill-close">
					Close
				</button>
			</header>
			{state.status === 'error' && (
				<p class="error" role="alert">
					{state.error}
				</p>
			)}
			{state.status === 'loading' && (
				<p class="empty" role="status">
					Finding the {noun}…
				</p>
			)}
			{state.status === 'done' && (
				<>
					<p class="hint" data-role="drill-count">
						{formatNumber(state.value.total, textLocale)} {noun}
						{state.value.columns.counted ? `, ${formatNumber(state.value.counted, textLocale)} ${state.value.columns.counted}` : ''}
						{state.value.rows.length < state.value.total
							? `; the first ${formatNumber(state.value.rows.length, textLocale)} are listed`
							: ''}
						. Times in UTC (ISO 8601). Links open the ticket in the helpdesk where its address is known.
					</p>
					{state.value.rows.length > 0 && (
						<div class="table-scroll">
							<table class="drill-rows">
								<thead>
									<tr>
										<th scope="col">{target.metric === 'churn' ? 'Customer' : 'Ticket'}</th>
										<th scope="col">{target.metric === 'churn' ? 'First seen' : noun === 'tickets' ? 'Created' : 'When'}</th>
										{target.metric !== 'churn' && (
											<>
												<th scope="col">Agent</th>
												<th scope="col">Group</th>
												<th scope="col">Priority</th>
												<th scope="col">Status</th>
											</>
										)}
										<th scope="col">{capitalised(state.value.columns.value)}</th>
										{state.value.columns.counted && <th scope="col">{capitalised(state.value.columns.counted)}</th>}
									</tr>
								</thead>
								<tbody>
									{state.value.rows.map((row, index) => (
										<tr key={`${row.key}-${index}`} data-counted={row.counted ?? undefined}>
											<th scope="row">
												{target.metric === 'churn' ? <span title={row.key}>{row.key.slice(0, 16)}</span> : <Key value={row.key} />}
											</th>
											<td>{row.at.slice(0, 16).replace('T', ' ')}</td>
											{target.metric !== 'churn' && (
												<>
													<td>{row.agent ?? '–'}</td>
													<td>{row.group ?? '–'}</td>
													<td>{row.priority ?? '–'}</td>
													<td>{row.status ?? '–'}</td>
												</>
											)}
											<td>{valueText(target.metric, row)}</td>
											{state.value.columns.counted && <td>{row.counted === null ? '–' : row.counted === 1 ? 'yes' : 'no'}</td>}
										</tr>
									))}
								</tbody>
							</table>
						</div>
					)}
				</>
			)}
		</section>
	);
}
