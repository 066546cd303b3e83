import type {KpiQuery} from '../../core/metrics/kpis.ts';
import type {EarlyWarningReport, TemplateEffectiveness} from '../../core/metrics/reports.ts';
import type {MetricsClient} from '../client.ts';
import {formatDuration, formatNumber, formatPercent, formatRatio} from './format.ts';
import {MetricHelp} from './metric-help.tsx';
import {useAsync} from './use-async.ts';

function Report({report}: {report: EarlyWarningReport}) {
	return (
		<>
			<dl class="facts">
				<div data-fact="flags-per-agent-hour"><dt>Flags per agent-hour <MetricHelp metric="flagsPerAgentHour" id="fpah" /></dt><dd>{formatNumber(report.flagsPerAgentHour, 2)}</dd><dd class="kpi-detail">{formatNumber(report.flags)} flags in {formatNumber(report.agentHours)} agent-hours</dd></div>
				<div data-fact="agreement"><dt>Agent agreement <MetricHelp metric="flagAgreement" id="agreement" /></dt><dd>{formatRatio(report.agreement)}</dd><dd class="kpi-detail">{formatNumber(report.agreement.numerator)} of {formatNumber(report.agreement.denominator)} answers</dd></div>
				<div data-fact="escalated"><dt>Escalated tickets</dt><dd>{formatNumber(report.escalated)}</dd><dd class="kpi-detail">of {formatNumber(report.tickets)} tickets</dd></div>
			</dl>
			<div class="table-scroll">
				<table class="levels">
					<caption>Flags against recorded escalations, per level (a level counts flags at it or above)</caption>
					<thead>
						<tr>
							<th scope="col">Level</th>
							<th scope="col">Flagged tickets</th>
							<th scope="col">Then escalated</th>
							<th scope="col">Precision <MetricHelp metric="flagPrecision" id="precision" /></th>
							<th scope="col">Recall <MetricHelp metric="flagRecall" id="recall" /></th>
							<th scope="col">Median lead time <MetricHelp metric="flagLeadTime" id="lead" /></th>
						</tr>
					</thead>
					<tbody>
						{report.levels.map(level => (
							<tr key={level.level} data-level={level.level}>
								<th scope="row">{level.level}</th>
								<td>{formatNumber(level.flagged)}</td>
								<td>{formatNumber(level.truePositives)}</td>
								<td>{formatPercent(level.precision)}</td>
								<td>{formatPercent(level.recall)}</td>
								<td>{formatDuration(level.medianLeadMs)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			{report.byAgent.length > 0 && (
				<div class="table-scroll">
					<table class="agents">
						<caption>Alert budget per agent</caption>
						<thead><tr><th scope="col">Agent</th><th scope="col">Flags</th><th scope="col">Agent-hours</th><th scope="col">Flags per agent-hour</th><th scope="col">Agreement</th></tr></thead>
						<tbody>
							{report.byAgent.map(agent => (
								<tr key={agent.agent}>
									<th scope="row">{agent.agent}</th>
									<td>{formatNumber(agent.flags)}</td>
									<td>{formatNumber(agent.agentHours)}</td>
									<td>{formatNumber(agent.flagsPerAgentHour, 2)}</td>
									<td>{formatRatio(agent.agreement)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</>
	);
}

function Templates({rows}: {rows: TemplateEffectiveness[]}) {
	if (rows.length === 0) {
		return <p class="empty">No tickets in this period.</p>;
	}

	return (
		<div class="table-scroll">
			<table class="templates">
				<caption>Escalation and CSAT after each template, against tickets without one</caption>
				<thead>
					<tr>
						<th scope="col">Template</th>
						<th scope="col">Tickets</th>
						<th scope="col">Escalated afterwards <MetricHelp metric="templateEscalationRate" id="template-escalation" /></th>
						<th scope="col">CSAT afterwards <MetricHelp metric="templateCsat" id="template-csat" /></th>
					</tr>
				</thead>
				<tbody>
					{rows.map(row => (
						<tr key={row.templateId} data-template={row.templateId}>
							<th scope="row">{row.templateId === '(none)' ? 'No template (comparison)' : row.templateId}</th>
							<td>{formatNumber(row.tickets)}</td>
							<td>{formatRatio(row.escalationRate)} <span class="kpi-detail">({formatNumber(row.escalationRate.numerator)}/{formatNumber(row.escalationRate.denominator)})</span></td>
							<td>{formatRatio(row.csat)} <span class="kpi-detail">({formatNumber(row.csat.numerator)}/{formatNumber(row.csat.denominator)})</span></td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

export function EarlyWarning({client, query, version}: {client: MetricsClient; query: KpiQuery; version: number}) {
	const state = useAsync(async () => ({report: await client.earlyWarning(query), templates: await client.templateEffectiveness(query)}), [client, JSON.stringify(query), version]);
	return (
		<section class="panel" aria-labelledby="early-title">
			<h2 id="early-title">How well the early warnings work</h2>
			{state.status === 'done' ? (
				state.value.report.flags === 0 && state.value.report.escalated === 0
					? <p class="empty">No flags or escalations in this period.</p>
					: <Report report={state.value.report} />
			) : state.status === 'error' ? <p class="error" role="alert">{state.error}</p> : <p class="empty" role="status">Computing…</p>}
			<h2>Template effectiveness</h2>
			{state.status === 'done' && <Templates rows={state.value.templates} />}
		</section>
	);
}
