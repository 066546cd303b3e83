import {describe, expect, test} from 'vitest';
import {keptRanges, keptText, stripInvisible} from './text.ts';

const kept = (text: string) => keptRanges(text).map(range => text.slice(range.start, range.end));

describe('keptRanges', () => {
	test.each([
		['plain text is kept whole (trimmed)', '  My order never arrived.  ', ['My order never arrived.']],
		['empty', '', []],
		['only whitespace', ' \n\t ', []],
		['lone thanks is the message', 'Thanks!', ['Thanks!']],
		[
			'gmail quote header',
			'Still broken.\n\nOn Tue, 3 Mar 2026 at 10:02, Help Desk <help@example.com> wrote:\n> Have you tried restarting?\n> Kind regards',
			['Still broken.'],
		],
		[
			'quote header wrapped over two lines',
			'No, it did not help.\nOn Tue, 3 Mar 2026 at 10:02, Help Desk <help@example.com>\nwrote:\nThis is the earlier mail, I am furious.',
			['No, it did not help.'],
		],
		[
			'outlook original message',
			'See below.\r\n-----Original Message-----\r\nFrom: Anna\r\nSent: Monday\r\nI will sue you.',
			['See below.'],
		],
		[
			'outlook from/sent block',
			'Any news?\n\nFrom: Support Team <support@example.com>\nSent: Monday, March 2, 2026 9:14 AM\nTo: Leo\nSubject: Re: refund\n\nWe are sorry!',
			['Any news?'],
		],
		[
			'interleaved quoted lines are skipped',
			'Answers inline:\n> Which plan?\nThe Pro plan.\n> Since when?\nSince May.',
			['Answers inline:', 'The Pro plan.', 'Since May.'],
		],
		['dash-dash signature', 'It crashes on start.\n-- \nLeo Marsh\nACME Ltd', ['It crashes on start.']],
		['mobile footer', 'Please call me back.\n\nSent from my iPhone', ['Please call me back.']],
		['sign-off with name', 'The invoice is wrong again.\n\nBest regards,\nPriya Nair\nFinance Lead', ['The invoice is wrong again.']],
		[
			'sign-off followed by more prose is not a signature',
			'Thanks,\nbut this is the third time I am writing to you about the same invoice and nobody has answered me at all.',
			['Thanks,\nbut this is the third time I am writing to you about the same invoice and nobody has answered me at all.'],
		],
		[
			'legal disclaimer',
			'Where is my refund?\n\nCONFIDENTIALITY NOTICE: This e-mail is intended only for the addressee. If you are not the intended recipient, delete it.',
			['Where is my refund?'],
		],
		[
			'german quote header',
			'Immer noch kaputt.\nAm 03.03.2026 um 10:02 schrieb Support <help@example.com>:\n> Hallo',
			['Immer noch kaputt.'],
		],
		['only a quote', '> I hate this', []],
	])('%s', (_name, text, expected) => {
		expect(kept(text)).toEqual(expected);
	});

	test('ranges point into the original text', () => {
		const text = 'Hi,\n> quoted\nI asked for a manager.\n\nSent from my Android';
		const ranges = keptRanges(text);
		expect(ranges).toEqual([
			{start: 0, end: 3},
			{start: 13, end: 35},
		]);
		expect(text.slice(13, 35)).toBe('I asked for a manager.');
	});

	test('1 MB of mixed text does not throw and stays linear', () => {
		const block = 'Line with words\n> quoted\nOn Mon x wrote:\n';
		const text = block.repeat(Math.ceil(1_000_000 / block.length));
		expect(kept(text)).toEqual(['Line with words']);
	});
});

test('keptText joins ranges and returns the original when whole', () => {
	const text = 'a\n> b\nc';
	expect(keptText(text, keptRanges(text))).toBe('a\nc');
	expect(keptText('abc', [{start: 0, end: 3}])).toBe('abc');
});

test('stripInvisible removes control, bidi and zero-width characters', () => {
	expect(stripInvisible('a\u202Eb\u200Bc\u0007d\ne\tf\uFEFF')).toBe('abcd\ne\tf');
});
