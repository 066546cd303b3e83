// Time zones: the UTC offset of any instant in an IANA zone, and the instant of a local wall-clock
// time. The one place that asks Intl about zones; business hours, metrics and imports all use it.

const dayMs = 86_400_000;
const hourMs = 3_600_000;
const offsetBucketMs = 900_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(zone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(zone, formatter);
	}

	return formatter;
}

/** Whether Intl knows `zone` as a time zone ('Europe/Berlin', 'UTC'). */
export function isTimeZone(zone: string): boolean {
	try {
		formatterFor(zone);
		return true;
	} catch {
		return false;
	}
}

/** Milliseconds to add to a UTC instant to get the local wall-clock time in `zone`. */
export function zoneOffsetAt(ms: number, zone: string): number {
	const whole = Math.floor(ms / 1000) * 1000;
	const local: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
	for (const part of formatterFor(zone).formatToParts(whole)) {
		local[part.type] = Number(part.value);
	}

	return (
		Date.UTC(local.year ?? 1970, (local.month ?? 1) - 1, local.day ?? 1, local.hour ?? 0, local.minute ?? 0, local.second ?? 0) - whole
	);
}

const offsetFunctions = new Map<string, (ms: number) => number>();

/**
 * The time zone's UTC offset (ms) at any instant. Intl is asked twice per UTC day (start and end);
 * only a day on which the offset changes is resolved to 15-minute steps (zones change on such boundaries).
 * The cache is shared by every caller for the same zone.
 */
export function makeOffsetOf(timezone = 'UTC'): (ms: number) => number {
	if (timezone === 'UTC' || timezone === 'Etc/UTC') {
		return () => 0;
	}

	const known = offsetFunctions.get(timezone);
	if (known) {
		return known;
	}

	const cache = new Map<number, number | Float64Array>();
	const steps = dayMs / offsetBucketMs;
	const offsetOf = (ms: number): number => {
		const dayNumber = Math.floor(ms / dayMs);
		let entry = cache.get(dayNumber);
		if (entry === undefined) {
			const start = zoneOffsetAt(dayNumber * dayMs, timezone);
			const end = zoneOffsetAt((dayNumber + 1) * dayMs - offsetBucketMs, timezone);
			if (start === end) {
				entry = start;
			} else {
				entry = new Float64Array(steps);
				for (let step = 0; step < steps; step++) {
					entry[step] = zoneOffsetAt(dayNumber * dayMs + step * offsetBucketMs, timezone);
				}
			}

			cache.set(dayNumber, entry);
		}

		return typeof entry === 'number' ? entry : entry[Math.floor((ms - dayNumber * dayMs) / offsetBucketMs)]!;
	};
	offsetFunctions.set(timezone, offsetOf);
	return offsetOf;
}

/**
 * The UTC instant of a local wall-clock time (the wall time given as if it were UTC ms), with the zone's
 * offsets from `offsetOf`: `makeOffsetOf(zone)` (cached, for many times) or `ms => zoneOffsetAt(ms, zone)`.
 * - A wall time the autumn change repeats (Berlin 2026-10-25 02:30 happens twice) takes the
 *   **earlier** instant, the one still on summer time (Temporal's 'compatible' choice).
 * - A wall time the spring change skips (Berlin 2026-03-29 02:30) moves forward by the jump (03:30).
 */
export function wallToUtc(wall: number, offsetOf: (ms: number) => number): number {
	const before = offsetOf(wall - 12 * hourMs);
	const after = offsetOf(wall + 12 * hourMs);
	if (before === after) {
		return wall - before;
	}

	const early = wall - before;
	const late = wall - after;
	const earlyValid = offsetOf(early) === before;
	const lateValid = offsetOf(late) === after;
	if (earlyValid && lateValid) {
		return Math.min(early, late);
	}

	if (lateValid && !earlyValid) {
		return late;
	}

	return early; // Valid only before the change, or in the gap: the wall time plus the jump
}
