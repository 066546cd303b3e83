import 'fake-indexeddb/auto';
import {Dexie} from 'dexie';
import {afterEach, describe, expect, test} from 'vitest';
import type {TicketSnapshot} from '../model.ts';
import {openDb, schemaV1, type DefuseDb, type EventRow} from './db.ts';
import {counts, listTickets, queueMarks, recentEvents, ticketContext, ticketMessages} from './reads.ts';
import {contentHashOf} from '../hash.ts';
import {recordAdapterMiss, recordAgentAction, recordObservation} from './writes.ts';

let opened: Dexie[] = [];
let sequence = 0;
function freshDb(): DefuseDb {
	sequence++;
	const db = openDb({name: `defuse-test-${sequence}`});
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

const snapshot: TicketSnapshot = {
	helpdesk: 'demo',
	ticketId: '1002',
	url: 'http://127.0.0.1:5178/agent/tickets/1002',
	subject: 'Charged twice',
	status: 'open',
	requester: {id: 'u-202', name: 'Marcus Feld', email: 'marcus@example.net'},
	messages: [
		{id: 'c1', role: 'customer', text: 'Please refund the duplicate.', at: '2026-11-01T10:00:00.000Z'},
		{id: 'c2', role: 'agent', text: 'Refunds take 10 business days.', at: '2026-11-01T11:00:00.000Z'},
		{id: 'c3', role: 'agent', internal: true, text: 'Asked finance.', at: '2026-11-01T11:05:00.000Z'},
	],
};

const t0 = new Date('2026-11-02T09:00:00Z');
const t1 = new Date('2026-11-02T09:05:00Z');

describe('recordObservation', () => {
	test('viewing the same ticket twice duplicates nothing', async () => {
		const db = freshDb();
		const first = await recordObservation(db, snapshot, {level: 'watch', score: 0.3, signalIds: ['tone.trend']}, t0);
		const second = await recordObservation(db, structuredClone(snapshot), {level: 'watch', score: 0.3, signalIds: ['tone.trend']}, t1);
		expect(first.created).toBe(true);
		expect(second.created).toBe(false);
		expect(await counts(db)).toEqual({tickets: 1, messages: 3, observations: 1, events: 1}); // One flag: the watch level, raised once
		const [observation] = await db.observations.toArray();
		expect(observation).toMatchObject({seenCount: 2, firstSeenAt: t0.toISOString(), lastSeenAt: t1.toISOString(), level: 'watch'});
		const [ticket] = await listTickets(db);
		expect(ticket).toMatchObject({
			key: 'demo:127.0.0.1:1002',
			firstSeenAt: t0.toISOString(),
			lastSeenAt: t1.toISOString(),
			customerMessages: 1,
			agentMessages: 1,
			internalNotes: 1,
			requesterKey: 'demo:127.0.0.1:u-202',
		});
	});

	test('a new message adds one message and one observation, and keeps first-seen times', async () => {
		const db = freshDb();
		await recordObservation(db, snapshot, undefined, t0);
		const grown = {
			...snapshot,
			messages: [...snapshot.messages, {id: 'c4', role: 'customer' as const, text: 'I want a manager.', at: '2026-11-02T09:04:00.000Z'}],
		};
		await recordObservation(db, grown, {level: 'high', score: 0.7, signalIds: ['phrase.manager']}, t1);
		expect(await counts(db)).toEqual({tickets: 1, messages: 4, observations: 2, events: 1}); // The flag raised at high
		const messages = await ticketMessages(db, 'demo:127.0.0.1:1002');
		expect(messages.map(message => message.key)).toEqual(['c1', 'c2', 'c3', 'c4'].map(id => `demo:127.0.0.1:1002#${id}`));
		expect(messages[0]?.firstSeenAt).toBe(t0.toISOString());
		expect(messages[3]?.firstSeenAt).toBe(t1.toISOString());
		expect((await listTickets(db))[0]?.lastLevel).toBe('high');
	});

	test('messages deleted or redacted in the helpdesk leave the store in the same write', async () => {
		const db = freshDb();
		const leaky = {
			...snapshot,
			messages: [
				...snapshot.messages,
				{id: 'c4', role: 'customer' as const, text: 'My card is 4111 1111 1111 1111, SSN 078-05-1120.', at: '2026-11-01T12:00:00.000Z'},
				{role: 'customer' as const, text: 'Also my PIN is 9921.', at: '2026-11-01T12:01:00.000Z'},
			],
		};
		await recordObservation(db, leaky, undefined, t0);
		expect(await db.messages.count()).toBe(5);
		// The agent deleted the message without an id and redacted the card number in place.
		const cleaned = {
			...snapshot,
			messages: [
				...snapshot.messages,
				{id: 'c4', role: 'customer' as const, text: 'My card is [redacted].', at: '2026-11-01T12:00:00.000Z'},
			],
		};
		await recordObservation(db, cleaned, undefined, t1);
		const stored = await ticketMessages(db, 'demo:127.0.0.1:1002');
		expect(stored.map(message => message.text)).toEqual([...snapshot.messages.map(message => message.text), 'My card is [redacted].']);
		expect(JSON.stringify(await db.messages.toArray())).not.toMatch(/4111|078-05|9921/);
		const [ticket] = await listTickets(db);
		expect(ticket).toMatchObject({messageCount: 4, customerMessages: 2});
	});

	test('older messages a page leaves unrendered are kept; one deleted after the first shown is not', async () => {
		const db = freshDb();
		const thread = (ids: string[]): TicketSnapshot => ({
			helpdesk: 'demo',
			ticketId: '8',
			url: 'http://127.0.0.1:5178/agent/tickets/8',
			messages: ids.map((id, index) => ({
				id,
				role: index % 2 === 0 ? ('customer' as const) : ('agent' as const),
				text: `Message ${id}`,
				at: `2026-11-01T1${index}:00:00.000Z`,
			})),
		});
		await recordObservation(db, thread(['a', 'b', 'c', 'd', 'e']), undefined, t0);
		// The helpdesk now shows only the latest three ("+2 conversations"): nothing was deleted.
		await recordObservation(db, thread(['c', 'd', 'e']), undefined, t1);
		expect((await ticketMessages(db, 'demo:127.0.0.1:8')).map(message => message.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
		// The whole thread again, with d deleted in the helpdesk; then the last one deleted too.
		await recordObservation(db, thread(['a', 'b', 'c', 'e']), undefined, t1);
		expect((await ticketMessages(db, 'demo:127.0.0.1:8')).map(message => message.id).sort()).toEqual(['a', 'b', 'c', 'e']);
		await recordObservation(db, thread(['a', 'b', 'c']), undefined, t1);
		expect((await ticketMessages(db, 'demo:127.0.0.1:8')).map(message => message.id).sort()).toEqual(['a', 'b', 'c']);
	});

	test('messages without ids are keyed by content, and identical repeats stay distinct', async () => {
		const db = freshDb();
		const anonymous: TicketSnapshot = {
			helpdesk: 'demo',
			ticketId: '7',
			messages: [
				{role: 'customer', text: 'Hello?'},
				{role: 'customer', text: 'Hello?'},
			],
		};
		await recordObservation(db, anonymous, undefined, t0);
		await recordObservation(db, anonymous, undefined, t1);
		expect(await db.messages.count()).toBe(2);
	});

	test('the content hash ignores when a ticket was seen but not what it says', () => {
		expect(contentHashOf(snapshot)).toBe(contentHashOf(structuredClone(snapshot)));
		expect(contentHashOf({...snapshot, status: 'solved'})).not.toBe(contentHashOf(snapshot));
	});

	test('a failing write stores nothing (one transaction)', async () => {
		const db = freshDb();
		// The last step of the transaction fails, as when a service worker dies or the disk is full mid-write.
		const original = db.observations.add.bind(db.observations);
		db.observations.add = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.observations.add;
		await expect(recordObservation(db, snapshot, undefined, t0)).rejects.toThrow('disk full');
		db.observations.add = original;
		expect(await counts(db)).toEqual({tickets: 0, messages: 0, observations: 0, events: 0});
	});
});

describe('recordAdapterMiss', () => {
	test('the same miss on the same day counts up in one event', async () => {
		const db = freshDb();
		const miss = {
			helpdesk: 'zendesk',
			url: 'https://acme.zendesk.com/agent/tickets/12?x=1',
			part: 'messages' as const,
			detail: 'omni-log not found',
		};
		await recordAdapterMiss(db, miss, t0);
		await recordAdapterMiss(db, miss, t1);
		const events = await recentEvents(db, 'adapter-miss');
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			count: 2,
			helpdesk: 'zendesk',
			data: {url: 'https://acme.zendesk.com/agent/tickets/12', part: 'messages'},
		});
	});
});

describe('schema upgrades', () => {
	test('v1 data survives an upgrade to a v2 fixture schema, and the upgrader runs once', async () => {
		const name = 'defuse-upgrade-test';
		const v1 = openDb({name});
		await recordObservation(v1, snapshot, undefined, t0);
		await recordObservation(v1, {...snapshot, ticketId: '1003', status: 'Pending', requester: undefined}, undefined, t0);
		v1.close();

		// A v2 as a later release would ship it: a new index on status and an upgrader that normalises it.
		const v2 = new Dexie(name) as DefuseDb;
		v2.version(1).stores(schemaV1);
		let upgraded = 0;
		v2.version(2)
			.stores({...schemaV1, tickets: `${schemaV1.tickets}, status`})
			.upgrade(async tx => {
				await tx
					.table('tickets')
					.toCollection()
					.modify(ticket => {
						upgraded++;
						ticket.status = String(ticket.status ?? 'open').toLowerCase();
					});
			});
		opened.push(v2);
		await v2.open();
		expect(v2.verno).toBe(2);
		expect(upgraded).toBe(2);
		expect(await v2.tickets.where('status').equals('pending').count()).toBe(1);
		expect(await v2.messages.count()).toBe(3 + 3);
		expect(await v2.observations.count()).toBe(2);

		v2.close();
		const again = new Dexie(name) as DefuseDb;
		again.version(1).stores(schemaV1);
		again
			.version(2)
			.stores({...schemaV1, tickets: `${schemaV1.tickets}, status`})
			.upgrade(() => {
				upgraded++;
			});
		opened.push(again);
		await again.open();
		expect(upgraded).toBe(2);
	});
});

describe('flags and agent actions', () => {
	const key = 'demo:127.0.0.1:1002';

	test('a flag is raised when the level rises, once per content, and not when it stays or falls', async () => {
		const db = freshDb();
		await recordObservation(db, snapshot, {level: 'watch', score: 0.35, signalIds: ['tone.trend']}, t0);
		await recordObservation(db, snapshot, {level: 'watch', score: 0.35, signalIds: ['tone.trend']}, t1);
		const angrier = {...snapshot, messages: [...snapshot.messages, {id: 'c4', role: 'customer' as const, text: 'Manager. Now.'}]};
		await recordObservation(db, angrier, {level: 'high', score: 0.6, signalIds: ['phrase.manager']}, t1);
		await recordObservation(db, {...angrier, status: 'pending'}, {level: 'watch', score: 0.4, signalIds: []}, t1);
		const flags = await recentEvents(db, 'flag-raised');
		expect(flags.map(flag => flag.data['level']).sort()).toEqual(['high', 'watch']);
	});

	test('an action is stored once however often it is sent, and shapes the ticket context', async () => {
		const db = freshDb();
		await recordObservation(db, snapshot, undefined, t0);
		await recordObservation(
			db,
			{...snapshot, ticketId: '0988', subject: 'Earlier refund question', createdAt: '2026-10-20T08:00:00.000Z'},
			undefined,
			t0,
		);
		expect(
			await recordAgentAction(db, 'a1', {type: 'feedback', ticketKey: key, verdict: 'disagree', reason: 'customer is joking'}, t0),
		).toEqual({created: true});
		expect(
			await recordAgentAction(db, 'a1', {type: 'feedback', ticketKey: key, verdict: 'disagree', reason: 'customer is joking'}, t0),
		).toEqual({created: false});
		await recordAgentAction(db, 'a2', {type: 'snooze', ticketKey: key, until: '2026-11-02T13:00:00.000Z'}, t0);
		await recordAgentAction(db, 'a3', {type: 'escalated', ticketKey: key, escalation: 'functional', team: 'Payments', source: 'agent'}, t1);
		expect(await db.events.count()).toBe(3);
		const context = await ticketContext(db, key, 'demo:127.0.0.1:u-202', t1);
		expect(context).toEqual({
			snoozedUntil: '2026-11-02T13:00:00.000Z',
			feedback: 'disagree',
			escalated: {escalation: 'functional', team: 'Payments', at: t1.toISOString()},
			history: [{ticketId: '0988', createdAt: '2026-10-20T08:00:00.000Z', subject: 'Earlier refund question', status: 'open'}],
			weightMultipliers: {}, // One answer is too few to tune anything
			insertedTemplates: [],
		});
		// Templates inserted on the ticket, each once, so the overlay does not suggest them again.
		for (const [id, templateId] of [
			['t1', 'legal-chargeback'],
			['t2', 'legal-chargeback'],
			['t3', 'manager-request-accept'],
		]) {
			await recordAgentAction(db, id!, {type: 'template-inserted', ticketKey: key, templateId: templateId!}, t1);
		}

		expect((await ticketContext(db, key, undefined, t1)).insertedTemplates).toEqual(['legal-chargeback', 'manager-request-accept']);
		for (let index = 0; index < 5; index++) {
			await recordAgentAction(db, `f${index}`, {type: 'feedback', ticketKey: key, verdict: 'disagree', signalIds: ['phrase.urgency']}, t1);
		}

		expect((await ticketContext(db, key, undefined, t1)).weightMultipliers).toEqual({'phrase.urgency': 0.57});
		// Tuning is per helpdesk host: answers given on this host (or forged by one site) leave another's weights alone.
		expect((await ticketContext(db, 'demo:other.example:9', undefined, t1)).weightMultipliers).toEqual({});
		expect((await ticketContext(db, 'zendesk:127.0.0.1:9', undefined, t1)).weightMultipliers).toEqual({});
		expect((await ticketContext(db, 'demo:127.0.0.1:77', undefined, t1)).weightMultipliers).toEqual({'phrase.urgency': 0.57});
		expect((await ticketContext(db, key, undefined, new Date('2026-11-02T14:00:00Z'))).snoozedUntil).toBeUndefined();
	});
});

test('queue marks: tickets last seen at risk, or whose reply is due soon', async () => {
	const db = freshDb();
	const base = {...snapshot, requester: undefined};
	await recordObservation(db, {...base, ticketId: '1'}, {level: 'high', score: 0.6, signalIds: []}, t0);
	await recordObservation(db, {...base, ticketId: '2'}, {level: 'none', score: 0.1, signalIds: []}, t0, {
		metric: 'first-reply',
		targetMinutes: 60,
		since: '2026-11-02T08:30:00.000Z',
		breachAt: '2026-11-02T09:30:00.000Z',
	});
	await recordObservation(db, {...base, ticketId: '3'}, {level: 'none', score: 0.1, signalIds: []}, t0, {
		metric: 'first-reply',
		targetMinutes: 1440,
		since: '2026-11-02T08:30:00.000Z',
		breachAt: '2026-11-03T08:30:00.000Z',
	});
	await recordObservation(db, {...base, ticketId: '4'}, undefined, t0);
	const keys = ['1', '2', '3', '4', 'never-seen'].map(id => `demo:127.0.0.1:${id}`);
	expect(await queueMarks(db, keys, t0)).toEqual([
		{ticketKey: 'demo:127.0.0.1:1', level: 'high', breachAt: undefined},
		{ticketKey: 'demo:127.0.0.1:2', level: undefined, breachAt: '2026-11-02T09:30:00.000Z'},
	]);
});

test('the timeline between visits: status, assignee and group changes, reply targets and breaches, once each', async () => {
	const db = freshDb();
	const deadline = {
		metric: 'first-reply' as const,
		targetMinutes: 60,
		since: '2026-11-02T08:00:00.000Z',
		breachAt: '2026-11-02T09:00:00.000Z',
	};
	await recordObservation(db, {...snapshot, assignee: 'Dana', group: 'Billing'}, undefined, t0, deadline);
	await recordObservation(db, {...snapshot, assignee: 'Dana', group: 'Billing'}, undefined, t1, deadline);
	await recordObservation(db, {...snapshot, status: 'pending', assignee: 'Lea', group: 'Payments'}, undefined, t1);
	const changed = (event: EventRow) =>
		event.type === 'status-change'
			? event.data.status
			: event.type === 'assign'
				? event.data.agent
				: event.type === 'group-change'
					? event.data.group
					: event.type === 'sla-target' || event.type === 'sla-breach'
						? event.data.metric
						: undefined;
	const types = (await db.events.toArray()).map(event => [event.type, changed(event)]);
	expect(types.sort()).toEqual([
		['assign', 'Lea'],
		['group-change', 'Payments'],
		['sla-breach', 'first-reply'],
		['sla-target', 'first-reply'],
		['status-change', 'pending'],
	]);
});
