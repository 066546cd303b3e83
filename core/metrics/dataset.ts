// The relational, timeline-based dataset every metric is computed from.
// Plain JSON-compatible rows; times are epoch milliseconds. Field by field in ./README.md.
import type {EscalationPath, Level, Trigger} from '../model.ts';

export type TicketStatus = 'new' | 'open' | 'pending' | 'on-hold' | 'solved' | 'closed';
export const ticketStatuses: readonly TicketStatus[] = ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'];

/** A status event's new status. 'reopened' is an explicit reopen (the ticket is open again). */
export type StatusChange = 'open' | 'pending' | 'on-hold' | 'solved' | 'closed' | 'reopened';
export const statusChanges: readonly StatusChange[] = ['open', 'pending', 'on-hold', 'solved', 'closed', 'reopened'];

export type EscalationSource = 'agent' | 'group-change' | 'sla-rule';
export const escalationSources: readonly EscalationSource[] = ['agent', 'group-change', 'sla-rule'];

export type SlaMetric = 'first-reply' | 'next-reply' | 'periodic-update' | 'requester-wait' | 'agent-work' | 'resolution';
export const slaMetrics: readonly SlaMetric[] = [
	'first-reply',
	'next-reply',
	'periodic-update',
	'requester-wait',
	'agent-work',
	'resolution',
];

export type SurveyKind = 'csat' | 'nps' | 'ces';
export const surveyKinds: readonly SurveyKind[] = ['csat', 'nps', 'ces'];

/** Score ranges: CSAT 1..5, NPS 0..10, CES 1..7. */
export const surveyScales: Record<SurveyKind, readonly [min: number, max: number]> = {csat: [1, 5], nps: [0, 10], ces: [1, 7]};

export type FlagLevel = Exclude<Level, 'none'>;
export const flagLevels: readonly FlagLevel[] = ['watch', 'high', 'critical'];

export type Verdict = 'agree' | 'disagree';

/** Measures a helpdesk reported itself (CSV imports), used where the timeline cannot tell. */
export type ReportedMeasures = {
	firstReplyMinutes?: number | undefined;
	firstReplyBusinessMinutes?: number | undefined;
	firstResolutionMinutes?: number | undefined;
	firstResolutionBusinessMinutes?: number | undefined;
	fullResolutionMinutes?: number | undefined;
	fullResolutionBusinessMinutes?: number | undefined;
	/** Public agent replies. */
	replies?: number | undefined;
	reopens?: number | undefined;
	/** Customer messages after the one that opened the ticket (Freshdesk "Customer interactions"). */
	customerFollowUps?: number | undefined;
};

export type DatasetTicket = {
	/** `${helpdesk}:${host}:${ticketId}` (core/model.ts ticketKeyOf). */
	key: string;
	helpdesk: string;
	ticketId: string;
	createdAt: number;
	requesterKey: string | null;
	/** Current assignee. */
	agent: string | null;
	group: string | null;
	/** Normalised: 'low' | 'normal' | 'high' | 'urgent' where known. */
	priority: string | null;
	/** 'email' | 'web' | 'chat' | 'phone' | 'social' | 'api' | ... */
	channel: string | null;
	status: TicketStatus;
	/** The most likely escalation trigger from the last assessment. */
	trigger: Trigger | null;
	subject?: string | undefined;
	/** Customer-written text (all public customer messages), only for theme extraction. */
	customerText?: string | undefined;
	/** Theme ids already extracted (snapshots carry these instead of text). */
	themes?: string[] | undefined;
	reported?: ReportedMeasures | undefined;
};

type EventBase = {
	ticketKey: string;
	at: number;
	/** Who did it: the agent for replies, notes, flags seen, feedback and templates. */
	actor?: string | null | undefined;
};

