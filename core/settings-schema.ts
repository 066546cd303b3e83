// The settings' check, as one valibot schema that also defines the Settings type: every field with
// the message the options page shows beside it (keyed by the field's path: `risk.thresholds.high`,
// `sites[https://help.example.org].adapter`, `templates.user.2`), and the cross-field rules
// (thresholds rising from watch to critical, resolution after first reply, business hours with an
// open day). The calendar, phrase packs and custom selectors are checked by their own modules'
// validators, which snapshots, the CLI and the selector probe share; here they are wrapped so their
// problems land on the field they belong to.
//
// Helpdesk pages never load this module: the background validates the settings and sends them over.
import * as v from 'valibot';
import {validateCalendar, type BusinessCalendar, type Weekday} from './calendar.ts';
import type {AlertBudget, Thresholds} from './context.ts';
import type {AdapterId} from './helpdesks/adapter.ts';
import {validateCustomConfig, type CustomConfig} from './helpdesks/custom.ts';
import {triggers, type Trigger} from './model.ts';
import type {Assert, Same} from './schema.ts';
import {adapterIds} from './helpdesks/registry.ts';
import {defaultSettings, migrateSettings, parseOrigin, situations, targetLabels, type Priority, type TargetKey} from './settings.ts';
import {isPhraseFamily, phraseFamilies, validatePhrasePack, type PhraseFamily, type PhrasePack} from './signals/phrases.ts';
import type {Placeholder, Template} from './templates/template.ts';

export type SettingsError = {path: string; message: string};

const minutesPerYear = 525_600;
const weekdayNames: Readonly<Record<Weekday, string>> = {
	mon: 'Monday',
	tue: 'Tuesday',
	wed: 'Wednesday',
	thu: 'Thursday',
	fri: 'Friday',
	sat: 'Saturday',
	sun: 'Sunday',
};
const levelNames = {watch: 'Watch', high: 'High', critical: 'Critical'} as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
// Array.from: a hole in a sparse list is undefined, not skipped.
const isStringList = (value: unknown): value is string[] =>
	Array.isArray(value) && Array.from(value).every(item => typeof item === 'string');
const unique = (list: string[]): string[] => [...new Set(list)];

/** A path item for an issue raised by hand, below the value being checked. */
function pathTo(input: unknown, keys: ReadonlyArray<string | number>): [v.IssuePathItem, ...v.IssuePathItem[]] | undefined {
	const items: v.IssuePathItem[] = [];
	let current = input;
	for (const key of keys) {
		const value = isRecord(current) || Array.isArray(current) ? (current as Record<string | number, unknown>)[key] : undefined;
		items.push({type: 'unknown', origin: 'value', input: current, key, value});
		current = value;
	}

	const [first, ...rest] = items;
	return first ? [first, ...rest] : undefined;
}

/**
 * An object with these fields. `message` when the value is not an object; a missing field gets the
 * message its own schema gives for an undefined value (`Your name must be text`).
 */
function fields<T extends v.ObjectEntries>(entries: T, message: string) {
	const missing = (key: string): string => {
		const schema = entries[key];
		return (schema && v.safeParse(schema, undefined).issues?.[0]?.message) ?? `${key} is missing`;
	};

	return v.pipe(
		v.custom<Record<string, unknown>>(isRecord, message),
		v.object(entries, issue => {
			const item = issue.path?.[0];
			return item?.origin === 'key' && typeof item.key === 'string' ? missing(item.key) : message;
		}),
	);
}

/**
 * Ends a field's pipe: a value that failed a check of the pipe counts as untyped, so later checks and
 * cross-field rules (partialCheck) leave it alone, as they would a value of the wrong type.
 */
const checked = <T>() => v.transform((value: T) => value);

function wholeNumber(label: string, min: number, max: number, unit: string) {
	const type = `${label} must be a whole number of ${unit}`;
	return v.pipe(
		v.number(type),
		v.rawCheck<number>(({dataset, addIssue}) => {
			if (!dataset.typed) {
				return;
			}

			if (!Number.isInteger(dataset.value)) {
				addIssue({message: type});
			} else if (dataset.value < min || dataset.value > max) {
				addIssue({message: `${label} must be between ${min} and ${max} ${unit}`});
			}
		}),
		checked<number>(),
	);
}

