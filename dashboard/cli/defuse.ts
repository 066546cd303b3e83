// The `defuse` command line: the dashboard's metric SQL for exports of any size and for scripts.
// One input file (a helpdesk CSV export or an NDJSON snapshot) is streamed: read, measured and written
// into the engine row by row, never held whole. Several inputs are merged in memory first.
import {createReadStream, createWriteStream} from 'node:fs';
import {mkdir, rename, rm, stat, writeFile} from 'node:fs/promises';
import {createHash} from 'node:crypto';
import {once} from 'node:events';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import type {BusinessCalendar} from '../../core/calendar.ts';
import type {Dataset, DatasetTicket, SurveyResponse} from '../../core/metrics/dataset.ts';
import {mergeDatasets} from '../../core/metrics/dataset.ts';
import {DatasetError, validateDataset} from '../../core/metrics/schema.ts';
import type {Facts, TicketFact} from '../../core/metrics/facts.ts';
import {deriveFacts, deriveTicket, surveyFactOf} from '../../core/metrics/facts.ts';
import type {CsatRule, FcrVariant, GroupBy, KpiQuery, KpiRow, Ratio, Stats} from '../../core/metrics/kpis.ts';
import {groupings} from '../../core/metrics/kpis.ts';
import {extractThemes} from '../../core/metrics/themes.ts';
import {shareableThemes} from '../../core/metrics/themes-privacy.ts';
import type {ImportResult, RowSink, TextSource} from '../../core/import/common.ts';
import {describeIssue, normalizeHeader} from '../../core/import/common.ts';
import {importFreshdeskCsv} from '../../core/import/freshdesk.ts';
import {importSurveyCsv} from '../../core/import/surveys.ts';
import {importZendeskCsv} from '../../core/import/zendesk.ts';
import {mergeSnapshots} from '../../core/snapshot/merge.ts';
import type {NdjsonHeader, NdjsonRecord} from '../../core/snapshot/ndjson.ts';
import {looksLikeNdjsonSnapshot, ndjsonFormat, ndjsonLine, readNdjsonSnapshot} from '../../core/snapshot/ndjson.ts';
import {randomSalt, saltId} from '../../core/snapshot/redact.ts';
import type {Snapshot} from '../../core/snapshot/snapshot.ts';
import {
	SnapshotError,
	createSnapshot,
	factsOfSnapshot,
	parseSnapshot,
	snapshotFormat,
	snapshotFromFacts,
	snapshotVersion,
	withShareableThemes,
} from '../../core/snapshot/snapshot.ts';
import {isTimeZone} from '../../core/time-zone.ts';
import {formatDecimalDuration, formatNumber, formatPercent, textLocale} from '../../core/format.ts';
import {exportCsvBundle, exportSqlite} from '../worker/export.ts';
import type {FactWriter} from '../worker/fact-rows.ts';
import {openFactWriterOn} from '../worker/fact-rows.ts';
import {writeFacts} from '../worker/load.ts';
import {runEarlyWarning, runKpis, runSettlement, runTemplateEffectiveness, runThemeSpikes, runThemeSummary} from '../worker/run-reports.ts';
import {calendarFromJson, parseBusinessHoursSpec} from './business-hours.ts';
import type {Engine, EngineName} from './engine.ts';
import {openEngine} from './engine.ts';
import type {FileStat} from './input.ts';
import {InputError, checkedSize, decodeText, describeFileError} from './input.ts';

export type Output = {write(text: string): Promise<void>; done(): Promise<void>; discard(): Promise<void>};

export type CliIo = {
	stdout(text: string): void;
	stderr(text: string): void;
	stat(path: string): Promise<FileStat>;
	/** The file's bytes in chunks. */
	readBytes(path: string): AsyncIterable<Uint8Array>;
	writeFile(path: string, data: string | Uint8Array): Promise<void>;
	/** A file written piece by piece; it appears under its name only when done (never half written). */
	openOutput(path: string): Promise<Output>;
	makeDirectory(path: string): Promise<void>;
	/** Show progress lines on stderr. */
	progress: boolean;
};

export const nodeIo: CliIo = {
	stdout: text => process.stdout.write(text),
	stderr: text => process.stderr.write(text),
	stat: async path => {
		const found = await stat(path);
		return {size: found.size, directory: found.isDirectory()};
	},
	readBytes: path => createReadStream(path, {highWaterMark: 1 << 20}) as AsyncIterable<Uint8Array>,
	writeFile: async (path, data) => writeFile(path, data),
	async openOutput(path) {
		const partial = `${path}.partial`;
		const stream = createWriteStream(partial);
		return {
			async write(text) {
				if (!stream.write(text)) {
					await once(stream, 'drain');
				}
			},
			async done() {
				stream.end();
				await once(stream, 'finish');
				await rename(partial, path);
			},
			async discard() {
				stream.destroy();
				await rm(partial, {force: true});
			},
		};
	},
	makeDirectory: async path => {
		await mkdir(path, {recursive: true});
	},
	progress: process.stderr.isTTY === true,
};

export const exitCodes = {ok: 0, input: 1, usage: 2, internal: 3} as const;

