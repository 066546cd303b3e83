// Everything the options page edits, as one JSON-compatible object: its type, defaults, a validator
// with messages a person can act on (keyed by field path), a migration for older saved settings,
// and the mapping onto what the engine takes (AssessContext). Pure: storage lives in entrypoints/.
import {validateCalendar, type BusinessCalendar, type Weekday} from './calendar.ts';
import {defaultSettings as engineDefaults, type AlertBudget, type AssessContext, type AssessSettings, type Thresholds} from './context.ts';
import type {AdapterId} from './helpdesks/adapter.ts';
import {validateCustomConfig, type CustomConfig} from './helpdesks/custom.ts';
import {triggers} from './model.ts';
import {phraseFamilies, validatePhrasePack, type PhraseFamily, type PhrasePack} from './signals/phrases.ts';
import type {SlaPolicy, SlaTargets} from './sla.ts';
import {templateLibrary} from './templates/library.ts';
import {describedTemplate, situations, validateTemplate, type Template} from './templates/template.ts';

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
export type PriorityTargets = Record<TargetKey, number | null>;

export type SlaSettings = {
	/** 'business' counts only the calendar's open hours. */
	hours: 'calendar' | 'business';
	/** Used when hours is 'business'. */
	calendar: BusinessCalendar;
	/** A ticket without a known priority uses 'normal'. */
	targets: Record<Priority, PriorityTargets>;
};

export type SiteSetting = {
	adapter: AdapterId;
	/** Required when adapter is 'custom': the selectors the custom adapter reads with. */
	custom?: CustomConfig | undefined;
};

export type Settings = {
	version: 1;
	/** Fill {{agent.name}} and {{agent.signature}} in templates. */
	agent: {name: string; signature: string};
	sla: SlaSettings;
	risk: {thresholds: Thresholds; alertBudget: AlertBudget};
	notifications: {
		enabled: boolean;
		/** Notify this many minutes before a watched ticket breaches its SLA. */
		leadMinutes: number;
	};
	phrases: {
		/** 'urgency' (every language) or 'en:urgency' (one built-in pack). */
		disabledFamilies: Array<PhraseFamily | `${string}:${PhraseFamily}`>;
		/** Built-in packs (by id, = language) to leave out. */
		disabledPacks: string[];
		/** The user's own packs; one with a built-in id adds phrases to that pack. */
		userPacks: PhrasePack[];
	};
	templates: {
		/** Built-in template ids to leave out. */
		disabled: string[];
		/** The user's own templates; one with a built-in id replaces that template. */
		user: Template[];
	};
	/** Origin (https://help.example.org) -> how Defuse reads pages there. */
	sites: Record<string, SiteSetting>;
	data: {
		/** Stored tickets, messages, observations and events older than this are deleted; 0 keeps everything. */
		retentionDays: number;
	};
};

export type SettingsError = {path: string; message: string};
export type SettingsCheck = {ok: true; settings: Settings} | {ok: false; errors: SettingsError[]};

const minutesPerYear = 525_600;

