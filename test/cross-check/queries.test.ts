// The metric SQL against the independent JavaScript baseline on a generated team history, and the
// SQL derivation of facts against the JavaScript one.
import type {Database} from 'sql.js';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {generateDemoDataset} from '../../core/metrics/demo-data.ts';
import type {Facts} from '../../core/metrics/facts.ts';
import {deriveFacts} from '../../core/metrics/facts.ts';
import type {KpiQuery} from '../../core/metrics/kpis.ts';
import {groupings} from '../../core/metrics/kpis.ts';
import {answerAroundFirstFlags, berlinOffice, differences} from '../helpers/metrics.ts';
import {loadDataset} from '../../dashboard/worker/load.ts';
import {openNodeDatabase} from '../../dashboard/worker/node-database.ts';
import {
	all,
	earlyWarning,
	inRanges,
	kpiQueries,
	kpis,
	templateStrata,
	themeCounts,
	themeSpikes,
	themeSummary,
	valuesOf,
} from '../../dashboard/worker/queries.ts';
import {factTables} from '../../dashboard/worker/schema.ts';
import {computeKpis} from './kpis.ts';
import {loadDatasetDerivingInSql} from './load-sql.ts';
import {computeEarlyWarning, computeSpikes, computeTemplateStrata, computeThemeCounts, computeThemeSummary} from './reports.ts';

const timezone = 'Europe/Berlin';
const businessHours = {calendar: berlinOffice};
const dataset = generateDemoDataset({seed: 3, days: 45, ticketsPerDay: 24});
// Relationship surveys of no ticket: in '(none)' of every ticket dimension, left out by any ticket
// filter. Dated before the period of the rollup test below, which compares no filter with a filter.
dataset.surveys.push(
	...[10, 9, 3, 7, 0].map((score, index) => ({ticketKey: null, kind: 'nps' as const, score, at: Date.UTC(2026, 4, 18 + index, 12)})),
	{ticketKey: null, kind: 'csat', score: 2, at: Date.UTC(2026, 4, 20, 15)},
);
answerAroundFirstFlags(dataset);
let facts: Facts;
let jsDb: Database;
let sqlDb: Database;

beforeAll(async () => {
	facts = deriveFacts(dataset, {businessHours, timezone});
	jsDb = await openNodeDatabase();
	loadDataset(jsDb, dataset, {businessHours, timezone});
	sqlDb = await openNodeDatabase();
	loadDatasetDerivingInSql(sqlDb, dataset, {businessHours, timezone});
}, 60_000);

afterAll(() => {
	jsDb.close();
	sqlDb.close();
});

const queries: Array<[string, KpiQuery]> = [
	...groupings.map((groupBy): [string, KpiQuery] => [`grouped by ${groupBy}`, {groupBy}]),
	['a period', {from: '2026-05-25', to: '2026-06-14'}],
	['a period by week', {from: '2026-05-25', to: '2026-06-14', groupBy: 'week'}],
	[
		'filtered by agent and priority, FCR no-follow-up, CSAT top-1',
		{filters: {agent: ['Ana Ruiz', 'Dev Patel'], priority: ['high', 'urgent']}, fcr: 'no-follow-up', csat: 'top-1', groupBy: 'channel'},
	],
	['filtered by helpdesk, CSAT excluding neutral', {filters: {helpdesk: ['freshdesk']}, csat: 'exclude-neutral', groupBy: 'theme'}],
	['an empty period', {from: '2020-01-01', to: '2020-01-31'}],
];

