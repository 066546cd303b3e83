import {describe, expect, test} from 'vitest';
import type {Dataset, TicketEvent} from '../metrics/dataset.ts';
import {generateDemoDataset} from '../metrics/demo-data.ts';
import type {KpiQuery} from '../metrics/kpis.ts';
import {differences} from '../../test/helpers/metrics.ts';
import {mergeSnapshots} from './merge.ts';
import {maskText} from './redact.ts';
import type {Snapshot} from './snapshot.ts';
import {createSnapshot, factsOfSnapshot, parseSnapshot} from './snapshot.ts';
import {loadFacts} from '../../dashboard/worker/load.ts';
import {kpisOfDataset, kpisOfFacts, openNodeDatabase} from '../../dashboard/worker/node-database.ts';
import {earlyWarning, kpis, templateEffectiveness, themeSummary} from '../../dashboard/worker/queries.ts';

const dataset = generateDemoDataset({seed: 5, days: 21, ticketsPerDay: 12});
dataset.tickets[0] = {
	...dataset.tickets[0]!,
	customerText: 'Call me on +49 170 1234567 or mail dana.reyes@example.com about order 99812. See https://shop.example.com/o/99812',
};
const salt = 'team-secret';
const queries: KpiQuery[] = [
	{},
	{groupBy: 'day'},
	{groupBy: 'agent'},
	{groupBy: 'theme'},
	{groupBy: 'escalation-type', fcr: 'no-follow-up', csat: 'exclude-neutral'},
];

/** Every report of a snapshot, by the production path (its facts loaded, the metric SQL). */
async function allReports(snapshot: Snapshot) {
	const db = await openNodeDatabase();
	try {
		loadFacts(db, factsOfSnapshot(snapshot));
		return {
			kpis: queries.map(query => kpis(db, query)),
			earlyWarning: earlyWarning(db),
			templates: templateEffectiveness(db),
			themes: themeSummary(db),
		};
	} finally {
		db.close();
	}
}

describe('aggregates-only snapshots', () => {
	test('hold no customer text or identities, and survive JSON', async () => {
		const snapshot = await createSnapshot(dataset, {salt, createdAt: '2026-07-01T00:00:00.000Z'});
		const json = JSON.stringify(snapshot);
		expect(json).not.toMatch(/dana\.reyes|1234567|customerText|"subject"|demo:customer-/);
		expect(snapshot.tickets.every(ticket => ticket.requesterKey === null || /^h:[\da-f]{32}$/.test(ticket.requesterKey))).toBe(true);
		expect(snapshot.customers.every(customer => /^h:[\da-f]{32}$/.test(customer.key))).toBe(true);
		expect(snapshot.events).toBeUndefined();
		expect(parseSnapshot(JSON.parse(json))).toEqual(snapshot);
	});

	test('give the same KPIs as the dataset they came from', async () => {
		const snapshot = await createSnapshot(dataset, {salt});
		for (const query of queries) {
			expect(
				differences(await kpisOfFacts(factsOfSnapshot(snapshot), query), await kpisOfDataset(dataset, query)),
				JSON.stringify(query),
			).toEqual([]);
		}
	});

	test('the same salt gives the same pseudonyms on every machine; another salt does not', async () => {
		const a = await createSnapshot(dataset, {salt});
		const b = await createSnapshot(dataset, {salt});
		const c = await createSnapshot(dataset, {salt: 'other'});
		expect(b.customers).toEqual(a.customers);
		expect(b.saltId).toBe(a.saltId);
		expect(c.customers[0]!.key).not.toBe(a.customers[0]!.key);
		expect(c.saltId).not.toBe(a.saltId);
	});

	test('agent names can be pseudonymised too', async () => {
		const snapshot = await createSnapshot(dataset, {salt, pseudonymizeAgents: true});
		expect(JSON.stringify(snapshot)).not.toMatch(/Ana Ruiz|Ben Okafor/);
		expect(snapshot.tickets[0]!.agent).toMatch(/^agent-[\da-f]{8}$/);
	});
});

