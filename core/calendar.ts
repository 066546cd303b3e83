// Business-hours arithmetic in any IANA time zone.
// Work is done per local day: each day's open windows are converted to UTC once and cached,
// so an interval costs one cache lookup per day it spans, whatever its length in minutes.
import {isTimeZone, wallToUtc, zoneOffsetAt} from './time-zone.ts';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export type BusinessCalendar = {
	/** IANA zone, e.g. 'Europe/Berlin'. */
	timezone: string;
	/** Open windows per weekday as local 'HH:MM'; end may be '24:00'. */
	weekly: Partial<Record<Weekday, Array<[start: string, end: string]>>>;
	/** Whole local days off, 'YYYY-MM-DD'. */
	holidays: string[];
};

const dayMs = 86_400_000;
// Date.UTC(1970, 0, 1) was a Thursday; index 0 = 'sun' as in Date#getUTCDay.
const weekdays: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
// No business time within this many days means the calendar has none at all.
const searchLimitDays = 3700;

type Window = [start: number, end: number];

type Compiled = {
	zone: string;
	weekly: Map<number, Array<[number, number]>>; // Weekday index -> local minute ranges
	holidays: Set<string>;
	days: Map<number, Window[]>; // Local day number -> UTC windows
	empty: boolean;
};

const clockPattern = /^(\d{2}):(\d{2})$/;

function parseClock(value: string, isEnd: boolean): number | undefined {
	const match = clockPattern.exec(value);
	if (!match) {
		return undefined;
	}

	const hours = Number(match[1]);
	const minutes = Number(match[2]);
	if (hours === 24 && minutes === 0 && isEnd) {
		return 1440;
	}

	if (hours > 23 || minutes > 59) {
		return undefined;
	}

	return hours * 60 + minutes;
}

const compiledCache = new WeakMap<BusinessCalendar, Compiled>();

function compile(calendar: BusinessCalendar): Compiled {
	const cached = compiledCache.get(calendar);
	if (cached) {
		return cached;
	}

	const weekly = new Map<number, Array<[number, number]>>();
	let empty = true;
	for (const [index, name] of weekdays.entries()) {
		const ranges: Array<[number, number]> = [];
		for (const [start, end] of calendar.weekly[name] ?? []) {
			const from = parseClock(start, false);
			const to = parseClock(end, true);
			if (from !== undefined && to !== undefined && to > from) {
				ranges.push([from, to]);
			}
		}

		ranges.sort((a, b) => a[0] - b[0]);
		const merged: Array<[number, number]> = [];
		for (const range of ranges) {
			const last = merged.at(-1);
			if (last && range[0] <= last[1]) {
				last[1] = Math.max(last[1], range[1]);
			} else {
				merged.push([range[0], range[1]]);
			}
		}

		if (merged.length > 0) {
			empty = false;
		}

		weekly.set(index, merged);
	}

	const compiled: Compiled = {zone: calendar.timezone, weekly, holidays: new Set(calendar.holidays), days: new Map(), empty};
	compiledCache.set(calendar, compiled);
	return compiled;
}

function isoDate(dayNumber: number): string {
	return new Date(dayNumber * dayMs).toISOString().slice(0, 10);
}

/** Open windows (UTC ms) of the local calendar day `dayNumber` (days since 1970-01-01, local). */
function windowsOf(compiled: Compiled, dayNumber: number): Window[] {
	const cached = compiled.days.get(dayNumber);
	if (cached) {
		return cached;
	}

	let windows: Window[] = [];
	const ranges = compiled.weekly.get(((dayNumber % 7) + 11) % 7) ?? [];
	if (ranges.length > 0 && !compiled.holidays.has(isoDate(dayNumber))) {
		const midnight = dayNumber * dayMs;
		const offsetOf = (ms: number) => zoneOffsetAt(ms, compiled.zone); // Exact; each day is converted once
		windows = ranges.map(([from, to]) => [wallToUtc(midnight + from * 60_000, offsetOf), wallToUtc(midnight + to * 60_000, offsetOf)]);
		windows = windows.filter(([start, end]) => end > start);
	}

	if (compiled.days.size > 50_000) {
		compiled.days.clear();
	}

	compiled.days.set(dayNumber, windows);
	return windows;
}

/** Business milliseconds in [startMs, endMs); 0 if end <= start. */
export function businessMillisBetween(startMs: number, endMs: number, calendar: BusinessCalendar): number {
	if (!(endMs > startMs) || !Number.isFinite(startMs) || !Number.isFinite(endMs)) {
		return 0;
	}

	const compiled = compile(calendar);
	if (compiled.empty) {
		return 0;
	}

	let total = 0;
	// Local days differ from UTC days by at most 14 hours, so one day of margin on each side is enough.
	const last = Math.floor(endMs / dayMs) + 1;
	for (let day = Math.floor(startMs / dayMs) - 1; day <= last; day++) {
		for (const [open, close] of windowsOf(compiled, day)) {
			const from = open > startMs ? open : startMs;
			const to = close < endMs ? close : endMs;
			if (to > from) {
				total += to - from;
			}
		}
	}

	return total;
}

