import {Dexie} from 'dexie';
import type {QueueMark, TicketContext} from '../messages.ts';
import {helpdeskHostOf, weightMultipliersFrom} from '../tuning.ts';
import {isEventOf, type DefuseDb, type EventRow, type EventType, type MessageRow, type TicketRow} from './db.ts';

/** Most recently seen tickets first. */
export async function listTickets(db: DefuseDb, limit = 500): Promise<TicketRow[]> {
	return db.tickets.orderBy('lastSeenAt').reverse().limit(limit).toArray();
}

export async function ticketMessages(db: DefuseDb, ticketKey: string): Promise<MessageRow[]> {
	return db.messages.where('[ticketKey+position]').between([ticketKey, -Infinity], [ticketKey, Infinity]).toArray();
}

export async function recentEvents<T extends EventType>(db: DefuseDb, type: T, limit = 200): Promise<Array<EventRow<T>>> {
	const rows = await db.events.where('[type+at]').between([type, ''], [type, Dexie.maxKey]).reverse().limit(limit).toArray();
	return rows.filter(isEventOf(type));
}

export async function counts(db: DefuseDb): Promise<Record<'tickets' | 'messages' | 'observations' | 'events', number>> {
	const [tickets, messages, observations, events] = await Promise.all([
		db.tickets.count(),
		db.messages.count(),
		db.observations.count(),
		db.events.count(),
	]);
	return {tickets, messages, observations, events};
}

function snoozeEnd(events: readonly EventRow[], now: Date): string | undefined {
	const until = events.findLast(isEventOf('snooze'))?.data.until;
	return until !== undefined && Date.parse(until) > now.getTime() ? until : undefined;
}

/** When the ticket's latest snooze ends, if it has not yet. */
export async function snoozedUntil(db: DefuseDb, ticketKey: string, now: Date): Promise<string | undefined> {
	return snoozeEnd(await db.events.where('ticketKey').equals(ticketKey).sortBy('at'), now);
}

/** What the overlay needs from earlier visits: snooze, feedback, a recorded escalation, and the requester's other tickets. */
export async function ticketContext(db: DefuseDb, ticketKey: string, requesterKey: string | undefined, now: Date): Promise<TicketContext> {
	const [events, others, feedbackEvents] = await Promise.all([
		db.events.where('ticketKey').equals(ticketKey).sortBy('at'),
		requesterKey ? db.tickets.where('requesterKey').equals(requesterKey).toArray() : Promise.resolve([]),
		recentEvents(db, 'feedback', 2000),
	]);
	const escalated = events.findLast(isEventOf('escalated'));
	return {
		snoozedUntil: snoozeEnd(events, now),
		feedback: events.findLast(isEventOf('feedback'))?.data.verdict,
		escalated: escalated ? {escalation: escalated.data.escalation, team: escalated.data.team, at: escalated.at} : undefined,
		history: others
			.filter(ticket => ticket.key !== ticketKey)
			.map(ticket => ({
				ticketId: ticket.ticketId,
				createdAt: ticket.createdAt ?? ticket.firstSeenAt,
				subject: ticket.subject,
				status: ticket.status,
			}))
			.sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
		insertedTemplates: [...new Set(events.filter(isEventOf('template-inserted')).map(event => event.data.templateId))],
		weightMultipliers: weightMultipliersFrom(
			feedbackEvents
				.filter(event => event.ticketKey !== undefined && helpdeskHostOf(event.ticketKey) === helpdeskHostOf(ticketKey))
				.flatMap(event => {
					const {verdict, signalIds} = event.data;
					return signalIds ? [{verdict, signalIds}] : [];
				}),
		),
	};
}

/**
 * Queue markers: of the given tickets, those Defuse last saw at risk, or whose reply target breaches
 * within `soonMs` (or already has), as last seen.
 */
export async function queueMarks(db: DefuseDb, ticketKeys: readonly string[], now: Date, soonMs = 2 * 3_600_000): Promise<QueueMark[]> {
	const rows = await db.tickets.bulkGet([...ticketKeys]);
	const marks: QueueMark[] = [];
	for (const row of rows) {
		if (!row) {
			continue;
		}

		const atRisk = row.lastLevel !== undefined && row.lastLevel !== 'none';
		const due = row.replyDueAt !== undefined && Date.parse(row.replyDueAt) - now.getTime() <= soonMs;
		if (atRisk || due) {
			marks.push({ticketKey: row.key, level: atRisk ? row.lastLevel : undefined, breachAt: due ? row.replyDueAt : undefined});
		}
	}

	return marks;
}
