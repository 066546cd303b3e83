// Dates as helpdesks show them ("Nov 3, 2026 14:05", "03.11.2026 14:05", "3 de noviembre de 2026 14:05",
// "Yesterday at 9:05") turned into ISO-8601. Only for pages without a machine-readable attribute:
// prefer <time datetime>. Relative labels ("2 hours ago") are not dates and give undefined.

export type ShownDateOptions = {
	/** The page's language (`<html lang>`): 'en-US' writes numeric dates month first, most others day first. */
	locale?: string | undefined;
	/** The page's UTC offset in minutes (local = UTC + offset). @default the runtime's own time zone */
	offsetMinutes?: number | undefined;
	/** Reference time for "today"/"yesterday" and for dates shown without a year. @default new Date() */
	now?: Date | undefined;
};

// Month names and abbreviations in the languages the phrase packs cover (en, es, de, fr, pt). Exact words
// only: prefixes would read weekdays such as "martes"/"mardi" as March.
const monthNames: ReadonlyArray<readonly string[]> = [
	['jan', 'january', 'ene', 'enero', 'januar', 'jän', 'jänner', 'janv', 'janvier', 'janeiro'],
	['feb', 'february', 'febrero', 'februar', 'févr', 'fevr', 'février', 'fev', 'fevereiro'],
	['mar', 'march', 'marzo', 'mär', 'märz', 'mrz', 'mars', 'março', 'marco'],
	['apr', 'april', 'abr', 'abril', 'avr', 'avril'],
	['may', 'mayo', 'mai', 'maio'],
	['jun', 'june', 'junio', 'juni', 'juin', 'junho'],
	['jul', 'july', 'julio', 'juli', 'juil', 'juillet', 'julho'],
	['aug', 'august', 'ago', 'agosto', 'août', 'aout'],
	['sep', 'sept', 'september', 'septiembre', 'setiembre', 'set', 'septembre', 'setembro'],
	['oct', 'october', 'octubre', 'okt', 'oktober', 'octobre', 'out', 'outubro'],
	['nov', 'november', 'noviembre', 'novembre', 'novembro'],
	['dec', 'december', 'dic', 'diciembre', 'dez', 'dezember', 'déc', 'décembre', 'dezembro'],
];

const monthByName = new Map<string, number>(monthNames.flatMap((names, index) => names.map(name => [name, index] as const)));

const todayWords = /\b(today|heute|hoy|aujourd'hui|hoje)\b/;
const yesterdayWords = /(^|\s)(yesterday|gestern|ayer|hier|ontem)\b/;

type DateParts = {year?: number | undefined; month: number; day: number};
type TimeParts = {hour: number; minute: number; second: number};

function isMonthFirst(locale: string | undefined): boolean {
	return /^en(-(us|ph|ca))?$/i.test(locale ?? '');
}

function clock(hour: number, minute: number, second: number, meridiem: string | undefined): TimeParts {
	if (meridiem?.startsWith('p') && hour < 12) {
		hour += 12;
	} else if (meridiem?.startsWith('a') && hour === 12) {
		hour = 0;
	}

	return {hour, minute, second};
}

/** The clock time in the text ("14:05", "14:05:09", "2:05 pm", "02:05pm", "14h05") and the text without it. */
function takeTime(text: string): {time: TimeParts; rest: string} | undefined {
	const match = /(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?![a-z\d])/.exec(text);
	if (match?.[1] && match[2]) {
		return {time: clock(Number(match[1]), Number(match[2]), Number(match[3] ?? 0), match[4]), rest: text.replace(match[0], ' ')};
	}

	const bare = /\b(\d{1,2})\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/.exec(text);
	if (bare?.[1] && bare[2]) {
		return {time: clock(Number(bare[1]), 0, 0, bare[2]), rest: text.replace(bare[0], ' ')};
	}

	return undefined;
}

function takeDate(text: string, locale: string | undefined): DateParts | undefined {
	let match = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(text); // 2026-11-03
	if (match) {
		return {year: Number(match[1]), month: Number(match[2]) - 1, day: Number(match[3])};
	}

	match = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})\b/.exec(text); // 03.11.2026, 11/03/2026, 03-11-26
	if (match) {
		const first = Number(match[1]);
		const second = Number(match[3]);
		const year = Number(match[4]) < 100 ? 2000 + Number(match[4]) : Number(match[4]);
		const monthFirst = first > 12 ? false : second > 12 || (match[2] === '/' && isMonthFirst(locale));
		return monthFirst ? {year, month: first - 1, day: second} : {year, month: second - 1, day: first};
	}

	// Nov 3, 2026 · 3. Nov. 2026 · 3 de noviembre de 2026 · Tuesday, 3 March 2026
	let month: number | undefined;
	let day: number | undefined;
	let year: number | undefined;
	for (const word of text.split(/[\s,.]+/)) {
		const name = monthByName.get(word);
		if (name !== undefined && month === undefined) {
			month = name;
		} else if (/^\d{4}$/.test(word) && year === undefined) {
			year = Number(word);
		} else if (/^\d{1,2}(st|nd|rd|th|er|º)?$/.test(word) && day === undefined) {
			day = Number.parseInt(word, 10);
		}
	}

	return month === undefined || day === undefined ? undefined : {year, month, day};
}

