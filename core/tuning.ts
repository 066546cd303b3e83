// Agent feedback tunes the warnings: a signal that agents keep disagreeing with loses weight, one they
// keep confirming gains a little. The result feeds AssessSettings.weightMultipliers. Tuning is per
// helpdesk and host: answers on one helpdesk (or forged by one site) never change another's warnings.

export type FeedbackSample = {verdict: 'agree' | 'disagree'; signalIds: readonly string[]};

export type TuningOptions = {
	/** Feedback on a signal before it is tuned at all. @default 5 */
	minSamples?: number;
	/** Lowest and highest multiplier. @default [0.4, 1.2] */
	range?: readonly [number, number];
};

/**
 * Per signal: the smoothed share of agreement, (agree + 1) / (n + 2), mapped so that an even split keeps
 * the weight (1.0), full disagreement goes to the floor and full agreement to the ceiling.
 * Signals with fewer than `minSamples` answers keep their weight.
 */
export function weightMultipliersFrom(samples: readonly FeedbackSample[], options: TuningOptions = {}): Record<string, number> {
	const minSamples = options.minSamples ?? 5;
	const [floor, ceiling] = options.range ?? [0.4, 1.2];
	const tally = new Map<string, {agree: number; total: number}>();
	for (const sample of samples) {
		for (const id of new Set(sample.signalIds)) {
			const entry = tally.get(id) ?? {agree: 0, total: 0};
			entry.total++;
			entry.agree += sample.verdict === 'agree' ? 1 : 0;
			tally.set(id, entry);
		}
	}

	const multipliers: Record<string, number> = {};
	for (const [id, {agree, total}] of [...tally].sort(([a], [b]) => a.localeCompare(b))) {
		if (total < minSamples) {
			continue;
		}

		const share = (agree + 1) / (total + 2);
		const multiplier = share >= 0.5 ? 1 + (share - 0.5) * 2 * (ceiling - 1) : floor + share * 2 * (1 - floor);
		multipliers[id] = Math.round(multiplier * 100) / 100;
	}

	return multipliers;
}

/** The helpdesk and host a ticket key belongs to ('zendesk:acme.zendesk.com:12' -> 'zendesk:acme.zendesk.com'). */
export function helpdeskHostOf(ticketKey: string): string {
	const [helpdesk = '', host = ''] = ticketKey.split(':');
	return `${helpdesk}:${host}`;
}
