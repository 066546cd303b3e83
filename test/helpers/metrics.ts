// Helpers shared by the metrics tests (not used at runtime).
import type {BusinessCalendar} from '../../core/calendar.ts';
import type {Dataset, DatasetTicket, TicketEvent} from '../../core/metrics/dataset.ts';
import type {KpiQuery} from '../../core/metrics/kpis.ts';

/** A Berlin office: weekdays 09:00-17:00, with one public holiday in the demo window. */
export const berlinOffice: BusinessCalendar = {
	timezone: 'Europe/Berlin',
	weekly: {
		mon: [['09:00', '17:00']],
		tue: [['09:00', '17:00']],
		wed: [['09:00', '17:00']],
		thu: [['09:00', '17:00']],
		fri: [['09:00', '17:00']],
	},
	holidays: ['2026-06-04'],
};

/**
 * Gives `tickets` tickets without a template a CSAT answer just before their first flag and another
 * an hour after it: at that comparison point only the later answer counts (the template SQL counts
 * those answer by answer, or DuckDB by a join).
 */
export function answerAroundFirstFlags(dataset: Dataset, tickets = 6): void {
	const templated = new Set(dataset.events.filter(event => event.kind === 'template').map(event => event.ticketKey));
	const firstFlags = new Map<string, number>();
	for (const event of dataset.events) {
		if (event.kind === 'flag' && !templated.has(event.ticketKey)) {
			firstFlags.set(event.ticketKey, Math.min(firstFlags.get(event.ticketKey) ?? event.at, event.at));
		}
	}

	for (const [ticketKey, flagAt] of [...firstFlags].slice(0, tickets)) {
		dataset.surveys.push(
			{ticketKey, kind: 'csat', score: 1, at: flagAt - 60_000},
			{ticketKey, kind: 'csat', score: 5, at: flagAt + 3_600_000},
		);
	}
}

