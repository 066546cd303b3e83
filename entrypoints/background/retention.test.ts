import 'fake-indexeddb/auto';
import {Dexie} from 'dexie';
import {fakeBrowser} from 'wxt/testing/fake-browser';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {defaultSettings} from '../../core/settings.ts';
import {openDb, type DefuseDb} from '../../core/store/db.ts';
import {keepImport, keptImports, openImportCache} from '../../core/store/imports.ts';
import {recordObservation} from '../../core/store/writes.ts';
import {saveSettings} from '../shared/settings-store.ts';
import {applyRetention, deleteEverything} from './retention.ts';
import {defaultAlertOptions, trackDeadline, watchedTickets} from './sla-alerts.ts';

const now = new Date('2026-11-02T12:00:00Z');
const dayMs = 86_400_000;
let db: DefuseDb;
let importsName: string;

beforeEach(() => {
	fakeBrowser.reset();
	db = openDb({name: `retention-${Math.random()}`});
	importsName = `imports-${Math.random()}`;
});

afterEach(async () => {
	db.close();
	await Dexie.delete(db.name);
	await Dexie.delete(importsName);
});

async function fill(savedAt: number, breachAt: number): Promise<void> {
	const snapshot = {
		helpdesk: 'demo',
		ticketId: '7',
		url: 'http://127.0.0.1/t/7',
		subject: 'Insulin order lost',
		messages: [{role: 'customer' as const, text: 'Where is my prescription?'}],
	};
	await recordObservation(db, snapshot, undefined, new Date(savedAt));
	const cache = openImportCache({name: importsName});
	await keepImport(cache, {
		id: 'zendesk:export.csv:1:1',
		savedAt,
		info: {},
		data: {dataset: {tickets: [{requesterKey: 'zendesk:acme:email:alice@example.com'}]}},
	});
	cache.close();
	await trackDeadline(
		{ticketKey: 'demo:127.0.0.1:7', ticketId: '7', subject: 'Insulin order lost', helpdeskName: 'demo', tabId: 3, level: 'high'},
		{
			metric: 'first-reply',
			targetMinutes: 60,
			since: new Date(breachAt - 3_600_000).toISOString(),
			breachAt: new Date(breachAt).toISOString(),
		},
		defaultAlertOptions,
		breachAt - 3_600_000,
	);
	await fakeBrowser.notifications.create('defuse|demo:127.0.0.1:7|sla-lead', {
		type: 'basic',
		iconUrl: 'icon.png',
		title: 'SLA breach soon',
		message: 'Insulin order lost',
	});
}

test('"Delete everything" reaches the kept imports, the SLA watch list, its alarms and notifications, and all extension storage', async () => {
	await fill(now.getTime(), now.getTime() + 3_600_000);
	await fakeBrowser.storage.local.set({other: 'left behind'});
	expect(await watchedTickets()).toHaveLength(1);
	expect((await fakeBrowser.alarms.getAll()).map(alarm => alarm.name)).toContain('sla-breach|demo:127.0.0.1:7');

	expect(await deleteEverything(db, importsName)).toEqual({ok: true});
	expect(await db.tickets.count()).toBe(0);
	expect(await db.messages.count()).toBe(0);
	expect(await Dexie.exists(importsName)).toBe(false);
	expect(await watchedTickets()).toEqual([]);
	expect((await fakeBrowser.alarms.getAll()).filter(alarm => alarm.name.startsWith('sla-'))).toEqual([]);
	expect(await fakeBrowser.notifications.getAll()).toEqual({});
	expect(await fakeBrowser.storage.local.get(null)).toEqual({});
	expect(await fakeBrowser.storage.session.get(null)).toEqual({});
});

test('retention covers the kept imports and the SLA watch list too, and leaves what is recent', async () => {
	expect((await saveSettings({...defaultSettings, data: {...defaultSettings.data, retentionDays: 30}})).ok).toBe(true);
	const old = now.getTime() - 40 * dayMs;
	await fill(old, old + 3_600_000);
	const cache = openImportCache({name: importsName});
	await keepImport(cache, {id: 'survey:recent.csv:1:1', savedAt: now.getTime() - dayMs, info: {}, data: {}});
	cache.close();

	const counts = await applyRetention(db, now, () => openImportCache({name: importsName}));
	expect(counts).toMatchObject({tickets: 1, imports: 1, countdowns: 1});
	const after = openImportCache({name: importsName});
	expect((await keptImports(after)).map(entry => entry.id)).toEqual(['survey:recent.csv:1:1']);
	after.close();
	expect(await watchedTickets()).toEqual([]);
	expect(await fakeBrowser.alarms.getAll()).toEqual([]);
	expect(await fakeBrowser.notifications.getAll()).toEqual({});
});
