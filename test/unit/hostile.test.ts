// The hostile-input suite: generated corrupt and tampered snapshots, CSV exports and runtime messages
// (wrong types, out-of-range and huge values, truncation, encodings, duplicates, forged origins). Every
// case must end one of two ways: refused with an error that names where (file, row, field, line), or
// accepted and loaded with every row counted once. It prints its counts:
//   npx vitest run test/unit/hostile.test.ts
import {afterAll, describe, expect, test} from 'vitest';
import {importFreshdeskCsv} from '../../core/import/freshdesk.ts';
import {importSurveyCsv} from '../../core/import/surveys.ts';
import {importZendeskCsv} from '../../core/import/zendesk.ts';
import type {ImportResult} from '../../core/import/common.ts';
import {checkTicketOrigin, validateRequest} from '../../core/messages.ts';
import {generateDemoDataset} from '../../core/metrics/demo-data.ts';
import {datasetIssues} from '../../core/metrics/schema.ts';
import {seededRandom} from '../../core/random.ts';
import {mergeSnapshots} from '../../core/snapshot/merge.ts';
import type {Snapshot} from '../../core/snapshot/snapshot.ts';
import {SnapshotError, createSnapshot, parseSnapshot} from '../../core/snapshot/snapshot.ts';
import {createMetricsApi} from '../../dashboard/worker/api.ts';
import {openNodeDatabase} from '../../dashboard/worker/node-database.ts';

const tally = {cases: 0, rejected: 0, accepted: 0, unclear: [] as string[], lost: [] as string[], doubled: [] as string[]};
const random = seededRandom(20_261_206);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

afterAll(() => {
	console.log(
		`hostile input: ${tally.cases} cases, ${tally.rejected} refused with an error naming the file, row and field (or line), ${tally.accepted} accepted and loaded; ${tally.unclear.length} unclear errors, ${tally.lost.length} rows lost, ${tally.doubled.length} rows double counted`,
	);
});

// --- Snapshots -------------------------------------------------------------------------------------

const base = await createSnapshot(generateDemoDataset({seed: 9, days: 4, ticketsPerDay: 5}), {
	salt: 'team',
	createdAt: '2026-06-30T00:00:00.000Z',
});
const rowLists = ['tickets', 'escalations', 'flags', 'feedback', 'templates', 'surveys', 'customers', 'agentHours'] as const;
const hostileValues: unknown[] = [
	null,
	'',
	'x',
	'12',
	-1,
	0.5,
	1e20,
	-1e20,
	Number.MAX_SAFE_INTEGER,
	{},
	[],
	true,
	'h:'.padEnd(5000, 'a'),
	'=HYPERLINK("x")',
	'\u0000\u202E',
	Date.UTC(9999, 0, 1),
];

/** A name:row.field (or a file-level reason) at the start of each refusal line. */
const namesWhere =
	/^team\.json: ((tickets|escalations|flags|feedback|templates|surveys|customers|agentHours|events|texts)(\[\d+\](\.[\w.[\]]+)?)?|asOf|createdAt|timezone|saltId|detail|calendar|format|version)(: | )|^team\.json: \.\.\. and \d+ more problems$|^team\.json: not a Defuse snapshot|^team\.json: snapshot version/;

let loads = 0;
async function loadsWhole(snapshot: Snapshot, label: string): Promise<void> {
	// Loading every accepted case costs time: load a sample, check the merge arithmetic on all.
	const keys = new Set(snapshot.tickets.map(ticket => ticket.key));
	const merged = mergeSnapshots([snapshot, structuredClone(snapshot)]).snapshot;
	if (merged.tickets.length !== keys.size) {
		tally.doubled.push(`${label}: ${merged.tickets.length} tickets after merging the file with itself, ${keys.size} keys`);
	}

	if (loads++ % 4 !== 0) {
		return;
	}

	const api = createMetricsApi(async () => openNodeDatabase());
	try {
		const {tickets} = await api.loadSnapshots([snapshot]);
		const counted = api.kpis()[0]?.tickets ?? 0;
		if (tickets !== keys.size || counted !== keys.size) {
			(counted < keys.size ? tally.lost : tally.doubled).push(`${label}: ${counted} tickets counted, ${keys.size} in the file`);
		}
	} catch (error) {
		tally.unclear.push(`${label}: accepted by the schema, then the load failed: ${String(error)}`);
	} finally {
		api.close();
	}
}

