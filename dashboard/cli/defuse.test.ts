// The command line, run in-process against files in memory.
import {describe, expect, test} from 'vitest';
import type {CliIo} from './defuse.ts';
import {main} from './defuse.ts';
import {parseBusinessHoursSpec} from './business-hours.ts';

type MemoryIo = CliIo & {files: Map<string, string | Uint8Array>; out: string[]; err: string[]};

function memoryIo(files: Record<string, string | Uint8Array> = {}, directories: string[] = []): MemoryIo {
	const store = new Map<string, string | Uint8Array>(Object.entries(files));
	const out: string[] = [];
	const err: string[] = [];
	const bytes = (path: string): Uint8Array => {
		const content = store.get(path);
		if (content === undefined) {
			throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {code: 'ENOENT', path});
		}

		return typeof content === 'string' ? new TextEncoder().encode(content) : content;
	};

	return {
		files: store,
		out,
		err,
		stdout: line => out.push(line),
		stderr: line => err.push(line),
		async stat(path) {
			if (directories.includes(path)) {
				return {size: 4096, directory: true};
			}

			return {size: bytes(path).length, directory: false};
		},
		async *readBytes(path) {
			const content = bytes(path);
			for (let index = 0; index < content.length; index += 64) {
				yield content.subarray(index, index + 64);
			}
		},
		writeFile: async (path, data) => {
			store.set(path, data);
		},
		async openOutput(path) {
			let text = '';
			return {
				async write(part) {
					text += part;
				},
				async done() {
					store.set(path, text);
				},
				async discard() {
					text = '';
				},
			};
		},
		async makeDirectory() {
			// Parquet files go to the real file system (DuckDB writes them).
		},
		progress: false,
	};
}

const zendesk = [
	'Id,Requester id,Assignee,Group,Subject,Status,Priority,Via,Created at,Solved at,Satisfaction Score,Replies,Reopens,First reply time in minutes,First reply time in minutes within business hours,Full resolution time in minutes',
	'1,7,Ana Ruiz,Billing,Refund,Solved,High,Mail,2026-03-02 09:00,2026-03-02 11:00,Good,1,0,30,30,120',
	'2,8,Ben Okafor,Support,Login,Open,Normal,Web form,2026-03-03 10:00,,,0,0,,,',
	'3,7,Ana Ruiz,Billing,Invoice,Closed,Low,Chat,2026-03-04 08:00,2026-03-04 12:00,Bad,3,1,90,60,240',
].join('\n');

describe('defuse kpis', () => {
	test('prints the headline KPIs of a Zendesk export', async () => {
		const io = memoryIo({'z.csv': zendesk});
		const code = await main(['kpis', 'z.csv', '--host', 'acme.zendesk.com'], io);
		expect(io.err.join(''), 'stderr').toBe('');
		expect(code).toBe(0);
		const text = io.out.join('');
		expect(text).toMatch(/Tickets\s+3\n/);
		// First replies 30 and 90 minutes: median 60.
		expect(text).toMatch(/First reply time\s+median 60 min, p90 84 min, n=2/);
		expect(text).toMatch(/CSAT\s+50\.0% \(1\/2\)/);
		expect(text).toMatch(/Reopen rate\s+50\.0% \(1\/2\)/);
	});

	test('--json gives every report, --group-by and --from/--to shape it', async () => {
		const io = memoryIo({'z.csv': zendesk});
		expect(await main(['kpis', 'z.csv', '--json', '--group-by', 'agent', '--from', '2026-03-03', '--to', '2026-03-04'], io)).toBe(0);
		const report = JSON.parse(io.out.join('')) as {rows: Array<{group: string; tickets: number}>; earlyWarning: unknown; themes: unknown};
		expect(report.rows.map(row => [row.group, row.tickets])).toEqual([
			['Ana Ruiz', 1],
			['Ben Okafor', 1],
		]);
		expect(report.earlyWarning).toBeDefined();
	});

	test('bad options and unknown files are explained', async () => {
		const io = memoryIo();
		expect(await main(['kpis', 'z.csv', '--group-by', 'planet'], io)).toBe(2);
		expect(io.err.join('')).toMatch(/--group-by must be one of none, day/);
		expect(await main(['kpis', 'missing.json'], io)).toBe(1);
		expect(io.err.at(-1)).toBe('defuse: missing.json: no such file\n');
		expect(await main(['frobnicate'], io)).toBe(2);
		expect(await main([], io)).toBe(2);
	});
});

