// The headline KPI cards as data: one KpiRow for the period and one for the period before it in,
// values, texts and period-over-period changes out (so the cards stay simple and testable).
import type {SlaMetric} from '../../core/metrics/dataset.ts';
import {slaMetrics} from '../../core/metrics/dataset.ts';
import type {MetricId} from '../../core/metrics/definitions.ts';
import type {DurationMeasure, FcrVariant, KpiRow, Ratio} from '../../core/metrics/kpis.ts';
import {dash, formatDuration, formatNumber, formatPercent} from './format.ts';

/** 'neutral': a change that is neither good nor bad (ticket volume). */
export type Tone = 'better' | 'worse' | 'same' | 'neutral' | 'none';

export type Change = {text: string; tone: Tone};

export type KpiLine = {id: string; label: string; value: number | null; text: string; change: Change};

export type KpiCard = {
	/** Stable id (data-kpi in the page). */
	id: string;
	/** The definition shown by the card's help. */
	metric: MetricId | undefined;
	label: string;
	value: number | null;
	text: string;
	previousText: string;
	change: Change;
	/** What the value is made of, e.g. 'median of 310 tickets · p90 6.1 h'. */
	detail: string;
	lines?: KpiLine[] | undefined;
};

export const slaLabels: Readonly<Record<SlaMetric, string>> = {
	'first-reply': 'First reply',
	'next-reply': 'Next reply',
	'periodic-update': 'Periodic update',
	'requester-wait': 'Requester wait',
	'agent-work': 'Agent work',
	resolution: 'Resolution',
};

export const fcrLabels: Readonly<Record<FcrVariant, string>> = {
	'one-touch': 'one-touch (Zendesk)',
	'no-follow-up': 'no customer follow-up (Freshservice)',
};

type Better = 'lower' | 'higher';

function toneOf(delta: number, better: Better): Tone {
	if (Math.abs(delta) < 1e-9) {
		return 'same';
	}

	return (delta < 0) === (better === 'lower') ? 'better' : 'worse';
}

/** Relative change of a duration: '−12% vs previous'. */
function durationChange(current: number | null, previous: number | null): Change {
	if (current === null || previous === null || previous === 0) {
		return {text: 'no previous data', tone: 'none'};
	}

	const relative = (current - previous) / previous;
	const sign = relative > 0 ? '+' : relative < 0 ? '−' : '±';
	return {text: `${sign}${Math.abs(relative * 100).toFixed(0)}% vs previous`, tone: toneOf(relative, 'lower')};
}

/** Change in percentage points: '+1.2 pp vs previous'. */
function pointChange(current: number | null, previous: number | null, better: Better, unit = 'pp', scale = 100, digits = 1): Change {
	if (current === null || previous === null) {
		return {text: 'no previous data', tone: 'none'};
	}

	const delta = (current - previous) * scale;
	const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
	return {text: `${sign}${Math.abs(delta).toFixed(digits)}${unit ? ` ${unit}` : ''} vs previous`, tone: toneOf(delta, better)};
}

function durationCard(id: string, metric: MetricId, label: string, measure: DurationMeasure, current: KpiRow, previous: KpiRow | undefined): KpiCard {
	const stats = current.durations[measure];
	const before = previous?.durations[measure];
	return {
		id,
		metric,
		label,
		value: stats.median,
		text: formatDuration(stats.median),
		previousText: formatDuration(before?.median),
		change: durationChange(stats.median, before?.median ?? null),
		detail: stats.count === 0 ? 'no tickets measured' : `median of ${formatNumber(stats.count)} · p90 ${formatDuration(stats.p90)}`,
	};
}

function ratioCard(id: string, metric: MetricId, label: string, current: Ratio, previous: Ratio | undefined, better: Better, noun: string): KpiCard {
	return {
		id,
		metric,
		label,
		value: current.value,
		text: formatPercent(current.value),
		previousText: formatPercent(previous?.value),
		change: pointChange(current.value, previous?.value ?? null, better),
		detail: current.denominator === 0 ? `no ${noun} in the period` : `${formatNumber(current.numerator)} of ${formatNumber(current.denominator)} ${noun}`,
	};
}

/** CSAT with its response rate where the source records the surveys it sent. */
function csatCard(current: KpiRow, previous: KpiRow | undefined): KpiCard {
	const card = ratioCard('csat', 'csat', 'CSAT', current.csat, previous?.csat, 'higher', 'rated responses');
	const rate = current.csatResponseRate;
	if (rate.denominator > 0) {
		card.detail += ` · response rate ${formatPercent(rate.value)} (${formatNumber(rate.numerator)} of ${formatNumber(rate.denominator)} surveys sent)`;
	}

	return card;
}

