// Early-warning effectiveness, template effectiveness and themes: report shapes plus their
// straightforward JavaScript computation (the baseline the SQL in dashboard/worker/queries.ts must match).
import type {FlagLevel} from './dataset.ts';
import {flagLevels} from './dataset.ts';
import type {Facts, TicketFact} from './facts.ts';
import type {CsatRule, FilterField, KpiQuery, Ratio} from './kpis.ts';
import {csatClass, dayBounds, filterFields, quantileOfSorted, ratio} from './kpis.ts';
import type {Spike, SpikeOptions} from './spikes.ts';
import {detectSpikes} from './spikes.ts';
import type {DayKeys} from './time.ts';
import {makeDayKeys} from './time.ts';
import {dataDayRange} from './baseline.ts';

export type LevelEffectiveness = {
	level: FlagLevel;
	/** Tickets with a flag at this level or above raised before their first escalation (or never escalated). */
	flagged: number;
	/** Flagged tickets that were escalated afterwards. */
	truePositives: number;
	precision: number | null;
	recall: number | null;
	/** Median time from the first such flag to the first escalation, over true positives. */
	medianLeadMs: number | null;
};

export type AgentAlertBudget = {
	agent: string;
	flags: number;
	agentHours: number;
	flagsPerAgentHour: number | null;
	agreement: Ratio;
};

export type EarlyWarningReport = {
	tickets: number;
	escalated: number;
	levels: LevelEffectiveness[];
	flags: number;
	agentHours: number;
	flagsPerAgentHour: number | null;
	/** agree / (agree + disagree) over agent feedback on flags. */
	agreement: Ratio;
	byAgent: AgentAlertBudget[];
};

export type TemplateEffectiveness = {
	/** A template id, or '(none)' for tickets that got no template (the comparison group). */
	templateId: string;
	/** Tickets the template was used on (for '(none)': tickets without any template). */
	tickets: number;
	/** Of those, escalated after the template's first use on the ticket (for '(none)': escalated at all). */
	escalationRate: Ratio;
	/** CSAT of responses given after the first use (for '(none)': all responses). */
	csat: Ratio;
};

export type ThemeSummary = {
	theme: string;
	tickets: number;
	escalated: number;
	escalationRate: number | null;
	/** This theme's share of all escalated tickets in the period. */
	shareOfEscalated: number | null;
	/** Escalation rate within the theme / overall escalation rate. */
	lift: number | null;
};

export type ThemeDayCount = {theme: string; day: number; count: number};

export type ReportOptions = {timezone?: string | undefined};

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
		firstEscalation.set(escalation.ticketKey, Math.min(firstEscalation.get(escalation.ticketKey) ?? Number.POSITIVE_INFINITY, escalation.at));
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

function median(values: number[]): number | null {
	return quantileOfSorted(Float64Array.from(values).sort(), 0.5);
}

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

		return {
			level,
			flagged,
			truePositives,
			precision: flagged > 0 ? truePositives / flagged : null,
			recall: escalated > 0 ? truePositives / escalated : null,
			medianLeadMs: median(leads),
		};
	});

	const agentOk = (agent: string | null): boolean => context.agentFilter === undefined || (agent !== null && context.agentFilter.includes(agent));
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
		byAgent: [...perAgent].sort(([a], [b]) => (a < b ? -1 : 1)).map(([agent, entry]) => ({
			agent,
			flags: entry.flags,
			agentHours: entry.hours,
			flagsPerAgentHour: entry.hours > 0 ? entry.flags / entry.hours : null,
			agreement: ratio(entry.agree, entry.agree + entry.disagree),
		})),
	};
}

