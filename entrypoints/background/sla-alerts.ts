import {browser, type Browser} from '#imports';
import type {DeadlineSummary} from '../../core/messages.ts';
import type {Level} from '../../core/model.ts';
import {mayAlert} from '../../core/risk.ts';
import {defaultSettings, type AlertBudget} from '../../core/context.ts';
import {loadSettings} from '../shared/settings-store.ts';
import type {DefuseDb} from '../../core/store/db.ts';
import {snoozedUntil} from '../../core/store/reads.ts';
import {formatDuration, textLocale} from '../../core/format.ts';

// SLA countdowns for the tickets the agent has open: an alarm before the reply target breaches (the
// lead time is a setting) and one at the breach. Alarms survive the service worker being stopped;
// what each alarm is about is kept in session storage beside it.

export type Watched = {
	ticketKey: string;
	ticketId: string;
	subject?: string | undefined;
	helpdeskName: string;
	tabId: number;
	windowId?: number | undefined;
	metric: DeadlineSummary['metric'];
	targetMinutes: number;
	breachAt: number;
	level: Level;
};

export type AlertOptions = {leadMinutes: number; enabled: boolean; budget: AlertBudget};
export const defaultAlertOptions: AlertOptions = {leadMinutes: 15, enabled: true, budget: defaultSettings.alertBudget};

/** The notification settings as saved in the options page. */
export async function alertOptions(): Promise<AlertOptions> {
	const settings = await loadSettings(); // The defaults when nothing valid is stored
	return {enabled: settings.notifications.enabled, leadMinutes: settings.notifications.leadMinutes, budget: settings.risk.alertBudget};
}

const separator = '|';
const watchedKey = (ticketKey: string) => `sla-watch${separator}${ticketKey}`;
const alertTimesKey = 'sla-alert-times';
const alarmName = (kind: 'lead' | 'breach', ticketKey: string) => `sla-${kind}${separator}${ticketKey}`;

// Session storage is cleared with the browser session, as open tabs are; older browsers fall back to local.
const area = (): Browser.storage.StorageArea => browser.storage.session ?? browser.storage.local;

/** Starts, moves or stops the countdown of a ticket after each observation of it. */
export async function trackDeadline(
	watch: Omit<Watched, 'breachAt' | 'metric' | 'targetMinutes'>,
	deadline: DeadlineSummary | undefined,
	options: AlertOptions,
	nowMs: number,
): Promise<void> {
	const breachAt = deadline?.breachAt ? Date.parse(deadline.breachAt) : Number.NaN;
	if (!options.enabled || !deadline || !Number.isFinite(breachAt)) {
		await stopTracking(watch.ticketKey);
		return;
	}

	const previous = (await area().get(watchedKey(watch.ticketKey)))[watchedKey(watch.ticketKey)] as Watched | undefined;
	await area().set({
		[watchedKey(watch.ticketKey)]: {...watch, metric: deadline.metric, targetMinutes: deadline.targetMinutes, breachAt} satisfies Watched,
	});
	if (previous?.breachAt === breachAt) {
		return; // Same deadline: the alarms already stand
	}

	const lead = breachAt - options.leadMinutes * 60_000;
	await browser.alarms.clear(alarmName('lead', watch.ticketKey));
	await browser.alarms.clear(alarmName('breach', watch.ticketKey));
	if (lead > nowMs) {
		await browser.alarms.create(alarmName('lead', watch.ticketKey), {when: lead});
	}

	if (breachAt > nowMs) {
		await browser.alarms.create(alarmName('breach', watch.ticketKey), {when: breachAt});
	}
}

export async function stopTracking(ticketKey: string): Promise<void> {
	await area().remove(watchedKey(ticketKey));
	await browser.alarms.clear(alarmName('lead', ticketKey));
	await browser.alarms.clear(alarmName('breach', ticketKey));
}

/** Tickets with a running countdown, soonest breach first. */
export async function watchedTickets(): Promise<Watched[]> {
	const all = await area().get(null);
	return Object.entries(all)
		.filter(([key]) => key.startsWith(`sla-watch${separator}`))
		.map(([, value]) => value as Watched)
		.sort((a, b) => a.breachAt - b.breachAt);
}

