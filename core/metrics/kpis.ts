// The KPI report shape of the metric SQL (dashboard/worker/queries.ts), and the helpers its shaper
// shares with the JavaScript cross-check kept under test/cross-check/: same query in, same rows out.
import type {SlaMetric} from './dataset.ts';
import {slaMetrics} from './dataset.ts';
import {dayKeyToIso, isoDayToKey, monthKeyToIso} from './time.ts';

export type TimeGrain = 'day' | 'week' | 'month';
export type Dimension = 'helpdesk' | 'agent' | 'group' | 'priority' | 'channel' | 'trigger' | 'theme' | 'escalation-type';
export type GroupBy = 'none' | TimeGrain | Dimension;
export const timeGrains: readonly TimeGrain[] = ['day', 'week', 'month'];
export const dimensions: readonly Dimension[] = [
	'helpdesk',
	'agent',
	'group',
	'priority',
	'channel',
	'trigger',
	'theme',
	'escalation-type',
];
export const groupings: readonly GroupBy[] = ['none', ...timeGrains, ...dimensions];

/** 'one-touch': solved with fewer than 2 public agent replies (Zendesk). 'no-follow-up': solved without any customer message after the one that opened the ticket (Freshservice). */
export type FcrVariant = 'one-touch' | 'no-follow-up';
/** Which CSAT scores (1..5) are good and which are bad. 'top-2': 4-5 good, 1-3 bad. 'top-1': 5 good, 1-4 bad. 'exclude-neutral': 4-5 good, 1-2 bad, 3 left out. */
export type CsatRule = 'top-2' | 'top-1' | 'exclude-neutral';

export type FilterField = 'helpdesk' | 'agent' | 'group' | 'priority' | 'channel';
export const filterFields: readonly FilterField[] = ['helpdesk', 'agent', 'group', 'priority', 'channel'];
export type KpiFilters = Partial<Record<FilterField, string[]>>;

export type KpiQuery = {
	/** First local day, 'YYYY-MM-DD', inclusive. Default: no lower bound. */
	from?: string | undefined;
	/** Last local day, 'YYYY-MM-DD', inclusive. Default: no upper bound. */
	to?: string | undefined;
	/** @default 'none' */
	groupBy?: GroupBy | undefined;
	filters?: KpiFilters | undefined;
	/** @default 'one-touch' */
	fcr?: FcrVariant | undefined;
	/** @default 'top-2' */
	csat?: CsatRule | undefined;
};

export type Stats = {count: number; mean: number | null; median: number | null; p90: number | null};
export type Ratio = {numerator: number; denominator: number; value: number | null};
export type Nps = {responses: number; promoters: number; detractors: number; score: number | null};
export type Ces = {responses: number; mean: number | null};

export type DurationMeasure =
	| 'firstReply'
	| 'firstReplyBusiness'
	| 'nextReply'
	| 'nextReplyBusiness'
	| 'firstResolution'
	| 'firstResolutionBusiness'
	| 'fullResolution'
	| 'fullResolutionBusiness';
export const durationMeasures: readonly DurationMeasure[] = [
	'firstReply',
	'firstReplyBusiness',
	'nextReply',
	'nextReplyBusiness',
	'firstResolution',
	'firstResolutionBusiness',
	'fullResolution',
	'fullResolutionBusiness',
];

/** One group's KPIs. Durations are milliseconds. */
export type KpiRow = {
	/** 'all', a day 'YYYY-MM-DD', a week's Monday, a month 'YYYY-MM', or a dimension value ('(none)' when unset). */
	group: string;
	tickets: number;
	durations: Record<DurationMeasure, Stats>;
	resolutionRate: Ratio;
	reopenRate: Ratio;
	/** The selected FCR variant; both are in fcrOneTouch / fcrNoFollowUp. */
	fcr: Ratio;
	fcrOneTouch: Ratio;
	fcrNoFollowUp: Ratio;
	escalationRate: Ratio;
	functionalEscalationRate: Ratio;
	hierarchicalEscalationRate: Ratio;
	automaticEscalationRate: Ratio;
	sla: Record<SlaMetric, Ratio>;
	csat: Ratio;
	/** CSAT surveys answered / offered, over sources that record offers (helpdesk exports); 0/0 when none do. */
	csatResponseRate: Ratio;
	nps: Nps;
	ces: Ces;
	/** Customers lost in the period / customers at its start. Only for 'none' and time grains. */
	churn: Ratio | null;
};

export const noneGroup = '(none)';
export const allGroup = 'all';

export function ratio(numerator: number, denominator: number): Ratio {
	return {numerator, denominator, value: denominator > 0 ? numerator / denominator : null};
}

export function npsOf(responses: number, promoters: number, detractors: number): Nps {
	return {responses, promoters, detractors, score: responses > 0 ? ((promoters - detractors) * 100) / responses : null};
}

export function emptyStats(): Stats {
	return {count: 0, mean: null, median: null, p90: null};
}

