import 'fake-indexeddb/auto';
import {Dexie} from 'dexie';
import {fakeBrowser} from 'wxt/testing/fake-browser';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {openDb, type DefuseDb} from '../../core/store/db.ts';
import {recordAgentAction} from '../../core/store/writes.ts';
import {defaultAlertOptions, onNotificationClicked, onSlaAlarm, trackDeadline, watchedTickets} from './sla-alerts.ts';

const now = Date.parse('2026-11-02T12:00:00Z');
const watch = {
	ticketKey: 'demo:h:1007',
	ticketId: '1007',
	subject: 'Checkout fails',
	helpdeskName: 'demo',
	tabId: 5,
	windowId: 1,
	level: 'watch' as const,
};
const deadline = {
	metric: 'first-reply' as const,
	targetMinutes: 60,
	since: '2026-11-02T11:40:00.000Z',
	breachAt: '2026-11-02T12:40:00.000Z',
};
let db: DefuseDb;

beforeEach(() => {
	fakeBrowser.reset();
	db = openDb({name: `alerts-${Math.random()}`});
});

afterEach(async () => {
	db.close();
	await Dexie.delete(db.name);
});

test('a running deadline gets an alarm before the breach and one at it', async () => {
	await trackDeadline(watch, deadline, defaultAlertOptions, now);
	const alarms = await fakeBrowser.alarms.getAll();
	expect(alarms.map(alarm => [alarm.name, alarm.scheduledTime]).sort()).toEqual([
		['sla-breach|demo:h:1007', Date.parse('2026-11-02T12:40:00Z')],
		['sla-lead|demo:h:1007', Date.parse('2026-11-02T12:25:00Z')],
	]);
	expect((await watchedTickets()).map(ticket => ticket.ticketId)).toEqual(['1007']);
});

test('an answered ticket stops its countdown; a past breach schedules nothing new', async () => {
	await trackDeadline(watch, deadline, defaultAlertOptions, now);
	await trackDeadline(watch, undefined, defaultAlertOptions, now);
	expect(await fakeBrowser.alarms.getAll()).toEqual([]);
	expect(await watchedTickets()).toEqual([]);
	await trackDeadline(watch, {...deadline, breachAt: '2026-11-02T11:00:00.000Z'}, defaultAlertOptions, now);
	expect(await fakeBrowser.alarms.getAll()).toEqual([]);
});

test("an alarm notifies once, and clicking the notification focuses the ticket's tab", async () => {
	await trackDeadline(watch, deadline, defaultAlertOptions, now);
	const tab = await fakeBrowser.tabs.create({url: 'http://127.0.0.1/agent/tickets/1007', active: false});
	await trackDeadline(
		{...watch, tabId: tab.id!, windowId: tab.windowId},
		{...deadline, breachAt: '2026-11-02T12:41:00.000Z'},
		defaultAlertOptions,
		now,
	);
	expect(await onSlaAlarm(db, {name: 'sla-lead|demo:h:1007'}, defaultAlertOptions, Date.parse('2026-11-02T12:26:00Z'))).toBe('notified');
	const notifications = fakeBrowser.notifications.getAllCreateOptions();
	expect(Object.keys(notifications)).toEqual(['defuse|demo:h:1007|sla-lead']);
	expect(notifications['defuse|demo:h:1007|sla-lead']?.title).toBe('SLA breach in 15 min: ticket #1007');
	await onNotificationClicked('defuse|demo:h:1007|sla-lead');
	expect((await fakeBrowser.tabs.get(tab.id!)).active).toBe(true);
});

test('a snoozed ticket stays quiet, and the budget stops a storm of coming breaches', async () => {
	await trackDeadline(watch, deadline, defaultAlertOptions, now);
	await recordAgentAction(db, 's1', {type: 'snooze', ticketKey: watch.ticketKey, until: '2026-11-02T13:00:00.000Z'}, new Date(now));
	expect(await onSlaAlarm(db, {name: 'sla-lead|demo:h:1007'}, defaultAlertOptions, now + 60_000)).toBe('snoozed');

	const budget = {...defaultAlertOptions, budget: {maxFlagsPerAgentHour: 2, minLevel: 'high' as const}};
	const outcomes: string[] = [];
	for (let index = 0; index < 4; index++) {
		const key = `demo:h:${2000 + index}`;
		await trackDeadline({...watch, ticketKey: key, ticketId: String(2000 + index)}, deadline, budget, now);
		outcomes.push(await onSlaAlarm(db, {name: `sla-lead|${key}`}, budget, now + (index + 1) * 60_000));
	}

	expect(outcomes).toEqual(['notified', 'notified', 'over-budget', 'over-budget']);
	// A breach itself always gets through.
	expect(await onSlaAlarm(db, {name: 'sla-breach|demo:h:2003'}, budget, now + 5 * 60_000)).toBe('notified');
});
