// How long the customer has been waiting for a public reply, against the SLA target.
import {defaultSlaPolicy, isPausedStatus, slaClock, targetsFor, type PauseInterval, type SlaPolicy} from '../sla.ts';
import type {BusinessCalendar} from '../calendar.ts';
import type {Finding, PreparedTicket} from './types.ts';

export type WaitingOptions = {
	policy?: SlaPolicy | undefined;
	calendar?: BusinessCalendar | undefined;
	pauses?: readonly PauseInterval[] | undefined;
};

/** Share of the target used before a wait counts as a warning. */
const nearBreach = 0.75;
const closedStatuses = new Set(['solved', 'closed', 'resolved', 'archived', 'spam', 'deleted']);

export function formatDuration(ms: number): string {
	const minutes = Math.round(Math.abs(ms) / 60_000);
	if (minutes < 60) {
		return `${minutes}m`;
	}

	const hours = Math.floor(minutes / 60);
	if (hours < 48) {
		const rest = minutes % 60;
		return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
	}

	const days = Math.floor(hours / 24);
	const restHours = hours % 24;
	return restHours === 0 ? `${days}d` : `${days}d ${restHours}h`;
}

export function detectWaiting(prepared: PreparedTicket, options: WaitingOptions = {}): Finding[] {
	const {ticket, messages, now} = prepared;
	const status = ticket.status?.toLowerCase().trim();
	if (now === undefined || (status !== undefined && closedStatuses.has(status))) {
		return [];
	}

	const pauses = options.pauses ?? [];
	if (pauses.length === 0 && isPausedStatus(status)) {
		return []; // Waiting on the customer: the clock is stopped
	}

	const isPublicAgent = (index: number) => messages[index]!.role === 'agent' && !messages[index]!.internal;
	let lastAgent = -1;
	for (let i = messages.length - 1; i >= 0; i--) {
		if (isPublicAgent(i)) {
			lastAgent = i;
			break;
		}
	}

	const oldest = messages.slice(lastAgent + 1).find(message => message.role === 'customer' && !message.internal && message.at !== undefined);
	if (!oldest || oldest.at === undefined) {
		return [];
	}

	const policy = options.policy ?? defaultSlaPolicy;
	const targets = targetsFor(policy, ticket.priority);
	const firstReply = lastAgent === -1;
	const targetMinutes = firstReply ? targets.firstReplyMinutes : targets.nextReplyMinutes;
	if (targetMinutes === undefined || targetMinutes <= 0) {
		return [];
	}

	const calendar = options.calendar ?? policy.calendar;
	const clock = slaClock({startMs: oldest.at, nowMs: now, targetMinutes, hours: policy.hours, calendar, pauses});
	const ratio = clock.elapsedMs / (targetMinutes * 60_000);
	if (ratio < nearBreach) {
		return [];
	}

	const what = firstReply ? 'a first reply' : 'a reply';
	const hours = policy.hours === 'business' && calendar ? ' business' : '';
	const target = formatDuration(targetMinutes * 60_000);
	const evidence = [{messageIndex: oldest.index, start: oldest.kept[0]?.start ?? 0, end: oldest.kept.at(-1)?.end ?? oldest.text.length}];
	if (clock.breached) {
		return [{
			id: 'wait.breach',
			label: `waiting ${formatDuration(clock.elapsedMs)}${hours} for ${what}; SLA target ${target} breached ${formatDuration(-clock.remainingMs)} ago`,
			strength: 1,
			evidence,
		}];
	}

	return [{
		id: 'wait.sla',
		label: `waiting ${formatDuration(clock.elapsedMs)}${hours} for ${what}; SLA target ${target} breaches in ${formatDuration(clock.remainingMs)}`,
		strength: Math.min(1, 0.4 + ((ratio - nearBreach) * 2.4)),
		evidence,
	}];
}
