import afinn from 'sentiment/languages/en/labels.json';
import emoji from 'sentiment/build/emoji.json';
import {gzipSync} from 'node:zlib';
import {expect, test} from 'vitest';
import {decodeWordScores, encodeWordScores} from './word-list-codec.ts';

test.each([
	['AFINN-165', afinn as Record<string, number>],
	['emoji ranking', emoji as Record<string, number>],
	[
		'edge cases',
		Object.fromEntries([
			['', 1],
			['a', 1],
			['ab', 1],
			["can't stand", -3],
			['x'.repeat(80), -2],
			[`${'x'.repeat(40)}y`, -2],
			['naïve', 0],
			['\u{1F600}', 2],
		]),
	],
])('%s comes back exactly as it went in', (_name, scores) => {
	expect(decodeWordScores(encodeWordScores(scores))).toEqual(scores);
});

test('the encoded lexicon is smaller than its JSON once compressed', () => {
	const json = gzipSync(JSON.stringify(afinn)).length;
	const encoded = gzipSync(JSON.stringify(encodeWordScores(afinn as Record<string, number>))).length;
	expect(encoded / json).toBeLessThan(0.8);
});

test('words the format cannot hold are refused', () => {
	expect(() => encodeWordScores({'a|b': 1})).toThrow('cannot encode');
	expect(() => encodeWordScores({a: 1.5})).toThrow('cannot encode');
});
