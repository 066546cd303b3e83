import {describe, expect, test} from 'vitest';
import {businessMillisBetween} from './calendar.ts';
import {parseDateTime} from './import/common.ts';
import {isTimeZone, makeOffsetOf, wallToUtc, zoneOffsetAt} from './time-zone.ts';

const hour = 3_600_000;
const at = (iso: string) => Date.parse(iso);
/** A local wall-clock time written as if it were UTC. */
const wall = (local: string) => Date.parse(`${local}Z`);

test('zoneOffsetAt reads DST from Intl', () => {
	expect(zoneOffsetAt(at('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(1 * hour);
	expect(zoneOffsetAt(at('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(2 * hour);
	expect(zoneOffsetAt(at('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * hour);
});

test.each([
	['Europe/Berlin', '2026-10-25T00:59:59Z'],
	['Europe/Berlin', '2026-10-25T01:00:00Z'],
	['Europe/Berlin', '2026-03-29T00:59:00Z'],
	['Europe/Berlin', '2026-03-29T01:00:00Z'],
	['America/New_York', '2026-11-01T05:59:00Z'],
	['America/New_York', '2026-11-01T06:00:00Z'],
	['Australia/Lord_Howe', '2026-04-04T14:59:00Z'], // A half-hour change
	['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
	['Asia/Kolkata', '2026-07-15T12:00:00Z'],
	['UTC', '2026-07-15T12:00:00Z'],
])("the cached offset in %s at %s equals Intl's", (zone, instant) => {
	expect(makeOffsetOf(zone)(at(instant))).toBe(zoneOffsetAt(at(instant), zone));
});

describe('wallToUtc', () => {
	test.each([
		['an ordinary winter time', 'Europe/Berlin', '2026-01-15T09:00:00', '2026-01-15T08:00:00Z'],
		['an ordinary summer time', 'Europe/Berlin', '2026-07-15T09:00:00', '2026-07-15T07:00:00Z'],
		['a half-hour zone', 'Asia/Kolkata', '2026-07-15T09:00:00', '2026-07-15T03:30:00Z'],
		['UTC', 'UTC', '2026-10-25T02:30:00', '2026-10-25T02:30:00Z'],
		// The repeated autumn hour: 02:30 in Berlin on 2026-10-25 is both 00:30Z (summer time) and 01:30Z.
		['the repeated autumn hour takes the earlier instant (Berlin)', 'Europe/Berlin', '2026-10-25T02:30:00', '2026-10-25T00:30:00Z'],
		['the repeated autumn hour takes the earlier instant (New York)', 'America/New_York', '2026-11-01T01:30:00', '2026-11-01T05:30:00Z'],
		['the minute after the repeated hour is winter time', 'Europe/Berlin', '2026-10-25T03:00:00', '2026-10-25T02:00:00Z'],
		// The skipped spring hour: 02:30 in Berlin on 2026-03-29 never happens; it reads as 03:30 summer time.
		['a skipped spring time moves forward by the jump (Berlin)', 'Europe/Berlin', '2026-03-29T02:30:00', '2026-03-29T01:30:00Z'],
		['a skipped spring time moves forward by the jump (New York)', 'America/New_York', '2026-03-08T02:30:00', '2026-03-08T07:30:00Z'],
	])('%s', (_name, zone, local, expected) => {
		expect(new Date(wallToUtc(wall(local), makeOffsetOf(zone))).toISOString()).toBe(new Date(at(expected)).toISOString());
		expect(new Date(wallToUtc(wall(local), ms => zoneOffsetAt(ms, zone))).toISOString()).toBe(new Date(at(expected)).toISOString());
	});

	test('business hours and imports resolve the repeated hour the same way', () => {
		const opensInRepeatedHour = {timezone: 'Europe/Berlin', weekly: {sun: [['02:30', '24:00'] as [string, string]]}, holidays: []};
		// From 02:30 summer time (00:30Z) to midnight (23:00Z): 22.5 hours, not 21.5.
		expect(businessMillisBetween(at('2026-10-24T00:00:00Z'), at('2026-10-27T00:00:00Z'), opensInRepeatedHour)).toBe(22.5 * hour);
		expect(parseDateTime('2026-10-25 02:30:00', {timezone: 'Europe/Berlin'})).toBe(at('2026-10-25T00:30:00Z'));
	});
});

test.each([
	['Europe/Berlin', true],
	['UTC', true],
	['America/Argentina/Buenos_Aires', true],
	['Mars/Olympus_Mons', false],
	['', false],
])('isTimeZone(%j) is %s', (zone, expected) => {
	expect(isTimeZone(zone)).toBe(expected);
});
