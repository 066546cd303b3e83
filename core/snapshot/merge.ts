// Merging snapshots from many agents without double counting. Every rule is commutative, associative
// and idempotent, so neither the order of the files nor a file given twice changes the result:
// - a ticket seen by several agents keeps its most complete view (most events, then latest event,
//   then a fixed order of its content);
// - escalations, flags, feedback, template uses, agent-hours and timeline events are sets (equal rows are one row);
// - surveys are one per id; customers one per key (earliest first-seen, latest loss).
import {canonicalJson} from '../metrics/facts.ts';
import type {TicketFact} from '../metrics/facts.ts';
import type {Customer} from '../metrics/dataset.ts';
import {normalizeKey} from '../model.ts';
import type {Snapshot, SnapshotText} from './snapshot.ts';
import {SnapshotError, snapshotFormat, snapshotVersion} from './snapshot.ts';

function moreComplete(a: TicketFact, b: TicketFact): TicketFact {
	if (a.eventCount !== b.eventCount) {
		return a.eventCount > b.eventCount ? a : b;
	}

	if (a.lastEventAt !== b.lastEventAt) {
		return a.lastEventAt > b.lastEventAt ? a : b;
	}

	return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

function union<T>(lists: ReadonlyArray<readonly T[]>): T[] {
	const rows = new Map<string, T>();
	for (const list of lists) {
		for (const row of list) {
			rows.set(canonicalJson(row), row);
		}
	}

	return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

function byKey<T>(lists: ReadonlyArray<readonly T[]>, keyOf: (row: T) => string, pick: (a: T, b: T) => T): T[] {
	const rows = new Map<string, T>();
	for (const list of lists) {
		for (const row of list) {
			const key = keyOf(row);
			const known = rows.get(key);
			rows.set(key, known === undefined ? row : pick(known, row));
		}
	}

	return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

const larger = <T>(a: T, b: T): T => (canonicalJson(a) >= canonicalJson(b) ? a : b);

function mergeCustomer(a: Customer, b: Customer): Customer {
	const lost = [a.lostAt, b.lostAt].filter((value): value is number => value !== null);
	return {key: a.key, firstSeenAt: Math.min(a.firstSeenAt, b.firstSeenAt), lostAt: lost.length > 0 ? Math.max(...lost) : null};
}

export type MergeResult = {snapshot: Snapshot; warnings: string[]};

const key = <T extends {ticketKey: string}>(row: T): T => {
	const normal = normalizeKey(row.ticketKey);
	return normal === row.ticketKey ? row : {...row, ticketKey: normal};
};

const nullableKey = <T extends {ticketKey: string | null}>(row: T): T =>
	row.ticketKey === null ? row : key(row as T & {ticketKey: string});

/** The snapshot with every ticket key's host in one spelling (lower case, no scheme), so one ticket is one key. */
function withNormalKeys(snapshot: Snapshot): Snapshot {
	const normal: Snapshot = {
		...snapshot,
		tickets: snapshot.tickets.map(ticket => {
			const normalKey = normalizeKey(ticket.key);
			return normalKey === ticket.key ? ticket : {...ticket, key: normalKey};
		}),
		escalations: snapshot.escalations.map(key),
		flags: snapshot.flags.map(key),
		feedback: snapshot.feedback.map(key),
		templates: snapshot.templates.map(key),
		surveys: snapshot.surveys.map(nullableKey),
	};
	if (snapshot.events) {
		normal.events = snapshot.events.map(key);
	}

	if (snapshot.texts) {
		normal.texts = snapshot.texts.map(key);
	}

	return normal;
}

/** Helpdesks whose tickets come both with and without a host: the same ticket may then count twice. */
function hostlessMix(snapshots: readonly Snapshot[]): string[] {
	const hosts = new Map<string, {with: number; without: number}>();
	for (const snapshot of snapshots) {
		for (const ticket of snapshot.tickets) {
			const [helpdesk = '', host = ''] = ticket.key.split(':');
			const count = hosts.get(helpdesk) ?? {with: 0, without: 0};
			count[host === '' ? 'without' : 'with']++;
			hosts.set(helpdesk, count);
		}
	}

	return [...hosts]
		.filter(([, count]) => count.with > 0 && count.without > 0)
		.map(
			([helpdesk, count]) =>
				`${count.without} ${helpdesk} ticket${count.without === 1 ? ' has' : 's have'} no helpdesk host while others have one: the same ticket may count twice. Import those files again with the helpdesk host set.`,
		);
}

/** One snapshot from many. Throws when given none. */
export function mergeSnapshots(inputs: readonly Snapshot[]): MergeResult {
	if (inputs.length === 0) {
		throw new SnapshotError('Nothing to merge');
	}

	const snapshots = inputs.map(snapshot => withNormalKeys(snapshot));
	const warnings: string[] = hostlessMix(snapshots);
	const salts = new Set(snapshots.map(snapshot => snapshot.saltId));
	if (salts.size > 1) {
		warnings.push(
			`The snapshots were made with ${salts.size} different salts: the same customer may count more than once in churn. Set one team salt in every agent's settings.`,
		);
	}

	const zones = new Set(snapshots.map(snapshot => snapshot.timezone));
	if (zones.size > 1) {
		warnings.push(
			`The snapshots come from ${zones.size} time zones (${[...zones].sort().join(', ')}); days are recomputed in the zone you load them in.`,
		);
	}

	const calendars = new Set(snapshots.map(snapshot => canonicalJson(snapshot.calendar ?? null)));
	if (calendars.size > 1) {
		warnings.push('The snapshots used different business-hours calendars: business-hours measures mix calendars.');
	}

	const pick = <T>(values: T[]): T => values.reduce((a, b) => larger(a, b));
	const merged: Snapshot = {
		format: snapshotFormat,
		version: snapshotVersion,
		createdAt: pick(snapshots.map(snapshot => snapshot.createdAt)),
		detail: snapshots.some(snapshot => snapshot.detail === 'details') ? 'details' : 'aggregates',
		timezone: pick(snapshots.map(snapshot => snapshot.timezone)),
		saltId: pick(snapshots.map(snapshot => snapshot.saltId)),
		asOf: Math.max(...snapshots.map(snapshot => snapshot.asOf)),
		tickets: byKey(
			snapshots.map(snapshot => snapshot.tickets),
			ticket => ticket.key,
			moreComplete,
		),
		escalations: union(snapshots.map(snapshot => snapshot.escalations)),
		flags: union(snapshots.map(snapshot => snapshot.flags)),
		feedback: union(snapshots.map(snapshot => snapshot.feedback)),
		templates: union(snapshots.map(snapshot => snapshot.templates)),
		surveys: byKey(
			snapshots.map(snapshot => snapshot.surveys),
			survey => survey.id,
			larger,
		),
		customers: byKey(
			snapshots.map(snapshot => snapshot.customers),
			customer => customer.key,
			mergeCustomer,
		),
		agentHours: union(snapshots.map(snapshot => snapshot.agentHours)),
	};
	const calendar = snapshots.map(snapshot => snapshot.calendar).filter(value => value !== undefined);
	if (calendar.length > 0) {
		merged.calendar = pick(calendar);
	}

	if (merged.detail === 'details') {
		merged.events = union(snapshots.map(snapshot => snapshot.events ?? []));
		merged.texts = byKey<SnapshotText>(
			snapshots.map(snapshot => snapshot.texts ?? []),
			text => text.ticketKey,
			larger,
		);
	}

	return {snapshot: merged, warnings};
}
