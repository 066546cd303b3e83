// The typed message protocol between content scripts, extension pages and the background.
// Types and validation only; the transport lives in entrypoints/. Nothing from a page is trusted:
// every request is checked for its sender and its shape before a handler sees it.
import * as v from 'valibot';
import {validateCustomConfig, type CustomConfig} from './helpdesks/custom.ts';
import {
	escalationPaths,
	levels,
	normalizeHost,
	normalizeKey,
	triggers,
	type AdapterMissPart,
	type AgentAction,
	type EscalationPath,
	type Level,
	type Message,
	type TicketSnapshot,
	type Trigger,
} from './model.ts';
import {latestTime, pathOf, type Assert, type Same} from './schema.ts';
import type {Settings} from './settings.ts';
import type {DraftRule} from './signals/draft.ts';
import type {PhrasePack} from './signals/phrases.ts';
import type {Cue} from './templates/cues.ts';
import type {Template} from './templates/template.ts';
import type {ToneWordLists} from './tone-scan.ts';
import type {TriggerCue} from './triggers.ts';

export const limits = {
	messages: 20_000,
	textChars: 1_000_000,
	fieldChars: 2000,
	tags: 200,
} as const;

/** The engine's verdict as the content script saw it, stored beside the observation. */
export type AssessmentSummary = {level: Level; score: number; signalIds: string[]; trigger?: Trigger | undefined};

/** The reply target the ticket is running against, for SLA countdowns and notifications. */
export type DeadlineSummary = {metric: 'first-reply' | 'next-reply'; targetMinutes: number; since: string; breachAt?: string | undefined};

/**
 * Every request the background accepts, as its schema (below) defines it: observe, adapter-miss,
 * agent-action (`actionId` is made once per click, so a retried message is stored once; an agent can
 * only record an escalation with source 'agent'), ticket-context, queue-state (a list page asks which
 * of its tickets are at risk or near their SLA), countdowns, write-status and dismiss-writes (the popup: forget writes given up), test-selectors (options page:
 * read the open tab of `origin` with custom selectors), delete-everything (options page), page-setup (a
 * helpdesk page starts, or its settings changed, or a ticket needs another language: the settings
 * (validated), the templates in use and the built-in phrase packs of `languages`), open-options (the
 * overlay's first-run prompt: open the options page to set the agent's name and signature).
 */
export type BackgroundRequest = {
	[K in keyof typeof requestSchemas]: v.InferOutput<(typeof requestSchemas)[K]>;
}[keyof typeof requestSchemas];

export type BackgroundRequestType = BackgroundRequest['type'];

/** What a helpdesk page gets from the background as data (so the page's script carries code only). */
export type PageSetup = {
	settings: Settings;
	templates: Template[];
	packs: PhrasePack[];
	draftRules: DraftRule[];
	cues: Cue[];
	triggerCues: TriggerCue[];
	/** The tone lexicon's word lists (English), sent with the English pack. */
	tone?: ToneWordLists | undefined;
};

/** What the store knows about a ticket that the page cannot show. */
export type TicketContext = {
	snoozedUntil?: string | undefined;
	feedback?: 'agree' | 'disagree' | undefined;
	escalated?: {escalation: EscalationPath; team?: string | undefined; at: string} | undefined;
	/** The requester's other tickets Defuse has seen, newest first. */
	history: Array<{ticketId: string; createdAt: string; subject?: string | undefined; status?: string | undefined}>;
	/** Signal weights tuned by this agent's feedback (see core/tuning.ts). */
	weightMultipliers?: Record<string, number> | undefined;
	/** Templates the agent inserted on this ticket: not suggested again. */
	insertedTemplates?: string[] | undefined;
};

/** What "test these selectors on the open tab" read: matches per selector, and the ticket as Defuse would see it. */
export type SelectorTestResult = {
	url: string;
	isTicketPage: boolean;
	isListPage: boolean;
	counts: Array<{name: string; selector: string; count: number; error?: string | undefined}>;
	/** Required selectors that match nothing. */
	missing: string[];
	snapshot?: TicketSnapshot | undefined;
	listRows: number;
};

/** A ticket whose reply target is counting down, as the popup lists it. */
export type Countdown = {
	ticketKey: string;
	ticketId: string;
	subject?: string | undefined;
	helpdesk: string;
	metric: 'first-reply' | 'next-reply';
	breachAt: string;
};

/** A ticket on a list page that deserves a marker. */
export type QueueMark = {ticketKey: string; level?: Level | undefined; breachAt?: string | undefined};

