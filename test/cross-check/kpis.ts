// The KPIs by a straightforward JavaScript pass over the facts: the independent cross-check of the
// metric SQL in dashboard/worker/queries.ts (tests assert both agree) and the benchmark's baseline.
// Never used in production.
import type {Dataset, SlaMetric} from '../../core/metrics/dataset.ts';
import {slaMetrics} from '../../core/metrics/dataset.ts';
import type {DeriveOptions, Facts, TicketFact} from '../../core/metrics/facts.ts';
import {dataDayRange, deriveFacts} from '../../core/metrics/facts.ts';
import type {DurationMeasure, FilterField, GroupBy, KpiQuery, KpiRow, TimeGrain} from '../../core/metrics/kpis.ts';
import {
	allGroup,
	csatClass,
	dayBounds,
	emptyKpiRow,
	filterFields,
	grainLabel,
	isTimeGrain,
	noneGroup,
	npsOf,
	ratio,
	sortRows,
	statsOf,
} from '../../core/metrics/kpis.ts';
import type {DayKeys} from '../../core/metrics/time.ts';
import {dayKeyToNumber, dayNumberToKey, keysOfDay, makeDayKeys} from '../../core/metrics/time.ts';

export type BaselineOptions = {
	/** Time zone of days, weeks and months. @default 'UTC' */
	timezone?: string | undefined;
};

type TicketView = {
	fact: TicketFact;
	keys: DayKeys;
	escalated: boolean;
	functional: boolean;
	hierarchical: boolean;
	automatic: boolean;
	firstEscalationType: string | null;
};

type Accumulator = {
	row: KpiRow;
	values: Record<DurationMeasure, number[]>;
	counts: Float64Array;
	cesSum: number;
};

/** Counter positions in an accumulator. */
const C = {
	tickets: 0,
	resolved: 1,
	solved: 2,
	reopened: 3,
	oneTouchDen: 4,
	oneTouch: 5,
	noFollowUpDen: 6,
	noFollowUp: 7,
	escalated: 8,
	functional: 9,
	hierarchical: 10,
	automatic: 11,
	csatGood: 12,
	csatBad: 13,
	npsResponses: 14,
	promoters: 15,
	detractors: 16,
	cesResponses: 17,
	customersAtStart: 18,
	customersLost: 19,
	csatOffered: 20,
	csatAnswered: 21,
} as const;
const slaCounter: Record<SlaMetric, number> = Object.fromEntries(slaMetrics.map((metric, index) => [metric, 22 + index * 2])) as Record<
	SlaMetric,
	number
>;
const counterCount = 22 + slaMetrics.length * 2;

function fieldOf(fact: TicketFact, field: FilterField): string | null {
	return field === 'helpdesk' ? fact.helpdesk : fact[field];
}

function dimensionValues(view: TicketView | undefined, groupBy: GroupBy): string[] {
	if (groupBy === 'none') {
		return [allGroup];
	}

	if (!view) {
		return [noneGroup];
	}

	switch (groupBy) {
		case 'theme': {
			return view.fact.themes.length > 0 ? view.fact.themes : [noneGroup];
		}

		case 'escalation-type': {
			return [view.firstEscalationType ?? 'none'];
		}

		case 'trigger': {
			return [view.fact.trigger ?? noneGroup];
		}

		case 'helpdesk':
		case 'agent':
		case 'group':
		case 'priority':
		case 'channel': {
			return [fieldOf(view.fact, groupBy) ?? noneGroup];
		}

		default: {
			return [];
		}
	}
}

function groupsOf(view: TicketView | undefined, groupBy: GroupBy, keys: DayKeys): string[] {
	return isTimeGrain(groupBy) ? [grainLabel(groupBy, keys[groupBy])] : dimensionValues(view, groupBy);
}

/** Every bucket of a grain within [from, to] (yyyymmdd), with its clipped first and last day. */
export function bucketsOf(grain: TimeGrain, from: number, to: number): Array<{key: number; start: number; end: number}> {
	const buckets = new Map<number, {key: number; start: number; end: number}>();
	for (let dayNumber = dayKeyToNumber(from); dayNumber <= dayKeyToNumber(to); dayNumber++) {
		const day = dayNumberToKey(dayNumber);
		const key = keysOfDay(day)[grain];
		const bucket = buckets.get(key);
		if (bucket) {
			bucket.end = day;
		} else {
			buckets.set(key, {key, start: day, end: day});
		}
	}

	return [...buckets.values()];
}

