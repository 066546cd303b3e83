// Early warning, templates and themes of the hand-made dataset, worked out by hand.
import {expect, test} from 'vitest';
import {deriveFacts} from './facts.ts';
import {computeEarlyWarning, computeTemplateEffectiveness, computeThemeSummary} from './reports.ts';
import {handDataset} from './test-support.ts';

const facts = deriveFacts(handDataset());
const minutes = 60_000;

test('early warning: precision, recall and lead time per level; alert budget; agreement', () => {
	// A: watch flag, never escalated. C: high flag at 1650, escalated at 1690; its watch flag at 1700 came too late.
	expect(computeEarlyWarning(facts)).toEqual({
		tickets: 4,
		escalated: 2,
		levels: [
			{level: 'watch', flagged: 2, truePositives: 1, precision: 0.5, recall: 0.5, medianLeadMs: 40 * minutes},
			{level: 'high', flagged: 1, truePositives: 1, precision: 1, recall: 0.5, medianLeadMs: 40 * minutes},
			{level: 'critical', flagged: 0, truePositives: 0, precision: null, recall: 0, medianLeadMs: null},
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

test('early warning for one agent\'s tickets', () => {
	const report = computeEarlyWarning(facts, {filters: {agent: ['Ana']}});
	expect(report.tickets).toBe(1);
	expect(report.levels[0]).toEqual({level: 'watch', flagged: 1, truePositives: 0, precision: 0, recall: null, medianLeadMs: null});
	expect(report.flags).toBe(1);
	expect(report.agentHours).toBe(5);
});

test('template effectiveness against tickets without a template', () => {
	// D got 'ack' at 2050, escalated at 2100 and rated 2 afterwards. A, B, C had none: C escalated; CSAT 5 and 3.
	expect(computeTemplateEffectiveness(facts)).toEqual([
		{templateId: '(none)', tickets: 3, escalationRate: {numerator: 1, denominator: 3, value: 1 / 3}, csat: {numerator: 1, denominator: 2, value: 0.5}},
		{templateId: 'ack', tickets: 1, escalationRate: {numerator: 1, denominator: 1, value: 1}, csat: {numerator: 0, denominator: 1, value: 0}},
	]);
});

test('themes in escalated tickets', () => {
	expect(computeThemeSummary(facts)).toEqual([
		{theme: 'login', tickets: 2, escalated: 1, escalationRate: 0.5, shareOfEscalated: 0.5, lift: 1},
		{theme: 'billing', tickets: 1, escalated: 0, escalationRate: 0, shareOfEscalated: 0, lift: 0},
	]);
});