const usage = `Usage:
  defuse kpis <files...> [--json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group-by G]
              [--business-hours SPEC] [--timezone TZ] [--fcr one-touch|no-follow-up]
              [--csat top-2|top-1|exclude-neutral] [--csat-scale 2|3|5] [--host HOST] [--engine duckdb|sqljs]
  defuse import <export.csv> -o snapshot.ndjson|snapshot.json [--kind zendesk|freshdesk|surveys] [--host HOST]
              [--helpdesk NAME] [--timezone TZ] [--salt SECRET] [--details] [--business-hours SPEC]
  defuse merge <snapshots...> -o out.ndjson|out.json
  defuse export <files...> (--sqlite out.sqlite | --csv out.zip | --parquet DIR) [--business-hours SPEC]

Files: helpdesk exports (Zendesk or Freshdesk ticket CSV, survey CSV), Defuse snapshots (.ndjson or .json)
and datasets (.json). One CSV or NDJSON file is streamed, whatever its size; several files are merged in memory.
Text files may be UTF-8, UTF-16 (with its byte order mark) or Windows-1252 / Latin-1.
--engine: duckdb (default; large exports, memory capped) or sqljs (the dashboard's engine).
Large exports: NODE_OPTIONS='--max-old-space-size=768 --expose-gc' caps the JavaScript heap and collects
it before DuckDB loads the rows (a 200 MB Zendesk export then peaks at about 850 MB instead of 1.6-1.9 GB).
--group-by: ${groupings.join(', ')}
--business-hours: a calendar JSON file, or "Europe/Berlin mon-fri 09:00-17:00 holidays 2026-12-24,2026-12-25"
--salt: the team secret for customer pseudonyms (default: $DEFUSE_SALT, else random)
--parquet: one Parquet file per table (DuckDB, Spark, ClickHouse and the warehouses read them)

Exit codes: 0 done; 1 an input file is missing, unreadable or has bad rows (nothing written);
            2 the command or an option is wrong; 3 an internal error (a bug: please report it).
`;

class UsageError extends Error {}

class ImportFailed extends Error {}

type Options = {
	json: boolean;
	from?: string | undefined;
	to?: string | undefined;
	groupBy: GroupBy;
	timezone?: string | undefined;
	calendar?: BusinessCalendar | undefined;
	fcr: FcrVariant;
	csat: CsatRule;
	csatScale?: number | undefined;
	host?: string | undefined;
	helpdesk?: string | undefined;
	kind?: string | undefined;
	output?: string | undefined;
	sqlite?: string | undefined;
	csv?: string | undefined;
	parquet?: string | undefined;
	salt?: string | undefined;
	details: boolean;
	engine: EngineName;
};

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
	if (value === undefined) {
		return fallback;
	}

	if (!(allowed as readonly string[]).includes(value)) {
		throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
	}

	return value as T;
}

function checkedZone(zone: string | undefined): string | undefined {
	if (zone !== undefined && !isTimeZone(zone)) {
		throw new UsageError(`--timezone "${zone}" is not a time zone (use an IANA name such as Europe/Berlin, America/New_York or UTC)`);
	}

	return zone;
}

/** A whole (small) text file: a calendar, a JSON snapshot or dataset. */
async function readText(io: CliIo, path: string): Promise<string> {
	await checkedSize(async file => io.stat(file), path);
	let text = '';
	try {
		for await (const chunk of decodeText(io.readBytes(path), path, message => io.stderr(`${message}\n`))) {
			text += chunk;
		}
	} catch (error) {
		throw error instanceof InputError ? error : new InputError(describeFileError(path, error));
	}

	return text;
}

async function calendarOf(io: CliIo, spec: string): Promise<BusinessCalendar> {
	if (!spec.endsWith('.json')) {
		try {
			return parseBusinessHoursSpec(spec);
		} catch (error) {
			throw new UsageError((error as Error).message);
		}
	}

	let value: unknown;
	try {
		value = JSON.parse(await readText(io, spec)) as unknown;
	} catch (error) {
		throw error instanceof InputError ? error : new InputError(`${spec}: not JSON (${(error as Error).message})`);
	}

	try {
		return calendarFromJson(value, spec);
	} catch (error) {
		throw new InputError((error as Error).message);
	}
}