/** Handles a countdown alarm: one notification, unless the ticket is snoozed or the alert budget is spent. */
export async function onSlaAlarm(
	db: DefuseDb,
	alarm: {name: string},
	options: AlertOptions,
	nowMs: number,
): Promise<'notified' | 'snoozed' | 'over-budget' | 'unknown'> {
	const [kind, ...rest] = alarm.name.split(separator);
	const ticketKey = rest.join(separator);
	if (kind !== 'sla-lead' && kind !== 'sla-breach') {
		return 'unknown';
	}

	const watched = (await area().get(watchedKey(ticketKey)))[watchedKey(ticketKey)] as Watched | undefined;
	if (!watched) {
		return 'unknown';
	}

	if (await snoozedUntil(db, ticketKey, new Date(nowMs))) {
		return 'snoozed';
	}

	// A breach is as urgent as it gets; a coming breach alerts within the budget.
	const level: Level = kind === 'sla-breach' ? 'critical' : 'high';
	const times = ((await area().get(alertTimesKey))[alertTimesKey] as number[] | undefined) ?? [];
	if (!mayAlert(level, nowMs, times, {...options.budget, minLevel: 'watch'})) {
		return 'over-budget';
	}

	await area().set({[alertTimesKey]: [...times.filter(time => time > nowMs - 3_600_000), nowMs]});
	const what = watched.metric === 'first-reply' ? 'first reply' : 'next reply';
	const title =
		kind === 'sla-breach'
			? `SLA breached: ticket #${watched.ticketId}`
			: `SLA breach in ${formatDuration(watched.breachAt - nowMs, textLocale)}: ticket #${watched.ticketId}`;
	await browser.notifications.create(`defuse${separator}${ticketKey}${separator}${kind}`, {
		type: 'basic',
		iconUrl: browser.runtime.getURL('/icon/128.png'),
		title,
		message: `${watched.subject ?? 'A ticket'} (${watched.helpdeskName}): the ${what} target of ${formatDuration(watched.targetMinutes * 60_000, textLocale)} ${kind === 'sla-breach' ? 'has passed' : 'is close'}. Click to open the ticket.`,
		priority: kind === 'sla-breach' ? 2 : 1,
	});
	return 'notified';
}

/** Clicking a notification brings the ticket's tab to the front. */
export async function onNotificationClicked(notificationId: string): Promise<void> {
	const [prefix, ...rest] = notificationId.split(separator);
	if (prefix !== 'defuse') {
		return;
	}

	const ticketKey = rest.slice(0, -1).join(separator);
	const watched = (await area().get(watchedKey(ticketKey)))[watchedKey(ticketKey)] as Watched | undefined;
	if (!watched) {
		return;
	}

	try {
		await browser.tabs.update(watched.tabId, {active: true});
		if (watched.windowId !== undefined) {
			await browser.windows.update(watched.windowId, {focused: true});
		}
	} catch {
		// The tab was closed since
	}

	await browser.notifications.clear(notificationId);
}

/**
 * Stops every countdown whose breach is before `beforeMs` (all of them without it): their watch entries
 * (which hold ticket subjects), their alarms and any notification still shown. Returns how many.
 */
export async function forgetCountdowns(beforeMs = Number.POSITIVE_INFINITY): Promise<number> {
	const stale = (await watchedTickets()).filter(watched => watched.breachAt < beforeMs);
	for (const watched of stale) {
		await stopTracking(watched.ticketKey);
	}

	const shown = Object.keys(await browser.notifications.getAll());
	for (const id of shown) {
		const [prefix, ...rest] = id.split(separator);
		const ticketKey = rest.slice(0, -1).join(separator);
		if (prefix === 'defuse' && (beforeMs === Number.POSITIVE_INFINITY || stale.some(watched => watched.ticketKey === ticketKey))) {
			await browser.notifications.clear(id);
		}
	}

	if (beforeMs === Number.POSITIVE_INFINITY) {
		for (const alarm of await browser.alarms.getAll()) {
			if (alarm.name.startsWith('sla-')) {
				await browser.alarms.clear(alarm.name);
			}
		}

		await area().remove(alertTimesKey);
	}

	return stale.length;
}