function text(label: string, maxChars: number) {
	return v.pipe(
		v.string(`${label} must be text`),
		v.maxLength(maxChars, issue => `${label} is too long (${String((issue.input as string).length)} characters; at most ${maxChars})`),
		v.trim(),
	);
}

const stringList = (message: string) => v.custom<string[]>(isStringList, message);

// Calendar: checked by validateCalendar; its problems ('mon[0]: end 09:00 must be after start 18:00')
// are moved onto the weekday, time zone or holiday field, reworded for a person.
function calendarField(message: string): ReadonlyArray<string> {
	const day = /^(mon|tue|wed|thu|fri|sat|sun)\b/.exec(message)?.[1];
	if (day) {
		return ['weekly', day];
	}

	if (message.includes('time zone') || message.startsWith('timezone')) {
		return ['timezone'];
	}

	return message.includes('holiday') ? ['holidays'] : [];
}

function calendarMessage(message: string): string {
	const match = /^(mon|tue|wed|thu|fri|sat|sun)(?:\[(\d+)\])?:?\s*(.*)$/.exec(message);
	if (match) {
		const [, day = 'mon', index, rest = ''] = match;
		return `${weekdayNames[day as Weekday]}${index === undefined ? '' : `, hours ${Number(index) + 1}`}: ${rest}`;
	}

	return message.charAt(0).toUpperCase() + message.slice(1);
}

const calendarSchema = v.pipe(
	v.unknown(),
	v.rawTransform(({dataset, addIssue, NEVER}): BusinessCalendar => {
		const check = validateCalendar(dataset.value);
		if (check.ok) {
			return {...check.calendar, holidays: unique(check.calendar.holidays).sort()};
		}

		for (const error of check.errors) {
			addIssue({message: calendarMessage(error), path: pathTo(dataset.value, calendarField(error))});
		}

		return NEVER;
	}),
);

function targetRow(priority: Priority) {
	const minutes = (key: TargetKey) => v.nullish(wholeNumber(`${targetLabels[key]} (${priority})`, 1, minutesPerYear, 'minutes'), null);
	return v.pipe(
		fields(
			{
				firstReplyMinutes: minutes('firstReplyMinutes'),
				nextReplyMinutes: minutes('nextReplyMinutes'),
				periodicUpdateMinutes: minutes('periodicUpdateMinutes'),
				resolutionMinutes: minutes('resolutionMinutes'),
			},
			`Targets for ${priority} tickets is missing or not an object`,
		),
		v.forward(
			v.partialCheck(
				[['firstReplyMinutes'], ['resolutionMinutes']],
				({firstReplyMinutes: first, resolutionMinutes: resolution}) => first === null || resolution === null || resolution >= first,
				issue =>
					`Resolution (${priority}) cannot be shorter than the first reply target (${String((issue.input as {firstReplyMinutes: number}).firstReplyMinutes)} minutes)`,
			),
			['resolutionMinutes'],
		),
	);
}

const slaSchema = v.pipe(
	fields(
		{
			hours: v.picklist(['calendar', 'business'], 'Choose calendar hours or business hours'),
			calendar: calendarSchema,
			targets: fields(
				{
					urgent: targetRow('urgent'),
					high: targetRow('high'),
					normal: targetRow('normal'),
					low: targetRow('low'),
				} satisfies Record<Priority, unknown>,
				'SLA targets is missing or not an object',
			),
		},
		'SLA is missing or not an object',
	),
	v.forward(
		v.partialCheck(
			[['hours'], ['calendar']],
			({hours, calendar}) => hours !== 'business' || Object.values(calendar.weekly).some(ranges => ranges.length > 0),
			'Business hours need at least one open day; add opening hours or count calendar hours',
		),
		['calendar', 'weekly'],
	),
);

const score = (level: keyof typeof levelNames) => {
	const message = `${levelNames[level]} must be a score above 0 and at most 1 (for example 0.55)`;
	return v.pipe(v.number(message), v.gtValue(0, message), v.maxValue(1, message), checked<number>());
};

