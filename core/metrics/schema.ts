// The rows of datasets and facts as schemas: the one definition imports, kept imports, snapshots and
// the command line check their rows against (field by field in ./README.md). The row types in
// dataset.ts and facts.ts must stay equal to what these schemas accept: a type test below fails to
// compile when they drift apart.
import * as v from 'valibot';
import {escalationPaths, triggers} from '../model.ts';
import type {Assert, Same} from '../schema.ts';
import {
	durationMs,
	epochMs,
	flag,
	got,
	issueLines,
	listOf,
	longestDuration,
	numberIn,
	oneOf,
	record,
	text,
	wholeNumberIn,
} from '../schema.ts';
import type {Customer, Dataset, DatasetTicket, SurveyResponse, TicketEvent} from './dataset.ts';
import {escalationSources, eventKinds, flagLevels, slaMetrics, statusChanges, ticketStatuses} from './dataset.ts';
import type {AgentHourFact, EscalationFact, FeedbackFact, FlagFact, SurveyFact, TemplateFact, TicketFact} from './facts.ts';

/** Counts of things in one ticket (replies, reopens, messages). */
const countOf = wholeNumberIn(0, 1_000_000, 'a count');
const minutes = numberIn(0, longestDuration / 60_000, 'minutes');
const key = text(1000, {nonEmpty: true});
const dimension = v.nullable(text(500));
const helpdesk = text(100, {nonEmpty: true});

export const reportedSchema = record({
	firstReplyMinutes: v.optional(minutes),
	firstReplyBusinessMinutes: v.optional(minutes),
	firstResolutionMinutes: v.optional(minutes),
	firstResolutionBusinessMinutes: v.optional(minutes),
	fullResolutionMinutes: v.optional(minutes),
	fullResolutionBusinessMinutes: v.optional(minutes),
	replies: v.optional(countOf),
	reopens: v.optional(countOf),
	customerFollowUps: v.optional(countOf),
});

export const datasetTicketSchema = record({
	key,
	helpdesk,
	ticketId: text(500, {nonEmpty: true}),
	createdAt: epochMs,
	requesterKey: dimension,
	agent: dimension,
	group: dimension,
	priority: dimension,
	channel: dimension,
	status: oneOf(ticketStatuses),
	trigger: v.nullable(oneOf(triggers)),
	subject: v.optional(text(10_000)),
	customerText: v.optional(text(10_000_000)),
	themes: v.optional(listOf(text(200), 50)),
	reported: v.optional(reportedSchema),
});

const eventBase = {
	ticketKey: key,
	at: epochMs,
	actor: v.nullish(text(500)),
};

const kind = <const K extends string>(name: K) => v.literal(name);

export const ticketEventSchema = v.variant(
	'kind',
	[
		record({...eventBase, kind: kind('customer-message')}),
		record({...eventBase, kind: kind('agent-reply')}),
		record({...eventBase, kind: kind('internal-note')}),
		record({...eventBase, kind: kind('status'), status: oneOf(statusChanges)}),
		record({...eventBase, kind: kind('assign'), agent: dimension}),
		record({...eventBase, kind: kind('group-change'), group: dimension}),
		record({
			...eventBase,
			kind: kind('escalation'),
			escalation: oneOf(escalationPaths),
			source: oneOf(escalationSources),
			team: v.optional(text(500)),
		}),
		record({
			...eventBase,
			kind: kind('sla-target'),
			metric: oneOf(slaMetrics),
			targetMinutes: numberIn(0.001, 1_000_000, 'minutes'),
			businessHours: flag,
		}),
		record({...eventBase, kind: kind('sla-breach'), metric: oneOf(slaMetrics)}),
		record({...eventBase, kind: kind('flag'), level: oneOf(flagLevels), signals: listOf(text(100), 200)}),
		record({...eventBase, kind: kind('feedback'), verdict: oneOf(['agree', 'disagree'] as const)}),
		record({...eventBase, kind: kind('template'), templateId: text(200, {nonEmpty: true})}),
	],
	issue => `expected an event of a known kind (${eventKinds.join(', ')}), ${got(issue)}`,
);

