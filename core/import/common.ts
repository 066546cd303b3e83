// What every import shares: reading records from text chunks with progress, header lookup by
// tolerant names, date and number parsing, and the all-or-nothing result.
import type {Dataset, DatasetTicket, SurveyResponse} from '../metrics/dataset.ts';
import {latestTime, longestDuration} from '../schema.ts';
import {makeOffsetOf, wallToUtc} from '../time-zone.ts';
import type {CsvRecord} from './csv.ts';
import {CsvParser} from './csv.ts';

/** Text in chunks: a File's stream piped through TextDecoderStream, a Node read stream with an encoding, or strings. */
export type TextSource = AsyncIterable<string> | Iterable<string>;

export type ImportIssue = {
	/** 1-based line in the file (0 for the file as a whole). */
	line: number;
	column?: string | undefined;
	message: string;
};

export type ImportProgress = {
	/** Characters read so far. */
	chars: number;
	/** Total characters when known (file size is a fine estimate). */
	total?: number | undefined;
	rows: number;
};

export type ImportOptions = {
	onProgress?: ((progress: ImportProgress) => void) | undefined;
	/** For progress: the expected size in characters (bytes are close enough). */
	totalChars?: number | undefined;
	/** Stop collecting problems after this many. @default 100 */
	maxIssues?: number | undefined;
	/** Stop reading past this many rows, with this message (what a browser page can hold). */
	rowLimit?: {rows: number; message: string} | undefined;
	/**
	 * Hand each ticket and survey on as it is read instead of keeping them in the result (files too big
	 * to hold: the command line streams them into its engine). The result's dataset is then empty; a
	 * failed import means the rows handed on must be dropped.
	 */
	sink?: RowSink | undefined;
};

export type RowSink = {ticket(ticket: DatasetTicket): void; survey(survey: SurveyResponse): void};

/** The rows of one import: kept for the result, or handed to the sink. */
export function rowsOf(options: ImportOptions): {
	tickets: DatasetTicket[];
	surveys: SurveyResponse[];
	ticket(ticket: DatasetTicket): void;
	survey(survey: SurveyResponse): void;
} {
	const tickets: DatasetTicket[] = [];
	const surveys: SurveyResponse[] = [];
	const sink = options.sink;
	return {
		tickets,
		surveys,
		ticket: sink ? ticket => sink.ticket(ticket) : ticket => tickets.push(ticket),
		survey: sink ? survey => sink.survey(survey) : survey => surveys.push(survey),
	};
}

export type ImportResult =
	| {ok: true; dataset: Dataset; rows: number; warnings: string[]}
	/** Nothing from the file is imported when any row has a problem. */
	| {ok: false; issues: ImportIssue[]; rows: number; summary: string};

/** Lowercase, letters and digits only: 'Requester ID' and 'requester_id' become 'requesterid'. */
export function normalizeHeader(name: string): string {
	return name
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z\d]/g, '');
}

/** Column positions by field, matching any of several header names. */
export function mapHeader<Field extends string>(
	header: readonly string[],
	aliases: Record<Field, readonly string[]>,
): Partial<Record<Field, number>> {
	const positions = new Map<string, number>();
	for (const [index, name] of header.entries()) {
		const key = normalizeHeader(name);
		if (!positions.has(key)) {
			positions.set(key, index);
		}
	}

	const mapped: Partial<Record<Field, number>> = {};
	for (const [field, names] of Object.entries(aliases) as Array<[Field, readonly string[]]>) {
		for (const name of names) {
			const position = positions.get(normalizeHeader(name));
			if (position !== undefined) {
				mapped[field] = position;
				break;
			}
		}
	}

	return mapped;
}

const isoPattern = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;
const slashPattern = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?$/i;

export type DateOptions = {
	/** Zone of times written without an offset (helpdesk exports use the account's zone). @default 'UTC' */
	timezone?: string | undefined;
	/** For d/m/y or m/d/y dates: true reads 03/04/2026 as 3 April. @default false (US order) */
	dayFirst?: boolean | undefined;
};

