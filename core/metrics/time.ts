// Local calendar days and a business-hours clock, computed once per timestamp at load time
// (SQL has no time zones or calendars; the metric SQL only subtracts these precomputed numbers).

import type {BusinessCalendar} from '../calendar.ts';
import {businessMillisBetween as calendarMillisBetween} from '../calendar.ts';
import {makeOffsetOf} from '../time-zone.ts';

export type {BusinessCalendar} from '../calendar.ts';
export type BusinessMillisBetween = (startMs: number, endMs: number, calendar: BusinessCalendar) => number;

/** Business hours for the business-hours variants of the duration metrics. */
export type BusinessHours = {
	calendar: BusinessCalendar;
	/** @default businessMillisBetween of core/calendar.ts */
	businessMillisBetween?: BusinessMillisBetween | undefined;
};

const hourMs = 3_600_000;
const dayMs = 86_400_000;

/** Days since 1970-01-01 -> yyyymmdd (proleptic Gregorian). */
export function dayNumberToKey(dayNumber: number): number {
	// Civil-from-days (H. Hinnant's algorithm, public domain description).
	const z = dayNumber + 719_468;
	const era = Math.floor(z / 146_097);
	const doe = z - era * 146_097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
	return year * 10_000 + month * 100 + day;
}

/** yyyymmdd -> days since 1970-01-01. */
export function dayKeyToNumber(key: number): number {
	const year = Math.floor(key / 10_000);
	const month = Math.floor(key / 100) % 100;
	const day = key % 100;
	return Math.floor(Date.UTC(year, month - 1, day) / dayMs);
}

/** '2026-03-14' <-> 20260314 */
export function isoDayToKey(isoDay: string): number {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
	if (!match) {
		throw new Error(`Expected a day as YYYY-MM-DD, got ${JSON.stringify(isoDay)}`);
	}

	return Number(match[1]) * 10_000 + Number(match[2]) * 100 + Number(match[3]);
}

export function dayKeyToIso(key: number): string {
	const text = String(key);
	return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** yyyymm -> 'YYYY-MM' */
export function monthKeyToIso(key: number): string {
	const text = String(key);
	return `${text.slice(0, 4)}-${text.slice(4, 6)}`;
}

export type DayKeys = {
	/** yyyymmdd of the local day. */
	day: number;
	/** yyyymmdd of the local Monday that starts the (ISO) week. */
	week: number;
	/** yyyymm */
	month: number;
};

/** Local day / week / month keys of instants in one time zone; cheap enough for millions of calls. */
export function makeDayKeys(timezone = 'UTC'): (ms: number) => DayKeys {
	const offsetOf = makeOffsetOf(timezone);
	return ms => keysOfLocal(ms + offsetOf(ms));
}

/** The instant the local clock hour containing `ms` began (agent-hours are local clock hours). */
export function makeHourStart(timezone = 'UTC'): (ms: number) => number {
	const offsetOf = makeOffsetOf(timezone);
	return ms => {
		const local = ms + offsetOf(ms);
		return ms - (((local % hourMs) + hourMs) % hourMs);
	};
}

const keysByDay = new Map<number, DayKeys>();

function keysOfLocal(localMs: number): DayKeys {
	const dayNumber = Math.floor(localMs / dayMs);
	let keys = keysByDay.get(dayNumber);
	if (!keys) {
		const day = dayNumberToKey(dayNumber);
		// 1970-01-01 was a Thursday: (dayNumber + 3) % 7 is 0 on Mondays.
		const weekday = (((dayNumber + 3) % 7) + 7) % 7;
		keys = {day, week: dayNumberToKey(dayNumber - weekday), month: Math.floor(day / 100)};
		if (keysByDay.size > 200_000) {
			keysByDay.clear();
		}

		keysByDay.set(dayNumber, keys);
	}

	return keys;
}

/**
 * A monotone business clock: business milliseconds elapsed since `originMs`. The business time between
 * two instants is the difference of their clock readings. Readings are cached per hour: an hour that is
 * entirely inside (or outside) business hours needs no calendar call at all.
 */
export function makeBusinessClock(hours: BusinessHours, originMs: number, untilMs: number): (ms: number) => number {
	const {calendar} = hours;
	const businessMillisBetween = hours.businessMillisBetween ?? calendarMillisBetween;
	const firstHour = Math.floor(originMs / hourMs) * hourMs;
	const hourCount = Math.max(1, Math.ceil((untilMs - firstHour) / hourMs) + 1);
	// cumulative[k]: business ms from firstHour to the start of hour k.
	const cumulative = new Float64Array(hourCount + 1);
	for (let k = 0; k < hourCount; k++) {
		const start = firstHour + k * hourMs;
		cumulative[k + 1] = cumulative[k]! + businessMillisBetween(start, start + hourMs, calendar);
	}

	const base = businessMillisBetween(firstHour, originMs, calendar);
	return ms => {
		const k = Math.floor((ms - firstHour) / hourMs);
		if (k < 0 || k >= hourCount) {
			return ms >= originMs ? businessMillisBetween(originMs, ms, calendar) : -businessMillisBetween(ms, originMs, calendar);
		}

		const start = firstHour + k * hourMs;
		const inHour = cumulative[k + 1]! - cumulative[k]!;
		let within: number;
		if (inHour === 0) {
			within = 0;
		} else if (inHour === hourMs) {
			within = ms - start;
		} else {
			within = businessMillisBetween(start, ms, calendar);
		}

		return Math.round(cumulative[k]! + within - base);
	};
}

/** Week (its Monday) and month of a local day. */
export function keysOfDay(day: number): DayKeys {
	const dayNumber = dayKeyToNumber(day);
	const weekday = (((dayNumber + 3) % 7) + 7) % 7;
	return {day, week: dayNumberToKey(dayNumber - weekday), month: Math.floor(day / 100)};
}
