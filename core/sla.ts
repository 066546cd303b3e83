// SLA policies and the clock: elapsed, remaining and breach time of one target,
// in calendar or business hours, with pending / on-hold intervals paused.
import {addBusinessMillis, businessMillisBetween, type BusinessCalendar} from './calendar.ts';

export type SlaTargets = {
	/** First customer message -> first public agent reply. */
	firstReplyMinutes?: number | undefined;
	/** Oldest unanswered customer message -> next public agent reply. */
	nextReplyMinutes?: number | undefined;
	/** Longest gap between public agent updates while the ticket is open. */
	periodicUpdateMinutes?: number | undefined;
	/** Creation -> solved. */
	resolutionMinutes?: number | undefined;
};

export type SlaPolicy = {
	id: string;
	name?: string | undefined;
	/** 'business' counts only the calendar's open hours. @default 'calendar' */
	hours: 'calendar' | 'business';
	calendar?: BusinessCalendar | undefined;
	/** Targets per ticket priority ('urgent', 'high', 'normal', 'low', ...); `default` applies otherwise. */
	targets: Partial<Record<string, SlaTargets>> & {default: SlaTargets};
};

/** A paused stretch (pending / on-hold), epoch ms; an open pause has end = Infinity. */
export type PauseInterval = {start: number; end: number};

export type SlaClockInput = {
	startMs: number;
	nowMs: number;
	targetMinutes: number;
	hours: SlaPolicy['hours'];
	calendar?: BusinessCalendar | undefined;
	pauses?: readonly PauseInterval[] | undefined;
};

export type SlaClock = {
	elapsedMs: number;
	remainingMs: number;
	/** When the target is (or was) breached; undefined while paused with no end in sight. */
	breachAt: number | undefined;
	breached: boolean;
	paused: boolean;
};

export const defaultSlaPolicy: SlaPolicy = {
	id: 'default',
	name: 'Default (calendar hours)',
	hours: 'calendar',
	targets: {
		urgent: {firstReplyMinutes: 60, nextReplyMinutes: 120, periodicUpdateMinutes: 240, resolutionMinutes: 1440},
		high: {firstReplyMinutes: 240, nextReplyMinutes: 480, periodicUpdateMinutes: 1440, resolutionMinutes: 2880},
		default: {firstReplyMinutes: 480, nextReplyMinutes: 1440, periodicUpdateMinutes: 2880, resolutionMinutes: 7200},
		low: {firstReplyMinutes: 1440, nextReplyMinutes: 2880, periodicUpdateMinutes: 4320, resolutionMinutes: 14_400},
	},
};

export function targetsFor(policy: SlaPolicy, priority: string | undefined): SlaTargets {
	const key = priority?.toLowerCase().trim();
	return (key ? policy.targets[key] : undefined) ?? policy.targets.default;
}

/** Sorted, merged pauses clipped to [start, end]. */
function clip(pauses: readonly PauseInterval[], start: number, end: number): PauseInterval[] {
	const clipped = pauses
		.filter(pause => pause.end > start && pause.start < end && pause.end > pause.start)
		.map(pause => ({start: Math.max(pause.start, start), end: Math.min(pause.end, end)}))
		.sort((a, b) => a.start - b.start);
	const merged: PauseInterval[] = [];
	for (const pause of clipped) {
		const last = merged.at(-1);
		if (last && pause.start <= last.end) {
			last.end = Math.max(last.end, pause.end);
		} else {
			merged.push(pause);
		}
	}

	return merged;
}

function span(start: number, end: number, hours: SlaPolicy['hours'], calendar: BusinessCalendar | undefined): number {
	if (end <= start) {
		return 0;
	}

	return hours === 'business' && calendar ? businessMillisBetween(start, end, calendar) : end - start;
}

function advance(start: number, duration: number, hours: SlaPolicy['hours'], calendar: BusinessCalendar | undefined): number {
	return hours === 'business' && calendar ? addBusinessMillis(start, duration, calendar) : start + duration;
}

/** Counted (unpaused, in-hours) milliseconds between start and end. */
export function activeMillisBetween(
	startMs: number,
	endMs: number,
	hours: SlaPolicy['hours'],
	calendar?: BusinessCalendar,
	pauses: readonly PauseInterval[] = [],
): number {
	if (!(endMs > startMs)) {
		return 0;
	}

	let total = 0;
	let cursor = startMs;
	for (const pause of clip(pauses, startMs, endMs)) {
		total += span(cursor, pause.start, hours, calendar);
		cursor = pause.end;
	}

	return total + span(cursor, endMs, hours, calendar);
}

export function slaClock(input: SlaClockInput): SlaClock {
	const {startMs, nowMs, hours, calendar} = input;
	const targetMs = Math.max(0, input.targetMinutes) * 60_000;
	const pauses = input.pauses ?? [];
	const elapsedMs = activeMillisBetween(startMs, nowMs, hours, calendar, pauses);
	const remainingMs = targetMs - elapsedMs;
	const paused = pauses.some(pause => pause.start <= nowMs && nowMs < pause.end);

	// Walk the unpaused stretches from the start until the target is used up
	let breachAt: number | undefined;
	let left = targetMs;
	let cursor = startMs;
	const ordered = clip(pauses, startMs, Number.POSITIVE_INFINITY);
	for (let i = 0; i <= ordered.length && breachAt === undefined; i++) {
		const stop = ordered[i]?.start ?? Number.POSITIVE_INFINITY;
		const available = stop === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : span(cursor, stop, hours, calendar);
		if (available >= left) {
			const at = advance(cursor, left, hours, calendar);
			breachAt = Number.isFinite(at) ? at : undefined;
			break;
		}

		left -= available;
		cursor = ordered[i]!.end;
		if (!Number.isFinite(cursor)) {
			break;
		}
	}

	return {elapsedMs, remainingMs, breachAt, breached: elapsedMs > 0 && remainingMs <= 0, paused};
}

const pausedStatuses = new Set(['pending', 'on-hold', 'hold', 'on hold', 'waiting on customer', 'waiting']);

export function isPausedStatus(status: string | undefined): boolean {
	return status !== undefined && pausedStatuses.has(status.toLowerCase().trim());
}

/** Pause intervals from a status history: every stretch spent in pending / on-hold. */
export function pausesFromStatusChanges(changes: ReadonlyArray<{at: number; status: string}>): PauseInterval[] {
	const ordered = [...changes].filter(change => Number.isFinite(change.at)).sort((a, b) => a.at - b.at);
	const pauses: PauseInterval[] = [];
	let pausedSince: number | undefined;
	for (const change of ordered) {
		const isPaused = isPausedStatus(change.status);
		if (isPaused && pausedSince === undefined) {
			pausedSince = change.at;
		} else if (!isPaused && pausedSince !== undefined) {
			pauses.push({start: pausedSince, end: change.at});
			pausedSince = undefined;
		}
	}

	if (pausedSince !== undefined) {
		pauses.push({start: pausedSince, end: Number.POSITIVE_INFINITY});
	}

	return pauses;
}