const riskSchema = fields(
	{
		thresholds: v.pipe(
			fields({watch: score('watch'), high: score('high'), critical: score('critical')}, 'Thresholds is missing or not an object'),
			v.forward(
				v.partialCheck(
					[['watch'], ['high']],
					({watch, high}) => high > watch,
					issue => `High must be above Watch (${String((issue.input as Thresholds).watch)})`,
				),
				['high'],
			),
			v.forward(
				v.partialCheck(
					[['high'], ['critical']],
					({high, critical}) => critical > high,
					issue => `Critical must be above High (${String((issue.input as Thresholds).high)})`,
				),
				['critical'],
			),
		),
		alertBudget: fields(
			{
				maxFlagsPerAgentHour: wholeNumber('Alerts per hour', 0, 60, 'alerts'),
				minLevel: v.picklist(['watch', 'high', 'critical'], 'Choose the lowest level that alerts: Watch, High or Critical'),
			},
			'Alert budget is missing or not an object',
		),
	},
	'Risk is missing or not an object',
);

type FamilyEntry = PhraseFamily | `${string}:${PhraseFamily}`;

/** 'urgency' (every language) or 'en:urgency' (one pack). */
function isFamilyEntry(entry: string): entry is FamilyEntry {
	const [first = '', second] = entry.split(':');
	return isPhraseFamily(second ?? first) && (second === undefined || /^[\w-]{1,40}$/.test(first));
}

const phrasesSchema = fields(
	{
		disabledFamilies: v.pipe(
			stringList('Disabled families must be a list of names'),
			v.rawTransform(({dataset, addIssue}) => {
				const entries: FamilyEntry[] = [];
				for (const entry of unique(dataset.value)) {
					if (isFamilyEntry(entry)) {
						entries.push(entry);
					} else {
						addIssue({message: `Unknown phrase family '${entry}' (known: ${phraseFamilies.join(', ')})`});
					}
				}

				return entries;
			}),
		),
		disabledPacks: v.pipe(stringList('Disabled packs must be a list of pack ids'), v.transform(unique)),
		// Each pack is checked by the engine's own validatePhrasePack; its problems are named per pack.
		userPacks: v.pipe(
			v.array(v.unknown(), 'Your phrase packs must be a list'),
			v.rawTransform(({dataset, addIssue}) => {
				const packs: PhrasePack[] = [];
				const seen = new Set<string>();
				for (const [index, raw] of dataset.value.entries()) {
					const path = pathTo(dataset.value, [index]);
					const check = validatePhrasePack(raw);
					if (!check.ok) {
						addIssue({message: `Phrase pack ${index + 1}: ${check.errors.join('; ')}`, path});
					} else if (seen.has(check.pack.id)) {
						addIssue({message: `Two of your phrase packs are called '${check.pack.id}'; give each its own id`, path});
					} else {
						seen.add(check.pack.id);
						const conditionals = isRecord(raw) && isStringList(raw['conditionals']) ? raw['conditionals'] : undefined;
						packs.push(conditionals ? {...check.pack, conditionals} : check.pack);
					}
				}

				return packs;
			}),
		),
	},
	'Phrase packs is missing or not an object',
);

const nonEmpty = (key: string) => {
	const message = `${key} must be a non-empty string`;
	return v.pipe(v.string(message), v.minLength(1, message), checked<string>());
};

const templateTriggers: ReadonlyArray<Trigger | 'any'> = ['any', ...triggers];
const placeholdersMessage = 'placeholders must be a list of {key, required, fallback?}';

