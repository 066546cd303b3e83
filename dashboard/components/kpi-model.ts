// The headline KPI cards as data: one KpiRow for the period and one for the period before it in,
// values, texts and period-over-period changes out (so the cards stay simple and testable).
import type {SlaMetric} from '../../core/metrics/dataset.ts';
import {slaMetrics} from '../../core/metrics/dataset.ts';
import type {MetricId} from '../../core/metrics/definitions.ts';
import {minimumSample} from '../../core/metrics/effectiveness.ts';
import type {DurationMeasure, FcrVariant, FilterField, KpiRow, Ratio} from '../../core/metrics/kpis.ts';
import type {Completeness} from '../../core/metrics/periods.ts';
import type {DrillMetric} from '../worker/drill.ts';
import {dash, formatDecimalDuration, formatNumber, formatPercent, formatSigned, textLocale} from '../../core/format.ts';

/** 'neutral': a change that is neither good nor bad (ticket volume). */
export type Tone = 'better' | 'worse' | 'same' | 'neutral' | 'none';

export type Change = {text: string; tone: Tone};

export type KpiLine = {id: string; label: string; value: number | null; text: string; change: Change; drill?: DrillMetric | undefined};

/** What the cards need to know besides the numbers. */
export type CardContext = {
	/** Whether the period's tickets are all settled (core/metrics/periods.ts). @default 'complete' */
	completeness?: Completeness | undefined;
	/** The last settled day, for the note. */
	settledThrough?: string | undefined;
	/** Active ticket filters: cards that cannot apply them say so. */
	filtered?: readonly FilterField[] | undefined;
	/** @default minimumSample */
	minimum?: number | undefined;
};

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
	/** A caveat shown on the card: an incomplete period, a filter it ignores, too few to tell. */
	note?: string | undefined;
	/** The rows behind the number. */
	drill?: DrillMetric | undefined;
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

	return delta < 0 === (better === 'lower') ? 'better' : 'worse';
}

/** Relative change of a duration: '−12% vs previous'. */
function durationChange(current: number | null, previous: number | null): Change {
	if (current === null || previous === null || previous === 0) {
		return {text: 'no previous data', tone: 'none'};
	}

	const relative = (current - previous) / previous;
	return {text: `${formatSigned(relative * 100, textLocale, 0)}% vs previous`, tone: toneOf(relative, 'lower')};
}

/** Change in percentage points: '+1.2 pp vs previous'. */
function pointChange(current: number | null, previous: number | null, better: Better, unit = 'pp', scale = 100, digits = 1): Change {
	if (current === null || previous === null) {
		return {text: 'no previous data', tone: 'none'};
	}

	const delta = (current - previous) * scale;
	return {text: `${formatSigned(delta, textLocale, digits)}${unit ? ` ${unit}` : ''} vs previous`, tone: toneOf(delta, better)};
}

/** Too few on either side: the change is not coloured, and the card says why. */
function sampleCheck(card: KpiCard, current: number, previous: number | undefined, noun: string, minimum: number): KpiCard {
	if (current > 0 && current < minimum) {
		card.change = {text: `too few to compare (${formatNumber(current, textLocale)} ${noun})`, tone: 'none'};
		card.note = `Only ${formatNumber(current, textLocale)} ${noun}: too few to tell (a change is judged from ${minimum}).`;
	} else if (previous !== undefined && previous > 0 && previous < minimum && card.change.tone !== 'none') {
		card.change = {...card.change, tone: 'same'};
		card.note = `The previous period has only ${formatNumber(previous, textLocale)} ${noun}: the change is not judged.`;
	}

	return card;
}

function durationCard(
	id: string,
	metric: MetricId,
	label: string,
	measure: DurationMeasure,
	current: KpiRow,
	previous: KpiRow | undefined,
	minimum: number,
): KpiCard {
	const stats = current.durations[measure];
	const before = previous?.durations[measure];
	return sampleCheck(
		{
			id,
			metric,
			label,
			value: stats.median,
			text: formatDecimalDuration(stats.median, textLocale),
			previousText: formatDecimalDuration(before?.median, textLocale),
			change: durationChange(stats.median, before?.median ?? null),
			detail:
				stats.count === 0
					? 'no tickets measured'
					: `median of ${formatNumber(stats.count, textLocale)} · p90 ${formatDecimalDuration(stats.p90, textLocale)}`,
		},
		stats.count,
		before?.count,
		stats.count === 1 ? 'value' : 'values',
		minimum,
	);
}

