// Snapshots as NDJSON: one JSON value per line, written and read as a stream, so no snapshot size
// meets a string limit (a JSON snapshot is one string: about 512 MiB at most in Node). The same rows
// as a JSON snapshot (./snapshot.ts), one per line, each checked against the same schemas:
//   {"format":"defuse-snapshot-ndjson","version":1,"createdAt":...,"detail":"aggregates","timezone":...,"saltId":...}
//   {"ticket":{...TicketFact}}  {"escalation":{...}}  {"flag":{...}}  {"feedback":{...}}  {"template":{...}}
//   {"survey":{...}}  {"customer":{...}}  {"agentHour":{...}}
//   {"themes":{"key":"...","themes":["..."]}}   themes decided after the ticket's line (they replace its themes)
//   {"end":{"asOf":...,"tickets":N}}           the last line: a file without it is cut short
import * as v from 'valibot';
import type {BusinessCalendar} from '../calendar.ts';
import {validateCalendar} from '../calendar.ts';
import type {Customer} from '../metrics/dataset.ts';
import type {AgentHourFact, EscalationFact, FeedbackFact, FlagFact, SurveyFact, TemplateFact, TicketFact} from '../metrics/facts.ts';
import {
	agentHourFactSchema,
	customerSchema,
	escalationFactSchema,
	feedbackFactSchema,
	flagFactSchema,
	surveyFactSchema,
	templateFactSchema,
	ticketFactSchema,
} from '../metrics/schema.ts';
import {epochMs, issueLines, listOf, oneOf, record, text, wholeNumberIn} from '../schema.ts';
import {SnapshotError} from './snapshot.ts';

export const ndjsonFormat = 'defuse-snapshot-ndjson';

export type NdjsonHeader = {
	format: typeof ndjsonFormat;
	version: 1;
	createdAt: string;
	detail: 'aggregates';
	timezone: string;
	saltId: string;
	calendar?: BusinessCalendar | undefined;
};

export type NdjsonRecord =
	| {ticket: TicketFact}
	| {escalation: EscalationFact}
	| {flag: FlagFact}
	| {feedback: FeedbackFact}
	| {template: TemplateFact}
	| {survey: SurveyFact}
	| {customer: Customer}
	| {agentHour: AgentHourFact}
	| {themes: {key: string; themes: string[]}}
	| {end: {asOf: number; tickets: number}};

/** One line of the file (with its line end). */
export function ndjsonLine(value: NdjsonHeader | NdjsonRecord): string {
	return `${JSON.stringify(value)}\n`;
}

const headerSchema = record({
	format: v.literal(ndjsonFormat),
	version: v.literal(1),
	createdAt: text(40),
	detail: oneOf(['aggregates'] as const),
	timezone: text(100, {nonEmpty: true}),
	saltId: text(100),
	calendar: v.optional(
		v.custom<BusinessCalendar>(value => validateCalendar(value).ok, 'expected business hours (timezone, weekly, holidays)'),
	),
});

const recordSchemas = {
	ticket: ticketFactSchema,
	escalation: escalationFactSchema,
	flag: flagFactSchema,
	feedback: feedbackFactSchema,
	template: templateFactSchema,
	survey: surveyFactSchema,
	customer: customerSchema,
	agentHour: agentHourFactSchema,
	themes: record({key: text(1000, {nonEmpty: true}), themes: listOf(text(200), 50)}),
	end: record({asOf: epochMs, tickets: wholeNumberIn(0, 1e9, 'a count')}),
} as const;

/** Splits text chunks into lines (without their ends). */
export async function* linesOf(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
	let rest = '';
	for await (const chunk of chunks) {
		const text = rest + chunk;
		const lines = text.split('\n');
		rest = lines.pop()!;
		for (const line of lines) {
			yield line.endsWith('\r') ? line.slice(0, -1) : line;
		}
	}

	if (rest !== '') {
		yield rest;
	}
}

/** Whether text starts like an NDJSON snapshot (its first line is the header). */
export function looksLikeNdjsonSnapshot(start: string): boolean {
	return start.trimStart().startsWith(`{"format":"${ndjsonFormat}"`);
}

/**
 * Reads an NDJSON snapshot: the header, then every record checked against its schema, as they come.
 * Throws a SnapshotError naming the file and line for anything else, and for a file without its end line.
 */
export async function* readNdjsonSnapshot(
	chunks: AsyncIterable<string> | Iterable<string>,
	name: string,
): AsyncGenerator<NdjsonHeader | NdjsonRecord> {
	let lineNumber = 0;
	let ended = false;
	let tickets = 0;
	const fail = (message: string): never => {
		throw new SnapshotError(`${name}, line ${lineNumber}: ${message}`);
	};

	for await (const line of linesOf(chunks)) {
		lineNumber++;
		if (line.trim() === '') {
			continue;
		}

		if (ended) {
			fail('there is more after the end line');
		}

		let value: unknown;
		try {
			value = JSON.parse(line) as unknown;
		} catch (error) {
			fail(`not JSON (${(error as Error).message})`);
		}

		if (lineNumber === 1) {
			const header = v.safeParse(headerSchema, value);
			if (!header.success) {
				fail(`not a Defuse NDJSON snapshot header (${issueLines(header.issues, 'header', 1)[0]!})`);
			}

			yield header.output as NdjsonHeader;
			continue;
		}

		const entries = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [];
		const [kind, body] = entries.length === 1 ? entries[0]! : ['', undefined];
		const schema = (recordSchemas as Record<string, v.GenericSchema | undefined>)[kind];
		if (!schema) {
			fail(`expected one of ${Object.keys(recordSchemas).join(', ')} as the line's only key`);
		}

		const checked = v.safeParse(schema!, body);
		if (!checked.success) {
			fail(issueLines(checked.issues, kind, 1)[0]!);
		}

		if (kind === 'ticket') {
			tickets++;
		}

		if (kind === 'end') {
			ended = true;
			const end = checked.output as {tickets: number};
			if (end.tickets !== tickets) {
				fail(`the end line counts ${end.tickets} tickets, the file has ${tickets}`);
			}
		}

		yield {[kind]: checked.output} as NdjsonRecord;
	}

	if (lineNumber === 0) {
		throw new SnapshotError(`${name}: the file is empty`);
	}

	if (!ended) {
		throw new SnapshotError(`${name}: cut short after line ${lineNumber} (no end line): is the file complete?`);
	}
}