/** A write the background could not store yet, as the popup lists it. */
export type PendingWriteStatus = {
	id: string;
	type: string;
	ticketKey?: string | undefined;
	attempts: number;
	nextAt?: string | undefined;
	lastError?: string | undefined;
	failed: boolean;
};

/** Which kind of sender may send each request. */
export const allowedSenders: Record<BackgroundRequestType, 'content-script' | 'extension-page' | 'either'> = {
	observe: 'content-script',
	'adapter-miss': 'content-script',
	'agent-action': 'content-script',
	'ticket-context': 'either',
	'queue-state': 'content-script',
	countdowns: 'extension-page',
	'write-status': 'extension-page',
	'dismiss-writes': 'extension-page',
	'test-selectors': 'extension-page',
	'delete-everything': 'extension-page',
	'page-setup': 'content-script',
	'open-options': 'content-script',
};

/** What the helpdesk content script answers when the popup asks what it sees. */
export type TabStatus =
	| {
			state: 'ticket';
			helpdesk: string;
			helpdeskName: string;
			ticketId: string;
			subject?: string | undefined;
			customerMessages: number;
			agentMessages: number;
			internalNotes: number;
			level?: Level | undefined;
			unknownMessages?: number | undefined;
			fromApi?: boolean | undefined;
	  }
	| {state: 'list'; helpdesk: string; helpdeskName: string; rows: number}
	| {state: 'waiting'; helpdesk: string; helpdeskName: string}
	| {state: 'unreadable'; helpdesk: string; helpdeskName: string; missing: string[]; detail: string}
	| {state: 'other-page'; helpdesk: string; helpdeskName: string};

export const statusRequest = {type: 'defuse:status'} as const;

/** A scrubbed copy of a helpdesk page (core/helpdesks/scrub.ts) for a bug report, as the popup gets it from the tab. */
export type SavedPage = {ok: true; fileName: string; html: string} | {ok: false; error: string};

export type Sender = {id?: string | undefined; url?: string | undefined; tab?: {id?: number | undefined} | undefined};

export type Result<T> = {ok: true; value: T} | {ok: false; error: string};

/** A request is from us when it comes from this extension, and from the kind of context allowed to send it. */
export function checkSender(
	sender: Sender,
	type: BackgroundRequestType,
	self: {id: string; origin: string},
): Result<'content-script' | 'extension-page'> {
	if (sender.id !== self.id) {
		return {ok: false, error: `sender is not this extension (${String(sender.id)})`};
	}

	const origin = self.origin.endsWith('/') ? self.origin : `${self.origin}/`;
	const kind = sender.url?.startsWith(origin) ? 'extension-page' : sender.tab ? 'content-script' : undefined;
	if (!kind) {
		return {ok: false, error: 'sender is neither an extension page nor a content script in a tab'};
	}

	const allowed = allowedSenders[type];
	if (allowed !== 'either' && allowed !== kind) {
		return {ok: false, error: `${type} may only come from a ${allowed}, not from a ${kind}`};
	}

	return {ok: true, value: kind};
}

/** The host part of a ticket or requester key (`zendesk:acme.zendesk.com:12` -> `acme.zendesk.com`). */
const keyHost = (key: string): string => normalizeKey(key).split(':')[1] ?? '';

const hostOf = (url: string): string | undefined => {
	try {
		return normalizeHost(new URL(url).hostname);
	} catch {
		return undefined;
	}
};

/**
 * A content script speaks only for the page it runs in: every ticket key, requester key and address in
 * its request must name its own tab's host, so a page cannot write to (or read) another helpdesk's
 * tickets. `pageUrl` is the sender's frame address as the browser reports it.
 */
export function checkTicketOrigin(request: BackgroundRequest, pageUrl: string | undefined): Result<void> {
	const host = pageUrl === undefined ? undefined : hostOf(pageUrl);
	if (host === undefined || host === '') {
		return {ok: false, error: 'the sender has no page address to tie its tickets to'};
	}

	const named: Array<[string, string]> = [];
	switch (request.type) {
		case 'observe': {
			named.push(['snapshot.url', request.snapshot.url === undefined ? '' : (hostOf(request.snapshot.url) ?? '')]);
			break;
		}

		case 'adapter-miss': {
			named.push(['url', hostOf(request.url) ?? '']);
			break;
		}

		case 'agent-action': {
			named.push(['action.ticketKey', keyHost(request.action.ticketKey)]);
			break;
		}

		case 'ticket-context': {
			named.push(['ticketKey', keyHost(request.ticketKey)]);
			if (request.requesterKey !== undefined) {
				named.push(['requesterKey', keyHost(request.requesterKey)]);
			}

			break;
		}

		case 'queue-state': {
			for (const [index, key] of request.ticketKeys.entries()) {
				named.push([`ticketKeys[${index}]`, keyHost(key)]);
			}

			break;
		}

		default: {
			break;
		}
	}

	const stranger = named.find(([, named]) => named !== host);
	return stranger
		? {ok: false, error: `request.${stranger[0]} names ${stranger[1] === '' ? 'no host' : stranger[1]}, not the sender's page (${host})`}
		: {ok: true, value: undefined};
}