function ratioCard(
	id: string,
	metric: MetricId,
	label: string,
	current: Ratio,
	previous: Ratio | undefined,
	better: Better,
	noun: string,
	minimum: number,
): KpiCard {
	return sampleCheck(
		{
			id,
			metric,
			label,
			value: current.value,
			text: formatPercent(current.value, textLocale),
			previousText: formatPercent(previous?.value, textLocale),
			change: pointChange(current.value, previous?.value ?? null, better),
			detail:
				current.denominator === 0
					? `no ${noun} in the period`
					: `${formatNumber(current.numerator, textLocale)} of ${formatNumber(current.denominator, textLocale)} ${noun}`,
		},
		current.denominator,
		previous?.denominator,
		noun,
		minimum,
	);
}

/** CSAT with its response rate where the source records the surveys it sent. */
function csatCard(current: KpiRow, previous: KpiRow | undefined, minimum: number): KpiCard {
	const card = ratioCard('csat', 'csat', 'CSAT', current.csat, previous?.csat, 'higher', 'rated responses', minimum);
	const rate = current.csatResponseRate;
	if (rate.denominator > 0) {
		card.detail += ` · response rate ${formatPercent(rate.value, textLocale)} (${formatNumber(rate.numerator, textLocale)} of ${formatNumber(rate.denominator, textLocale)} surveys sent)`;
	}

	return card;
}

const drillOf: Readonly<Record<string, DrillMetric>> = {
	tickets: 'tickets',
	'first-reply': 'firstReply',
	'first-reply-business': 'firstReplyBusiness',
	'next-reply': 'nextReply',
	'first-resolution': 'firstResolution',
	'full-resolution': 'fullResolution',
	'resolution-rate': 'resolutionRate',
	fcr: 'fcr',
	'reopen-rate': 'reopenRate',
	'escalation-rate': 'escalationRate',
	'escalation-functional': 'functionalEscalationRate',
	'escalation-hierarchical': 'hierarchicalEscalationRate',
	'escalation-automatic': 'automaticEscalationRate',
	csat: 'csat',
	nps: 'nps',
	ces: 'ces',
	churn: 'churn',
};

/** Cards whose tickets are counted on their creation day: their values move until those tickets are settled. */
const cohortCards = new Set([
	'first-reply',
	'first-reply-business',
	'first-resolution',
	'full-resolution',
	'resolution-rate',
	'fcr',
	'reopen-rate',
	'escalation-rate',
	'escalation-functional',
	'escalation-hierarchical',
	'escalation-automatic',
	'sla',
]);

