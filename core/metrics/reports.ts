// Early-warning effectiveness, template effectiveness and themes: the report shapes, and the shapers
// the metric SQL (dashboard/worker/queries.ts) hands its rows to.
import type {FlagLevel} from './dataset.ts';
import type {Ratio} from './kpis.ts';
import {ratio} from './kpis.ts';
import type {Comparison, Estimate, LeadTimeDistribution} from './effectiveness.ts';
import {compareStrata, estimateOf, leadTimeDistribution, minimumSample} from './effectiveness.ts';

export type LevelEffectiveness = {
	level: FlagLevel;
	/** Tickets with a flag at this level or above raised before their first escalation (or never escalated). */
	flagged: number;
	/** Flagged tickets that were escalated afterwards. */
	truePositives: number;
	/** Escalated afterwards / flagged, with its 95% interval. */
	precision: Estimate;
	/** Flagged beforehand / escalated, with its 95% interval. */
	recall: Estimate;
	/** Precision or recall rests on fewer than minimumSample tickets: too few to tell. */
	tooFew: boolean;
	/** Median time from the first such flag to the first escalation, over true positives. */
	medianLeadMs: number | null;
	/** The same lead times as a distribution. */
	leadTime: LeadTimeDistribution;
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
	templateId: string;
	/** Tickets created in the period (after filters) the template was used on. */
	tickets: number;
	/** Of those, escalated after the template's first use on the ticket (every such ticket, unmatched ones too). */
	escalationRate: Ratio;
	/** CSAT of responses given after the first use. */
	csat: Ratio;
	/** Escalation afterwards against comparable tickets without a template (same level, trigger and point). */
	escalation: Comparison;
	/** CSAT afterwards against comparable tickets' CSAT, in rated responses. */
	csatComparison: Comparison;
};

/** Per stratum (risk level reached, trigger): tickets, escalated afterwards, good and bad CSAT afterwards. */
export type StratumOutcome = {level: number; trigger: string; tickets: number; escalated: number; good: number; bad: number};

/**
 * What template effectiveness is computed from: per template the strata of its first uses, and the
 * strata of the comparison points (tickets that never got a template: at creation for level 0, and
 * at the moment their risk first reached each level).
 */
export type TemplateStrata = {treated: Array<StratumOutcome & {templateId: string}>; controls: StratumOutcome[]};

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

/** One level's precision and recall with their intervals, and its lead times (shared by the SQL and its JavaScript cross-check). */
export function levelEffectiveness(
	level: FlagLevel,
	flagged: number,
	truePositives: number,
	escalated: number,
	leads: Float64Array,
): LevelEffectiveness {
	const leadTime = leadTimeDistribution(leads);
	return {
		level,
		flagged,
		truePositives,
		precision: estimateOf(truePositives, flagged),
		recall: estimateOf(truePositives, escalated),
		tooFew: flagged < minimumSample || escalated < minimumSample,
		medianLeadMs: leadTime.median,
		leadTime,
	};
}

/** Template effectiveness from its strata: raw rates after each template, and like-with-like comparisons. */
export function shapeTemplateEffectiveness(strata: TemplateStrata, minimum = minimumSample): TemplateEffectiveness[] {
	const byTemplate = new Map<string, StratumOutcome[]>();
	for (const row of strata.treated) {
		(byTemplate.get(row.templateId) ?? byTemplate.set(row.templateId, []).get(row.templateId)!).push(row);
	}

	const escalationOf = (row: StratumOutcome) => ({level: row.level, trigger: row.trigger, count: row.tickets, events: row.escalated});
	const csatOf = (row: StratumOutcome) => ({level: row.level, trigger: row.trigger, count: row.good + row.bad, events: row.good});
	const controlEscalation = strata.controls.map(row => escalationOf(row));
	const controlCsat = strata.controls.map(row => csatOf(row));
	const sum = (rows: StratumOutcome[], field: 'tickets' | 'escalated' | 'good' | 'bad'): number =>
		rows.reduce((total, row) => total + row[field], 0);
	return [...byTemplate]
		.map(([templateId, rows]) => {
			const good = sum(rows, 'good');
			return {
				templateId,
				tickets: sum(rows, 'tickets'),
				escalationRate: ratio(sum(rows, 'escalated'), sum(rows, 'tickets')),
				csat: ratio(good, good + sum(rows, 'bad')),
				escalation: compareStrata(
					rows.map(row => escalationOf(row)),
					controlEscalation,
					minimum,
				),
				csatComparison: compareStrata(
					rows.map(row => csatOf(row)),
					controlCsat,
					minimum,
				),
			};
		})
		.sort((a, b) => (a.templateId < b.templateId ? -1 : 1));
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