const surveyEntries = <const K extends string>(name: K, min: number, max: number) => ({
	// A survey may rate a ticket this dataset does not hold (survey files are imported on their own).
	ticketKey: v.nullable(key),
	kind: v.literal(name),
	// null: a survey sent and not answered (CSAT only, checked below).
	score: v.nullable(numberIn(min, max, `a ${name.toUpperCase()} score`)),
	at: epochMs,
	scale: v.optional(wholeNumberIn(2, 10, 'the points of a rating scale')),
	offered: v.optional(flag),
});
const surveyId = text(500, {nonEmpty: true});

// A variant's issue carries the discriminator's value (or the row, when it is no object).
const surveyKindMessage = (issue: {input: unknown}) => `expected a survey of kind csat, nps or ces, ${got(issue)}`;
const answered = <T extends {score: number | null}>(what: string) =>
	v.check<T, string>(row => row.score !== null, `an ${what} response needs a score (only a CSAT survey can be sent and not answered)`);

/** CSAT 1..5 or null (sent, not answered), NPS 0..10, CES 1..7 (surveyScales in dataset.ts). */
export const surveyResponseSchema = v.variant(
	'kind',
	[
		record({id: v.optional(surveyId), ...surveyEntries('csat', 1, 5)}),
		v.pipe(record({id: v.optional(surveyId), ...surveyEntries('nps', 0, 10)}), answered('NPS')),
		v.pipe(record({id: v.optional(surveyId), ...surveyEntries('ces', 1, 7)}), answered('CES')),
	],
	surveyKindMessage,
);
export const surveyFactSchema = v.variant(
	'kind',
	[
		record({id: surveyId, ...surveyEntries('csat', 1, 5)}),
		v.pipe(record({id: surveyId, ...surveyEntries('nps', 0, 10)}), answered('NPS')),
		v.pipe(record({id: surveyId, ...surveyEntries('ces', 1, 7)}), answered('CES')),
	],
	surveyKindMessage,
);

export const customerSchema = record({
	key,
	firstSeenAt: epochMs,
	lostAt: v.nullable(epochMs),
});

const nullableDuration = v.nullable(durationMs);

export const ticketFactSchema = record({
	key,
	helpdesk,
	agent: dimension,
	group: dimension,
	priority: dimension,
	channel: dimension,
	trigger: v.nullable(oneOf(triggers)),
	status: oneOf(ticketStatuses),
	requesterKey: dimension,
	createdAt: epochMs,
	firstReplyMs: nullableDuration,
	firstReplyBhMs: nullableDuration,
	firstResolutionMs: nullableDuration,
	firstResolutionBhMs: nullableDuration,
	fullResolutionMs: nullableDuration,
	fullResolutionBhMs: nullableDuration,
	solved: flag,
	resolved: flag,
	reopens: countOf,
	agentReplies: v.nullable(countOf),
	customerMessages: v.nullable(countOf),
	customerFollowUp: v.nullable(flag),
	eventCount: wholeNumberIn(0, 10_000_000, 'a count'),
	lastEventAt: epochMs,
	themes: listOf(text(200), 50),
	replies: listOf(record({at: epochMs, ms: durationMs, bhMs: nullableDuration}), 100_000),
	sla: listOf(
		record({
			metric: oneOf(slaMetrics),
			targetMinutes: numberIn(0.001, 1_000_000, 'minutes'),
			businessHours: flag,
			outcome: oneOf(['achieved', 'breached', 'active'] as const),
			measuredMs: nullableDuration,
		}),
		100,
	),
});