describe('defuse import and merge', () => {
	test('import writes an aggregates snapshot; merging copies changes no KPI', async () => {
		const io = memoryIo({'z.csv': zendesk});
		expect(await main(['import', 'z.csv', '-o', 'a.json', '--host', 'acme.zendesk.com', '--salt', 'team'], io)).toBe(0);
		const snapshot = JSON.parse(io.files.get('a.json') as string) as {format: string; detail: string; tickets: unknown[]};
		expect(snapshot).toMatchObject({format: 'defuse-snapshot', detail: 'aggregates'});
		expect(snapshot.tickets).toHaveLength(3);
		expect(io.files.get('a.json')).not.toMatch(/Refund|Invoice/);

		expect(await main(['merge', 'a.json', 'a.json', 'a.json', '-o', 'm.json'], io)).toBe(0);
		const single = memoryIo({'a.json': io.files.get('a.json') as string});
		await main(['kpis', 'a.json', '--json'], single);
		const triple = memoryIo({'m.json': io.files.get('m.json') as string});
		await main(['kpis', 'm.json', '--json'], triple);
		expect(JSON.parse(triple.out.join('')).rows).toEqual(JSON.parse(single.out.join('')).rows);
	});

	test('a file with bad rows imports nothing and lists the lines', async () => {
		const io = memoryIo({'bad.csv': `${zendesk}\n4,,,,,Sleeping,,,2026-03-05 08:00,,,,,,,\n5,,,,,Open,,,never,,,,,,,\n`});
		expect(await main(['import', 'bad.csv', '-o', 'out.json'], io)).toBe(1);
		expect(io.files.has('out.json')).toBe(false);
		const message = io.err.join('');
		expect(message).toMatch(/bad\.csv: nothing imported, 2 problems/);
		expect(message).toMatch(/line 5, column "Status": unknown status "Sleeping"/);
		expect(message).toMatch(/line 6, column "Created at": "never" is not a date and time/);
	});

	test('merge refuses what is not a snapshot', async () => {
		const io = memoryIo({'x.json': '{"hello": 1}'});
		expect(await main(['merge', 'x.json', '-o', 'm.json'], io)).toBe(1);
		expect(io.err.join('')).toMatch(/x\.json: not a Defuse snapshot/);
	});
});

test('defuse export writes an SQLite file and a CSV bundle', async () => {
	const io = memoryIo({'z.csv': zendesk});
	expect(await main(['export', 'z.csv', '--sqlite', 'm.sqlite', '--csv', 'm.zip'], io)).toBe(0);
	const sqlite = io.files.get('m.sqlite') as Uint8Array;
	expect(new TextDecoder().decode(sqlite.subarray(0, 15))).toBe('SQLite format 3');
	expect((io.files.get('m.zip') as Uint8Array)[0]).toBe(0x50);
});

