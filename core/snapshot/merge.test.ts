import {expect, test} from 'vitest';
import {generateDemoDataset} from '../metrics/demo-data.ts';
import {normalizeHost, normalizeKey} from '../model.ts';
import {mergeSnapshots} from './merge.ts';
import type {Snapshot} from './snapshot.ts';
import {createSnapshot} from './snapshot.ts';

const base = await createSnapshot(generateDemoDataset({seed: 11, days: 5, ticketsPerDay: 4}), {
	salt: 'team',
	createdAt: '2026-04-01T00:00:00.000Z',
});

/** The same snapshot with its ticket keys spelled another way. */
function respelled(snapshot: Snapshot, spell: (id: string) => string): Snapshot {
	const rekey = (key: string) => spell(key.split(':').slice(2).join(':'));
	return {
		...snapshot,
		tickets: snapshot.tickets.map(ticket => ({...ticket, key: rekey(ticket.key)})),
		escalations: snapshot.escalations.map(row => ({...row, ticketKey: rekey(row.ticketKey)})),
		flags: snapshot.flags.map(row => ({...row, ticketKey: rekey(row.ticketKey)})),
		feedback: snapshot.feedback.map(row => ({...row, ticketKey: rekey(row.ticketKey)})),
		templates: snapshot.templates.map(row => ({...row, ticketKey: rekey(row.ticketKey)})),
		surveys: snapshot.surveys.map(row => ({...row, ticketKey: row.ticketKey === null ? null : rekey(row.ticketKey)})),
	};
}

test('hosts are one spelling: upper case, a scheme, a path or a port do not make another ticket', () => {
	expect(normalizeHost('https://Acme.Zendesk.com/agent/')).toBe('acme.zendesk.com');
	expect(normalizeHost(' acme.zendesk.com:443 ')).toBe('acme.zendesk.com');
	expect(normalizeKey('zendesk:https://Acme.Zendesk.com:12')).toBe('zendesk:acme.zendesk.com:12');
	expect(normalizeKey('zendesk:Acme.Zendesk.com:user:9001')).toBe('zendesk:acme.zendesk.com:user:9001');
	expect(normalizeKey('zendesk::12')).toBe('zendesk::12');
});

test('a merge counts each ticket once whatever the spelling of its host', () => {
	const spellings = [
		respelled(base, id => `zendesk:Acme.Zendesk.com:${id}`),
		respelled(base, id => `zendesk:https://acme.zendesk.com:${id}`),
		respelled(base, id => `zendesk:acme.zendesk.com:${id}`),
	];
	const {snapshot, warnings} = mergeSnapshots(spellings);
	expect(snapshot.tickets).toHaveLength(base.tickets.length);
	expect(snapshot.escalations).toHaveLength(base.escalations.length);
	expect(snapshot.flags).toHaveLength(base.flags.length);
	expect(new Set(snapshot.tickets.map(ticket => ticket.key.split(':')[1]))).toEqual(new Set(['acme.zendesk.com']));
	expect(warnings).toEqual([]);
});

test('tickets with and without a host are kept apart, with a warning', () => {
	const {snapshot, warnings} = mergeSnapshots([
		respelled(base, id => `zendesk:acme.zendesk.com:${id}`),
		respelled(base, id => `zendesk::${id}`),
	]);
	expect(snapshot.tickets).toHaveLength(2 * base.tickets.length);
	expect(warnings).toEqual([
		`${base.tickets.length} zendesk tickets have no helpdesk host while others have one: the same ticket may count twice. Import those files again with the helpdesk host set.`,
	]);
});
