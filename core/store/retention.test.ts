import 'fake-indexeddb/auto';
import {Dexie} from 'dexie';
import {afterEach, expect, test} from 'vitest';
import type {TicketSnapshot} from '../model.ts';
import {openDb, type DefuseDb} from './db.ts';
import {counts} from './reads.ts';
import {clearStore, deleteOlderThan} from './retention.ts';
import {recordAdapterMiss, recordAgentAction, recordObservation} from './writes.ts';

let opened: DefuseDb[] = [];
let sequence = 0;
function freshDb(): DefuseDb {
	sequence++;
	const db = openDb({name: `defuse-retention-${sequence}`});
	opened.push(db);
	return db;
}

afterEach(async () => {
	for (const db of opened) {
		db.close();
		await Dexie.delete(db.name);
	}

	opened = [];
});

const ticket = (id: string, texts: string[]): TicketSnapshot => ({
	helpdesk: 'demo',
	ticketId: id,
	url: `http://127.0.0.1:5178/agent/tickets/${id}`,
	subject: `Ticket ${id}`,
	messages: texts.map((text, index) => ({
		id: `${id}-${index}`,
		role: index % 2 ? 'agent' : 'customer',
		text,
		at: '2026-01-01T10:00:00.000Z',
	})),
});

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

test('tickets not seen for longer than the period go with their messages, observations and events', async () => {
	const db = freshDb();
	// Old ticket: seen on day 0 only, with feedback and a flag.
	const old = await recordObservation(
		db,
		ticket('1', ['I want a manager', 'Sure']),
		{level: 'high', score: 0.6, signalIds: ['phrase.manager']},
		day(0),
	);
	await recordAgentAction(db, 'a1', {type: 'feedback', ticketKey: old.ticketKey, verdict: 'agree'}, day(0));
	// Live ticket: first seen on day 0 (one observation then), again on day 100 with a new message.
	await recordObservation(db, ticket('2', ['Hello']), {level: 'none', score: 0, signalIds: []}, day(0));
	await recordObservation(db, ticket('2', ['Hello', 'Hi there', 'Still broken']), {level: 'watch', score: 0.35, signalIds: []}, day(100));
	// An adapter miss on day 10, and one on day 95.
	await recordAdapterMiss(db, {helpdesk: 'demo', url: 'http://127.0.0.1/x', part: 'ticket', detail: 'old'}, day(10));
	await recordAdapterMiss(db, {helpdesk: 'demo', url: 'http://127.0.0.1/y', part: 'ticket', detail: 'recent'}, day(95));
	const before = await counts(db);
	expect(before).toMatchObject({tickets: 2, messages: 5, observations: 3});
	expect(await db.events.where('ticketKey').equals(old.ticketKey).count()).toBeGreaterThanOrEqual(2); // Flag and feedback

	const deleted = await deleteOlderThan(db, 30, day(101));
	expect(deleted.tickets).toBe(1);
	expect(deleted.messages).toBe(2);
	// The old ticket's observation, and the live ticket's day-0 observation.
	expect(deleted.observations).toBe(2);
	expect(await db.tickets.toCollection().primaryKeys()).toEqual([expect.stringContaining(':2')]);
	expect(await db.messages.count()).toBe(3);
	const observations = await db.observations.toArray();
	expect(observations.map(observation => observation.lastSeenAt)).toEqual([day(100).toISOString()]);
	// Events left: nothing for ticket 1, nothing older than day 71.
	const events = await db.events.toArray();
	expect(events.some(event => event.ticketKey === old.ticketKey)).toBe(false);
	expect(events.every(event => event.at >= day(71).toISOString())).toBe(true);
	expect(events.some(event => event.type === 'adapter-miss' && event.data.detail === 'recent')).toBe(true);
	expect(deleted.events).toBe(before.events - events.length);
});

test('zero days keeps everything; deleting twice deletes nothing more', async () => {
	const db = freshDb();
	await recordObservation(db, ticket('3', ['Old']), undefined, day(0));
	expect(await deleteOlderThan(db, 0, day(1000))).toEqual({tickets: 0, messages: 0, observations: 0, events: 0});
	expect((await counts(db)).tickets).toBe(1);
	expect((await deleteOlderThan(db, 7, day(1000))).tickets).toBe(1);
	expect(await deleteOlderThan(db, 7, day(1000))).toEqual({tickets: 0, messages: 0, observations: 0, events: 0});
});

test('more tickets than one batch are all deleted', async () => {
	const db = freshDb();
	await db.tickets.bulkAdd(
		Array.from({length: 1234}, (_, index) => ({
			key: `demo:h:${index}`,
			helpdesk: 'demo',
			ticketId: String(index),
			host: 'h',
			firstSeenAt: day(0).toISOString(),
			lastSeenAt: day(index % 2 ? 0 : 50).toISOString(),
			messageCount: 0,
			customerMessages: 0,
			agentMessages: 0,
			internalNotes: 0,
		})),
	);
	const deleted = await deleteOlderThan(db, 20, day(55));
	expect(deleted.tickets).toBe(617);
	expect(await db.tickets.count()).toBe(617);
});

test('clearStore empties every table, settings included', async () => {
	const db = freshDb();
	await recordObservation(db, ticket('4', ['One', 'Two']), {level: 'high', score: 0.7, signalIds: []}, day(0));
	await db.settings.put({key: 'x', value: 1});
	await clearStore(db);
	expect(await counts(db)).toEqual({tickets: 0, messages: 0, observations: 0, events: 0});
	expect(await db.settings.count()).toBe(0);
});
