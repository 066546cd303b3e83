// The explainable risk score.
//
// Each detector finding has a strength s in 0..1; its signal has a base weight w (its descriptor).
// The finding's probability-like share is p = w * s, and findings combine as a noisy-OR:
//   score = 1 - prod(1 - p_i)
// Why noisy-OR rather than a capped sum: one strong signal alone gives its own weight (a legal
// threat is 0.65 on its own), several weak signals add up with diminishing returns, and the score
// never leaves 0..1 however many signals fire, so thresholds keep their meaning.
// Each signal's visible `weight` is its exact share of the score: with h_i = -ln(1 - p_i),
// score = 1 - exp(-sum h), and signal i gets score * h_i / sum h. The shares add up to the score.
// Each signal's base weight and the reason for it are in its descriptor, beside its detector
// (signals/registry.ts lists them; the table is in signals/README.md).
import type {AlertBudget, Thresholds} from './context.ts';
import type {Level, Signal} from './model.ts';
import {signalDescriptor} from './signals/registry.ts';
import type {Finding} from './signals/types.ts';

const maxShare = 0.99;

export function baseWeight(id: string, multipliers: Readonly<Record<string, number>> = {}): number {
	const weight = signalDescriptor(id)?.weight ?? 0.1; // An id this version does not know
	const multiplier = multipliers[id];
	const scaled = multiplier !== undefined && Number.isFinite(multiplier) && multiplier >= 0 ? weight * multiplier : weight;
	return Math.min(maxShare, scaled);
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Combines findings into a 0..1 score and signals whose weights are their shares of it, largest first. */
export function scoreRisk(
	findings: readonly Finding[],
	multipliers: Readonly<Record<string, number>> = {},
): {score: number; signals: Signal[]} {
	const hazards = findings.map(finding => {
		const share = Math.min(maxShare, baseWeight(finding.id, multipliers) * Math.max(0, Math.min(1, finding.strength)));
		return -Math.log(1 - share);
	});
	const total = hazards.reduce((sum, hazard) => sum + hazard, 0);
	const score = 1 - Math.exp(-total);
	const signals = findings.map((finding, index) => ({
		id: finding.id,
		label: finding.label,
		weight: total > 0 ? round((score * hazards[index]!) / total) : 0,
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
