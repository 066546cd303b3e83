import 'fake-indexeddb/auto';
import {Dexie} from 'dexie';
import {afterEach, expect, test} from 'vitest';
import {datasetIssues} from '../metrics/schema.ts';
import type {TicketSnapshot} from '../model.ts';
import {datasetFromStore, normalizePriority, normalizeStatus} from './dataset.ts';
import {openDb, type DefuseDb} from './db.ts';
import {recordAgentAction, recordObservation} from './writes.ts';
import {kpisOfDataset} from '../../dashboard/worker/node-database.ts';

let db: DefuseDb;
afterEach(async () => {
	db.close();
	await Dexie.delete(db.name);
});

const ticket = (id: string, extra: Partial<TicketSnapshot>): TicketSnapshot => ({
	helpdesk: 'demo',
	ticketId: id,
	url: `http://127.0.0.1:5178/agent/tickets/${id}`,
	requester: {id: `u-${id}`},
	assignee: 'Dana',
	group: 'Billing',
	priority: 'High',
	status: 'Open',
	messages: [
		{id: `${id}-1`, role: 'customer', text: 'Charged twice, refund please', at: '2026-11-02T08:00:00.000Z', author: 'Marcus Feld'},
		{id: `${id}-2`, role: 'agent', text: 'Looking into it', at: '2026-11-02T09:30:00.000Z', author: 'Dana'},
		{id: `${id}-3`, role: 'agent', internal: true, text: 'finance asked', at: '2026-11-02T09:35:00.000Z'},
	],
	...extra,
});

test('the store becomes a valid metrics dataset with the timeline the KPIs need', async () => {
	db = openDb({name: `dataset-${Math.random()}`});
	const t0 = new Date('2026-11-02T10:00:00Z');
	await recordObservation(db, ticket('1', {}), {level: 'high', score: 0.7, signalIds: ['phrase.manager'], trigger: 'rigid-policy'}, t0);
	await recordObservation(
		db,
		ticket('1', {status: 'Solved'}),
		{level: 'high', score: 0.7, signalIds: ['phrase.manager'], trigger: 'rigid-policy'},
		new Date('2026-11-02T12:00:00Z'),
	);
	await recordAgentAction(
		db,
		'a1',
		{type: 'escalated', ticketKey: 'demo:127.0.0.1:1', escalation: 'hierarchical', source: 'agent'},
		new Date('2026-11-02T11:00:00Z'),
	);
	await recordAgentAction(db, 'a2', {type: 'feedback', ticketKey: 'demo:127.0.0.1:1', verdict: 'agree'}, new Date('2026-11-02T11:00:00Z'));
	await recordObservation(
		db,
		ticket('2', {priority: 'low', messages: [{role: 'customer', text: 'How do I export?', at: '2026-11-02T09:00:00.000Z'}]}),
		{level: 'none', score: 0, signalIds: []},
		t0,
	);

	const dataset = await datasetFromStore(db, new Date('2026-11-02T13:00:00Z'));
	expect(datasetIssues(dataset)).toEqual([]);
	expect(dataset.tickets.map(row => [row.ticketId, row.status, row.priority, row.trigger, row.createdAt])).toEqual([
		['1', 'solved', 'high', 'rigid-policy', Date.parse('2026-11-02T08:00:00Z')],
		['2', 'open', 'low', null, Date.parse('2026-11-02T09:00:00Z')],
	]);
	expect(dataset.events.filter(event => event.ticketKey === 'demo:127.0.0.1:1').map(event => event.kind)).toEqual([
		'customer-message',
		'agent-reply',
		'internal-note',
		'flag',
		'escalation',
		'feedback',
		'status',
	]);
	expect(dataset.customers).toHaveLength(2);
	// The customer's name is not carried on customer events; the agent's is, on theirs.
	expect(JSON.stringify(dataset.events)).not.toMatch(/Marcus Feld/);
	expect(dataset.events.find(event => event.kind === 'agent-reply')?.actor).toBe('Dana');

	const [all] = await kpisOfDataset(dataset);
	expect(all?.tickets).toBe(2);
	expect(all?.durations.firstReply.median).toBe(90 * 60_000);
	expect(all?.hierarchicalEscalationRate.value).toBe(0.5);
	expect(all?.resolutionRate.numerator).toBe(1);
});

test.each([
	['Open', 'open'],
	['new', 'new'],
	['Pending', 'pending'],
	['Waiting on customer', 'pending'],
	['On-hold', 'on-hold'],
	['Resolved', 'solved'],
	['Closed', 'closed'],
	['In progress', 'open'],
	[undefined, 'open'],
])('status %s -> %s', (status, expected) => {
	expect(normalizeStatus(status)).toBe(expected);
});

test.each([
	['Urgent', 'urgent'],
	['P2', 'high'],
	['Medium', 'normal'],
	['low', 'low'],
	['', null],
])('priority %s -> %s', (priority, expected) => {
	expect(normalizePriority(priority)).toBe(expected);
});

test('a time no ticket can have (stored before pages were checked) counts as unknown instead of failing the whole store', async () => {
	db = openDb({name: `dataset-${Math.random()}`});
	const t0 = new Date('2026-11-02T10:00:00Z');
	await recordObservation(db, ticket('1', {}), undefined, t0);
	await db.tickets.update('demo:127.0.0.1:1', {createdAt: '9999-12-31T00:00:00.000Z'});
	await db.messages.update('demo:127.0.0.1:1#1-2', {at: '+275760-09-13T00:00:00.000Z'});
	const dataset = await datasetFromStore(db, new Date('2026-11-02T13:00:00Z'));
	expect(datasetIssues(dataset)).toEqual([]);
	expect(dataset.tickets[0]!.createdAt).toBe(Date.parse('2026-11-02T08:00:00Z'));
});
