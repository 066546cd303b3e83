import {describe, expect, test} from 'vitest';
import {
	dash,
	formatCount,
	formatDateTime,
	formatDecimalDuration,
	formatDuration,
	formatMegabytes,
	formatNumber,
	formatPercent,
	formatRatio,
	formatShortDuration,
	formatSigned,
	formatWeekdayTime,
	textLocale,
} from './format.ts';

const second = 1000;
const minute = 60_000;
const hour = 3_600_000;
const day = 86_400_000;

describe('formatDuration: a duration as an agent reads it (overlay, signals, popup, alerts, options)', () => {
	test.each([
		[0, '0 min'],
		[59 * minute, '59 min'],
		[59 * minute + 59 * second, '59 min'], // Rounded down: "due in 1 h" would promise a minute that is not there
		[90 * minute, '1 h 30 min'],
		[200 * minute, '3 h 20 min'],
		[10 * hour, '10 h'],
		[10 * hour + 20 * minute, '10 h'], // Minutes are dropped from 10 hours on
		[31 * hour, '31 h'],
		[47 * hour, '47 h'],
		[48 * hour, '2 days'],
		[50 * hour, '2 days 2 h'],
		[52 * hour, '2 days 4 h'],
		[72 * hour, '3 days'],
		[-5, '0 min'],
		[-3 * hour, '0 min'],
	])('%i ms -> %s', (ms, text) => {
		expect(formatDuration(ms, 'en-US')).toBe(text);
	});

	test.each([
		[30 * second, '30 s'],
		[200, '1 s'],
		[-5 * second, '1 s'],
		[minute, '1 min'],
		[200 * minute, '3 h 20 min'],
	])('formatShortDuration: %i ms -> %s', (ms, text) => {
		expect(formatShortDuration(ms, 'en-US')).toBe(text);
	});

	test.each([
		['en-US', 1500 * day, '1,500 days'],
		['de-DE', 1500 * day, '1.500 days'],
		['fr-FR', 1500 * day, '1\u202F500 days'],
		['de-DE', 200 * minute, '3 h 20 min'],
	])('digits in %s: %i ms -> %s', (locale, ms, text) => {
		expect(formatDuration(ms, locale)).toBe(text);
	});
});

describe('formatDecimalDuration: a measured duration in tables of statistics (dashboard, command line)', () => {
	test.each([
		[null, 'en-US', dash],
		[undefined, 'en-US', dash],
		[Number.NaN, 'en-US', dash],
		[Number.POSITIVE_INFINITY, 'en-US', dash],
		[0, 'en-US', '0 s'],
		[45 * second, 'en-US', '45 s'],
		[minute, 'en-US', '1 min'],
		[4 * minute + 30 * second, 'en-US', '5 min'],
		[45 * minute, 'en-US', '45 min'],
		[89 * minute, 'en-US', '89 min'],
		[95 * minute, 'en-US', '1.6 h'],
		[2 * hour, 'en-US', '2.0 h'],
		[47.9 * hour, 'en-US', '47.9 h'],
		[3 * day + 4 * hour, 'en-US', '3.2 d'],
		[1234.5 * day, 'en-US', '1,234.5 d'],
		[95 * minute, 'de-DE', '1,6 h'],
		[1234.5 * day, 'de-DE', '1.234,5 d'],
	])('%s ms in %s -> %s', (ms, locale, text) => {
		expect(formatDecimalDuration(ms, locale)).toBe(text);
	});
});

