// The runtime messages as request -> response pairs: the protocol map says what the background answers
// each request type with, the background's handlers are checked against it, and senders get the
// answer typed by the request (the idea of @webext-core/messaging's ProtocolMap, with no dependency).
// The requests themselves, and their validation, are in core/messages.ts; this file has no valibot, so
// content scripts may use it.
import type {
	BackgroundRequest,
	BackgroundRequestType,
	Countdown,
	PageSetup,
	PendingWriteStatus,
	QueueMark,
	SelectorTestResult,
	TabStatus,
	TicketContext,
} from './messages.ts';
import type {Assert, Same} from './schema.ts';

/**
 * What the background answers each request with, when it succeeds: the protocol map. A request
 * `{type: T, ...}` gets `ResponseOf<T>`; every request can also fail with `{ok: false, error}`.
 * Adding a request: its schema in `requestSchemas` and its sender in `allowedSenders` (core/messages.ts),
 * its answer here, its handler in entrypoints/background/index.ts (the compiler checks all four).
 */
export type BackgroundProtocol = {
	observe: {ticketKey: string; created: boolean};
	'adapter-miss': Record<never, never>;
	'agent-action': {created: boolean};
	'ticket-context': {context: TicketContext};
	'queue-state': {queue: QueueMark[]};
	countdowns: {countdowns: Countdown[]};
	'write-status': {writes: PendingWriteStatus[]};
	'dismiss-writes': {writes: PendingWriteStatus[]};
	'test-selectors': {selectorTest: SelectorTestResult};
	'delete-everything': Record<never, never>;
	'page-setup': {setup: PageSetup};
	'open-options': Record<never, never>;
};

/** The request of one type, as its schema accepts it. */
export type RequestOf<T extends BackgroundRequestType> = Extract<BackgroundRequest, {type: T}>;

/** What a request of type `T` is answered with. For a union of types, the union of their answers. */
export type ResponseOf<T extends BackgroundRequestType> = T extends BackgroundRequestType
	? ({ok: true} & BackgroundProtocol[T]) | {ok: false; error: string}
	: never;

/** Compiles only while every request type has its answer in the map, and the map no other. */
export type EveryRequestAnswered = Assert<Same<keyof BackgroundProtocol, BackgroundRequestType>>;

/** Sends a request to the background; the answer's type follows from the request's. */
export type SendToBackground = <R extends BackgroundRequest>(request: R) => Promise<ResponseOf<R['type']>>;

/**
 * The typed sender over a transport (`browser.runtime.sendMessage`). A transport that throws (the
 * extension was reloaded or updated under the page) answers `{ok: false}` like a refused request.
 */
export function backgroundSender(transport: (request: BackgroundRequest) => Promise<unknown>): SendToBackground {
	return async <R extends BackgroundRequest>(request: R) => {
		try {
			// The background's handlers are checked against BackgroundProtocol (entrypoints/background/index.ts).
			return (await transport(request)) as ResponseOf<R['type']>;
		} catch (error) {
			return {ok: false, error: String(error)} as ResponseOf<R['type']>;
		}
	};
}

/** What the popup asks a helpdesk tab (`statusRequest`) and what that tab's content script answers. */
export type TabProtocol = {'defuse:status': TabStatus};

/** Asks one tab's content script; undefined when no Defuse script answers there. */
export type SendToTab = <T extends keyof TabProtocol>(request: {type: T}) => Promise<TabProtocol[T] | undefined>;

/** The typed sender over a transport to one tab (`browser.tabs.sendMessage(tabId, …)`), which throws when the tab has no listener. */
export function tabSender(transport: (request: {type: keyof TabProtocol}) => Promise<unknown>): SendToTab {
	return async <T extends keyof TabProtocol>(request: {type: T}) => {
		try {
			// The content script answers with the type its listener is declared with (entrypoints/helpdesk.content/session.tsx).
			return (await transport(request)) as TabProtocol[T] | undefined;
		} catch {
			return undefined;
		}
	};
}
