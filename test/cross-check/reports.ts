// Early warning, template effectiveness and themes computed by a straightforward JavaScript pass over
// the facts: the cross-check of the report SQL in dashboard/worker/queries.ts (tests assert both
// agree) and the benchmark's baseline. Never used in production.
import type {FlagLevel} from '../../core/metrics/dataset.ts';
import {flagLevels} from '../../core/metrics/dataset.ts';
import type {Facts, TicketFact} from '../../core/metrics/facts.ts';
import {dataDayRange} from '../../core/metrics/facts.ts';
import type {CsatRule, FilterField, KpiQuery} from '../../core/metrics/kpis.ts';
import {csatClass, dayBounds, filterFields, noneGroup, ratio} from '../../core/metrics/kpis.ts';
import type {
	EarlyWarningReport,
	ReportOptions,
	StratumOutcome,
	TemplateEffectiveness,
	TemplateStrata,
	ThemeDayCount,
	ThemeSummary,
} from '../../core/metrics/reports.ts';
import {compareThemes, levelEffectiveness, shapeTemplateEffectiveness, themeRow} from '../../core/metrics/reports.ts';
import type {Spike, SpikeOptions} from '../../core/metrics/spikes.ts';
import {detectSpikes} from '../../core/metrics/spikes.ts';
import type {DayKeys} from '../../core/metrics/time.ts';
import {makeDayKeys} from '../../core/metrics/time.ts';

type Context = {
	facts: Facts;
	dayKeysOf: (ms: number) => DayKeys;
	inPeriod: (day: number) => boolean;
	passes: (ticket: TicketFact | undefined) => boolean;
	tickets: Map<string, TicketFact>;
	firstEscalation: Map<string, number>;
	agentFilter: string[] | undefined;
};

function contextOf(facts: Facts, query: KpiQuery, options: ReportOptions): Context {
	const dayKeysOf = makeDayKeys(options.timezone ?? 'UTC');
	const [from, to] = dayBounds(query);
	const filters = query.filters ?? {};
	const active = filterFields.filter(field => (filters[field]?.length ?? 0) > 0);
	const valueOf = (ticket: TicketFact, field: FilterField): string | null => (field === 'helpdesk' ? ticket.helpdesk : ticket[field]);
	const firstEscalation = new Map<string, number>();
	for (const escalation of facts.escalations) {
		firstEscalation.set(
			escalation.ticketKey,
			Math.min(firstEscalation.get(escalation.ticketKey) ?? Number.POSITIVE_INFINITY, escalation.at),
		);
	}

	return {
		facts,
		dayKeysOf,
		inPeriod: day => day >= from && day <= to,
		passes: ticket => active.every(field => ticket !== undefined && filters[field]!.includes(valueOf(ticket, field) ?? '\u0000')),
		tickets: new Map(facts.tickets.map(ticket => [ticket.key, ticket])),
		firstEscalation,
		agentFilter: (filters.agent?.length ?? 0) > 0 ? filters.agent : undefined,
	};
}

function cohortOf(context: Context): TicketFact[] {
	return context.facts.tickets.filter(ticket => context.inPeriod(context.dayKeysOf(ticket.createdAt).day) && context.passes(ticket));
}

const rankOf: Record<FlagLevel, number> = {watch: 1, high: 2, critical: 3};

