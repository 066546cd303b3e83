// How long the customer has been waiting for a public reply, against the SLA target.
import {replyDeadline} from '../sla-deadline.ts';
import {defaultSlaPolicy, type PauseInterval, type SlaPolicy} from '../sla.ts';
import type {BusinessCalendar} from '../calendar.ts';
import type {Finding, PreparedTicket} from './types.ts';

export type WaitingOptions = {
	policy?: SlaPolicy | undefined;
	calendar?: BusinessCalendar | undefined;
	pauses?: readonly PauseInterval[] | undefined;
};

/** Share of the target used before a wait counts as a warning. */
const nearBreach = 0.75;

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
	if (now === undefined) {
		return [];
	}

	const policy = options.policy ?? defaultSlaPolicy;
	const calendar = options.calendar ?? policy.calendar;
	const deadline = replyDeadline({status: ticket.status, priority: ticket.priority, messages: messages.map(message => ({role: message.role, internal: message.internal, atMs: message.at}))}, {nowMs: now, policy, calendar, pauses: options.pauses});
	if (!deadline) {
		return [];
	}

	const {clock, targetMinutes} = deadline;
	const firstReply = deadline.metric === 'first-reply';
	const oldest = messages.find(message => message.at === deadline.sinceMs && message.role === 'customer' && !message.internal);
	if (!oldest) {
		return [];
	}

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
