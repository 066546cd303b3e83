import {browser, type Browser} from '#imports';
import type {BackgroundRequest, BackgroundResponse, PendingWriteStatus} from '../../core/messages.ts';

// Writes to the store that fail (a busy or full disk, a browser closing the database) are tried again
// with growing pauses, and the popup lists them while they wait. Agent actions (a click the page will
// not repeat) are written down in session storage before they are stored, so a service worker stopped
// in the middle of the write finishes it when it starts again; observations are written down only once
// they fail (the page sends them again on its next change anyway). Every write is idempotent, so a
// write tried twice is stored once.

export type WriteRequest = Extract<BackgroundRequest, {type: 'observe' | 'adapter-miss' | 'agent-action'}>;

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
};

/** Pauses before the 2nd, 3rd, ... attempt: 1 s, 5 s, 30 s, 2 min, 10 min; then the write is given up. */
export const retryDelays = [1000, 5000, 30_000, 120_000, 600_000] as const;

const pendingKey = 'pending-writes';
export const retryAlarm = 'defuse-retry-writes';
// Chrome wakes a stopped service worker for alarms no sooner than 30 s ahead.
const alarmFloorMs = 30_000;

const area = (): Browser.storage.StorageArea => browser.storage.session ?? browser.storage.local;

async function pendingWrites(): Promise<PendingWrite[]> {
	const stored = (await area().get(pendingKey))[pendingKey];
	return Array.isArray(stored) ? stored as PendingWrite[] : [];
}

async function update(change: (list: PendingWrite[]) => PendingWrite[]): Promise<void> {
	await area().set({[pendingKey]: change(await pendingWrites())});
}

const errorText = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);

export type WriteQueue = {
	/** Stores the request now, or queues it for another try; answers the sender either way. */
	submit(request: WriteRequest, sender: {tabId?: number | undefined; windowId?: number | undefined}): Promise<BackgroundResponse>;
	/** Tries every queued write that is due (and any left half-done by a stopped service worker). */
	retryDue(): Promise<void>;
	/** What the popup shows. */
	status(): Promise<PendingWriteStatus[]>;
};

export function createWriteQueue(
	write: (request: WriteRequest, sender: {tabId?: number | undefined; windowId?: number | undefined}) => Promise<BackgroundResponse>,
	clock: {now: () => number; later: (ms: number, run: () => void) => void} = {now: Date.now, later: (ms, run) => setTimeout(run, ms)},
): WriteQueue {
	let running: Promise<void> | undefined;

	async function schedule(entry: PendingWrite, error: unknown): Promise<BackgroundResponse> {
		const delay = retryDelays[entry.attempts - 1];
		const lastError = errorText(error);
		if (delay === undefined) {
			await update(list => [...list.filter(other => other.id !== entry.id), {...entry, lastError, failed: true, nextAt: undefined}]);
			return {ok: false, error: `could not store after ${entry.attempts} attempts: ${lastError}`};
		}

		const nextAt = clock.now() + delay;
		await update(list => [...list.filter(other => other.id !== entry.id), {...entry, lastError, nextAt}]);
		clock.later(delay, () => void queue.retryDue());
		await browser.alarms.create(retryAlarm, {when: Math.max(nextAt, clock.now() + alarmFloorMs)});
		return {ok: false, error: `could not store yet, trying again in ${Math.round(delay / 1000)} s: ${lastError}`};
	}

	async function attempt(entry: PendingWrite): Promise<BackgroundResponse> {
		const tried = {...entry, attempts: entry.attempts + 1};
		try {
			const response = await write(tried.request, {tabId: tried.tabId, windowId: tried.windowId});
			await update(list => list.filter(other => other.id !== entry.id));
			return response;
		} catch (error) {
			return schedule(tried, error);
		}
	}

	const queue: WriteQueue = {
		async submit(request, sender) {
			const entry: PendingWrite = {id: `${clock.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`, request, tabId: sender.tabId, windowId: sender.windowId, attempts: 0};
			if (request.type === 'agent-action') {
				await update(list => [...list, entry]);
			}

			return attempt(entry);
		},
		async retryDue() {
			running ??= (async () => {
				try {
					for (const entry of await pendingWrites()) {
						if (!entry.failed && (entry.nextAt ?? 0) <= clock.now()) {
							await attempt(entry);
						}
					}
				} finally {
					running = undefined;
				}
			})();
			return running;
		},
		async status() {
			return (await pendingWrites()).map(entry => ({
				type: entry.request.type,
				ticketKey: entry.request.type === 'observe' ? undefined : entry.request.type === 'agent-action' ? entry.request.action.ticketKey : undefined,
				attempts: entry.attempts,
				nextAt: entry.nextAt === undefined ? undefined : new Date(entry.nextAt).toISOString(),
				lastError: entry.lastError,
				failed: entry.failed === true,
			}));
		},
	};
	return queue;
}