export function computeEarlyWarning(facts: Facts, query: KpiQuery = {}, options: ReportOptions = {}): EarlyWarningReport {
	const context = contextOf(facts, query, options);
	const cohort = cohortOf(context);
	const inCohort = new Set(cohort.map(ticket => ticket.key));
	// Per ticket, the first counting flag at each level or above (flags after the first escalation do not predict it).
	const firstFlag = new Map<string, number[]>();
	for (const flag of facts.flags) {
		if (!inCohort.has(flag.ticketKey)) {
			continue;
		}

		const escalatedAt = context.firstEscalation.get(flag.ticketKey);
		if (escalatedAt !== undefined && flag.at >= escalatedAt) {
			continue;
		}

		const firsts = firstFlag.get(flag.ticketKey) ?? [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
		for (let rank = 1; rank <= rankOf[flag.level]; rank++) {
			firsts[rank - 1] = Math.min(firsts[rank - 1]!, flag.at);
		}

		firstFlag.set(flag.ticketKey, firsts);
	}

	const escalated = cohort.filter(ticket => context.firstEscalation.has(ticket.key)).length;
	const levels = flagLevels.map(level => {
		let flagged = 0;
		let truePositives = 0;
		const leads: number[] = [];
		for (const ticket of cohort) {
			const at = firstFlag.get(ticket.key)?.[rankOf[level] - 1];
			if (at === undefined || at === Number.POSITIVE_INFINITY) {
				continue;
			}

			flagged++;
			const escalatedAt = context.firstEscalation.get(ticket.key);
			if (escalatedAt !== undefined) {
				truePositives++;
				leads.push(escalatedAt - at);
			}
		}

		return levelEffectiveness(level, flagged, truePositives, escalated, Float64Array.from(leads));
	});

	const agentOk = (agent: string | null): boolean =>
		context.agentFilter === undefined || (agent !== null && context.agentFilter.includes(agent));
	const perAgent = new Map<string, {flags: number; hours: number; agree: number; disagree: number}>();
	const agentEntry = (agent: string) => {
		let entry = perAgent.get(agent);
		if (!entry) {
			entry = {flags: 0, hours: 0, agree: 0, disagree: 0};
			perAgent.set(agent, entry);
		}

		return entry;
	};

	let flags = 0;
	for (const flag of facts.flags) {
		if (context.inPeriod(context.dayKeysOf(flag.at).day) && agentOk(flag.agent)) {
			flags++;
			if (flag.agent !== null) {
				agentEntry(flag.agent).flags++;
			}
		}
	}

	let agentHours = 0;
	for (const hour of facts.agentHours) {
		if (context.inPeriod(context.dayKeysOf(hour.hour).day) && agentOk(hour.agent)) {
			agentHours++;
			agentEntry(hour.agent).hours++;
		}
	}

	let agree = 0;
	let disagree = 0;
	for (const feedback of facts.feedback) {
		if (context.inPeriod(context.dayKeysOf(feedback.at).day) && agentOk(feedback.agent)) {
			const isAgree = feedback.verdict === 'agree';
			agree += isAgree ? 1 : 0;
			disagree += isAgree ? 0 : 1;
			if (feedback.agent !== null) {
				const entry = agentEntry(feedback.agent);
				entry.agree += isAgree ? 1 : 0;
				entry.disagree += isAgree ? 0 : 1;
			}
		}
	}

	return {
		tickets: cohort.length,
		escalated,
		levels,
		flags,
		agentHours,
		flagsPerAgentHour: agentHours > 0 ? flags / agentHours : null,
		agreement: ratio(agree, agree + disagree),
		byAgent: [...perAgent]
			.sort(([a], [b]) => (a < b ? -1 : 1))
			.map(([agent, entry]) => ({
				agent,
				flags: entry.flags,
				agentHours: entry.hours,
				flagsPerAgentHour: entry.hours > 0 ? entry.flags / entry.hours : null,
				agreement: ratio(entry.agree, entry.agree + entry.disagree),
			})),
	};
}

/**
 * The strata of template effectiveness in JavaScript (the cross-check of the SQL). A template's point
 * on a ticket is its first use there; the ticket's level then is the highest flag raised at or before
 * it (0: none). Tickets that never got a template are compared from the same kind of point: at
 * creation for level 0, and for level L at their first flag of level L when no higher flag came
 * first. Outcomes count after the point: an escalation, CSAT responses. Both sides are tickets
 * created in the period that pass the filters; the trigger is the ticket's last known trigger.
 */
export function computeTemplateStrata(facts: Facts, query: KpiQuery = {}, options: ReportOptions = {}): TemplateStrata {
	const context = contextOf(facts, query, options);
	const rule: CsatRule = query.csat ?? 'top-2';
	const cohort = cohortOf(context);
	const inCohort = new Set(cohort.map(ticket => ticket.key));
	const group = <T extends {ticketKey: string}>(rows: readonly T[]): Map<string, T[]> => {
		const map = new Map<string, T[]>();
		for (const row of rows) {
			if (inCohort.has(row.ticketKey)) {
				(map.get(row.ticketKey) ?? map.set(row.ticketKey, []).get(row.ticketKey)!).push(row);
			}
		}

		return map;
	};

	const flagsOf = group(facts.flags);
	const escalationsOf = group(facts.escalations);
	const csatOf = group(
		facts.surveys.filter(
			(survey): survey is typeof survey & {ticketKey: string; score: number} =>
				survey.kind === 'csat' && survey.ticketKey !== null && survey.score !== null,
		),
	);
	const usesOf = group(facts.templates);
	const outcome = (ticketKey: string, at: number): [escalated: number, good: number, bad: number] => {
		let good = 0;
		let bad = 0;
		for (const survey of csatOf.get(ticketKey) ?? []) {
			if (survey.at > at) {
				const verdict = csatClass(survey.score, rule);
				good += verdict === 'good' ? 1 : 0;
				bad += verdict === 'bad' ? 1 : 0;
			}
		}

		return [(escalationsOf.get(ticketKey) ?? []).some(escalation => escalation.at > at) ? 1 : 0, good, bad];
	};

	const treated = new Map<string, StratumOutcome & {templateId: string}>();
	const controls = new Map<string, StratumOutcome>();
	const add = <T extends StratumOutcome>(
		map: Map<string, T>,
		key: string,
		fresh: () => T,
		[escalated, good, bad]: [number, number, number],
	): void => {
		const row = map.get(key) ?? map.set(key, fresh()).get(key)!;
		row.tickets++;
		row.escalated += escalated;
		row.good += good;
		row.bad += bad;
	};

	for (const ticket of cohort) {
		const trigger = ticket.trigger ?? noneGroup;
		const flags = flagsOf.get(ticket.key) ?? [];
		const uses = usesOf.get(ticket.key);
		if (uses) {
			const firstUse = new Map<string, number>();
			for (const use of uses) {
				firstUse.set(use.templateId, Math.min(firstUse.get(use.templateId) ?? Number.POSITIVE_INFINITY, use.at));
			}

			for (const [templateId, at] of firstUse) {
				const level = Math.max(0, ...flags.filter(flag => flag.at <= at).map(flag => rankOf[flag.level]));
				add(
					treated,
					`${templateId}\u0000${level}\u0000${trigger}`,
					() => ({templateId, level, trigger, tickets: 0, escalated: 0, good: 0, bad: 0}),
					outcome(ticket.key, at),
				);
			}

			continue;
		}

		const points: Array<[level: number, at: number]> = [[0, ticket.createdAt]];
		for (const level of [1, 2, 3]) {
			const first = Math.min(...flags.filter(flag => rankOf[flag.level] === level).map(flag => flag.at));
			const higher = Math.min(...flags.filter(flag => rankOf[flag.level] > level).map(flag => flag.at));
			if (Number.isFinite(first) && !(higher <= first)) {
				points.push([level, first]);
			}
		}

		for (const [level, at] of points) {
			add(
				controls,
				`${level}\u0000${trigger}`,
				() => ({level, trigger, tickets: 0, escalated: 0, good: 0, bad: 0}),
				outcome(ticket.key, at),
			);
		}
	}

	const order = (a: StratumOutcome & {templateId?: string}, b: StratumOutcome & {templateId?: string}): number =>
		(a.templateId ?? '') < (b.templateId ?? '')
			? -1
			: (a.templateId ?? '') > (b.templateId ?? '')
				? 1
				: a.level - b.level || (a.trigger < b.trigger ? -1 : a.trigger > b.trigger ? 1 : 0);
	return {treated: [...treated.values()].sort(order), controls: [...controls.values()].sort(order)};
}

export function computeTemplateEffectiveness(facts: Facts, query: KpiQuery = {}, options: ReportOptions = {}): TemplateEffectiveness[] {
	return shapeTemplateEffectiveness(computeTemplateStrata(facts, query, options));
}

export function computeThemeSummary(facts: Facts, query: KpiQuery = {}, options: ReportOptions = {}): ThemeSummary[] {
	const context = contextOf(facts, query, options);
	const cohort = cohortOf(context);
	const totalEscalated = cohort.filter(ticket => context.firstEscalation.has(ticket.key)).length;
	const overallRate = cohort.length > 0 ? totalEscalated / cohort.length : 0;
	const byTheme = new Map<string, {tickets: number; escalated: number}>();
	for (const ticket of cohort) {
		for (const theme of ticket.themes) {
			const entry = byTheme.get(theme) ?? {tickets: 0, escalated: 0};
			entry.tickets++;
			entry.escalated += context.firstEscalation.has(ticket.key) ? 1 : 0;
			byTheme.set(theme, entry);
		}
	}

	return [...byTheme]
		.map(([theme, {tickets, escalated}]) => themeRow(theme, tickets, escalated, totalEscalated, overallRate))
		.sort(compareThemes);
}

/** Tickets per theme per local creation day, up to the query's last day (earlier days feed the spike baseline). */
export function computeThemeCounts(facts: Facts, query: KpiQuery = {}, options: ReportOptions = {}): ThemeDayCount[] {
	const context = contextOf(facts, {...query, from: undefined}, options);
	const counts = new Map<string, ThemeDayCount>();
	for (const ticket of facts.tickets) {
		const {day} = context.dayKeysOf(ticket.createdAt);
		if (!context.inPeriod(day) || !context.passes(ticket)) {
			continue;
		}

		for (const theme of ticket.themes) {
			const key = `${theme}\u0000${day}`;
			const entry = counts.get(key) ?? {theme, day, count: 0};
			entry.count++;
			counts.set(key, entry);
		}
	}

	return [...counts.values()].sort((a, b) => (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : a.day - b.day));
}

/** Spikes in the query's period (see ./spikes.ts for the test). */
export function computeSpikes(facts: Facts, query: KpiQuery = {}, options: ReportOptions & {spikes?: SpikeOptions} = {}): Spike[] {
	const counts = computeThemeCounts(facts, query, options);
	const [, lastDataDay] = dataDayRange(facts, makeDayKeys(options.timezone ?? 'UTC'));
	const [from, to] = dayBounds(query);
	return detectSpikes(counts, Math.min(to, lastDataDay), {...options.spikes, from, to});
}
