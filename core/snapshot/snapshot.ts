// Metric snapshots: versioned JSON a team lead can merge across agents (schema in ./README.md).
import * as v from 'valibot';
import type {BusinessCalendar} from '../calendar.ts';
import {validateCalendar} from '../calendar.ts';
import type {Customer, Dataset, DatasetTicket, TicketEvent} from '../metrics/dataset.ts';
import type {DeriveOptions, Facts, TicketFact} from '../metrics/facts.ts';
import {deriveFacts} from '../metrics/facts.ts';
import {shareableThemes} from '../metrics/themes-privacy.ts';
import {
	agentHourFactSchema,
	customerSchema,
	escalationFactSchema,
	feedbackFactSchema,
	flagFactSchema,
	surveyFactSchema,
	templateFactSchema,
	ticketEventSchema,
	ticketFactSchema,
} from '../metrics/schema.ts';
import type {Assert, Same} from '../schema.ts';
import {epochMs, got, issueLines, latestTime, listOf, oneOf, record, text} from '../schema.ts';
import {makeHasher, maskText, randomSalt, saltId} from './redact.ts';

export const snapshotFormat = 'defuse-snapshot';
export const snapshotVersion = 1;

export type SnapshotDetail = 'aggregates' | 'details';

/** Redacted customer text of one ticket (details snapshots only). */
export type SnapshotText = {ticketKey: string; subject?: string | undefined; customerText?: string | undefined};

export type Snapshot = {
	format: typeof snapshotFormat;
	version: typeof snapshotVersion;
	/** ISO-8601: when the snapshot was made (the latest one when merged). */
	createdAt: string;
	detail: SnapshotDetail;
	/** The time zone the producer used (days are recomputed by whoever loads the snapshot). */
	timezone: string;
	/** Business hours the *Bh* measures were computed with, if any. */
	calendar?: BusinessCalendar | undefined;
	/** Fingerprint of the salt that pseudonymised customer keys; snapshots with equal ids recognise the same customers. */
	saltId: string;
	/** "Now" of the data (epoch ms). */
	asOf: number;
	tickets: TicketFact[];
	escalations: Facts['escalations'];
	flags: Facts['flags'];
	feedback: Facts['feedback'];
	templates: Facts['templates'];
	surveys: Facts['surveys'];
	customers: Customer[];
	agentHours: Facts['agentHours'];
	/** Details only: the timeline (no text) and redacted customer text. */
	events?: TicketEvent[] | undefined;
	texts?: SnapshotText[] | undefined;
};

export type SnapshotOptions = DeriveOptions & {
	/** @default 'aggregates' */
	detail?: SnapshotDetail | undefined;
	/** Team-wide secret: the same salt on every machine lets merged snapshots recognise the same customer. @default a random salt */
	salt?: string | undefined;
	/** Replace agent names by pseudonyms too. @default false (per-agent breakdowns need them) */
	pseudonymizeAgents?: boolean | undefined;
	/** @default now */
	createdAt?: string | undefined;
};

/**
 * A snapshot of a dataset. Aggregates (the default) hold per-ticket measures and annotation rows:
 * no customer text, customer keys pseudonymised. Details add the timeline and masked customer text.
 */
