// The command line, run in-process against files in memory.
import {describe, expect, test} from 'vitest';
import type {CliIo} from './defuse.ts';
import {main} from './defuse.ts';
import {parseBusinessHoursSpec} from './business-hours.ts';

function memoryIo(files: Record<string, string> = {}): CliIo & {files: Map<string, string | Uint8Array>; out: string[]; err: string[]} {
	const store = new Map<string, string | Uint8Array>(Object.entries(files));
	const out: string[] = [];
	const err: string[] = [];
	const text = (path: string): string => {
		const content = store.get(path);
		if (content === undefined) {
			throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), {code: 'ENOENT'});
		}

		return typeof content === 'string' ? content : new TextDecoder().decode(content);
	};

	return {
		files: store,
		out,
		err,
		stdout: line => out.push(line),
		stderr: line => err.push(line),
		readText: async path => text(path),
		*readChunks(path) {
			const content = text(path);
			for (let index = 0; index < content.length; index += 64) {
				yield content.slice(index, index + 64);
			}
		},
		size: async path => text(path).length,
		writeFile: async (path, data) => {
			store.set(path, data);
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
		expect(report.rows.map(row => [row.group, row.tickets])).toEqual([['Ana Ruiz', 1], ['Ben Okafor', 1]]);
		expect(report.earlyWarning).toBeDefined();
	});

	test('bad options and unknown files are explained', async () => {
		const io = memoryIo();
		expect(await main(['kpis', 'z.csv', '--group-by', 'planet'], io)).toBe(2);
		expect(io.err.join('')).toMatch(/--group-by must be one of none, day/);
		expect(await main(['kpis', 'missing.json'], io)).toBe(1);
		expect(io.err.join('')).toMatch(/ENOENT/);
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
			weekly: {mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [['10:00', '13:00']]},
			holidays: ['2026-12-24', '2026-12-25'],
		});
		expect(() => parseBusinessHoursSpec('Europe/Berlin mon-fri 9-5')).toThrow(/hours like "09:00-17:00"/);
		expect(() => parseBusinessHoursSpec('Mars/Olympus mon 09:00-17:00')).toThrow(/unknown time zone/);
	});

	test('changes the business-hours measures of imported timelines', async () => {
		const dataset = {
			tickets: [{key: 'k1', helpdesk: 'demo', ticketId: '1', createdAt: Date.UTC(2026, 2, 6, 15), requesterKey: null, agent: 'Ana', group: null, priority: null, channel: null, status: 'open', trigger: null}],
			// Friday 16:00 Berlin -> Monday 10:00 Berlin: 2 business hours.
			events: [{ticketKey: 'k1', at: Date.UTC(2026, 2, 6, 15), kind: 'customer-message'}, {ticketKey: 'k1', at: Date.UTC(2026, 2, 9, 9), kind: 'agent-reply'}],
			surveys: [],
			customers: [],
		};
		const io = memoryIo({'d.json': JSON.stringify(dataset)});
		expect(await main(['kpis', 'd.json', '--json', '--business-hours', 'Europe/Berlin mon-fri 09:00-17:00'], io)).toBe(0);
		const [row] = (JSON.parse(io.out.join('')) as {rows: Array<{durations: {firstReplyBusiness: {median: number}}}>}).rows;
		expect(row!.durations.firstReplyBusiness.median).toBe(2 * 3_600_000);
	});
});
