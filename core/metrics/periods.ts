// Incomplete periods. Ticket KPIs count the tickets created in a period; the latest ones are still
// being worked on, so their resolution rate, FCR, resolution times and escalations are not final.
// A day is settled when 90% of tickets are usually resolved by then (the data's own 90th percentile
// of full resolution time, 1 to 30 days); a period that reaches past the last settled day, or past
// the last day with data, is incomplete.
import type {TimeGrain} from './kpis.ts';

const dayMs = 86_400_000;

/** Days after which a day's tickets count as settled, from the 90th percentile of full resolution time. */
export function settleDaysOf(p90FullResolutionMs: number | null): number {
	if (p90FullResolutionMs === null || !Number.isFinite(p90FullResolutionMs)) {
		return 0;
	}

	return Math.min(30, Math.max(1, Math.ceil(p90FullResolutionMs / dayMs)));
}

export function addIsoDays(isoDay: string, days: number): string {
	return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

export type Settlement = {
	/** Last local day with data. */
	lastDay: string;
	/** Days a day's tickets need to settle (0: no resolution data, only days after lastDay are incomplete). */
	settleDays: number;
	/** The last day whose tickets are settled. */
	settledThrough: string;
};

export function settlementOf(lastDay: string, p90FullResolutionMs: number | null): Settlement {
	const settleDays = settleDaysOf(p90FullResolutionMs);
	return {lastDay, settleDays, settledThrough: addIsoDays(lastDay, -settleDays)};
}

/** The last day of a trend bucket ('YYYY-MM-DD' of a day or a week's Monday, 'YYYY-MM' of a month). */
export function bucketEnd(grain: TimeGrain, label: string): string {
	if (grain === 'day') {
		return label;
	}

	if (grain === 'week') {
		return addIsoDays(label, 6);
	}

	const [year, month] = label.split('-').map(Number);
	return new Date(Date.UTC(year!, month!, 0)).toISOString().slice(0, 10);
}

export type Completeness = 'complete' | 'settling' | 'partial';

/** 'partial': the period runs past the data's last day. 'settling': its tickets are not all settled yet. */
export function completenessOf(lastDayOfPeriod: string, settlement: Settlement): Completeness {
	if (lastDayOfPeriod > settlement.lastDay) {
		return 'partial';
	}

	return lastDayOfPeriod > settlement.settledThrough ? 'settling' : 'complete';
}