describe('--business-hours', () => {
	test('a compact spec', () => {
		expect(parseBusinessHoursSpec('Europe/Berlin mon-fri 09:00-17:00 sat 10:00-13:00 holidays 2026-12-24,2026-12-25')).toEqual({
			timezone: 'Europe/Berlin',
			weekly: {
				mon: [['09:00', '17:00']],
				tue: [['09:00', '17:00']],
				wed: [['09:00', '17:00']],
				thu: [['09:00', '17:00']],
				fri: [['09:00', '17:00']],
				sat: [['10:00', '13:00']],
			},
			holidays: ['2026-12-24', '2026-12-25'],
		});
		expect(() => parseBusinessHoursSpec('Europe/Berlin mon-fri 9-5')).toThrow(/hours like "09:00-17:00"/);
		expect(() => parseBusinessHoursSpec('Mars/Olympus mon 09:00-17:00')).toThrow(/unknown time zone/);
	});

	test('changes the business-hours measures of imported timelines', async () => {
		const dataset = {
			tickets: [
				{
					key: 'k1',
					helpdesk: 'demo',
					ticketId: '1',
					createdAt: Date.UTC(2026, 2, 6, 15),
					requesterKey: null,
					agent: 'Ana',
					group: null,
					priority: null,
					channel: null,
					status: 'open',
					trigger: null,
				},
			],
			// Friday 16:00 Berlin -> Monday 10:00 Berlin: 2 business hours.
			events: [
				{ticketKey: 'k1', at: Date.UTC(2026, 2, 6, 15), kind: 'customer-message'},
				{ticketKey: 'k1', at: Date.UTC(2026, 2, 9, 9), kind: 'agent-reply'},
			],
			surveys: [],
			customers: [],
		};
		const io = memoryIo({'d.json': JSON.stringify(dataset)});
		expect(await main(['kpis', 'd.json', '--json', '--business-hours', 'Europe/Berlin mon-fri 09:00-17:00'], io)).toBe(0);
		const [row] = (JSON.parse(io.out.join('')) as {rows: Array<{durations: {firstReplyBusiness: {median: number}}}>}).rows;
		expect(row!.durations.firstReplyBusiness.median).toBe(2 * 3_600_000);
	});
});

describe('every bad input ends in one clear line and a non-zero exit code, never a stack trace', () => {
	const cases: Array<[string, string[], Record<string, string | Uint8Array>, number, RegExp]> = [
		['a missing file', ['kpis', 'nope.csv'], {}, 1, /^defuse: nope\.csv: no such file\n$/],
		['a directory', ['kpis', 'exports'], {}, 1, /^defuse: exports is a directory, not a file\n$/],
		[
			'a bad time zone',
			['kpis', 'z.csv', '--timezone', 'Mars/Olympus'],
			{'z.csv': zendesk},
			2,
			/^defuse: --timezone "Mars\/Olympus" is not a time zone \(use an IANA name/,
		],
		[
			'bad business hours',
			['kpis', 'z.csv', '--business-hours', 'Europe/Berlin mon-fri 9-5'],
			{'z.csv': zendesk},
			2,
			/^defuse: --business-hours: expected days like "mon-fri" and hours like "09:00-17:00"/,
		],
		[
			'a business-hours file that is not JSON',
			['kpis', 'z.csv', '--business-hours', 'hours.json'],
			{'z.csv': zendesk, 'hours.json': 'mon-fri'},
			1,
			/^defuse: hours\.json: not JSON/,
		],
		[
			'a missing business-hours file',
			['kpis', 'z.csv', '--business-hours', 'hours.json'],
			{'z.csv': zendesk},
			1,
			/^defuse: hours\.json: no such file\n$/,
		],
		[
			'a reversed range',
			['kpis', 'z.csv', '--from', '2026-06-20', '--to', '2026-06-10'],
			{'z.csv': zendesk},
			2,
			/^defuse: --from 2026-06-20 is after --to 2026-06-10: the range is reversed/,
		],
		[
			'a day that does not exist',
			['kpis', 'z.csv', '--from', '2026-02-30'],
			{'z.csv': zendesk},
			2,
			/^defuse: --from must be a day like 2026-03-31/,
		],
		[
			'a spreadsheet instead of CSV',
			['kpis', 'x.csv'],
			{'x.csv': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])},
			1,
			/^defuse: x\.csv is a ZIP archive \(an \.xlsx spreadsheet\?\), not CSV: save or export it as CSV/,
		],
		[
			'a CSV of something else',
			['kpis', 'people.csv'],
			{'people.csv': 'Name,Email\nDana,d@example.org\n'},
			1,
			/^defuse: people\.csv: cannot tell what this CSV is/,
		],
		['an unknown option', ['kpis', 'z.csv', '--colour'], {'z.csv': zendesk}, 2, /^defuse: Unknown option '--colour'/],
		['an unknown engine', ['kpis', 'z.csv', '--engine', 'excel'], {'z.csv': zendesk}, 2, /^defuse: --engine must be one of duckdb, sqljs/],
		[
			'a cut-short NDJSON snapshot',
			['kpis', 's.ndjson'],
			{
				's.ndjson':
					'{"format":"defuse-snapshot-ndjson","version":1,"createdAt":"2026-03-01T00:00:00Z","detail":"aggregates","timezone":"UTC","saltId":"x"}\n',
			},
			1,
			/^defuse: s\.ndjson: cut short after line 1 \(no end line\)/,
		],
	];
	test.each(cases)('%s', async (_name, argv, files, code, message) => {
		const io = memoryIo(files, ['exports']);
		expect(await main(argv, io)).toBe(code);
		const text = io.err.join('');
		expect(text).toMatch(message);
		expect(text).not.toMatch(/\n\s+at |internal error/);
		expect(text.split('\n').filter(Boolean).length, text).toBeLessThanOrEqual(2);
	});

	test('--help names the exit codes', async () => {
		const io = memoryIo();
		expect(await main(['--help'], io)).toBe(0);
		expect(io.out.join('')).toMatch(
			/Exit codes: 0 done; 1 an input file is missing, unreadable or has bad rows \(nothing written\);\s+2 the command or an option is wrong; 3 an internal error/,
		);
	});
});

