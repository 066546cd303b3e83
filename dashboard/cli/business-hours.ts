// The --business-hours option: a calendar JSON file, or a compact spec such as
// "Europe/Berlin mon-fri 09:00-17:00 sat 10:00-13:00 holidays 2026-12-25,2026-12-26".
import type {BusinessCalendar, Weekday} from '../../core/calendar.ts';
import {validateCalendar} from '../../core/calendar.ts';

const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function daysOf(token: string): Weekday[] | undefined {
	const days: Weekday[] = [];
	for (const part of token.toLowerCase().split(',')) {
		const [from, to] = part.split('-') as [string, string | undefined];
		const start = weekdays.indexOf(from as Weekday);
		const end = to === undefined ? start : weekdays.indexOf(to as Weekday);
		if (start < 0 || end < 0 || end < start) {
			return undefined;
		}

		days.push(...weekdays.slice(start, end + 1));
	}

	return days;
}

/** Parses the compact spec; throws an Error that says what is wrong. */
export function parseBusinessHoursSpec(spec: string): BusinessCalendar {
	const tokens = spec.trim().split(/\s+/);
	const [timezone, ...rest] = tokens;
	if (!timezone || rest.length === 0) {
		throw new Error(
			`--business-hours: expected "<time zone> <days> <HH:MM-HH:MM> ...", e.g. "Europe/Berlin mon-fri 09:00-17:00", got "${spec}"`,
		);
	}

	const weekly: BusinessCalendar['weekly'] = {};
	const holidays: string[] = [];
	for (let index = 0; index < rest.length; index += 2) {
		const head = rest[index]!;
		const value = rest[index + 1];
		if (value === undefined) {
			throw new Error(`--business-hours: "${head}" needs a value after it`);
		}

		if (head.toLowerCase() === 'holidays') {
			holidays.push(...value.split(',').filter(Boolean));
			continue;
		}

		const days = daysOf(head);
		const hours = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(value);
		if (!days || !hours) {
			throw new Error(`--business-hours: expected days like "mon-fri" and hours like "09:00-17:00", got "${head} ${value}"`);
		}

		for (const day of days) {
			(weekly[day] ??= []).push([hours[1]!, hours[2]!]);
		}
	}

	const checked = validateCalendar({timezone, weekly, holidays});
	if (!checked.ok) {
		throw new Error(`--business-hours: ${checked.errors.join('; ')}`);
	}

	return checked.calendar;
}

/** A calendar from parsed JSON (a calendar file). */
export function calendarFromJson(value: unknown, name: string): BusinessCalendar {
	const checked = validateCalendar(value);
	if (!checked.ok) {
		throw new Error(`${name}: ${checked.errors.join('; ')}`);
	}

	return checked.calendar;
}
