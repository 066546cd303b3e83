import {describe, expect, test} from 'vitest';
import {validateDataset} from './schema.ts';
import type {Facts, TicketFact} from './facts.ts';
import {deriveFacts} from './facts.ts';
import {berlinHolidayOffice, businessDataset, handDataset, t0} from '../../test/helpers/metrics.ts';

const minutes = (value: number): number => value * 60_000;

describe('per-ticket measures from the hand-made timeline (calendar time)', () => {
	const facts = deriveFacts(validateDataset(handDataset()));
	const byId = (id: string): TicketFact => facts.tickets.find(ticket => ticket.key.endsWith(`:${id}`))!;

	test('A: reply, pause, follow-up, solve, reopen, solve again', () => {
		expect(byId('1')).toMatchObject({
			firstReplyMs: minutes(30), // 00:00 -> 00:30
			firstResolutionMs: minutes(181), // first solve at 03:01
			fullResolutionMs: minutes(1560), // last solve at day 2, 02:00
			solved: true,
			resolved: true,
			reopens: 1,
			agentReplies: 3,
			customerMessages: 3,
			customerFollowUp: true,
			eventCount: 15,
			lastEventAt: t0(1560),
			themes: ['login'],
		});
		// Next replies: 120 -> 180 and 1440 -> 1500; the first group (minute 0) is the first reply.
		expect(byId('1').replies).toEqual([
			{at: t0(180), ms: minutes(60), bhMs: null},
			{at: t0(1500), ms: minutes(60), bhMs: null},
		]);
	});

	test('A: SLA with a pending pause: open 0-31, 121-181 and 1440-1560 = 211 minutes', () => {
		expect(byId('1').sla).toEqual([
			{metric: 'agent-work', targetMinutes: 300, businessHours: false, outcome: 'achieved', measuredMs: minutes(211)},
			// Requester wait would also count on-hold; here it is the same 211 > 200.
			{metric: 'requester-wait', targetMinutes: 200, businessHours: false, outcome: 'breached', measuredMs: minutes(211)},
		]);
	});

	test('B: two customer messages answered once; closing after solving is not a second solve', () => {
		expect(byId('2')).toMatchObject({
			firstReplyMs: minutes(100), // first customer message 10:00 -> reply 11:40
			firstResolutionMs: minutes(101),
			fullResolutionMs: minutes(101),
			reopens: 0,
			agentReplies: 1,
			customerFollowUp: true, // The second message (10:10) follows up on the first

			replies: [],
		});
		expect(byId('2').sla).toEqual([
			{metric: 'first-reply', targetMinutes: 120, businessHours: false, outcome: 'achieved', measuredMs: minutes(100)},
			// Breached because the helpdesk said so, although no interval was measured.
			{metric: 'periodic-update', targetMinutes: 600, businessHours: false, outcome: 'breached', measuredMs: null},
			{metric: 'resolution', targetMinutes: 120, businessHours: false, outcome: 'achieved', measuredMs: minutes(101)},
		]);
	});

	test("C: opened by an agent, so the first reply is the agent's second public comment", () => {
		expect(byId('3')).toMatchObject({
			firstReplyMs: minutes(120), // customer 1500 -> reply 1620
			firstResolutionMs: null,
			fullResolutionMs: null,
			solved: false,
			resolved: false,
			agentReplies: 2,
			customerFollowUp: true,
			replies: [],
		});
		expect(byId('3').sla).toEqual([
			{metric: 'first-reply', targetMinutes: 60, businessHours: false, outcome: 'breached', measuredMs: minutes(120)},
			// The customer message at 1680 is still unanswered at 3000: 1320 minutes and counting.
			{metric: 'next-reply', targetMinutes: 30, businessHours: false, outcome: 'breached', measuredMs: minutes(1320)},
		]);
	});

	test('D: no conversation seen means unknown, not zero', () => {
		expect(byId('4')).toMatchObject({
			firstReplyMs: null,
			agentReplies: null,
			customerMessages: null,
			customerFollowUp: null,
			solved: false,
			eventCount: 2,
			lastEventAt: t0(2100),
		});
	});

	test('annotations: escalations, flags, feedback, templates and agent-hours', () => {
		expect(facts.escalations.map(row => [row.ticketKey.split(':')[2], row.type, row.source, row.agent])).toEqual([
			['3', 'hierarchical', 'agent', 'Ben'],
			['4', 'automatic', 'sla-rule', null],
		]);
		expect(facts.flags).toHaveLength(3);
		expect(facts.feedback.map(row => row.verdict).sort()).toEqual(['agree', 'disagree']);
		expect(facts.templates).toEqual([{ticketKey: 'freshdesk:acme.freshdesk.com:4', at: t0(2050), templateId: 'ack', agent: 'Ana'}]);
		// Ana acted in hours 0, 3, 25, 26 and 34; Ben in hours 11, 24, 27 and 28.
		const hours = (agent: string): number[] =>
			facts.agentHours.filter(row => row.agent === agent).map(row => (row.hour - t0(0)) / 3_600_000);
		expect(hours('Ana')).toEqual([0, 3, 25, 26, 34]);
		expect(hours('Ben')).toEqual([11, 24, 27, 28]);
	});

	test('the same event recorded twice counts once', () => {
		const dataset = handDataset();
		const twice = deriveFacts({
			...dataset,
			events: [...dataset.events, ...dataset.events.filter(event => event.kind === 'flag' || event.kind === 'escalation')],
		});
		expect(twice.flags).toEqual(facts.flags);
		expect(twice.escalations).toEqual(facts.escalations);
	});
});