describe('encodings helpdesk exports come in', () => {
	const latin1 = (text: string) => Uint8Array.from([...text].map(character => character.charCodeAt(0)));
	const withAccents = zendesk.replace('Ana Ruiz,Billing,Refund', 'Ana Ruíz,Billing,Remboursement reçu');

	test('UTF-16 with its byte order mark and Windows-1252 are read (said on stderr), with the same numbers', async () => {
		const plain = memoryIo({'z.csv': withAccents});
		await main(['kpis', 'z.csv', '--json', '--group-by', 'agent'], plain);
		const expected = JSON.parse(plain.out.join('')).rows as Array<{group: string}>;
		expect(expected.map(row => row.group)).toContain('Ana Ruíz');

		const utf16 = new Uint8Array(2 + withAccents.length * 2);
		utf16.set([0xff, 0xfe]);
		for (const [index, character] of [...withAccents].entries()) {
			utf16[2 + index * 2] = character.charCodeAt(0);
		}

		for (const [name, bytes, said] of [
			['UTF-16', utf16, /read as UTF-16 \(little-endian\)/],
			['Latin-1', latin1(withAccents), /not UTF-8, read as Windows-1252 \(Latin-1\)/],
		] as const) {
			const io = memoryIo({'z.csv': bytes});
			expect(await main(['kpis', 'z.csv', '--json', '--group-by', 'agent'], io), name).toBe(0);
			expect(io.err.join(''), name).toMatch(said);
			expect(JSON.parse(io.out.join('')).rows, name).toEqual(expected);
		}
	});

	test('UTF-8 that turns invalid later names the byte and how to convert', async () => {
		const good = new TextEncoder().encode(
			`${zendesk}\n${'4,7,Ana Ruiz,Billing,Fine,Solved,High,Mail,2026-03-05 09:00,2026-03-05 11:00,Good,1,0,30,30,120\n'.repeat(2000)}`,
		);
		const bad = new Uint8Array(good.length + 1);
		bad.set(good);
		bad[good.length - 20] = 0xe9;
		const io = memoryIo({'z.csv': bad});
		expect(await main(['kpis', 'z.csv'], io)).toBe(1);
		expect(io.err.join('')).toMatch(
			/^defuse: z\.csv: not valid UTF-8 near byte [\d,]+ \(the file mixes encodings\); convert it to UTF-8 first, e\.g\. iconv -f WINDOWS-1252 -t UTF-8/,
		);
	});
});

