import {expect, test} from 'vitest';

// Proves the clock-ahead run really moves the clock (npm test runs the date-sensitive suites with it).
const days = Number(process.env['DEFUSE_CLOCK_AHEAD_DAYS'] ?? '0');

test(`the system clock reads ${days} days ahead of the real one`, () => {
	const real = performance.timeOrigin + performance.now();
	expect((Date.now() - real) / 86_400_000).toBeCloseTo(days, 3);
	expect((new Date().getTime() - real) / 86_400_000).toBeCloseTo(days, 3);
	expect(new Date('2026-01-01T00:00:00Z').toISOString()).toBe('2026-01-01T00:00:00.000Z');
	expect(new Date(2026, 0, 1, 12).getDate()).toBe(1);
	expect(Date.UTC(2026, 0, 1)).toBe(Date.parse('2026-01-01T00:00:00Z'));
});
