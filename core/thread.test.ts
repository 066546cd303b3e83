import {expect, test} from 'vitest';
import {threadFacts} from './thread.ts';

test('counts public and internal messages and finds the unanswered customer message', () => {
	expect(
		threadFacts({
			messages: [
				{role: 'customer', text: 'a', at: '2026-11-01T10:00:00Z'},
				{role: 'agent', text: 'b', at: '2026-11-01T11:00:00Z'},
				{role: 'customer', text: 'c', at: '2026-11-01T12:00:00Z'},
				{role: 'agent', internal: true, text: 'note', at: '2026-11-01T12:30:00Z'},
				{role: 'customer', text: 'd', at: '2026-11-01T13:00:00Z'},
				{role: 'system', text: 'status changed'},
			],
		}),
	).toEqual({
		customerMessages: 3,
		agentMessages: 1,
		internalNotes: 1,
		unansweredSince: '2026-11-01T12:00:00Z',
		lastCustomerAt: '2026-11-01T13:00:00Z',
	});
});

test('an answered thread has nothing unanswered', () => {
	expect(
		threadFacts({
			messages: [
				{role: 'customer', text: 'a'},
				{role: 'agent', text: 'b'},
			],
		}).unansweredSince,
	).toBeUndefined();
});
