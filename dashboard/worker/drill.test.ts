// The rows behind each number add up to the number: totals and numerators of every drill-down equal
// the KPI's own, for the whole period, a filtered one and single groups of grouped reports.
import type {Database} from 'sql.js';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {slaMetrics} from '../../core/metrics/dataset.ts';
import {generateDemoDataset} from '../../core/metrics/demo-data.ts';
import type {DurationMeasure, KpiQuery, KpiRow, Ratio} from '../../core/metrics/kpis.ts';
import {berlinOffice} from '../../test/helpers/metrics.ts';
import type {DrillMetric} from './drill.ts';
import {drill} from './drill.ts';
import {loadDataset} from './load.ts';
import {openNodeDatabase} from './node-database.ts';
import {earlyWarning, kpis, templateEffectiveness} from './queries.ts';

const timezone = 'Europe/Berlin';
let db: Database;

beforeAll(async () => {
	db = await openNodeDatabase();
	loadDataset(db, generateDemoDataset({seed: 5, days: 40, ticketsPerDay: 20}), {timezone, businessHours: {calendar: berlinOffice}});
});

afterAll(() => {
	db.close();
});

const ratios: Array<[DrillMetric, (row: KpiRow) => Ratio]> = [
	['resolutionRate', row => row.resolutionRate],
	['fcr', row => row.fcr],
	['reopenRate', row => row.reopenRate],
	['escalationRate', row => row.escalationRate],
	['functionalEscalationRate', row => row.functionalEscalationRate],
	['hierarchicalEscalationRate', row => row.hierarchicalEscalationRate],
	['automaticEscalationRate', row => row.automaticEscalationRate],
	...slaMetrics.map((metric): [DrillMetric, (row: KpiRow) => Ratio] => [`sla:${metric}`, row => row.sla[metric]]),
];
const durations: Array<DurationMeasure & DrillMetric> = [
	'firstReply',
	'firstReplyBusiness',
	'nextReply',
	'firstResolution',
	'firstResolutionBusiness',
	'fullResolution',
	'fullResolutionBusiness',
];
const periods: Array<[string, KpiQuery]> = [
	['all time', {}],
	[
		'a filtered period, FCR no follow-up',
		{from: '2026-06-01', to: '2026-06-20', filters: {priority: ['high', 'urgent']}, fcr: 'no-follow-up'},
	],
];

describe.each(periods)('%s', (_name, query) => {
	const row = (): KpiRow => kpis(db, query)[0]!;

	test('tickets', () => {
		expect(drill(db, {metric: 'tickets', query}).total).toBe(row().tickets);
	});

	test.each(ratios)('%s: rows = denominator, counted = numerator', (metric, pick) => {
		const result = drill(db, {metric, query});
		expect(pick(row()).denominator).toBeGreaterThan(0);
		expect([result.total, result.counted]).toEqual([pick(row()).denominator, pick(row()).numerator]);
		expect(result.rows.length).toBe(Math.min(500, result.total));
	});

	test.each(durations)('%s: one row per measured value, longest first', metric => {
		const result = drill(db, {metric, query});
		expect(result.total).toBe(row().durations[metric].count);
		const values = result.rows.map(item => item.value as number);
		expect(values).toEqual([...values].sort((a, b) => b - a));
	});

	test('surveys: CSAT good, NPS promoters, CES responses', () => {
		const current = row();
		expect(drill(db, {metric: 'csat', query}).counted).toBe(current.csat.numerator);
		expect(drill(db, {metric: 'nps', query})).toMatchObject({total: current.nps.responses, counted: current.nps.promoters});
		expect(drill(db, {metric: 'ces', query}).total).toBe(current.ces.responses);
	});

	test('early warning levels and templates', () => {
		const report = earlyWarning(db, query);
		for (const level of report.levels) {
			expect(drill(db, {metric: `flagged:${level.level}`, query})).toMatchObject({total: level.flagged, counted: level.truePositives});
		}

		for (const template of templateEffectiveness(db, query)) {
			expect(drill(db, {metric: `template:${template.templateId}`, query})).toMatchObject({
				total: template.tickets,
				counted: template.escalationRate.numerator,
			});
		}
	});
});

test('churn: customers at the start, counted when lost in the period', () => {
	const query = {from: '2026-06-01', to: '2026-06-20'};
	const churn = kpis(db, query)[0]!.churn!;
	expect(churn.denominator).toBeGreaterThan(0);
	expect(drill(db, {metric: 'churn', query})).toMatchObject({total: churn.denominator, counted: churn.numerator});
});

test.each(['agent', 'priority', 'week', 'month', 'theme', 'escalation-type'] as const)('one group of a report by %s', by => {
	const rows = kpis(db, {groupBy: by});
	expect(rows.length).toBeGreaterThan(1);
	for (const group of rows) {
		const result = drill(db, {metric: 'escalationRate', query: {}, group: {by, value: group.group}});
		expect([result.total, result.counted], group.group).toEqual([group.escalationRate.denominator, group.escalationRate.numerator]);
		expect(drill(db, {metric: 'nextReply', query: {}, group: {by, value: group.group}}).total, group.group).toBe(
			group.durations.nextReply.count,
		);
	}
});

test('rows carry the ticket, ISO times and a row limit', () => {
	const result = drill(db, {metric: 'escalationRate', query: {}, limit: 3});
	expect(result.rows).toHaveLength(3);
	expect(result.rows[0]).toMatchObject({
		key: expect.stringMatching(/^(zendesk|freshdesk):northwind\.\w+\.com:\d+$/) as unknown,
		counted: 1,
		at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) as unknown,
	});
});