/** All KPIs of one query, computed from facts in plain JavaScript. */
export function computeKpis(facts: Facts, query: KpiQuery = {}, options: BaselineOptions = {}): KpiRow[] {
	const groupBy = query.groupBy ?? 'none';
	const fcrVariant = query.fcr ?? 'one-touch';
	const csatRule = query.csat ?? 'top-2';
	const dayKeysOf = makeDayKeys(options.timezone ?? 'UTC');
	const [queryFrom, queryTo] = dayBounds(query);
	const inPeriod = (day: number): boolean => day >= queryFrom && day <= queryTo;
	const withChurn = groupBy === 'none' || isTimeGrain(groupBy);

	const escalations = new Map<string, {first: number; firstType: string; types: Set<string>}>();
	for (const escalation of facts.escalations) {
		const known = escalations.get(escalation.ticketKey);
		if (!known) {
			escalations.set(escalation.ticketKey, {first: escalation.at, firstType: escalation.type, types: new Set([escalation.type])});
			continue;
		}

		known.types.add(escalation.type);
		if (escalation.at < known.first || (escalation.at === known.first && escalation.type < known.firstType)) {
			known.first = escalation.at;
			known.firstType = escalation.type;
		}
	}

	const views = new Map<string, TicketView>();
	for (const fact of facts.tickets) {
		const escalation = escalations.get(fact.key);
		views.set(fact.key, {
			fact,
			keys: dayKeysOf(fact.createdAt),
			escalated: escalation !== undefined,
			functional: escalation?.types.has('functional') ?? false,
			hierarchical: escalation?.types.has('hierarchical') ?? false,
			automatic: escalation?.types.has('automatic') ?? false,
			firstEscalationType: escalation?.firstType ?? null,
		});
	}

	const filters = query.filters ?? {};
	const activeFilters = filterFields.filter(field => (filters[field]?.length ?? 0) > 0);
	const passes = (view: TicketView | undefined): boolean =>
		activeFilters.every(field => view !== undefined && filters[field]!.includes(fieldOf(view.fact, field) ?? '\u0000'));

	const groups = new Map<string, Accumulator>();
	const accumulator = (group: string): Accumulator => {
		let found = groups.get(group);
		if (!found) {
			found = {
				row: emptyKpiRow(group, withChurn),
				values: {} as Record<DurationMeasure, number[]>,
				counts: new Float64Array(counterCount),
				cesSum: 0,
			};
			groups.set(group, found);
		}

		return found;
	};

	const count = (target: Accumulator, counter: number, add: boolean): void => {
		if (add) {
			target.counts[counter]! += 1;
		}
	};

	const value = (target: Accumulator, measure: DurationMeasure, measured: number | null): void => {
		if (measured !== null) {
			(target.values[measure] ??= []).push(measured);
		}
	};

	for (const view of views.values()) {
		const {fact} = view;
		if (!inPeriod(view.keys.day) || !passes(view)) {
			continue;
		}

		for (const group of groupsOf(view, groupBy, view.keys)) {
			const target = accumulator(group);
			count(target, C.tickets, true);
			count(target, C.resolved, fact.resolved);
			count(target, C.solved, fact.solved);
			count(target, C.reopened, fact.solved && fact.reopens > 0);
			const fcrOneTouchKnown = fact.resolved && fact.agentReplies !== null;
			count(target, C.oneTouchDen, fcrOneTouchKnown);
			count(target, C.oneTouch, fcrOneTouchKnown && fact.agentReplies! < 2);
			const followUpKnown = fact.resolved && fact.customerFollowUp !== null;
			count(target, C.noFollowUpDen, followUpKnown);
			count(target, C.noFollowUp, followUpKnown && fact.customerFollowUp === false);
			count(target, C.escalated, view.escalated);
			count(target, C.functional, view.functional);
			count(target, C.hierarchical, view.hierarchical);
			count(target, C.automatic, view.automatic);
			value(target, 'firstReply', fact.firstReplyMs);
			value(target, 'firstReplyBusiness', fact.firstReplyBhMs);
			value(target, 'firstResolution', fact.firstResolutionMs);
			value(target, 'firstResolutionBusiness', fact.firstResolutionBhMs);
			value(target, 'fullResolution', fact.fullResolutionMs);
			value(target, 'fullResolutionBusiness', fact.fullResolutionBhMs);
			for (const sla of fact.sla) {
				count(target, slaCounter[sla.metric], sla.outcome === 'achieved');
				count(target, slaCounter[sla.metric] + 1, sla.outcome !== 'active');
			}
		}
	}

	// Next-reply intervals belong to the day of the reply.
	for (const view of views.values()) {
		if (!passes(view)) {
			continue;
		}

		for (const reply of view.fact.replies) {
			const keys = dayKeysOf(reply.at);
			if (!inPeriod(keys.day)) {
				continue;
			}

			for (const group of groupsOf(view, groupBy, keys)) {
				const target = accumulator(group);
				value(target, 'nextReply', reply.ms);
				value(target, 'nextReplyBusiness', reply.bhMs);
			}
		}
	}

	// Survey responses belong to the day they were given; dimensions come from their ticket.
	for (const survey of facts.surveys) {
		const keys = dayKeysOf(survey.at);
		const view = survey.ticketKey === null ? undefined : views.get(survey.ticketKey);
		if (!inPeriod(keys.day) || !passes(view)) {
			continue;
		}

		for (const group of groupsOf(view, groupBy, keys)) {
			const target = accumulator(group);
			if (survey.kind === 'csat') {
				count(target, C.csatOffered, survey.offered === true);
				count(target, C.csatAnswered, survey.offered === true && survey.score !== null);
				const verdict = survey.score === null ? undefined : csatClass(survey.score, csatRule);
				count(target, C.csatGood, verdict === 'good');
				count(target, C.csatBad, verdict === 'bad');
			} else if (survey.score === null) {
				continue;
			} else if (survey.kind === 'nps') {
				count(target, C.npsResponses, true);
				count(target, C.promoters, survey.score >= 9);
				count(target, C.detractors, survey.score <= 6);
			} else {
				count(target, C.cesResponses, true);
				target.cesSum += survey.score;
			}
		}
	}

	if (withChurn) {
		const [dataFrom, dataTo] = dataDayRange(facts, dayKeysOf);
		const from = Math.max(queryFrom, dataFrom);
		const to = Math.min(queryTo, dataTo);
		const customers = facts.customers.map(customer => ({
			firstSeen: dayKeysOf(customer.firstSeenAt).day,
			lost: customer.lostAt === null ? null : dayKeysOf(customer.lostAt).day,
		}));
		const periods =
			groupBy === 'none'
				? from <= to
					? [{label: allGroup, start: from, end: to}]
					: []
				: bucketsOf(groupBy as TimeGrain, from, to).map(bucket => ({
						label: grainLabel(groupBy as TimeGrain, bucket.key),
						start: bucket.start,
						end: bucket.end,
					}));
		for (const period of periods) {
			const target = accumulator(period.label);
			for (const customer of customers) {
				if (customer.firstSeen < period.start && (customer.lost === null || customer.lost >= period.start)) {
					count(target, C.customersAtStart, true);
					count(target, C.customersLost, customer.lost !== null && customer.lost <= period.end);
				}
			}
		}
	}

	if (groupBy === 'none') {
		accumulator(allGroup);
	}

	const rows: KpiRow[] = [];
	for (const {row, values, counts, cesSum} of groups.values()) {
		const c = (counter: number): number => counts[counter]!;
		row.tickets = c(C.tickets);
		for (const measure of Object.keys(row.durations) as DurationMeasure[]) {
			row.durations[measure] = statsOf(values[measure] ?? []);
		}

		row.resolutionRate = ratio(c(C.resolved), c(C.tickets));
		row.reopenRate = ratio(c(C.reopened), c(C.solved));
		row.fcrOneTouch = ratio(c(C.oneTouch), c(C.oneTouchDen));
		row.fcrNoFollowUp = ratio(c(C.noFollowUp), c(C.noFollowUpDen));
		row.fcr = fcrVariant === 'one-touch' ? row.fcrOneTouch : row.fcrNoFollowUp;
		row.escalationRate = ratio(c(C.escalated), c(C.tickets));
		row.functionalEscalationRate = ratio(c(C.functional), c(C.tickets));
		row.hierarchicalEscalationRate = ratio(c(C.hierarchical), c(C.tickets));
		row.automaticEscalationRate = ratio(c(C.automatic), c(C.tickets));
		for (const metric of Object.keys(row.sla) as SlaMetric[]) {
			row.sla[metric] = ratio(c(slaCounter[metric]), c(slaCounter[metric] + 1));
		}

		row.csat = ratio(c(C.csatGood), c(C.csatGood) + c(C.csatBad));
		row.csatResponseRate = ratio(c(C.csatAnswered), c(C.csatOffered));
		row.nps = npsOf(c(C.npsResponses), c(C.promoters), c(C.detractors));
		row.ces = {responses: c(C.cesResponses), mean: c(C.cesResponses) > 0 ? cesSum / c(C.cesResponses) : null};
		if (row.churn !== null) {
			row.churn = ratio(c(C.customersLost), c(C.customersAtStart));
		}

		rows.push(row);
	}

	return sortRows(rows);
}

/** Dataset -> facts -> KPIs, all in JavaScript. */
export function baselineKpis(dataset: Dataset, query: KpiQuery = {}, options: BaselineOptions & DeriveOptions = {}): KpiRow[] {
	return computeKpis(deriveFacts(dataset, options), query, options);
}
