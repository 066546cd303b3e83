// The typed message protocol between content scripts, extension pages and the background.
// Types and validation only; the transport lives in entrypoints/. Nothing from a page is trusted:
// every request is checked for its sender and its shape before a handler sees it.
import {escalationPaths, levels, triggers, type AdapterMissPart, type AgentAction, type EscalationPath, type Level, type Message, type TicketSnapshot, type Trigger} from './model.ts';
import {validateCustomConfig, type CustomConfig} from './helpdesks/custom.ts';
import type {Settings} from './settings.ts';
import type {PhrasePack} from './signals/phrases.ts';
import type {Template} from './templates/template.ts';

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

export type BackgroundRequest =
	| {type: 'observe'; snapshot: TicketSnapshot; assessment?: AssessmentSummary | undefined; deadline?: DeadlineSummary | undefined}
	| {type: 'adapter-miss'; helpdesk: string; url: string; part: AdapterMissPart; detail: string}
	/** `actionId` is made once per click, so a retried message is stored once. */
	| {type: 'agent-action'; actionId: string; action: AgentAction}
	| {type: 'ticket-context'; ticketKey: string; requesterKey?: string | undefined}
	/** A list page asks which of its tickets are at risk or near their SLA, for queue markers. */
	| {type: 'queue-state'; ticketKeys: string[]}
	/** The popup lists the running SLA countdowns. */
	| {type: 'countdowns'}
	/** Options page: read the open tab of `origin` with these custom selectors and say what was found. */
	| {type: 'test-selectors'; origin: string; config: CustomConfig}
	/** Options page: clear the store and reset the settings. */
	| {type: 'delete-everything'}
	/**
	 * A helpdesk page starts (asking for English), or its settings changed, or a ticket needs another
	 * language: the settings (validated), the templates in use and the built-in phrase packs of `languages`.
	 */
	| {type: 'page-setup'; languages: string[]};

/** What a helpdesk page gets from the background rather than carrying it (see EngineData in core/assess.ts). */
export type PageSetup = {settings: Settings; templates: Template[]; packs: PhrasePack[]};

export type BackgroundRequestType = BackgroundRequest['type'];