describe('the header names the period, and big data streams', () => {
	test("without --from/--to the header has the data's first and last day", async () => {
		const io = memoryIo({'z.csv': zendesk});
		expect(await main(['kpis', 'z.csv'], io)).toBe(0);
		expect(io.out.join('')).toMatch(/^Defuse KPIs, 2026-03-02 to 2026-03-04 \(UTC\)\n/);
		const given = memoryIo({'z.csv': zendesk});
		await main(['kpis', 'z.csv', '--from', '2026-03-03'], given);
		expect(given.out.join('')).toMatch(/^Defuse KPIs, 2026-03-03 to 2026-03-04 \(UTC\)\n/);
	});

	test('DuckDB and sql.js give the same report for the same export', async () => {
		const reports = [];
		for (const engine of ['duckdb', 'sqljs']) {
			const io = memoryIo({'z.csv': zendesk});
			expect(await main(['kpis', 'z.csv', '--json', '--group-by', 'channel', '--engine', engine], io)).toBe(0);
			const {engine: used, ...report} = JSON.parse(io.out.join('')) as {engine: string};
			expect(used).toBe(engine);
			reports.push(report);
		}

		expect(reports[0]).toEqual(reports[1]);
	});

	test('an NDJSON snapshot: written streamed from the CSV, read streamed, the same KPIs; customers pseudonymised', async () => {
		const io = memoryIo({'z.csv': zendesk});
		expect(await main(['import', 'z.csv', '-o', 'team.ndjson', '--host', 'acme.zendesk.com', '--salt', 'team'], io)).toBe(0);
		const lines = (io.files.get('team.ndjson') as string)
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as Record<string, unknown>);
		expect(lines[0]).toMatchObject({format: 'defuse-snapshot-ndjson', version: 1, detail: 'aggregates'});
		expect(lines.at(-1)).toEqual({end: {asOf: Date.UTC(2026, 2, 4, 12), tickets: 3}});
		expect(lines.filter(line => 'ticket' in line)).toHaveLength(3);
		expect(io.files.get('team.ndjson')).not.toMatch(/zendesk:acme\.zendesk\.com:user:7|Refund|Invoice/);
		const fromCsv = memoryIo({'z.csv': zendesk});
		await main(['kpis', 'z.csv', '--json', '--host', 'acme.zendesk.com'], fromCsv);
		const fromSnapshot = memoryIo({'team.ndjson': io.files.get('team.ndjson')!});
		expect(await main(['kpis', 'team.ndjson', '--json'], fromSnapshot)).toBe(0);
		expect(JSON.parse(fromSnapshot.out.join('')).rows).toEqual(JSON.parse(fromCsv.out.join('')).rows);
		// Merging the NDJSON snapshot with itself changes nothing; JSON and NDJSON snapshots mix.
		expect(await main(['merge', 'team.ndjson', 'team.ndjson', '-o', 'both.json'], io)).toBe(0);
		const merged = memoryIo({'both.json': io.files.get('both.json')!});
		await main(['kpis', 'both.json', '--json'], merged);
		expect(JSON.parse(merged.out.join('')).rows).toEqual(JSON.parse(fromCsv.out.join('')).rows);
		// Written back as NDJSON (the merge's writer), the snapshot gives the same KPIs again.
		expect(await main(['merge', 'team.ndjson', '-o', 'again.ndjson'], io)).toBe(0);
		const again = memoryIo({'again.ndjson': io.files.get('again.ndjson')!});
		expect(await main(['kpis', 'again.ndjson', '--json'], again)).toBe(0);
		expect(JSON.parse(again.out.join('')).rows).toEqual(JSON.parse(fromCsv.out.join('')).rows);
	});
});
