import {describe, expect, test} from 'vitest';
import {assess} from './assess.ts';
import {templateLibrary} from './templates/library.ts';
import {settingsFromStorage, validateSettings} from './settings-schema.ts';
import {
	assessSettingsOf,
	contextOf,
	defaultSettings,
	migrateSettings,
	originMapOf,
	parseOrigin,
	slaOf,
	templatesOf,
	type Settings,
} from './settings.ts';
import {targetsFor} from './sla.ts';
import type {TicketSnapshot} from './model.ts';
import type {Template} from './templates/template.ts';

const clone = (): Settings => structuredClone(defaultSettings);

function errorsOf(value: unknown): Record<string, string> {
	const check = validateSettings(value);
	if (check.ok) {
		return {};
	}

	return Object.fromEntries(check.errors.map(error => [error.path, error.message]));
}

describe('validateSettings', () => {
	test('the defaults are valid and come back unchanged', () => {
		const check = validateSettings(clone());
		expect(check).toEqual({ok: true, settings: defaultSettings});
	});

	test('thresholds must rise from watch to critical, each with a message on its own field', () => {
		const settings = clone();
		settings.risk.thresholds = {watch: 0.6, high: 0.5, critical: 0.5};
		expect(errorsOf(settings)).toEqual({
			'risk.thresholds.high': 'High must be above Watch (0.6)',
			'risk.thresholds.critical': 'Critical must be above High (0.5)',
		});
	});

	test.each([
		[-0.1, 'Watch must be a score above 0 and at most 1 (for example 0.55)'],
		[1.5, 'Watch must be a score above 0 and at most 1 (for example 0.55)'],
		[Number.NaN, 'Watch must be a score above 0 and at most 1 (for example 0.55)'],
		['0.3', 'Watch must be a score above 0 and at most 1 (for example 0.55)'],
	])('watch = %s is refused', (watch, message) => {
		const settings = clone() as unknown as {risk: {thresholds: Record<string, unknown>}};
		settings.risk.thresholds['watch'] = watch;
		expect(errorsOf(settings)['risk.thresholds.watch']).toBe(message);
	});

	test('alert budget and notification lead time are whole numbers in range', () => {
		const settings = clone();
		settings.risk.alertBudget.maxFlagsPerAgentHour = 2.5;
		settings.notifications.leadMinutes = 0;
		settings.data.retentionDays = -1;
		expect(errorsOf(settings)).toEqual({
			'risk.alertBudget.maxFlagsPerAgentHour': 'Alerts per hour must be a whole number of alerts',
			'notifications.leadMinutes': 'Warning time before a breach must be between 1 and 1440 minutes',
			'data.retentionDays': 'Keep data for must be between 0 and 36500 days',
		});
	});

	test('SLA targets: null means no target; bad minutes and resolution before first reply are refused', () => {
		const settings = clone();
		settings.sla.targets.low.periodicUpdateMinutes = null;
		expect(validateSettings(settings).ok).toBe(true);
		settings.sla.targets.urgent.firstReplyMinutes = 0;
		settings.sla.targets.high.resolutionMinutes = 100;
		expect(errorsOf(settings)).toEqual({
			'sla.targets.urgent.firstReplyMinutes': 'First reply (urgent) must be between 1 and 525600 minutes',
			'sla.targets.high.resolutionMinutes': 'Resolution (high) cannot be shorter than the first reply target (240 minutes)',
		});
	});

	test('calendar problems land on the weekday, time zone or holiday field', () => {
		const settings = clone();
		settings.sla.calendar = {
			timezone: 'Mars/Olympus',
			weekly: {mon: [['18:00', '09:00']], tue: [['9:00', '17:00']]},
			holidays: ['2026-13-01'],
		};
		expect(errorsOf(settings)).toEqual({
			'sla.calendar.timezone': 'Unknown time zone: Mars/Olympus',
			'sla.calendar.weekly.mon': 'Monday, hours 1: end 09:00 must be after start 18:00',
			'sla.calendar.weekly.tue': "Tuesday, hours 1: bad start time '9:00'",
			'sla.calendar.holidays': 'Bad holiday date: 2026-13-01 (expected YYYY-MM-DD)',
		});
	});

	test('business hours need an open day; holidays are de-duplicated and sorted', () => {
		const settings = clone();
		settings.sla.hours = 'business';
		settings.sla.calendar.weekly = {};
		expect(errorsOf(settings)['sla.calendar.weekly']).toContain('at least one open day');
		settings.sla.calendar.weekly = {sat: [['10:00', '14:00']]};
		settings.sla.calendar.holidays = ['2026-12-25', '2026-01-01', '2026-12-25'];
		const check = validateSettings(settings);
		expect(check.ok && check.settings.sla.calendar.holidays).toEqual(['2026-01-01', '2026-12-25']);
	});

	test('phrase packs: user packs are validated, duplicates and unknown families named', () => {
		const settings = clone() as unknown as Record<string, Record<string, unknown>>;
		settings['phrases'] = {
			disabledFamilies: ['urgency', 'de:insult', 'shouting'],
			disabledPacks: ['pt'],
			userPacks: [
				{id: 'team', language: 'en', negators: [], conditionals: ['if'], families: {manager: ['head office']}},
				{id: 'team', language: 'en', negators: [], families: {}},
				{id: 'x', language: 'english', negators: [], families: {manager: ['a']}},
			],
		};
		expect(errorsOf(settings)).toEqual({
			'phrases.disabledFamilies':
				"Unknown phrase family 'shouting' (known: manager, legal, churn, repeat, public, urgency, insult, misread, payment-dispute, billing, non-delivery, faulty, not-working, outage, broken-promise, waiting)",
			'phrases.userPacks.1': "Two of your phrase packs are called 'team'; give each its own id",
			'phrases.userPacks.2': 'Phrase pack 3: language must be a 2-3 letter code',
		});
		(settings['phrases']!['disabledFamilies'] as string[]).pop();
		(settings['phrases']!['userPacks'] as unknown[]).splice(1, 2);
		const check = validateSettings(settings);
		expect(check.ok && check.settings.phrases).toEqual({
			disabledFamilies: ['urgency', 'de:insult'],
			disabledPacks: ['pt'],
			userPacks: [{id: 'team', language: 'en', negators: [], conditionals: ['if'], families: {manager: ['head office']}}],
		});
	});

	test('templates: trigger, situation and id are checked, with the template named', () => {
		const good: Template = {
			id: 'my-sorry',
			title: 'Sorry',
			language: 'en',
			trigger: 'any',
			situation: 'long-wait',
			body: 'Hi {{customer.firstName}}',
			placeholders: [{key: 'customer.firstName', required: false, fallback: 'there'}],
		};
		const settings = clone();
		settings.templates.user = [good, {...good, id: 'bad id', title: 'Odd', trigger: 'weather' as 'any'}, {...good}];
		expect(errorsOf(settings)).toEqual({
			'templates.user.1':
				"Template 'Odd': id may use letters, digits, dots, dashes and underscores (at most 80); trigger must be any or one of poor-quality, frontline-response, long-wait, miscommunication, rigid-policy",
			'templates.user.2': "Template 'Sorry': another of your templates already has the id 'my-sorry'",
		});
	});

	test('sites: origins only, a known adapter, and custom selectors checked by field', () => {
		const settings = clone() as unknown as {sites: Record<string, unknown>};
		settings.sites = {
			'https://help.example.org': {adapter: 'zammad'},
			'https://desk.example.org/path': {adapter: 'zendesk'},
			'https://HELP.example.net': {adapter: 'zendesk'},
			'http://127.0.0.2:8080': {
				adapter: 'custom',
				custom: {ticketUrl: 'http://127.0.0.2:8080/cases/{id}', message: '.entry[', subject: '.title'},
			},
			'https://x.example.org': {adapter: 'unknown'},
			'https://y.example.org': {adapter: 'custom', custom: {ticketUrl: 'https://y.example.org/t/{id}'}},
		};
		expect(errorsOf(settings)).toEqual({
			'sites[https://desk.example.org/path]':
				"https://desk.example.org/path: Enter only the site's address (https://desk.example.org), without a path",
			'sites[https://HELP.example.net]': 'https://HELP.example.net: write it as https://help.example.net',
			'sites[http://127.0.0.2:8080].custom.message': 'message: ".entry[" is missing "]"',
			'sites[https://x.example.org].adapter': 'Choose which helpdesk runs at https://x.example.org',
			'sites[https://y.example.org].custom.message': 'message: required (a selector matching every message)',
		});
	});

	test('a list with a hole is refused with its field named (it crashed the check)', () => {
		const settings = clone();
		settings.phrases.disabledFamilies = ['urgency', 'manager'];
		delete settings.phrases.disabledFamilies[0];
		expect(errorsOf(settings)).toEqual({'phrases.disabledFamilies': 'Disabled families must be a list of names'});
	});

	test('a missing field gets its own message; a missing section is named once, not with each of its fields', () => {
		const settings = clone() as unknown as Record<string, Record<string, unknown>>;
		delete settings['agent']!['signature'];
		delete settings['risk'];
		expect(errorsOf(settings)).toEqual({
			'agent.signature': 'Signature must be text',
			risk: 'Risk is missing or not an object',
		});
	});

	test('a template with several problems lists each once; a value failing its first check gets no further message', () => {
		const settings = clone();
		const bad = {
			id: '',
			title: 'x'.repeat(201),
			language: 'english',
			trigger: 'any',
			situation: 'long-wait',
			body: 'Hi',
			placeholders: [{key: 'a'}, {key: 'b'}],
		};
		settings.templates.user = [bad as unknown as Template];
		expect(errorsOf(settings)).toEqual({
			'templates.user.0': `Template '${bad.title}': id must be a non-empty string; title is longer than 200 characters; language must be a 2-3 letter code such as en; placeholders must be a list of {key, required, fallback?}`,
		});
	});

	test('non-objects and unknown versions are refused', () => {
		expect(validateSettings('hello')).toEqual({ok: false, errors: [{path: '', message: 'Settings must be an object'}]});
		expect(errorsOf({...clone(), version: 2})['version']).toBe('Unknown settings version 2');
	});
});

