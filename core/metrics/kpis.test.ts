import {expect, test} from 'vitest';
import {quantileOfSorted, statsOf} from './kpis.ts';

test('median and 90th percentile interpolate between closest ranks', () => {
	expect(statsOf([10, 1, 4, 2])).toMatchObject({count: 4, mean: 4.25, median: 3});
	expect(statsOf([10, 1, 4, 2]).p90).toBeCloseTo(8.2, 9);
	expect(statsOf([5])).toEqual({count: 1, mean: 5, median: 5, p90: 5});
	expect(statsOf([])).toEqual({count: 0, mean: null, median: null, p90: null});
});

test('linear-time selection gives what sorting gives, duplicates included', () => {
	let seed = 3;
	const random = (): number => {
		seed = (seed * 16_807) % 2_147_483_647;
		return seed / 2_147_483_647;
	};

	for (const length of [2, 3, 10, 101, 1000, 4097, 60_001]) {
		const values = Array.from({length}, () => Math.floor(random() * (length / 3)));
		const sorted = Float64Array.from(values).sort();
		const stats = statsOf(values);
		expect(stats.median).toBeCloseTo(quantileOfSorted(sorted, 0.5)!, 9);
		expect(stats.p90).toBeCloseTo(quantileOfSorted(sorted, 0.9)!, 9);
	}
});

test('selection on long lists in order, in reverse, all equal and of few distinct values', () => {
	const lists = [
		Array.from({length: 50_000}, (_, index) => index),
		Array.from({length: 50_001}, (_, index) => 50_001 - index),
		Array.from({length: 20_000}, () => 7),
		Array.from({length: 30_000}, (_, index) => (index * 7919) % 3),
		Array.from({length: 40_000}, (_, index) => ((index * 104_729) % 40_009) * 1.5 - 9000),
	];
	for (const values of lists) {
		const sorted = Float64Array.from(values).sort();
		const stats = statsOf(values);
		expect(stats.median).toBeCloseTo(quantileOfSorted(sorted, 0.5)!, 9);
		expect(stats.p90).toBeCloseTo(quantileOfSorted(sorted, 0.9)!, 9);
	}
});
