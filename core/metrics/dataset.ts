// The relational, timeline-based dataset every metric is computed from.
// Plain JSON-compatible rows; times are epoch milliseconds. Field by field in ./README.md.
import type {EscalationPath, Level, Trigger} from '../model.ts';
import {escalationPaths, triggers} from '../model.ts';

export type TicketStatus = 'new' | 'open' | 'pending' | 'on-hold' | 'solved' | 'closed';
export const ticketStatuses: readonly TicketStatus[] = ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'];

/** A status event's new status. 'reopened' is an explicit reopen (the ticket is open again). */
export type StatusChange = 'open' | 'pending' | 'on-hold' | 'solved' | 'closed' | 'reopened';
export const statusChanges: readonly StatusChange[] = ['open', 'pending', 'on-hold', 'solved', 'closed', 'reopened'];

export type EscalationSource = 'agent' | 'group-change' | 'sla-rule';
export const escalationSources: readonly EscalationSource[] = ['agent', 'group-change', 'sla-rule'];

export type SlaMetric = 'first-reply' | 'next-reply' | 'periodic-update' | 'requester-wait' | 'agent-work' | 'resolution';
export const slaMetrics: readonly SlaMetric[] = ['first-reply', 'next-reply', 'periodic-update', 'requester-wait', 'agent-work', 'resolution'];

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
	'customer-message', 'agent-reply', 'internal-note', 'status', 'assign', 'group-change',
	'escalation', 'sla-target', 'sla-breach', 'flag', 'feedback', 'template',
];

export type SurveyResponse = {
	/** Stable id; when absent `${ticketKey}|${kind}|${at}` is used. */
	id?: string | undefined;
	ticketKey: string | null;
	kind: SurveyKind;
	score: number;
	at: number;
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

export class DatasetError extends Error {
	readonly issues: string[];
	constructor(issues: string[]) {
		super(`Invalid dataset (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? '; ...' : ''}`);
		this.name = 'DatasetError';
		this.issues = issues;
	}
}

const maxIssues = 50;

type Checker = {
	issues: string[];
	path: string;
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function report(checker: Checker, field: string, problem: string): void {
	if (checker.issues.length < maxIssues) {
		checker.issues.push(`${checker.path}.${field}: ${problem}`);
	}
}

function time(checker: Checker, row: Record<string, unknown>, field: string): void {
	const value = row[field];
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
		report(checker, field, `expected epoch milliseconds, got ${JSON.stringify(value)}`);
	}
}

function text(checker: Checker, row: Record<string, unknown>, field: string, options: {nullable?: boolean; optional?: boolean; nonEmpty?: boolean} = {}): void {
	const value = row[field];
	if (value === undefined && options.optional) {
		return;
	}

	if (value === null && options.nullable) {
		return;
	}

	if (typeof value !== 'string' || (options.nonEmpty && value === '')) {
		report(checker, field, `expected ${options.nonEmpty ? 'a non-empty ' : 'a '}string${options.nullable ? ' or null' : ''}, got ${JSON.stringify(value)}`);
	}
}

function oneOf(checker: Checker, row: Record<string, unknown>, field: string, allowed: readonly string[], nullable = false): void {
	const value = row[field];
	if (value === null && nullable) {
		return;
	}

	if (typeof value !== 'string' || !allowed.includes(value)) {
		report(checker, field, `expected one of ${allowed.join(', ')}${nullable ? ' or null' : ''}, got ${JSON.stringify(value)}`);
	}
}

function checkTicket(checker: Checker, row: Record<string, unknown>): void {
	text(checker, row, 'key', {nonEmpty: true});
	text(checker, row, 'helpdesk', {nonEmpty: true});
	text(checker, row, 'ticketId', {nonEmpty: true});
	time(checker, row, 'createdAt');
	for (const field of ['requesterKey', 'agent', 'group', 'priority', 'channel']) {
		text(checker, row, field, {nullable: true});
	}

	oneOf(checker, row, 'status', ticketStatuses);
	oneOf(checker, row, 'trigger', triggers, true);
	text(checker, row, 'subject', {optional: true});
	text(checker, row, 'customerText', {optional: true});
	if (row.themes !== undefined && (!Array.isArray(row.themes) || !row.themes.every(theme => typeof theme === 'string'))) {
		report(checker, 'themes', 'expected an array of strings');
	}

	if (row.reported !== undefined) {
		if (isRecord(row.reported)) {
			for (const [name, value] of Object.entries(row.reported)) {
				if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
					report(checker, `reported.${name}`, `expected a non-negative number, got ${JSON.stringify(value)}`);
				}
			}
		} else {
			report(checker, 'reported', 'expected an object');
		}
	}
}