async function snapshotCase(label: string, input: unknown): Promise<void> {
	tally.cases++;
	let parsed: Snapshot;
	try {
		parsed = parseSnapshot(input, 'team.json');
	} catch (error) {
		tally.rejected++;
		const lines = error instanceof SnapshotError ? error.issues : [String(error)];
		if (lines.length === 0 || !lines.every(line => namesWhere.test(line))) {
			tally.unclear.push(`${label}: ${lines.join(' | ')}`);
		}

		return;
	}

	tally.accepted++;
	await loadsWhole(parsed, label);
}

describe('tampered snapshots', () => {
	test('every field of a row of every list, set to a hostile value or removed', async () => {
		for (const list of rowLists) {
			const rows = base[list] as unknown as Array<Record<string, unknown>>;
			if (rows.length === 0) {
				continue;
			}

			for (const field of Object.keys(rows[0]!)) {
				for (const value of [...hostileValues, undefined]) {
					const copy = structuredClone(base) as unknown as Record<string, Array<Record<string, unknown>>>;
					const row = copy[list]![Math.floor(random() * rows.length)]!;
					if (value === undefined) {
						delete row[field];
					} else {
						row[field] = value;
					}

					await snapshotCase(`${list}.${field}=${JSON.stringify(value)?.slice(0, 20)}`, copy);
				}
			}
		}
	}, 120_000);

	test('rows that are not rows, lists that are not lists, top-level fields tampered', async () => {
		for (const list of rowLists) {
			for (const value of [null, 5, 'row', [], [[1]], {}]) {
				await snapshotCase(`${list} row ${JSON.stringify(value)}`, {...structuredClone(base), [list]: [value]});
			}

			await snapshotCase(`${list} not a list`, {...structuredClone(base), [list]: {0: 'x'}});
		}

		for (const field of ['asOf', 'createdAt', 'timezone', 'saltId', 'detail', 'format', 'version']) {
			for (const value of hostileValues) {
				await snapshotCase(`top ${field}=${JSON.stringify(value)?.slice(0, 20)}`, {...structuredClone(base), [field]: value});
			}
		}
	}, 60_000);

	test('duplicates: the same ticket twice is refused; repeated annotation rows and whole files count once', async () => {
		const copy = structuredClone(base);
		copy.tickets.push(structuredClone(pick(copy.tickets)));
		await snapshotCase('duplicate ticket', copy);
		const rows = structuredClone(base);
		rows.escalations = [...rows.escalations, ...rows.escalations];
		rows.flags = [...rows.flags, ...rows.flags];
		await snapshotCase('repeated escalation and flag rows', rows);
		tally.cases++;
		const merged = mergeSnapshots([rows, base, rows]).snapshot;
		if (merged.escalations.length !== base.escalations.length || merged.flags.length !== base.flags.length) {
			tally.doubled.push(`repeated rows: ${merged.escalations.length} escalations, ${base.escalations.length} distinct`);
		}

		tally.accepted++;
	});

	test('truncated and re-encoded files are refused whole as JSON, never half-read', () => {
		const text = JSON.stringify(base);
		for (let index = 0; index < 40; index++) {
			tally.cases++;
			const cut = text.slice(0, Math.floor(random() * (text.length - 1)));
			try {
				JSON.parse(cut);
				tally.unclear.push(`cut at ${cut.length} parsed`);
			} catch {
				tally.rejected++; // The dashboard says "Not valid JSON: ..." and imports nothing.
			}
		}
	});
});

// --- CSV exports ------------------------------------------------------------------------------------

const zendeskHeader =
	'Id,Requester,Requester id,Requester email,Assignee,Group,Subject,Status,Priority,Via,Created at,Solved at,Satisfaction Score,Replies,Reopens,First reply time in minutes,Full resolution time in minutes';
const zendeskRows = Array.from(
	{length: 12},
	(_, index) =>
		`${200 + index},Customer ${index},${9000 + index},c${index}@example.com,Agent ${index % 3},Billing,"Question ${index}, please",${index % 2 ? 'Solved' : 'Open'},Normal,Mail,2026-03-0${1 + (index % 9)} 09:15:00,${index % 2 ? `2026-03-0${1 + (index % 9)} 11:15:00` : ''},${index % 2 ? 'Good' : 'Offered'},${index % 4},0,${index * 7},${index % 2 ? 120 : ''}`,
);
const freshdeskHeader =
	'Ticket Id,Subject,Status,Priority,Source,Agent,Group,Created time,Resolved time,Agent interactions,Customer interactions,Email';
