// The extension's own IndexedDB (never the helpdesk page's). Written only by the background's
// handlers; read by the background, the dashboard page and the metrics worker.
import {Dexie, type EntityTable} from 'dexie';
import type {Level, Message, Observation, Requester, Trigger} from '../model.ts';

export type TicketRow = {
	/** ticketKeyOf(snapshot): helpdesk, host and the helpdesk's own id. */
	key: string;
	helpdesk: string;
	ticketId: string;
	host: string;
	url?: string | undefined;
	subject?: string | undefined;
	status?: string | undefined;
	priority?: string | undefined;
	requester?: Requester | undefined;
	/** Requester identity across tickets: helpdesk, host and requester id or email. */
	requesterKey?: string | undefined;
	assignee?: string | undefined;
	group?: string | undefined;
	tags?: string[] | undefined;
	createdAt?: string | undefined;
	firstSeenAt: string;
	lastSeenAt: string;
	messageCount: number;
	customerMessages: number;
	agentMessages: number;
	internalNotes: number;
	lastLevel?: Level | undefined;
	lastScore?: number | undefined;
	/** When the reply target breaches, as last seen (absent when nobody was waiting). */
	replyDueAt?: string | undefined;
	/** The most likely escalation trigger of the last assessment that had one. */
	lastTrigger?: Trigger | undefined;
};

export type MessageRow = Message & {
	/** `${ticketKey}#${message id or content hash}` */
	key: string;
	ticketKey: string;
	/** Position in the thread as last seen. */
	position: number;
	firstSeenAt: string;
};

export type EventRow = {
	/** Deterministic, so that recording the same event twice stores it once. */
	id: string;
	type: string;
	ticketKey?: string | undefined;
	helpdesk?: string | undefined;
	at: string;
	/** How many times this event was seen (adapter misses repeat). */
	count: number;
	data: Record<string, unknown>;
};

export type SettingRow = {key: string; value: unknown};

export type DefuseDb = Dexie & {
	tickets: EntityTable<TicketRow, 'key'>;
	messages: EntityTable<MessageRow, 'key'>;
	observations: EntityTable<Observation, 'id'>;
	events: EntityTable<EventRow, 'id'>;
	settings: EntityTable<SettingRow, 'key'>;
};

/** Schema v1. Never edit a shipped version: add version(n + 1) with an upgrader instead. */
export const schemaV1 = {
	tickets: 'key, helpdesk, lastSeenAt, requesterKey, [helpdesk+lastSeenAt]',
	messages: 'key, ticketKey, [ticketKey+position], at',
	observations: 'id, ticketKey, lastSeenAt, level, [ticketKey+lastSeenAt]',
	events: 'id, type, ticketKey, at, [type+at]',
	settings: 'key',
} as const;

export const databaseName = 'defuse';

export type DbOptions = {
	name?: string;
	/** Injected for Node tests (fake-indexeddb); the browser's own otherwise. */
	indexedDB?: IDBFactory;
	IDBKeyRange?: typeof IDBKeyRange;
};

export function openDb(options: DbOptions = {}): DefuseDb {
	const db = new Dexie(options.name ?? databaseName, {
		...(options.indexedDB ? {indexedDB: options.indexedDB} : {}),
		...(options.IDBKeyRange ? {IDBKeyRange: options.IDBKeyRange} : {}),
	}) as DefuseDb;
	db.version(1).stores(schemaV1);
	return db;
}