describe('business hours: weekends, holidays, DST and time zones (Berlin, weekdays 09-17)', () => {
	const facts: Facts = deriveFacts(businessDataset(), {businessHours: {calendar: berlinHolidayOffice}});
	const byId = (id: string): TicketFact => facts.tickets.find(ticket => ticket.key.endsWith(`:${id}`))!;

	test('E: Friday 16:00 -> Monday 10:00 across the weekend and the clock change', () => {
		// Calendar: Fri 15:00 UTC -> Mon 08:00 UTC = 65 h. Business: Fri 16-17 + Mon 09-10 = 2 h.
		expect(byId('11')).toMatchObject({firstReplyMs: minutes(3900), firstReplyBhMs: minutes(120)});
		// Solved Mon 11:00: calendar 66 h; business Fri 16-17 + Mon 09-11 = 3 h.
		expect(byId('11')).toMatchObject({
			firstResolutionMs: minutes(3960),
			firstResolutionBhMs: minutes(180),
			fullResolutionBhMs: minutes(180),
		});
	});

	test('E: on-hold pauses agent work but not requester wait', () => {
		// Open Fri 16:00-16:30 (30) + on-hold to Mon 09:30 (Fri 30 + Mon 30) + open Mon 09:30-11:00 (90).
		expect(byId('11').sla).toEqual([
			{metric: 'agent-work', targetMinutes: 100, businessHours: true, outcome: 'breached', measuredMs: minutes(120)},
			{metric: 'requester-wait', targetMinutes: 180, businessHours: true, outcome: 'achieved', measuredMs: minutes(180)},
		]);
	});

	test('F: Wednesday 16:30 -> Friday 09:15 over a holiday Thursday', () => {
		// Calendar 40 h 45 min; business Wed 16:30-17:00 + Fri 09:00-09:15.
		expect(byId('12')).toMatchObject({firstReplyMs: minutes(2445), firstReplyBhMs: minutes(45)});
	});

	test('G: a message at 00:30 local waits for the office to open', () => {
		expect(byId('13')).toMatchObject({firstReplyMs: minutes(540), firstReplyBhMs: minutes(30)});
	});

	test('without business hours the business measures are unknown', () => {
		const plain = deriveFacts(businessDataset());
		expect(plain.tickets.map(ticket => ticket.firstReplyBhMs)).toEqual([null, null, null]);
	});
});

describe('measures a helpdesk reported (CSV imports)', () => {
	test('are used when the timeline is missing, and ignored when it is there', () => {
		const dataset = handDataset();
		const reported = {
			firstReplyMinutes: 45,
			firstReplyBusinessMinutes: 30,
			firstResolutionMinutes: 120,
			fullResolutionMinutes: 150,
			replies: 1,
			reopens: 1,
			customerFollowUps: 0,
		};
		dataset.tickets[3] = {...dataset.tickets[3]!, status: 'solved', reported};
		dataset.tickets[0] = {...dataset.tickets[0]!, reported};
		const facts = deriveFacts(dataset);
		expect(facts.tickets[3]).toMatchObject({
			firstReplyMs: minutes(45),
			firstReplyBhMs: minutes(30),
			firstResolutionMs: minutes(120),
			fullResolutionMs: minutes(150),
			agentReplies: 1,
			reopens: 1,
			solved: true,
			resolved: true,
			customerFollowUp: false,
		});
		expect(facts.tickets[0]).toMatchObject({firstReplyMs: minutes(30), agentReplies: 3});
	});
});