export const escalationFactSchema = record({
	ticketKey: key,
	at: epochMs,
	type: oneOf(escalationPaths),
	source: oneOf(escalationSources),
	agent: dimension,
});
export const flagFactSchema = record({
	ticketKey: key,
	at: epochMs,
	level: oneOf(flagLevels),
	agent: dimension,
	signals: listOf(text(100), 200),
});
export const feedbackFactSchema = record({ticketKey: key, at: epochMs, verdict: oneOf(['agree', 'disagree'] as const), agent: dimension});
export const templateFactSchema = record({ticketKey: key, at: epochMs, templateId: text(200, {nonEmpty: true}), agent: dimension});
export const agentHourFactSchema = record({agent: text(500), hour: epochMs});

export const datasetSchema = record({
	tickets: listOf(datasetTicketSchema, 50_000_000),
	events: listOf(ticketEventSchema, 500_000_000),
	surveys: listOf(surveyResponseSchema, 50_000_000),
	customers: listOf(customerSchema, 50_000_000),
	asOf: v.optional(epochMs),
});

export class DatasetError extends Error {
	readonly issues: string[];
	constructor(issues: string[]) {
		super(
			`Invalid dataset (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? '; ...' : ''}`,
		);
		this.name = 'DatasetError';
		this.issues = issues;
	}
}

const maxIssues = 50;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** All problems with `input` as a Dataset (empty when valid), at most 50, each naming the row and field. */
export function datasetIssues(input: unknown): string[] {
	if (!isRecord(input)) {
		return ['dataset: expected an object with tickets, events, surveys and customers'];
	}

	const result = v.safeParse(datasetSchema, input);
	const issues = result.success ? [] : issueLines(result.issues, 'dataset', maxIssues).map(line => line.replace(/^dataset: /, ''));
	// Rows that refer to each other: each key once, and every event about a ticket of this dataset.
	const ticketKeys = new Set<string>();
	for (const [index, row] of (Array.isArray(input.tickets) ? input.tickets : []).entries()) {
		const key = isRecord(row) ? row.key : undefined;
		if (typeof key === 'string') {
			if (ticketKeys.has(key)) {
				issues.push(`tickets[${index}].key: duplicate ticket key ${JSON.stringify(key)}`);
			}

			ticketKeys.add(key);
		}
	}

	for (const [index, row] of (Array.isArray(input.events) ? input.events : []).entries()) {
		const key = isRecord(row) ? row.ticketKey : undefined;
		if (typeof key === 'string' && !ticketKeys.has(key)) {
			issues.push(`events[${index}].ticketKey: no ticket has key ${JSON.stringify(key)}`);
		}
	}

	const customerKeys = new Set<string>();
	for (const [index, row] of (Array.isArray(input.customers) ? input.customers : []).entries()) {
		const key = isRecord(row) ? row.key : undefined;
		if (typeof key === 'string') {
			if (customerKeys.has(key)) {
				issues.push(`customers[${index}].key: duplicate customer key ${JSON.stringify(key)}`);
			}

			customerKeys.add(key);
		}
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

/** Compiles only while every row type equals what its schema accepts. */
export type RowTypesMatchSchemas = [
	Assert<Same<v.InferOutput<typeof datasetTicketSchema>, DatasetTicket>>,
	Assert<Same<v.InferOutput<typeof ticketEventSchema>, TicketEvent>>,
	Assert<Same<v.InferOutput<typeof surveyResponseSchema>, SurveyResponse>>,
	Assert<Same<v.InferOutput<typeof customerSchema>, Customer>>,
	Assert<Same<v.InferOutput<typeof ticketFactSchema>, TicketFact>>,
	Assert<Same<v.InferOutput<typeof surveyFactSchema>, SurveyFact>>,
	Assert<Same<v.InferOutput<typeof escalationFactSchema>, EscalationFact>>,
	Assert<Same<v.InferOutput<typeof flagFactSchema>, FlagFact>>,
	Assert<Same<v.InferOutput<typeof feedbackFactSchema>, FeedbackFact>>,
	Assert<Same<v.InferOutput<typeof templateFactSchema>, TemplateFact>>,
	Assert<Same<v.InferOutput<typeof agentHourFactSchema>, AgentHourFact>>,
	Assert<Same<v.InferOutput<typeof datasetSchema>, Dataset>>,
];
