// Per-ticket measures derived from the timeline (the "facts" every KPI aggregates), in plain
// JavaScript: the one derivation in production. A second one in SQL, kept under test/cross-check/,
// is held equal to it by a test. Snapshots carry facts, not timelines.
import type {EscalationPath, Trigger} from '../model.ts';
import type {
	Customer,
	Dataset,
	DatasetTicket,
	FlagLevel,
	SlaMetric,
	SurveyKind,
	SurveyResponse,
	TicketEvent,
	TicketStatus,
	Verdict,
} from './dataset.ts';
import {asOfOf, surveyIdOf} from './dataset.ts';
import type {BusinessHours, DayKeys} from './time.ts';
import {makeBusinessClock, makeHourStart} from './time.ts';
import {extractThemes} from './themes.ts';

export type SlaOutcome = 'achieved' | 'breached' | 'active';

/** A next-reply interval: oldest unanswered customer message -> next public agent reply. */
export type ReplyFact = {
	/** When the agent replied (the interval's anchor in time). */
	at: number;
	ms: number;
	bhMs: number | null;
};

export type SlaFact = {
	metric: SlaMetric;
	targetMinutes: number;
	businessHours: boolean;
	outcome: SlaOutcome;
	/** The longest instance measured (business ms when the target is in business hours). */
	measuredMs: number | null;
};

export type TicketFact = {
	key: string;
	helpdesk: string;
	agent: string | null;
	group: string | null;
	priority: string | null;
	channel: string | null;
	trigger: Trigger | null;
	status: TicketStatus;
	requesterKey: string | null;
	createdAt: number;
	firstReplyMs: number | null;
	firstReplyBhMs: number | null;
	firstResolutionMs: number | null;
	firstResolutionBhMs: number | null;
	fullResolutionMs: number | null;
	fullResolutionBhMs: number | null;
	/** Solved at least once. */
	solved: boolean;
	/** Solved or closed now. */
	resolved: boolean;
	reopens: number;
	/** Public agent replies; null when unknown. */
	agentReplies: number | null;
	customerMessages: number | null;
	/** A customer message after the ticket's opening message; null when the timeline is unknown. */
	customerFollowUp: boolean | null;
	/** How complete this view of the ticket is (merges keep the most complete one). */
	eventCount: number;
	lastEventAt: number;
	themes: string[];
	replies: ReplyFact[];
	sla: SlaFact[];
};

export type EscalationFact = {ticketKey: string; at: number; type: EscalationPath; source: TicketEscalationSource; agent: string | null};
type TicketEscalationSource = Extract<TicketEvent, {kind: 'escalation'}>['source'];
export type FlagFact = {ticketKey: string; at: number; level: FlagLevel; agent: string | null; signals: string[]};
export type FeedbackFact = {ticketKey: string; at: number; verdict: Verdict; agent: string | null};
export type TemplateFact = {ticketKey: string; at: number; templateId: string; agent: string | null};
/** `score` null: a CSAT survey offered, not answered. `scale` and `offered` as in the dataset (absent when unknown / not recorded). */
export type SurveyFact = {
	id: string;
	ticketKey: string | null;
	kind: SurveyKind;
	score: number | null;
	at: number;
	scale?: number | undefined;
	offered?: boolean | undefined;
};
export type AgentHourFact = {agent: string; hour: number};

export type Facts = {
	asOf: number;
	tickets: TicketFact[];
	escalations: EscalationFact[];
	flags: FlagFact[];
	feedback: FeedbackFact[];
	templates: TemplateFact[];
	surveys: SurveyFact[];
	customers: Customer[];
	agentHours: AgentHourFact[];
};

export type DeriveOptions = {
	/** Business hours for the *Bh* measures; without them those measures are null (or reported). */
	businessHours?: BusinessHours | undefined;
	/** Extract themes from customer text. @default true */
	themes?: boolean | undefined;
	/** Time zone of agent-hours (local clock hours). @default the calendar's zone, else 'UTC' */
	timezone?: string | undefined;
};

