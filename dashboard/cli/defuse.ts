// The `defuse` command line: the dashboard's metric SQL for large exports and scripts.
//   defuse kpis <files...> [--json] [--from D --to D] [--business-hours SPEC] [--group-by G]
//   defuse merge <snapshots...> -o out.json
//   defuse import <export.csv> -o snapshot.json [--host H] [--salt S] [--details]
//   defuse export <files...> (--sqlite out.sqlite | --csv out.zip)
// Inputs: Defuse snapshots (.json), datasets (.json), Zendesk / Freshdesk ticket exports and survey CSVs.
import {createReadStream} from 'node:fs';
import {readFile, stat, writeFile} from 'node:fs/promises';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import type {BusinessCalendar} from '../../core/calendar.ts';
import type {Dataset} from '../../core/metrics/dataset.ts';
import {mergeDatasets} from '../../core/metrics/dataset.ts';
import {DatasetError, validateDataset} from '../../core/metrics/schema.ts';
import {deriveFacts} from '../../core/metrics/facts.ts';
import type {CsatRule, FcrVariant, GroupBy, KpiQuery, KpiRow, Ratio, Stats} from '../../core/metrics/kpis.ts';
import {groupings} from '../../core/metrics/kpis.ts';
import type {ImportResult, TextSource} from '../../core/import/common.ts';
import {describeIssue, normalizeHeader} from '../../core/import/common.ts';
import {importFreshdeskCsv} from '../../core/import/freshdesk.ts';
import {importSurveyCsv} from '../../core/import/surveys.ts';
import {importZendeskCsv} from '../../core/import/zendesk.ts';
import {mergeSnapshots} from '../../core/snapshot/merge.ts';
import type {Snapshot} from '../../core/snapshot/snapshot.ts';
import {SnapshotError, createSnapshot, factsOfSnapshot, parseSnapshot, snapshotFromFacts, withShareableThemes} from '../../core/snapshot/snapshot.ts';
import {exportCsvBundle, exportSqlite} from '../worker/export.ts';
import {loadFacts} from '../worker/load.ts';
import {openNodeDatabase} from '../worker/node-database.ts';
import {earlyWarning, kpis, templateEffectiveness, themeSpikes, themeSummary} from '../worker/queries.ts';
import {calendarFromJson, parseBusinessHoursSpec} from './business-hours.ts';

export type CliIo = {
	stdout(text: string): void;
	stderr(text: string): void;
	readText(path: string): Promise<string>;
	/** The file as text chunks. */
	readChunks(path: string): TextSource;
	size(path: string): Promise<number>;
	writeFile(path: string, data: string | Uint8Array): Promise<void>;
	/** Show progress lines on stderr. */
	progress: boolean;
};

export const nodeIo: CliIo = {
	stdout: text => process.stdout.write(text),
	stderr: text => process.stderr.write(text),
	readText: async path => readFile(path, 'utf8'),
	readChunks: path => createReadStream(path, {encoding: 'utf8', highWaterMark: 1 << 20}) as AsyncIterable<string>,
	size: async path => (await stat(path)).size,
	writeFile: async (path, data) => writeFile(path, data),
	progress: process.stderr.isTTY === true,
};

const usage = `Usage:
  defuse kpis <files...> [--json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group-by G]
              [--business-hours SPEC] [--timezone TZ] [--fcr one-touch|no-follow-up]
              [--csat top-2|top-1|exclude-neutral] [--csat-scale 2|3|5] [--host HOST]
  defuse merge <snapshots...> -o out.json
  defuse import <export.csv> -o snapshot.json [--kind zendesk|freshdesk|surveys] [--host HOST] [--helpdesk NAME]
              [--timezone TZ] [--salt SECRET] [--details] [--business-hours SPEC]
  defuse export <files...> (--sqlite out.sqlite | --csv out.zip) [--business-hours SPEC]

Files: Defuse snapshots or datasets (.json), Zendesk or Freshdesk ticket exports and survey CSVs (.csv).
--group-by: ${groupings.join(', ')}
--business-hours: a calendar JSON file, or "Europe/Berlin mon-fri 09:00-17:00 holidays 2026-12-24,2026-12-25"
--salt: the team secret for customer pseudonyms (default: $DEFUSE_SALT, else random)
`;

class UsageError extends Error {}

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
	salt?: string | undefined;
	details: boolean;
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