export async function createSnapshot(dataset: Dataset, options: SnapshotOptions = {}): Promise<Snapshot> {
	const detail = options.detail ?? 'aggregates';
	const salt = options.salt ?? randomSalt();
	const hash = makeHasher(salt);
	const agentName = options.pseudonymizeAgents ? makeHasher(`agent:${salt}`) : undefined;
	const agent = async (name: string | null): Promise<string | null> =>
		name === null || !agentName ? name : `agent-${(await agentName(name)).slice(2, 10)}`;
	const timezone = options.timezone ?? options.businessHours?.calendar.timezone ?? 'UTC';
	const facts = deriveFacts(dataset, {...options, timezone});
	if (detail === 'aggregates') {
		const textOf = new Map(dataset.tickets.map(ticket => [ticket.key, `${ticket.subject ?? ''}\n${ticket.customerText ?? ''}`]));
		facts.tickets = withShareableThemes(facts.tickets, key => textOf.get(key));
	}

	const tickets: TicketFact[] = [];
	for (const ticket of facts.tickets) {
		tickets.push({
			...ticket,
			requesterKey: ticket.requesterKey === null ? null : await hash(ticket.requesterKey),
			agent: await agent(ticket.agent),
		});
	}

	const withAgent = async <T extends {agent: string | null}>(rows: T[]): Promise<T[]> =>
		Promise.all(rows.map(async row => ({...row, agent: await agent(row.agent)})));
	const snapshot: Snapshot = {
		format: snapshotFormat,
		version: snapshotVersion,
		createdAt: options.createdAt ?? new Date().toISOString(),
		detail,
		timezone,
		saltId: await saltId(salt),
		asOf: facts.asOf,
		tickets,
		escalations: await withAgent(facts.escalations),
		flags: await withAgent(facts.flags),
		feedback: await withAgent(facts.feedback),
		templates: await withAgent(facts.templates),
		surveys: facts.surveys,
		customers: await Promise.all(facts.customers.map(async customer => ({...customer, key: await hash(customer.key)}))),
		agentHours: await Promise.all(facts.agentHours.map(async row => ({agent: (await agent(row.agent))!, hour: row.hour}))),
	};
	if (options.businessHours) {
		snapshot.calendar = options.businessHours.calendar;
	}

	if (detail === 'details') {
		snapshot.events = await Promise.all(
			dataset.events.map(async event => {
				const copy = {...event};
				if (copy.kind === 'customer-message') {
					// Customer events name the customer: never exported, whatever the source put there.
					delete copy.actor;
				} else if (copy.actor !== undefined) {
					copy.actor = await agent(copy.actor ?? null);
				}

				if (copy.kind === 'assign') {
					(copy as {agent: string | null}).agent = await agent(copy.agent);
				}

				return copy;
			}),
		);
		snapshot.texts = dataset.tickets
			.filter(ticket => ticket.subject !== undefined || ticket.customerText !== undefined)
			.map(ticket => textOf(ticket));
	}

	return snapshot;
}

/**
 * Ticket facts with only the themes that may travel without details: backed by several distinct
 * customers, no sensitive term, no word written like a name (core/metrics/themes-privacy.ts).
 */
export function withShareableThemes(
	tickets: readonly TicketFact[],
	textOf: (key: string) => string | undefined = () => undefined,
): TicketFact[] {
	const {shareable} = shareableThemes(
		tickets.map(ticket => ({key: ticket.key, requesterKey: ticket.requesterKey, themes: ticket.themes, text: textOf(ticket.key)})),
	);
	return tickets.map(ticket =>
		ticket.themes.every(theme => shareable.has(theme)) ? ticket : {...ticket, themes: ticket.themes.filter(theme => shareable.has(theme))},
	);
}

function textOf(ticket: DatasetTicket): SnapshotText {
	const text: SnapshotText = {ticketKey: ticket.key};
	if (ticket.subject !== undefined) {
		text.subject = maskText(ticket.subject);
	}

	if (ticket.customerText !== undefined) {
		text.customerText = maskText(ticket.customerText);
	}

	return text;
}

/** The facts a snapshot carries, ready for loadFacts() or computeKpis(). */
export function factsOfSnapshot(snapshot: Snapshot): Facts {
	return {
		asOf: snapshot.asOf,
		tickets: snapshot.tickets,
		escalations: snapshot.escalations,
		flags: snapshot.flags,
		feedback: snapshot.feedback,
		templates: snapshot.templates,
		surveys: snapshot.surveys,
		customers: snapshot.customers,
		agentHours: snapshot.agentHours,
	};
}