/** A user's template: known trigger and situation, sane lengths; a fallback that is not text is dropped. */
export const templateSchema = fields(
	{
		id: v.pipe(nonEmpty('id'), v.regex(/^[\w.-]{1,80}$/, 'id may use letters, digits, dots, dashes and underscores (at most 80)')),
		title: v.pipe(nonEmpty('title'), v.maxLength(200, 'title is longer than 200 characters')),
		language: v.pipe(nonEmpty('language'), v.regex(/^[a-z]{2,3}$/, 'language must be a 2-3 letter code such as en')),
		trigger: v.pipe(nonEmpty('trigger'), v.picklist(templateTriggers, `trigger must be any or one of ${triggers.join(', ')}`)),
		situation: v.pipe(nonEmpty('situation'), v.picklist(situations, `situation must be one of ${situations.join(', ')}`)),
		body: v.pipe(nonEmpty('body'), v.maxLength(5000, 'body is longer than 5000 characters')),
		placeholders: v.array(
			v.pipe(
				v.object(
					{key: v.string(placeholdersMessage), required: v.boolean(placeholdersMessage), fallback: v.optional(v.unknown())},
					placeholdersMessage,
				),
				v.transform(({key, required, fallback}): Placeholder =>
					typeof fallback === 'string' ? {key, required, fallback} : {key, required},
				),
			),
			placeholdersMessage,
		),
	},
	'template must be an object',
);

/** A user template, checked more strictly than an import, or its problems (each said once). */
export function checkTemplate(value: unknown): {ok: true; template: Template} | {ok: false; errors: string[]} {
	const result = v.safeParse(templateSchema, value);
	return result.success ? {ok: true, template: result.output} : {ok: false, errors: unique(result.issues.map(issue => issue.message))};
}

const templatesSchema = fields(
	{
		disabled: v.pipe(stringList('Disabled templates must be a list of template ids'), v.transform(unique)),
		user: v.pipe(
			v.array(v.unknown(), 'Your templates must be a list'),
			v.rawTransform(({dataset, addIssue}) => {
				const templates: Template[] = [];
				const seen = new Set<string>();
				for (const [index, raw] of dataset.value.entries()) {
					const path = pathTo(dataset.value, [index]);
					const check = checkTemplate(raw);
					const name = isRecord(raw) && typeof raw['title'] === 'string' && raw['title'] !== '' ? `'${raw['title']}'` : String(index + 1);
					if (!check.ok) {
						addIssue({message: `Template ${name}: ${check.errors.join('; ')}`, path});
					} else if (seen.has(check.template.id)) {
						addIssue({message: `Template ${name}: another of your templates already has the id '${check.template.id}'`, path});
					} else {
						seen.add(check.template.id);
						templates.push(check.template);
					}
				}

				return templates;
			}),
		),
	},
	'Templates is missing or not an object',
);

// Custom selectors: checked by validateCustomConfig (the selector probe runs the same check with the
// page's own CSS parser); each problem ('message: required ...') lands on its setting's field.
const customConfigSchema = v.pipe(
	v.unknown(),
	v.rawTransform(({dataset, addIssue, NEVER}): CustomConfig => {
		const check = validateCustomConfig(dataset.value);
		if (check.ok) {
			return check.config;
		}

		for (const error of check.errors) {
			const field = /^(\w+):/.exec(error)?.[1];
			addIssue({
				message: error.replace(/^(\w+):\s*/, (_whole, name: string) => `${name}: `),
				path: field ? pathTo(dataset.value, [field]) : undefined,
			});
		}

		return NEVER;
	}),
);

type SiteSetting = {
	adapter: AdapterId;
	/** Required when adapter is 'custom': the selectors the custom adapter reads with. */
	custom?: CustomConfig | undefined;
};

/** One site's setting; the address is in the messages, since the options page lists several. */
function siteSchema(origin: string) {
	const message = `Choose which helpdesk runs at ${origin}`;
	return v.pipe(
		v.variant(
			'adapter',
			[
				v.object({adapter: v.literal('custom'), custom: v.nullish(customConfigSchema, {})}),
				v.object({adapter: v.picklist(adapterIds.filter(id => id !== 'custom'))}),
			],
			message,
		),
		v.transform((site): SiteSetting => ('custom' in site ? {adapter: site.adapter, custom: site.custom} : {adapter: site.adapter})),
	);
}

