import type {Comparison, Estimate, LeadTimeDistribution} from '../../core/metrics/effectiveness.ts';
import {minimumSample} from '../../core/metrics/effectiveness.ts';
import type {KpiQuery} from '../../core/metrics/kpis.ts';
import type {EarlyWarningReport, TemplateEffectiveness} from '../../core/metrics/reports.ts';
import type {MetricsClient} from '../client.ts';
import type {OnDrill} from './kpi-cards.tsx';
import {dash, formatDecimalDuration, formatNumber, formatPercent, formatRatio, formatSigned, textLocale} from '../../core/format.ts';
import {MetricHelp} from './metric-help.tsx';
import type {TemplateNames} from './template-names.ts';
import {libraryTemplateNames, templateName} from './template-names.ts';
import {useAsync} from './use-async.ts';

/** '52.0% (44.1–59.8%)', the 95% interval in brackets. */
function EstimateText({estimate}: {estimate: Estimate}) {
	return (
		<>
			{formatPercent(estimate.value, textLocale)}
			{estimate.interval && (
				<span class="kpi-detail">
					{' '}
					({formatPercent(estimate.interval.low, textLocale)}–{formatPercent(estimate.interval.high, textLocale)}, n ={' '}
					{formatNumber(estimate.denominator, textLocale)})
				</span>
			)}
		</>
	);
}

function LeadTime({lead}: {lead: LeadTimeDistribution}) {
	if (lead.count === 0) {
		return <>{dash}</>;
	}

	return (
		<>
			{formatDecimalDuration(lead.median, textLocale)}{' '}
			<span class="kpi-detail">
				(middle half {formatDecimalDuration(lead.p25, textLocale)}–{formatDecimalDuration(lead.p75, textLocale)};{' '}
				{lead.bands
					.filter(band => band.count > 0)
					.map(band => `${band.label}: ${band.count}`)
					.join(', ')}
				)
			</span>
		</>
	);
}

/** What a comparison says, in words: which way and whether it is clear. */
function verdictOf(comparison: Comparison, outcome: 'escalation' | 'csat'): string {
	switch (comparison.verdict) {
		case 'too-few': {
			return `too few to tell (fewer than ${minimumSample} ${outcome === 'csat' ? 'rated responses' : 'tickets'} on a side)`;
		}

		case 'no-clear-difference': {
			return 'no clear difference';
		}

		case 'lower': {
			return outcome === 'csat' ? 'lower CSAT than comparable tickets' : 'fewer escalations than comparable tickets';
		}

		default: {
			return outcome === 'csat' ? 'higher CSAT than comparable tickets' : 'more escalations than comparable tickets';
		}
	}
}

function ComparisonCell({comparison, outcome}: {comparison: Comparison; outcome: 'escalation' | 'csat'}) {
	const {difference} = comparison;
	const good = outcome === 'csat' ? 'higher' : 'lower';
	const tone =
		comparison.verdict === 'too-few' || comparison.verdict === 'no-clear-difference'
			? 'same'
			: comparison.verdict === good
				? 'better'
				: 'worse';
	return (
		<td data-verdict={comparison.verdict}>
			<EstimateText estimate={comparison.treated} /> vs {formatPercent(comparison.comparable.value, textLocale)}
			<span class="kpi-detail">
				{' '}
				({formatNumber(comparison.comparable.count, textLocale)} comparable
				{comparison.unmatched > 0 ? `; ${formatNumber(comparison.unmatched, textLocale)} without a comparable ticket left out` : ''})
			</span>
			<br />
			<span class={`change ${tone}`}>
				{difference.value === null
					? verdictOf(comparison, outcome)
					: `${formatSigned(difference.value * 100, textLocale)} pp (${signedPoints(difference.interval?.low)} to ${signedPoints(difference.interval?.high)}): ${verdictOf(comparison, outcome)}`}
			</span>
		</td>
	);
}

const signedPoints = (value: number | undefined) => formatSigned(value === undefined ? undefined : value * 100, textLocale);

