// Early warning, templates and themes of the hand-made dataset, worked out by hand.
import {expect, test} from 'vitest';
import {deriveFacts} from '../../core/metrics/facts.ts';
import {estimateOf, leadTimeDistribution} from '../../core/metrics/effectiveness.ts';
import {shapeTemplateEffectiveness} from '../../core/metrics/reports.ts';
import {computeEarlyWarning, computeTemplateEffectiveness, computeTemplateStrata, computeThemeSummary} from './reports.ts';
import {handDataset} from '../helpers/metrics.ts';

const facts = deriveFacts(handDataset());
const minutes = 60_000;

test('early warning: precision, recall and lead time per level; alert budget; agreement', () => {
	// A: watch flag, never escalated. C: high flag at 1650, escalated at 1690; its watch flag at 1700 came too late.
	expect(computeEarlyWarning(facts)).toEqual({
		tickets: 4,
		escalated: 2,
		// Intervals are Wilson's; with four tickets every level is too few to tell.
		levels: [
			{
				level: 'watch',
				flagged: 2,
				truePositives: 1,
				precision: estimateOf(1, 2),
				recall: estimateOf(1, 2),
				tooFew: true,
				medianLeadMs: 40 * minutes,
				leadTime: leadTimeDistribution(Float64Array.of(40 * minutes)),
			},
			{
				level: 'high',
				flagged: 1,
				truePositives: 1,
				precision: estimateOf(1, 1),
				recall: estimateOf(1, 2),
				tooFew: true,
				medianLeadMs: 40 * minutes,
				leadTime: leadTimeDistribution(Float64Array.of(40 * minutes)),
			},
			{
				level: 'critical',
				flagged: 0,
				truePositives: 0,
				precision: estimateOf(0, 0),
				recall: estimateOf(0, 2),
				tooFew: true,
				medianLeadMs: null,
				leadTime: leadTimeDistribution(new Float64Array(0)),
			},
		],
		// Three flags in nine agent-hours (Ana 5, Ben 4).
		flags: 3,
		agentHours: 9,
		flagsPerAgentHour: 1 / 3,
		agreement: {numerator: 1, denominator: 2, value: 0.5},
		byAgent: [
			{agent: 'Ana', flags: 1, agentHours: 5, flagsPerAgentHour: 0.2, agreement: {numerator: 0, denominator: 1, value: 0}},
			{agent: 'Ben', flags: 2, agentHours: 4, flagsPerAgentHour: 0.5, agreement: {numerator: 1, denominator: 1, value: 1}},
		],
	});
});

test("early warning for one agent's tickets", () => {
	const report = computeEarlyWarning(facts, {filters: {agent: ['Ana']}});
	expect(report.tickets).toBe(1);
	expect(report.levels[0]).toMatchObject({
		level: 'watch',
		flagged: 1,
		truePositives: 0,
		precision: {value: 0},
		recall: {value: null, interval: null},
		medianLeadMs: null,
	});
	expect(report.flags).toBe(1);
	expect(report.agentHours).toBe(5);
});

test("template effectiveness: strata of the template's first uses and of comparable points without a template", () => {
	// D got 'ack' at 2050 with no flag before it (level 0, no trigger), escalated at 2100 and rated 2 afterwards.
	// Comparison points: A and B at creation (level 0; A rated 5 and B 3 afterwards), A at its watch flag (40),
	// C (long-wait) at creation and at its high flag (1650), escalated at 1690; C's watch flag at 1700 came after a higher one.
	const strata = computeTemplateStrata(facts);
	expect(strata).toEqual({
		treated: [{templateId: 'ack', level: 0, trigger: '(none)', tickets: 1, escalated: 1, good: 0, bad: 1}],
		controls: [
			{level: 0, trigger: '(none)', tickets: 2, escalated: 0, good: 1, bad: 1},
			{level: 0, trigger: 'long-wait', tickets: 1, escalated: 1, good: 0, bad: 0},
			{level: 1, trigger: '(none)', tickets: 1, escalated: 0, good: 1, bad: 0},
			{level: 2, trigger: 'long-wait', tickets: 1, escalated: 1, good: 0, bad: 0},
		],
	});
	const [ack] = computeTemplateEffectiveness(facts);
	// Compared with A and B only (same level and trigger): 1 of 1 against 0 of 2. Far too few to tell.
	const variance = (2 / 3) * (1 / 3) + ((1 / 4) * (3 / 4)) / 2;
	expect(ack).toEqual({
		templateId: 'ack',
		tickets: 1,
		escalationRate: {numerator: 1, denominator: 1, value: 1},
		csat: {numerator: 0, denominator: 1, value: 0},
		escalation: {
			treated: estimateOf(1, 1),
			comparable: {value: 0, count: 2},
			difference: {
				value: 1,
				interval: {low: 1 - 1.959_963_984_540_054 * Math.sqrt(variance), high: 1 + 1.959_963_984_540_054 * Math.sqrt(variance)},
			},
			verdict: 'too-few',
			unmatched: 0,
		},
		csatComparison: expect.objectContaining({
			treated: estimateOf(0, 1),
			comparable: {value: 0.5, count: 2},
			verdict: 'too-few',
			unmatched: 0,
		}) as unknown,
	});
	// With no minimum the interval decides: it spans zero.
	expect(shapeTemplateEffectiveness(strata, 1)[0]!.escalation.verdict).toBe('no-clear-difference');
});

test('themes in escalated tickets', () => {
	expect(computeThemeSummary(facts)).toEqual([
		{theme: 'login', tickets: 2, escalated: 1, escalationRate: 0.5, shareOfEscalated: 0.5, lift: 1},
		{theme: 'billing', tickets: 1, escalated: 0, escalationRate: 0, shareOfEscalated: 0, lift: 0},
	]);
});