/** What the store knows about a ticket that the page cannot show. */
export type TicketContext = {
	snoozedUntil?: string | undefined;
	feedback?: 'agree' | 'disagree' | undefined;
	escalated?: {escalation: EscalationPath; team?: string | undefined; at: string} | undefined;
	/** The requester's other tickets Defuse has seen, newest first. */
	history: Array<{ticketId: string; createdAt: string; subject?: string | undefined; status?: string | undefined}>;
	/** Signal weights tuned by this agent's feedback (see core/tuning.ts). */
	weightMultipliers?: Record<string, number> | undefined;
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
export type Countdown = {ticketKey: string; ticketId: string; subject?: string | undefined; helpdesk: string; metric: 'first-reply' | 'next-reply'; breachAt: string};

/** A ticket on a list page that deserves a marker. */
export type QueueMark = {ticketKey: string; level?: Level | undefined; breachAt?: string | undefined};

export type BackgroundResponse =
	| {ok: true; ticketKey?: string | undefined; created?: boolean | undefined; context?: TicketContext | undefined; queue?: QueueMark[] | undefined; countdowns?: Countdown[] | undefined; selectorTest?: SelectorTestResult | undefined; setup?: PageSetup | undefined}
	| {ok: false; error: string};

/** Which kind of sender may send each request. */
export const allowedSenders: Record<BackgroundRequestType, 'content-script' | 'extension-page' | 'either'> = {
	observe: 'content-script',
	'adapter-miss': 'content-script',
	'agent-action': 'content-script',
	'ticket-context': 'either',
	'queue-state': 'content-script',
	countdowns: 'extension-page',
	'test-selectors': 'extension-page',
	'delete-everything': 'extension-page',
	'page-setup': 'content-script',
};

/** What the helpdesk content script answers when the popup asks what it sees. */
export type TabStatus =
	| {state: 'ticket'; helpdesk: string; helpdeskName: string; ticketId: string; subject?: string | undefined; customerMessages: number; agentMessages: number; internalNotes: number; level?: Level | undefined; unknownMessages?: number | undefined; fromApi?: boolean | undefined}
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
export function checkSender(sender: Sender, type: BackgroundRequestType, self: {id: string; origin: string}): Result<'content-script' | 'extension-page'> {
	if (sender.id !== self.id) {
		return {ok: false, error: `sender is not this extension (${String(sender.id)})`};
	}

	const origin = self.origin.endsWith('/') ? self.origin : `${self.origin}/`;
	const kind = sender.url?.startsWith(origin) ? 'extension-page' : (sender.tab ? 'content-script' : undefined);
	if (!kind) {
		return {ok: false, error: 'sender is neither an extension page nor a content script in a tab'};
	}

	const allowed = allowedSenders[type];
	if (allowed !== 'either' && allowed !== kind) {
		return {ok: false, error: `${type} may only come from a ${allowed}, not from a ${kind}`};
	}

	return {ok: true, value: kind};
}

type Check = (value: unknown, path: string) => string | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function string(maxChars: number = limits.fieldChars, pattern?: RegExp): Check {
	return (value, path) => {
		if (typeof value !== 'string') {
			return `${path} must be a string`;
		}

		if (value.length > maxChars) {
			return `${path} is longer than ${maxChars} characters`;
		}

		return pattern && !pattern.test(value) ? `${path} has an unexpected format` : undefined;
	};
}

const optional = (check: Check): Check => (value, path) => value === undefined ? undefined : check(value, path);
const oneOf = (allowed: readonly string[]): Check => (value, path) => typeof value === 'string' && allowed.includes(value) ? undefined : `${path} must be one of ${allowed.join(', ')}`;
const isoDate: Check = (value, path) => typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value)) ? undefined : `${path} must be an ISO-8601 date`;
const boolean: Check = (value, path) => typeof value === 'boolean' ? undefined : `${path} must be true or false`;
const number = (min: number, max: number): Check => (value, path) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? undefined : `${path} must be a number from ${min} to ${max}`;

function object(shape: Record<string, Check>): Check {
	return (value, path) => {
		if (!isRecord(value)) {
			return `${path} must be an object`;
		}

		for (const key of Object.keys(value)) {
			if (!(key in shape)) {
				return `${path}.${key} is not a known field`;
			}
		}

		for (const [key, check] of Object.entries(shape)) {
			const error = check(value[key], `${path}.${key}`);
			if (error) {
				return error;
			}
		}

		return undefined;
	};
}

function array(item: Check, maxItems: number): Check {
	return (value, path) => {
		if (!Array.isArray(value)) {
			return `${path} must be a list`;
		}

		if (value.length > maxItems) {
			return `${path} has more than ${maxItems} items`;
		}

		for (const [index, element] of value.entries()) {
			const error = item(element, `${path}[${index}]`);
			if (error) {
				return error;
			}
		}

		return undefined;
	};
}

const helpdeskId = string(32, /^[a-z][a-z\d-]*$/);

const message: Check = object({
	id: optional(string(500)),
	role: oneOf(['customer', 'agent', 'system', 'unknown'] satisfies Array<Message['role']>),
	internal: optional(boolean),
	author: optional(string()),
	text: string(limits.textChars),
	at: optional(isoDate),
});