function Report({report, query, onDrill}: {report: EarlyWarningReport; query: KpiQuery; onDrill?: OnDrill | undefined}) {
	const ignored = Object.entries(query.filters ?? {})
		.filter(([field, values]) => field !== 'agent' && (values?.length ?? 0) > 0)
		.map(([field]) => field);
	return (
		<>
			{ignored.length > 0 && (
				<p class="kpi-note" data-role="filter-note">
					Flags per agent-hour and agreement follow the agent filter only (an agent-hour has no {ignored.join(', ')}); precision, recall and
					lead times follow every filter.
				</p>
			)}
			<dl class="facts">
				<div data-fact="flags-per-agent-hour">
					<dt>
						Flags per agent-hour <MetricHelp metric="flagsPerAgentHour" id="fpah" />
					</dt>
					<dd>{formatNumber(report.flagsPerAgentHour, textLocale, 2)}</dd>
					<dd class="kpi-detail">
						{formatNumber(report.flags, textLocale)} flags in {formatNumber(report.agentHours, textLocale)} agent-hours
					</dd>
				</div>
				<div data-fact="agreement">
					<dt>
						Agent agreement <MetricHelp metric="flagAgreement" id="agreement" />
					</dt>
					<dd>{formatRatio(report.agreement, textLocale)}</dd>
					<dd class="kpi-detail">
						{formatNumber(report.agreement.numerator, textLocale)} of {formatNumber(report.agreement.denominator, textLocale)} answers
					</dd>
				</div>
				<div data-fact="escalated">
					<dt>Escalated tickets</dt>
					<dd>{formatNumber(report.escalated, textLocale)}</dd>
					<dd class="kpi-detail">of {formatNumber(report.tickets, textLocale)} tickets</dd>
				</div>
			</dl>
			<div class="table-scroll">
				<table class="levels">
					<caption>Flags against recorded escalations, per level (a level counts flags at it or above); 95% intervals in brackets</caption>
					<thead>
						<tr>
							<th scope="col">Level</th>
							<th scope="col">Flagged tickets</th>
							<th scope="col">Then escalated</th>
							<th scope="col">
								Precision <MetricHelp metric="flagPrecision" id="precision" />
							</th>
							<th scope="col">
								Recall <MetricHelp metric="flagRecall" id="recall" />
							</th>
							<th scope="col">
								Lead time, median <MetricHelp metric="flagLeadTime" id="lead" />
							</th>
						</tr>
					</thead>
					<tbody>
						{report.levels.map(level => (
							<tr key={level.level} data-level={level.level} data-too-few={level.tooFew}>
								<th scope="row">
									{level.level}
									{level.tooFew && <span class="kpi-detail"> (too few to tell: under {minimumSample} flagged or escalated tickets)</span>}
								</th>
								<td>
									{onDrill && level.flagged > 0 ? (
										<button
											type="button"
											class="link cell"
											data-drill={`flagged:${level.level}`}
											onClick={() => onDrill(`flagged:${level.level}`, `Flagged ${level.level} or above`)}
										>
											{formatNumber(level.flagged, textLocale)}
										</button>
									) : (
										formatNumber(level.flagged, textLocale)
									)}
								</td>
								<td>{formatNumber(level.truePositives, textLocale)}</td>
								<td>
									<EstimateText estimate={level.precision} />
								</td>
								<td>
									<EstimateText estimate={level.recall} />
								</td>
								<td>
									<LeadTime lead={level.leadTime} />
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			{report.byAgent.length > 0 && (
				<div class="table-scroll">
					<table class="agents">
						<caption>Alert budget per agent</caption>
						<thead>
							<tr>
								<th scope="col">Agent</th>
								<th scope="col">Flags</th>
								<th scope="col">Agent-hours</th>
								<th scope="col">Flags per agent-hour</th>
								<th scope="col">Agreement</th>
							</tr>
						</thead>
						<tbody>
							{report.byAgent.map(agent => (
								<tr key={agent.agent}>
									<th scope="row">{agent.agent}</th>
									<td>{formatNumber(agent.flags, textLocale)}</td>
									<td>{formatNumber(agent.agentHours, textLocale)}</td>
									<td>{formatNumber(agent.flagsPerAgentHour, textLocale, 2)}</td>
									<td>{formatRatio(agent.agreement, textLocale)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</>
	);
}

function Templates({rows, names, onDrill}: {rows: TemplateEffectiveness[]; names: TemplateNames; onDrill?: OnDrill | undefined}) {
	if (rows.length === 0) {
		return <p class="empty">No template was used on tickets created in this period.</p>;
	}

	return (
		<div class="table-scroll">
			<table class="templates">
				<caption>
					After each template, against comparable tickets that got none: the same risk level and trigger, counted from the same point (the
					template's first use; for the others, the moment their risk reached that level). 95% intervals in brackets.
				</caption>
				<thead>
					<tr>
						<th scope="col">Template</th>
						<th scope="col">Tickets</th>
						<th scope="col">
							Escalated afterwards <MetricHelp metric="templateEscalationRate" id="template-escalation" />
						</th>
						<th scope="col">
							CSAT afterwards <MetricHelp metric="templateCsat" id="template-csat" />
						</th>
					</tr>
				</thead>
				<tbody>
					{rows.map(row => (
						<tr key={row.templateId} data-template={row.templateId}>
							<th scope="row">{templateName(row.templateId, names)}</th>
							<td>
								{onDrill ? (
									<button
										type="button"
										class="link cell"
										data-drill={`template:${row.templateId}`}
										onClick={() => onDrill(`template:${row.templateId}`, templateName(row.templateId, names))}
									>
										{formatNumber(row.tickets, textLocale)}
									</button>
								) : (
									formatNumber(row.tickets, textLocale)
								)}
							</td>
							<ComparisonCell comparison={row.escalation} outcome="escalation" />
							<ComparisonCell comparison={row.csatComparison} outcome="csat" />
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

export function EarlyWarning({
	client,
	query,
	version,
	templateNames = libraryTemplateNames,
	onDrill,
}: {
	client: MetricsClient;
	query: KpiQuery;
	version: number;
	templateNames?: TemplateNames | undefined;
	onDrill?: OnDrill | undefined;
}) {
	const state = useAsync(
		async () => ({report: await client.earlyWarning(query), templates: await client.templateEffectiveness(query)}),
		[client, JSON.stringify(query), version],
	);
	return (
		<section class="panel" aria-labelledby="early-title">
			<h2 id="early-title">How well the early warnings work</h2>
			{state.status === 'done' ? (
				state.value.report.flags === 0 && state.value.report.escalated === 0 ? (
					<p class="empty">No flags or escalations in this period.</p>
				) : (
					<Report report={state.value.report} query={query} onDrill={onDrill} />
				)
			) : state.status === 'error' ? (
				<p class="error" role="alert">
					{state.error}
				</p>
			) : (
				<p class="empty" role="status">
					Computing…
				</p>
			)}
			<h2>Template effectiveness</h2>
			{state.status === 'done' && <Templates rows={state.value.templates} names={templateNames} onDrill={onDrill} />}
		</section>
	);
}