describe('detailed snapshots', () => {
	test('carry the timeline and masked customer text', async () => {
		const snapshot = await createSnapshot(dataset, {salt, detail: 'details'});
		expect(snapshot.events).toHaveLength(dataset.events.length);
		const text = snapshot.texts!.find(entry => entry.ticketKey === dataset.tickets[0]!.key)!.customerText!;
		expect(text).toBe('Call me on [phone] or mail [email] about order [number]. See [link]');
	});

	test("customer events carry no actor (it is the customer's name); agent events keep theirs", async () => {
		const named: Dataset = {
			...dataset,
			events: dataset.events.map(event => (event.kind === 'customer-message' ? {...event, actor: 'Dana Reyes'} : event)),
		};
		const snapshot = await createSnapshot(named, {salt, detail: 'details'});
		expect(JSON.stringify(snapshot)).not.toMatch(/Dana Reyes/);
		expect(snapshot.events!.filter(event => event.kind === 'customer-message').every(event => event.actor === undefined)).toBe(true);
		expect(snapshot.events!.some(event => event.kind === 'agent-reply' && typeof event.actor === 'string')).toBe(true);
	});

	test('masking', () => {
		expect(maskText('IBAN DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111, ticket #12345, tel (030) 123-4567, 3 items')).toBe(
			'IBAN [iban], card [phone], ticket #[number], tel [phone], 3 items',
		);
	});
});

/** What one agent's extension would have seen: some tickets, maybe an older (shorter) view of a few. */
function agentView(source: Dataset, agentIndex: number, truncate: boolean): Dataset {
	const seen = new Set(
		source.tickets.filter((_ticket, index) => index % 3 === agentIndex || index % 3 === (agentIndex + 1) % 3).map(ticket => ticket.key),
	);
	const cut = new Map<string, number>();
	const tickets = source.tickets
		.filter(ticket => seen.has(ticket.key))
		.map((ticket, index) => {
			if (truncate && index % 5 === 0) {
				cut.set(ticket.key, ticket.createdAt + 3_600_000);
				return {...ticket, status: 'open' as const};
			}

			return ticket;
		});
	const events = source.events.filter(
		(event: TicketEvent) => seen.has(event.ticketKey) && event.at <= (cut.get(event.ticketKey) ?? Number.POSITIVE_INFINITY),
	);
	return {...source, tickets, events, surveys: source.surveys.filter(survey => survey.ticketKey !== null && seen.has(survey.ticketKey))};
}

describe("merging many agents' snapshots", () => {
	test('order and repetition do not change any KPI, and overlapping views count once', async () => {
		const [a, b, c] = await Promise.all([
			createSnapshot(agentView(dataset, 0, false), {salt}),
			createSnapshot(agentView(dataset, 1, true), {salt}),
			createSnapshot(agentView(dataset, 2, false), {salt}),
		]);
		const orders: Snapshot[][] = [
			[a!, b!, c!],
			[c!, b!, a!],
			[b!, a!, c!, a!, b!],
			[c!, c!, a!, b!, b!, a!],
		];
		const expected = await allReports(mergeSnapshots([a!, b!, c!]).snapshot);
		for (const order of orders) {
			expect(differences(await allReports(mergeSnapshots(order).snapshot), expected)).toEqual([]);
		}

		// Merging in steps is the same as merging at once.
		const stepwise = mergeSnapshots([mergeSnapshots([a!, b!]).snapshot, mergeSnapshots([c!, a!]).snapshot]).snapshot;
		expect(differences(await allReports(stepwise), expected)).toEqual([]);
		// Every ticket was fully seen by someone: the merge equals the whole team's history, except for
		// themes, which each machine extracts from the text it saw.
		const whole = await createSnapshot(dataset, {salt});
		const notThemes = (reports: Awaited<ReturnType<typeof allReports>>) =>
			reports.kpis.filter((_rows, index) => queries[index]!.groupBy !== 'theme');
		const ofWhole = await allReports(whole);
		expect(differences(notThemes(expected), notThemes(ofWhole))).toEqual([]);
		expect(differences(expected.earlyWarning, ofWhole.earlyWarning)).toEqual([]);
		expect(differences(expected.templates, ofWhole.templates)).toEqual([]);
		expect(mergeSnapshots([a!, b!, c!]).snapshot.tickets).toHaveLength(dataset.tickets.length);
	});

	test('different salts are reported', async () => {
		const a = await createSnapshot(dataset, {salt: 'one'});
		const b = await createSnapshot(dataset, {salt: 'two'});
		expect(mergeSnapshots([a, b]).warnings[0]).toMatch(/different salts/);
	});
});

test('a file that is not a snapshot is refused with a reason', () => {
	expect(() => parseSnapshot({hello: 1}, 'x.json')).toThrow('x.json: not a Defuse snapshot');
	expect(() => parseSnapshot({format: 'defuse-snapshot', version: 9}, 'x.json')).toThrow('snapshot version 9 is not supported');
});
