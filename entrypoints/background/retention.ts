import {browser} from '#imports';
import type {ResponseOf} from '../../core/protocol.ts';
import {sitePattern} from '../../core/settings.ts';
import type {DefuseDb} from '../../core/store/db.ts';
import {clearStore, deleteOlderThan, type DeletedCounts} from '../../core/store/retention.ts';
import {deleteImportCache, forgetImportsBefore, openImportCache, type ImportCache} from '../../core/store/imports.ts';
import {loadSettings} from '../shared/settings-store.ts';
import {forgetCountdowns} from './sla-alerts.ts';

// Retention runs once a day on an alarm (alarms survive the service worker being stopped), and once
// shortly after startup.
export const retentionAlarm = 'defuse-retention';

export type RetentionCounts = DeletedCounts & {imports: number; countdowns: number};

/**
 * Deletes what is older than the retention period everywhere Defuse keeps something: the store, the
 * dashboard's kept imports (this extension's origin) and the SLA watch list with its alarms.
 */
export async function applyRetention(
	db: DefuseDb,
	now = new Date(),
	imports: () => ImportCache = () => openImportCache(),
): Promise<RetentionCounts> {
	const {data} = await loadSettings();
	const deleted = await deleteOlderThan(db, data.retentionDays, now);
	if (!(data.retentionDays > 0)) {
		return {...deleted, imports: 0, countdowns: 0};
	}

	const cutoff = now.getTime() - data.retentionDays * 86_400_000;
	const cache = imports();
	try {
		return {...deleted, imports: await forgetImportsBefore(cache, cutoff), countdowns: await forgetCountdowns(cutoff)};
	} finally {
		cache.close();
	}
}

export function startRetention(database: () => DefuseDb): void {
	browser.alarms.onAlarm.addListener(alarm => {
		if (alarm.name === retentionAlarm) {
			applyRetention(database()).catch((error: unknown) => console.error('Defuse: retention failed', error));
		}
	});
	void browser.alarms.get(retentionAlarm).then(async existing => {
		if (!existing) {
			await browser.alarms.create(retentionAlarm, {delayInMinutes: 1, periodInMinutes: 24 * 60});
		}
	});
}

/**
 * "Delete everything": every table of the store, the dashboard's kept imports, the SLA watch list with
 * its alarms and notifications, everything in extension storage (settings included), and the access
 * granted to custom sites.
 */
export async function deleteEverything(db: DefuseDb, importCacheName?: string): Promise<ResponseOf<'delete-everything'>> {
	const {sites} = await loadSettings();
	await clearStore(db);
	await deleteImportCache(importCacheName === undefined ? {} : {name: importCacheName});
	await forgetCountdowns();
	await browser.storage.session?.clear();
	await browser.storage.local.clear();
	const patterns = Object.keys(sites).map(origin => sitePattern(origin));
	if (patterns.length > 0) {
		await browser.permissions.remove({origins: patterns}).catch(() => false);
	}

	return {ok: true};
}
