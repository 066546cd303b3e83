// Everything the options page edits, as one JSON-compatible object: its defaults, a migration for
// older saved settings, and the mapping onto what the engine takes (AssessContext). The type and its
// check are one valibot schema in settings-schema.ts, which helpdesk pages never load (they get the
// settings validated from the background); this module carries no validator so that they can use it.
// Pure: storage lives in entrypoints/.
import type {BusinessCalendar} from './calendar.ts';
import {defaultSettings as engineDefaults, type AssessContext, type AssessSettings} from './context.ts';
import type {AdapterId} from './helpdesks/adapter.ts';
import type {Settings} from './settings-schema.ts';
import type {SlaPolicy, SlaTargets} from './sla.ts';
import {templateLibrary} from './templates/library.ts';
import {describedTemplate, type Template} from './templates/template.ts';

export type {Settings, SettingsCheck, SettingsError} from './settings-schema.ts';

/** The key the settings are saved under in the extension's storage.local. */
export const settingsKey = 'settings';

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export const priorities: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];

export type TargetKey = 'firstReplyMinutes' | 'nextReplyMinutes' | 'periodicUpdateMinutes' | 'resolutionMinutes';
export const targetKeys: readonly TargetKey[] = ['firstReplyMinutes', 'nextReplyMinutes', 'periodicUpdateMinutes', 'resolutionMinutes'];
export const targetLabels: Readonly<Record<TargetKey, string>> = {
	firstReplyMinutes: 'First reply',
	nextReplyMinutes: 'Next reply',
	periodicUpdateMinutes: 'Periodic update',
	resolutionMinutes: 'Resolution',
};

/** Minutes per target; null means no target for that priority. */
export type PriorityTargets = Settings['sla']['targets'][Priority];
export type SlaSettings = Settings['sla'];
export type SiteSetting = Settings['sites'][string];

export const defaultSettings: Settings = {
	version: 1,
	agent: {name: '', signature: ''},
	sla: {
		hours: 'calendar',
		calendar: {
			timezone: 'UTC',
			weekly: {
				mon: [['09:00', '17:00']],
				tue: [['09:00', '17:00']],
				wed: [['09:00', '17:00']],
				thu: [['09:00', '17:00']],
				fri: [['09:00', '17:00']],
			},
			holidays: [],
		},
		targets: {
			urgent: {firstReplyMinutes: 60, nextReplyMinutes: 120, periodicUpdateMinutes: 240, resolutionMinutes: 1440},
			high: {firstReplyMinutes: 240, nextReplyMinutes: 480, periodicUpdateMinutes: 1440, resolutionMinutes: 2880},
			normal: {firstReplyMinutes: 480, nextReplyMinutes: 1440, periodicUpdateMinutes: 2880, resolutionMinutes: 7200},
			low: {firstReplyMinutes: 1440, nextReplyMinutes: 2880, periodicUpdateMinutes: 4320, resolutionMinutes: 14_400},
		},
	},
	risk: {thresholds: {...engineDefaults.thresholds}, alertBudget: {...engineDefaults.alertBudget}},
	notifications: {enabled: true, leadMinutes: 15},
	phrases: {disabledFamilies: [], disabledPacks: [], userPacks: []},
	templates: {disabled: [], user: []},
	sites: {},
	data: {retentionDays: 730},
};

export {situations} from './templates/template.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `https://help.example.org` as typed, or why it is not an origin. */
export function parseOrigin(input: string): {ok: true; origin: string} | {ok: false; message: string} {
	const text = input.trim().replace(/\/+$/, '');
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return {ok: false, message: 'Enter an address such as https://help.example.org'};
	}

	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return {ok: false, message: 'The address must start with https:// or http://'};
	}

	if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
		return {ok: false, message: `Enter only the site's address (${url.origin}), without a path`};
	}

	return {ok: true, origin: url.origin};
}

// Fields whose value is a whole map or list: a saved one is kept as it is, never merged with defaults
// (a closed Monday must stay closed).
const leafPaths = new Set(['sla.calendar.weekly', 'sla.calendar.holidays', 'sites']);