describe('the generated history is not trivial', () => {
	test('it has escalations of every type, flags, templates, surveys, reopens, pauses and themes', () => {
		const kinds = new Set(
			dataset.events.map(event =>
				event.kind === 'escalation' ? `escalation:${event.escalation}` : event.kind === 'status' ? `status:${event.status}` : event.kind,
			),
		);
		for (const kind of [
			'escalation:functional',
			'escalation:hierarchical',
			'escalation:automatic',
			'flag',
			'feedback',
			'template',
			'status:pending',
			'status:on-hold',
			'status:reopened',
			'status:closed',
			'sla-breach',
		]) {
			expect(kinds, kind).toContain(kind);
		}

		expect(new Set(dataset.surveys.map(survey => survey.kind))).toEqual(new Set(['csat', 'nps', 'ces']));
		// CSAT offers recorded, answered and not, so the response rate is compared too.
		expect(dataset.surveys.some(survey => survey.offered && survey.score === null)).toBe(true);
		expect(dataset.surveys.some(survey => survey.offered && survey.score !== null)).toBe(true);
		expect(kpis(jsDb)[0]!.csatResponseRate.denominator).toBeGreaterThan(0);
		expect(facts.tickets.filter(ticket => ticket.themes.length > 0).length).toBeGreaterThan(dataset.tickets.length / 2);
		expect(facts.tickets.some(ticket => ticket.sla.some(sla => sla.outcome === 'breached'))).toBe(true);
		expect(facts.tickets.some(ticket => ticket.sla.some(sla => sla.outcome === 'achieved'))).toBe(true);
	});
});

describe('the SQL derivation of facts equals the JavaScript one', () => {
	test.each(factTables.filter(table => table.name !== 'meta').map(table => table.name))('%s', name => {
		const sql = `SELECT * FROM ${name} ORDER BY ${factTables
			.find(table => table.name === name)!
			.columns.map(([column]) => column)
			.join(', ')}`;
		const fromJs = all(jsDb, {sql, params: []});
		const fromSql = all(sqlDb, {sql, params: []});
		expect(fromJs.length).toBeGreaterThan(0);
		expect(differences(fromSql, fromJs)).toEqual([]);
	});
});

describe('the KPI SQL equals the JavaScript baseline', () => {
	test.each(queries)('%s', (_name, query) => {
		const expected = computeKpis(facts, query, {timezone});
		expect(expected.length).toBeGreaterThan(0);
		expect(differences(kpis(jsDb, query), expected)).toEqual([]);
		expect(differences(kpis(sqlDb, query), expected)).toEqual([]);
	});
});

describe('the report SQL equals the JavaScript baseline', () => {
	const reportQueries: KpiQuery[] = [
		{},
		{from: '2026-06-01', to: '2026-06-20', filters: {agent: ['Grace Kim', 'Hugo Silva', 'Ben Okafor']}},
	];
	test.each(reportQueries)('early warning %j', query => {
		const expected = computeEarlyWarning(facts, query, {timezone});
		expect(expected.levels[0]!.flagged).toBeGreaterThan(0);
		expect(differences(earlyWarning(jsDb, query), expected)).toEqual([]);
		expect(differences(earlyWarning(sqlDb, query), expected)).toEqual([]);
	});

	test.each(reportQueries)('template effectiveness strata %j', query => {
		const expected = computeTemplateStrata(facts, query, {timezone});
		expect(new Set(expected.treated.map(row => row.templateId)).size).toBeGreaterThan(2);
		// Comparison points at every level, escalations and CSAT after them.
		expect(new Set(expected.controls.map(row => row.level))).toEqual(new Set([0, 1, 2, 3]));
		expect(expected.treated.some(row => row.level > 0 && row.escalated > 0)).toBe(true);
		expect(expected.controls.some(row => row.good + row.bad > 0)).toBe(true);
		expect(differences(templateStrata(jsDb, query), expected)).toEqual([]);
	});

	test.each(reportQueries)('themes %j', query => {
		const expected = computeThemeSummary(facts, query, {timezone});
		expect(expected.length).toBeGreaterThan(2);
		expect(differences(themeSummary(jsDb, query), expected)).toEqual([]);
		expect(differences(themeCounts(jsDb, query), computeThemeCounts(facts, query, {timezone}))).toEqual([]);
	});

	test('theme spikes', () => {
		const expected = computeSpikes(facts, {}, {timezone});
		expect(differences(themeSpikes(jsDb, {}), expected)).toEqual([]);
	});
});