async function optionsOf(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<Options> {
	const text = (name: string): string | undefined => (typeof values[name] === 'string' ? values[name] : undefined);
	for (const name of ['from', 'to']) {
		const day = text(name);
		if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
			throw new UsageError(`--${name} must be a day like 2026-03-31 (got "${day}")`);
		}
	}

	let calendar: BusinessCalendar | undefined;
	const spec = text('business-hours');
	if (spec !== undefined) {
		calendar = spec.endsWith('.json') ? calendarFromJson(JSON.parse(await io.readText(spec)) as unknown, spec) : parseBusinessHoursSpec(spec);
	}

	return {
		json: values.json === true,
		from: text('from'),
		to: text('to'),
		groupBy: oneOf('group-by', text('group-by'), groupings, 'none'),
		timezone: text('timezone'),
		calendar,
		fcr: oneOf('fcr', text('fcr'), ['one-touch', 'no-follow-up'] as const, 'one-touch'),
		csat: oneOf('csat', text('csat'), ['top-2', 'top-1', 'exclude-neutral'] as const, 'top-2'),
		csatScale: text('csat-scale') === undefined ? undefined : Number(oneOf('csat-scale', text('csat-scale'), ['2', '3', '5'] as const, '5')),
		host: text('host'),
		helpdesk: text('helpdesk'),
		kind: text('kind'),
		output: text('output'),
		sqlite: text('sqlite'),
		csv: text('csv'),
		salt: text('salt') ?? process.env.DEFUSE_SALT,
		details: values.details === true,
	};
}

/** Which importer reads a CSV, from its header. */
function csvKind(header: string): 'zendesk' | 'freshdesk' | 'surveys' | undefined {
	const names = new Set(header.split(',').map(name => normalizeHeader(name.replaceAll('"', ''))));
	if (names.has('id') && names.has('createdat') && names.has('status')) {
		return 'zendesk';
	}

	if ((names.has('ticketid') || names.has('displayid')) && (names.has('createdtime') || names.has('createdat') || names.has('createddate'))) {
		return 'freshdesk';
	}

	return names.has('score') || names.has('rating') ? 'surveys' : undefined;
}

async function firstLine(io: CliIo, path: string): Promise<string> {
	let text = '';
	for await (const chunk of io.readChunks(path)) {
		text += chunk;
		const end = text.search(/\r?\n/);
		if (end !== -1 || text.length > 65_536) {
			text = end === -1 ? text : text.slice(0, end);
			break;
		}
	}

	return text.replace(/^\uFEFF/, '');
}

