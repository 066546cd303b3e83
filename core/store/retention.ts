// Keeping data only as long as the user asked (settings.data.retentionDays), and deleting all of it.
import type {DefuseDb} from './db.ts';

export type DeletedCounts = {tickets: number; messages: number; observations: number; events: number};

const dayMs = 86_400_000;
// Keys per transaction: bounded work per step, so a year of history does not hold one huge transaction.
const batchSize = 500;

/**
 * Deletes what is older than `days` days at `now`: tickets not seen since then with all their messages,
 * observations and events; and, for tickets still in use, observations and events from before then.
 * The messages of a ticket still in use are its current thread and stay.
 */
export async function deleteOlderThan(db: DefuseDb, days: number, now: Date): Promise<DeletedCounts> {
	const deleted: DeletedCounts = {tickets: 0, messages: 0, observations: 0, events: 0};
	if (!(days > 0)) {
		return deleted;
	}

	const cutoff = new Date(now.getTime() - days * dayMs).toISOString();
	for (;;) {
		const keys = await db.tickets.where('lastSeenAt').below(cutoff).limit(batchSize).primaryKeys();
		if (keys.length === 0) {
			break;
		}

		await db.transaction('rw', [db.tickets, db.messages, db.observations, db.events], async () => {
			deleted.messages += await db.messages.where('ticketKey').anyOf(keys).delete();
			deleted.observations += await db.observations.where('ticketKey').anyOf(keys).delete();
			deleted.events += await db.events.where('ticketKey').anyOf(keys).delete();
			await db.tickets.bulkDelete(keys);
			deleted.tickets += keys.length;
		});
	}

	deleted.observations += await deleteInBatches(
		async () => db.observations.where('lastSeenAt').below(cutoff).limit(batchSize).primaryKeys(),
		async keys => db.observations.bulkDelete(keys),
	);
	deleted.events += await deleteInBatches(
		async () => db.events.where('at').below(cutoff).limit(batchSize).primaryKeys(),
		async keys => db.events.bulkDelete(keys),
	);
	return deleted;
}

async function deleteInBatches(next: () => Promise<string[]>, remove: (keys: string[]) => Promise<void>): Promise<number> {
	let total = 0;
	for (;;) {
		const keys = await next();
		if (keys.length === 0) {
			return total;
		}

		await remove(keys);
		total += keys.length;
	}
}

/** Empties every table of the store ("Delete everything"). */
export async function clearStore(db: DefuseDb): Promise<void> {
	await db.transaction('rw', db.tables, async () => {
		await Promise.all(db.tables.map(async table => table.clear()));
	});
}