export const defaultSettings: Settings = {
	version: 1,
	agent: {name: '', signature: ''},
	sla: {
		hours: 'calendar',
		calendar: {
			timezone: 'UTC',
			weekly: {mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']]},
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

const adapterIdSet: Record<AdapterId, true> = {
	demo: true, zendesk: true, freshdesk: true, helpscout: true, intercom: true, front: true, zammad: true, freescout: true, chatwoot: true, osticket: true, custom: true,
};
export const adapterIds = Object.keys(adapterIdSet) as AdapterId[];

export {situations} from './templates/template.ts';

const weekdayNames: Readonly<Record<Weekday, string>> = {mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday'};
const levelNames = {watch: 'Watch', high: 'High', critical: 'Critical'} as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(item => typeof item === 'string');

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

type Context = {errors: SettingsError[]};

function wholeNumber(context: Context, value: unknown, path: string, label: string, min: number, max: number, unit: string): number | undefined {
	if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) {
		context.errors.push({path, message: `${label} must be a whole number of ${unit}`});
		return undefined;
	}

	if (value < min || value > max) {
		context.errors.push({path, message: `${label} must be between ${min} and ${max} ${unit}`});
		return undefined;
	}

	return value;
}

function text(context: Context, value: unknown, path: string, label: string, maxChars: number): string | undefined {
	if (typeof value !== 'string') {
		context.errors.push({path, message: `${label} must be text`});
		return undefined;
	}

	if (value.length > maxChars) {
		context.errors.push({path, message: `${label} is too long (${value.length} characters; at most ${maxChars})`});
		return undefined;
	}

	return value;
}

function section(context: Context, value: unknown, path: string, label: string): Record<string, unknown> {
	if (isRecord(value)) {
		return value;
	}

	context.errors.push({path, message: `${label} is missing or not an object`});
	return {};
}

function calendarErrorPath(message: string): string {
	const day = /^(mon|tue|wed|thu|fri|sat|sun)\b/.exec(message)?.[1];
	if (day) {
		return `sla.calendar.weekly.${day}`;
	}

	if (message.includes('time zone') || message.startsWith('timezone')) {
		return 'sla.calendar.timezone';
	}

	return message.includes('holiday') ? 'sla.calendar.holidays' : 'sla.calendar';
}

function calendarMessage(message: string): string {
	const match = /^(mon|tue|wed|thu|fri|sat|sun)(?:\[(\d+)\])?:?\s*(.*)$/.exec(message);
	if (match) {
		const [, day = 'mon', index, rest = ''] = match;
		return `${weekdayNames[day as Weekday]}${index === undefined ? '' : `, hours ${Number(index) + 1}`}: ${rest}`;
	}

	return message.charAt(0).toUpperCase() + message.slice(1);
}

function checkSla(context: Context, value: unknown): SlaSettings | undefined {
	const sla = section(context, value, 'sla', 'SLA');
	let hours: SlaSettings['hours'] | undefined;
	if (sla['hours'] === 'calendar' || sla['hours'] === 'business') {
		hours = sla['hours'];
	} else {
		context.errors.push({path: 'sla.hours', message: 'Choose calendar hours or business hours'});
	}

	const calendarCheck = validateCalendar(sla['calendar']);
	let calendar: BusinessCalendar | undefined;
	if (calendarCheck.ok) {
		calendar = calendarCheck.calendar;
		const open = Object.values(calendar.weekly).some(ranges => ranges.length > 0);
		if (!open && hours === 'business') {
			context.errors.push({path: 'sla.calendar.weekly', message: 'Business hours need at least one open day; add opening hours or count calendar hours'});
		}

		calendar = {...calendar, holidays: [...new Set(calendar.holidays)].sort()};
	} else {
		for (const error of calendarCheck.errors) {
			context.errors.push({path: calendarErrorPath(error), message: calendarMessage(error)});
		}
	}

	const rawTargets = section(context, sla['targets'], 'sla.targets', 'SLA targets');
	const targets = {} as Record<Priority, PriorityTargets>;
	for (const priority of priorities) {
		const row = section(context, rawTargets[priority], `sla.targets.${priority}`, `Targets for ${priority} tickets`);
		const clean = {} as PriorityTargets;
		for (const key of targetKeys) {
			const raw = row[key];
			const path = `sla.targets.${priority}.${key}`;
			clean[key] = raw === null || raw === undefined ? null : wholeNumber(context, raw, path, `${targetLabels[key]} (${priority})`, 1, minutesPerYear, 'minutes') ?? null;
		}

		const {firstReplyMinutes: first, resolutionMinutes: resolution} = clean;
		if (first !== null && resolution !== null && resolution < first) {
			context.errors.push({path: `sla.targets.${priority}.resolutionMinutes`, message: `Resolution (${priority}) cannot be shorter than the first reply target (${first} minutes)`});
		}

		targets[priority] = clean;
	}

	return hours && calendar ? {hours, calendar, targets} : undefined;
}

function checkRisk(context: Context, value: unknown): Settings['risk'] | undefined {
	const risk = section(context, value, 'risk', 'Risk');
	const rawThresholds = section(context, risk['thresholds'], 'risk.thresholds', 'Thresholds');
	const thresholds: Partial<Thresholds> = {};
	for (const level of ['watch', 'high', 'critical'] as const) {
		const raw = rawThresholds[level];
		const path = `risk.thresholds.${level}`;
		if (typeof raw !== 'number' || !Number.isFinite(raw) || raw <= 0 || raw > 1) {
			context.errors.push({path, message: `${levelNames[level]} must be a score above 0 and at most 1 (for example 0.55)`});
		} else {
			thresholds[level] = raw;
		}
	}

	const {watch, high, critical} = thresholds;
	if (watch !== undefined && high !== undefined && high <= watch) {
		context.errors.push({path: 'risk.thresholds.high', message: `High must be above Watch (${watch})`});
	}

	if (high !== undefined && critical !== undefined && critical <= high) {
		context.errors.push({path: 'risk.thresholds.critical', message: `Critical must be above High (${high})`});
	}

	const budget = section(context, risk['alertBudget'], 'risk.alertBudget', 'Alert budget');
	const maxFlagsPerAgentHour = wholeNumber(context, budget['maxFlagsPerAgentHour'], 'risk.alertBudget.maxFlagsPerAgentHour', 'Alerts per hour', 0, 60, 'alerts');
	const minLevel = budget['minLevel'];
	if (minLevel !== 'watch' && minLevel !== 'high' && minLevel !== 'critical') {
		context.errors.push({path: 'risk.alertBudget.minLevel', message: 'Choose the lowest level that alerts: Watch, High or Critical'});
	}

	if (watch === undefined || high === undefined || critical === undefined || maxFlagsPerAgentHour === undefined || (minLevel !== 'watch' && minLevel !== 'high' && minLevel !== 'critical')) {
		return undefined;
	}

	return {thresholds: {watch, high, critical}, alertBudget: {maxFlagsPerAgentHour, minLevel}};
}

function checkPhrases(context: Context, value: unknown): Settings['phrases'] {
	const phrases = section(context, value, 'phrases', 'Phrase packs');
	const disabledFamilies: Settings['phrases']['disabledFamilies'] = [];
	if (isStringList(phrases['disabledFamilies'])) {
		for (const entry of new Set(phrases['disabledFamilies'])) {
			const [first = '', second] = entry.split(':');
			const family = second ?? first;
			if (!(phraseFamilies as readonly string[]).includes(family) || (second !== undefined && !/^[\w-]{1,40}$/.test(first))) {
				context.errors.push({path: 'phrases.disabledFamilies', message: `Unknown phrase family '${entry}' (known: ${phraseFamilies.join(', ')})`});
			} else {
				disabledFamilies.push(entry as PhraseFamily);
			}
		}
	} else {
		context.errors.push({path: 'phrases.disabledFamilies', message: 'Disabled families must be a list of names'});
	}

	let disabledPacks: string[] = [];
	if (isStringList(phrases['disabledPacks'])) {
		disabledPacks = [...new Set(phrases['disabledPacks'])];
	} else {
		context.errors.push({path: 'phrases.disabledPacks', message: 'Disabled packs must be a list of pack ids'});
	}

	const userPacks: PhrasePack[] = [];
	const rawPacks = phrases['userPacks'];
	if (Array.isArray(rawPacks)) {
		const seen = new Set<string>();
		for (const [index, raw] of rawPacks.entries()) {
			const path = `phrases.userPacks.${index}`;
			const check = validatePhrasePack(raw);
			if (!check.ok) {
				context.errors.push({path, message: `Phrase pack ${index + 1}: ${check.errors.join('; ')}`});
				continue;
			}

			if (seen.has(check.pack.id)) {
				context.errors.push({path, message: `Two of your phrase packs are called '${check.pack.id}'; give each its own id`});
				continue;
			}

			seen.add(check.pack.id);
			const conditionals = isRecord(raw) && isStringList(raw['conditionals']) ? raw['conditionals'] : undefined;
			userPacks.push(conditionals ? {...check.pack, conditionals} : check.pack);
		}
	} else {
		context.errors.push({path: 'phrases.userPacks', message: 'Your phrase packs must be a list'});
	}

	return {disabledFamilies, disabledPacks, userPacks};
}

/** A user template, checked more strictly than an import: known trigger and situation, sane lengths. */
export function checkTemplate(value: unknown): {ok: true; template: Template} | {ok: false; errors: string[]} {
	const check = validateTemplate(value);
	if (!check.ok) {
		return check;
	}

	const {template} = check;
	const errors: string[] = [];
	if (!/^[\w.-]{1,80}$/.test(template.id)) {
		errors.push('id may use letters, digits, dots, dashes and underscores (at most 80)');
	}

	if (template.title.length > 200) {
		errors.push('title is longer than 200 characters');
	}

	if (!/^[a-z]{2,3}$/.test(template.language)) {
		errors.push('language must be a 2-3 letter code such as en');
	}

	if (template.trigger !== 'any' && !(triggers as readonly string[]).includes(template.trigger)) {
		errors.push(`trigger must be any or one of ${triggers.join(', ')}`);
	}

	if (!(situations as readonly string[]).includes(template.situation)) {
		errors.push(`situation must be one of ${situations.join(', ')}`);
	}

	if (template.body.length > 5000) {
		errors.push('body is longer than 5000 characters');
	}

	const clean: Template = {
		id: template.id,
		title: template.title,
		language: template.language,
		trigger: template.trigger,
		situation: template.situation,
		body: template.body,
		placeholders: template.placeholders.map(placeholder => ({
			key: placeholder.key,
			required: placeholder.required,
			...(typeof placeholder.fallback === 'string' ? {fallback: placeholder.fallback} : {}),
		})),
	};
	return errors.length > 0 ? {ok: false, errors} : {ok: true, template: clean};
}

function checkTemplates(context: Context, value: unknown): Settings['templates'] {
	const templates = section(context, value, 'templates', 'Templates');
	let disabled: string[] = [];
	if (isStringList(templates['disabled'])) {
		disabled = [...new Set(templates['disabled'])];
	} else {
		context.errors.push({path: 'templates.disabled', message: 'Disabled templates must be a list of template ids'});
	}

	const user: Template[] = [];
	if (Array.isArray(templates['user'])) {
		const seen = new Set<string>();
		for (const [index, raw] of templates['user'].entries()) {
			const path = `templates.user.${index}`;
			const check = checkTemplate(raw);
			const name = isRecord(raw) && typeof raw['title'] === 'string' && raw['title'] !== '' ? `'${raw['title']}'` : String(index + 1);
			if (!check.ok) {
				context.errors.push({path, message: `Template ${name}: ${check.errors.join('; ')}`});
			} else if (seen.has(check.template.id)) {
				context.errors.push({path, message: `Template ${name}: another of your templates already has the id '${check.template.id}'`});
			} else {
				seen.add(check.template.id);
				user.push(check.template);
			}
		}
	} else {
		context.errors.push({path: 'templates.user', message: 'Your templates must be a list'});
	}

	return {disabled, user};
}

function checkSites(context: Context, value: unknown): Settings['sites'] {
	const sites: Settings['sites'] = {};
	if (!isRecord(value)) {
		context.errors.push({path: 'sites', message: 'Sites must map each address to a helpdesk'});
		return sites;
	}

	for (const [key, raw] of Object.entries(value)) {
		const base = `sites[${key}]`;
		const origin = parseOrigin(key);
		if (!origin.ok) {
			context.errors.push({path: base, message: `${key}: ${origin.message}`});
			continue;
		}

		if (origin.origin !== key) {
			context.errors.push({path: base, message: `${key}: write it as ${origin.origin}`});
			continue;
		}

		const site = isRecord(raw) ? raw : {};
		const adapter = site['adapter'];
		if (typeof adapter !== 'string' || !Object.hasOwn(adapterIdSet, adapter)) {
			context.errors.push({path: `${base}.adapter`, message: `Choose which helpdesk runs at ${key}`});
			continue;
		}

		if (adapter !== 'custom') {
			sites[key] = {adapter: adapter as AdapterId};
			continue;
		}

		const check = validateCustomConfig(site['custom'] ?? {});
		if (check.ok) {
			sites[key] = {adapter: 'custom', custom: check.config};
			continue;
		}

		for (const error of check.errors) {
			const field = /^(\w+):/.exec(error)?.[1];
			context.errors.push({path: field ? `${base}.custom.${field}` : `${base}.custom`, message: error.replace(/^(\w+):\s*/, (_whole, name: string) => `${name}: `)});
		}
	}

	return sites;
}

/** The settings, cleaned, or every problem with the field it belongs to. */
export function validateSettings(value: unknown): SettingsCheck {
	const context: Context = {errors: []};
	if (!isRecord(value)) {
		return {ok: false, errors: [{path: '', message: 'Settings must be an object'}]};
	}

	if (value['version'] !== 1) {
		context.errors.push({path: 'version', message: `Unknown settings version ${String(value['version'])}`});
	}

	const agentRaw = section(context, value['agent'], 'agent', 'Agent');
	const name = text(context, agentRaw['name'], 'agent.name', 'Your name', 100);
	const signature = text(context, agentRaw['signature'], 'agent.signature', 'Signature', 1000);
	const sla = checkSla(context, value['sla']);
	const risk = checkRisk(context, value['risk']);
	const notificationsRaw = section(context, value['notifications'], 'notifications', 'Notifications');
	const enabled = notificationsRaw['enabled'];
	if (typeof enabled !== 'boolean') {
		context.errors.push({path: 'notifications.enabled', message: 'Notifications must be on or off'});
	}

	const leadMinutes = wholeNumber(context, notificationsRaw['leadMinutes'], 'notifications.leadMinutes', 'Warning time before a breach', 1, 1440, 'minutes');
	const phrases = checkPhrases(context, value['phrases']);
	const templates = checkTemplates(context, value['templates']);
	const sites = checkSites(context, value['sites']);
	const dataRaw = section(context, value['data'], 'data', 'Data');
	const retentionDays = wholeNumber(context, dataRaw['retentionDays'], 'data.retentionDays', 'Keep data for', 0, 36_500, 'days');

	if (context.errors.length > 0 || name === undefined || signature === undefined || !sla || !risk || typeof enabled !== 'boolean' || leadMinutes === undefined || retentionDays === undefined) {
		return {ok: false, errors: context.errors};
	}

	return {
		ok: true,
		settings: {
			version: 1,
			agent: {name: name.trim(), signature: signature.trim()},
			sla,
			risk,
			notifications: {enabled, leadMinutes},
			phrases,
			templates,
			sites,
			data: {retentionDays},
		},
	};
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
		input['sites'] = Object.fromEntries(Object.entries(input['sites']).map(([origin, site]) => [origin, typeof site === 'string' ? {adapter: site} : site]));
	}

	input['version'] ??= 1;
	return fill(defaultSettings, input, '');
}

/** Stored settings as the engine should use them: migrated and validated, or the defaults with the reasons. */
export function settingsFromStorage(value: unknown): {settings: Settings; errors: SettingsError[]} {
	if (value === undefined || value === null) {
		return {settings: defaultSettings, errors: []};
	}

	const check = validateSettings(migrateSettings(value));
	return check.ok ? {settings: check.settings, errors: []} : {settings: defaultSettings, errors: check.errors};
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
	return [...result, ...settings.templates.user.filter(template => !builtInIds.has(template.id) && !disabled.has(template.id))]
		.map(template => user.has(template.id) ? describedTemplate(template) : template);
}

/**
 * The host permission / content script pattern for a site: its scheme and host, every port
 * (Firefox does not allow a port in match patterns; the origin map still tells ports apart).
 */
export function sitePattern(origin: string): string {
	const url = new URL(origin);
	return `${url.protocol}//${url.hostname}/*`;
}
