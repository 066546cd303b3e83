// How long the customer has been waiting for a public reply, against the SLA target.
import {toMillis, type AssessContext} from '../context.ts';
import {formatDuration, textLocale} from '../format.ts';
import {closedStatuses, replyDeadline} from '../sla-deadline.ts';
import {
	defaultSlaPolicy,
	isPausedStatus,
	pausesFromStatusChanges,
	slaClock,
	targetsFor,
	type PauseInterval,
	type SlaPolicy,
} from '../sla.ts';
import type {BusinessCalendar} from '../calendar.ts';
import type {Detector, DetectorInput} from './signal.ts';
import type {Finding, PreparedTicket} from './types.ts';

// An SLA clock says we are slow, not why the customer is upset: a stated cause outweighs it (triggers).
export const waitingSignals = [
	{
		id: 'wait.breach',
		label: 'reply target missed',
		weight: 0.45,
		reason: 'SLA target breached while the customer waits',
		triggers: {'long-wait': 0.8},
		evidence: 'messages',
		path: {to: 'automatic'},
	},
	{
		id: 'wait.due',
		label: 'reply target close',
		weight: 0.4,
		reason: 'a reply target is near; strength grows with priority and time used, so an urgent ticket due within the hour is at least watch',
		triggers: {'long-wait': 0.3},
		evidence: 'messages',
	},
] as const satisfies Detector['signals'];

export type WaitingOptions = {
	policy?: SlaPolicy | undefined;
	calendar?: BusinessCalendar | undefined;
	pauses?: readonly PauseInterval[] | undefined;
};

/** Share of the target used before a wait counts as a warning. */
const nearBreach = 0.75;

/** How much a target's priority presses: an urgent ticket is a warning long before its clock runs out. */
const priorityPressure: Readonly<Record<string, number>> = {urgent: 1, high: 0.75, normal: 0.5, low: 0.3};

type Candidate = {breached: boolean; strength: number; label: string; evidence: Finding['evidence']};

/**
 * Time pressure from the SLA: the reply clock (first / next reply) and the resolution clock, in
 * calendar or business hours, with pauses. A breached target is `wait.breach`; one that is near is
 * `wait.due`, whose strength grows with the priority and the share of the target used, so an urgent
 * ticket due within the hour is never silent. The most pressing clock is reported.
 */
export function detectWaiting(prepared: PreparedTicket, options: WaitingOptions = {}): Finding[] {
	const {ticket, messages, now} = prepared;
	if (now === undefined) {
		return [];
	}

	const policy = options.policy ?? defaultSlaPolicy;
	const calendar = options.calendar ?? policy.calendar;
	const priority = ticket.priority?.toLowerCase().trim() ?? 'normal';
	const pressure = priorityPressure[priority] ?? priorityPressure.normal!;
	const hours = policy.hours === 'business' && calendar ? ' business' : '';
	const candidates: Candidate[] = [];
	const due = (what: string, remainingMs: number, targetMinutes: number, ratio: number) => ({
		strength: Math.min(1, pressure * (0.6 + 0.6 * ratio)),
		label: `${what} due in ${formatDuration(remainingMs, textLocale)} (target ${formatDuration(targetMinutes * 60_000, textLocale)}${hours}), priority ${priority}`,
	});

	const deadline = replyDeadline(
		{
			status: ticket.status,
			priority: ticket.priority,
			messages: messages.map(message => ({role: message.role, internal: message.internal, atMs: message.at, closing: message.closing})),
		},
		{nowMs: now, policy, calendar, pauses: options.pauses},
	);
	const oldest = deadline && messages.find(message => message.at === deadline.sinceMs && message.role === 'customer' && !message.internal);
	if (deadline && oldest) {
		const {clock, targetMinutes} = deadline;
		const what = deadline.metric === 'first-reply' ? 'a first reply' : 'a reply';
		const evidence = [{messageIndex: oldest.index, start: oldest.kept[0]?.start ?? 0, end: oldest.kept.at(-1)?.end ?? oldest.text.length}];
		const ratio = clock.elapsedMs / (targetMinutes * 60_000);
		if (clock.breached) {
			candidates.push({
				breached: true,
				strength: 1,
				evidence,
				label: `waiting ${formatDuration(clock.elapsedMs, textLocale)}${hours} for ${what}; SLA target ${formatDuration(targetMinutes * 60_000, textLocale)} breached ${formatDuration(-clock.remainingMs, textLocale)} ago`,
			});
		} else if (ratio >= nearBreach || pressure >= priorityPressure.high!) {
			candidates.push({
				breached: false,
				evidence,
				...due(deadline.metric === 'first-reply' ? 'first reply' : 'reply', clock.remainingMs, targetMinutes, ratio),
			});
		}
	}

	const resolutionMinutes = targetsFor(policy, ticket.priority).resolutionMinutes;
	const created = Date.parse(ticket.createdAt ?? '');
	const opened = Number.isFinite(created) ? created : messages.find(message => message.at !== undefined)?.at;
	const status = ticket.status?.toLowerCase().trim();
	// Only for a ticket known to be open: without a status, an answered ticket may long be solved
	if (
		resolutionMinutes !== undefined &&
		resolutionMinutes > 0 &&
		opened !== undefined &&
		status !== undefined &&
		!closedStatuses.has(status) &&
		(!isPausedStatus(status) || (options.pauses?.length ?? 0) > 0)
	) {
		const clock = slaClock({
			startMs: opened,
			nowMs: now,
			targetMinutes: resolutionMinutes,
			hours: policy.hours,
			calendar,
			pauses: options.pauses,
		});
		const ratio = clock.elapsedMs / (resolutionMinutes * 60_000);
		if (clock.breached) {
			candidates.push({
				breached: true,
				strength: 0.8,
				evidence: [],
				label: `open ${formatDuration(clock.elapsedMs, textLocale)}${hours}; resolution target ${formatDuration(resolutionMinutes * 60_000, textLocale)} breached ${formatDuration(-clock.remainingMs, textLocale)} ago`,
			});
		} else if (ratio >= nearBreach) {
			candidates.push({breached: false, evidence: [], ...due('resolution', clock.remainingMs, resolutionMinutes, ratio)});
		}
	}

	const breach = candidates.filter(candidate => candidate.breached).sort((a, b) => b.strength - a.strength)[0];
	const near = candidates.filter(candidate => !candidate.breached).sort((a, b) => b.strength - a.strength)[0];
	const chosen = breach ?? near;
	return chosen
		? [{id: chosen.breached ? 'wait.breach' : 'wait.due', label: chosen.label, strength: chosen.strength, evidence: chosen.evidence}]
		: [];
}

function pausesOf(ctx: AssessContext): PauseInterval[] {
	const pauses: PauseInterval[] = [];
	for (const pause of ctx.pauses ?? []) {
		const start = toMillis(pause.start);
		const end = pause.end === undefined ? Number.POSITIVE_INFINITY : toMillis(pause.end);
		if (start !== undefined && end !== undefined) {
			pauses.push({start, end});
		}
	}

	const changes = (ctx.statusChanges ?? []).flatMap(change => {
		const at = toMillis(change.at);
		return at === undefined ? [] : [{at, status: change.status}];
	});
	return [...pauses, ...pausesFromStatusChanges(changes)];
}

export const detector = {
	signals: waitingSignals,
	detect: (prepared: PreparedTicket, {ctx}: DetectorInput): Finding[] =>
		detectWaiting(prepared, {policy: ctx.sla?.policy, calendar: ctx.sla?.calendar, pauses: pausesOf(ctx)}),
} satisfies Detector;
