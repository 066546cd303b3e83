// The explainable risk score.
//
// Each detector finding has a strength s in 0..1; its signal has a base weight w (table below).
// The finding's probability-like share is p = w * s, and findings combine as a noisy-OR:
//   score = 1 - prod(1 - p_i)
// Why noisy-OR rather than a capped sum: one strong signal alone gives its own weight (a legal
// threat is 0.65 on its own), several weak signals add up with diminishing returns, and the score
// never leaves 0..1 however many signals fire, so thresholds keep their meaning.
// Each signal's visible `weight` is its exact share of the score: with h_i = -ln(1 - p_i),
// score = 1 - exp(-sum h), and signal i gets score * h_i / sum h. The shares add up to the score.
//
// | signal                  | weight | why                                                             |
// |-------------------------|--------|-----------------------------------------------------------------|
// | phrase.legal            | 0.65   | lawyer / court / regulator: escalates almost by definition      |
// | phrase.manager          | 0.60   | an explicit request to escalate                                 |
// | phrase.churn            | 0.50   | cancelling or leaving: a save attempt needs authority           |
// | phrase.public           | 0.45   | review / social media threat                                    |
// | phrase.insult           | 0.35   | insults and profanity: anger, often aimed at the agent          |
// | phrase.repeat           | 0.35   | "third time", "still not fixed": the fix is not landing         |
// | phrase.misread          | 0.35   | "that is not what I asked": the last reply missed the point     |
// | phrase.payment-dispute  | 0.50   | chargeback / bank dispute: money is being clawed back           |
// | phrase.outage           | 0.30   | service down: the customer's own business may be stopped        |
// | phrase.broken-promise   | 0.30   | "I was told...": trust already lost once                        |
// | phrase.billing          | 0.25   | charged wrongly or refund missing: money, but routine to fix    |
// | phrase.non-delivery     | 0.25   | order not arrived: common, usually calm at first                |
// | phrase.faulty           | 0.25   | damaged or faulty item: a complaint, mostly resolvable          |
// | phrase.waiting          | 0.25   | "still no answer": the customer is chasing us                   |
// | phrase.not-working      | 0.20   | "won't let me log in": the most common problem report           |
// | phrase.urgency          | 0.10   | common in calm messages too; a weak nudge                       |
// | tone.negative           | 0.35   | latest customer message is clearly negative                     |
// | tone.trend              | 0.30   | tone falling over several messages                              |
// | wait.breach             | 0.45   | SLA target breached while the customer waits                    |
// | wait.due                | 0.40   | a reply target is near; strength grows with priority and time   |
// |                         |        | used, so an urgent ticket due within the hour is at least watch |
// | history.repeat-contact  | 0.30   | nth contact in the window                                       |
// | shape.back-and-forth    | 0.20   | many turns without resolution                                   |
// | shape.reopened          | 0.25   | reopened after "solved"                                         |
// | shape.reassigned        | 0.15   | passed between teams                                            |
// | shape.days-open         | 0.15   | open for many days                                              |
// | spike.theme             | 0.10   | many customers with the same problem today                      |
// | draft.phrasing          | 0.15   | the agent's draft contains phrasing known to escalate           |
import type {AlertBudget, Thresholds} from './context.ts';
import type {Level, Signal} from './model.ts';
import type {Finding} from './signals/types.ts';

export const signalWeights: Readonly<Record<string, number>> = {
	'phrase.legal': 0.65,
	'phrase.manager': 0.6,
	'phrase.churn': 0.5,
	'phrase.public': 0.45,
	'phrase.insult': 0.35,
	'phrase.repeat': 0.35,
	'phrase.misread': 0.35,
	'phrase.payment-dispute': 0.5,
	'phrase.outage': 0.3,
	'phrase.broken-promise': 0.3,
	'phrase.billing': 0.25,
	'phrase.non-delivery': 0.25,
	'phrase.faulty': 0.25,
	'phrase.waiting': 0.25,
	'phrase.not-working': 0.2,
	'phrase.urgency': 0.1,
	'tone.negative': 0.35,
	'tone.trend': 0.3,
	'wait.breach': 0.45,
	'wait.due': 0.4,
	'history.repeat-contact': 0.3,
	'shape.back-and-forth': 0.2,
	'shape.reopened': 0.25,
	'shape.reassigned': 0.15,
	'shape.days-open': 0.15,
	'spike.theme': 0.1,
	'draft.phrasing': 0.15,
};

const maxShare = 0.99;

export function baseWeight(id: string, multipliers: Readonly<Record<string, number>> = {}): number {
	const weight = signalWeights[id] ?? 0.1;
	const multiplier = multipliers[id];
	const scaled = multiplier !== undefined && Number.isFinite(multiplier) && multiplier >= 0 ? weight * multiplier : weight;
	return Math.min(maxShare, scaled);
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Combines findings into a 0..1 score and signals whose weights are their shares of it, largest first. */
export function scoreRisk(findings: readonly Finding[], multipliers: Readonly<Record<string, number>> = {}): {score: number; signals: Signal[]} {
	const hazards = findings.map(finding => {
		const share = Math.min(maxShare, baseWeight(finding.id, multipliers) * Math.max(0, Math.min(1, finding.strength)));
		return -Math.log(1 - share);
	});
	const total = hazards.reduce((sum, hazard) => sum + hazard, 0);
	const score = 1 - Math.exp(-total);
	const signals = findings.map((finding, index) => ({
		id: finding.id,
		label: finding.label,
		weight: total > 0 ? round(score * hazards[index]! / total) : 0,
		evidence: finding.evidence,
	}));
	signals.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
	return {score: Math.min(0.999, round(score)), signals}; // Rounding must not reach certainty
}

export function levelFor(score: number, thresholds: Thresholds): Level {
	if (score >= thresholds.critical) {
		return 'critical';
	}

	if (score >= thresholds.high) {
		return 'high';
	}

	return score >= thresholds.watch ? 'watch' : 'none';
}

const levelRank: Readonly<Record<Level, number>> = {none: 0, watch: 1, high: 2, critical: 3};

/**
 * Alert budget: may a new flag at `nowMs` interrupt the agent, given the times of flags that
 * already alerted? Critical flags always alert; others wait while the last hour's budget is spent.
 */
export function mayAlert(level: Level, nowMs: number, recentAlertTimes: readonly number[], budget: AlertBudget): boolean {
	if (levelRank[level] < levelRank[budget.minLevel]) {
		return false;
	}

	if (level === 'critical') {
		return true;
	}

	const hourAgo = nowMs - 3_600_000;
	const inLastHour = recentAlertTimes.filter(time => time > hourAgo && time <= nowMs).length;
	return inLastHour < budget.maxFlagsPerAgentHour;
}
