// How Defuse writes durations, counts and dates, for the overlay, the signals' labels, the popup,
// the dashboard and the command line alike. Pure: the locale (and for dates the time zone) is passed in.
import type {Ratio} from './metrics/kpis.ts';

/**
 * The locale of Defuse's own sentences. They are English, so the numbers inside them are written the
 * English way ("1,234.5") whatever the browser's language; dates shown on their own follow the browser.
 */
export const textLocale = 'en-US';

/** What stands for a missing number. */
export const dash = '–';

const minuteMs = 60_000;
const numberFormats = new Map<string, Intl.NumberFormat>();

function isNumber(value: number | null | undefined): value is number {
	return value !== null && value !== undefined && Number.isFinite(value);
}

/** 1234.5 -> '1,234.5' (en-US, one digit) or '1.234,5' (de-DE); a missing number is a dash. */
export function formatNumber(value: number | null | undefined, locale: string, digits = 0): string {
	if (!isNumber(value)) {
		return dash;
	}

	const key = `${locale}|${digits}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale, {minimumFractionDigits: digits, maximumFractionDigits: digits});
		numberFormats.set(key, format);
	}

	return format.format(value);
}

/**
 * A duration as an agent reads it, in whole units: '12 min', '3 h 20 min', '31 h', '2 days 4 h'.
 * Rounded down, never negative; minutes are dropped from 10 hours on, hours from 48.
 */
export function formatDuration(ms: number, locale: string): string {
	const whole = (value: number) => value.toLocaleString(locale);
	const minutes = Math.max(0, Math.floor(ms / minuteMs));
	if (minutes < 60) {
		return `${whole(minutes)} min`;
	}

	const hours = Math.floor(minutes / 60);
	if (hours < 48) {
		const rest = minutes % 60;
		return rest > 0 && hours < 10 ? `${whole(hours)} h ${whole(rest)} min` : `${whole(hours)} h`;
	}

	const days = Math.floor(hours / 24);
	const restHours = hours % 24;
	return restHours > 0 ? `${whole(days)} days ${whole(restHours)} h` : `${whole(days)} days`;
}

/** As formatDuration, but a wait under a minute reads '45 s' (at least '1 s') instead of '0 min'. */
export function formatShortDuration(ms: number, locale: string): string {
	return ms < minuteMs ? `${Math.max(1, Math.ceil(ms / 1000)).toLocaleString(locale)} s` : formatDuration(ms, locale);
}

/**
 * A measured duration in one unit with a decimal, as tables of statistics show it: '45 s', '38 min',
 * '1.6 h' (from 90 minutes), '3.2 d' (from 48 hours). A missing value is a dash.
 */
export function formatDecimalDuration(ms: number | null | undefined, locale: string): string {
	if (!isNumber(ms)) {
		return dash;
	}

	const minutes = ms / minuteMs;
	if (minutes < 1) {
		return `${formatNumber(Math.round(ms / 1000), locale)} s`;
	}

	if (minutes < 90) {
		return `${formatNumber(Math.round(minutes), locale)} min`;
	}

	const hours = minutes / 60;
	return hours < 48 ? `${formatNumber(hours, locale, 1)} h` : `${formatNumber(hours / 24, locale, 1)} d`;
}

/** 0.123 -> '12.3%'. */
export function formatPercent(value: number | null | undefined, locale: string, digits = 1): string {
	return isNumber(value) ? `${formatNumber(value * 100, locale, digits)}%` : dash;
}

export function formatRatio(ratio: Ratio | null | undefined, locale: string): string {
	return formatPercent(ratio?.value, locale);
}

/** '1 ticket', '1,200 tickets'. */
export function formatCount(count: number, noun: string, locale: string): string {
	return `${formatNumber(count, locale)} ${noun}${count === 1 ? '' : 's'}`;
}

/** A change with its sign always written: '+1.2', '−3.0' (a true minus sign), '±0.0'. */
export function formatSigned(value: number | null | undefined, locale: string, digits = 1): string {
	if (!isNumber(value)) {
		return dash;
	}

	const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
	return `${sign}${formatNumber(Math.abs(value), locale, digits)}`;
}

/** A file size in whole megabytes (MiB): '160 MB'. */
export function formatMegabytes(bytes: number, locale: string): string {
	return `${formatNumber(Math.round(bytes / (1024 * 1024)), locale)} MB`;
}

/** Where and how a date is read: the reader's locale and, unless it is the runtime's own, time zone. */
export type DateStyle = {locale: string; timeZone?: string | undefined};

/** An instant as date and time: '3/2/2026, 9:14:00 AM' (en-US), '2.3.2026, 09:14:00' (de-DE). */
export function formatDateTime(instant: string | number, style: DateStyle): string {
	return new Date(instant).toLocaleString(style.locale, {timeZone: style.timeZone});
}

/** An instant within the week, for a thread: 'Mon 09:14' (en-GB), 'Mon 09:14 AM' (en-US). */
export function formatWeekdayTime(instant: string | number, style: DateStyle): string {
	return new Date(instant).toLocaleString(style.locale, {timeZone: style.timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit'});
}