function fill(defaults: unknown, value: unknown, path: string): unknown {
	if (value === undefined) {
		return structuredClone(defaults);
	}

	if (!isRecord(defaults) || !isRecord(value) || leafPaths.has(path)) {
		return value;
	}

	const result: Record<string, unknown> = {...value};
	for (const [key, fallback] of Object.entries(defaults)) {
		result[key] = fill(fallback, value[key], path ? `${path}.${key}` : key);
	}

	return result;
}

/**
 * Saved settings from an older version, with every missing field filled from the defaults.
 * Pass the result to validateSettings.
 */
export function migrateSettings(value: unknown): unknown {
	if (!isRecord(value)) {
		return structuredClone(defaultSettings);
	}

	const input: Record<string, unknown> = {...value};
	// Before version 1 a site was just the adapter id.
	if (isRecord(input['sites'])) {
		input['sites'] = Object.fromEntries(
			Object.entries(input['sites']).map(([origin, site]) => [origin, typeof site === 'string' ? {adapter: site} : site]),
		);
	}

	input['version'] ??= 1;
	return fill(defaultSettings, input, '');
}

/** The engine's settings (AssessContext.settings). */
export function assessSettingsOf(settings: Settings): AssessSettings {
	return {
		...engineDefaults,
		thresholds: {...settings.risk.thresholds},
		alertBudget: {...settings.risk.alertBudget},
		disabledPhraseFamilies: [...settings.phrases.disabledFamilies],
		disabledPhrasePacks: [...settings.phrases.disabledPacks],
		extraPhrasePacks: settings.phrases.userPacks,
	};
}

function toTargets(row: PriorityTargets): SlaTargets {
	const targets: SlaTargets = {};
	for (const key of targetKeys) {
		const minutes = row[key];
		if (minutes !== null) {
			targets[key] = minutes;
		}
	}

	return targets;
}

/** The engine's SLA input (AssessContext.sla): one policy with a target set per priority, 'normal' as the default. */
export function slaOf(settings: Settings): {policy: SlaPolicy; calendar?: BusinessCalendar | undefined} {
	const {hours, calendar, targets} = settings.sla;
	const business = hours === 'business';
	const policy: SlaPolicy = {
		id: 'settings',
		name: business ? 'Your SLA (business hours)' : 'Your SLA (calendar hours)',
		hours,
		...(business ? {calendar} : {}),
		targets: {
			default: toTargets(targets.normal),
			urgent: toTargets(targets.urgent),
			high: toTargets(targets.high),
			normal: toTargets(targets.normal),
			low: toTargets(targets.low),
		},
	};
	return business ? {policy, calendar} : {policy};
}

/** Settings' part of an AssessContext: spread it into the context passed to assess(). */
export function contextOf(settings: Settings): Pick<AssessContext, 'settings' | 'sla' | 'agent'> {
	return {
		settings: assessSettingsOf(settings),
		sla: slaOf(settings),
		agent: {name: settings.agent.name || undefined, signature: settings.agent.signature || undefined},
	};
}

/** Origin -> adapter id, for pickAdapter(url, adapters, originMapOf(settings)). */
export function originMapOf(settings: Settings): Record<string, AdapterId> {
	return Object.fromEntries(Object.entries(settings.sites).map(([origin, site]) => [origin, site.adapter]));
}

/** The templates in use: built-ins not disabled, with the user's replacing same-id built-ins, then the user's new ones. */
export function templatesOf(settings: Settings, builtIn: readonly Template[] = templateLibrary): Template[] {
	const user = new Map(settings.templates.user.map(template => [template.id, template]));
	const disabled = new Set(settings.templates.disabled);
	const result = builtIn.filter(template => !disabled.has(template.id)).map(template => user.get(template.id) ?? template);
	const builtInIds = new Set(builtIn.map(template => template.id));
	// The team's own templates are saved without labels: they get the built-in ones for their keys.
	return [...result, ...settings.templates.user.filter(template => !builtInIds.has(template.id) && !disabled.has(template.id))].map(
		template => (user.has(template.id) ? describedTemplate(template) : template),
	);
}

/**
 * The host permission / content script pattern for a site: its scheme and host, every port
 * (Firefox does not allow a port in match patterns; the origin map still tells ports apart).
 */
export function sitePattern(origin: string): string {
	const url = new URL(origin);
	return `${url.protocol}//${url.hostname}/*`;
}
