import {expect, test} from 'vitest';
import type {DailyCount} from './spikes.ts';
import {detectSpikes, poissonUpperTail} from './spikes.ts';
import {dayKeyToNumber, dayNumberToKey} from './time.ts';

test('Poisson upper tail', () => {
	// P(X >= 3 | 1) = 1 - e^-1 (1 + 1 + 1/2)
	expect(poissonUpperTail(3, 1)).toBeCloseTo(1 - 2.5 / Math.E, 12);
	expect(poissonUpperTail(0, 5)).toBe(1);
	// Large rates do not underflow: P(X >= 1000 | 1000) is about one half.
	expect(poissonUpperTail(1000, 1000)).toBeGreaterThan(0.49);
	expect(poissonUpperTail(1000, 1000)).toBeLessThan(0.51);
});

function series(theme: string, values: number[]): DailyCount[] {
	const first = dayKeyToNumber(20260301);
	return values.map((count, index) => ({theme, day: dayNumberToKey(first + index), count}));
}

test("a day far above a theme's trailing 28 days is a spike; a busy-but-usual day is not", () => {
	const counts = [
		// "login": one ticket a day for 28 days, then 9 on 29 March.
		...series('login', [...Array.from({length: 28}, () => 1), 9]),
		// "billing": bursty all along (0 or 6), then 6 again.
		...series('billing', [...Array.from({length: 28}, (_value, index) => (index % 4 === 0 ? 6 : 0)), 6]),
		// "export": 1 a day, then 3 (P = 0.08, not improbable enough).
		...series('export', [...Array.from({length: 28}, () => 1), 3]),
	];
	const spikes = detectSpikes(counts, 20260329);
	expect(spikes).toHaveLength(1);
	expect(spikes[0]).toMatchObject({theme: 'login', day: 20260329, count: 9, baselineMean: 1, baselineSd: 0});
	// P(X >= 9 | 1) = 1 - sum_{i<9} e^-1 / i!
	let below = 0;
	let factorial = 1;
	for (let i = 0; i < 9; i++) {
		factorial *= Math.max(1, i);
		below += Math.exp(-1) / factorial;
	}

	expect(spikes[0]!.pValue).toBeCloseTo(1 - below, 12);
});

test('a new theme needs history and a minimum count', () => {
	// Seen for the first time with 5 tickets: no history, no spike; 2 tickets after a quiet week: below the minimum.
	expect(detectSpikes(series('new', [5]), 20260301)).toEqual([]);
	expect(detectSpikes(series('quiet', [0, 0, 0, 0, 0, 0, 0, 0, 2]), 20260309)).toEqual([]);
	expect(detectSpikes(series('quiet', [0, 0, 0, 0, 0, 0, 0, 0, 4]), 20260309)).toHaveLength(1);
});