export class SnapshotError extends Error {
	/** One line per problem, naming the file, the row and the field. */
	readonly issues: string[];
	constructor(message: string, issues: string[] = [message]) {
		super(message);
		this.name = 'SnapshotError';
		this.issues = issues;
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const calendarSchema = v.custom<BusinessCalendar>(
	value => validateCalendar(value).ok,
	issue =>
		`expected business hours (timezone, weekly, holidays): ${(() => {
			const check = validateCalendar(issue.input);
			return check.ok ? '' : check.errors.slice(0, 3).join('; ');
		})()}`,
);

const zoneSchema = v.pipe(
	text(100, {nonEmpty: true}),
	v.check(
		zone => validateCalendar({timezone: zone, weekly: {}, holidays: []}).ok,
		issue => `expected an IANA time zone, ${got(issue)}`,
	),
);

/** Every row of a snapshot, with value ranges and enums: the one definition readers check against. */
export const snapshotSchema = record({
	format: v.literal(snapshotFormat),
	version: v.literal(snapshotVersion),
	createdAt: v.pipe(
		text(40),
		v.check(
			value => !Number.isNaN(Date.parse(value)) && Date.parse(value) <= latestTime,
			issue => `expected an ISO-8601 date before 2100, ${got(issue)}`,
		),
	),
	detail: oneOf(['aggregates', 'details'] as const),
	timezone: zoneSchema,
	calendar: v.optional(calendarSchema),
	saltId: text(100),
	asOf: epochMs,
	tickets: listOf(ticketFactSchema, 50_000_000),
	escalations: listOf(escalationFactSchema, 50_000_000),
	flags: listOf(flagFactSchema, 50_000_000),
	feedback: listOf(feedbackFactSchema, 50_000_000),
	templates: listOf(templateFactSchema, 50_000_000),
	surveys: listOf(surveyFactSchema, 50_000_000),
	customers: listOf(customerSchema, 50_000_000),
	agentHours: listOf(agentHourFactSchema, 50_000_000),
	events: v.optional(listOf(ticketEventSchema, 500_000_000)),
	texts: v.optional(
		listOf(
			record({ticketKey: text(1000, {nonEmpty: true}), subject: v.optional(text(10_000)), customerText: v.optional(text(10_000_000))}),
			50_000_000,
		),
	),
});

/**
 * Checks that parsed JSON is a snapshot this version understands, every row of it: throws a
 * SnapshotError listing each bad row and field (`name: tickets[3].firstReplyMs: expected ...`).
 */
export function parseSnapshot(input: unknown, name = 'snapshot'): Snapshot {
	if (!isRecord(input) || input.format !== snapshotFormat) {
		throw new SnapshotError(`${name}: not a Defuse snapshot (no "format": "${snapshotFormat}")`);
	}

	if (input.version !== snapshotVersion) {
		throw new SnapshotError(
			`${name}: snapshot version ${String(input.version)} is not supported (this build reads version ${snapshotVersion})`,
		);
	}

	const result = v.safeParse(snapshotSchema, input);
	if (!result.success) {
		const issues = issueLines(result.issues, name);
		throw new SnapshotError(
			`${issues[0]!}${issues.length > 1 ? ` (and ${result.issues.length - 1} more problem${result.issues.length === 2 ? '' : 's'})` : ''}`,
			issues,
		);
	}

	const duplicates = duplicateTicketKeys(result.output.tickets);
	if (duplicates.length > 0) {
		const issues = duplicates
			.slice(0, 20)
			.map(index => `${name}: tickets[${index}].key: the ticket ${JSON.stringify(result.output.tickets[index]!.key)} appears twice`);
		throw new SnapshotError(issues[0]!, issues);
	}

	return result.output;
}

function duplicateTicketKeys(tickets: readonly TicketFact[]): number[] {
	const seen = new Set<string>();
	const duplicates: number[] = [];
	for (const [index, ticket] of tickets.entries()) {
		if (seen.has(ticket.key)) {
			duplicates.push(index);
		}

		seen.add(ticket.key);
	}

	return duplicates;
}

/** The type a snapshot's schema accepts is the Snapshot type (compile-time check). */
export type SnapshotMatchesSchema = Assert<Same<v.InferOutput<typeof snapshotSchema>, Snapshot>>;

/**
 * A snapshot of facts as they are, without pseudonymising anything: for merging local inputs in one
 * process (the command line), never for export.
 */
export function snapshotFromFacts(
	facts: Facts,
	options: {timezone?: string | undefined; calendar?: BusinessCalendar | undefined; createdAt?: string | undefined} = {},
): Snapshot {
	const snapshot: Snapshot = {
		format: snapshotFormat,
		version: snapshotVersion,
		createdAt: options.createdAt ?? new Date(facts.asOf).toISOString(),
		detail: 'aggregates',
		timezone: options.timezone ?? 'UTC',
		saltId: 'local',
		...facts,
	};
	if (options.calendar) {
		snapshot.calendar = options.calendar;
	}

	return snapshot;
}
