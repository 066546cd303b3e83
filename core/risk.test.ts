import {describe, expect, test} from 'vitest';
import {defaultSettings} from './context.ts';
import {baseWeight, levelFor, mayAlert, scoreRisk} from './risk.ts';
import {signalDescriptors, type SignalId} from './signals/registry.ts';

const finding = (id: SignalId, strength = 1) => ({id, label: id, strength, evidence: []});

describe('scoreRisk', () => {
	test('no findings, no risk', () => {
		expect(scoreRisk([])).toEqual({score: 0, signals: []});
	});

	test('one full-strength signal scores its own weight', () => {
		expect(scoreRisk([finding('phrase.legal')])).toEqual({
			score: 0.65,
			signals: [{id: 'phrase.legal', label: 'phrase.legal', weight: 0.65, evidence: []}],
		});
	});

	test('noisy-OR: 1 - (1 - 0.6)(1 - 0.35)', () => {
		const {score, signals} = scoreRisk([finding('phrase.repeat'), finding('phrase.manager')]);
		expect(score).toBeCloseTo(1 - 0.4 * 0.65, 3);
		expect(signals.map(signal => signal.id)).toEqual(['phrase.manager', 'phrase.repeat']);
		expect(signals[0]!.weight + signals[1]!.weight).toBeCloseTo(score, 2);
	});

	test('strength scales the share; the score stays below 1 with many signals', () => {
		expect(scoreRisk([finding('phrase.legal', 0.5)]).score).toBeCloseTo(0.325, 3);
		const all = scoreRisk(signalDescriptors.map(descriptor => finding(descriptor.id)));
		expect(all.score).toBeLessThan(1);
		expect(all.score).toBeGreaterThan(0.99);
	});

	test('weight multipliers from feedback', () => {
		expect(baseWeight('phrase.urgency', {'phrase.urgency': 0})).toBe(0);
		expect(baseWeight('phrase.urgency', {'phrase.urgency': 2})).toBeCloseTo(0.2);
		expect(baseWeight('phrase.legal', {'phrase.legal': 10})).toBe(0.99);
		expect(baseWeight('unknown.signal')).toBe(0.1);
	});
});

test.each([
	[0, 'none'],
	[0.29, 'none'],
	[0.3, 'watch'],
	[0.55, 'high'],
	[0.8, 'critical'],
	[1, 'critical'],
])('levelFor(%d) = %s', (score, level) => {
	expect(levelFor(score, defaultSettings.thresholds)).toBe(level);
});

describe('mayAlert', () => {
	const budget = {maxFlagsPerAgentHour: 2, minLevel: 'high' as const};
	const now = 10 * 3_600_000;
	test('below the minimum level never alerts', () => {
		expect(mayAlert('watch', now, [], budget)).toBe(false);
	});

	test('budget counts only the last hour', () => {
		expect(mayAlert('high', now, [now - 60_000], budget)).toBe(true);
		expect(mayAlert('high', now, [now - 60_000, now - 120_000], budget)).toBe(false);
		expect(mayAlert('high', now, [now - 3_700_000, now - 4_000_000], budget)).toBe(true);
	});

	test('critical always alerts', () => {
		expect(mayAlert('critical', now, [now, now, now], budget)).toBe(true);
	});
});
