// Building blocks for the schemas at the trust boundaries (snapshots, datasets, runtime messages):
// one valibot definition gives both the type and its check, and every rejection names the row and
// the field. Plausible ranges live here so that every boundary rejects the same nonsense.
import * as v from 'valibot';

/** No time in Defuse data is after this (a year-9999 date is a typo or a tampered row, not a ticket). */
export const latestTime = Date.UTC(2100, 0, 1);
/** No duration is longer than ten years (a ticket answered after that is a broken clock). */
export const longestDuration = 10 * 365 * 86_400_000;

const shown = (value: unknown): string => {
	const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** What the value was, for messages: `got -5`. */
export const got = (issue: {input: unknown}): string =>
	`got ${Array.isArray(issue.input) ? 'a list' : typeof issue.input === 'object' && issue.input !== null ? 'an object' : shown(issue.input)}`;

export function numberIn(min: number, max: number, what = 'a number') {
	const message = (issue: {input: unknown}) => `expected ${what} from ${min} to ${max}, ${got(issue)}`;
	return v.pipe(v.number(message), v.finite(message), v.minValue(min, message), v.maxValue(max, message));
}

export function wholeNumberIn(min: number, max: number, what = 'a whole number') {
	const message = (issue: {input: unknown}) => `expected ${what} from ${min} to ${max}, ${got(issue)}`;
	return v.pipe(v.number(message), v.safeInteger(message), v.minValue(min, message), v.maxValue(max, message));
}

/** Epoch milliseconds between 1970 and 2100. */
export const epochMs = numberIn(0, latestTime, 'epoch milliseconds');

/** A duration in milliseconds, from zero to ten years. */
export const durationMs = numberIn(0, longestDuration, 'a duration in milliseconds');

export function text(maxChars = 2000, options: {nonEmpty?: boolean} = {}) {
	const message = (issue: {input: unknown}) =>
		`expected ${options.nonEmpty ? 'a non-empty ' : 'a '}text of at most ${maxChars} characters, ${got(issue)}`;
	return options.nonEmpty
		? v.pipe(v.string(message), v.minLength(1, message), v.maxLength(maxChars, message))
		: v.pipe(v.string(message), v.maxLength(maxChars, message));
}

export function oneOf<const T extends readonly string[]>(values: T) {
	return v.picklist(values, issue => `expected one of ${values.join(', ')}, ${got(issue)}`);
}

export function listOf<T extends v.GenericSchema>(item: T, maxItems: number) {
	const message = (issue: {input: unknown}) => `expected a list of at most ${maxItems} items, ${got(issue)}`;
	return v.pipe(v.array(item, message), v.maxLength(maxItems, message));
}

export const flag = v.boolean(issue => `expected true or false, ${got(issue)}`);

/** A row: an object with these fields; a missing field is named as missing. */
export function record<T extends v.ObjectEntries>(entries: T) {
	return v.object(entries, issue =>
		issue.input === undefined && (issue.path?.length ?? 0) > 0 ? 'is missing' : `expected an object, ${got(issue)}`,
	);
}

export function strictRecord<T extends v.ObjectEntries>(entries: T) {
	// An unknown key is reported at its own path with `expected: 'never'`.
	return v.strictObject(entries, issue => (issue.expected === 'never' ? 'is not a known field' : `expected an object, ${got(issue)}`));
}

/** `tickets[3].firstReplyMs` for an issue's path. */
export function pathOf(issue: v.BaseIssue<unknown>): string {
	let path = '';
	for (const item of issue.path ?? []) {
		const key = (item as {key?: unknown}).key;
		if (typeof key === 'number') {
			path += `[${key}]`;
		} else {
			path += path === '' ? String(key) : `.${String(key)}`;
		}
	}

	return path;
}

/** One line per problem (at most `max`), each naming the row and field: `name: tickets[3].createdAt: expected ...`. */
export function issueLines(issues: readonly v.BaseIssue<unknown>[], name: string, max = 20): string[] {
	const lines = issues.slice(0, max).map(issue => {
		const path = pathOf(issue);
		return `${name}${path ? `: ${path}` : ''}: ${issue.message}`;
	});
	if (issues.length > max) {
		lines.push(`${name}: ... and ${issues.length - max} more problems`);
	}

	return lines;
}

/** True when A and B accept the same values (for compile-time checks that a type equals its schema's). */
export type Same<A, B> = [([A] extends [B] ? 1 : 0) | ([B] extends [A] ? 1 : 0)] extends [1] ? true : false;
export type Assert<T extends true> = T;
