// The requester's earlier tickets: the nth contact in N days.
import type {EarlierTicket} from '../context.ts';
import type {Detector, DetectorInput} from './signal.ts';
import type {Finding, PreparedTicket} from './types.ts';

export const historySignals = [
	{
		id: 'history.repeat-contact',
		label: 'contacted us before about this',
		weight: 0.3,
		reason: 'contacts us again within the window: earlier answers did not settle it',
		triggers: {'poor-quality': 0.3, 'frontline-response': 0.2},
		evidence: 'none',
	},
] as const satisfies Detector['signals'];

const dayMs = 86_400_000;
const stopWords = new Set([
	'the',
	'a',
	'an',
	'and',
	'or',
	'of',
	'to',
	'for',
	'in',
	'on',
	'my',
	'your',
	'is',
	'not',
	're',
	'fw',
	'fwd',
	'with',
	'again',
	'still',
	'help',
	'issue',
	'problem',
	'question',
	'request',
]);

function words(subject: string | undefined): Set<string> {
	return new Set((subject?.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter(word => !stopWords.has(word)));
}

function ordinal(n: number): string {
	const tens = n % 100;
	if (tens >= 11 && tens <= 13) {
		return `${n}th`;
	}

	return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export function detectHistory(prepared: PreparedTicket, history: readonly EarlierTicket[] | undefined, windowDays: number): Finding[] {
	if (!history || history.length === 0) {
		return [];
	}

	const created = Date.parse(prepared.ticket.createdAt ?? '');
	const reference = prepared.now ?? (Number.isFinite(created) ? created : undefined);
	const since = reference === undefined ? Number.NEGATIVE_INFINITY : reference - windowDays * dayMs;
	const subject = words(prepared.ticket.subject);
	let count = 0;
	let related = 0;
	for (const earlier of history) {
		if (earlier.ticketId === prepared.ticket.ticketId) {
			continue;
		}

		const at = typeof earlier.createdAt === 'number' ? earlier.createdAt : Date.parse(earlier.createdAt);
		if (!Number.isFinite(at) || at < since || (reference !== undefined && at > reference)) {
			continue;
		}

		count++;
		if ([...words(earlier.subject)].some(word => subject.has(word))) {
			related++;
		}
	}

	if (count === 0) {
		return [];
	}

	const nth = count + 1;
	const about = related > 0 ? ' (same subject)' : '';
	const strength = Math.min(1, (nth >= 4 ? 1 : nth === 3 ? 0.8 : 0.5) * (related > 0 ? 1 : 0.7));
	return [
		{
			id: 'history.repeat-contact',
			label: `${ordinal(nth)} contact from this requester in ${windowDays} days${about}`,
			strength,
			evidence: [],
		},
	];
}

export const detector = {
	signals: historySignals,
	detect: (prepared: PreparedTicket, {ctx, settings}: DetectorInput): Finding[] =>
		detectHistory(prepared, ctx.history, settings.historyWindowDays),
} satisfies Detector;
