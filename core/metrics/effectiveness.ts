// Effectiveness numbers a team lead can defend: rates with 95% intervals, "too few to tell" below a
// minimum, and template outcomes compared like with like (tickets at the same risk level and trigger,
// from the same point on, that got no template), with the difference's interval.

/** Below this many tickets (or rated responses) on either side, a comparison says "too few to tell". */
export const minimumSample = 20;

const z95 = 1.959_963_984_540_054;

export type Interval = {low: number; high: number};

/** A proportion with its Wilson 95% interval (null when there is nothing to count). */
export type Estimate = {numerator: number; denominator: number; value: number | null; interval: Interval | null};

/** Wilson score interval of k successes in n trials (it stays inside 0..1 and behaves at 0 and n). */
export function wilson(k: number, n: number): Interval | null {
	if (n <= 0) {
		return null;
	}

	const p = k / n;
	const z2 = z95 * z95;
	const denominator = 1 + z2 / n;
	const centre = (p + z2 / (2 * n)) / denominator;
	const half = (z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
	return {low: Math.max(0, centre - half), high: Math.min(1, centre + half)};
}

export function estimateOf(numerator: number, denominator: number): Estimate {
	return {numerator, denominator, value: denominator > 0 ? numerator / denominator : null, interval: wilson(numerator, denominator)};
}

/** 'lower' / 'higher': the 95% interval of the difference lies wholly below / above zero. */
export type Verdict = 'lower' | 'higher' | 'no-clear-difference' | 'too-few';

/** One stratum's counts: the level of risk reached (0 none, 1 watch, 2 high, 3 critical) and the ticket's trigger. */
export type StratumCount = {level: number; trigger: string; count: number; events: number};

export type Comparison = {
	/** Outcome among the template's tickets that have comparable tickets (same level and trigger). */
	treated: Estimate;
	/** The same outcome among comparable tickets without any template, weighted to the template's mix of levels and triggers. */
	comparable: {value: number | null; count: number};
	/** treated - comparable, with its 95% interval (normal approximation over the strata). */
	difference: {value: number | null; interval: Interval | null};
	verdict: Verdict;
	/** The template's tickets (or responses) left out: no ticket without a template at their level and trigger. */
	unmatched: number;
};

function stratumKey(level: number, trigger: string): string {
	return `${level}\u0000${trigger}`;
}

/**
 * Direct standardisation: the comparison group's rate in each stratum, weighted by how the treated
 * tickets spread over the strata. Variance per stratum from (events + 1) / (count + 2) so that a
 * stratum at 0% or 100% still has some (Agresti-Caffo); interval = difference +- 1.96 sd.
 */
export function compareStrata(treated: readonly StratumCount[], controls: readonly StratumCount[], minimum = minimumSample): Comparison {
	const control = new Map<string, StratumCount>();
	for (const row of controls) {
		const key = stratumKey(row.level, row.trigger);
		const found = control.get(key);
		control.set(key, found ? {...found, count: found.count + row.count, events: found.events + row.events} : row);
	}

	let count = 0;
	let events = 0;
	let unmatched = 0;
	const matched: Array<{treated: StratumCount; control: StratumCount}> = [];
	for (const row of treated) {
		const match = control.get(stratumKey(row.level, row.trigger));
		if (!match || match.count === 0 || row.count === 0) {
			unmatched += row.count;
			continue;
		}

		matched.push({treated: row, control: match});
		count += row.count;
		events += row.events;
	}

	let comparable = 0;
	let variance = 0;
	let controlCount = 0;
	const counted = new Set<StratumCount>();
	for (const pair of matched) {
		const weight = pair.treated.count / count;
		comparable += weight * (pair.control.events / pair.control.count);
		const pt = (pair.treated.events + 1) / (pair.treated.count + 2);
		const pc = (pair.control.events + 1) / (pair.control.count + 2);
		variance += weight * weight * ((pt * (1 - pt)) / pair.treated.count + (pc * (1 - pc)) / pair.control.count);
		if (!counted.has(pair.control)) {
			counted.add(pair.control);
			controlCount += pair.control.count;
		}
	}

	const treatedEstimate = estimateOf(events, count);
	if (count === 0) {
		return {
			treated: treatedEstimate,
			comparable: {value: null, count: 0},
			difference: {value: null, interval: null},
			verdict: 'too-few',
			unmatched,
		};
	}

	const difference = events / count - comparable;
	const half = z95 * Math.sqrt(variance);
	const interval = {low: difference - half, high: difference + half};
	const verdict: Verdict =
		count < minimum || controlCount < minimum
			? 'too-few'
			: interval.high < 0
				? 'lower'
				: interval.low > 0
					? 'higher'
					: 'no-clear-difference';
	return {
		treated: treatedEstimate,
		comparable: {value: comparable, count: controlCount},
		difference: {value: difference, interval},
		verdict,
		unmatched,
	};
}

/** Lead times as a distribution: quartiles and how many fall in each band. */
export type LeadTimeDistribution = {
	count: number;
	p25: number | null;
	median: number | null;
	p75: number | null;
	/** Counts per band, in order: under 15 min, 15-60 min, 1-4 h, 4-24 h, 1 day or more. */
	bands: Array<{label: string; count: number}>;
};

const minute = 60_000;
export const leadTimeBands: ReadonlyArray<readonly [label: string, below: number]> = [
	['under 15 min', 15 * minute],
	['15-60 min', 60 * minute],
	['1-4 h', 240 * minute],
	['4-24 h', 1440 * minute],
	['1 day or more', Number.POSITIVE_INFINITY],
];

/** `values` may be reordered. */
export function leadTimeDistribution(values: Float64Array): LeadTimeDistribution {
	const sorted = values.sort();
	const quantile = (q: number): number | null => {
		if (sorted.length === 0) {
			return null;
		}

		const position = (sorted.length - 1) * q;
		const low = Math.floor(position);
		const high = Math.ceil(position);
		return sorted[low]! + (position - low) * (sorted[high]! - sorted[low]!);
	};

	const bands = leadTimeBands.map(([label]) => ({label, count: 0}));
	for (const value of sorted) {
		const index = leadTimeBands.findIndex(([, below]) => value < below);
		bands[index]!.count++;
	}

	return {count: sorted.length, p25: quantile(0.25), median: quantile(0.5), p75: quantile(0.75), bands};
}
