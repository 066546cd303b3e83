// The extension's store as the metrics dataset (core/metrics/dataset.ts): one ticket row per ticket,
// and a timeline built from the messages' own times and the events recorded between visits.
import type {Customer, Dataset, DatasetTicket, StatusChange, TicketEvent, TicketStatus} from '../metrics/dataset.ts';
import type {DefuseDb, EventRow, MessageRow, TicketRow} from './db.ts';
import {latestTime} from '../schema.ts';

const statusWords: Array<[RegExp, TicketStatus]> = [
	[/^new$/, 'new'],
	[/pending|waiting|awaiting|snoozed/, 'pending'],
	[/hold/, 'on-hold'],
	[/solved|resolved|done/, 'solved'],
	[/closed|archived|spam|deleted/, 'closed'],
];

/** A helpdesk's status word as one of the dataset's statuses; anything unknown counts as open. */
export function normalizeStatus(status: string | undefined): TicketStatus {
	const word = (status ?? '').toLowerCase().trim();
	return statusWords.find(([pattern]) => pattern.test(word))?.[1] ?? 'open';
}

export function normalizePriority(priority: string | undefined): string | null {
	const word = (priority ?? '').toLowerCase().trim();
	if (word === '') {
		return null;
	}

	if (/urgent|critical|emergency|p1/.test(word)) {
		return 'urgent';
	}

	if (/high|p2/.test(word)) {
		return 'high';
	}

	if (/low|p4/.test(word)) {
		return 'low';
	}

	return /normal|medium|p3/.test(word) ? 'normal' : word;
}

const closed = new Set<TicketStatus>(['solved', 'closed']);

function statusChangeOf(from: string | undefined, to: string | undefined): StatusChange | undefined {
	const next = normalizeStatus(to);
	if (next === 'new') {
		return undefined;
	}

	return from !== undefined && closed.has(normalizeStatus(from)) && !closed.has(next) ? 'reopened' : next;
}

/** Epoch ms of a stored time; a time no ticket can have (before 1970, after 2099) counts as unknown. */
const ms = (iso: string | undefined): number | undefined => {
	const value = iso === undefined ? Number.NaN : Date.parse(iso);
	return Number.isFinite(value) && value >= 0 && value <= latestTime ? value : undefined;
};

function messageEvents(ticket: TicketRow, messages: MessageRow[]): TicketEvent[] {
	return messages.flatMap((message): TicketEvent[] => {
		const at = ms(message.at);
		if (at === undefined) {
			return [];
		}

		const base = {ticketKey: ticket.key, at, actor: message.author ?? null};
		if (message.internal) {
			return [{...base, kind: 'internal-note' as const}];
		}

		if (message.role === 'customer') {
			// The customer's name is not a metric: customer events carry no actor.
			return [{ticketKey: ticket.key, at, actor: null, kind: 'customer-message' as const}];
		}

		return message.role === 'agent' ? [{...base, kind: 'agent-reply' as const}] : [];
	});
}

function recordedEvent(event: EventRow, ticket: TicketRow): TicketEvent | undefined {
	const at = ms(event.at);
	if (at === undefined) {
		return undefined;
	}

	const base = {ticketKey: ticket.key, at, actor: ticket.assignee ?? null};
	switch (event.type) {
		case 'status-change': {
			const status = statusChangeOf(event.data.from ?? undefined, event.data.status ?? undefined);
			return status ? {...base, kind: 'status', status} : undefined;
		}

		case 'assign': {
			return {...base, kind: 'assign', agent: event.data.agent};
		}

		case 'group-change': {
			return {...base, kind: 'group-change', group: event.data.group};
		}

		case 'flag-raised': {
			const {level} = event.data;
			return level === 'none' ? undefined : {...base, kind: 'flag', level, signals: event.data.signalIds};
		}

		case 'feedback': {
			return {...base, kind: 'feedback', verdict: event.data.verdict};
		}

		case 'escalated': {
			// Stored from the agent's own click (core/messages.ts refuses any other source).
			return {...base, kind: 'escalation', escalation: event.data.escalation, source: 'agent', team: event.data.team};
		}

		case 'template-inserted': {
			return event.data.templateId ? {...base, kind: 'template', templateId: event.data.templateId} : undefined;
		}

		case 'sla-target': {
			return {...base, kind: 'sla-target', metric: event.data.metric, targetMinutes: event.data.targetMinutes, businessHours: false};
		}

		case 'sla-breach': {
			return {...base, kind: 'sla-breach', metric: event.data.metric};
		}

		default: {
			return undefined; // Adapter misses and snoozes are no part of a ticket's timeline
		}
	}
}

/** Everything the extension stored, as the dataset the metrics worker loads. */
export async function datasetFromStore(db: DefuseDb, now: Date): Promise<Dataset> {
	const [tickets, messages, events] = await Promise.all([db.tickets.toArray(), db.messages.toArray(), db.events.toArray()]);
	const messagesByTicket = new Map<string, MessageRow[]>();
	for (const message of messages) {
		const list = messagesByTicket.get(message.ticketKey) ?? [];
		list.push(message);
		messagesByTicket.set(message.ticketKey, list);
	}

	const eventsByTicket = new Map<string, EventRow[]>();
	for (const event of events) {
		if (event.ticketKey) {
			const list = eventsByTicket.get(event.ticketKey) ?? [];
			list.push(event);
			eventsByTicket.set(event.ticketKey, list);
		}
	}

	const datasetTickets: DatasetTicket[] = [];
	const timeline: TicketEvent[] = [];
	const customers = new Map<string, Customer>();
	for (const ticket of tickets) {
		const own = (messagesByTicket.get(ticket.key) ?? []).sort((a, b) => a.position - b.position);
		const firstMessageAt = own.map(message => ms(message.at)).find(at => at !== undefined);
		const createdAt = ms(ticket.createdAt) ?? firstMessageAt ?? ms(ticket.firstSeenAt) ?? now.getTime();
		datasetTickets.push({
			key: ticket.key,
			helpdesk: ticket.helpdesk,
			ticketId: ticket.ticketId,
			createdAt,
			requesterKey: ticket.requesterKey ?? null,
			agent: ticket.assignee ?? null,
			group: ticket.group ?? null,
			priority: normalizePriority(ticket.priority),
			channel: null, // Pages rarely show the channel; imports carry it
			status: normalizeStatus(ticket.status),
			trigger: ticket.lastTrigger ?? null,
			subject: ticket.subject,
			customerText: own
				.filter(message => message.role === 'customer' && !message.internal)
				.map(message => message.text)
				.join('\n')
				.slice(0, 20_000),
		});
		timeline.push(...messageEvents(ticket, own));
		for (const event of eventsByTicket.get(ticket.key) ?? []) {
			const mapped = recordedEvent(event, ticket);
			if (mapped) {
				timeline.push(mapped);
			}
		}

		if (ticket.requesterKey) {
			const known = customers.get(ticket.requesterKey);
			customers.set(ticket.requesterKey, {
				key: ticket.requesterKey,
				firstSeenAt: Math.min(known?.firstSeenAt ?? createdAt, createdAt),
				lostAt: null,
			});
		}
	}

	timeline.sort((a, b) => a.at - b.at);
	return {tickets: datasetTickets, events: timeline, surveys: [], customers: [...customers.values()], asOf: now.getTime()};
}