describe('whole-team queries read the daily rollups', () => {
	test.each(['none', 'day', 'week', 'month'] as const)('grouped by %s: the same KPIs as the scan of every ticket', groupBy => {
		const everyHelpdesk = {helpdesk: [...new Set(dataset.tickets.map(ticket => ticket.helpdesk))]};
		const fromRollups = kpiQueries({groupBy, from: '2026-05-25', to: '2026-06-30'});
		const scanned = kpiQueries({groupBy, from: '2026-05-25', to: '2026-06-30', filters: everyHelpdesk});
		expect(fromRollups.tickets.sql).toContain('FROM ticket_days');
		expect(fromRollups.surveys.sql).toContain('FROM survey_days');
		expect(scanned.durations).toBeUndefined();
		expect(
			differences(
				kpis(jsDb, {groupBy, from: '2026-05-25', to: '2026-06-30'}),
				kpis(jsDb, {groupBy, from: '2026-05-25', to: '2026-06-30', filters: everyHelpdesk}),
			),
		).toEqual([]);
	});
});

describe('value lists read in ranges of rows', () => {
	test.each([
		['all time', {}],
		['a period', {from: '2026-05-25', to: '2026-06-14'}],
		['filtered', {filters: {agent: ['Ana Ruiz', 'Dev Patel']}}],
		['by agent', {groupBy: 'agent'}],
		['by week', {groupBy: 'week'}],
		['by theme, filtered', {groupBy: 'theme', filters: {priority: ['high', 'urgent']}}],
		['by escalation type in a period', {groupBy: 'escalation-type', from: '2026-05-25', to: '2026-06-14'}],
	] as Array<[string, KpiQuery]>)('%s: ranges of 97 rows give the same KPIs as one range', (_, query) => {
		const whole = kpis(jsDb, query);
		expect(dataset.tickets.length).toBeGreaterThan(3 * 97);
		expect(differences(kpis(jsDb, query, {rowsPerRange: 97}), whole)).toEqual([]);
	});

	test.each(['agent', 'escalation-type'] as const)('by %s, a range still walks the dimension index: no sort', groupBy => {
		const queries = kpiQueries({groupBy}, {rowRanges: true});
		for (const query of [queries.tickets, queries.replies]) {
			const plan = all(jsDb, {sql: `EXPLAIN QUERY PLAN ${query.sql}`, params: [...query.params, 1, 97]}).map(row => String(row.detail));
			expect(plan.join(' | ')).toContain(`USING INDEX ticket_metrics_by_${groupBy.replace('-', '_')}`);
			expect(plan.join(' | ')).not.toContain('TEMP B-TREE');
		}
	});

	test('the whole-team replies are read in ranges of their own rows: a scan, not the ticket index', () => {
		const query = kpiQueries({}, {rowRanges: true}).replies;
		expect(query.rangeOver).toBe('reply_intervals');
		const plan = all(jsDb, {sql: `EXPLAIN QUERY PLAN ${query.sql}`, params: [...query.params, 1, 97]}).map(row => String(row.detail));
		expect(plan.join(' | ')).toContain('INTEGER PRIMARY KEY (rowid>? AND rowid<?)');
	});

	test('each group adds its counts up and joins its value lists', () => {
		const whole = all(jsDb, kpiQueries({groupBy: 'agent'}).replies);
		const merged = inRanges(jsDb, kpiQueries({groupBy: 'agent'}, {rowRanges: true}).replies, 50);
		expect(merged.map(row => row.g).sort()).toEqual(whole.map(row => row.g).sort());
		const sorted = (values: Float64Array): number[] => [...values].sort((a, b) => a - b);
		for (const row of whole) {
			const same = merged.find(candidate => candidate.g === row.g)!;
			expect(same.n).toBe(row.n);
			expect(sorted(valuesOf(same.nextReply_values))).toEqual(sorted(valuesOf(row.nextReply_values)));
		}
	});
});

describe('valuesOf (group_concat lists)', () => {
	test('reads integers, negatives and decimals, and nothing from an empty list', () => {
		expect([...valuesOf('3,-12,0,45000000000')]).toEqual([3, -12, 0, 45_000_000_000]);
		expect([...valuesOf('1.5,2,-0.25,1e3')]).toEqual([1.5, 2, -0.25, 1000]);
		expect([...valuesOf('7')]).toEqual([7]);
		// Many one-digit values: more than the first guess of room holds.
		const digits = Array.from({length: 10_000}, (_, index) => index % 10);
		expect([...valuesOf(digits.join(','))]).toEqual(digits);
		expect(valuesOf(null)).toHaveLength(0);
		expect(valuesOf('')).toHaveLength(0);
		expect(valuesOf(undefined)).toHaveLength(0);
	});
});