/** The instant for a local wall-clock time, or undefined when the parts do not make a real date. */
function instant(date: DateParts & {year: number}, time: TimeParts, offsetMinutes: number | undefined): number | undefined {
	const {year, month, day} = date;
	const {hour, minute, second} = time;
	const wall = new Date(Date.UTC(year, month, day, hour, minute, second));
	const valid =
		wall.getUTCFullYear() === year && wall.getUTCMonth() === month && wall.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
	if (!valid) {
		return undefined;
	}

	return offsetMinutes === undefined ? new Date(year, month, day, hour, minute, second).getTime() : wall.getTime() - offsetMinutes * 60_000;
}

/** Year, month and day of `now` as the page's clock shows them. */
function calendarOf(now: Date, offsetMinutes: number | undefined): DateParts & {year: number} {
	if (offsetMinutes === undefined) {
		return {year: now.getFullYear(), month: now.getMonth(), day: now.getDate()};
	}

	const shifted = new Date(now.getTime() + offsetMinutes * 60_000);
	return {year: shifted.getUTCFullYear(), month: shifted.getUTCMonth(), day: shifted.getUTCDate()};
}

/**
 * ISO-8601 for a date label as a helpdesk shows it, or undefined when the text is not a full date.
 * Never throws. A date shown without a year is the latest such date not after `now`.
 */
export function parseShownDate(text: string | null | undefined, options: ShownDateOptions = {}): string | undefined {
	try {
		const raw = (text ?? '').trim();
		if (raw === '' || raw.length > 80) {
			return undefined;
		}

		if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/i.test(raw)) {
			const ms = Date.parse(raw);
			return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
		}

		const clean = raw.toLowerCase().replaceAll(/\s+/g, ' ');
		if (/ ago$|^(vor|hace|il y a|há) /.test(clean)) {
			return undefined; // Relative ("2 hours ago"); note that "ago" alone is also Spanish for August
		}

		const {offsetMinutes} = options;
		const now = options.now ?? new Date();
		const found = takeTime(clean);
		const time = found?.time ?? {hour: 0, minute: 0, second: 0};
		const rest = found?.rest ?? clean;

		if (todayWords.test(rest) || yesterdayWords.test(rest)) {
			if (!found) {
				return undefined; // "Yesterday" alone is a day, not a time
			}

			const today = calendarOf(now, offsetMinutes);
			const back = yesterdayWords.test(rest) ? 1 : 0;
			const day = new Date(Date.UTC(today.year, today.month, today.day - back));
			const ms = instant({year: day.getUTCFullYear(), month: day.getUTCMonth(), day: day.getUTCDate()}, time, offsetMinutes);
			return ms === undefined ? undefined : new Date(ms).toISOString();
		}

		const date = takeDate(rest, options.locale);
		if (!date) {
			return undefined;
		}

		if (date.year !== undefined) {
			const ms = instant({...date, year: date.year}, time, offsetMinutes);
			return ms === undefined ? undefined : new Date(ms).toISOString();
		}

		const thisYear = calendarOf(now, offsetMinutes).year;
		const candidate = instant({...date, year: thisYear}, time, offsetMinutes);
		const ms =
			candidate !== undefined && candidate <= now.getTime() ? candidate : instant({...date, year: thisYear - 1}, time, offsetMinutes);
		return ms === undefined ? undefined : new Date(ms).toISOString();
	} catch {
		return undefined;
	}
}