/** Every headline KPI of the period, compared with the previous period of the same length. */
export function kpiCards(
	current: KpiRow,
	previous: KpiRow | undefined,
	fcr: FcrVariant = 'one-touch',
	context: CardContext = {},
): KpiCard[] {
	const minimum = context.minimum ?? minimumSample;
	const slaLines: KpiLine[] = slaMetrics.map(metric => {
		const now = current.sla[metric];
		const before = previous?.sla[metric];
		const few = now.denominator < minimum || (before !== undefined && before.denominator > 0 && before.denominator < minimum);
		const change = pointChange(now.value, before?.value ?? null, 'higher');
		return {
			id: metric,
			label: slaLabels[metric],
			value: now.value,
			text:
				now.denominator === 0
					? 'no target'
					: `${formatPercent(now.value, textLocale)} (${formatNumber(now.numerator, textLocale)}/${formatNumber(now.denominator, textLocale)})`,
			change: few && now.denominator > 0 ? {text: 'too few to compare', tone: 'none'} : change,
			drill: `sla:${metric}`,
		};
	});
	const applied = slaLines.filter(line => line.value !== null);
	const churn = current.churn;
	const npsCard = sampleCheck(
		{
			id: 'nps',
			metric: 'nps',
			label: 'NPS',
			value: current.nps.score,
			text: current.nps.score === null ? dash : formatNumber(current.nps.score, textLocale, 1),
			previousText: previous?.nps.score === null || previous === undefined ? dash : formatNumber(previous.nps.score, textLocale, 1),
			change: pointChange(current.nps.score, previous?.nps.score ?? null, 'higher', 'points', 1),
			detail:
				current.nps.responses === 0
					? 'no responses in the period'
					: `${formatNumber(current.nps.promoters, textLocale)} promoters, ${formatNumber(current.nps.detractors, textLocale)} detractors of ${formatNumber(current.nps.responses, textLocale)}`,
		},
		current.nps.responses,
		previous?.nps.responses,
		'responses',
		minimum,
	);
	const cesCard = sampleCheck(
		{
			id: 'ces',
			metric: 'ces',
			label: 'CES (1–7, higher is easier)',
			value: current.ces.mean,
			text: current.ces.mean === null ? dash : formatNumber(current.ces.mean, textLocale, 2),
			previousText: previous?.ces.mean === null || previous === undefined ? dash : formatNumber(previous.ces.mean, textLocale, 2),
			change: pointChange(current.ces.mean, previous?.ces.mean ?? null, 'higher', '', 1, 2),
			detail:
				current.ces.responses === 0 ? 'no responses in the period' : `mean of ${formatNumber(current.ces.responses, textLocale)} responses`,
		},
		current.ces.responses,
		previous?.ces.responses,
		'responses',
		minimum,
	);
	const churnCard: KpiCard = churn
		? ratioCard('churn', 'churn', 'Customer churn', churn, previous?.churn ?? undefined, 'lower', 'customers at the start', minimum)
		: {
				id: 'churn',
				metric: 'churn',
				label: 'Customer churn',
				value: null,
				text: dash,
				previousText: dash,
				change: {text: '', tone: 'none'},
				detail: 'not available for this grouping',
			};
	if ((context.filtered?.length ?? 0) > 0) {
		churnCard.note = `Not filtered by ${context.filtered!.join(', ')}: churn counts the whole team's customers (a customer has no single agent, group or priority).`;
	}

	const cards: KpiCard[] = [
		{
			id: 'tickets',
			metric: undefined,
			label: 'Tickets created',
			value: current.tickets,
			text: formatNumber(current.tickets, textLocale),
			previousText: previous ? formatNumber(previous.tickets, textLocale) : dash,
			change:
				previous && previous.tickets > 0
					? {...pointChange(current.tickets, previous.tickets, 'lower', '', 1, 0), tone: 'neutral'}
					: {text: 'no previous data', tone: 'none'},
			detail: 'in the period, after filters',
		},
		durationCard('first-reply', 'firstReply', 'First reply time', 'firstReply', current, previous, minimum),
		durationCard(
			'first-reply-business',
			'firstReply',
			'First reply time (business hours)',
			'firstReplyBusiness',
			current,
			previous,
			minimum,
		),
		durationCard('next-reply', 'nextReply', 'Next reply time', 'nextReply', current, previous, minimum),
		durationCard('first-resolution', 'firstResolution', 'First resolution time', 'firstResolution', current, previous, minimum),
		durationCard('full-resolution', 'fullResolution', 'Full resolution time', 'fullResolution', current, previous, minimum),
		ratioCard(
			'resolution-rate',
			'resolutionRate',
			'Resolution rate',
			current.resolutionRate,
			previous?.resolutionRate,
			'higher',
			'tickets',
			minimum,
		),
		ratioCard(
			'fcr',
			'fcr',
			`First contact resolution, ${fcrLabels[fcr]}`,
			current.fcr,
			previous?.fcr,
			'higher',
			'resolved tickets',
			minimum,
		),
		ratioCard('reopen-rate', 'reopenRate', 'Reopen rate', current.reopenRate, previous?.reopenRate, 'lower', 'solved tickets', minimum),
		ratioCard(
			'escalation-rate',
			'escalationRate',
			'Escalation rate',
			current.escalationRate,
			previous?.escalationRate,
			'lower',
			'tickets',
			minimum,
		),
		ratioCard(
			'escalation-functional',
			'escalationRate',
			'Functional escalations (to an expert tier)',
			current.functionalEscalationRate,
			previous?.functionalEscalationRate,
			'lower',
			'tickets',
			minimum,
		),
		ratioCard(
			'escalation-hierarchical',
			'escalationRate',
			'Hierarchical escalations (to a supervisor)',
			current.hierarchicalEscalationRate,
			previous?.hierarchicalEscalationRate,
			'lower',
			'tickets',
			minimum,
		),
		ratioCard(
			'escalation-automatic',
			'escalationRate',
			'Automatic escalations (SLA rule)',
			current.automaticEscalationRate,
			previous?.automaticEscalationRate,
			'lower',
			'tickets',
			minimum,
		),
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
		csatCard(current, previous, minimum),
		npsCard,
		cesCard,
		churnCard,
	];
	for (const card of cards) {
		card.drill = drillOf[card.id];
	}

	const completeness = context.completeness ?? 'complete';
	if (completeness !== 'complete') {
		const why =
			completeness === 'partial'
				? 'the period runs past the last day with data'
				: `tickets created after ${context.settledThrough ?? 'the last settled day'} are still being worked on`;
		for (const card of cards) {
			if (cohortCards.has(card.id)) {
				// Not final yet: no colour for the change, and the card says so.
				card.change = {...card.change, tone: card.change.tone === 'none' ? 'none' : 'same'};
				card.lines = card.lines?.map(line => ({...line, change: {...line.change, tone: line.change.tone === 'none' ? 'none' : 'same'}}));
				card.note = `Not final: ${why}.${card.note ? ` ${card.note}` : ''}`;
			}
		}
	}

	return cards;
}
