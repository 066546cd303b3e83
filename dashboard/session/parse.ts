// One imported file, parsed in the worker as it streams: a helpdesk's CSV export, a survey file, or a
// snapshot (JSON). All or nothing: a file with a bad row is reported, not half kept.
import {formatNumber, textLocale} from '../../core/format.ts';
import type {ImportProgress, ImportResult, TextSource} from '../../core/import/common.ts';
import {importFreshdeskCsv} from '../../core/import/freshdesk.ts';
import {importSurveyCsv} from '../../core/import/surveys.ts';
import {importZendeskCsv} from '../../core/import/zendesk.ts';
import type {Snapshot} from '../../core/snapshot/snapshot.ts';
import {SnapshotError, parseSnapshot} from '../../core/snapshot/snapshot.ts';
import type {ImportKind} from './detect.ts';
import {detectImportKind} from './detect.ts';
import type {ImportSettings, Progress} from './session.ts';

/**
 * What one page holds. Chromium gives a worker about 4 GB of memory: a 100 MB Zendesk export (about
 * 600,000 tickets) loads within it; twice that does not. Beyond the limits the import stops at once
 * with a message naming them and the command line, which has no such limit.
 */
export const limits: PageLimits = {fileBytes: 160 * 1024 * 1024, tickets: 800_000, keptTickets: 150_000};

export type PageLimits = {
	/** The largest file the page reads. */
	fileBytes: number;
	/** Rows read before the import stops. */
	tickets: number;
	/** Imports up to this many tickets are kept for the next visit. */
	keptTickets: number;
};

/** What to do with a file too big for the page. */
export function cliAdvice(name: string): string {
	return `For files this big use the command line, which streams them: npx defuse kpis ${name} for the numbers, or npx defuse import ${name} -o team.ndjson for a snapshot.`;
}

export type Parsed = {kind: ImportKind | undefined; result: ImportResult | {ok: true; snapshot: Snapshot; rows: number}};

/** A file's text in chunks, decoded as UTF-8 while it streams. */
async function* textChunks(blob: Blob): AsyncIterable<string> {
	const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
	for (;;) {
		const {done, value} = await reader.read();
		if (done) {
			return;
		}

		yield value;
	}
}

const nothing = (name: string, line: number, message: string, summary: string): Parsed['result'] => ({
	ok: false,
	rows: 0,
	issues: [{line, message}],
	summary: `${name}: nothing imported${summary}`,
});

/** A snapshot file: read in chunks for progress; JSON.parse then takes the whole text (a snapshot is one JSON value). */
async function parseSnapshotText(
	name: string,
	text: TextSource,
	total: number,
	report: (progress: Progress) => void,
	onProgress: (progress: ImportProgress) => void,
): Promise<Parsed['result']> {
	const parts: string[] = [];
	let read = 0;
	for await (const chunk of text) {
		parts.push(chunk);
		read += chunk.length;
		onProgress({chars: read, rows: 0});
	}

	const json = parts.join('');
	parts.length = 0;
	report({label: `Checking ${name}`, done: total, total});
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch (error) {
		return nothing(name, 0, `Not valid JSON: ${(error as Error).message}`, ', the file is not valid JSON.');
	}

	try {
		const snapshot = parseSnapshot(value, name);
		return {ok: true, snapshot, rows: snapshot.tickets.length};
	} catch (error) {
		const message = (error as Error).message;
		const lines = error instanceof SnapshotError ? error.issues : [message];
		return {
			ok: false,
			rows: 0,
			issues: lines.map(line => ({line: 0, message: line.replace(`${name}: `, '')})),
			summary: `${name}: nothing imported. ${message}`,
		};
	}
}

/** Parses a file of the kind chosen (or detected from its name and first 64 KiB), reporting progress. */
export async function parseFile(
	name: string,
	file: Blob,
	settings: ImportSettings,
	timezone: string,
	report: (progress: Progress) => void,
	pageLimits: PageLimits = limits,
): Promise<Parsed> {
	const start = await file.slice(0, 64 * 1024).text();
	const kind = settings.kind === undefined || settings.kind === 'auto' ? detectImportKind(name, start) : settings.kind;
	const total = file.size;
	const onProgress = (progress: ImportProgress) => {
		report({label: `Reading ${name}`, done: Math.min(progress.chars, total), total});
	};

	const rowLimit = {
		rows: pageLimits.tickets,
		message: `${name} has more than ${formatNumber(pageLimits.tickets, textLocale)} rows, more than this page can hold. ${cliAdvice(name)}`,
	};
	const common = {
		fileName: name,
		timezone: settings.timezone ?? timezone,
		totalChars: total,
		onProgress,
		rowLimit,
		csatScale: settings.csatScale,
		...(settings.dayFirst === undefined ? {} : {dayFirst: settings.dayFirst}),
	};
	const text: TextSource = textChunks(file);
	switch (kind) {
		case 'zendesk': {
			return {kind, result: await importZendeskCsv(text, {...common, host: settings.host ?? ''})};
		}

		case 'freshdesk': {
			return {kind, result: await importFreshdeskCsv(text, {...common, host: settings.host ?? ''})};
		}

		case 'survey': {
			return {
				kind,
				result: await importSurveyCsv(text, {
					...common,
					...(settings.surveyKind ? {kind: settings.surveyKind} : {}),
					...(settings.host ? {host: settings.host} : {}),
				}),
			};
		}

		case 'snapshot': {
			return {kind, result: await parseSnapshotText(name, text, total, report, onProgress)};
		}

		default: {
			return {
				kind,
				result: nothing(
					name,
					1,
					'Could not tell what this file is from its header; choose its kind and import it again.',
					', unknown kind of file.',
				),
			};
		}
	}
}
