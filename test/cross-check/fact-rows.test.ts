// The streaming fact writer against the bulk row lists: the same tables, row for row, whichever way
// the facts arrive; a failed load leaves nothing behind.
import type {Database} from 'sql.js';
import {afterEach, describe, expect, test} from 'vitest';
import {generateDemoDataset} from '../../core/metrics/demo-data.ts';
import {deriveFacts} from '../../core/metrics/facts.ts';
import {berlinOffice} from '../helpers/metrics.ts';
import {openFactWriter} from '../../dashboard/worker/fact-rows.ts';
import {loadFacts, writeDataset} from '../../dashboard/worker/load.ts';
import {openNodeDatabase} from '../../dashboard/worker/node-database.ts';
import {all} from '../../dashboard/worker/queries.ts';
import {createIndexes, createTables, factTables} from '../../dashboard/worker/schema.ts';
import {factTableRows, insertRows} from './load-sql.ts';

const timezone = 'Europe/Berlin';
const businessHours = {calendar: berlinOffice};
const dataset = generateDemoDataset({seed: 11, days: 30, ticketsPerDay: 20});
const facts = deriveFacts(dataset, {businessHours, timezone});
const opened: Database[] = [];

async function database(): Promise<Database> {
	const db = await openNodeDatabase();
	opened.push(db);
	return db;
}

afterEach(() => {
	for (const db of opened.splice(0)) {
		db.close();
	}
});

/** Every fact table's rows, as sorted JSON lines (row order is not part of the contract). */
function tableContents(db: Database): Record<string, string[]> {
	const contents: Record<string, string[]> = {};
	for (const table of factTables) {
		const columns = table.columns.map(([name]) => name).join(', ');
		contents[table.name] = all(db, {sql: `SELECT ${columns} FROM ${table.name}`, params: []})
			.map(row => JSON.stringify(row))
			.sort();
	}

	return contents;
}

async function bulkLoaded(): Promise<Database> {
	const db = await database();
	createTables(db, factTables);
	insertRows(db, factTableRows(facts, {timezone}));
	createIndexes(db, factTables);
	return db;
}

