import {browser, type Browser} from '#imports';
import type {PendingWriteStatus} from '../../core/messages.ts';
import type {RequestOf, ResponseOf} from '../../core/protocol.ts';
import {ticketKeyOf} from '../../core/model.ts';

// Writes to the store that fail (a busy or full disk, a browser closing the database) are tried again
// with growing pauses, and the popup lists them while they wait; one given up stays listed until the
// person dismisses it. Agent actions (a click the page will not repeat) and observations (what a page
// showed) are written down in session storage before they are stored, so a service worker stopped in
// the middle of the write finishes it when it starts again. The list is bounded: a ticket's newer
// observation replaces the one still waiting (it holds the thread as the page shows it now, and an
// older one stored after it would take its newest messages away again), and at most
// `journalLimits.observations` observations of `journalLimits.observationChars` are kept, the oldest
// dropped first (their pages send them again on the next change). Every write is idempotent, so a
// write tried twice is stored once.

export type WriteRequest = RequestOf<'observe' | 'adapter-miss' | 'agent-action'>;

/** What a write is answered with: its handler's answer, or why it is not stored (yet). */
export type WriteResponse = ResponseOf<WriteRequest['type']>;

export type PendingWrite = {
	id: string;
	request: WriteRequest;
	/** The tab that sent it (observations start SLA countdowns for their tab). */
	tabId?: number | undefined;
	windowId?: number | undefined;
	attempts: number;
	/** When to try again (ms); absent while the first attempt runs. */
	nextAt?: number | undefined;
	lastError?: string | undefined;
	/** Gave up after the last pause. */
	failed?: boolean | undefined;
	/** An observation's size as JSON, counted once. */
	chars?: number | undefined;
};

/** How much of the session storage quota (10 MB in Chrome) observations waiting to be stored may take. */
export const journalLimits = {observations: 20, observationChars: 4_000_000, adapterMisses: 50} as const;

/** Pauses before the 2nd, 3rd, ... attempt: 1 s, 5 s, 30 s, 2 min, 10 min; then the write is given up. */
export const retryDelays = [1000, 5000, 30_000, 120_000, 600_000] as const;

const pendingKey = 'pending-writes';
export const retryAlarm = 'defuse-retry-writes';
// Chrome wakes a stopped service worker for alarms no sooner than 30 s ahead.
const alarmFloorMs = 30_000;

const area = (): Browser.storage.StorageArea => browser.storage.session ?? browser.storage.local;

async function pendingWrites(): Promise<PendingWrite[]> {
	const stored = (await area().get(pendingKey))[pendingKey];
	return Array.isArray(stored) ? (stored as PendingWrite[]) : [];
}

// One change at a time: two writes arriving together must not each save the list without the other.
let updating: Promise<unknown> = Promise.resolve();

async function update(change: (list: PendingWrite[]) => PendingWrite[]): Promise<void> {
	const next = updating.then(async () => area().set({[pendingKey]: change(await pendingWrites())}));
	updating = next.catch(() => undefined);
	return next;
}

const ticketOf = (entry: PendingWrite): string | undefined =>
	entry.request.type === 'observe' ? ticketKeyOf(entry.request.snapshot) : undefined;
const sizeOf = (entry: PendingWrite): number => entry.chars ?? JSON.stringify(entry.request).length;

/** The list with `entry` added, a waiting observation of its ticket replaced and the limits kept. */
export function withEntry(list: readonly PendingWrite[], entry: PendingWrite): PendingWrite[] {
	const ticket = ticketOf(entry);
	const result = [...list.filter(other => other.id !== entry.id && (ticket === undefined || ticketOf(other) !== ticket)), entry];
	if (entry.request.type === 'adapter-miss') {
		const misses = result.filter(other => other.request.type === 'adapter-miss');
		const drop = new Set(misses.slice(0, Math.max(0, misses.length - journalLimits.adapterMisses)).map(other => other.id));
		return result.filter(other => !drop.has(other.id));
	}

	if (ticket === undefined) {
		return result;
	}

	// Newest first: keep observations while they fit, then drop the rest (oldest).
	const observations = result.filter(other => other.request.type === 'observe').reverse();
	const keep = new Set<string>();
	let chars = 0;
	for (const observation of observations) {
		const size = sizeOf(observation);
		if (keep.size < journalLimits.observations && chars + size <= journalLimits.observationChars) {
			keep.add(observation.id);
			chars += size;
		}
	}

	return result.filter(other => other.request.type !== 'observe' || keep.has(other.id));
}

const errorText = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);

/** Writes the entry down; a list that cannot be saved (quota) does not stop the write itself. */
async function journal(entry: PendingWrite): Promise<void> {
	try {
		await update(list => withEntry(list, entry));
	} catch (error) {
		console.warn('Defuse: could not write down a pending write; storing it without a copy.', error);
	}
}

type Clock = {now: () => number; later: (ms: number, run: () => void) => void};

