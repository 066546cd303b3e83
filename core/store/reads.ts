import {Dexie} from 'dexie';
import type {DefuseDb, EventRow, MessageRow, TicketRow} from './db.ts';

/** Most recently seen tickets first. */
export async function listTickets(db: DefuseDb, limit = 500): Promise<TicketRow[]> {
	return db.tickets.orderBy('lastSeenAt').reverse().limit(limit).toArray();
}

export async function ticketMessages(db: DefuseDb, ticketKey: string): Promise<MessageRow[]> {
	return db.messages.where('[ticketKey+position]').between([ticketKey, -Infinity], [ticketKey, Infinity]).toArray();
}

export async function recentEvents(db: DefuseDb, type: string, limit = 200): Promise<EventRow[]> {
	return db.events.where('[type+at]').between([type, ''], [type, Dexie.maxKey]).reverse().limit(limit).toArray();
}

export async function counts(db: DefuseDb): Promise<Record<'tickets' | 'messages' | 'observations' | 'events', number>> {
	const [tickets, messages, observations, events] = await Promise.all([db.tickets.count(), db.messages.count(), db.observations.count(), db.events.count()]);
	return {tickets, messages, observations, events};
}