export function emptyKpiRow(group: string, withChurn: boolean): KpiRow {
	const durations = {} as Record<DurationMeasure, Stats>;
	for (const measure of durationMeasures) {
		durations[measure] = emptyStats();
	}

	const sla = {} as Record<SlaMetric, Ratio>;
	for (const metric of slaMetrics) {
		sla[metric] = ratio(0, 0);
	}

	return {
		group,
		tickets: 0,
		durations,
		resolutionRate: ratio(0, 0),
		reopenRate: ratio(0, 0),
		fcr: ratio(0, 0),
		fcrOneTouch: ratio(0, 0),
		fcrNoFollowUp: ratio(0, 0),
		escalationRate: ratio(0, 0),
		functionalEscalationRate: ratio(0, 0),
		hierarchicalEscalationRate: ratio(0, 0),
		automaticEscalationRate: ratio(0, 0),
		sla,
		csat: ratio(0, 0),
		csatResponseRate: ratio(0, 0),
		nps: npsOf(0, 0, 0),
		ces: {responses: 0, mean: null},
		churn: withChurn ? ratio(0, 0) : null,
	};
}

/** Linear interpolation between closest ranks (DuckDB quantile_cont, "type 7"); `sorted` ascending. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number | null {
	if (sorted.length === 0) {
		return null;
	}

	const position = (sorted.length - 1) * q;
	const low = Math.floor(position);
	const high = Math.ceil(position);
	const lowValue = sorted[low]!;
	return lowValue + (position - low) * (sorted[high]! - lowValue);
}

export function statsOf(values: readonly number[]): Stats {
	return statsOfValues(Float64Array.from(values));
}

/**
 * Rearranges values[left..right] so that values[k] is the k-th smallest, smaller ones before it,
 * larger after. Quickselect with Floyd and Rivest's pivot: in a long range, k is first selected
 * within a window around it (a sample of the range, as the values come in no particular order), so
 * the value partitioned on is close to the k-th and each pass discards most of the range (about half
 * the comparisons of a middle-element pivot on a million values).
 */
function selectKth(values: Float64Array, k: number, left: number, right: number): void {
	let low = left;
	let high = right;
	while (high > low) {
		const length = high - low + 1;
		if (length > 600) {
			const rank = k - low + 1;
			const log = Math.log(length);
			const window = 0.5 * Math.exp((2 * log) / 3);
			const spread = 0.5 * Math.sqrt((log * window * (length - window)) / length) * Math.sign(rank - length / 2);
			selectKth(
				values,
				k,
				Math.max(low, Math.floor(k - (rank * window) / length + spread)),
				Math.min(high, Math.floor(k + ((length - rank) * window) / length + spread)),
			);
		}

		const pivot = values[k]!;
		let i = low;
		let j = high;
		while (i <= j) {
			while (values[i]! < pivot) {
				i++;
			}

			while (values[j]! > pivot) {
				j--;
			}

			if (i <= j) {
				const swap = values[i]!;
				values[i] = values[j]!;
				values[j] = swap;
				i++;
				j--;
			}
		}

		if (k <= j) {
			high = j;
		} else if (k >= i) {
			low = i;
		} else {
			return;
		}
	}
}

/** quantileOfSorted without sorting: selects within values[from..] (which must hold the ranks asked for). */
function selectQuantile(values: Float64Array, q: number, from: number): [value: number, low: number] {
	const position = (values.length - 1) * q;
	const low = Math.floor(position);
	selectKth(values, low, from, values.length - 1);
	const lowValue = values[low]!;
	if (position === low) {
		return [lowValue, low];
	}

	let next = Number.POSITIVE_INFINITY;
	for (let index = low + 1; index < values.length; index++) {
		next = Math.min(next, values[index]!);
	}

	return [lowValue + (position - low) * (next - lowValue), low];
}

/** Count, mean, median and 90th percentile in linear time; reorders `values`. */
export function statsOfValues(values: Float64Array): Stats {
	if (values.length === 0) {
		return emptyStats();
	}

	let sum = 0;
	for (const value of values) {
		sum += value;
	}

	const [median, low] = selectQuantile(values, 0.5, 0);
	const [p90] = selectQuantile(values, 0.9, low);
	return {count: values.length, mean: sum / values.length, median, p90};
}

/** CSAT score (1..5) -> 'good' | 'bad' | undefined (left out) under a rule. */
export function csatClass(score: number, rule: CsatRule): 'good' | 'bad' | undefined {
	switch (rule) {
		case 'top-1': {
			return score >= 5 ? 'good' : 'bad';
		}

		case 'exclude-neutral': {
			return score >= 4 ? 'good' : score <= 2 ? 'bad' : undefined;
		}

		default: {
			return score >= 4 ? 'good' : 'bad';
		}
	}
}

export function isTimeGrain(groupBy: GroupBy): groupBy is TimeGrain {
	return groupBy === 'day' || groupBy === 'week' || groupBy === 'month';
}

/** Day bounds of a query as yyyymmdd numbers (inclusive); open bounds become extremes. */
export function dayBounds(query: KpiQuery): [from: number, to: number] {
	return [query.from ? isoDayToKey(query.from) : 0, query.to ? isoDayToKey(query.to) : 99_991_231];
}

/** The group label of a time bucket key. */
export function grainLabel(grain: TimeGrain, key: number): string {
	return grain === 'month' ? monthKeyToIso(key) : dayKeyToIso(key);
}

/** Rows sorted by group: time groups chronologically, others alphabetically. */
export function sortRows<T extends {group: string}>(rows: T[]): T[] {
	return rows.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
