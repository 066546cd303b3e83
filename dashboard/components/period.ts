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
	/** Leave out the days whose tickets are still being worked on (after the last settled day). @default false */
	complete?: boolean | undefined;
};

const dayMs = 86_400_000;

function toMs(isoDay: string): number {
	return Date.parse(`${isoDay}T00:00:00Z`);
}

function toIso(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(isoDay: string, days: number): string {
	return toIso(toMs(isoDay) + days * dayMs);
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

/** Why a date range typed by hand cannot be used, or undefined when it can. */
export function rangeProblem(from: string, to: string, firstDay: string, lastDay: string): string | undefined {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) {
		return 'Enter both days as dates.';
	}

	if (from > to) {
		return `The range is reversed: From (${from}) is after To (${to}). Swap them or pick another day.`;
	}

	if (to < firstDay || from > lastDay) {
		return `No data from ${from} to ${to}: the data runs from ${firstDay} to ${lastDay}.`;
	}

	return undefined;
}

/**
 * The period the KPIs are computed for: the chosen one, ended at the last settled day when incomplete
 * days are left out. Undefined when leaving them out leaves nothing.
 */
export function effectivePeriod(filters: DashboardFilters, settledThrough: string | undefined): Period | undefined {
	if (!filters.complete || settledThrough === undefined || filters.to <= settledThrough) {
		return {from: filters.from, to: filters.to};
	}

	return settledThrough < filters.from ? undefined : {from: filters.from, to: settledThrough};
}