describe('numbers, counts and percentages', () => {
	test.each([
		[1234.5, 'en-US', 1, '1,234.5'],
		[1234.5, 'de-DE', 1, '1.234,5'],
		[1234.5, 'en-US', 0, '1,235'],
		[0.125, 'en-US', 2, '0.13'],
		[800_000, 'en-US', 0, '800,000'],
		[null, 'en-US', 0, dash],
		[Number.NaN, 'en-US', 2, dash],
	])('formatNumber(%s, %s, %i) = %s', (value, locale, digits, text) => {
		expect(formatNumber(value, locale, digits)).toBe(text);
	});

	test.each([
		[0.123, 'en-US', 1, '12.3%'],
		[0.5, 'en-US', 0, '50%'],
		[0.123, 'de-DE', 1, '12,3%'],
		[12.5, 'en-US', 1, '1,250.0%'],
		[undefined, 'en-US', 1, dash],
	])('formatPercent(%s, %s, %i) = %s', (value, locale, digits, text) => {
		expect(formatPercent(value, locale, digits)).toBe(text);
	});

	test("formatRatio writes the ratio's value as a percentage", () => {
		expect(formatRatio({numerator: 1, denominator: 8, value: 0.125}, 'en-US')).toBe('12.5%');
		expect(formatRatio({numerator: 0, denominator: 0, value: null}, 'en-US')).toBe(dash);
		expect(formatRatio(undefined, 'en-US')).toBe(dash);
	});

	test.each([
		[1, 'ticket', 'en-US', '1 ticket'],
		[0, 'ticket', 'en-US', '0 tickets'],
		[1200, 'ticket', 'en-US', '1,200 tickets'],
		[1200, 'ticket', 'de-DE', '1.200 tickets'],
	])('formatCount(%i, %s, %s) = %s', (count, noun, locale, text) => {
		expect(formatCount(count, noun, locale)).toBe(text);
	});

	test.each([
		[1.24, 1, '+1.2'],
		[-3, 1, '−3.0'],
		[0, 1, '±0.0'],
		[-12.4, 0, '−12'],
		[1500, 0, '+1,500'],
		[null, 1, dash],
	])('formatSigned(%s, %i) = %s', (value, digits, text) => {
		expect(formatSigned(value, 'en-US', digits)).toBe(text);
	});

	test.each([
		[160 * 1024 * 1024, 'en-US', '160 MB'],
		[2000 * 1024 * 1024, 'en-US', '2,000 MB'],
		[2000 * 1024 * 1024, 'de-DE', '2.000 MB'],
	])('formatMegabytes(%i, %s) = %s', (bytes, locale, text) => {
		expect(formatMegabytes(bytes, locale)).toBe(text);
	});

	test("Defuse's sentences write numbers the English way", () => {
		expect(formatNumber(1234.5, textLocale, 1)).toBe('1,234.5');
	});
});

describe("dates: the locale and the time zone are the caller's", () => {
	const instant = '2026-03-02T09:14:00Z'; // A Monday

	test.each([
		[{locale: 'en-US', timeZone: 'UTC'}, '3/2/2026, 9:14:00 AM'],
		[{locale: 'de-DE', timeZone: 'UTC'}, '2.3.2026, 09:14:00'],
		[{locale: 'de-DE', timeZone: 'Europe/Berlin'}, '2.3.2026, 10:14:00'],
		[{locale: 'en-US', timeZone: 'America/New_York'}, '3/2/2026, 4:14:00 AM'],
	])('formatDateTime in %o', (style, text) => {
		expect(formatDateTime(instant, style).replaceAll('\u202F', ' ')).toBe(text);
	});

	test.each([
		[{locale: 'en-GB', timeZone: 'UTC'}, 'Mon 09:14'],
		[{locale: 'en-US', timeZone: 'UTC'}, 'Mon 09:14 AM'],
		[{locale: 'de-DE', timeZone: 'Europe/Berlin'}, 'Mo., 10:14'],
		[{locale: 'en-GB', timeZone: 'Asia/Tokyo'}, 'Mon 18:14'],
	])('formatWeekdayTime in %o', (style, text) => {
		expect(formatWeekdayTime(instant, style).replaceAll('\u202F', ' ')).toBe(text);
	});

	test('an epoch number reads as the same instant as its ISO text', () => {
		expect(formatDateTime(Date.parse(instant), {locale: 'en-GB', timeZone: 'UTC'})).toBe(
			formatDateTime(instant, {locale: 'en-GB', timeZone: 'UTC'}),
		);
	});
});