describe('parseOrigin', () => {
	test.each([
		['https://help.example.org', 'https://help.example.org'],
		['https://help.example.org/', 'https://help.example.org'],
		['  http://127.0.0.2:5178 ', 'http://127.0.0.2:5178'],
	])('%s -> %s', (input, origin) => {
		expect(parseOrigin(input)).toEqual({ok: true, origin});
	});

	test.each(['help.example.org', 'ftp://files.example.org', 'https://help.example.org/agent', 'https://user:pw@help.example.org'])(
		'%s is refused',
		input => {
			expect(parseOrigin(input).ok).toBe(false);
		},
	);
});

describe('migrateSettings', () => {
	test('fills every missing field of older settings and keeps what was saved', () => {
		const old = {
			agent: {name: 'Ana Ruiz'},
			risk: {thresholds: {watch: 0.4}},
			sla: {hours: 'business', calendar: {timezone: 'Europe/Madrid', weekly: {tue: [['08:00', '15:00']]}}},
			sites: {'https://help.example.org': 'zammad'},
		};
		const check = validateSettings(migrateSettings(old));
		expect(check.ok).toBe(true);
		if (!check.ok) {
			return;
		}

		expect(check.settings.agent).toEqual({name: 'Ana Ruiz', signature: ''});
		expect(check.settings.risk.thresholds).toEqual({watch: 0.4, high: 0.55, critical: 0.8});
		// A saved schedule is kept whole: Monday stays closed
		expect(check.settings.sla.calendar).toEqual({timezone: 'Europe/Madrid', weekly: {tue: [['08:00', '15:00']]}, holidays: []});
		expect(check.settings.sites).toEqual({'https://help.example.org': {adapter: 'zammad'}});
		expect(check.settings.data.retentionDays).toBe(defaultSettings.data.retentionDays);
	});

	test('garbage becomes the defaults; settingsFromStorage reports why it fell back', () => {
		expect(migrateSettings(42)).toEqual(defaultSettings);
		expect(settingsFromStorage(undefined)).toEqual({settings: defaultSettings, errors: []});
		const fallback = settingsFromStorage({risk: {thresholds: {watch: 2}}});
		expect(fallback.settings).toEqual(defaultSettings);
		expect(fallback.errors.map(error => error.path)).toEqual(['risk.thresholds.watch']);
	});
});

