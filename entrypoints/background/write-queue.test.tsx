// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import {cleanup, render, screen} from '@testing-library/preact';
import {Dexie} from 'dexie';
import {fakeBrowser} from 'wxt/testing/fake-browser';
import {afterEach, beforeEach, expect, test} from 'vitest';
import type {BackgroundResponse} from '../../core/messages.ts';
import {openDb, type DefuseDb} from '../../core/store/db.ts';
import {recordAgentAction} from '../../core/store/writes.ts';
import {Popup} from '../popup/popup.tsx';
import {createWriteQueue, retryAlarm, retryDelays, type WriteRequest} from './write-queue.ts';

let db: DefuseDb;
let now = Date.parse('2026-11-02T12:00:00Z');
const timers: Array<{at: number; run: () => void}> = [];
const clock = {now: () => now, later: (ms: number, run: () => void) => void timers.push({at: now + ms, run})};

beforeEach(() => {
	fakeBrowser.reset();
	db = openDb({name: `queue-${Math.random()}`});
	now = Date.parse('2026-11-02T12:00:00Z');
	timers.length = 0;
});

afterEach(async () => {
	cleanup();
	db.close();
	await Dexie.delete(db.name);
});

const feedback: WriteRequest = {type: 'agent-action', actionId: 'click-1', action: {type: 'feedback', ticketKey: 'demo:127.0.0.1:7', verdict: 'disagree', signalIds: ['phrase.urgency']}};

/** A store that refuses the first `failures` writes, as a full or busy disk would. */
function flakyWrite(failures: number) {
	let calls = 0;
	return async (request: WriteRequest): Promise<BackgroundResponse> => {
		calls++;
		if (calls <= failures) {
			throw new DOMException('The transaction was aborted: disk full', 'QuotaExceededError');
		}

		if (request.type !== 'agent-action') {
			return {ok: true};
		}

		const {created} = await recordAgentAction(db, request.actionId, request.action, new Date(now));
		return {ok: true, created};
	};
}

async function advance(ms: number, queue: ReturnType<typeof createWriteQueue>): Promise<void> {
	now += ms;
	for (const timer of timers.splice(0).filter(timer => timer.at <= now)) {
		timer.run();
	}

	await queue.retryDue();
}

test('a refused write is tried again with growing pauses, listed in the popup meanwhile, and stored once', async () => {
	const queue = createWriteQueue(flakyWrite(2), clock);
	const first = await queue.submit(feedback, {tabId: 3});
	expect(first).toEqual({ok: false, error: 'could not store yet, trying again in 1 s: QuotaExceededError: The transaction was aborted: disk full'});
	expect(await queue.status()).toEqual([{type: 'agent-action', ticketKey: 'demo:127.0.0.1:7', attempts: 1, nextAt: new Date(now + retryDelays[0]).toISOString(), lastError: 'QuotaExceededError: The transaction was aborted: disk full', failed: false}]);
	// A stopped service worker is woken by an alarm (no sooner than 30 s ahead).
	expect((await fakeBrowser.alarms.get(retryAlarm))?.scheduledTime).toBe(now + 30_000);

	render(<Popup view={{kind: 'loading'}} writes={await queue.status()} now={now} onOpenDashboard={() => undefined} />);
	expect(screen.getByTestId('pending-writes').textContent).toMatch(/Your feedback or action \(7\): attempt 1 failed, trying again in .*QuotaExceededError/);

	await advance(retryDelays[0], queue); // Second attempt fails too: the next pause is longer.
	expect((await queue.status())[0]).toMatchObject({attempts: 2, nextAt: new Date(now + retryDelays[1]).toISOString()});
	await advance(retryDelays[1], queue);
	expect(await queue.status()).toEqual([]);
	expect(await db.events.count()).toBe(1);
	// The same click retried by the page changes nothing.
	expect(await queue.submit(feedback, {})).toEqual({ok: true, created: false});
	expect(await db.events.count()).toBe(1);
});

test('a write cut off by a stopped service worker is finished by the next one, once', async () => {
	// The first worker wrote the action down and died before storing it (its write never settles).
	const dying = createWriteQueue(async () => new Promise<BackgroundResponse>(() => undefined), clock);
	void dying.submit(feedback, {tabId: 3});
	await new Promise(resolve => setTimeout(resolve, 10));
	expect(await db.events.count()).toBe(0);
	expect((await dying.status()).map(write => write.attempts)).toEqual([0]);

	const next = createWriteQueue(flakyWrite(0), clock);
	await next.retryDue();
	await next.retryDue();
	expect(await db.events.count()).toBe(1);
	expect(await next.status()).toEqual([]);
});

test('after the last pause the write is given up and shown as such', async () => {
	const queue = createWriteQueue(flakyWrite(100), clock);
	await queue.submit({type: 'adapter-miss', helpdesk: 'demo', url: 'http://127.0.0.1/x', part: 'messages', detail: 'x'}, {});
	for (const delay of retryDelays) {
		await advance(delay, queue);
	}

	const [given] = await queue.status();
	expect(given).toMatchObject({type: 'adapter-miss', attempts: retryDelays.length + 1, failed: true});
	render(<Popup view={{kind: 'loading'}} writes={[given!]} now={now} onOpenDashboard={() => undefined} />);
	expect(screen.getByTestId('pending-writes').textContent).toMatch(/A page Defuse could not read: gave up after 6 attempts/);
});