const minuteMs = 60_000;

type Clock = ((ms: number) => number) | undefined;

function minutesToMs(minutes: number | undefined): number | null {
	return minutes === undefined ? null : Math.round(minutes * minuteMs);
}

function diff(clock: Clock, start: number, end: number): number | null {
	return clock ? clock(end) - clock(start) : null;
}

type Effective = 'open' | 'pending' | 'on-hold' | 'solved' | 'closed';

function effectiveOf(status: string): Effective {
	if (status === 'reopened' || status === 'new') {
		return 'open';
	}

	return status as Effective;
}

function isDone(status: Effective): boolean {
	return status === 'solved' || status === 'closed';
}

type Instance = {measured: number; complete: boolean};

/** The timeline of one ticket, events sorted by (at, input order). */
export function deriveTicket(ticket: DatasetTicket, events: readonly TicketEvent[], asOf: number, clock: Clock): TicketFact {
	const reported = ticket.reported ?? {};
	let customerMessages = 0;
	let agentReplies = 0;
	let firstCustomer = -1;
	let firstReply = -1;
	let firstAgent = -1;
	let lastEventAt = ticket.createdAt;
	for (const [index, event] of events.entries()) {
		lastEventAt = Math.max(lastEventAt, event.at);
		if (event.kind === 'customer-message') {
			customerMessages++;
			if (firstCustomer < 0) {
				firstCustomer = index;
			}
		} else if (event.kind === 'agent-reply') {
			agentReplies++;
			if (firstAgent < 0) {
				firstAgent = index;
			}

			if (firstReply < 0 && firstCustomer >= 0) {
				firstReply = index;
			}
		}
	}

	const hasMessages = customerMessages + agentReplies > 0;
	const at = (index: number): number => events[index]!.at;

	// Next-reply intervals; the group holding the first customer message is the first reply, not a next reply.
	const replies: ReplyFact[] = [];
	let groupStart = -1;
	for (const [index, event] of events.entries()) {
		if (event.kind === 'customer-message') {
			if (groupStart < 0) {
				groupStart = index;
			}
		} else if (event.kind === 'agent-reply') {
			if (groupStart >= 0) {
				if (groupStart !== firstCustomer) {
					replies.push({at: event.at, ms: event.at - at(groupStart), bhMs: diff(clock, at(groupStart), event.at)});
				}

				groupStart = -1;
			}
		}
	}

	// Status timeline: the ticket is open from creation until the first status event.
	let previous: Effective = 'open';
	let statusEvents = 0;
	let reopens = 0;
	let firstSolvedAt = -1;
	let lastSolvedAt = -1;
	const spans: Array<{status: Effective; start: number; end: number}> = [];
	let spanStart = ticket.createdAt;
	for (const event of events) {
		if (event.kind !== 'status') {
			continue;
		}

		statusEvents++;
		const next = effectiveOf(event.status);
		if (event.status === 'solved' || (event.status === 'closed' && !isDone(previous))) {
			if (firstSolvedAt < 0) {
				firstSolvedAt = event.at;
			}

			lastSolvedAt = event.at;
		}

		if (!isDone(next) && isDone(previous)) {
			reopens++;
		}

		spans.push({status: previous, start: spanStart, end: event.at});
		spanStart = event.at;
		previous = next;
	}

	spans.push({status: previous, start: spanStart, end: Math.max(asOf, spanStart)});

	const resolved = ticket.status === 'solved' || ticket.status === 'closed';
	const hasStatus = statusEvents > 0;
	let firstResolutionMs: number | null;
	let firstResolutionBhMs: number | null;
	let fullResolutionMs: number | null = null;
	let fullResolutionBhMs: number | null = null;
	if (hasStatus) {
		firstResolutionMs = firstSolvedAt >= 0 ? firstSolvedAt - ticket.createdAt : null;
		firstResolutionBhMs = firstSolvedAt >= 0 ? diff(clock, ticket.createdAt, firstSolvedAt) : null;
		if (resolved && lastSolvedAt >= 0) {
			fullResolutionMs = lastSolvedAt - ticket.createdAt;
			fullResolutionBhMs = diff(clock, ticket.createdAt, lastSolvedAt);
		}
	} else {
		firstResolutionMs = minutesToMs(reported.firstResolutionMinutes);
		firstResolutionBhMs = minutesToMs(reported.firstResolutionBusinessMinutes);
		if (resolved) {
			fullResolutionMs = minutesToMs(reported.fullResolutionMinutes);
			fullResolutionBhMs = minutesToMs(reported.fullResolutionBusinessMinutes);
		}
	}

	let firstReplyMs: number | null;
	let firstReplyBhMs: number | null;
	if (hasMessages) {
		firstReplyMs = firstReply >= 0 ? at(firstReply) - at(firstCustomer) : null;
		firstReplyBhMs = firstReply >= 0 ? diff(clock, at(firstCustomer), at(firstReply)) : null;
	} else {
		firstReplyMs = minutesToMs(reported.firstReplyMinutes);
		firstReplyBhMs = minutesToMs(reported.firstReplyBusinessMinutes);
	}

	// Freshservice: any customer message after the one that opened the ticket is a follow-up.
	const openedByCustomer = firstCustomer >= 0 && (firstAgent < 0 || firstCustomer < firstAgent);
	let customerFollowUp: boolean | null = null;
	if (hasMessages) {
		customerFollowUp = customerMessages - (openedByCustomer ? 1 : 0) > 0;
	} else if (reported.customerFollowUps !== undefined) {
		customerFollowUp = reported.customerFollowUps > 0;
	}

	const sla = deriveSla({
		ticket,
		events,
		asOf,
		clock,
		resolved,
		spans,
		firstCustomer,
		firstReply,
		groupStart,
		fullResolutionMs,
		fullResolutionBhMs,
		replies,
	});

	return {
		key: ticket.key,
		helpdesk: ticket.helpdesk,
		agent: ticket.agent,
		group: ticket.group,
		priority: ticket.priority,
		channel: ticket.channel,
		trigger: ticket.trigger,
		status: ticket.status,
		requesterKey: ticket.requesterKey,
		createdAt: ticket.createdAt,
		firstReplyMs,
		firstReplyBhMs,
		firstResolutionMs,
		firstResolutionBhMs,
		fullResolutionMs,
		fullResolutionBhMs,
		solved: firstSolvedAt >= 0 || resolved || (!hasStatus && reported.firstResolutionMinutes !== undefined),
		resolved,
		reopens: hasStatus ? reopens : (reported.reopens ?? 0),
		agentReplies: hasMessages ? agentReplies : (reported.replies ?? null),
		customerMessages: hasMessages ? customerMessages : null,
		customerFollowUp,
		eventCount: events.length,
		lastEventAt,
		themes: [...new Set(ticket.themes ?? [])].sort(),
		replies,
		sla,
	};
}