export type TicketEvent =
	| (EventBase & {kind: 'customer-message'})
	| (EventBase & {kind: 'agent-reply'})
	| (EventBase & {kind: 'internal-note'})
	| (EventBase & {kind: 'status'; status: StatusChange})
	| (EventBase & {kind: 'assign'; agent: string | null})
	| (EventBase & {kind: 'group-change'; group: string | null})
	| (EventBase & {kind: 'escalation'; escalation: EscalationPath; source: EscalationSource; team?: string | undefined})
	| (EventBase & {kind: 'sla-target'; metric: SlaMetric; targetMinutes: number; businessHours: boolean})
	| (EventBase & {kind: 'sla-breach'; metric: SlaMetric})
	| (EventBase & {kind: 'flag'; level: FlagLevel; signals: string[]})
	| (EventBase & {kind: 'feedback'; verdict: Verdict})
	| (EventBase & {kind: 'template'; templateId: string});

export type TicketEventKind = TicketEvent['kind'];
export const eventKinds: readonly TicketEventKind[] = [
	'customer-message',
	'agent-reply',
	'internal-note',
	'status',
	'assign',
	'group-change',
	'escalation',
	'sla-target',
	'sla-breach',
	'flag',
	'feedback',
	'template',
];

export type SurveyResponse = {
	/** Stable id; when absent `${ticketKey}|${kind}|${at}` is used. */
	id?: string | undefined;
	ticketKey: string | null;
	kind: SurveyKind;
	/** CSAT 1..5, NPS 0..10, CES 1..7. null: a CSAT survey offered and not answered. */
	score: number | null;
	at: number;
	/** CSAT: the points of the scale the customer answered on (2, 3, 5, ...) when known; `score` is placed on 1..5. */
	scale?: number | undefined;
	/** The source records survey offers (a helpdesk export's satisfaction column): these rows, answered or not, make the response rate. */
	offered?: boolean | undefined;
};

export type Customer = {
	key: string;
	firstSeenAt: number;
	/** When the customer was lost (cancelled, churned); null while still a customer. */
	lostAt: number | null;
};

export type Dataset = {
	tickets: DatasetTicket[];
	events: TicketEvent[];
	surveys: SurveyResponse[];
	customers: Customer[];
	/** The moment the data describes ("now" for running clocks). Default: the latest time in the data. */
	asOf?: number | undefined;
};

export function emptyDataset(): Dataset {
	return {tickets: [], events: [], surveys: [], customers: []};
}

export function surveyIdOf(survey: SurveyResponse): string {
	return survey.id ?? `${survey.ticketKey ?? ''}|${survey.kind}|${survey.at}`;
}

/** The latest time mentioned anywhere in the dataset (or its explicit asOf). */
export function asOfOf(dataset: Dataset): number {
	if (dataset.asOf !== undefined) {
		return dataset.asOf;
	}

	let latest = 0;
	for (const ticket of dataset.tickets) {
		latest = Math.max(latest, ticket.createdAt);
	}

	for (const event of dataset.events) {
		latest = Math.max(latest, event.at);
	}

	for (const survey of dataset.surveys) {
		latest = Math.max(latest, survey.at);
	}

	return latest;
}

function eventKey(event: TicketEvent): string {
	const entries = Object.entries(event)
		.filter(([, value]) => value !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : 1));
	return JSON.stringify(entries);
}

/**
 * Several datasets as one: tickets and customers by key (a later dataset's row replaces an earlier one),
 * surveys by id, events deduplicated by content. Merging a dataset with itself changes nothing.
 */
export function mergeDatasets(...datasets: Dataset[]): Dataset {
	const tickets = new Map<string, DatasetTicket>();
	const events = new Map<string, TicketEvent>();
	const surveys = new Map<string, SurveyResponse>();
	const customers = new Map<string, Customer>();
	let asOf: number | undefined;
	for (const dataset of datasets) {
		for (const ticket of dataset.tickets) {
			tickets.set(ticket.key, ticket);
		}

		for (const event of dataset.events) {
			events.set(eventKey(event), event);
		}

		for (const survey of dataset.surveys) {
			surveys.set(surveyIdOf(survey), survey);
		}

		for (const customer of dataset.customers) {
			customers.set(customer.key, customer);
		}

		if (dataset.asOf !== undefined) {
			asOf = Math.max(asOf ?? dataset.asOf, dataset.asOf);
		}
	}

	const merged: Dataset = {
		tickets: [...tickets.values()],
		events: [...events.values()],
		surveys: [...surveys.values()],
		customers: [...customers.values()],
	};
	if (asOf !== undefined) {
		merged.asOf = asOf;
	}

	return merged;
}
