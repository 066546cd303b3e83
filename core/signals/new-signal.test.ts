// A new signal is its detector's file plus one line in registry.ts: with one detector added to the
// registry's list and nothing else changed, the score weighs it, triggers and the escalation path
// follow it, a closing thank-you settles it, and the docs table lists it.
import {describe, expect, test, vi} from 'vitest';
import {signalTable} from '../../test/docs/signals.ts';
import {assess} from '../assess.ts';
import type {Message} from '../model.ts';
import type {Detector} from './signal.ts';
import type * as Registry from './registry.ts';
import type {SignalId} from './registry.ts';

// Not a registered id: the cast stands in for the line a real detector adds to registry.ts.
const {id, fullMoon} = vi.hoisted(() => {
	const id = 'lunar.full-moon' as SignalId;
	const fullMoon = {
		signals: [
			{
				id,
				label: 'full moon',
				weight: 0.5,
				reason: 'a detector that exists only in this test',
				triggers: {'rigid-policy': 2},
				evidence: 'words',
				path: {to: 'hierarchical'},
				settledByThanks: true,
			},
		],
		detect(prepared) {
			return prepared.customer.flatMap(message => {
				const at = message.text.indexOf('full moon');
				return at === -1
					? []
					: [{id, label: 'mentions the full moon', strength: 1, evidence: [{messageIndex: message.index, start: at, end: at + 9}]}];
			});
		},
	} satisfies Detector;
	return {id, fullMoon};
});

vi.mock('./registry.ts', async importOriginal => {
	const registry = await importOriginal<typeof Registry>();
	const detectors = [...registry.detectors, fullMoon];
	return {...registry, detectors, ...registry.registryOf(detectors)};
});

const now = '2026-05-04T10:00:00Z';
const ticket = (messages: Message[]) => ({helpdesk: 'demo', ticketId: '1', messages});

describe('a detector added to the registry and nowhere else', () => {
	test('is weighed by its descriptor, and triggers and the path follow it', () => {
		const result = assess(ticket([{role: 'customer', text: 'Hello, the parcel is here. The full moon is tonight.', at: now}]), {now});
		expect(result.signals.map(signal => [signal.id, signal.label])).toContainEqual([id, 'mentions the full moon']);
		expect(result.score).toBeGreaterThanOrEqual(0.5);
		expect(result.level).not.toBe('none');
		expect(result.triggers[0]?.trigger).toBe('rigid-policy');
		expect(result.escalationPath).toBe('hierarchical');
	});

	test('is settled by a closing thank-you, as its descriptor says', () => {
		const result = assess(
			ticket([
				{role: 'customer', text: 'The full moon is tonight and my order is late.', at: '2026-05-04T09:00:00Z'},
				{role: 'agent', text: 'It ships today.', at: '2026-05-04T09:30:00Z'},
				{role: 'customer', text: 'Thanks, that is all I needed!', at: now},
			]),
			{now},
		);
		const found = result.signals.find(signal => signal.id === id);
		expect(found?.weight).toBeLessThan(0.2);
	});

	test('is in the docs table', () => {
		expect(signalTable()).toContain(
			'| `lunar.full-moon` | full moon | 0.5 | a detector that exists only in this test | rigid-policy 2 | words | hierarchical | — |',
		);
	});
});