type SlaInput = {
	ticket: DatasetTicket;
	events: readonly TicketEvent[];
	asOf: number;
	clock: Clock;
	resolved: boolean;
	spans: Array<{status: Effective; start: number; end: number}>;
	firstCustomer: number;
	firstReply: number;
	/** Index of the oldest unanswered customer message at the end, or -1. */
	groupStart: number;
	fullResolutionMs: number | null;
	fullResolutionBhMs: number | null;
	replies: ReplyFact[];
};

function deriveSla(input: SlaInput): SlaFact[] {
	const {ticket, events, asOf, clock} = input;
	const targets = new Map<SlaMetric, Extract<TicketEvent, {kind: 'sla-target'}>>();
	const breached = new Set<SlaMetric>();
	for (const event of events) {
		if (event.kind === 'sla-target') {
			targets.set(event.metric, event); // The latest target for a metric wins
		} else if (event.kind === 'sla-breach') {
			breached.add(event.metric);
		}
	}

	const result: SlaFact[] = [];
	for (const [metric, target] of [...targets].sort(([a], [b]) => a.localeCompare(b))) {
		const business = target.businessHours && clock !== undefined;
		const span = (start: number, end: number): number => (business ? clock!(end) - clock!(start) : end - start);
		const instances: Instance[] = [];
		switch (metric) {
			case 'first-reply': {
				if (input.firstReply >= 0) {
					instances.push({measured: span(events[input.firstCustomer]!.at, events[input.firstReply]!.at), complete: true});
				} else if (input.firstCustomer >= 0) {
					instances.push({measured: span(events[input.firstCustomer]!.at, asOf), complete: false});
				}

				break;
			}

			case 'next-reply': {
				for (const reply of input.replies) {
					instances.push({measured: business ? reply.bhMs! : reply.ms, complete: true});
				}

				if (input.groupStart >= 0 && input.groupStart !== input.firstCustomer) {
					instances.push({measured: span(events[input.groupStart]!.at, asOf), complete: false});
				}

				break;
			}

			case 'periodic-update': {
				let previousAt = -1;
				for (const event of events) {
					if (event.kind === 'agent-reply') {
						if (previousAt >= 0) {
							instances.push({measured: span(previousAt, event.at), complete: true});
						}

						previousAt = event.at;
					}
				}

				if (previousAt >= 0 && !input.resolved) {
					instances.push({measured: span(previousAt, asOf), complete: false});
				}

				break;
			}

			case 'requester-wait':
			case 'agent-work': {
				const counted: readonly Effective[] = metric === 'requester-wait' ? ['open', 'on-hold'] : ['open'];
				let total = 0;
				for (const part of input.spans) {
					if (counted.includes(part.status)) {
						total += span(part.start, part.end);
					}
				}

				instances.push({measured: total, complete: input.resolved});
				break;
			}

			case 'resolution': {
				const full = business ? input.fullResolutionBhMs : input.fullResolutionMs;
				if (input.resolved && full !== null) {
					instances.push({measured: full, complete: true});
				} else if (!input.resolved) {
					instances.push({measured: span(ticket.createdAt, Math.max(asOf, ticket.createdAt)), complete: false});
				}

				break;
			}
		}

		const targetMs = target.targetMinutes * minuteMs;
		let outcome: SlaOutcome;
		if (breached.has(metric) || instances.some(instance => instance.measured > targetMs)) {
			outcome = 'breached';
		} else if (instances.length > 0 && instances.every(instance => instance.complete)) {
			outcome = 'achieved';
		} else {
			outcome = 'active';
		}

		const measuredMs = instances.length > 0 ? Math.max(...instances.map(instance => instance.measured)) : null;
		result.push({metric, targetMinutes: target.targetMinutes, businessHours: target.businessHours, outcome, measuredMs});
	}

	return result;
}

