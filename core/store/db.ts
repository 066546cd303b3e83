// The extension's own IndexedDB (never the helpdesk page's). Written only by the background's
// handlers; read by the background, the dashboard page and the metrics worker.
import {Dexie, type EntityTable} from 'dexie';
import type {AdapterMissPart, AgentAction, Level, Message, Observation, Requester, Trigger} from '../model.ts';

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

type ReplyMetric = 'first-reply' | 'next-reply';

/** What each type of stored event holds in `data` (core/store/writes.ts writes them). */
export type EventData = {
	/** The assessment's level rose above what the ticket last showed. */
	'flag-raised': {level: Level; score: number; signalIds: string[]};
	/** Seen between two visits; null is "none". */
	'status-change': {status: string | null; from: string | null};
	assign: {agent: string | null; from: string | null};
	'group-change': {group: string | null; from: string | null};
	'sla-target': {metric: ReplyMetric; targetMinutes: number};
	'sla-breach': {metric: ReplyMetric};
	/** `url` without its query; repeats on one day count up. */
	'adapter-miss': {url: string; part: AdapterMissPart; detail: string; lastAt: string};
} & {[T in AgentAction['type']]: Omit<Extract<AgentAction, {type: T}>, 'type' | 'ticketKey'>};

export type EventType = keyof EventData;

type EventRows = {
	[K in EventType]: {
		/** Deterministic, so that recording the same event twice stores it once. */
		id: string;
		type: K;
		ticketKey?: string | undefined;
		helpdesk?: string | undefined;
		at: string;
		/** How many times this event was seen (adapter misses repeat). */
		count: number;
		data: EventData[K];
	};
};

/** A stored event; `type` says what `data` holds. `EventRow<'feedback'>` is a feedback event. */
export type EventRow<T extends EventType = EventType> = Extract<EventRows[EventType], {type: T}>;

/** For find and filter: `events.filter(isEventOf('feedback'))` is a list of feedback events. */
export const isEventOf =
	<T extends EventType>(type: T) =>
	(event: EventRow): event is EventRow<T> =>
		event.type === type;

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