/** Paths where two JSON-like values differ; numbers match within a relative 1e-9. */
export function differences(actual: unknown, expected: unknown, path = '$', found: string[] = []): string[] {
	if (found.length > 20) {
		return found;
	}

	if (typeof actual === 'number' && typeof expected === 'number') {
		const scale = Math.max(1, Math.abs(expected));
		if (!(Math.abs(actual - expected) <= scale * 1e-9)) {
			found.push(`${path}: ${actual} != ${expected}`);
		}

		return found;
	}

	if (Array.isArray(actual) && Array.isArray(expected)) {
		if (actual.length !== expected.length) {
			found.push(`${path}: length ${actual.length} != ${expected.length}`);
		}

		for (let index = 0; index < Math.min(actual.length, expected.length); index++) {
			differences(actual[index], expected[index], `${path}[${index}]`, found);
		}

		return found;
	}

	if (actual !== null && expected !== null && typeof actual === 'object' && typeof expected === 'object') {
		const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
		for (const key of keys) {
			differences((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`, found);
		}

		return found;
	}

	if (actual !== expected) {
		found.push(`${path}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
	}

	return found;
}

/** Monday 2026-03-02 00:00 UTC plus minutes. */
export function t0(minutes: number): number {
	return Date.UTC(2026, 2, 2) + minutes * 60_000;
}

/**
 * Four tickets whose measures are worked out by hand in the tests (times are minutes after Monday
 * 2026-03-02 00:00 UTC; the data ends at minute 3000, Wednesday 02:00):
 * A: replied at 30, pending, customer follow-up at 120, replied 180, solved 181, reopened at 1440, replied 1500, solved 1560.
 * B: two customer messages (600, 610), one reply at 700, solved 701, closed 3000.
 * C: opened by an agent at 1440, customer 1500, reply 1620, customer 1680 (unanswered), flagged high 1650, escalated 1690.
 * D: no conversation seen, a template at 2050, an automatic escalation at 2100.
 */
export function handDataset(): Dataset {
	const a = 'zendesk:acme.zendesk.com:1';
	const b = 'zendesk:acme.zendesk.com:2';
	const c = 'freshdesk:acme.freshdesk.com:3';
	const d = 'freshdesk:acme.freshdesk.com:4';
	const events: TicketEvent[] = [
		{ticketKey: a, at: t0(0), kind: 'customer-message'},
		{ticketKey: a, at: t0(0), kind: 'sla-target', metric: 'requester-wait', targetMinutes: 200, businessHours: false},
		{ticketKey: a, at: t0(0), kind: 'sla-target', metric: 'agent-work', targetMinutes: 300, businessHours: false},
		{ticketKey: a, at: t0(30), kind: 'agent-reply', actor: 'Ana'},
		{ticketKey: a, at: t0(31), kind: 'status', status: 'pending', actor: 'Ana'},
		{ticketKey: a, at: t0(40), kind: 'flag', level: 'watch', signals: ['tone.trend'], actor: 'Ana'},
		{ticketKey: a, at: t0(45), kind: 'feedback', verdict: 'disagree', actor: 'Ana'},
		{ticketKey: a, at: t0(120), kind: 'customer-message'},
		{ticketKey: a, at: t0(121), kind: 'status', status: 'open'},
		{ticketKey: a, at: t0(180), kind: 'agent-reply', actor: 'Ana'},
		{ticketKey: a, at: t0(181), kind: 'status', status: 'solved', actor: 'Ana'},
		{ticketKey: a, at: t0(1440), kind: 'customer-message'},
		{ticketKey: a, at: t0(1440), kind: 'status', status: 'reopened'},
		{ticketKey: a, at: t0(1500), kind: 'agent-reply', actor: 'Ana'},
		{ticketKey: a, at: t0(1560), kind: 'status', status: 'solved', actor: 'Ana'},
		{ticketKey: b, at: t0(600), kind: 'customer-message'},
		{ticketKey: b, at: t0(600), kind: 'sla-target', metric: 'first-reply', targetMinutes: 120, businessHours: false},
		{ticketKey: b, at: t0(600), kind: 'sla-target', metric: 'resolution', targetMinutes: 120, businessHours: false},
		{ticketKey: b, at: t0(600), kind: 'sla-target', metric: 'periodic-update', targetMinutes: 600, businessHours: false},
		{ticketKey: b, at: t0(610), kind: 'customer-message'},
		{ticketKey: b, at: t0(650), kind: 'sla-breach', metric: 'periodic-update'},
		{ticketKey: b, at: t0(700), kind: 'agent-reply', actor: 'Ben'},
		{ticketKey: b, at: t0(701), kind: 'status', status: 'solved', actor: 'Ben'},
		{ticketKey: b, at: t0(3000), kind: 'status', status: 'closed'},
		{ticketKey: c, at: t0(1440), kind: 'agent-reply', actor: 'Ben'},
		{ticketKey: c, at: t0(1440), kind: 'sla-target', metric: 'first-reply', targetMinutes: 60, businessHours: false},
		{ticketKey: c, at: t0(1440), kind: 'sla-target', metric: 'next-reply', targetMinutes: 30, businessHours: false},
		{ticketKey: c, at: t0(1500), kind: 'customer-message'},
		{ticketKey: c, at: t0(1620), kind: 'agent-reply', actor: 'Ben'},
		{ticketKey: c, at: t0(1650), kind: 'flag', level: 'high', signals: ['phrase.manager', 'wait.sla'], actor: 'Ben'},
		{ticketKey: c, at: t0(1655), kind: 'feedback', verdict: 'agree', actor: 'Ben'},
		{ticketKey: c, at: t0(1680), kind: 'customer-message'},
		{ticketKey: c, at: t0(1690), kind: 'escalation', escalation: 'hierarchical', source: 'agent', actor: 'Ben'},
		{ticketKey: c, at: t0(1700), kind: 'flag', level: 'watch', signals: ['tone.trend'], actor: 'Ben'},
		{ticketKey: d, at: t0(2050), kind: 'template', templateId: 'ack', actor: 'Ana'},
		{ticketKey: d, at: t0(2100), kind: 'escalation', escalation: 'automatic', source: 'sla-rule'},
	];
	const ticket = (
		key: string,
		minutes: number,
		agent: string | null,
		status: DatasetTicket['status'],
		themes: string[],
		extra: Partial<DatasetTicket> = {},
	): DatasetTicket => ({
		key,
		helpdesk: key.split(':')[0]!,
		ticketId: key.split(':')[2]!,
		createdAt: t0(minutes),
		requesterKey: `customer:${key.split(':')[2]!}`,
		agent,
		group: agent === null ? null : 'Frontline',
		priority: 'normal',
		channel: 'email',
		status,
		trigger: null,
		themes,
		...extra,
	});
	return {
		tickets: [
			ticket(a, 0, 'Ana', 'solved', ['login'], {priority: 'high'}),
			ticket(b, 600, 'Ben', 'closed', ['billing']),
			ticket(c, 1440, 'Ben', 'open', ['login'], {trigger: 'long-wait', channel: 'chat'}),
			ticket(d, 2000, null, 'open', []),
		],
		events,
		surveys: [
			{ticketKey: a, kind: 'csat', score: 5, at: t0(1600)},
			{ticketKey: b, kind: 'csat', score: 3, at: t0(800)},
			{ticketKey: d, kind: 'csat', score: 2, at: t0(2200)},
			{ticketKey: b, kind: 'nps', score: 9, at: t0(800)},
			{ticketKey: c, kind: 'nps', score: 3, at: t0(1800)},
			{ticketKey: a, kind: 'ces', score: 6, at: t0(1600)},
			{ticketKey: b, kind: 'ces', score: 4, at: t0(800)},
		],
		customers: [
			{key: 'c1', firstSeenAt: Date.UTC(2026, 1, 1), lostAt: null},
			{key: 'c2', firstSeenAt: Date.UTC(2026, 1, 10), lostAt: Date.UTC(2026, 2, 3, 12)},
			{key: 'c3', firstSeenAt: Date.UTC(2026, 2, 3), lostAt: Date.UTC(2026, 2, 4)},
			{key: 'c4', firstSeenAt: Date.UTC(2026, 0, 1), lostAt: Date.UTC(2026, 1, 20)},
		],
		asOf: t0(3000),
	};
}

/** Berlin wall-clock time as epoch ms (for the business-hours tables). */
export function berlin(iso: string): number {
	// March 2026 before the 29th is UTC+1, after it UTC+2.
	const local = Date.parse(`${iso}Z`);
	return local - (local < Date.UTC(2026, 2, 29, 2) ? 1 : 2) * 3_600_000;
}

/**
 * Business-hours cases in Berlin (weekdays 09-17, holiday 2026-04-02):
 * E: Friday 16:00 -> on-hold 16:30 -> open Monday 09:30 -> reply 10:00 -> solved 11:00, across the weekend and the DST change.
 * F: Wednesday 16:30 -> reply Friday 09:15, across the holiday.
 * G: created 00:30 Berlin on Tuesday 31 March (still Monday in UTC), replied 09:30.
 */
export function businessDataset(): Dataset {
	const e = 'zendesk:acme.zendesk.com:11';
	const f = 'zendesk:acme.zendesk.com:12';
	const g = 'zendesk:acme.zendesk.com:13';
	const ticket = (key: string, createdAt: number, status: DatasetTicket['status']): DatasetTicket => ({
		key,
		helpdesk: 'zendesk',
		ticketId: key.split(':')[2]!,
		createdAt,
		requesterKey: null,
		agent: 'Ana',
		group: null,
		priority: 'normal',
		channel: 'web',
		status,
		trigger: null,
	});
	return {
		tickets: [
			ticket(e, berlin('2026-03-27T16:00'), 'solved'),
			ticket(f, berlin('2026-04-01T16:30'), 'open'),
			ticket(g, berlin('2026-03-31T00:30'), 'open'),
		],
		events: [
			{ticketKey: e, at: berlin('2026-03-27T16:00'), kind: 'customer-message'},
			{ticketKey: e, at: berlin('2026-03-27T16:00'), kind: 'sla-target', metric: 'requester-wait', targetMinutes: 180, businessHours: true},
			{ticketKey: e, at: berlin('2026-03-27T16:00'), kind: 'sla-target', metric: 'agent-work', targetMinutes: 100, businessHours: true},
			{ticketKey: e, at: berlin('2026-03-27T16:30'), kind: 'status', status: 'on-hold', actor: 'Ana'},
			{ticketKey: e, at: berlin('2026-03-30T09:30'), kind: 'status', status: 'open', actor: 'Ana'},
			{ticketKey: e, at: berlin('2026-03-30T10:00'), kind: 'agent-reply', actor: 'Ana'},
			{ticketKey: e, at: berlin('2026-03-30T11:00'), kind: 'status', status: 'solved', actor: 'Ana'},
			{ticketKey: f, at: berlin('2026-04-01T16:30'), kind: 'customer-message'},
			{ticketKey: f, at: berlin('2026-04-03T09:15'), kind: 'agent-reply', actor: 'Ana'},
			{ticketKey: g, at: berlin('2026-03-31T00:30'), kind: 'customer-message'},
			{ticketKey: g, at: berlin('2026-03-31T09:30'), kind: 'agent-reply', actor: 'Ana'},
		],
		surveys: [],
		customers: [],
		asOf: berlin('2026-04-03T12:00'),
	};
}

export const berlinHolidayOffice: BusinessCalendar = {...berlinOffice, holidays: ['2026-04-02']};

/** The value at 'group.path.to.field' in KPI rows (or any object with a `group`). */
export function valueAt(rows: ReadonlyArray<{group: string}>, path: string): unknown {
	const [group, ...fields] = path.split('.');
	let value: unknown = rows.find(row => row.group === group);
	for (const field of fields) {
		value = (value as Record<string, unknown> | undefined)?.[field];
	}

	return value;
}

const m = 60_000;
const r = (numerator: number, denominator: number) => ({numerator, denominator, value: denominator > 0 ? numerator / denominator : null});

export type HandCase = {
	name: string;
	dataset: 'hand' | 'business';
	timezone?: string;
	query: KpiQuery;
	/** Number of rows, then [path, value] pairs worked out by hand. */
	rows: number;
	expected: Array<[path: string, value: unknown]>;
};

/** KPI values of handDataset() / businessDataset() worked out by hand (see the comments on those datasets). */
export const handKpiCases: HandCase[] = [
	{
		name: 'headline',
		dataset: 'hand',
		query: {},
		rows: 1,
		expected: [
			['all.tickets', 4],
			// First replies 30, 100, 120: median 100; p90 at rank 1.8 = 100 + 0.8 * 20.
			['all.durations.firstReply', {count: 3, mean: (250 / 3) * m, median: 100 * m, p90: 116 * m}],
			['all.durations.nextReply', {count: 2, mean: 60 * m, median: 60 * m, p90: 60 * m}],
			// First resolutions 181 and 101; full resolutions 1560 and 101.
			['all.durations.firstResolution', {count: 2, mean: 141 * m, median: 141 * m, p90: 173 * m}],
			['all.durations.fullResolution', {count: 2, mean: 830.5 * m, median: 830.5 * m, p90: 1414.1 * m}],
			['all.durations.firstReplyBusiness', {count: 0, mean: null, median: null, p90: null}],
			['all.resolutionRate', r(2, 4)],
			['all.reopenRate', r(1, 2)],
			// A had 3 replies and follow-ups; B one reply, but the customer wrote twice; C and D are not resolved.
			['all.fcr', r(1, 2)],
			['all.fcrOneTouch', r(1, 2)],
			['all.fcrNoFollowUp', r(0, 2)],
			['all.escalationRate', r(2, 4)],
			['all.functionalEscalationRate', r(0, 4)],
			['all.hierarchicalEscalationRate', r(1, 4)],
			['all.automaticEscalationRate', r(1, 4)],
			[
				'all.sla',
				{
					'first-reply': r(1, 2),
					'next-reply': r(0, 1),
					'periodic-update': r(0, 1),
					'requester-wait': r(0, 1),
					'agent-work': r(1, 1),
					resolution: r(1, 1),
				},
			],
			// CSAT 5, 3, 2 with 4-5 good.
			['all.csat', r(1, 3)],
			['all.nps', {responses: 2, promoters: 1, detractors: 1, score: 0}],
			['all.ces', {responses: 2, mean: 5}],
			// At the start (2 March) c1 and c2 are customers; c2 leaves on 3 March. c3 arrives later, c4 left before.
			['all.churn', r(1, 2)],
		],
	},
	{name: 'CSAT excluding neutral answers', dataset: 'hand', query: {csat: 'exclude-neutral'}, rows: 1, expected: [['all.csat', r(1, 2)]]},
	{name: 'CSAT counting only 5 as good', dataset: 'hand', query: {csat: 'top-1'}, rows: 1, expected: [['all.csat', r(1, 3)]]},
	{name: 'FCR without customer follow-up', dataset: 'hand', query: {fcr: 'no-follow-up'}, rows: 1, expected: [['all.fcr', r(0, 2)]]},
	{
		name: 'by day (UTC)',
		dataset: 'hand',
		query: {groupBy: 'day'},
		rows: 3,
		expected: [
			['2026-03-02.tickets', 2],
			['2026-03-02.csat', r(0, 1)],
			['2026-03-02.durations.nextReply.count', 1],
			['2026-03-02.churn', r(0, 2)],
			['2026-03-03.tickets', 2],
			['2026-03-03.csat', r(1, 2)],
			['2026-03-03.churn', r(1, 2)],
			// Nothing happens on 4 March but c3, a customer since 3 March, leaves.
			['2026-03-04.tickets', 0],
			['2026-03-04.churn', r(1, 2)],
		],
	},
	{
		name: 'by agent',
		dataset: 'hand',
		query: {groupBy: 'agent'},
		rows: 3,
		expected: [
			['Ana.tickets', 1],
			['Ben.tickets', 2],
			['Ben.csat', r(0, 1)],
			['Ben.nps', {responses: 2, promoters: 1, detractors: 1, score: 0}],
			['(none).tickets', 1],
			['(none).csat', r(0, 1)],
			['Ana.churn', null],
		],
	},
	{
		name: 'by theme',
		dataset: 'hand',
		query: {groupBy: 'theme'},
		rows: 3,
		expected: [
			['login.tickets', 2],
			['login.escalationRate', r(1, 2)],
			['billing.tickets', 1],
			['(none).tickets', 1],
		],
	},
	{
		name: 'by escalation type',
		dataset: 'hand',
		query: {groupBy: 'escalation-type'},
		rows: 3,
		expected: [
			['hierarchical.tickets', 1],
			['automatic.tickets', 1],
			['none.tickets', 2],
			['none.csat', r(1, 2)],
		],
	},
	{
		name: 'filtered to one agent',
		dataset: 'hand',
		query: {filters: {agent: ['Ben']}},
		rows: 1,
		expected: [
			['all.tickets', 2],
			['all.durations.firstReply.median', 110 * m],
			['all.csat', r(0, 1)],
			['all.churn', r(1, 2)],
		],
	},
	{
		name: 'business hours in Berlin',
		dataset: 'business',
		timezone: 'Europe/Berlin',
		query: {},
		rows: 1,
		expected: [
			// Business first replies 120 (weekend), 45 (holiday), 30 (night).
			['all.durations.firstReplyBusiness', {count: 3, mean: 65 * m, median: 45 * m, p90: 105 * m}],
			['all.durations.firstResolutionBusiness', {count: 1, mean: 180 * m, median: 180 * m, p90: 180 * m}],
			['all.sla.agent-work', r(0, 1)],
			['all.sla.requester-wait', r(1, 1)],
		],
	},
	{
		name: 'days in Berlin',
		dataset: 'business',
		timezone: 'Europe/Berlin',
		query: {groupBy: 'day', from: '2026-03-27', to: '2026-04-01'},
		rows: 6,
		expected: [
			['2026-03-27.tickets', 1],
			['2026-03-30.tickets', 0],
			['2026-03-31.tickets', 1],
			['2026-04-01.tickets', 1],
		],
	},
	{
		name: 'days in UTC',
		dataset: 'business',
		timezone: 'UTC',
		query: {groupBy: 'day', from: '2026-03-27', to: '2026-04-01'},
		rows: 6,
		expected: [
			['2026-03-27.tickets', 1],
			['2026-03-30.tickets', 1],
			['2026-03-31.tickets', 0],
			['2026-04-01.tickets', 1],
		],
	},
	{
		name: 'weeks start on Monday',
		dataset: 'business',
		timezone: 'Europe/Berlin',
		query: {groupBy: 'week'},
		rows: 2,
		expected: [
			['2026-03-23.tickets', 1],
			['2026-03-30.tickets', 2],
		],
	},
];