const snapshot: Check = object({
	helpdesk: helpdeskId,
	ticketId: string(200, /^\S(.*\S)?$/),
	ticketNumber: optional(string(200)),
	url: optional(string(limits.fieldChars, /^https?:\/\//)),
	subject: optional(string()),
	status: optional(string(100)),
	priority: optional(string(100)),
	requester: optional(object({id: optional(string(500)), name: optional(string()), email: optional(string(500))})),
	assignee: optional(string()),
	group: optional(string()),
	tags: optional(array(string(200), limits.tags)),
	createdAt: optional(isoDate),
	messages: array(message, limits.messages),
});

const assessment: Check = object({
	level: oneOf(levels),
	score: number(0, 1),
	signalIds: array(string(100), 200),
	trigger: optional(oneOf(triggers)),
});

const ticketKey = string(500);

/** One shape per action type; the `type` field picks which. */
const agentActions: Record<AgentAction['type'], Check> = {
	feedback: object({type: oneOf(['feedback']), ticketKey, verdict: oneOf(['agree', 'disagree']), reason: optional(string(500)), level: optional(oneOf(levels)), signalIds: optional(array(string(100), 200))}),
	snooze: object({type: oneOf(['snooze']), ticketKey, until: isoDate}),
	escalated: object({type: oneOf(['escalated']), ticketKey, escalation: oneOf(escalationPaths), team: optional(string(200)), source: oneOf(['agent'])}),
	'template-inserted': object({type: oneOf(['template-inserted']), ticketKey, templateId: string(200)}),
};

const agentAction: Check = (value, path) => {
	const type = isRecord(value) ? value['type'] : undefined;
	return typeof type === 'string' && Object.hasOwn(agentActions, type)
		? agentActions[type as AgentAction['type']](value, path)
		: `${path}.type must be one of ${Object.keys(agentActions).join(', ')}`;
};

const deadline: Check = object({
	metric: oneOf(['first-reply', 'next-reply']),
	targetMinutes: number(0, 1_000_000),
	since: isoDate,
	breachAt: optional(isoDate),
});

const customConfig: Check = (value, path) => {
	const check = validateCustomConfig(value);
	return check.ok ? undefined : `${path}: ${check.errors.join('; ')}`;
};

const requestShapes: Record<BackgroundRequestType, Check> = {
	observe: object({type: oneOf(['observe']), snapshot, assessment: optional(assessment), deadline: optional(deadline)}),
	'adapter-miss': object({
		type: oneOf(['adapter-miss']),
		helpdesk: helpdeskId,
		url: string(limits.fieldChars),
		part: oneOf(['url', 'ticket', 'messages', 'role', 'editor', 'api', 'exception'] satisfies AdapterMissPart[]),
		detail: string(),
	}),
	'agent-action': object({
		type: oneOf(['agent-action']),
		actionId: string(100, /^[\w-]+$/),
		action: agentAction,
	}),
	countdowns: object({type: oneOf(['countdowns'])}),
	'queue-state': object({
		type: oneOf(['queue-state']),
		ticketKeys: array(string(500), 500),
	}),
	'ticket-context': object({
		type: oneOf(['ticket-context']),
		ticketKey: string(500),
		requesterKey: optional(string(1000)),
	}),
	'test-selectors': object({
		type: oneOf(['test-selectors']),
		origin: string(300, /^https?:\/\/[^/?#\s]+$/),
		config: customConfig,
	}),
	'delete-everything': object({type: oneOf(['delete-everything'])}),
	'page-setup': object({type: oneOf(['page-setup']), languages: array(string(8, /^[a-z]{2,3}$/), 10)}),
};

/** The request, or why it is not one. Unknown fields are rejected rather than stored. */
export function validateRequest(value: unknown): Result<BackgroundRequest> {
	if (!isRecord(value) || typeof value['type'] !== 'string') {
		return {ok: false, error: 'request must be an object with a type'};
	}

	const type = value['type'];
	if (!Object.hasOwn(requestShapes, type)) {
		return {ok: false, error: `unknown request type: ${type.slice(0, 40)}`};
	}

	const error = requestShapes[type as BackgroundRequestType](value, 'request');
	return error ? {ok: false, error} : {ok: true, value: value as BackgroundRequest};
}

