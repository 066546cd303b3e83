import {expect, test} from 'vitest';
import {compareStrata, leadTimeDistribution, wilson} from './effectiveness.ts';

test('Wilson 95% intervals (values from the formula by hand)', () => {
	const half = (low: number, high: number) => ({low: expect.closeTo(low, 4) as unknown, high: expect.closeTo(high, 4) as unknown});
	expect(wilson(5, 10)).toEqual(half(0.2366, 0.7634));
	expect(wilson(0, 10)).toEqual(half(0, 0.2775));
	expect(wilson(10, 10)).toEqual(half(0.7225, 1));
	expect(wilson(0, 0)).toBeNull();
});

// Simpson's paradox as the issue met it: a template used mostly on high-risk tickets looks harmful
// against every other ticket, and helpful against tickets at the same level.
const treated = [
	{level: 2, trigger: 'long-wait', count: 40, events: 20},
	{level: 0, trigger: 'long-wait', count: 10, events: 0},
];
const controls = [
	{level: 2, trigger: 'long-wait', count: 100, events: 70},
	{level: 0, trigger: 'long-wait', count: 1000, events: 50},
	{level: 1, trigger: 'poor-quality', count: 500, events: 10},
];

test("like with like: the comparison rate follows the template's mix of levels and triggers", () => {
	const result = compareStrata(treated, controls);
	// Raw: 20 of 50 (40%) against 130 of 1600 (8%). Weighted: 0.8 * 70% + 0.2 * 5% = 57%.
	expect(result.treated).toMatchObject({numerator: 20, denominator: 50, value: 0.4});
	expect(result.comparable.value).toBeCloseTo(0.57, 10);
	expect(result.comparable.count).toBe(1100);
	expect(result.difference.value).toBeCloseTo(-0.17, 10);
	// Variance from (events + 1) / (count + 2) per stratum, by hand: sd 0.07524.
	expect(result.difference.interval!.low).toBeCloseTo(-0.17 - 1.96 * 0.075_24, 3);
	expect(result.difference.interval!.high).toBeCloseTo(-0.17 + 1.96 * 0.075_24, 3);
	expect(result.verdict).toBe('lower');
	expect(result.unmatched).toBe(0);
});

test('too few to tell below the minimum on either side; strata without comparable tickets are left out', () => {
	expect(
		compareStrata(
			treated.map(row => ({...row, count: row.count / 10, events: row.events / 10})),
			controls,
		).verdict,
	).toBe('too-few');
	expect(
		compareStrata(
			treated,
			controls.map(row => ({...row, count: 5, events: 1})),
		).verdict,
	).toBe('too-few');
	const lonely = compareStrata([...treated, {level: 3, trigger: 'rigid-policy', count: 7, events: 7}], controls);
	expect(lonely.unmatched).toBe(7);
	expect(lonely.treated.denominator).toBe(50);
	expect(compareStrata([{level: 3, trigger: 'x', count: 3, events: 1}], controls)).toMatchObject({
		verdict: 'too-few',
		comparable: {value: null},
		unmatched: 3,
	});
});

test('no clear difference when the interval spans zero', () => {
	const same = [{level: 1, trigger: 'x', count: 60, events: 30}];
	expect(compareStrata(same, [{level: 1, trigger: 'x', count: 60, events: 33}]).verdict).toBe('no-clear-difference');
	expect(compareStrata(same, [{level: 1, trigger: 'x', count: 600, events: 60}]).verdict).toBe('higher');
});

test('lead times as quartiles and bands', () => {
	const minute = 60_000;
	const result = leadTimeDistribution(Float64Array.from([5, 20, 45, 90, 300, 2000].map(value => value * minute)));
	expect(result.count).toBe(6);
	expect(result.median).toBe(67.5 * minute);
	expect(result.p25).toBe(26.25 * minute);
	expect(result.bands.map(band => band.count)).toEqual([1, 2, 1, 1, 1]);
	expect(leadTimeDistribution(new Float64Array(0))).toMatchObject({count: 0, median: null});
});