// The request shapes, one valibot schema each: the check and the type come from the same definition
// (the request types above must equal what these accept; the build fails when they drift apart).
// Messages read as `request.snapshot.messages[0].text is longer than 1000000 characters`.
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function string(maxChars: number = limits.fieldChars, pattern?: RegExp) {
	const base = v.pipe(v.string('must be a string'), v.maxLength(maxChars, `is longer than ${maxChars} characters`));
	return pattern ? v.pipe(base, v.regex(pattern, 'has an unexpected format')) : base;
}

const oneOf = <const T extends readonly string[]>(allowed: T) => v.picklist(allowed, `must be one of ${allowed.join(', ')}`);
// A page showing a year-9999 date must not become the store's "now".
const isoDate = v.pipe(
	v.string('must be an ISO-8601 date'),
	v.maxLength(40, 'must be an ISO-8601 date'),
	v.check(value => {
		const time = Date.parse(value);
		return time >= 0 && time <= latestTime;
	}, 'must be an ISO-8601 date from 1970 to 2099'),
);
const boolean = v.boolean('must be true or false');
const number = (min: number, max: number) => {
	const message = `must be a number from ${min} to ${max}`;
	return v.pipe(v.number(message), v.finite(message), v.minValue(min, message), v.maxValue(max, message));
};

/** What a field's own schema says of a missing value ("must be a list"), so a missing field reads like a wrong one. */
function missingMessage(entries: v.ObjectEntries, issue: v.StrictObjectIssue): string {
	const key = issue.path?.at(-1)?.key;
	const schema = typeof key === 'string' && Object.hasOwn(entries, key) ? entries[key] : undefined;
	const result = schema ? v.safeParse(schema, undefined, {abortEarly: true}) : undefined;
	return result && !result.success ? result.issues[0].message : 'is missing';
}

function object<T extends v.ObjectEntries>(entries: T) {
	return v.strictObject(entries, issue =>
		issue.expected === 'never'
			? 'is not a known field'
			: issue.input === undefined && (issue.path?.length ?? 0) > 0
				? missingMessage(entries, issue)
				: 'must be an object',
	);
}

/** The length is checked before the items, so an oversized list is refused without reading it. */
function array<T extends v.GenericSchema>(item: T, maxItems: number) {
	return v.pipe(
		v.array(v.unknown(), 'must be a list'),
		v.maxLength(maxItems, `has more than ${maxItems} items`),
		v.array(item, 'must be a list'),
	);
}

const helpdeskId = string(32, /^[a-z][a-z\d-]*$/);

const messageSchema = object({
	id: v.optional(string(500)),
	role: oneOf(['customer', 'agent', 'system', 'unknown'] as const satisfies ReadonlyArray<Message['role']>),
	internal: v.optional(boolean),
	author: v.optional(string()),
	text: string(limits.textChars),
	at: v.optional(isoDate),
});

