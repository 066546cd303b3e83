import {describe, expect, test} from 'vitest';
import {addBusinessMillis, businessMillisBetween, isBusinessTime, validateCalendar, type BusinessCalendar} from './calendar.ts';

const hour = 3_600_000;
const minute = 60_000;

const weekdays9to17 = {
	mon: [['09:00', '17:00']],
	tue: [['09:00', '17:00']],
	wed: [['09:00', '17:00']],
	thu: [['09:00', '17:00']],
	fri: [['09:00', '17:00']],
} satisfies BusinessCalendar['weekly'];

const utc: BusinessCalendar = {timezone: 'UTC', weekly: weekdays9to17, holidays: []};
const berlin: BusinessCalendar = {timezone: 'Europe/Berlin', weekly: weekdays9to17, holidays: ['2026-12-25']};
const newYork: BusinessCalendar = {timezone: 'America/New_York', weekly: weekdays9to17, holidays: []};
const allDay: BusinessCalendar = {timezone: 'Europe/Berlin', weekly: {sun: [['00:00', '24:00']]}, holidays: []};

const at = (iso: string) => Date.parse(iso);

describe('businessMillisBetween', () => {
	test.each([
		['same day inside hours', '2026-03-02T10:00:00Z', '2026-03-02T12:30:00Z', 2.5 * hour],
		['starts before opening', '2026-03-02T06:00:00Z', '2026-03-02T10:00:00Z', 1 * hour],
		['overnight', '2026-03-02T16:00:00Z', '2026-03-03T10:00:00Z', 2 * hour],
		['friday evening to monday morning', '2026-03-06T16:00:00Z', '2026-03-09T10:00:00Z', 2 * hour],
		['whole weekend', '2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z', 0],
		['one full week', '2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z', 40 * hour],
		['zero interval', '2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z', 0],
		['negative interval', '2026-03-02T12:00:00Z', '2026-03-02T10:00:00Z', 0],
	])('UTC: %s', (_name, start, end, expected) => {
		expect(businessMillisBetween(at(start), at(end), utc)).toBe(expected);
	});

	test('uses the calendar time zone', () => {
		// 09:00 Berlin in winter is 08:00 UTC
		expect(businessMillisBetween(at('2026-03-02T07:00:00Z'), at('2026-03-02T09:00:00Z'), berlin)).toBe(1 * hour);
		// 09:00 New York (EST) is 14:00 UTC
		expect(businessMillisBetween(at('2026-03-02T13:00:00Z'), at('2026-03-02T15:00:00Z'), newYork)).toBe(1 * hour);
	});

	test('skips holidays', () => {
		// Thu 24 Dec 08:00Z .. Sat 26 Dec: only the 24th counts (25th is a holiday)
		expect(businessMillisBetween(at('2026-12-24T00:00:00Z'), at('2026-12-27T00:00:00Z'), berlin)).toBe(8 * hour);
	});

	test('DST spring forward in Berlin: opening hour follows local time', () => {
		// Sunday 2026-03-29 clocks go forward. Monday 30th 09:00 CEST = 07:00Z
		expect(isBusinessTime(at('2026-03-30T07:30:00Z'), berlin)).toBe(true);
		expect(isBusinessTime(at('2026-03-27T07:30:00Z'), berlin)).toBe(false); // Friday before: 08:30 CET
		expect(businessMillisBetween(at('2026-03-27T00:00:00Z'), at('2026-03-31T00:00:00Z'), berlin)).toBe(16 * hour);
	});

	test('a 24-hour window on a DST day is 23 or 25 hours long', () => {
		// Berlin: 2026-03-29 (spring) has 23 hours, 2026-10-25 (autumn) has 25
		expect(businessMillisBetween(at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'), allDay)).toBe(23 * hour);
		expect(businessMillisBetween(at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'), allDay)).toBe(25 * hour);
	});

	test('window starting inside a DST gap moves forward by the jump', () => {
		const gap: BusinessCalendar = {timezone: 'America/New_York', weekly: {sun: [['02:30', '04:00']]}, holidays: []};
		// 2026-03-08: 02:00 EST -> 03:00 EDT. 02:30 does not exist; the window becomes 03:30..04:00 EDT
		expect(businessMillisBetween(at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'), gap)).toBe(30 * minute);
	});

	test('matches a minute-by-minute count over a random sample', () => {
		const zones: BusinessCalendar[] = [
			berlin,
			newYork,
			{
				timezone: 'Asia/Kolkata',
				weekly: {
					mon: [
						['08:30', '12:00'],
						['13:00', '18:15'],
					],
					sat: [['10:00', '24:00']],
				},
				holidays: ['2026-04-06'],
			},
		];
		let seed = 7;
		const random = () => {
			seed = (seed * 48_271) % 2_147_483_647;
			return seed / 2_147_483_647;
		};

		for (let i = 0; i < 40; i++) {
			const calendar = zones[i % zones.length]!;
			const start = at('2026-03-20T00:00:00Z') + Math.floor(random() * 20 * 24 * 60) * minute;
			const end = start + Math.floor(random() * 6 * 24 * 60) * minute;
			let slow = 0;
			for (let t = start; t < end; t += minute) {
				if (isBusinessTime(t, calendar)) {
					slow += minute;
				}
			}

			expect(businessMillisBetween(start, end, calendar)).toBe(slow);
		}
	});
});

describe('addBusinessMillis', () => {
	test.each([
		['inside hours', '2026-03-02T10:00:00Z', 2 * hour, '2026-03-02T12:00:00Z'],
		['rolls to next day', '2026-03-02T16:00:00Z', 2 * hour, '2026-03-03T10:00:00Z'],
		['starts on weekend', '2026-03-07T12:00:00Z', 1 * hour, '2026-03-09T10:00:00Z'],
		['over a weekend', '2026-03-06T16:00:00Z', 10 * hour, '2026-03-10T10:00:00Z'],
		['ends exactly at closing', '2026-03-02T09:00:00Z', 8 * hour, '2026-03-02T17:00:00Z'],
	])('UTC: %s', (_name, start, duration, expected) => {
		expect(new Date(addBusinessMillis(at(start), duration, utc)).toISOString()).toBe(new Date(at(expected)).toISOString());
	});

	test('zero and negative durations return the start', () => {
		expect(addBusinessMillis(at('2026-03-07T12:00:00Z'), 0, utc)).toBe(at('2026-03-07T12:00:00Z'));
		expect(addBusinessMillis(at('2026-03-07T12:00:00Z'), -5, utc)).toBe(at('2026-03-07T12:00:00Z'));
	});

	test('inverse of businessMillisBetween across DST and holidays', () => {
		for (const calendar of [berlin, newYork]) {
			for (let offset = 0; offset < 30; offset++) {
				const start = at('2026-03-20T05:17:00Z') + offset * 7 * hour;
				const duration = (offset + 1) * 97 * minute;
				const end = addBusinessMillis(start, duration, calendar);
				expect(businessMillisBetween(start, end, calendar)).toBe(duration);
			}
		}
	});

	test('a calendar that never opens gives Infinity', () => {
		expect(addBusinessMillis(0, hour, {timezone: 'UTC', weekly: {}, holidays: []})).toBe(Number.POSITIVE_INFINITY);
	});
});

describe('isBusinessTime', () => {
	test('opening is inclusive, closing exclusive', () => {
		expect(isBusinessTime(at('2026-03-02T09:00:00Z'), utc)).toBe(true);
		expect(isBusinessTime(at('2026-03-02T17:00:00Z'), utc)).toBe(false);
		expect(isBusinessTime(Number.NaN, utc)).toBe(false);
	});
});

describe('validateCalendar', () => {
	test('accepts a good calendar', () => {
		const result = validateCalendar({timezone: 'Europe/Berlin', weekly: {mon: [['09:00', '24:00']]}, holidays: ['2026-12-25']});
		expect(result).toEqual({
			ok: true,
			calendar: {timezone: 'Europe/Berlin', weekly: {mon: [['09:00', '24:00']]}, holidays: ['2026-12-25']},
		});
	});

	test.each([
		[null, 'calendar must be an object'],
		[{timezone: 'Mars/Base', weekly: {}, holidays: []}, 'unknown time zone: Mars/Base'],
		[{timezone: 'UTC', weekly: {funday: []}, holidays: []}, 'unknown weekday: funday'],
		[{timezone: 'UTC', weekly: {mon: [['9:00', '17:00']]}, holidays: []}, "mon[0]: bad start time '9:00'"],
		[{timezone: 'UTC', weekly: {mon: [['17:00', '09:00']]}, holidays: []}, 'mon[0]: end 09:00 must be after start 17:00'],
		[{timezone: 'UTC', weekly: {mon: [['24:00', '24:00']]}, holidays: []}, "mon[0]: bad start time '24:00'"],
		[{timezone: 'UTC', weekly: {}, holidays: ['2026-02-30']}, 'bad holiday date: 2026-02-30 (expected YYYY-MM-DD)'],
	])('rejects %j', (value, error) => {
		const result = validateCalendar(value);
		expect(result.ok).toBe(false);
		expect(result.ok ? [] : result.errors).toContain(error);
	});
});
