// Spikes of similar complaints: a theme's count on one day against its own trailing history.
import {dayKeyToNumber, dayNumberToKey} from './time.ts';

export type DailyCount = {theme: string; day: number; count: number};

export type Spike = {
	theme: string;
	/** yyyymmdd */
	day: number;
	count: number;
	/** Mean and standard deviation of the trailing window (days before `day`, zeros included). */
	baselineMean: number;
	baselineSd: number;
	/** P(X >= count) for X ~ Poisson(max(baselineMean, minRate)). */
	pValue: number;
};

export type SpikeOptions = {
	/** Trailing days that make the baseline. @default 28 */
	window?: number | undefined;
	/** Days of history needed before a day can be judged. @default 7 */
	minHistory?: number | undefined;
	/** A spike has at least this many tickets that day. @default 3 */
	minCount?: number | undefined;
	/** Poisson tail probability below which the count is improbable. @default 0.001 */
	alpha?: number | undefined;
	/** The count must also exceed mean + k * sd of the window. @default 3 */
	k?: number | undefined;
	/** Floor for the Poisson rate, so a theme never seen before needs more than one ticket. @default 0.25 */
	minRate?: number | undefined;
	/** Judge only these days (yyyymmdd, inclusive); history before `from` is still used. */
	from?: number | undefined;
	to?: number | undefined;
};

/** P(X >= k) for X ~ Poisson(rate), summed in log space so large rates do not underflow. */
export function poissonUpperTail(k: number, rate: number): number {
	if (k <= 0) {
		return 1;
	}

	// P(X <= k-1) = sum_{i<k} exp(-rate + i ln rate - ln i!)
	let logTerm = -rate;
	let below = Math.exp(logTerm);
	for (let i = 1; i < k; i++) {
		logTerm += Math.log(rate) - Math.log(i);
		below += Math.exp(logTerm);
	}

	return Math.max(0, 1 - below);
}

/**
 * Days on which a theme's count is both improbable under a Poisson model with its trailing mean and
 * more than k standard deviations above that mean, with a minimum count. Missing days count as zero.
 */
export function detectSpikes(counts: readonly DailyCount[], lastDay: number, options: SpikeOptions = {}): Spike[] {
	const window = options.window ?? 28;
	const minHistory = options.minHistory ?? 7;
	const minCount = options.minCount ?? 3;
	const alpha = options.alpha ?? 0.001;
	const k = options.k ?? 3;
	const minRate = options.minRate ?? 0.25;
	const byTheme = new Map<string, Map<number, number>>();
	let firstDay = Number.POSITIVE_INFINITY;
	for (const {theme, day, count} of counts) {
		const dayNumber = dayKeyToNumber(day);
		firstDay = Math.min(firstDay, dayNumber);
		let days = byTheme.get(theme);
		if (!days) {
			days = new Map();
			byTheme.set(theme, days);
		}

		days.set(dayNumber, (days.get(dayNumber) ?? 0) + count);
	}

	const last = dayKeyToNumber(lastDay);
	const from = options.from === undefined ? firstDay : dayKeyToNumber(options.from);
	const to = options.to === undefined ? last : Math.min(last, dayKeyToNumber(options.to));
	const spikes: Spike[] = [];
	for (const [theme, days] of [...byTheme].sort(([a], [b]) => (a < b ? -1 : 1))) {
		for (const [dayNumber, count] of [...days].sort(([a], [b]) => a - b)) {
			if (dayNumber < from || dayNumber > to || count < minCount) {
				continue;
			}

			const historyDays = Math.min(window, dayNumber - firstDay);
			if (historyDays < minHistory) {
				continue;
			}

			let sum = 0;
			let squares = 0;
			for (let d = dayNumber - historyDays; d < dayNumber; d++) {
				const value = days.get(d) ?? 0;
				sum += value;
				squares += value * value;
			}

			const mean = sum / historyDays;
			const sd = Math.sqrt(Math.max(0, squares / historyDays - mean * mean));
			const pValue = poissonUpperTail(count, Math.max(mean, minRate));
			if (pValue < alpha && count > mean + k * sd) {
				spikes.push({theme, day: dayNumberToKey(dayNumber), count, baselineMean: mean, baselineSd: sd, pValue});
			}
		}
	}

	return spikes;
}