/** Events grouped per ticket and sorted by (at, input order). */
export function eventsByTicket(events: readonly TicketEvent[]): Map<string, TicketEvent[]> {
	const byTicket = new Map<string, TicketEvent[]>();
	for (const event of events) {
		let list = byTicket.get(event.ticketKey);
		if (!list) {
			list = [];
			byTicket.set(event.ticketKey, list);
		}

		list.push(event);
	}

	for (const list of byTicket.values()) {
		// Array.prototype.sort is stable: equal times keep their input order.
		list.sort((a, b) => a.at - b.at);
	}

	return byTicket;
}

/** The earliest and latest instants a business clock must cover. */
export function timeRangeOf(dataset: Dataset, asOf: number): [number, number] {
	let min = asOf;
	let max = asOf;
	for (const ticket of dataset.tickets) {
		min = Math.min(min, ticket.createdAt);
		max = Math.max(max, ticket.createdAt);
	}

	for (const event of dataset.events) {
		min = Math.min(min, event.at);
		max = Math.max(max, event.at);
	}

	return [min, max];
}

/** JSON with object keys sorted, so equal rows give equal strings whatever their key order. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) {
		return `[${value.map(item => canonicalJson(item)).join(',')}]`;
	}

	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, item]) => item !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
	}

	return JSON.stringify(value) ?? 'null';
}

/** Rows that are equal in every field are one row (the same event seen twice). Sorted canonically. */
export function uniqueRows<T>(rows: readonly T[]): T[] {
	const seen = new Map<string, T>();
	for (const row of rows) {
		const key = canonicalJson(row);
		if (!seen.has(key)) {
			seen.set(key, row);
		}
	}

	return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** Agent actions that show the agent was working during that hour. */
const agentActivityKinds = new Set<TicketEvent['kind']>([
	'agent-reply',
	'internal-note',
	'status',
	'assign',
	'group-change',
	'escalation',
	'flag',
	'feedback',
	'template',
]);

/** Annotations (escalations, flags, feedback, templates, agent-hours) read from the timeline. */
export function annotationsOf(
	events: readonly TicketEvent[],
	timezone = 'UTC',
): Pick<Facts, 'escalations' | 'flags' | 'feedback' | 'templates' | 'agentHours'> {
	const hourStartOf = makeHourStart(timezone);
	const escalations: EscalationFact[] = [];
	const flags: FlagFact[] = [];
	const feedback: FeedbackFact[] = [];
	const templates: TemplateFact[] = [];
	const hoursByAgent = new Map<string, Set<number>>();
	for (const event of events) {
		const agent = event.actor ?? null;
		if (agent !== null && agentActivityKinds.has(event.kind)) {
			let hours = hoursByAgent.get(agent);
			if (!hours) {
				hours = new Set();
				hoursByAgent.set(agent, hours);
			}

			hours.add(hourStartOf(event.at));
		}

		switch (event.kind) {
			case 'escalation': {
				escalations.push({ticketKey: event.ticketKey, at: event.at, type: event.escalation, source: event.source, agent});
				break;
			}

			case 'flag': {
				flags.push({ticketKey: event.ticketKey, at: event.at, level: event.level, agent, signals: [...event.signals].sort()});
				break;
			}

			case 'feedback': {
				feedback.push({ticketKey: event.ticketKey, at: event.at, verdict: event.verdict, agent});
				break;
			}

			case 'template': {
				templates.push({ticketKey: event.ticketKey, at: event.at, templateId: event.templateId, agent});
				break;
			}

			default: {
				break;
			}
		}
	}

	return {
		escalations: uniqueRows(escalations),
		flags: uniqueRows(flags),
		feedback: uniqueRows(feedback),
		templates: uniqueRows(templates),
		agentHours: sortAgentHours([...hoursByAgent].flatMap(([agent, hours]) => [...hours].map(hour => ({agent, hour})))),
	};
}

export function sortAgentHours(rows: AgentHourFact[]): AgentHourFact[] {
	return rows.sort((a, b) => (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : a.hour - b.hour));
}

/** Themes from customer text for tickets that have text but no themes yet. */
export function withThemes(tickets: readonly DatasetTicket[]): DatasetTicket[] {
	const themed = themerOf(tickets);
	return tickets.map(ticket => themed(ticket));
}

/**
 * Themes for the tickets that have text and no themes yet, as a function that gives a ticket with its
 * themes (a copy made when asked, so half a million tickets are not copied at once).
 */
export function themerOf(tickets: readonly DatasetTicket[]): (ticket: DatasetTicket) => DatasetTicket {
	const documents: Array<{id: string; text: string}> = [];
	for (const ticket of tickets) {
		if (ticket.themes === undefined && (ticket.customerText ?? ticket.subject) !== undefined) {
			documents.push({id: ticket.key, text: `${ticket.subject ?? ''}\n${ticket.customerText ?? ''}`});
		}
	}

	if (documents.length === 0) {
		return ticket => ticket;
	}

	const {assignments} = extractThemes(documents);
	return ticket => {
		if (ticket.themes !== undefined || (ticket.customerText ?? ticket.subject) === undefined) {
			return ticket;
		}

		const theme = assignments.get(ticket.key);
		return {...ticket, themes: theme === undefined ? [] : [theme]};
	};
}

/**
 * What deriving a dataset's tickets needs, prepared once: its "now", the business clock over its time
 * range, the tickets (with themes from their text unless turned off) and each ticket's events in order.
 */
export function prepareDerivation(
	dataset: Dataset,
	options: Pick<DeriveOptions, 'businessHours' | 'themes'> = {},
): {
	asOf: number;
	clock: Clock;
	tickets: readonly DatasetTicket[];
	/** The ticket with its themes (pass each ticket through it before deriving). */
	themed: (ticket: DatasetTicket) => DatasetTicket;
	eventsOf: (ticketKey: string) => TicketEvent[];
} {
	const asOf = asOfOf(dataset);
	let clock: Clock;
	if (options.businessHours) {
		const [min, max] = timeRangeOf(dataset, asOf);
		clock = makeBusinessClock(options.businessHours, min, max);
	}

	const themed = options.themes === false ? (ticket: DatasetTicket) => ticket : themerOf(dataset.tickets);
	const byTicket = eventsByTicket(dataset.events);
	return {asOf, clock, tickets: dataset.tickets, themed, eventsOf: ticketKey => byTicket.get(ticketKey) ?? []};
}

/** Every fact of a dataset: per-ticket measures plus the annotation rows, deduplicated. */
export function deriveFacts(dataset: Dataset, options: DeriveOptions = {}): Facts {
	const {asOf, clock, tickets, themed, eventsOf} = prepareDerivation(dataset, options);
	const facts = tickets.map(ticket => deriveTicket(themed(ticket), eventsOf(ticket.key), asOf, clock));
	return {
		asOf,
		tickets: facts,
		...annotationsOf(dataset.events, options.timezone ?? options.businessHours?.calendar.timezone ?? 'UTC'),
		surveys: surveyFactsOf(dataset.surveys),
		customers: [...dataset.customers].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
	};
}

/** Survey responses as facts: equal rows once, and one response per id. */
/** One survey response as a fact (surveyFactsOf also drops repeats; a stream of distinct responses needs only this). */
export function surveyFactOf(survey: SurveyResponse): SurveyFact {
	const fact: SurveyFact = {
		id: surveyIdOf(survey),
		ticketKey: survey.ticketKey,
		kind: survey.kind,
		score: survey.score,
		at: survey.at,
	};
	if (survey.scale !== undefined) {
		fact.scale = survey.scale;
	}

	if (survey.offered) {
		fact.offered = true;
	}

	return fact;
}

export function surveyFactsOf(surveys: readonly SurveyResponse[]): SurveyFact[] {
	return uniqueById(uniqueRows(surveys.map(survey => surveyFactOf(survey))));
}

function uniqueById<T extends {id: string}>(rows: readonly T[]): T[] {
	const seen = new Set<string>();
	return rows.filter(row => {
		if (seen.has(row.id)) {
			return false;
		}

		seen.add(row.id);
		return true;
	});
}

/** The local days the data spans: ticket creation and survey days up to asOf (customer dates do not widen it). */
export function dataDayRange(facts: Pick<Facts, 'asOf' | 'tickets' | 'surveys'>, dayKeysOf: (ms: number) => DayKeys): [number, number] {
	let min = Number.POSITIVE_INFINITY;
	let max = Number.NEGATIVE_INFINITY;
	const see = (ms: number): void => {
		const {day} = dayKeysOf(ms);
		min = Math.min(min, day);
		max = Math.max(max, day);
	};

	see(facts.asOf);
	for (const ticket of facts.tickets) {
		see(ticket.createdAt);
	}

	for (const survey of facts.surveys) {
		see(survey.at);
	}

	return [min, max];
}