describe('openFactWriter', () => {
	test('tickets derived and written one by one give the same tables as the bulk rows of the whole facts', async () => {
		const expected = tableContents(await bulkLoaded());
		const streamed = await database();
		writeDataset(streamed, dataset, {timezone, businessHours});
		const actual = tableContents(streamed);
		expect(Object.keys(actual)).toEqual(Object.keys(expected));
		for (const table of Object.keys(expected)) {
			expect(actual[table], table).toEqual(expected[table]);
		}

		expect(expected.ticket_metrics!.length).toBe(dataset.tickets.length);
		expect(expected.reply_intervals!.length).toBeGreaterThan(dataset.tickets.length);
		expect(expected.surveys!.length).toBeGreaterThan(0);
	});

	test('loadFacts (snapshots) writes the same tables as the bulk rows', async () => {
		const expected = tableContents(await bulkLoaded());
		const db = await database();
		const progress: Array<{phase: string; done: number; total: number}> = [];
		loadFacts(db, facts, {timezone, onProgress: step => progress.push(step)});
		expect(tableContents(db)).toEqual(expected);
		expect(progress.every(step => step.done <= step.total)).toBe(true);
		expect(progress.find(step => step.phase === 'insert')).toMatchObject({done: facts.tickets.length, total: facts.tickets.length});
		expect(progress.at(-1)).toEqual({phase: 'index', done: 1, total: 1});
	});

	test("a survey written before its ticket still gets the ticket's integer key", async () => {
		const db = await database();
		const writer = openFactWriter(db, {timezone});
		const [ticket] = facts.tickets;
		writer.addSurvey({id: 'early', ticketKey: ticket!.key, kind: 'csat', score: 5, at: ticket!.createdAt + 60_000});
		writer.addSurvey({id: 'orphan', ticketKey: 'zendesk::missing', kind: 'nps', score: 3, at: ticket!.createdAt});
		writer.addTicket(ticket!);
		expect(writer.finish({asOf: facts.asOf, customers: []})).toBe(1);
		const rows = all(db, {sql: 'SELECT survey_id, ticket_seq FROM surveys ORDER BY survey_id', params: []});
		expect(rows).toEqual([
			{survey_id: 'early', ticket_seq: 1},
			{survey_id: 'orphan', ticket_seq: null},
		]);
	});

	test('annotation rows handed over before their ticket get its integer key; rows of unknown tickets keep none', async () => {
		const db = await database();
		const writer = openFactWriter(db, {timezone});
		const [first, second] = facts.tickets;
		const flag = (ticketKey: string) => ({
			ticketKey,
			at: first!.createdAt + 60_000,
			level: 'high' as const,
			agent: 'Ana Ruiz',
			signals: ['phrase.manager'],
		});
		writer.addAnnotations({flags: [flag(second!.key), flag('zendesk::missing')]});
		// A row of the second ticket handed over with the first one waits for the second too.
		writer.addTicket(first!, {templates: [{ticketKey: second!.key, at: first!.createdAt, templateId: 'ack', agent: 'Ana Ruiz'}]});
		writer.addTicket(second!);
		writer.finish({asOf: facts.asOf, customers: []});
		expect(all(db, {sql: 'SELECT ticket_key, ticket_seq FROM flags ORDER BY ticket_key', params: []})).toEqual(
			[
				{ticket_key: second!.key, ticket_seq: 2},
				{ticket_key: 'zendesk::missing', ticket_seq: null},
			].sort((a, b) => (a.ticket_key < b.ticket_key ? -1 : 1)),
		);
		expect(all(db, {sql: 'SELECT ticket_key, ticket_seq FROM template_uses', params: []})).toEqual([
			{ticket_key: second!.key, ticket_seq: 2},
		]);
	});

	test('themes decided after the tickets are written land on the right tickets', async () => {
		const db = await database();
		const writer = openFactWriter(db, {timezone});
		const [first, second] = facts.tickets;
		writer.addTicket({...first!, themes: []});
		writer.addTicket({...second!, themes: []});
		writer.finish({
			asOf: facts.asOf,
			customers: [],
			themes: new Map([
				[second!.key, ['billing']],
				['zendesk::unknown', ['login']],
			]),
		});
		expect(
			all(db, {
				sql: 'SELECT k.ticket_key, th.theme, th.ticket_seq FROM ticket_themes th JOIN ticket_metrics k ON k.ticket_seq = th.ticket_seq',
				params: [],
			}),
		).toEqual([{ticket_key: second!.key, theme: 'billing', ticket_seq: 2}]);
	});

	test('the same ticket twice is refused, and an aborted load leaves empty tables', async () => {
		const db = await database();
		const writer = openFactWriter(db, {timezone});
		const [ticket] = facts.tickets;
		writer.addTicket(ticket!);
		expect(() => {
			writer.addTicket(ticket!);
		}).toThrow(/written twice/);
		writer.abort();
		expect(all(db, {sql: 'SELECT COUNT(*) AS n FROM ticket_metrics', params: []})).toEqual([{n: 0}]);
		expect(() => {
			writer.addTicket(ticket!);
		}).toThrow(/finished or aborted/);
	});

	test('a failing row rolls the whole load back', async () => {
		const db = await database();
		const [ticket] = facts.tickets;
		// An object is not a SQL value: sql.js refuses the second ticket; nothing of the first may stay.
		const broken = {...ticket!, key: 'zendesk::broken', helpdesk: {} as unknown as string};
		expect(() => {
			loadFacts(db, {...facts, tickets: [ticket!, broken]}, {timezone});
		}).toThrow();
		expect(all(db, {sql: 'SELECT COUNT(*) AS n FROM ticket_metrics', params: []})).toEqual([{n: 0}]);
	});
});