const freshdeskRows = Array.from(
	{length: 10},
	(_, index) =>
		`${50 + index},Subject ${index},${index % 2 ? 'Resolved' : 'Open'},Medium,Email,Grace Kim,Technical,2026-03-04 10:00:00,${index % 2 ? '2026-03-04 14:00:00' : ''},${index % 3},1,p${index}@example.com`,
);
const surveyHeader = 'Response ID,Ticket ID,Type,Score,Submitted at';
const surveyRows = Array.from(
	{length: 10},
	(_, index) => `r${index},${200 + index},${pick(['CSAT', 'NPS', 'CES'])},${1 + (index % 5)},2026-03-02T12:0${index}:00Z`,
);

type Importer = (text: string) => Promise<ImportResult>;
const importers: Array<{
	name: string;
	header: string;
	rows: string[];
	run: Importer;
	counts: (result: Extract<ImportResult, {ok: true}>) => number;
}> = [
	{
		name: 'zendesk.csv',
		header: zendeskHeader,
		rows: zendeskRows,
		run: async text => importZendeskCsv([text], {host: 'acme.zendesk.com'}),
		counts: result => result.dataset.tickets.length,
	},
	{
		name: 'freshdesk.csv',
		header: freshdeskHeader,
		rows: freshdeskRows,
		run: async text => importFreshdeskCsv([text], {host: 'acme.freshdesk.com'}),
		counts: result => result.dataset.tickets.length,
	},
	{
		name: 'surveys.csv',
		header: surveyHeader,
		rows: surveyRows,
		run: async text => importSurveyCsv([text], {helpdesk: 'zendesk', host: 'acme.zendesk.com'}),
		counts: result => result.dataset.surveys.length,
	},
];

const hostileCells = [
	'',
	'x',
	'-5',
	'9'.repeat(400),
	'1e5',
	'9999-01-01 00:00:00',
	'1900-01-01',
	'NaN',
	"=cmd|' /C calc'!A0",
	'"',
	'\uFFFD\uFFFD',
	'２０２６-03-01',
	'null',
	'0x1F',
	'  ',
	'Infinity',
];

/** Data rows in a CSV text (records after the header), counting quoted line breaks as one record. */
function dataRowsOf(source: string): number {
	const text = source.replaceAll('\r\n', '\n').replaceAll('\r', '\n');
	let rows = 0;
	let quoted = false;
	let content = false;
	for (const char of text) {
		if (char === '"') {
			quoted = !quoted;
		} else if (char === '\n' && !quoted) {
			rows += content ? 1 : 0;
			content = false;
			continue;
		}

		if (char !== '\r') {
			content = true;
		}
	}

	return rows + (content ? 1 : 0) - 1;
}

async function csvCase(importer: (typeof importers)[number], label: string, text: string): Promise<void> {
	tally.cases++;
	let result: ImportResult;
	try {
		result = await importer.run(text);
	} catch (error) {
		tally.unclear.push(`${importer.name} ${label}: threw ${String(error)}`);
		return;
	}

	if (!result.ok) {
		tally.rejected++;
		if (
			result.issues.length === 0 ||
			!result.issues.every(issue => issue.message.trim() !== '' && issue.line >= 0) ||
			(!result.summary.startsWith(`${importer.name}`) && !result.summary.includes('nothing imported'))
		) {
			tally.unclear.push(`${importer.name} ${label}: ${JSON.stringify(result.issues.slice(0, 2))}`);
		}

		return;
	}

	tally.accepted++;
	const expected = dataRowsOf(text);
	const counted = importer.counts(result);
	if (result.rows !== expected || counted !== expected) {
		(counted < expected ? tally.lost : tally.doubled).push(`${importer.name} ${label}: ${counted} rows imported of ${expected}`);
	}

	const issues = datasetIssues(result.dataset);
	if (issues.length > 0) {
		tally.unclear.push(`${importer.name} ${label}: accepted, but the dataset is invalid: ${issues[0]!}`);
	}
}

