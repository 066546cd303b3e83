// Agreement and classification measures for the evaluation, with percentile-bootstrap intervals.
import {seededRandom} from '../../core/random.ts';

export function pearson(xs: readonly number[], ys: readonly number[]): number {
	const n = xs.length;
	if (n < 2) {
		return Number.NaN;
	}

	let meanX = 0;
	let meanY = 0;
	for (let i = 0; i < n; i++) {
		meanX += xs[i]!;
		meanY += ys[i]!;
	}

	meanX /= n;
	meanY /= n;
	let covariance = 0;
	let varianceX = 0;
	let varianceY = 0;
	for (let i = 0; i < n; i++) {
		const dx = xs[i]! - meanX;
		const dy = ys[i]! - meanY;
		covariance += dx * dy;
		varianceX += dx * dx;
		varianceY += dy * dy;
	}

	return varianceX === 0 || varianceY === 0 ? Number.NaN : covariance / Math.sqrt(varianceX * varianceY);
}

/** Ranks with ties sharing their average rank (1-based). */
export function ranks(values: readonly number[]): number[] {
	const order = values.map((value, index) => ({value, index})).sort((a, b) => a.value - b.value);
	const result = Array.from({length: values.length}, () => 0);
	let i = 0;
	while (i < order.length) {
		let j = i;
		while (j + 1 < order.length && order[j + 1]!.value === order[i]!.value) {
			j++;
		}

		const rank = (i + j) / 2 + 1;
		for (let k = i; k <= j; k++) {
			result[order[k]!.index] = rank;
		}

		i = j + 1;
	}

	return result;
}

export function spearman(xs: readonly number[], ys: readonly number[]): number {
	return pearson(ranks(xs), ranks(ys));
}

export type Classification = {tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; f1: number};

export function classify(predicted: readonly boolean[], actual: readonly boolean[]): Classification {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	let tn = 0;
	for (let i = 0; i < predicted.length; i++) {
		if (predicted[i] && actual[i]) {
			tp++;
		} else if (predicted[i]) {
			fp++;
		} else if (actual[i]) {
			fn++;
		} else {
			tn++;
		}
	}

	const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
	const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
	const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
	return {tp, fp, fn, tn, precision, recall, f1};
}

/** Area under the ROC curve: the chance that a random positive scores above a random negative (ties count half). */
export function auc(scores: readonly number[], actual: readonly boolean[]): number {
	const r = ranks(scores);
	let positives = 0;
	let rankSum = 0;
	for (let i = 0; i < scores.length; i++) {
		if (actual[i]) {
			positives++;
			rankSum += r[i]!;
		}
	}

	const negatives = scores.length - positives;
	if (positives === 0 || negatives === 0) {
		return Number.NaN;
	}

	return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export type Interval = {value: number; low: number; high: number};

/**
 * Percentile bootstrap: the statistic on `rounds` resamples (with replacement) of the item indexes.
 * Seeded, so the same data gives the same interval on every run.
 */
export function bootstrap(size: number, statistic: (indexes: readonly number[]) => number, rounds = 1000, seed = 11): Interval {
	const all = Array.from({length: size}, (_, index) => index);
	const value = statistic(all);
	const random = seededRandom(seed);
	const values: number[] = [];
	const sample = Array.from({length: size}, () => 0);
	for (let round = 0; round < rounds; round++) {
		for (let i = 0; i < size; i++) {
			sample[i] = Math.floor(random() * size);
		}

		const result = statistic(sample);
		if (Number.isFinite(result)) {
			values.push(result);
		}
	}

	values.sort((a, b) => a - b);
	const at = (share: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(share * (values.length - 1))))] ?? Number.NaN;
	return {value, low: at(0.025), high: at(0.975)};
}

export function pick<T>(values: readonly T[], indexes: readonly number[]): T[] {
	return indexes.map(index => values[index]!);
}