/** Origin (https://help.example.org) -> how Defuse reads pages there. An address must be written as its origin. */
const sitesSchema = v.pipe(
	v.custom<Record<string, unknown>>(isRecord, 'Sites must map each address to a helpdesk'),
	v.rawTransform(({dataset, addIssue}) => {
		const sites: Record<string, SiteSetting> = {};
		for (const [key, raw] of Object.entries(dataset.value)) {
			const path = pathTo(dataset.value, [key]);
			const origin = parseOrigin(key);
			if (!origin.ok || origin.origin !== key) {
				addIssue({message: `${key}: ${origin.ok ? `write it as ${origin.origin}` : origin.message}`, path});
				continue;
			}

			const result = v.safeParse(siteSchema(key), raw);
			if (result.success) {
				sites[key] = result.output;
				continue;
			}

			for (const issue of result.issues) {
				const below = (issue.path ?? []).map(item => item.key as string | number);
				addIssue({message: issue.message, path: pathTo(dataset.value, [key, ...(below.length > 0 ? below : ['adapter'])])});
			}
		}

		return sites;
	}),
);

/** Everything the options page edits, with the message for each field it can get wrong. */
export const settingsSchema = fields(
	{
		version: v.literal(1, issue => `Unknown settings version ${String(issue.input)}`),
		/** Fill {{agent.name}} and {{agent.signature}} in templates. */
		agent: fields({name: text('Your name', 100), signature: text('Signature', 1000)}, 'Agent is missing or not an object'),
		sla: slaSchema,
		risk: riskSchema,
		notifications: fields(
			{
				enabled: v.boolean('Notifications must be on or off'),
				/** Notify this many minutes before a watched ticket breaches its SLA. */
				leadMinutes: wholeNumber('Warning time before a breach', 1, 1440, 'minutes'),
			},
			'Notifications is missing or not an object',
		),
		phrases: phrasesSchema,
		templates: templatesSchema,
		sites: sitesSchema,
		data: fields(
			{
				/** Stored tickets, messages, observations and events older than this are deleted; 0 keeps everything. */
				retentionDays: wholeNumber('Keep data for', 0, 36_500, 'days'),
			},
			'Data is missing or not an object',
		),
	},
	'Settings must be an object',
);

export type Settings = v.InferOutput<typeof settingsSchema>;
export type SettingsCheck = {ok: true; settings: Settings} | {ok: false; errors: SettingsError[]};

// The parts other modules define for the engine are what the schema gives, at compile time.
export type SchemaMatchesEngineTypes = [
	Assert<Same<Settings['sla']['calendar'], BusinessCalendar>>,
	Assert<Same<Settings['risk']['thresholds'], Thresholds>>,
	Assert<Same<Settings['risk']['alertBudget'], AlertBudget>>,
	Assert<Same<Settings['phrases']['userPacks'][number], PhrasePack>>,
	Assert<Same<Settings['templates']['user'][number], Template>>,
	Assert<Same<NonNullable<Settings['sites'][string]['custom']>, CustomConfig>>,
	Assert<Same<v.InferOutput<typeof templateSchema>, Template>>,
];

/** `risk.thresholds.high`, `templates.user.2`, `sites[https://help.example.org].adapter` for an issue. */
function pathOf(issue: v.BaseIssue<unknown>): string {
	let path = '';
	for (const [index, item] of (issue.path ?? []).entries()) {
		const key = String(item.key);
		const parent = issue.path?.[index - 1]?.key;
		path += parent === 'sites' && index === 1 ? `[${key}]` : path === '' ? key : `.${key}`;
	}

	return path;
}

/** The settings, cleaned, or every problem with the field it belongs to. */
export function validateSettings(value: unknown): SettingsCheck {
	const result = v.safeParse(settingsSchema, value);
	return result.success
		? {ok: true, settings: result.output}
		: {ok: false, errors: result.issues.map(issue => ({path: pathOf(issue), message: issue.message}))};
}

/** Stored settings as the engine should use them: migrated and validated, or the defaults with the reasons. */
export function settingsFromStorage(value: unknown): {settings: Settings; errors: SettingsError[]} {
	if (value === undefined || value === null) {
		return {settings: defaultSettings, errors: []};
	}

	const check = validateSettings(migrateSettings(value));
	return check.ok ? {settings: check.settings, errors: []} : {settings: defaultSettings, errors: check.errors};
}
