import {expect, test} from 'vitest';
import {generateDemoDataset} from '../../core/metrics/demo-data.ts';
import {differences, handDataset} from '../../test/helpers/metrics.ts';
import {mergeSnapshots} from '../../core/snapshot/merge.ts';
import {createSnapshot, factsOfSnapshot} from '../../core/snapshot/snapshot.ts';
import {createMetricsApi} from './api.ts';
import {crc32} from './export.ts';
import {kpisOfFacts, openNodeDatabase} from './node-database.ts';
import {kpis} from './queries.ts';

test('a dataset in, KPIs out; nothing loaded is an error that says what to do', async () => {
	const api = createMetricsApi(async () => openNodeDatabase());
	expect(() => api.kpis()).toThrow(/call loadDataset\(\) or loadSnapshots\(\) first/);
	await expect(api.loadDataset({tickets: [{key: ''}]} as never)).rejects.toThrow(/Invalid dataset/);
	expect(await api.loadDataset(handDataset())).toEqual({tickets: 4});
	expect(api.kpis()[0]!.tickets).toBe(4);
	expect(api.earlyWarning().levels[0]!.flagged).toBe(2);
	api.close();
});

test('snapshots from two agents load merged, and the SQLite export reopens with the same KPIs', async () => {
	const dataset = generateDemoDataset({seed: 9, days: 14, ticketsPerDay: 10});
	const half = Math.floor(dataset.tickets.length / 2);
	const first = {...dataset, tickets: dataset.tickets.slice(0, half + 5)};
	const second = {...dataset, tickets: dataset.tickets.slice(half - 5)};
	const pick = (part: typeof dataset) => {
		const keys = new Set(part.tickets.map(ticket => ticket.key));
		return {...part, events: part.events.filter(event => keys.has(event.ticketKey))};
	};

	const snapshots = [await createSnapshot(pick(first), {salt: 's'}), await createSnapshot(pick(second), {salt: 's'})];
	const api = createMetricsApi(async () => openNodeDatabase());
	const loaded = await api.loadSnapshots(snapshots.map(snapshot => JSON.parse(JSON.stringify(snapshot)) as unknown));
	expect(loaded).toEqual({tickets: dataset.tickets.length, warnings: []});
	const expected = await kpisOfFacts(factsOfSnapshot(mergeSnapshots(snapshots).snapshot), {groupBy: 'week'});
	expect(differences(api.kpis({groupBy: 'week'}), expected)).toEqual([]);

	const reopened = await openNodeDatabase(api.exportSqlite());
	expect(differences(kpis(reopened, {groupBy: 'week'}), expected)).toEqual([]);
	reopened.close();
	api.close();
});

test('the CSV bundle is a ZIP with one CSV per table', async () => {
	const api = createMetricsApi(async () => openNodeDatabase());
	await api.loadDataset(handDataset());
	const zip = api.exportCsvBundle();
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	const end = zip.byteLength - 22;
	expect(view.getUint32(end, true)).toBe(0x06_05_4b_50);
	const count = view.getUint16(end + 10, true);
	let position = view.getUint32(end + 16, true);
	const decoder = new TextDecoder();
	const files = new Map<string, string>();
	for (let index = 0; index < count; index++) {
		expect(view.getUint32(position, true)).toBe(0x02_01_4b_50);
		const size = view.getUint32(position + 20, true);
		const nameLength = view.getUint16(position + 28, true);
		const offset = view.getUint32(position + 42, true);
		const name = decoder.decode(zip.subarray(position + 46, position + 46 + nameLength));
		const start = offset + 30 + view.getUint16(offset + 26, true);
		const data = zip.subarray(start, start + size);
		expect(crc32(data), name).toBe(view.getUint32(position + 16, true));
		files.set(name, decoder.decode(data));
		position += 46 + nameLength;
	}

	expect([...files.keys()]).toContain('ticket_metrics.csv');
	const lines = files.get('ticket_metrics.csv')!.trim().split('\r\n');
	expect(lines[0]).toMatch(/^ticket_key,helpdesk,agent,group_name/);
	expect(lines).toHaveLength(5);
	expect(files.get('flags.csv')).toContain('"phrase.manager,wait.sla"');
	// Tables that keep their ticket by the internal integer key only get the ticket key back.
	const replies = files.get('reply_intervals.csv')!.trim().split('\r\n');
	// Times in ISO 8601 (UTC), durations in minutes named so, local days as dates (behaviour change: were epoch ms and yyyymmdd).
	expect(replies[0]).toBe('ticket_key,event_at,day,week,month,minutes,bh_minutes');
	expect(replies.length).toBeGreaterThan(1);
	expect(
		replies
			.slice(1)
			.every(line =>
				/^zendesk:acme\.zendesk\.com:\d+,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},\d{4}-\d{2},[\d.]+,/.test(
					line,
				),
			),
	).toBe(true);
	// Themes too (the table keeps no key of its own); the demo tickets may have none, the header stays.
	expect(files.get('ticket_themes.csv')!.split('\r\n')[0]).toBe('ticket_key,theme');
	expect(files.get('sla_outcomes.csv')!.split('\r\n')[0]).toBe(
		'ticket_key,metric,target_minutes,business_hours,outcome,measured_minutes,day,week,month',
	);
	expect(lines[0]).toContain(',created_at,day,week,month,first_reply_minutes,first_reply_bh_minutes,');
	// The read-me comes first and explains every column of every file, without pointing anywhere else.
	expect([...files.keys()][0]).toBe('README.txt');
	const readme = files.get('README.txt')!;
	for (const [name, text] of files) {
		if (name.endsWith('.csv')) {
			for (const column of text
				.slice(0, text.indexOf('\r\n'))
				.split(',')
				.filter(column => !/^sla_(next|periodic|requester|agent|resolution)/.test(column))) {
				expect(readme, `${name} ${column}`).toMatch(new RegExp(`^  ${column}: `, 'm'));
			}
		}
	}

	expect(readme).not.toMatch(/README\.md|sources|core\//);
	api.close();
});