/** Every headline KPI of the period, compared with the previous period of the same length. */
export function kpiCards(current: KpiRow, previous: KpiRow | undefined, fcr: FcrVariant = 'one-touch'): KpiCard[] {
	const slaLines: KpiLine[] = slaMetrics.map(metric => {
		const now = current.sla[metric];
		const before = previous?.sla[metric];
		return {
			id: metric,
			label: slaLabels[metric],
			value: now.value,
			text: now.denominator === 0 ? 'no target' : `${formatPercent(now.value)} (${formatNumber(now.numerator)}/${formatNumber(now.denominator)})`,
			change: pointChange(now.value, before?.value ?? null, 'higher'),
		};
	});
	const applied = slaLines.filter(line => line.value !== null);
	const churn = current.churn;
	return [
		{
			id: 'tickets',
			metric: undefined,
			label: 'Tickets created',
			value: current.tickets,
			text: formatNumber(current.tickets),
			previousText: previous ? formatNumber(previous.tickets) : dash,
			change: previous && previous.tickets > 0 ? {...pointChange(current.tickets, previous.tickets, 'lower', '', 1, 0), tone: 'neutral'} : {text: 'no previous data', tone: 'none'},
			detail: 'in the period, after filters',
		},
		durationCard('first-reply', 'firstReply', 'First reply time', 'firstReply', current, previous),
		durationCard('first-reply-business', 'firstReply', 'First reply time (business hours)', 'firstReplyBusiness', current, previous),
		durationCard('next-reply', 'nextReply', 'Next reply time', 'nextReply', current, previous),
		durationCard('first-resolution', 'firstResolution', 'First resolution time', 'firstResolution', current, previous),
		durationCard('full-resolution', 'fullResolution', 'Full resolution time', 'fullResolution', current, previous),
		ratioCard('resolution-rate', 'resolutionRate', 'Resolution rate', current.resolutionRate, previous?.resolutionRate, 'higher', 'tickets'),
		ratioCard('fcr', 'fcr', `First contact resolution, ${fcrLabels[fcr]}`, current.fcr, previous?.fcr, 'higher', 'resolved tickets'),
		ratioCard('reopen-rate', 'reopenRate', 'Reopen rate', current.reopenRate, previous?.reopenRate, 'lower', 'solved tickets'),
		ratioCard('escalation-rate', 'escalationRate', 'Escalation rate', current.escalationRate, previous?.escalationRate, 'lower', 'tickets'),
		ratioCard('escalation-functional', 'escalationRate', 'Functional escalations (to an expert tier)', current.functionalEscalationRate, previous?.functionalEscalationRate, 'lower', 'tickets'),
		ratioCard('escalation-hierarchical', 'escalationRate', 'Hierarchical escalations (to a supervisor)', current.hierarchicalEscalationRate, previous?.hierarchicalEscalationRate, 'lower', 'tickets'),
		ratioCard('escalation-automatic', 'escalationRate', 'Automatic escalations (SLA rule)', current.automaticEscalationRate, previous?.automaticEscalationRate, 'lower', 'tickets'),
		{
			id: 'sla',
			metric: 'slaCompliance',
			label: 'SLA compliance per target',
			value: applied[0]?.value ?? null,
			text: applied.length === 0 ? dash : `${applied.length} target${applied.length === 1 ? '' : 's'}`,
			previousText: '',
			change: {text: '', tone: 'none'},
			detail: applied.length === 0 ? 'no SLA targets applied in the period' : 'achieved / (achieved + breached)',
			lines: slaLines,
		},
		csatCard(current, previous),
		{
			id: 'nps',
			metric: 'nps',
			label: 'NPS',
			value: current.nps.score,
			text: current.nps.score === null ? dash : formatNumber(current.nps.score, 1),
			previousText: previous?.nps.score === null || previous === undefined ? dash : formatNumber(previous.nps.score, 1),
			change: pointChange(current.nps.score, previous?.nps.score ?? null, 'higher', 'points', 1),
			detail: current.nps.responses === 0 ? 'no responses in the period' : `${formatNumber(current.nps.promoters)} promoters, ${formatNumber(current.nps.detractors)} detractors of ${formatNumber(current.nps.responses)}`,
		},
		{
			id: 'ces',
			metric: 'ces',
			label: 'CES (1–7, higher is easier)',
			value: current.ces.mean,
			text: current.ces.mean === null ? dash : formatNumber(current.ces.mean, 2),
			previousText: previous?.ces.mean === null || previous === undefined ? dash : formatNumber(previous.ces.mean, 2),
			change: pointChange(current.ces.mean, previous?.ces.mean ?? null, 'higher', '', 1, 2),
			detail: current.ces.responses === 0 ? 'no responses in the period' : `mean of ${formatNumber(current.ces.responses)} responses`,
		},
		churn
			? ratioCard('churn', 'churn', 'Customer churn', churn, previous?.churn ?? undefined, 'lower', 'customers at the start')
			: {id: 'churn', metric: 'churn', label: 'Customer churn', value: null, text: dash, previousText: dash, change: {text: '', tone: 'none'}, detail: 'not available for this grouping'},
	];
}
