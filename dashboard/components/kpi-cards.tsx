import type {FcrVariant, KpiRow} from '../../core/metrics/kpis.ts';
import type {DrillMetric} from '../worker/drill.ts';
import type {CardContext, KpiCard} from './kpi-model.ts';
import {kpiCards} from './kpi-model.ts';
import {MetricHelp} from './metric-help.tsx';

export type OnDrill = (metric: DrillMetric, label: string) => void;

/** What a card's drill-down lists. */
function drillRows(drill: string): string {
	return drill === 'churn'
		? 'customers'
		: ['csat', 'nps', 'ces'].includes(drill)
			? 'responses'
			: drill === 'nextReply'
				? 'replies'
				: 'tickets';
}

function Card({card, onDrill}: {card: KpiCard; onDrill?: OnDrill | undefined}) {
	const headingId = `kpi-${card.id}-label`;
	return (
		<article
			class="kpi"
			data-kpi={card.id}
			data-value={card.value ?? ''}
			data-noted={card.note ? 'yes' : undefined}
			aria-labelledby={headingId}
		>
			<header>
				<h3 id={headingId}>{card.label}</h3>
				{card.metric && <MetricHelp metric={card.metric} id={card.id} />}
			</header>
			{card.lines ? (
				<table class="kpi-lines">
					<tbody>
						{card.lines.map(line => (
							<tr key={line.id} data-sla={line.id} data-value={line.value ?? ''}>
								<th scope="row">
									{onDrill && line.drill && line.value !== null ? (
										<button
											type="button"
											class="link"
											data-drill={line.drill}
											onClick={() => onDrill(line.drill!, `SLA ${line.label.toLowerCase()}`)}
										>
											{line.label}
										</button>
									) : (
										line.label
									)}
								</th>
								<td>{line.text}</td>
								<td class={`change ${line.change.tone}`}>{line.value === null ? '' : line.change.text.replace(' vs previous', '')}</td>
							</tr>
						))}
					</tbody>
				</table>
			) : (
				<>
					<p class="kpi-value" data-role="value">
						{card.text}
					</p>
					<p class={`change ${card.change.tone}`}>
						{card.change.text}
						{card.change.tone === 'none' ? '' : ` (${card.previousText})`}
					</p>
				</>
			)}
			<p class="kpi-detail">{card.detail}</p>
			{card.note && (
				<p class="kpi-note" data-role="note">
					{card.note}
				</p>
			)}
			{onDrill && card.drill && card.value !== null && !card.lines && (
				// The accessible name starts with the visible words (voice control users say what they see).
				<button
					type="button"
					class="link drill-button"
					data-drill={card.drill}
					aria-label={`Show the ${drillRows(card.drill)} behind ${card.label}`}
					onClick={() => onDrill(card.drill!, card.label)}
				>
					Show the {drillRows(card.drill)}
				</button>
			)}
		</article>
	);
}

/** The headline KPIs of the period, each against the previous period of the same length. */
export function KpiCards({
	current,
	previous,
	fcr,
	context,
	onDrill,
}: {
	current: KpiRow;
	previous: KpiRow | undefined;
	fcr: FcrVariant;
	context?: CardContext | undefined;
	onDrill?: OnDrill | undefined;
}) {
	return (
		<div class="kpi-grid">
			{kpiCards(current, previous, fcr, context).map(card => (
				<Card key={card.id} card={card} onDrill={onDrill} />
			))}
		</div>
	);
}