export const ticketSnapshotSchema = object({
	helpdesk: helpdeskId,
	ticketId: string(200, /^\S(.*\S)?$/),
	ticketNumber: v.optional(string(200)),
	url: v.optional(string(limits.fieldChars, /^https?:\/\//)),
	subject: v.optional(string()),
	status: v.optional(string(100)),
	priority: v.optional(string(100)),
	requester: v.optional(object({id: v.optional(string(500)), name: v.optional(string()), email: v.optional(string(500))})),
	assignee: v.optional(string()),
	group: v.optional(string()),
	tags: v.optional(array(string(200), limits.tags)),
	createdAt: v.optional(isoDate),
	messages: array(messageSchema, limits.messages),
});

const assessmentSchema = object({
	level: oneOf(levels as readonly Level[]),
	score: number(0, 1),
	signalIds: array(string(100), 200),
	trigger: v.optional(oneOf(triggers as readonly Trigger[])),
});

const ticketKey = string(500);

const agentActionSchema = v.variant(
	'type',
	[
		object({
			type: v.literal('feedback'),
			ticketKey,
			verdict: oneOf(['agree', 'disagree'] as const),
			reason: v.optional(string(500)),
			level: v.optional(oneOf(levels as readonly Level[])),
			signalIds: v.optional(array(string(100), 200)),
		}),
		object({type: v.literal('snooze'), ticketKey, until: isoDate}),
		// An agent can only record what an agent did: an escalation claimed from an SLA rule is refused.
		object({
			type: v.literal('escalated'),
			ticketKey,
			escalation: oneOf(escalationPaths as readonly EscalationPath[]),
			team: v.optional(string(200)),
			source: v.literal('agent', 'must be one of agent'),
		}),
		object({type: v.literal('template-inserted'), ticketKey, templateId: string(200)}),
	],
	'must be one of feedback, snooze, escalated, template-inserted',
);

const deadlineSchema = object({
	metric: oneOf(['first-reply', 'next-reply'] as const),
	targetMinutes: number(0, 1_000_000),
	since: isoDate,
	breachAt: v.optional(isoDate),
});

const customConfigSchema = v.custom<CustomConfig>(
	value => validateCustomConfig(value).ok,
	issue => {
		const check = validateCustomConfig(issue.input);
		return `: ${check.ok ? '' : check.errors.join('; ')}`;
	},
);

const requestSchemas = {
	observe: object({
		type: v.literal('observe'),
		snapshot: ticketSnapshotSchema,
		assessment: v.optional(assessmentSchema),
		deadline: v.optional(deadlineSchema),
	}),
	'adapter-miss': object({
		type: v.literal('adapter-miss'),
		helpdesk: helpdeskId,
		url: string(limits.fieldChars),
		part: oneOf(['url', 'ticket', 'messages', 'role', 'editor', 'api', 'exception'] as const satisfies readonly AdapterMissPart[]),
		detail: string(),
	}),
	'agent-action': object({type: v.literal('agent-action'), actionId: string(100, /^[\w-]+$/), action: agentActionSchema}),
	'ticket-context': object({type: v.literal('ticket-context'), ticketKey: string(500), requesterKey: v.optional(string(1000))}),
	'queue-state': object({type: v.literal('queue-state'), ticketKeys: array(string(500), 500)}),
	countdowns: object({type: v.literal('countdowns')}),
	'write-status': object({type: v.literal('write-status')}),
	'dismiss-writes': object({type: v.literal('dismiss-writes'), ids: array(string(100), 500)}),
	'test-selectors': object({type: v.literal('test-selectors'), origin: string(300, /^https?:\/\/[^/?#\s]+$/), config: customConfigSchema}),
	'delete-everything': object({type: v.literal('delete-everything')}),
	'page-setup': object({type: v.literal('page-setup'), languages: array(string(8, /^[a-z]{2,3}$/), 10)}),
	'open-options': object({type: v.literal('open-options')}),
};

/** An agent's action as a content script may send it (escalations only with source 'agent'). */
export type AgentActionRequest = v.InferOutput<typeof agentActionSchema>;

/** Compiles only while each request type is exactly what its schema accepts. */
export type RequestTypesMatchSchemas = [
	Assert<Same<v.InferOutput<typeof ticketSnapshotSchema>, TicketSnapshot>>,
	Assert<Same<v.InferOutput<typeof assessmentSchema>, AssessmentSummary>>,
	Assert<Same<v.InferOutput<typeof deadlineSchema>, DeadlineSummary>>,
	Assert<[AgentActionRequest] extends [AgentAction] ? true : false>,
];

function errorOf(issue: v.BaseIssue<unknown>): string {
	const path = pathOf(issue);
	return `request${path ? `.${path}` : ''}${issue.message.startsWith(':') ? '' : ' '}${issue.message}`;
}

/** The request, or why it is not one. Unknown fields are rejected rather than stored. */
export function validateRequest(value: unknown): Result<BackgroundRequest> {
	if (!isRecord(value) || typeof value['type'] !== 'string') {
		return {ok: false, error: 'request must be an object with a type'};
	}

	const type = value['type'];
	if (!Object.hasOwn(requestSchemas, type)) {
		return {ok: false, error: `unknown request type: ${type.slice(0, 40)}`};
	}

	const result = v.safeParse(requestSchemas[type as BackgroundRequestType], value, {abortEarly: true});
	return result.success ? {ok: true, value: result.output as BackgroundRequest} : {ok: false, error: errorOf(result.issues[0])};
}
