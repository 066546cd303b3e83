import {describe, expect, test} from 'vitest';
import {scoreCleanTone, scoreTone} from './tone.ts';

describe('scoreTone', () => {
	test.each([
		['', 0],
		['   ', 0],
		['Please reset my password.', 0],
	])('neutral: %j', (text, expected) => {
		expect(scoreTone(text)).toBe(expected);
	});

	test.each([
		['This is unacceptable. I am furious.', -0.6],
		['You guys are useless!!!', -0.6],
		['this sucks 😡', -0.5],
		['Thanks for nothing.', -0.4],
		['Great, another week of waiting.', -0.4],
		['Oh wonderful, it broke again', -0.4],
		['not happy', -0.4],
		["It still doesn't work", -0.3],
		['Kindly stop emailing me.', -0.3],
	])('negative: %s', (text, atMost) => {
		expect(scoreTone(text)).toBeLessThanOrEqual(atMost);
	});

	test.each([
		['No problem at all, thanks!', 0.3],
		['Thank you so much, that fixed it!', 0.4],
		['Love it 😍', 0.5],
		['not bad', 0.1],
		['Works now, you are a lifesaver :)', 0.5],
	])('positive: %s', (text, atLeast) => {
		expect(scoreTone(text)).toBeGreaterThanOrEqual(atLeast);
	});

	test('negation flips strongly for positive words, mildly for negative ones', () => {
		expect(scoreTone('I am not happy')).toBeLessThan(-0.3);
		expect(scoreTone('not bad')).toBeGreaterThan(0);
		expect(scoreTone('not bad')).toBeLessThan(scoreTone('good'));
	});

	test('intensifiers and CAPS strengthen, downtoners soften', () => {
		expect(scoreTone('this is very bad')).toBeLessThan(scoreTone('this is bad'));
		expect(scoreTone('this is BAD')).toBeLessThan(scoreTone('this is bad'));
		expect(scoreTone('this is slightly bad')).toBeGreaterThan(scoreTone('this is bad'));
	});

	test('shouting and ?! read as frustration', () => {
		expect(scoreTone('WHERE IS MY REFUND???')).toBeLessThan(scoreTone('Where is my refund?'));
		expect(scoreTone('Where is my refund?!')).toBeLessThan(scoreTone('Where is my refund?'));
		expect(scoreTone('this is bad!!!')).toBeLessThan(scoreTone('this is bad'));
	});

	test('sarcasm cancels the positive word', () => {
		expect(scoreTone('Great, another week.')).toBeLessThan(0);
		expect(scoreTone('Great, thanks!')).toBeGreaterThan(0);
		expect(scoreTone('Oh great')).toBeLessThan(0);
	});

	test('politeness is a nudge, not a mask', () => {
		expect(scoreTone('I would appreciate an update, thanks in advance.')).toBeGreaterThan(0);
		expect(scoreTone('Kindly explain why this is still broken, it is unacceptable.')).toBeLessThan(-0.3);
	});

	test('questions take the shine off positive words', () => {
		expect(scoreTone('Is the new plan good?')).toBeLessThan(scoreTone('The new plan is good.'));
	});

	test('quoted angry mails and signatures are ignored', () => {
		const text =
			'Thanks, that works now.\n\nOn Mon, 2 Mar 2026, Sam <sam@example.com> wrote:\n> This is a disgrace, I hate you, worst service ever!!!';
		expect(scoreTone(text)).toBeGreaterThan(0);
		expect(scoreCleanTone(text)).toBeLessThan(scoreTone(text));
	});

	test('long problem reports stay moderate', () => {
		const report =
			'Hi, since the update yesterday the export button gives an error and the file is missing some columns. I tried again on another laptop with the same error. Could you check what is wrong? We need the report for Friday.';
		expect(scoreTone(report)).toBeGreaterThan(-0.5);
		expect(scoreTone(report)).toBeLessThan(0);
	});

	test.each([
		['1 MB of text', 'bad good '.repeat(110_000)],
		['binary-looking text', String.fromCharCode(...Array.from({length: 5000}, (_, i) => (i * 7919) % 65_536))],
		['markup and bidi overrides', '<script>alert("hi")</script>\u202Eterrible\u200B\u200D'],
		['lone surrogates', '\uD83D\uD83D bad \uDE00'],
	])('stays in range on %s', (_name, text) => {
		const tone = scoreTone(text);
		expect(Number.isFinite(tone)).toBe(true);
		expect(tone).toBeGreaterThanOrEqual(-1);
		expect(tone).toBeLessThanOrEqual(1);
	});

	test('deterministic', () => {
		const text = 'Not great. Still waiting!!! :(';
		expect(scoreTone(text)).toBe(scoreTone(text));
	});
});