function checkEvent(checker: Checker, row: Record<string, unknown>, ticketKeys: Set<string>): void {
	text(checker, row, 'ticketKey', {nonEmpty: true});
	if (typeof row.ticketKey === 'string' && !ticketKeys.has(row.ticketKey)) {
		report(checker, 'ticketKey', `no ticket has key ${JSON.stringify(row.ticketKey)}`);
	}

	time(checker, row, 'at');
	text(checker, row, 'actor', {nullable: true, optional: true});
	oneOf(checker, row, 'kind', eventKinds);
	switch (row.kind) {
		case 'status': {
			oneOf(checker, row, 'status', statusChanges);
			break;
		}

		case 'assign': {
			text(checker, row, 'agent', {nullable: true});
			break;
		}

		case 'group-change': {
			text(checker, row, 'group', {nullable: true});
			break;
		}

		case 'escalation': {
			oneOf(checker, row, 'escalation', escalationPaths);
			oneOf(checker, row, 'source', escalationSources);
			text(checker, row, 'team', {optional: true});
			break;
		}

		case 'sla-target': {
			oneOf(checker, row, 'metric', slaMetrics);
			if (typeof row.targetMinutes !== 'number' || !(row.targetMinutes > 0)) {
				report(checker, 'targetMinutes', `expected a positive number, got ${JSON.stringify(row.targetMinutes)}`);
			}

			if (typeof row.businessHours !== 'boolean') {
				report(checker, 'businessHours', 'expected a boolean');
			}

			break;
		}

		case 'sla-breach': {
			oneOf(checker, row, 'metric', slaMetrics);
			break;
		}

		case 'flag': {
			oneOf(checker, row, 'level', flagLevels);
			if (!Array.isArray(row.signals) || !row.signals.every(signal => typeof signal === 'string')) {
				report(checker, 'signals', 'expected an array of strings');
			}

			break;
		}

		case 'feedback': {
			oneOf(checker, row, 'verdict', ['agree', 'disagree']);
			break;
		}

		case 'template': {
			text(checker, row, 'templateId', {nonEmpty: true});
			break;
		}

		default: {
			break;
		}
	}
}

function checkSurvey(checker: Checker, row: Record<string, unknown>): void {
	text(checker, row, 'id', {optional: true, nonEmpty: true});
	// A survey may rate a ticket this dataset does not hold (survey files are imported on their own).
	text(checker, row, 'ticketKey', {nullable: true});
	oneOf(checker, row, 'kind', surveyKinds);
	time(checker, row, 'at');
	const scale = surveyScales[row.kind as SurveyKind] as readonly [number, number] | undefined;
	if (scale && (typeof row.score !== 'number' || !Number.isFinite(row.score) || row.score < scale[0] || row.score > scale[1])) {
		report(checker, 'score', `expected a number from ${scale[0]} to ${scale[1]} for ${String(row.kind)}, got ${JSON.stringify(row.score)}`);
	}
}

function checkCustomer(checker: Checker, row: Record<string, unknown>): void {
	text(checker, row, 'key', {nonEmpty: true});
	time(checker, row, 'firstSeenAt');
	if (row.lostAt !== null) {
		time(checker, row, 'lostAt');
	}
}

function checkRows(issues: string[], input: Record<string, unknown>, name: string, check: (checker: Checker, row: Record<string, unknown>) => void): void {
	const rows = input[name];
	if (!Array.isArray(rows)) {
		issues.push(`${name}: expected an array`);
		return;
	}

	for (const [index, row] of rows.entries()) {
		const checker = {issues, path: `${name}[${index}]`};
		if (isRecord(row)) {
			check(checker, row);
		} else {
			issues.push(`${name}[${index}]: expected an object`);
		}
	}
}

/** All problems with `input` as a Dataset (empty when valid), at most 50. */
export function datasetIssues(input: unknown): string[] {
	if (!isRecord(input)) {
		return ['dataset: expected an object with tickets, events, surveys and customers'];
	}

	const issues: string[] = [];
	const ticketKeys = new Set<string>();
	checkRows(issues, input, 'tickets', (checker, row) => {
		checkTicket(checker, row);
		if (typeof row.key === 'string') {
			if (ticketKeys.has(row.key)) {
				report(checker, 'key', `duplicate ticket key ${JSON.stringify(row.key)}`);
			}

			ticketKeys.add(row.key);
		}
	});
	checkRows(issues, input, 'events', (checker, row) => {
		checkEvent(checker, row, ticketKeys);
	});
	checkRows(issues, input, 'surveys', (checker, row) => {
		checkSurvey(checker, row);
	});
	const customerKeys = new Set<string>();
	checkRows(issues, input, 'customers', (checker, row) => {
		checkCustomer(checker, row);
		if (typeof row.key === 'string') {
			if (customerKeys.has(row.key)) {
				report(checker, 'key', `duplicate customer key ${JSON.stringify(row.key)}`);
			}

			customerKeys.add(row.key);
		}
	});
	if (input.asOf !== undefined && (typeof input.asOf !== 'number' || !Number.isFinite(input.asOf))) {
		issues.push('asOf: expected epoch milliseconds');
	}

	return issues.slice(0, maxIssues);
}

/** The validated constructor: returns `input` typed as a Dataset, or throws a DatasetError listing every problem. */
export function validateDataset(input: unknown): Dataset {
	const issues = datasetIssues(input);
	if (issues.length > 0) {
		throw new DatasetError(issues);
	}

	return input as Dataset;
}

function eventKey(event: TicketEvent): string {
	const entries = Object.entries(event).filter(([, value]) => value !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
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

	const merged: Dataset = {tickets: [...tickets.values()], events: [...events.values()], surveys: [...surveys.values()], customers: [...customers.values()]};
	if (asOf !== undefined) {
		merged.asOf = asOf;
	}

	return merged;
}