/**
 * The earliest instant at which `durationMs` business milliseconds have passed since `startMs`.
 * Returns `startMs` for a zero or negative duration, and Infinity if the calendar never opens.
 */
export function addBusinessMillis(startMs: number, durationMs: number, calendar: BusinessCalendar): number {
	if (!(durationMs > 0) || !Number.isFinite(startMs)) {
		return startMs;
	}

	const compiled = compile(calendar);
	if (compiled.empty) {
		return Number.POSITIVE_INFINITY;
	}

	let remaining = durationMs;
	const first = Math.floor(startMs / dayMs) - 1;
	let idleDays = 0;
	for (let day = first; idleDays < searchLimitDays; day++) {
		const windows = windowsOf(compiled, day);
		idleDays = windows.length > 0 ? 0 : idleDays + 1;
		for (const [open, close] of windows) {
			const from = open > startMs ? open : startMs;
			if (close <= from) {
				continue;
			}

			if (close - from >= remaining) {
				return from + remaining;
			}

			remaining -= close - from;
		}
	}

	return Number.POSITIVE_INFINITY;
}

export function isBusinessTime(ms: number, calendar: BusinessCalendar): boolean {
	if (!Number.isFinite(ms)) {
		return false;
	}

	const compiled = compile(calendar);
	const day = Math.floor(ms / dayMs);
	for (let candidate = day - 1; candidate <= day + 1; candidate++) {
		for (const [open, close] of windowsOf(compiled, candidate)) {
			if (ms >= open && ms < close) {
				return true;
			}
		}
	}

	return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function validateCalendar(value: unknown): {ok: true; calendar: BusinessCalendar} | {ok: false; errors: string[]} {
	const errors: string[] = [];
	if (!isRecord(value)) {
		return {ok: false, errors: ['calendar must be an object']};
	}

	const {timezone, weekly, holidays} = value;
	if (typeof timezone !== 'string' || timezone === '') {
		errors.push('timezone must be an IANA time zone name');
	} else {
		if (!isTimeZone(timezone)) {
			errors.push(`unknown time zone: ${timezone}`);
		}
	}

	const cleanWeekly: BusinessCalendar['weekly'] = {};
	if (isRecord(weekly)) {
		for (const [key, ranges] of Object.entries(weekly)) {
			if (!(weekdays as readonly string[]).includes(key)) {
				errors.push(`unknown weekday: ${key}`);
				continue;
			}

			if (!Array.isArray(ranges)) {
				errors.push(`${key} must be a list of [start, end] pairs`);
				continue;
			}

			const clean: Array<[string, string]> = [];
			for (const [index, range] of ranges.entries()) {
				if (!Array.isArray(range) || range.length !== 2 || typeof range[0] !== 'string' || typeof range[1] !== 'string') {
					errors.push(`${key}[${index}] must be ['HH:MM', 'HH:MM']`);
					continue;
				}

				const [start, end] = range as [string, string];
				const from = parseClock(start, false);
				const to = parseClock(end, true);
				if (from === undefined) {
					errors.push(`${key}[${index}]: bad start time '${start}'`);
				} else if (to === undefined) {
					errors.push(`${key}[${index}]: bad end time '${end}'`);
				} else if (to <= from) {
					errors.push(`${key}[${index}]: end ${end} must be after start ${start}`);
				} else {
					clean.push([start, end]);
				}
			}

			cleanWeekly[key as Weekday] = clean;
		}
	} else {
		errors.push('weekly must be an object keyed by weekday (mon..sun)');
	}

	const cleanHolidays: string[] = [];
	if (Array.isArray(holidays)) {
		for (const day of holidays) {
			if (
				typeof day === 'string' &&
				datePattern.test(day) &&
				!Number.isNaN(Date.parse(day)) &&
				new Date(day).toISOString().startsWith(day)
			) {
				cleanHolidays.push(day);
			} else {
				errors.push(`bad holiday date: ${String(day)} (expected YYYY-MM-DD)`);
			}
		}
	} else if (holidays !== undefined) {
		errors.push('holidays must be a list of YYYY-MM-DD dates');
	}

	if (errors.length > 0) {
		return {ok: false, errors};
	}

	return {ok: true, calendar: {timezone: timezone as string, weekly: cleanWeekly, holidays: cleanHolidays}};
}
