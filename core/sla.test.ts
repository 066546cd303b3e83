import {describe, expect, test} from 'vitest';
import type {BusinessCalendar} from './calendar.ts';
import {activeMillisBetween, defaultSlaPolicy, pausesFromStatusChanges, slaClock, targetsFor} from './sla.ts';

const minute = 60_000;
const hour = 60 * minute;
const at = (iso: string) => Date.parse(iso);
const office: BusinessCalendar = {
	timezone: 'UTC',
	weekly: {
		mon: [['09:00', '17:00']],
		tue: [['09:00', '17:00']],
		wed: [['09:00', '17:00']],
		thu: [['09:00', '17:00']],
		fri: [['09:00', '17:00']],
	},
	holidays: [],
};

describe('slaClock', () => {
	test('calendar hours, not breached', () => {
		const clock = slaClock({startMs: at('2026-03-02T10:00:00Z'), nowMs: at('2026-03-02T11:00:00Z'), targetMinutes: 240, hours: 'calendar'});
		expect(clock).toEqual({elapsedMs: hour, remainingMs: 3 * hour, breachAt: at('2026-03-02T14:00:00Z'), breached: false, paused: false});
	});

	test('calendar hours, breached', () => {
		const clock = slaClock({startMs: at('2026-03-02T10:00:00Z'), nowMs: at('2026-03-02T16:00:00Z'), targetMinutes: 240, hours: 'calendar'});
		expect(clock.breached).toBe(true);
		expect(clock.remainingMs).toBe(-2 * hour);
		expect(clock.breachAt).toBe(at('2026-03-02T14:00:00Z'));
	});

	test('business hours skip the night and weekend', () => {
		const clock = slaClock({
			startMs: at('2026-03-06T16:00:00Z'),
			nowMs: at('2026-03-09T10:00:00Z'),
			targetMinutes: 240,
			hours: 'business',
			calendar: office,
		});
		expect(clock.elapsedMs).toBe(2 * hour);
		expect(clock.breachAt).toBe(at('2026-03-09T12:00:00Z'));
	});

	test('pauses stop the clock and push the breach out', () => {
		const pauses = [{start: at('2026-03-02T11:00:00Z'), end: at('2026-03-02T13:00:00Z')}];
		const clock = slaClock({
			startMs: at('2026-03-02T10:00:00Z'),
			nowMs: at('2026-03-02T14:00:00Z'),
			targetMinutes: 240,
			hours: 'calendar',
			pauses,
		});
		expect(clock.elapsedMs).toBe(2 * hour);
		expect(clock.breachAt).toBe(at('2026-03-02T16:00:00Z'));
	});

	test('an open pause means no breach time and a paused clock', () => {
		const pauses = [{start: at('2026-03-02T11:00:00Z'), end: Number.POSITIVE_INFINITY}];
		const clock = slaClock({
			startMs: at('2026-03-02T10:00:00Z'),
			nowMs: at('2026-03-03T10:00:00Z'),
			targetMinutes: 240,
			hours: 'calendar',
			pauses,
		});
		expect(clock).toEqual({elapsedMs: hour, remainingMs: 3 * hour, breachAt: undefined, breached: false, paused: true});
	});

	test('business hours with pauses', () => {
		const pauses = [{start: at('2026-03-02T12:00:00Z'), end: at('2026-03-03T12:00:00Z')}];
		expect(activeMillisBetween(at('2026-03-02T09:00:00Z'), at('2026-03-03T17:00:00Z'), 'business', office, pauses)).toBe(8 * hour);
	});

	test('now before start', () => {
		const clock = slaClock({startMs: at('2026-03-02T10:00:00Z'), nowMs: at('2026-03-02T09:00:00Z'), targetMinutes: 60, hours: 'calendar'});
		expect(clock.elapsedMs).toBe(0);
		expect(clock.breached).toBe(false);
	});
});

test('targetsFor falls back to default', () => {
	expect(targetsFor(defaultSlaPolicy, 'URGENT').firstReplyMinutes).toBe(60);
	expect(targetsFor(defaultSlaPolicy, 'whatever')).toBe(defaultSlaPolicy.targets.default);
	expect(targetsFor(defaultSlaPolicy, undefined)).toBe(defaultSlaPolicy.targets.default);
});

test('pausesFromStatusChanges', () => {
	expect(
		pausesFromStatusChanges([
			{at: 30, status: 'open'},
			{at: 10, status: 'new'},
			{at: 40, status: 'pending'},
			{at: 50, status: 'on-hold'},
			{at: 70, status: 'open'},
			{at: 90, status: 'Pending'},
		]),
	).toEqual([
		{start: 40, end: 70},
		{start: 90, end: Number.POSITIVE_INFINITY},
	]);
});
