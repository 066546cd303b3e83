import {expect, test} from 'vitest';
import {bucketEnd, completenessOf, settleDaysOf, settlementOf} from './periods.ts';

const day = 86_400_000;

test('a day settles after the 90th percentile of full resolution time, 1 to 30 days', () => {
	expect(settleDaysOf(null)).toBe(0);
	expect(settleDaysOf(3 * 3_600_000)).toBe(1);
	expect(settleDaysOf(4.2 * day)).toBe(5);
	expect(settleDaysOf(90 * day)).toBe(30);
	expect(settlementOf('2026-06-30', 4.2 * day)).toEqual({lastDay: '2026-06-30', settleDays: 5, settledThrough: '2026-06-25'});
});

test('trend buckets end on their last day; the ones past the last settled day are incomplete', () => {
	expect(bucketEnd('day', '2026-06-30')).toBe('2026-06-30');
	expect(bucketEnd('week', '2026-06-22')).toBe('2026-06-28');
	expect(bucketEnd('month', '2026-02')).toBe('2026-02-28');
	expect(bucketEnd('month', '2028-02')).toBe('2028-02-29');
	const settlement = settlementOf('2026-06-30', 4.2 * day);
	expect(completenessOf('2026-06-25', settlement)).toBe('complete');
	expect(completenessOf('2026-06-26', settlement)).toBe('settling');
	expect(completenessOf('2026-06-30', settlement)).toBe('settling');
	// The week of 29 June runs to 5 July, past the data.
	expect(completenessOf(bucketEnd('week', '2026-06-29'), settlement)).toBe('partial');
	// Without resolution data only the days past the data are incomplete.
	expect(completenessOf('2026-06-30', settlementOf('2026-06-30', null))).toBe('complete');
});
