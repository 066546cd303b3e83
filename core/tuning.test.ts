import {expect, test} from 'vitest';
import {weightMultipliersFrom} from './tuning.ts';

const times = (count: number, verdict: 'agree' | 'disagree', signalIds: string[]) =>
	Array.from({length: count}, () => ({verdict, signalIds}));

test('a signal agents keep rejecting loses weight; one they confirm gains a little; few answers change nothing', () => {
	const multipliers = weightMultipliersFrom([
		...times(10, 'disagree', ['phrase.urgency']),
		...times(10, 'agree', ['phrase.manager']),
		...times(3, 'disagree', ['tone.negative']),
		...times(5, 'agree', ['wait.breach']),
		...times(5, 'disagree', ['wait.breach']),
	]);
	// manager: share 11/12, 1 + (11/12 - 1/2) * 2 * 0.2 = 1.1667; urgency: share 1/12, 0.4 + (1/12) * 2 * 0.6 = 0.5;
	// breach: share 6/12 = 1/2 exactly, 1.0; tone: 3 answers, below the minimum.
	expect(multipliers).toEqual({'phrase.manager': 1.17, 'phrase.urgency': 0.5, 'wait.breach': 1});
});

test('the same signal listed twice in one answer counts once', () => {
	// 5 answers, not 10: share 1/7, 0.4 + (1/7) * 2 * 0.6 = 0.571
	expect(weightMultipliersFrom(times(5, 'disagree', ['x', 'x']), {minSamples: 5})).toEqual({x: 0.57});
});
