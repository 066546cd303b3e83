import {expect, test} from 'vitest';
import {replyDeadline} from './sla-deadline.ts';
import {defaultSlaPolicy} from './sla.ts';

const at = (iso: string) => Date.parse(iso);
const now = at('2026-11-02T12:00:00Z');

test("first reply: from the first customer message, with the priority's target", () => {
	const deadline = replyDeadline({priority: 'urgent', messages: [{role: 'customer', atMs: at('2026-11-02T11:40:00Z')}]}, {nowMs: now});
	expect(deadline).toMatchObject({metric: 'first-reply', targetMinutes: 60, sinceMs: at('2026-11-02T11:40:00Z')});
	expect(deadline?.clock.breachAt).toBe(at('2026-11-02T12:40:00Z'));
	expect(deadline?.clock.breached).toBe(false);
});

test('next reply: from the oldest customer message after the last public agent reply; internal notes do not answer', () => {
	const deadline = replyDeadline(
		{
			messages: [
				{role: 'customer', atMs: at('2026-11-01T08:00:00Z')},
				{role: 'agent', atMs: at('2026-11-01T09:00:00Z')},
				{role: 'customer', atMs: at('2026-11-01T10:00:00Z')},
				{role: 'agent', internal: true, atMs: at('2026-11-01T10:30:00Z')},
				{role: 'customer', atMs: at('2026-11-01T11:00:00Z')},
			],
		},
		{nowMs: now, policy: defaultSlaPolicy},
	);
	expect(deadline).toMatchObject({metric: 'next-reply', targetMinutes: 1440, sinceMs: at('2026-11-01T10:00:00Z')});
	expect(deadline?.clock.breachAt).toBe(at('2026-11-02T10:00:00Z'));
	expect(deadline?.clock.breached).toBe(true);
});

test.each([
	[
		'answered',
		{
			messages: [
				{role: 'customer', atMs: now - 1000},
				{role: 'agent', atMs: now},
			],
		},
	],
	['solved', {status: 'solved', messages: [{role: 'customer', atMs: now - 1000}]}],
	['waiting on the customer', {status: 'pending', messages: [{role: 'customer', atMs: now - 1000}]}],
	['no timestamps', {messages: [{role: 'customer'}]}],
	['empty', {messages: []}],
])('no deadline when %s', (_name, ticket) => {
	expect(replyDeadline(ticket, {nowMs: now})).toBeUndefined();
});

test('a pause moves the breach later', () => {
	const ticket = {priority: 'urgent', messages: [{role: 'customer', atMs: at('2026-11-02T11:00:00Z')}]};
	const paused = replyDeadline(ticket, {nowMs: now, pauses: [{start: at('2026-11-02T11:10:00Z'), end: at('2026-11-02T11:40:00Z')}]});
	expect(paused?.clock.breachAt).toBe(at('2026-11-02T12:30:00Z'));
});
