// Periods: the date range the team lead looks at and the one before it, of the same length.
import type {FcrVariant, FilterField, KpiFilters, KpiQuery, TimeGrain} from '../../core/metrics/kpis.ts';
import {filterFields} from '../../core/metrics/kpis.ts';

export type Period = {from: string; to: string};

export type DashboardFilters = {
	from: string;
	to: string;
	/** One value per field, or '' for all. */
	fields: Record<FilterField, string>;
	fcr: FcrVariant;
	grain: TimeGrain;
};

const dayMs = 86_400_000;

function toMs(isoDay: string): number {
	return Date.parse(`${isoDay}T00:00:00Z`);
}

function toIso(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(isoDay: string, days: number): string {
	return toIso(toMs(isoDay) + (days * dayMs));
}

/** Days from `from` to `to`, both included. */
export function lengthInDays(period: Period): number {
	return Math.round((toMs(period.to) - toMs(period.from)) / dayMs) + 1;
}

/** The period of the same length that ends the day before this one starts. */
export function previousPeriod(period: Period): Period {
	const days = lengthInDays(period);
	return {from: addDays(period.from, -days), to: addDays(period.from, -1)};
}

/** The last `days` days up to `lastDay`, not starting before `firstDay`. */
export function lastDays(days: number, firstDay: string, lastDay: string): Period {
	const from = addDays(lastDay, -(days - 1));
	return {from: from < firstDay ? firstDay : from, to: lastDay};
}

export function noFilters(): Record<FilterField, string> {
	return {helpdesk: '', agent: '', group: '', priority: '', channel: ''};
}

/** The KPI query of a period under the dashboard's filters. */
export function queryOf(filters: DashboardFilters, period: Period = filters): KpiQuery {
	const selected: KpiFilters = {};
	for (const field of filterFields) {
		const value = filters.fields[field];
		if (value !== '') {
			selected[field] = [value];
		}
	}

	return {from: period.from, to: period.to, filters: selected, fcr: filters.fcr};
}

/** A sensible grain for a period's trend: days up to two months, then weeks, then months. */
export function grainFor(period: Period): TimeGrain {
	const days = lengthInDays(period);
	return days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
}