async function optionsOf(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<Options> {
	const text = (name: string): string | undefined => (typeof values[name] === 'string' ? values[name] : undefined);
	for (const name of ['from', 'to']) {
		const day = text(name);
		if (
			day !== undefined &&
			(!/^\d{4}-\d{2}-\d{2}$/.test(day) ||
				Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ||
				new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day)
		) {
			throw new UsageError(`--${name} must be a day like 2026-03-31 (got "${day}")`);
		}
	}

	const from = text('from');
	const to = text('to');
	if (from !== undefined && to !== undefined && from > to) {
		throw new UsageError(`--from ${from} is after --to ${to}: the range is reversed`);
	}

	const spec = text('business-hours');
	return {
		json: values.json === true,
		from,
		to,
		groupBy: oneOf('group-by', text('group-by'), groupings, 'none'),
		timezone: checkedZone(text('timezone')),
		calendar: spec === undefined ? undefined : await calendarOf(io, spec),
		fcr: oneOf('fcr', text('fcr'), ['one-touch', 'no-follow-up'] as const, 'one-touch'),
		csat: oneOf('csat', text('csat'), ['top-2', 'top-1', 'exclude-neutral'] as const, 'top-2'),
		csatScale:
			text('csat-scale') === undefined ? undefined : Number(oneOf('csat-scale', text('csat-scale'), ['2', '3', '5'] as const, '5')),
		host: text('host'),
		helpdesk: text('helpdesk'),
		kind: text('kind') === undefined ? undefined : oneOf('kind', text('kind'), ['zendesk', 'freshdesk', 'surveys'] as const, 'zendesk'),
		output: text('output'),
		sqlite: text('sqlite'),
		csv: text('csv'),
		parquet: text('parquet'),
		salt: text('salt') ?? process.env.DEFUSE_SALT,
		details: values.details === true,
		engine: oneOf('engine', text('engine'), ['duckdb', 'sqljs'] as const, 'duckdb'),
	};
}

/** Which importer reads a CSV, from its header. */
function csvKind(header: string): 'zendesk' | 'freshdesk' | 'surveys' | undefined {
	const names = new Set(header.split(',').map(name => normalizeHeader(name.replaceAll('"', ''))));
	if (names.has('id') && names.has('createdat') && names.has('status')) {
		return 'zendesk';
	}

	if (
		(names.has('ticketid') || names.has('displayid')) &&
		(names.has('createdtime') || names.has('createdat') || names.has('createddate'))
	) {
		return 'freshdesk';
	}

	return names.has('score') || names.has('rating') ? 'surveys' : undefined;
}

/** The file as text chunks, decoded as its encoding says (warnings on stderr). */
function textOf(io: CliIo, path: string): TextSource {
	return decodeText(io.readBytes(path), path, message => io.stderr(`${message}\n`));
}

async function firstText(io: CliIo, path: string, enough = 65_536): Promise<string> {
	let text = '';
	for await (const chunk of textOf(io, path)) {
		text += chunk;
		if (text.length >= enough || /\r?\n/.test(text)) {
			break;
		}
	}

	return text.replace(/^\uFEFF/, '');
}

/** Imports one CSV: rows into the dataset it returns, or handed to `sink` as they are read. */
async function importCsv(io: CliIo, path: string, options: Options, sink?: RowSink): Promise<Dataset> {
	const total = await checkedSize(async file => io.stat(file), path);
	const kind = options.kind ?? csvKind((await firstText(io, path)).split(/\r?\n/)[0] ?? '');
	if (!kind) {
		throw new InputError(
			`${path}: cannot tell what this CSV is (not a Zendesk or Freshdesk ticket export, no survey score column); say it with --kind`,
		);
	}

	let shown = -1;
	const common = {
		fileName: path,
		host: options.host,
		csatScale: options.csatScale,
		timezone: options.timezone ?? options.calendar?.timezone,
		totalChars: total,
		sink,
		onProgress: io.progress
			? ({chars}: {chars: number}) => {
					const percent = Math.floor((chars / Math.max(1, total)) * 10) * 10;
					if (percent > shown) {
						shown = percent;
						io.stderr(`reading ${path}: ${Math.min(100, percent)}%\n`);
					}
				}
			: undefined,
	};
	let result: ImportResult;
	if (kind === 'zendesk') {
		result = await importZendeskCsv(textOf(io, path), common);
	} else if (kind === 'freshdesk') {
		result = await importFreshdeskCsv(textOf(io, path), common);
	} else {
		const helpdesk = options.helpdesk ?? ['zendesk', 'freshdesk'].find(name => options.host?.includes(name));
		result = await importSurveyCsv(textOf(io, path), {...common, helpdesk});
	}

	if (!result.ok) {
		const lines = [result.summary, ...result.issues.slice(0, 20).map(issue => `  ${describeIssue(issue)}`)];
		if (result.issues.length > 20) {
			lines.push(`  ... and ${result.issues.length - 20} more`);
		}

		throw new ImportFailed(lines.join('\n'));
	}

	for (const warning of result.warnings) {
		io.stderr(`${path}: ${warning}\n`);
	}

	return result.dataset;
}

const isCsv = (path: string): boolean => path.toLowerCase().endsWith('.csv');
const isNdjson = (path: string): boolean => /\.(nd)?jsonl?$/i.test(path) && !path.toLowerCase().endsWith('.json');

/** An NDJSON snapshot read whole (for merges): the same value a JSON snapshot parses to. */
async function readNdjsonWhole(io: CliIo, path: string): Promise<Snapshot> {
	await checkedSize(async file => io.stat(file), path);
	const facts: Facts = {
		asOf: 0,
		tickets: [],
		escalations: [],
		flags: [],
		feedback: [],
		templates: [],
		surveys: [],
		customers: [],
		agentHours: [],
	};
	let header: NdjsonHeader | undefined;
	const themes = new Map<string, string[]>();
	for await (const record of readNdjsonSnapshot(textOf(io, path), path)) {
		if ('format' in record) {
			header = record;
		} else {
			collect(facts, record, themes);
		}
	}

	facts.tickets = facts.tickets.map(ticket => (themes.has(ticket.key) ? {...ticket, themes: themes.get(ticket.key)!} : ticket));
	const snapshot: Snapshot = {
		format: snapshotFormat,
		version: snapshotVersion,
		createdAt: header!.createdAt,
		detail: 'aggregates',
		timezone: header!.timezone,
		saltId: header!.saltId,
		...facts,
	};
	if (header!.calendar) {
		snapshot.calendar = header!.calendar;
	}

	return snapshot;
}

function collect(facts: Facts, record: NdjsonRecord, themes: Map<string, string[]>): void {
	if ('ticket' in record) {
		facts.tickets.push(record.ticket);
	} else if ('escalation' in record) {
		facts.escalations.push(record.escalation);
	} else if ('flag' in record) {
		facts.flags.push(record.flag);
	} else if ('feedback' in record) {
		facts.feedback.push(record.feedback);
	} else if ('template' in record) {
		facts.templates.push(record.template);
	} else if ('survey' in record) {
		facts.surveys.push(record.survey);
	} else if ('customer' in record) {
		facts.customers.push(record.customer);
	} else if ('agentHour' in record) {
		facts.agentHours.push(record.agentHour);
	} else if ('themes' in record) {
		themes.set(record.themes.key, record.themes.themes);
	} else {
		facts.asOf = record.end.asOf;
	}
}

/**
 * Every input as snapshots: snapshot files as they are, datasets and CSV imports merged into one (for an
 * export, as an aggregates-only snapshot: customers pseudonymised, shareable themes only).
 */
async function readInputs(io: CliIo, files: string[], options: Options, purpose: 'local' | 'export' = 'local'): Promise<Snapshot[]> {
	const snapshots: Snapshot[] = [];
	const datasets: Dataset[] = [];
	for (const path of files) {
		if (isCsv(path)) {
			datasets.push(await importCsv(io, path, options));
			continue;
		}

		const start = await firstText(io, path, 200);
		if (isNdjson(path) || looksLikeNdjsonSnapshot(start)) {
			snapshots.push(await readNdjsonWhole(io, path));
			continue;
		}

		let value: unknown;
		try {
			value = JSON.parse(await readText(io, path)) as unknown;
		} catch (error) {
			throw error instanceof InputError ? error : new InputError(`${path}: not JSON (${(error as Error).message})`);
		}

		if (typeof value === 'object' && value !== null && (value as {format?: unknown}).format !== undefined) {
			snapshots.push(parseSnapshot(value, path));
		} else {
			try {
				datasets.push(validateDataset(value));
			} catch (error) {
				throw error instanceof DatasetError ? new InputError(`${path}: neither a snapshot nor a dataset. ${error.message}`) : error;
			}
		}
	}

	if (datasets.length > 0) {
		const timezone = options.timezone ?? options.calendar?.timezone ?? 'UTC';
		const businessHours = options.calendar ? {calendar: options.calendar} : undefined;
		snapshots.push(
			purpose === 'export'
				? await createSnapshot(mergeDatasets(...datasets), {salt: options.salt, timezone, businessHours})
				: snapshotFromFacts(deriveFacts(mergeDatasets(...datasets), {businessHours, timezone}), {timezone, calendar: options.calendar}),
		);
	}

	return snapshots;
}

function merged(io: CliIo, snapshots: Snapshot[]): Snapshot {
	const {snapshot, warnings} = mergeSnapshots(snapshots);
	for (const warning of warnings) {
		io.stderr(`warning: ${warning}\n`);
	}

	return snapshot;
}

/** Pseudonyms as core/snapshot/redact.ts makes them (SHA-256 of salt and value), synchronously for millions of rows. */
function syncHasher(salt: string): (value: string) => string {
	const cache = new Map<string, string>();
	return value => {
		let hashed = cache.get(value);
		if (hashed === undefined) {
			hashed = `h:${createHash('sha256').update(`${salt}\u0000${value}`).digest('hex').slice(0, 32)}`;
			cache.set(value, hashed);
		}

		return hashed;
	};
}

type Streamed = {tickets: number; timezone: string};

/** How many distinct subject texts are kept once and shared by the tickets that repeat them. */
const sharedTexts = 100_000;

/**
 * One CSV export streamed: each row measured (a CSV export has no timeline, so a ticket's facts depend
 * on nothing else) and handed on; the themes, found over every subject, come at the end. Only the
 * subjects (and, with `requesters`, who wrote them) stay in memory until then: each text a string of
 * its own (not a part of the chunk of the file it was read from), a repeated text kept once.
 */
async function streamCsv(
	io: CliIo,
	path: string,
	options: Options & {requesters: boolean},
	take: {
		ticket(fact: TicketFact, requesterKey: string | null): void;
		survey(survey: SurveyResponse): void;
		end(asOf: number, themes: Map<string, string[]>, documents: Array<{id: string; text: string; requester: string | null}>): Promise<void>;
	},
): Promise<number> {
	const documents: Array<{id: string; text: string; requester: string | null}> = [];
	const texts = new Map<string, string>();
	const ownText = (text: string): string => {
		const known = texts.get(text);
		if (known !== undefined) {
			return known;
		}

		const own = Buffer.from(text).toString();
		if (texts.size < sharedTexts) {
			texts.set(own, own);
		}

		return own;
	};

	let asOf = 0;
	let tickets = 0;
	const sink: RowSink = {
		ticket(ticket: DatasetTicket) {
			asOf = Math.max(asOf, ticket.createdAt);
			tickets++;
			const text = `${ticket.subject ?? ''}\n${ticket.customerText ?? ''}`;
			if (text.trim() !== '') {
				documents.push({id: ticket.key, text: ownText(text), requester: options.requesters ? ticket.requesterKey : null});
			}

			// Themes come at the end; the fact is written with none (a ticket without themes is not copied).
			take.ticket(deriveTicket(ticket.themes === undefined ? ticket : {...ticket, themes: []}, [], asOf, undefined), ticket.requesterKey);
		},
		survey(survey) {
			asOf = Math.max(asOf, survey.at);
			take.survey(survey);
		},
	};
	await importCsv(io, path, options, sink);
	if (io.progress) {
		io.stderr(`finding recurring themes in ${formatNumber(documents.length, textLocale)} subjects\n`);
	}

	const {assignments} = extractThemes(documents);
	const themes = new Map<string, string[]>();
	for (const [key, theme] of assignments) {
		themes.set(key, [theme]);
	}

	await take.end(asOf, themes, documents);
	return tickets;
}

/** Loads the inputs into the engine: one CSV or NDJSON snapshot streamed, anything else merged in memory. */
async function loadInputs(io: CliIo, engine: Engine, files: string[], options: Options): Promise<Streamed> {
	if (files.length === 0) {
		throw new UsageError('no input files');
	}

	for (const path of files) {
		await checkedSize(async file => io.stat(file), path);
	}

	const timezone = options.timezone ?? options.calendar?.timezone;
	const [path] = files;
	if (files.length === 1 && isCsv(path!)) {
		const writer = openFactWriterOn(engine.target(), {timezone: timezone ?? 'UTC'});
		try {
			const tickets = await streamCsv(
				io,
				path!,
				{...options, requesters: false},
				{
					ticket: fact => writer.addTicket(fact),
					survey: survey => writer.addSurvey(surveyFactOf(survey)),
					async end(asOf, themes) {
						writer.finish({asOf, customers: [], themes});
					},
				},
			);
			await engine.ready();
			return {tickets, timezone: timezone ?? 'UTC'};
		} catch (error) {
			writer.abort();
			throw error;
		}
	}

	if (files.length === 1 && (isNdjson(path!) || looksLikeNdjsonSnapshot(await firstText(io, path!, 200)))) {
		return streamNdjsonInto(io, path!, engine, timezone);
	}

	const snapshot = merged(io, await readInputs(io, files, options));
	writeFacts(openFactWriterOn(engine.target(), {timezone: timezone ?? snapshot.timezone}), factsOfSnapshot(snapshot));
	await engine.ready();
	return {tickets: snapshot.tickets.length, timezone: timezone ?? snapshot.timezone};
}

/** An NDJSON snapshot streamed into the engine; a ticket's escalation lines follow its ticket line. */
async function streamNdjsonInto(io: CliIo, path: string, engine: Engine, zone: string | undefined): Promise<Streamed> {
	let writer: FactWriter | undefined;
	let pending: {ticket: TicketFact; escalations: Facts['escalations']} | undefined;
	const customers: Facts['customers'] = [];
	const themes = new Map<string, string[]>();
	let timezone = zone ?? 'UTC';
	let tickets = 0;
	const flush = (): void => {
		if (pending) {
			writer!.addTicket(pending.ticket, {escalations: pending.escalations});
			pending = undefined;
		}
	};

	try {
		for await (const record of readNdjsonSnapshot(textOf(io, path), path)) {
			if ('format' in record) {
				timezone = zone ?? record.timezone;
				writer = openFactWriterOn(engine.target(), {timezone});
			} else if ('ticket' in record) {
				flush();
				tickets++;
				pending = {ticket: record.ticket, escalations: []};
			} else if ('escalation' in record && pending?.ticket.key === record.escalation.ticketKey) {
				pending.escalations.push(record.escalation);
			} else {
				flush();
				if ('escalation' in record) {
					writer!.addAnnotations({escalations: [record.escalation]});
				} else if ('flag' in record) {
					writer!.addAnnotations({flags: [record.flag]});
				} else if ('feedback' in record) {
					writer!.addAnnotations({feedback: [record.feedback]});
				} else if ('template' in record) {
					writer!.addAnnotations({templates: [record.template]});
				} else if ('survey' in record) {
					writer!.addSurvey(record.survey);
				} else if ('customer' in record) {
					customers.push(record.customer);
				} else if ('agentHour' in record) {
					writer!.addAnnotations({agentHours: [record.agentHour]});
				} else if ('themes' in record) {
					themes.set(record.themes.key, record.themes.themes);
				} else {
					writer!.finish({asOf: record.end.asOf, customers, themes});
				}
			}
		}
	} catch (error) {
		writer?.abort();
		throw error;
	}

	await engine.ready();
	return {tickets, timezone};
}

// A terminal writes a missing number as an ASCII hyphen.
function duration(ms: number | null): string {
	return ms === null ? '-' : formatDecimalDuration(ms, textLocale);
}

function percentOf(value: number | null): string {
	return value === null ? '-' : formatPercent(value, textLocale);
}

function percent(ratio: Ratio | null): string {
	return ratio === null || ratio.value === null
		? '-'
		: `${formatPercent(ratio.value, textLocale)} (${ratio.numerator}/${ratio.denominator})`;
}

function stats(value: Stats): string {
	return value.count === 0 ? '-' : `median ${duration(value.median)}, p90 ${duration(value.p90)}, n=${value.count}`;
}

function headlineText(row: KpiRow): string {
	const lines: Array<[string, string]> = [
		['Tickets', String(row.tickets)],
		['First reply time', stats(row.durations.firstReply)],
		['  in business hours', stats(row.durations.firstReplyBusiness)],
		['Next reply time', stats(row.durations.nextReply)],
		['  in business hours', stats(row.durations.nextReplyBusiness)],
		['First resolution time', stats(row.durations.firstResolution)],
		['Full resolution time', stats(row.durations.fullResolution)],
		['  in business hours', stats(row.durations.fullResolutionBusiness)],
		['Resolution rate', percent(row.resolutionRate)],
		['Reopen rate', percent(row.reopenRate)],
		['First contact resolution', percent(row.fcr)],
		['Escalation rate', percent(row.escalationRate)],
		['  functional', percent(row.functionalEscalationRate)],
		['  hierarchical', percent(row.hierarchicalEscalationRate)],
		['  automatic (SLA)', percent(row.automaticEscalationRate)],
		...Object.entries(row.sla)
			.filter(([, ratio]) => ratio.denominator > 0)
			.map(([metric, ratio]): [string, string] => [`SLA ${metric}`, percent(ratio)]),
		['CSAT', percent(row.csat)],
		...(row.csatResponseRate.denominator > 0 ? [['  response rate', percent(row.csatResponseRate)] as [string, string]] : []),
		['NPS', row.nps.score === null ? '-' : `${formatNumber(row.nps.score, textLocale)} (n=${row.nps.responses})`],
		['CES', row.ces.mean === null ? '-' : `${formatNumber(row.ces.mean, textLocale, 2)} (n=${row.ces.responses})`],
		['Churn', percent(row.churn)],
	];
	return lines.map(([name, value]) => `${name.padEnd(26)} ${value}`).join('\n');
}

function tableText(rows: KpiRow[]): string {
	const header = ['group', 'tickets', 'first reply (median)', 'resolution', 'FCR', 'escalation', 'CSAT'];
	const body = rows.map(row => [
		row.group,
		String(row.tickets),
		duration(row.durations.firstReply.median),
		percentOf(row.resolutionRate.value),
		percentOf(row.fcr.value),
		percentOf(row.escalationRate.value),
		percentOf(row.csat.value),
	]);
	const widths = header.map((title, index) => Math.max(title.length, ...body.map(cells => cells[index]!.length)));
	return [header, ...body]
		.map(cells => cells.map((text, index) => (index === 0 ? text.padEnd(widths[index]!) : text.padStart(widths[index]!))).join('  '))
		.join('\n');
}

async function withEngine<T>(
	options: Options,
	io: CliIo,
	use: (engine: Engine) => Promise<T>,
	name: EngineName = options.engine,
): Promise<T> {
	let engine: Engine;
	try {
		engine = await openEngine(name);
	} catch (error) {
		if (name !== 'duckdb') {
			throw error;
		}

		io.stderr(
			`DuckDB could not start here (${(error as Error).message.split('\n')[0]}); using sql.js, which holds everything in memory.\n`,
		);
		engine = await openEngine('sqljs');
	}

	try {
		return await use(engine);
	} finally {
		await engine.close();
	}
}

async function kpisCommand(io: CliIo, files: string[], options: Options): Promise<number> {
	return withEngine(options, io, async engine => {
		const {tickets, timezone} = await loadInputs(io, engine, files, options);
		const query: KpiQuery = {from: options.from, to: options.to, groupBy: options.groupBy, fcr: options.fcr, csat: options.csat};
		const rows = await runKpis(engine.run, query, engine.dialect);
		const data = await runSettlement(engine.run, engine.dialect);
		const period = {from: options.from ?? data?.firstDay ?? null, to: options.to ?? data?.lastDay ?? null};
		if (options.json) {
			io.stdout(
				`${JSON.stringify(
					{
						query,
						period,
						timezone,
						engine: engine.name,
						tickets,
						settledThrough: data?.settleDays ? data.settledThrough : null,
						rows,
						earlyWarning: await runEarlyWarning(engine.run, query),
						templates: await runTemplateEffectiveness(engine.run, query, engine.dialect),
						themes: await runThemeSummary(engine.run, query),
						spikes: await runThemeSpikes(engine.run, query),
					},
					null,
					2,
				)}\n`,
			);
			return exitCodes.ok;
		}

		io.stdout(
			`Defuse KPIs, ${period.from ?? 'no data'} to ${period.to ?? 'no data'} (${timezone})${options.groupBy === 'none' ? '' : ` by ${options.groupBy}`}\n`,
		);
		if (data && data.settleDays > 0 && (period.to ?? '') > data.settledThrough) {
			io.stdout(
				`Incomplete: tickets created after ${data.settledThrough} are still being worked on (90% are resolved within ${data.settleDays} day${data.settleDays === 1 ? '' : 's'}); their rates can still change.\n`,
			);
		}

		io.stdout(`\n${options.groupBy === 'none' && rows[0] ? headlineText(rows[0]) : tableText(rows)}\n`);
		return exitCodes.ok;
	});
}

/** Writes a snapshot (already in memory) as NDJSON, a ticket's escalations right after it. */
async function writeNdjson(out: (text: string) => Promise<void>, snapshot: Snapshot): Promise<void> {
	const header: NdjsonHeader = {
		format: ndjsonFormat,
		version: 1,
		createdAt: snapshot.createdAt,
		detail: 'aggregates',
		timezone: snapshot.timezone,
		saltId: snapshot.saltId,
	};
	if (snapshot.calendar) {
		header.calendar = snapshot.calendar;
	}

	await out(ndjsonLine(header));
	const escalations = new Map<string, Snapshot['escalations']>();
	for (const escalation of snapshot.escalations) {
		(escalations.get(escalation.ticketKey) ?? escalations.set(escalation.ticketKey, []).get(escalation.ticketKey)!).push(escalation);
	}

	let batch = '';
	const add = async (line: string): Promise<void> => {
		batch += line;
		if (batch.length > 1_000_000) {
			await out(batch);
			batch = '';
		}
	};

	for (const ticket of snapshot.tickets) {
		await add(ndjsonLine({ticket}));
		for (const escalation of escalations.get(ticket.key) ?? []) {
			await add(ndjsonLine({escalation}));
		}

		escalations.delete(ticket.key);
	}

	const each = async <Row>(rows: Iterable<Row>, record: (row: Row) => NdjsonRecord): Promise<void> => {
		for (const row of rows) {
			await add(ndjsonLine(record(row)));
		}
	};

	await each([...escalations.values()].flat(), escalation => ({escalation}));
	await each(snapshot.flags, flag => ({flag}));
	await each(snapshot.feedback, feedback => ({feedback}));
	await each(snapshot.templates, template => ({template}));
	await each(snapshot.surveys, survey => ({survey}));
	await each(snapshot.customers, customer => ({customer}));
	await each(snapshot.agentHours, agentHour => ({agentHour}));
	await add(ndjsonLine({end: {asOf: snapshot.asOf, tickets: snapshot.tickets.length}}));
	await out(batch);
}

async function writeSnapshotFile(io: CliIo, path: string, snapshot: Snapshot): Promise<void> {
	if (isNdjson(path)) {
		const output = await io.openOutput(path);
		try {
			await writeNdjson(async text => output.write(text), snapshot);
			await output.done();
		} catch (error) {
			await output.discard();
			throw error;
		}

		return;
	}

	await io.writeFile(path, `${JSON.stringify(snapshot)}\n`);
}

async function mergeCommand(io: CliIo, files: string[], options: Options): Promise<number> {
	if (!options.output) {
		throw new UsageError('merge needs -o <out.ndjson> or -o <out.json>');
	}

	if (files.length === 0) {
		throw new UsageError('no snapshots to merge');
	}

	const snapshots: Snapshot[] = [];
	for (const path of files) {
		if (isNdjson(path) || looksLikeNdjsonSnapshot(await firstText(io, path, 200))) {
			snapshots.push(await readNdjsonWhole(io, path));
			continue;
		}

		let value: unknown;
		try {
			value = JSON.parse(await readText(io, path)) as unknown;
		} catch (error) {
			throw error instanceof InputError ? error : new InputError(`${path}: not JSON (${(error as Error).message})`);
		}

		snapshots.push(parseSnapshot(value, path));
	}

	const snapshot = merged(io, snapshots);
	await writeSnapshotFile(io, options.output, snapshot);
	io.stdout(
		`merged ${snapshots.length} snapshot${snapshots.length === 1 ? '' : 's'}: ${snapshot.tickets.length} tickets -> ${options.output}\n`,
	);
	return exitCodes.ok;
}

/** A CSV streamed into an aggregates-only NDJSON snapshot: customers pseudonymised, only shareable themes. */
async function streamCsvToNdjson(
	io: CliIo,
	path: string,
	options: Options,
	output: Output,
	salt: string,
): Promise<{tickets: number; surveys: number}> {
	const hash = syncHasher(salt);
	const timezone = options.timezone ?? options.calendar?.timezone ?? 'UTC';
	const header: NdjsonHeader = {
		format: ndjsonFormat,
		version: 1,
		createdAt: new Date().toISOString(),
		detail: 'aggregates',
		timezone,
		saltId: await saltId(salt),
	};
	let batch = ndjsonLine(header);
	let surveys = 0;
	let dataEnd = 0;
	const pending: Array<Promise<void>> = [];
	const add = (line: string): void => {
		batch += line;
		if (batch.length > 1_000_000) {
			pending.push(output.write(batch));
			batch = '';
		}
	};

	const tickets = await streamCsv(
		io,
		path,
		{...options, requesters: true},
		{
			ticket(fact) {
				add(ndjsonLine({ticket: {...fact, requesterKey: fact.requesterKey === null ? null : hash(fact.requesterKey)}}));
			},
			survey(survey) {
				surveys++;
				add(ndjsonLine({survey: surveyFactOf(survey)}));
			},
			async end(asOf, themes, documents) {
				// Themes travel only when several distinct customers back them and they name nothing sensitive.
				const {shareable} = shareableThemes(
					documents.map(document => ({
						key: document.id,
						requesterKey: document.requester,
						themes: themes.get(document.id) ?? [],
						text: document.text,
					})),
				);
				for (const [key, list] of themes) {
					const kept = list.filter(theme => shareable.has(theme));
					if (kept.length > 0) {
						add(ndjsonLine({themes: {key, themes: kept}}));
					}
				}

				dataEnd = asOf;
			},
		},
	);
	add(ndjsonLine({end: {asOf: dataEnd, tickets}}));
	await Promise.all(pending);
	await output.write(batch);
	return {tickets, surveys};
}

async function importCommand(io: CliIo, files: string[], options: Options): Promise<number> {
	if (!options.output || files.length !== 1) {
		throw new UsageError('import needs one file and -o <snapshot.ndjson> (or -o <snapshot.json> for small files)');
	}

	const [path] = files as [string];
	const size = await checkedSize(async file => io.stat(file), path);
	if (!options.salt) {
		io.stderr('warning: no --salt (or $DEFUSE_SALT): customer pseudonyms use a random salt and will not match other snapshots.\n');
	}

	if (isNdjson(options.output) && !options.details && isCsv(path)) {
		const output = await io.openOutput(options.output);
		try {
			const {tickets, surveys} = await streamCsvToNdjson(io, path, options, output, options.salt ?? randomSalt());
			await output.done();
			io.stdout(`imported ${tickets} tickets and ${surveys} survey responses -> ${options.output}\n`);
			return exitCodes.ok;
		} catch (error) {
			await output.discard();
			throw error;
		}
	}

	if (size > 150 * 1024 * 1024) {
		throw new UsageError(
			`${path} is ${Math.round(size / (1024 * 1024))} MB: write its snapshot as NDJSON (-o ${options.output.replace(/\.json$/i, '')}.ndjson), which is streamed; a JSON snapshot is one string and is limited in size`,
		);
	}

	const dataset = await importCsv(io, path, options);
	const snapshot = await createSnapshot(dataset, {
		detail: options.details ? 'details' : 'aggregates',
		salt: options.salt,
		timezone: options.timezone ?? options.calendar?.timezone,
		businessHours: options.calendar ? {calendar: options.calendar} : undefined,
	});
	await writeSnapshotFile(io, options.output, snapshot);
	io.stdout(`imported ${dataset.tickets.length} tickets and ${dataset.surveys.length} survey responses -> ${options.output}\n`);
	return exitCodes.ok;
}

async function exportCommand(io: CliIo, files: string[], options: Options): Promise<number> {
	if (!options.sqlite && !options.csv && !options.parquet) {
		throw new UsageError('export needs --sqlite <file>, --csv <file.zip> or --parquet <directory>');
	}

	if (files.length === 0) {
		throw new UsageError('no input files');
	}

	// Exports hold what an aggregates-only snapshot holds: customers pseudonymised, shareable themes only.
	const snapshot = merged(io, await readInputs(io, files, options, 'export'));
	const shareable: Snapshot = {...snapshot, detail: 'aggregates', tickets: withShareableThemes(snapshot.tickets)};
	delete shareable.events;
	delete shareable.texts;
	const timezone = options.timezone ?? options.calendar?.timezone ?? snapshot.timezone;
	if (options.sqlite || options.csv) {
		await withEngine(
			options,
			io,
			async engine => {
				writeFacts(openFactWriterOn(engine.target(), {timezone}), factsOfSnapshot(shareable));
				await engine.ready();
				if (options.sqlite) {
					await io.writeFile(options.sqlite, exportSqlite(engine.database!));
					io.stdout(`wrote ${options.sqlite}\n`);
				}

				if (options.csv) {
					await io.writeFile(options.csv, exportCsvBundle(engine.database!));
					io.stdout(`wrote ${options.csv}\n`);
				}
			},
			'sqljs',
		);
	}

	if (options.parquet) {
		const directory = options.parquet;
		await withEngine(
			options,
			io,
			async engine => {
				if (!engine.exportParquet) {
					throw new InputError('Parquet needs DuckDB, which could not start here');
				}

				writeFacts(openFactWriterOn(engine.target(), {timezone}), factsOfSnapshot(shareable));
				await engine.ready();
				await io.makeDirectory(directory);
				const written = await engine.exportParquet(directory);
				io.stdout(`wrote ${written.length} Parquet files to ${directory}\n`);
			},
			'duckdb',
		);
	}

	return exitCodes.ok;
}

/** Runs one command; returns the exit code (see exitCodes). Never throws. */
export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				json: {type: 'boolean'},
				from: {type: 'string'},
				to: {type: 'string'},
				'group-by': {type: 'string'},
				'business-hours': {type: 'string'},
				timezone: {type: 'string'},
				fcr: {type: 'string'},
				csat: {type: 'string'},
				'csat-scale': {type: 'string'},
				host: {type: 'string'},
				helpdesk: {type: 'string'},
				kind: {type: 'string'},
				output: {type: 'string', short: 'o'},
				sqlite: {type: 'string'},
				csv: {type: 'string'},
				parquet: {type: 'string'},
				salt: {type: 'string'},
				details: {type: 'boolean'},
				engine: {type: 'string'},
				help: {type: 'boolean', short: 'h'},
			},
		});
	} catch (error) {
		io.stderr(`defuse: ${(error as Error).message}\nRun defuse --help for the options.\n`);
		return exitCodes.usage;
	}

	const [command, ...files] = parsed.positionals;
	if (parsed.values.help || !command) {
		(parsed.values.help ? io.stdout : io.stderr)(usage);
		return parsed.values.help ? exitCodes.ok : exitCodes.usage;
	}

	try {
		const options = await optionsOf(parsed.values, io);
		switch (command) {
			case 'kpis': {
				return await kpisCommand(io, files, options);
			}

			case 'merge': {
				return await mergeCommand(io, files, options);
			}

			case 'import': {
				return await importCommand(io, files, options);
			}

			case 'export': {
				return await exportCommand(io, files, options);
			}

			default: {
				throw new UsageError(`unknown command "${command}" (commands: kpis, import, merge, export)`);
			}
		}
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`defuse: ${error.message}\nRun defuse --help for the options.\n`);
			return exitCodes.usage;
		}

		if (error instanceof ImportFailed || error instanceof InputError || error instanceof SnapshotError || error instanceof DatasetError) {
			io.stderr(`defuse: ${error.message}\n`);
			return exitCodes.input;
		}

		if (typeof (error as {code?: unknown}).code === 'string' && /^E[A-Z]+$/.test((error as {code: string}).code)) {
			io.stderr(`defuse: ${describeFileError((error as {path?: string}).path ?? 'a file', error)}\n`);
			return exitCodes.input;
		}

		io.stderr(
			`defuse: internal error: ${(error as Error).message?.split('\n')[0] ?? String(error)}. This is a bug: please report it with the command you ran.\n`,
		);
		if (process.env.DEFUSE_DEBUG) {
			io.stderr(`${(error as Error).stack ?? ''}\n`);
		}

		return exitCodes.internal;
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	process.exitCode = await main(process.argv.slice(2));
}
