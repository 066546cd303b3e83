// What a new user sees on the demo tickets: the readings the issue found wrong stay fixed.
// The demo helpdesk dates messages relative to its start; here the start is a fixed clock.
import {describe, expect, test} from 'vitest';
import {assess} from '../../core/assess.ts';
import type {TicketSnapshot} from '../../core/model.ts';
import {demoTickets} from '../demo/tickets.ts';

const startedAt = Date.parse('2026-03-04T14:00:00Z');

function snapshotOf(id: string): TicketSnapshot {
	const ticket = demoTickets.find(entry => entry.id === id)!;
	return {
		helpdesk: 'demo',
		ticketId: ticket.id,
		subject: ticket.subject,
		status: ticket.status,
		priority: ticket.priority,
		requester: {name: ticket.requester.name},
		createdAt: new Date(startedAt - (ticket.messages[0]?.minutesAgo ?? 0) * 60_000).toISOString(),
		messages: ticket.messages.map(message => ({
			role: message.type === 'end-user' ? 'customer' : 'agent',
			internal: message.type === 'internal',
			text: message.body.join('\n\n'),
			at: new Date(startedAt - message.minutesAgo * 60_000).toISOString(),
		})),
	};
}

const read = (id: string) => assess(snapshotOf(id), {now: startedAt, agent: {name: 'Sam Okafor'}});
const ids = (id: string) => read(id).signals.map(signal => signal.id);

describe('demo tickets', () => {
	test('#1001, a thank-you after the answer, is quiet: no urgency in "all at once", no reasons', () => {
		const result = read('1001');
		expect(result.level).toBe('none');
		expect(result.signals).toEqual([]);
	});

	test('#1002: a chargeback is a payment dispute, not a legal threat', () => {
		expect(ids('1002')).toContain('phrase.payment-dispute');
		expect(ids('1002')).not.toContain('phrase.legal');
		expect(read('1002').level).toBe('critical');
	});

	test('#1003: "still no answer" is waiting, not a repeat contact', () => {
		const snapshot = snapshotOf('1003');
		const live = demoTickets.find(entry => entry.id === '1003')!.live![0]!;
		snapshot.messages.push({role: 'customer', text: live.body.join('\n\n'), at: new Date(startedAt).toISOString()});
		const result = assess(snapshot, {now: startedAt});
		const signals = result.signals.map(signal => signal.id);
		expect(signals).toContain('phrase.waiting');
		expect(signals).not.toContain('phrase.repeat');
		expect(signals).toContain('phrase.non-delivery');
		expect(result.triggers[0]?.trigger).toBe('long-wait');
	});

	test('#1005: three outages make the trigger poor quality, not long wait', () => {
		const result = read('1005');
		expect(result.signals.map(signal => signal.id)).toEqual(expect.arrayContaining(['phrase.outage', 'phrase.churn', 'phrase.legal']));
		expect(result.triggers[0]?.trigger).toBe('poor-quality');
	});

	test('#1007, urgent and due in under an hour, is never "No risk"', () => {
		const result = read('1007');
		expect(result.level).not.toBe('none');
		const due = result.signals.find(signal => signal.id === 'wait.due');
		expect(due?.label).toMatch(/^first reply due in \d+ min \(target 1 h\), priority urgent$/);
		expect(ids('1007')).toEqual(expect.arrayContaining(['phrase.outage']));
	});
});
