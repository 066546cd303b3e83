// What the dashboard shows, in its address: the view, period, filters, FCR variant, trend grain,
// breakdown dimension and an open drill-down, so a team lead can send the link and a colleague (or
// the same person after a reload) sees the same numbers. Other parameters (?demo=1) are kept.
import type {Dimension, FcrVariant, FilterField, GroupBy, TimeGrain} from '../core/metrics/kpis.ts';
import {filterFields, groupings} from '../core/metrics/kpis.ts';
import type {DashboardFilters} from './components/period.ts';
import {noFilters} from './components/period.ts';
import type {DrillMetric} from './worker/drill.ts';

export const viewIds = ['overview', 'breakdowns', 'themes', 'warnings', 'data', 'tickets'] as const;
export type ViewId = (typeof viewIds)[number];

export type DrillState = {metric: DrillMetric; label: string; group?: {by: GroupBy; value: string} | undefined};

export type UrlState = {
	view?: ViewId | undefined;
	/** Period and filters as written; checked against the loaded data before use. */
	filters?: Partial<Omit<DashboardFilters, 'fields'>> & {fields: Partial<Record<FilterField, string>>};
	by?: Dimension | undefined;
	drill?: DrillState | undefined;
};

const isDay = (value: string | null): value is string =>
	value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
const dimensionValues: readonly string[] = ['trigger', 'theme', 'escalation-type', 'helpdesk', 'agent', 'group', 'priority', 'channel'];
const drillPattern =
	/^(tickets|firstReply|firstReplyBusiness|nextReply|firstResolution|firstResolutionBusiness|fullResolution|fullResolutionBusiness|resolutionRate|fcr|reopenRate|escalationRate|functionalEscalationRate|hierarchicalEscalationRate|automaticEscalationRate|csat|nps|ces|churn|sla:[a-z-]+|flagged:(watch|high|critical)|template:.{1,200})$/;

/** The dashboard state in a query string; anything unknown or malformed is left out. */
export function readUrlState(search: string): UrlState {
	const params = new URLSearchParams(search);
	const state: UrlState = {};
	const view = params.get('view');
	if (view && (viewIds as readonly string[]).includes(view)) {
		state.view = view as ViewId;
	}

	const from = params.get('from');
	const to = params.get('to');
	const fields: Partial<Record<FilterField, string>> = {};
	for (const field of filterFields) {
		const value = params.get(field);
		if (value) {
			fields[field] = value;
		}
	}

	const filters: NonNullable<UrlState['filters']> = {fields};
	if (isDay(from) && isDay(to)) {
		filters.from = from;
		filters.to = to;
	}

	const fcr = params.get('fcr');
	if (fcr === 'one-touch' || fcr === 'no-follow-up') {
		filters.fcr = fcr;
	}

	const grain = params.get('grain');
	if (grain === 'day' || grain === 'week' || grain === 'month') {
		filters.grain = grain;
	}

	if (params.get('complete') === '1') {
		filters.complete = true;
	}

	if (filters.from !== undefined || Object.keys(fields).length > 0 || filters.fcr || filters.grain || filters.complete) {
		state.filters = filters;
	}

	const by = params.get('by');
	if (by && dimensionValues.includes(by)) {
		state.by = by as Dimension;
	}

	const metric = params.get('drill');
	if (metric && drillPattern.test(metric)) {
		const drill: DrillState = {metric: metric as DrillMetric, label: (params.get('drill-label') ?? metric).slice(0, 200)};
		const groupBy = params.get('drill-by');
		const groupValue = params.get('drill-group');
		if (groupBy && (groupings as readonly string[]).includes(groupBy) && groupValue !== null) {
			drill.group = {by: groupBy as GroupBy, value: groupValue};
		}

		state.drill = drill;
	}

	return state;
}

/** The query string for a dashboard state, keeping parameters that are not the dashboard's (e.g. demo=1). */
export function writeUrlState(
	state: {view: ViewId; filters?: DashboardFilters | undefined; by: Dimension; drill?: DrillState | undefined},
	current: string,
): string {
	const params = new URLSearchParams(current);
	for (const name of [
		'view',
		'from',
		'to',
		...filterFields,
		'fcr',
		'grain',
		'complete',
		'by',
		'drill',
		'drill-label',
		'drill-by',
		'drill-group',
	]) {
		params.delete(name);
	}

	params.set('view', state.view);
	if (state.filters) {
		params.set('from', state.filters.from);
		params.set('to', state.filters.to);
		for (const field of filterFields) {
			if (state.filters.fields[field] !== '') {
				params.set(field, state.filters.fields[field]);
			}
		}

		params.set('fcr', state.filters.fcr);
		params.set('grain', state.filters.grain);
		if (state.filters.complete) {
			params.set('complete', '1');
		}
	}

	if (state.view === 'breakdowns') {
		params.set('by', state.by);
	}

	if (state.drill) {
		params.set('drill', state.drill.metric);
		params.set('drill-label', state.drill.label);
		if (state.drill.group) {
			params.set('drill-by', state.drill.group.by);
			params.set('drill-group', state.drill.group.value);
		}
	}

	return `?${params.toString()}`;
}

/**
 * Filters from the address that fit the loaded data: a period inside the data's days (else undefined,
 * and the dashboard picks its default), filter values the data has.
 */
export function filtersFromUrl(
	state: UrlState,
	firstDay: string,
	lastDay: string,
	options: Record<FilterField, string[]>,
	fallback: {fcr: FcrVariant; grain: TimeGrain},
): DashboardFilters | undefined {
	const wanted = state.filters;
	if (!wanted?.from || !wanted.to || wanted.from > wanted.to || wanted.to < firstDay || wanted.from > lastDay) {
		return undefined;
	}

	const fields = noFilters();
	for (const field of filterFields) {
		const value = wanted.fields[field];
		if (value !== undefined && options[field].includes(value)) {
			fields[field] = value;
		}
	}

	return {
		from: wanted.from < firstDay ? firstDay : wanted.from,
		to: wanted.to > lastDay ? lastDay : wanted.to,
		fields,
		fcr: wanted.fcr ?? fallback.fcr,
		grain: wanted.grain ?? fallback.grain,
		complete: wanted.complete === true,
	};
}