/** A write that failed: dropped (a newer state of its ticket came since), given up (out of tries) or kept for its next try. */
async function schedule(
	entry: PendingWrite,
	error: unknown,
	{stale, clock, retryDue}: {stale: boolean; clock: Clock; retryDue: () => Promise<void>},
): Promise<WriteResponse> {
	const delay = retryDelays[entry.attempts - 1];
	const lastError = errorText(error);
	if (stale) {
		await update(list => list.filter(other => other.id !== entry.id));
		return {ok: false, error: `not stored (${lastError}); the ticket's newer state is stored instead`};
	}

	if (delay === undefined) {
		await journal({...entry, lastError, failed: true, nextAt: undefined});
		return {ok: false, error: `could not store after ${entry.attempts} attempts: ${lastError}`};
	}

	const nextAt = clock.now() + delay;
	// Not journal(): a write that cannot be kept for another try must not say it will be tried again.
	await update(list => withEntry(list, {...entry, lastError, nextAt}));
	clock.later(delay, () => void retryDue());
	await browser.alarms.create(retryAlarm, {when: Math.max(nextAt, clock.now() + alarmFloorMs)});
	return {ok: false, error: `could not store yet, trying again in ${Math.round(delay / 1000)} s: ${lastError}`};
}

/** A write as the popup lists it. */
function statusOf(entry: PendingWrite): PendingWriteStatus {
	return {
		id: entry.id,
		type: entry.request.type,
		ticketKey: ticketOf(entry) ?? (entry.request.type === 'agent-action' ? entry.request.action.ticketKey : undefined),
		attempts: entry.attempts,
		nextAt: entry.nextAt === undefined ? undefined : new Date(entry.nextAt).toISOString(),
		lastError: entry.lastError,
		failed: entry.failed === true,
	};
}

/** An id unique across service worker lifetimes: the time, this lifetime's count and a random part. */
const writeId = (now: number, sequence: number): string =>
	`${now.toString(36)}-${sequence.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export type WriteQueue = {
	/** Stores the request now, or queues it for another try; answers the sender either way. */
	submit(request: WriteRequest, sender: {tabId?: number | undefined; windowId?: number | undefined}): Promise<WriteResponse>;
	/** Tries every queued write that is due (and any left half-done by a stopped service worker). */
	retryDue(): Promise<void>;
	/** What the popup shows. */
	status(): Promise<PendingWriteStatus[]>;
	/** Forgets writes that were given up (the popup's Dismiss); writes still being tried stay. */
	dismiss(ids: readonly string[]): Promise<void>;
};

export function createWriteQueue(
	write: (request: WriteRequest, sender: {tabId?: number | undefined; windowId?: number | undefined}) => Promise<WriteResponse>,
	clock: Clock = {now: Date.now, later: (ms, run) => setTimeout(run, ms)},
): WriteQueue {
	let running: Promise<void> | undefined;
	// Attempts running in this service worker (a stopped one's are in the list with no attempt running).
	const inFlight = new Set<string>();
	// The newest observation each ticket sent this service worker's lifetime: an older one that fails
	// after it is not tried again.
	const newest = new Map<string, string>();
	let sequence = 0;

	const isStale = (entry: PendingWrite): boolean => {
		const ticket = ticketOf(entry);
		return ticket !== undefined && newest.has(ticket) && newest.get(ticket) !== entry.id;
	};

	async function attempt(entry: PendingWrite): Promise<WriteResponse> {
		const tried = {...entry, attempts: entry.attempts + 1};
		inFlight.add(entry.id);
		try {
			const response = await write(tried.request, {tabId: tried.tabId, windowId: tried.windowId});
			// Stored: crossing it off may fail too (the list is tried again, and the write is idempotent).
			await update(list => list.filter(other => other.id !== entry.id)).catch((error: unknown) =>
				console.warn('Defuse: could not cross off a stored write.', error),
			);
			return response;
		} catch (error) {
			try {
				return await schedule(tried, error, {stale: isStale(tried), clock, retryDue: async () => queue.retryDue()});
			} catch (listError) {
				console.warn('Defuse: could not keep a refused write for another try.', listError);
				return {ok: false, error: `could not store: ${errorText(error)}; not kept for another try: ${errorText(listError)}`};
			}
		} finally {
			inFlight.delete(entry.id);
		}
	}

	const queue: WriteQueue = {
		async submit(request, sender) {
			sequence++;
			const entry: PendingWrite = {
				id: writeId(clock.now(), sequence),
				request,
				tabId: sender.tabId,
				windowId: sender.windowId,
				attempts: 0,
			};
			const ticket = ticketOf(entry);
			if (ticket !== undefined) {
				newest.set(ticket, entry.id);
				entry.chars = sizeOf(entry);
			}

			if (request.type !== 'adapter-miss') {
				await journal(entry);
			}

			return attempt(entry);
		},
		async retryDue() {
			running ??= (async () => {
				try {
					for (const entry of await pendingWrites()) {
						if (!entry.failed && !inFlight.has(entry.id) && (entry.nextAt ?? 0) <= clock.now()) {
							await attempt(entry);
						}
					}
				} finally {
					running = undefined;
				}
			})();
			return running;
		},
		async dismiss(ids) {
			const dismissed = new Set(ids);
			await update(list => list.filter(entry => !(entry.failed && dismissed.has(entry.id))));
		},
		async status() {
			// A first attempt running now is not news; one a stopped service worker left is.
			return (await pendingWrites()).filter(entry => entry.attempts > 0 || !inFlight.has(entry.id)).map(statusOf);
		},
	};
	return queue;
}
