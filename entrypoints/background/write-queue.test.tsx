// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import {cleanup, render, screen} from '@testing-library/preact';
import {Dexie} from 'dexie';
import {fakeBrowser} from 'wxt/testing/fake-browser';
import {afterEach, beforeEach, expect, onTestFinished, test, vi} from 'vitest';
import {openDb, type DefuseDb} from '../../core/store/db.ts';
import {recordAgentAction, recordObservation} from '../../core/store/writes.ts';
import {Popup} from '../popup/popup.tsx';
import {createWriteQueue, journalLimits, retryAlarm, retryDelays, type WriteRequest, type WriteResponse} from './write-queue.ts';

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

const feedback: WriteRequest = {
	type: 'agent-action',
	actionId: 'click-1',
	action: {type: 'feedback', ticketKey: 'demo:127.0.0.1:7', verdict: 'disagree', signalIds: ['phrase.urgency']},
};

/** A store that refuses the first `failures` writes, as a full or busy disk would. */
function flakyWrite(failures: number) {
	let calls = 0;
	return async (request: WriteRequest): Promise<WriteResponse> => {
		calls++;
		if (calls <= failures) {
			throw new DOMException('The transaction was aborted: disk full', 'QuotaExceededError');
		}

		if (request.type === 'observe') {
			const {ticketKey, created} = await recordObservation(db, request.snapshot, request.assessment, new Date(now), request.deadline);
			return {ok: true, ticketKey, created};
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
	expect(first).toEqual({
		ok: false,
		error: 'could not store yet, trying again in 1 s: QuotaExceededError: The transaction was aborted: disk full',
	});
	expect(await queue.status()).toEqual([
		{
			id: expect.any(String) as string,
			type: 'agent-action',
			ticketKey: 'demo:127.0.0.1:7',
			attempts: 1,
			nextAt: new Date(now + retryDelays[0]).toISOString(),
			lastError: 'QuotaExceededError: The transaction was aborted: disk full',
			failed: false,
		},
	]);
	// A stopped service worker is woken by an alarm (no sooner than 30 s ahead).
	expect((await fakeBrowser.alarms.get(retryAlarm))?.scheduledTime).toBe(now + 30_000);

	render(<Popup view={{kind: 'loading'}} writes={await queue.status()} now={now} onOpenDashboard={() => undefined} />);
	expect(screen.getByTestId('pending-writes').textContent).toMatch(
		/Your feedback or action \(7\): attempt 1 failed, trying again in .*QuotaExceededError/,
	);

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
	const dying = createWriteQueue(async () => new Promise<WriteResponse>(() => undefined), clock);
	void dying.submit(feedback, {tabId: 3});
	await new Promise(resolve => setTimeout(resolve, 10));
	expect(await db.events.count()).toBe(0);
	// The popup does not list a first attempt still running (behaviour change: it listed every write as
	// 'saving'); the next worker, which has no attempt running, lists what the stopped one left.
	expect(await dying.status()).toEqual([]);

	const next = createWriteQueue(flakyWrite(0), clock);
	expect((await next.status()).map(write => write.attempts)).toEqual([0]);
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

/** What a page sends after reading ticket `id` with `count` messages. */
function observation(id: number, count: number, text = 'Still waiting for my refund, please answer.'): WriteRequest {
	return {
		type: 'observe',
		snapshot: {
			helpdesk: 'demo',
			ticketId: String(id),
			url: `http://127.0.0.1:5173/agent/tickets/${id}`,
			messages: Array.from({length: count}, (_, index) => ({
				id: `m${index}`,
				role: index % 2 === 0 ? ('customer' as const) : ('agent' as const),
				text: `${text} (${index})`,
				at: new Date(Date.parse('2026-11-01T09:00:00Z') + index * 60_000).toISOString(),
			})),
		},
		assessment: {level: 'watch', score: 0.4, signalIds: ['wait.due']},
	};
}

const neverSettles = async () => new Promise<WriteResponse>(() => undefined);
const settle = async () => new Promise(resolve => setTimeout(resolve, 10));

test('an observation cut off by a stopped service worker is finished by the next one, once', async () => {
	const dying = createWriteQueue(neverSettles, clock);
	void dying.submit(observation(7, 3), {tabId: 3});
	await settle();
	expect(await db.observations.count()).toBe(0);

	const next = createWriteQueue(flakyWrite(0), clock);
	await next.retryDue();
	await next.retryDue();
	expect(await db.observations.count()).toBe(1);
	expect(await db.messages.count()).toBe(3);
	expect(await next.status()).toEqual([]);
	// The page's next send of the same thread adds nothing
	await next.submit(observation(7, 3), {tabId: 3});
	expect({observations: await db.observations.count(), messages: await db.messages.count()}).toEqual({observations: 1, messages: 3});
});

test('writes arriving together are all written down (each used to save the list without the other)', async () => {
	const dying = createWriteQueue(neverSettles, clock);
	const clicks = Array.from({length: 5}, (_, index): WriteRequest => ({...feedback, actionId: `click-${index}`}) as WriteRequest);
	for (const click of clicks) {
		void dying.submit(click, {});
	}

	void dying.submit(observation(8, 2), {});
	await settle();
	const next = createWriteQueue(flakyWrite(0), clock);
	await next.retryDue();
	expect(await db.events.where('type').equals('feedback').count()).toBe(5);
	expect(await db.observations.count()).toBe(1);
});

test('a burst of page changes keeps one waiting observation per ticket, and at most the limits in all', async () => {
	const queue = createWriteQueue(flakyWrite(1000), clock);
	// One ticket changing 60 times while the store refuses every write
	for (let count = 1; count <= 60; count++) {
		await queue.submit(observation(9, count), {tabId: 1});
	}

	const waiting = await queue.status();
	expect(waiting).toHaveLength(1);
	expect(waiting[0]).toMatchObject({type: 'observe', ticketKey: 'demo:127.0.0.1:9', attempts: 1});
	// Many tickets: the newest are kept, within the count and the size limits
	for (let id = 100; id < 150; id++) {
		await queue.submit(observation(id, 2), {tabId: 1});
	}

	const kept = (await queue.status()).map(write => write.ticketKey);
	expect(kept).toHaveLength(journalLimits.observations);
	expect(kept.at(-1)).toBe('demo:127.0.0.1:149');
	expect(kept).not.toContain('demo:127.0.0.1:9');
	const huge = observation(200, 40, 'x'.repeat(Math.ceil(journalLimits.observationChars / 40)));
	await queue.submit(huge, {tabId: 1});
	const afterHuge = (await queue.status()).map(write => write.ticketKey);
	expect(afterHuge).not.toContain('demo:127.0.0.1:200');
	expect(afterHuge).toHaveLength(journalLimits.observations);
});

test("a ticket's older observation that fails after a newer one was sent is not tried again (it would take the newest messages away)", async () => {
	let refuse = true;
	const queue = createWriteQueue(async request => {
		if (refuse) {
			refuse = false; // The store refuses the first write only
			throw new DOMException('busy', 'UnknownError');
		}

		const result = await flakyWrite(0)(request);
		return result;
	}, clock);
	const older = queue.submit(observation(11, 2), {tabId: 1});
	await queue.submit(observation(11, 3), {tabId: 1});
	expect(await older).toMatchObject({ok: false});
	for (const delay of retryDelays) {
		await advance(delay, queue);
	}

	expect(await db.messages.count()).toBe(3);
	expect(await queue.status()).toEqual([]);
});

test('writes given up can be dismissed from the popup; writes still being tried stay', async () => {
	const queue = createWriteQueue(flakyWrite(100), clock);
	await queue.submit({type: 'adapter-miss', helpdesk: 'demo', url: 'http://127.0.0.1/x', part: 'messages', detail: 'x'}, {});
	await queue.submit({type: 'adapter-miss', helpdesk: 'demo', url: 'http://127.0.0.1/y', part: 'messages', detail: 'y'}, {});
	for (const delay of retryDelays) {
		await advance(delay, queue);
	}

	await queue.submit(feedback, {});
	const listed = await queue.status();
	expect(listed.map(write => write.failed)).toEqual([true, true, false]);
	const dismissed: string[][] = [];
	render(
		<Popup
			view={{kind: 'loading'}}
			writes={listed}
			now={now}
			onOpenDashboard={() => undefined}
			onDismissWrites={ids => dismissed.push(ids)}
		/>,
	);
	expect(screen.getAllByRole('button', {name: /^Dismiss: /})).toHaveLength(2);
	screen.getAllByRole('button', {name: /^Dismiss: A page Defuse could not read/})[0]!.click();
	screen.getByRole('button', {name: 'Dismiss all 2 given up'}).click();
	expect(dismissed).toEqual([[listed[0]!.id], [listed[0]!.id, listed[1]!.id]]);

	await queue.dismiss([listed[0]!.id, listed[2]!.id]);
	expect((await queue.status()).map(write => write.id)).toEqual([listed[1]!.id, listed[2]!.id]);
	await queue.dismiss(dismissed[1]!);
	expect((await queue.status()).map(write => write.type)).toEqual(['agent-action']);
});

test('a session storage that refuses the list (quota) does not stop the write, nor its answer', async () => {
	const refused = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
	onTestFinished(() => refused.mockRestore());
	vi.spyOn(console, 'warn').mockImplementation(() => undefined);
	const queue = createWriteQueue(flakyWrite(0), clock);
	expect(await queue.submit(feedback, {tabId: 3})).toEqual({ok: true, created: true});
	expect(await queue.submit(observation(12, 2), {tabId: 3})).toMatchObject({ok: true, created: true});
	expect({events: await db.events.where('type').equals('feedback').count(), observations: await db.observations.count()}).toEqual({
		events: 1,
		observations: 1,
	});
	// Refused by the store as well: the page is told, and nothing throws
	const failing = createWriteQueue(flakyWrite(1), clock);
	expect(await failing.submit({...feedback, actionId: 'click-2'} as WriteRequest, {})).toMatchObject({
		ok: false,
		error: expect.stringMatching(
			/^could not store: QuotaExceededError.*not kept for another try: Error: QUOTA_BYTES quota exceeded$/,
		) as string,
	});
});

test('adapter misses the store refuses are kept for another try up to a limit, the oldest dropped', async () => {
	const queue = createWriteQueue(flakyWrite(1000), clock);
	for (let index = 0; index < journalLimits.adapterMisses + 10; index++) {
		await queue.submit({type: 'adapter-miss', helpdesk: 'demo', url: `http://127.0.0.1/page-${index}`, part: 'messages', detail: 'x'}, {});
	}

	const kept = await queue.status();
	expect(kept).toHaveLength(journalLimits.adapterMisses);
	expect(kept.every(write => write.type === 'adapter-miss' && write.attempts === 1)).toBe(true);
});