async function importCsv(io: CliIo, path: string, options: Options): Promise<Dataset> {
	const kind = options.kind ?? csvKind(await firstLine(io, path));
	if (!kind) {
		throw new UsageError(`${path}: cannot tell what this CSV is (not a Zendesk or Freshdesk ticket export, no survey score column); use --kind`);
	}

	const total = await io.size(path);
	let shown = -1;
	const common = {
		fileName: path,
		host: options.host,
		csatScale: options.csatScale,
		timezone: options.timezone ?? options.calendar?.timezone,
		totalChars: total,
		onProgress: io.progress ? ({chars}: {chars: number}) => {
			const percent = Math.floor((chars / Math.max(1, total)) * 10) * 10;
			if (percent > shown) {
				shown = percent;
				io.stderr(`reading ${path}: ${Math.min(100, percent)}%\n`);
			}
		} : undefined,
	};
	let result: ImportResult;
	if (kind === 'zendesk') {
		result = await importZendeskCsv(io.readChunks(path), common);
	} else if (kind === 'freshdesk') {
		result = await importFreshdeskCsv(io.readChunks(path), common);
	} else if (kind === 'surveys') {
		const helpdesk = options.helpdesk ?? ['zendesk', 'freshdesk'].find(name => options.host?.includes(name));
		result = await importSurveyCsv(io.readChunks(path), {...common, helpdesk});
	} else {
		throw new UsageError(`--kind must be zendesk, freshdesk or surveys (got "${kind}")`);
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

class ImportFailed extends Error {}

/**
 * Every input as snapshots: snapshot files as they are, datasets and CSV imports merged into one (for an
 * export, as an aggregates-only snapshot: customers pseudonymised, shareable themes only).
 */
async function readInputs(io: CliIo, files: string[], options: Options, purpose: 'local' | 'export' = 'local'): Promise<Snapshot[]> {
	if (files.length === 0) {
		throw new UsageError('no input files');
	}

	const snapshots: Snapshot[] = [];
	const datasets: Dataset[] = [];
	for (const path of files) {
		if (path.toLowerCase().endsWith('.csv')) {
			datasets.push(await importCsv(io, path, options));
			continue;
		}

		const content = await io.readText(path);
		let value: unknown;
		try {
			value = JSON.parse(content) as unknown;
		} catch (error) {
			throw new UsageError(`${path}: not JSON (${(error as Error).message})`);
		}

		if (typeof value === 'object' && value !== null && (value as {format?: unknown}).format !== undefined) {
			snapshots.push(parseSnapshot(value, path));
		} else {
			try {
				datasets.push(validateDataset(value));
			} catch (error) {
				throw error instanceof DatasetError ? new UsageError(`${path}: neither a snapshot nor a dataset. ${error.message}`) : error;
			}
		}
	}

	if (datasets.length > 0) {
		const timezone = options.timezone ?? options.calendar?.timezone ?? 'UTC';
		const businessHours = options.calendar ? {calendar: options.calendar} : undefined;
		snapshots.push(purpose === 'export'
			? await createSnapshot(mergeDatasets(...datasets), {salt: options.salt, timezone, businessHours})
			: snapshotFromFacts(deriveFacts(mergeDatasets(...datasets), {businessHours, timezone}), {timezone, calendar: options.calendar}));
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

function duration(ms: number | null): string {
	if (ms === null) {
		return '-';
	}

	const minutes = ms / 60_000;
	if (minutes < 90) {
		return `${minutes.toFixed(minutes < 10 ? 1 : 0)} min`;
	}

	return minutes < 48 * 60 ? `${(minutes / 60).toFixed(1)} h` : `${(minutes / 1440).toFixed(1)} d`;
}

function percent(ratio: Ratio | null): string {
	return ratio === null || ratio.value === null ? '-' : `${(ratio.value * 100).toFixed(1)}% (${ratio.numerator}/${ratio.denominator})`;
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
		...Object.entries(row.sla).filter(([, ratio]) => ratio.denominator > 0).map(([metric, ratio]): [string, string] => [`SLA ${metric}`, percent(ratio)]),
		['CSAT', percent(row.csat)],
		...(row.csatResponseRate.denominator > 0 ? [['  response rate', percent(row.csatResponseRate)] as [string, string]] : []),
		['NPS', row.nps.score === null ? '-' : `${row.nps.score.toFixed(0)} (n=${row.nps.responses})`],
		['CES', row.ces.mean === null ? '-' : `${row.ces.mean.toFixed(2)} (n=${row.ces.responses})`],
		['Churn', percent(row.churn)],
	];
	return lines.map(([name, value]) => `${name.padEnd(26)} ${value}`).join('\n');
}

function tableText(rows: KpiRow[]): string {
	const header = ['group', 'tickets', 'first reply (median)', 'resolution', 'FCR', 'escalation', 'CSAT'];
	const body = rows.map(row => [
		row.group, String(row.tickets), duration(row.durations.firstReply.median),
		row.resolutionRate.value === null ? '-' : `${(row.resolutionRate.value * 100).toFixed(1)}%`,
		row.fcr.value === null ? '-' : `${(row.fcr.value * 100).toFixed(1)}%`,
		row.escalationRate.value === null ? '-' : `${(row.escalationRate.value * 100).toFixed(1)}%`,
		row.csat.value === null ? '-' : `${(row.csat.value * 100).toFixed(1)}%`,
	]);
	const widths = header.map((title, index) => Math.max(title.length, ...body.map(cells => cells[index]!.length)));
	return [header, ...body].map(cells => cells.map((text, index) => (index === 0 ? text.padEnd(widths[index]!) : text.padStart(widths[index]!))).join('  ')).join('\n');
}

async function kpisCommand(io: CliIo, files: string[], options: Options): Promise<number> {
	const snapshot = merged(io, await readInputs(io, files, options));
	const timezone = options.timezone ?? options.calendar?.timezone ?? snapshot.timezone;
	const db = await openNodeDatabase();
	try {
		loadFacts(db, factsOfSnapshot(snapshot), {timezone});
		const query: KpiQuery = {from: options.from, to: options.to, groupBy: options.groupBy, fcr: options.fcr, csat: options.csat};
		const rows = kpis(db, query);
		if (options.json) {
			io.stdout(`${JSON.stringify({
				query,
				timezone,
				tickets: snapshot.tickets.length,
				rows,
				earlyWarning: earlyWarning(db, query),
				templates: templateEffectiveness(db, query),
				themes: themeSummary(db, query),
				spikes: themeSpikes(db, query),
			}, null, 2)}\n`);
			return 0;
		}

		const period = `${options.from ?? 'start'} .. ${options.to ?? 'end'}`;
		io.stdout(`Defuse KPIs, ${period} (${timezone})${options.groupBy === 'none' ? '' : ` by ${options.groupBy}`}\n\n`);
		io.stdout(`${options.groupBy === 'none' && rows[0] ? headlineText(rows[0]) : tableText(rows)}\n`);
		return 0;
	} finally {
		db.close();
	}
}

async function mergeCommand(io: CliIo, files: string[], options: Options): Promise<number> {
	if (!options.output) {
		throw new UsageError('merge needs -o <out.json>');
	}

	const snapshots: Snapshot[] = [];
	for (const path of files) {
		snapshots.push(parseSnapshot(JSON.parse(await io.readText(path)) as unknown, path));
	}

	if (snapshots.length === 0) {
		throw new UsageError('no snapshots to merge');
	}

	const snapshot = merged(io, snapshots);
	await io.writeFile(options.output, `${JSON.stringify(snapshot)}\n`);
	io.stdout(`merged ${snapshots.length} snapshot${snapshots.length === 1 ? '' : 's'}: ${snapshot.tickets.length} tickets -> ${options.output}\n`);
	return 0;
}

async function importCommand(io: CliIo, files: string[], options: Options): Promise<number> {
	if (!options.output || files.length !== 1) {
		throw new UsageError('import needs one file and -o <snapshot.json>');
	}

	const dataset = await importCsv(io, files[0]!, options);
	if (!options.salt) {
		io.stderr('warning: no --salt (or $DEFUSE_SALT): customer pseudonyms use a random salt and will not match other snapshots.\n');
	}

	const snapshot = await createSnapshot(dataset, {
		detail: options.details ? 'details' : 'aggregates',
		salt: options.salt,
		timezone: options.timezone ?? options.calendar?.timezone,
		businessHours: options.calendar ? {calendar: options.calendar} : undefined,
	});
	await io.writeFile(options.output, `${JSON.stringify(snapshot)}\n`);
	io.stdout(`imported ${dataset.tickets.length} tickets and ${dataset.surveys.length} survey responses -> ${options.output}\n`);
	return 0;
}

async function exportCommand(io: CliIo, files: string[], options: Options): Promise<number> {
	if (!options.sqlite && !options.csv) {
		throw new UsageError('export needs --sqlite <file> or --csv <file.zip>');
	}

	const whole = merged(io, await readInputs(io, files, options, 'export'));
	const snapshot = {...whole, tickets: withShareableThemes(whole.tickets)};
	const db = await openNodeDatabase();
	try {
		loadFacts(db, factsOfSnapshot(snapshot), {timezone: options.timezone ?? options.calendar?.timezone ?? snapshot.timezone});
		if (options.sqlite) {
			await io.writeFile(options.sqlite, exportSqlite(db));
			io.stdout(`wrote ${options.sqlite}\n`);
		}

		if (options.csv) {
			await io.writeFile(options.csv, exportCsvBundle(db));
			io.stdout(`wrote ${options.csv}\n`);
		}

		return 0;
	} finally {
		db.close();
	}
}

/** Runs one command; returns the exit code (0 ok, 1 failed input, 2 usage). */
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
				salt: {type: 'string'},
				details: {type: 'boolean'},
				help: {type: 'boolean', short: 'h'},
			},
		});
	} catch (error) {
		io.stderr(`${(error as Error).message}\n\n${usage}`);
		return 2;
	}

	const [command, ...files] = parsed.positionals;
	if (parsed.values.help || !command) {
		io.stdout(usage);
		return parsed.values.help ? 0 : 2;
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
				throw new UsageError(`unknown command "${command}"`);
			}
		}
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`defuse: ${error.message}\n\n${usage}`);
			return 2;
		}

		if (error instanceof ImportFailed || error instanceof SnapshotError || error instanceof SyntaxError || (error as {code?: string}).code === 'ENOENT') {
			io.stderr(`defuse: ${(error as Error).message}\n`);
			return 1;
		}

		throw error;
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	process.exitCode = await main(process.argv.slice(2));
}