describe('mapping to the engine', () => {
	test('assessSettingsOf carries thresholds, budget and phrase settings', () => {
		const settings = clone();
		settings.risk.thresholds = {watch: 0.5, high: 0.7, critical: 0.9};
		settings.phrases.disabledFamilies = ['en:urgency'];
		settings.phrases.disabledPacks = ['de'];
		expect(assessSettingsOf(settings)).toMatchObject({
			thresholds: {watch: 0.5, high: 0.7, critical: 0.9},
			alertBudget: defaultSettings.risk.alertBudget,
			disabledPhraseFamilies: ['en:urgency'],
			disabledPhrasePacks: ['de'],
			extraPhrasePacks: [],
			maxSuggestions: 3,
		});
	});

	test('slaOf: per-priority targets, normal as default, calendar only for business hours', () => {
		const settings = clone();
		settings.sla.targets.low.periodicUpdateMinutes = null;
		const calendarSla = slaOf(settings);
		expect(calendarSla.calendar).toBeUndefined();
		expect(targetsFor(calendarSla.policy, 'Urgent')).toEqual({
			firstReplyMinutes: 60,
			nextReplyMinutes: 120,
			periodicUpdateMinutes: 240,
			resolutionMinutes: 1440,
		});
		expect(targetsFor(calendarSla.policy, 'low')).toEqual({firstReplyMinutes: 1440, nextReplyMinutes: 2880, resolutionMinutes: 14_400});
		expect(targetsFor(calendarSla.policy, 'whatever')).toEqual(targetsFor(calendarSla.policy, 'normal'));
		settings.sla.hours = 'business';
		const businessSla = slaOf(settings);
		expect(businessSla.policy.hours).toBe('business');
		expect(businessSla.calendar).toEqual(settings.sla.calendar);
	});

	test('raising the thresholds through contextOf lowers the level assess() gives', () => {
		const ticket: TicketSnapshot = {
			helpdesk: 'demo',
			ticketId: '1',
			messages: [
				{role: 'customer', text: 'This is the third time I am writing. I want to speak to a manager now.', at: '2026-05-01T10:00:00Z'},
			],
		};
		const base = assess(ticket, {now: '2026-05-01T10:05:00Z', ...contextOf(defaultSettings)});
		expect(base.level).not.toBe('none');
		const settings = clone();
		settings.risk.thresholds = {watch: 0.97, high: 0.98, critical: 0.99};
		const raised = assess(ticket, {now: '2026-05-01T10:05:00Z', ...contextOf(settings)});
		expect(raised.score).toBeCloseTo(base.score);
		expect(raised.level).toBe('none');
	});

	test('the agent name fills {{agent.name}} in suggestions', () => {
		const settings = clone();
		settings.agent.name = 'Ana Ruiz';
		const ticket: TicketSnapshot = {
			helpdesk: 'demo',
			ticketId: '2',
			messages: [{role: 'customer', text: 'I will contact my lawyer about this charge.', at: '2026-05-01T10:00:00Z'}],
		};
		const result = assess(ticket, {now: '2026-05-01T10:05:00Z', ...contextOf(settings)});
		expect(result.suggestions.length).toBeGreaterThan(0);
		expect(result.suggestions.every(suggestion => !suggestion.missing.includes('agent.name'))).toBe(true);
		expect(result.suggestions.some(suggestion => suggestion.text.includes('Ana Ruiz'))).toBe(true);
	});

	test('originMapOf and templatesOf', () => {
		const settings = clone();
		settings.sites = {
			'https://help.example.org': {adapter: 'zammad'},
			'http://127.0.0.2:9000': {adapter: 'custom', custom: {message: '.m'}},
		};
		expect(originMapOf(settings)).toEqual({'https://help.example.org': 'zammad', 'http://127.0.0.2:9000': 'custom'});
		const first = templateLibrary[0]!;
		const second = templateLibrary[1]!;
		settings.templates.disabled = [second.id];
		settings.templates.user = [
			{...first, title: 'Mine'},
			{...first, id: 'new-one', title: 'New'},
		];
		const used = templatesOf(settings);
		expect(used).toHaveLength(templateLibrary.length);
		expect(used[0]!.title).toBe('Mine');
		expect(used.some(template => template.id === second.id)).toBe(false);
		expect(used.at(-1)!.id).toBe('new-one');
	});

	test("the team's own templates, saved without labels, get the built-in labels for their keys", () => {
		const settings = clone();
		settings.templates.user = [
			{
				id: 'mine',
				title: 'Mine',
				language: 'en',
				trigger: 'any',
				situation: 'angry-first-reply',
				body: '{{eta}} {{callback.time}}',
				placeholders: [
					{key: 'eta', required: true},
					{key: 'callback.time', required: false},
				],
			},
		];
		expect(templatesOf(settings).at(-1)!.placeholders).toEqual([
			{key: 'eta', required: true, label: 'When you will update them', hint: '3 pm today'},
			{key: 'callback.time', required: false},
		]);
	});
});
