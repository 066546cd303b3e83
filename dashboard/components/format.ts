// How the dashboard writes numbers: durations in the largest sensible unit, ratios as percentages.
import type {Ratio} from '../../core/metrics/kpis.ts';

export const dash = '–';

/** 95 min -> '1.6 h'; 3 d 4 h -> '3.2 d'. */
export function formatDuration(ms: number | null | undefined): string {
	if (ms === null || ms === undefined || !Number.isFinite(ms)) {
		return dash;
	}

	const minutes = ms / 60_000;
	if (minutes < 1) {
		return `${Math.round(ms / 1000)} s`;
	}

	if (minutes < 90) {
		return `${Math.round(minutes)} min`;
	}

	const hours = minutes / 60;
	if (hours < 48) {
		return `${hours.toFixed(1)} h`;
	}

	return `${(hours / 24).toFixed(1)} d`;
}

export function formatPercent(value: number | null | undefined, digits = 1): string {
	return value === null || value === undefined || !Number.isFinite(value) ? dash : `${(value * 100).toFixed(digits)}%`;
}

export function formatRatio(ratio: Ratio | null | undefined): string {
	return formatPercent(ratio?.value);
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
	return value === null || value === undefined || !Number.isFinite(value) ? dash : value.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits});
}

/** 'n = 42' style counts. */
export function formatCount(count: number, noun: string): string {
	return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
