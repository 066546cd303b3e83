// Which reply target the open ticket is running against right now, and when it breaches.
import type {BusinessCalendar} from './calendar.ts';
import {defaultSlaPolicy, isPausedStatus, slaClock, targetsFor, type PauseInterval, type SlaClock, type SlaPolicy} from './sla.ts';

export type ReplyDeadline = {
	metric: 'first-reply' | 'next-reply';
	/** The oldest customer message no public agent reply has answered (epoch ms). */
	sinceMs: number;
	targetMinutes: number;
	clock: SlaClock;
};

export type DeadlineMessage = {
	role: string;
	internal?: boolean | undefined;
	atMs?: number | undefined;
	/** A closing thank-you: it asks for no reply. */ closing?: boolean | undefined;
};

export const closedStatuses: ReadonlySet<string> = new Set(['solved', 'closed', 'resolved', 'archived', 'spam', 'deleted']);

/**
 * The reply clock of a thread: first reply until an agent has answered publicly, then next reply for
 * the oldest unanswered customer message. Undefined when nobody is waiting, the ticket is closed,
 * or the customer is the one being waited on (pending / on hold without a known history).
 */
export function replyDeadline(
	ticket: {status?: string | undefined; priority?: string | undefined; messages: readonly DeadlineMessage[]},
	options: {
		nowMs: number;
		policy?: SlaPolicy | undefined;
		calendar?: BusinessCalendar | undefined;
		pauses?: readonly PauseInterval[] | undefined;
	},
): ReplyDeadline | undefined {
	const status = ticket.status?.toLowerCase().trim();
	const pauses = options.pauses ?? [];
	if ((status !== undefined && closedStatuses.has(status)) || (pauses.length === 0 && isPausedStatus(status))) {
		return undefined;
	}

	const {messages} = ticket;
	let lastAgent = -1;
	for (let index = messages.length - 1; index >= 0; index--) {
		if (messages[index]!.role === 'agent' && !messages[index]!.internal) {
			lastAgent = index;
			break;
		}
	}

	const oldest = messages
		.slice(lastAgent + 1)
		.find(message => message.role === 'customer' && !message.internal && message.atMs !== undefined && message.closing !== true);
	if (oldest?.atMs === undefined) {
		return undefined;
	}

	const policy = options.policy ?? defaultSlaPolicy;
	const targets = targetsFor(policy, ticket.priority);
	const metric = lastAgent === -1 ? 'first-reply' : 'next-reply';
	const targetMinutes = metric === 'first-reply' ? targets.firstReplyMinutes : targets.nextReplyMinutes;
	if (targetMinutes === undefined || targetMinutes <= 0) {
		return undefined;
	}

	const clock = slaClock({
		startMs: oldest.atMs,
		nowMs: options.nowMs,
		targetMinutes,
		hours: policy.hours,
		calendar: options.calendar ?? policy.calendar,
		pauses,
	});
	return {metric, sinceMs: oldest.atMs, targetMinutes, clock};
}