/** Epoch ms of a date-time as helpdesk exports write it, or undefined when it is not one. */
export function parseDateTime(text: string, options: DateOptions = {}): number | undefined {
	const value = text.trim();
	let match = isoPattern.exec(value);
	let wall: number;
	let zone: string | undefined;
	if (match) {
		const [, year, month, day, hour, minute, second, fraction] = match;
		zone = match[8];
		wall = Date.UTC(
			Number(year),
			Number(month) - 1,
			Number(day),
			Number(hour ?? 0),
			Number(minute ?? 0),
			Number(second ?? 0),
			Math.round(Number(`0.${fraction ?? '0'}`) * 1000),
		);
		if (new Date(wall).getUTCDate() !== Number(day) || new Date(wall).getUTCMonth() !== Number(month) - 1) {
			return undefined;
		}
	} else {
		match = slashPattern.exec(value);
		if (!match) {
			return undefined;
		}

		const [, first, second, year, hourText, minute, secondText, meridiem] = match;
		const [day, month] = options.dayFirst ? [Number(first), Number(second)] : [Number(second), Number(first)];
		let hour = Number(hourText ?? 0);
		if (meridiem) {
			hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
		}

		wall = Date.UTC(Number(year), month - 1, day, hour, Number(minute ?? 0), Number(secondText ?? 0));
		if (month < 1 || month > 12 || new Date(wall).getUTCDate() !== day) {
			return undefined;
		}
	}

	if (zone === undefined) {
		return wallToUtc(wall, makeOffsetOf(options.timezone ?? 'UTC'));
	}

	if (/^(z|utc)$/i.test(zone)) {
		return wall;
	}

	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	return wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

/**
 * Epoch ms of a date-time cell, or why it is not one: not a date at all, or outside 1970-2099 (a
 * year-9999 typo would otherwise become the data's "now").
 */
export function readDateTime(text: string, options: DateOptions = {}): number | {problem: string} {
	const value = parseDateTime(text, options);
	if (value === undefined) {
		return {problem: `"${text}" is not a date and time`};
	}

	return value < 0 || value > latestTime ? {problem: `"${text}" is not a plausible date (expected 1970 to 2099)`} : value;
}

/** The largest measure a cell may hold: ten years in minutes (counts stay far below it). */
export const largestMeasure = longestDuration / 60_000;

/**
 * A plain decimal number, or undefined for an empty cell; NaN marks a cell that is not a number, or one
 * too large to be a measure (a 400-digit number would otherwise become Infinity and vanish).
 */
export function parseNumber(text: string): number | undefined {
	const value = text.trim();
	if (value === '' || value === '-') {
		return undefined;
	}

	const number = /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
	return Math.abs(number) > largestMeasure ? Number.NaN : number;
}

export type RowReader = {
	/** Called once with the header; return issues to reject the file (e.g. a required column is missing). */
	header(fields: string[]): ImportIssue[];
	/** Called per data record; push problems into `issues`. */
	row(record: CsvRecord, issues: ImportIssue[]): void;
};

/** Reads header and records from text chunks, reporting progress; stops collecting problems at maxIssues. */
export async function readCsv(
	source: TextSource,
	reader: RowReader,
	options: ImportOptions = {},
): Promise<{rows: number; issues: ImportIssue[]; truncated: boolean}> {
	const parser = new CsvParser();
	const maxIssues = options.maxIssues ?? 100;
	const issues: ImportIssue[] = [];
	let header: string[] | undefined;
	let rows = 0;
	let truncated = false;
	const take = (records: CsvRecord[]): void => {
		for (const record of records) {
			if (!header) {
				header = record.fields;
				issues.push(...reader.header(record.fields));
				continue;
			}

			rows++;
			if (issues.length >= maxIssues) {
				truncated = true;
			} else if (record.fields.length < header.length) {
				// A row cut short (a truncated download, a lost line end) would import with empty columns.
				issues.push({
					line: record.line,
					message: `the row has ${record.fields.length} of the header's ${header.length} columns: it is cut short (is the file complete?)`,
				});
			} else {
				reader.row(record, issues);
			}
		}
	};

	const limit = options.rowLimit;
	for await (const chunk of source) {
		take(parser.push(chunk));
		options.onProgress?.({chars: parser.consumed, total: options.totalChars, rows});
		if (limit && rows > limit.rows) {
			// Leaving the loop cancels the rest of the stream: nothing more is read.
			return {rows, issues: [{line: 0, message: limit.message}], truncated: false};
		}
	}

	take(parser.end());
	options.onProgress?.({chars: parser.consumed, total: options.totalChars, rows});
	for (const problem of parser.problems) {
		issues.push({line: problem.line, message: `Unreadable CSV: ${problem.message}`});
	}

	if (!header) {
		issues.push({line: 0, message: 'The file is empty (no header row).'});
	}

	issues.sort((a, b) => a.line - b.line);
	return {rows, issues: issues.slice(0, maxIssues), truncated: truncated || issues.length > maxIssues};
}

/** The all-or-nothing result of one file. */
export function resultOf(
	file: string,
	read: {rows: number; issues: ImportIssue[]; truncated: boolean},
	dataset: () => Dataset,
	warnings: string[] = [],
): ImportResult {
	if (read.issues.length > 0) {
		const more = read.truncated ? ' (showing the first ones)' : '';
		return {
			ok: false,
			issues: read.issues,
			rows: read.rows,
			summary: `${file}: nothing imported, ${read.issues.length} problem${read.issues.length === 1 ? '' : 's'}${more}. First: ${describeIssue(read.issues[0]!)}`,
		};
	}

	return {ok: true, dataset: dataset(), rows: read.rows, warnings};
}

export function describeIssue(issue: ImportIssue): string {
	return `${issue.line > 0 ? `line ${issue.line}` : 'file'}${issue.column ? `, column "${issue.column}"` : ''}: ${issue.message}`;
}

/** Cell text of a mapped column ('' when the column is absent or the row is short). */
export function cell(record: CsvRecord, position: number | undefined): string {
	return position === undefined ? '' : (record.fields[position] ?? '').trim();
}
