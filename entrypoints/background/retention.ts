import {browser} from '#imports';
import type {BackgroundResponse} from '../../core/messages.ts';
import {sitePattern} from '../../core/settings.ts';
import type {DefuseDb} from '../../core/store/db.ts';
import {clearStore, deleteOlderThan, type DeletedCounts} from '../../core/store/retention.ts';
import {loadSettings, resetSettings} from '../helpdesk.content/settings-client.ts';

// Retention runs once a day on an alarm (alarms survive the service worker being stopped), and once
// shortly after startup.
export const retentionAlarm = 'defuse-retention';

export async function applyRetention(db: DefuseDb, now = new Date()): Promise<DeletedCounts> {
	const {data} = await loadSettings();
	return deleteOlderThan(db, data.retentionDays, now);
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

/** "Delete everything": every table of the store, the settings, and the access granted to custom sites. */
export async function deleteEverything(db: DefuseDb): Promise<BackgroundResponse> {
	const {sites} = await loadSettings();
	await clearStore(db);
	await resetSettings();
	const patterns = Object.keys(sites).map(origin => sitePattern(origin));
	if (patterns.length > 0) {
		await browser.permissions.remove({origins: patterns}).catch(() => false);
	}

	return {ok: true};
}