export function computeTemplateEffectiveness(facts: Facts, query: KpiQuery = {}, options: ReportOptions = {}): TemplateEffectiveness[] {
	const context = contextOf(facts, query, options);
	const rule: CsatRule = query.csat ?? 'top-2';
	const firstUse = new Map<string, Map<string, number>>();
	for (const use of facts.templates) {
		if (!context.inPeriod(context.dayKeysOf(use.at).day) || !context.passes(context.tickets.get(use.ticketKey))) {
			continue;
		}

		let byTicket = firstUse.get(use.templateId);
		if (!byTicket) {
			byTicket = new Map();
			firstUse.set(use.templateId, byTicket);
		}

		byTicket.set(use.ticketKey, Math.min(byTicket.get(use.ticketKey) ?? Number.POSITIVE_INFINITY, use.at));
	}

	const escalationTimes = new Map<string, number[]>();
	for (const escalation of facts.escalations) {
		(escalationTimes.get(escalation.ticketKey) ?? escalationTimes.set(escalation.ticketKey, []).get(escalation.ticketKey)!).push(escalation.at);
	}

	const csatByTicket = new Map<string, Array<{at: number; score: number}>>();
	for (const survey of facts.surveys) {
		if (survey.kind === 'csat' && survey.ticketKey !== null && survey.score !== null) {
			(csatByTicket.get(survey.ticketKey) ?? csatByTicket.set(survey.ticketKey, []).get(survey.ticketKey)!).push({at: survey.at, score: survey.score});
		}
	}

	const csatOf = (ticketKey: string, after: number): [good: number, bad: number] => {
		let good = 0;
		let bad = 0;
		for (const survey of csatByTicket.get(ticketKey) ?? []) {
			if (survey.at > after) {
				const verdict = csatClass(survey.score, rule);
				good += verdict === 'good' ? 1 : 0;
				bad += verdict === 'bad' ? 1 : 0;
			}
		}

		return [good, bad];
	};

	const rows: TemplateEffectiveness[] = [];
	for (const [templateId, byTicket] of firstUse) {
		let escalated = 0;
		let good = 0;
		let bad = 0;
		for (const [ticketKey, at] of byTicket) {
			escalated += (escalationTimes.get(ticketKey) ?? []).some(time => time > at) ? 1 : 0;
			const [g, b] = csatOf(ticketKey, at);
			good += g;
			bad += b;
		}

		rows.push({templateId, tickets: byTicket.size, escalationRate: ratio(escalated, byTicket.size), csat: ratio(good, good + bad)});
	}

	const withTemplate = new Set(facts.templates.map(use => use.ticketKey));
	let tickets = 0;
	let escalated = 0;
	let good = 0;
	let bad = 0;
	for (const ticket of cohortOf(context)) {
		if (withTemplate.has(ticket.key)) {
			continue;
		}

		tickets++;
		escalated += context.firstEscalation.has(ticket.key) ? 1 : 0;
		const [g, b] = csatOf(ticket.key, Number.NEGATIVE_INFINITY);
		good += g;
		bad += b;
	}

	rows.push({templateId: '(none)', tickets, escalationRate: ratio(escalated, tickets), csat: ratio(good, good + bad)});
	return rows.sort((a, b) => (a.templateId < b.templateId ? -1 : 1));
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

	return [...byTheme].map(([theme, {tickets, escalated}]) => themeRow(theme, tickets, escalated, totalEscalated, overallRate)).sort(compareThemes);
}

export function themeRow(theme: string, tickets: number, escalated: number, totalEscalated: number, overallRate: number): ThemeSummary {
	const escalationRate = tickets > 0 ? escalated / tickets : null;
	return {
		theme,
		tickets,
		escalated,
		escalationRate,
		shareOfEscalated: totalEscalated > 0 ? escalated / totalEscalated : null,
		lift: escalationRate !== null && overallRate > 0 ? escalationRate / overallRate : null,
	};
}

/** Most escalated first, then most tickets, then by name. */
export function compareThemes(a: ThemeSummary, b: ThemeSummary): number {
	return b.escalated - a.escalated || b.tickets - a.tickets || (a.theme < b.theme ? -1 : 1);
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