describe('hostile CSV exports', () => {
	test('every column of a row set to a hostile value', async () => {
		for (const importer of importers) {
			const columns = importer.header.split(',').length;
			for (let column = 0; column < columns; column++) {
				for (const value of hostileCells) {
					const rows = [...importer.rows];
					const at = Math.floor(random() * rows.length);
					const cells = rows[at]!.match(/("[^"]*"|[^,]*)(,|$)/g)!
						.map(cell => cell.replace(/,$/, ''))
						.slice(0, columns);
					cells[column] = /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
					rows[at] = cells.join(',');
					await csvCase(importer, `column ${column}=${JSON.stringify(value).slice(0, 16)}`, [importer.header, ...rows].join('\n'));
				}
			}
		}
	}, 120_000);

	test('truncation at any point, duplicated rows, encodings and line ends', async () => {
		for (const importer of importers) {
			const text = [importer.header, ...importer.rows].join('\r\n');
			for (let index = 0; index < 30; index++) {
				await csvCase(
					importer,
					'cut',
					text.slice(0, importer.header.length + 2 + Math.floor(random() * (text.length - importer.header.length - 2))),
				);
			}

			await csvCase(importer, 'row twice', [importer.header, ...importer.rows, pick(importer.rows)].join('\n'));
			await csvCase(importer, 'BOM', `\uFEFF${text}`);
			await csvCase(importer, 'LF', text.replaceAll('\r\n', '\n'));
			await csvCase(importer, 'old Mac CR', text.replaceAll('\r\n', '\r'));
			await csvCase(importer, 'Latin-1 read as UTF-8', text.replaceAll('e', '\uFFFD'));
			await csvCase(importer, 'header only', importer.header);
			await csvCase(importer, 'empty', '');
			await csvCase(importer, 'binary', '\u0000\u0001PK\u0003\u0004'.repeat(20));
			await csvCase(importer, 'a million columns wide row', `${importer.header}\n${','.repeat(100_000)}`);
		}
	}, 120_000);
});

// --- Runtime messages -------------------------------------------------------------------------------

describe('forged runtime messages', () => {
	const snapshot = {
		helpdesk: 'zendesk',
		ticketId: '12',
		url: 'https://acme.zendesk.com/agent/tickets/12',
		messages: [{role: 'customer', text: 'hi'}],
	};
	const good = [
		{type: 'observe', snapshot},
		{
			type: 'agent-action',
			actionId: 'a-1',
			action: {type: 'feedback', ticketKey: 'zendesk:acme.zendesk.com:12', verdict: 'disagree', signalIds: ['phrase.manager']},
		},
		{type: 'ticket-context', ticketKey: 'zendesk:acme.zendesk.com:12'},
		{type: 'queue-state', ticketKeys: ['zendesk:acme.zendesk.com:12']},
		{type: 'adapter-miss', helpdesk: 'zendesk', url: 'https://acme.zendesk.com/agent/tickets/12', part: 'messages', detail: 'x'},
	];

	/** Every path of an object, for replacing one value at a time. */
	function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
		if (typeof value !== 'object' || value === null) {
			return [prefix];
		}

		return [
			prefix,
			...Object.entries(value).flatMap(([key, child]) => paths(child, [...prefix, Array.isArray(value) ? Number(key) : key])),
		];
	}

	test('every field of every request, replaced by a hostile value', () => {
		for (const request of good) {
			for (const path of paths(request).filter(path => path.length > 0)) {
				for (const value of [...hostileValues, 'x'.repeat(1_000_001), {__proto__: {polluted: true}}]) {
					const copy = structuredClone(request) as Record<string | number, unknown>;
					let target = copy;
					for (const key of path.slice(0, -1)) {
						target = target[key] as Record<string | number, unknown>;
					}

					target[path.at(-1)!] = value;
					tally.cases++;
					const result = validateRequest(copy);
					if (result.ok) {
						tally.accepted++;
						// Accepted as well-formed: it still may only speak for its own page.
						const origin = checkTicketOrigin(result.value, 'https://acme.zendesk.com/agent/tickets/12');
						if (!origin.ok && !/^request\.[\w.[\]]+ names /.test(origin.error)) {
							tally.unclear.push(`${request.type} ${path.join('.')}: ${origin.error}`);
						}
					} else {
						tally.rejected++;
						if (
							!/^request(\.[\w-]+|\[\d+\])* /.test(result.error) &&
							!result.error.startsWith('unknown request type') &&
							!result.error.startsWith('request must be')
						) {
							tally.unclear.push(`${request.type} ${path.join('.')}: ${result.error}`);
						}
					}
				}
			}
		}
	});

	test('requests that speak for another site are refused', () => {
		for (const request of good) {
			const forged = JSON.parse(JSON.stringify(request).replaceAll('acme.zendesk.com', 'victim.zendesk.com')) as unknown;
			const parsed = validateRequest(forged);
			tally.cases++;
			if (parsed.ok && !checkTicketOrigin(parsed.value, 'https://acme.zendesk.com/agent/tickets/12').ok) {
				tally.rejected++;
			} else {
				tally.unclear.push(`forged ${request.type} was not refused`);
			}
		}
	});
});

test('every case was refused with a clear error or loaded with each row counted once', () => {
	expect(tally.cases).toBeGreaterThan(2000);
	expect(tally.rejected + tally.accepted + tally.unclear.length).toBeGreaterThanOrEqual(tally.cases);
	expect(tally.doubled).toEqual([]);
	expect(tally.unclear).toEqual([]);
	expect(tally.lost).toEqual([]);
	expect(tally.doubled).toEqual([]);
});
