import {expect, test} from 'vitest';
import {prepareTicket} from './prepare.ts';
import {shippedToneLexicon} from '../tone.ts';
import {detectToneTrend, toneSlope} from './tone-trend.ts';

const ticket = (customer: string[]) =>
	prepareTicket(
		{
			helpdesk: 'demo',
			ticketId: '1',
			messages: customer.flatMap(text => [
				{role: 'customer' as const, text},
				{role: 'agent' as const, text: 'Thanks, looking into it.'},
			]),
		},
		undefined,
		shippedToneLexicon,
	);

test('a first message describing a problem is not a warning', () => {
	expect(detectToneTrend(ticket(['Hi, my invoice shows the wrong amount and the export fails with an error.']))).toEqual([]);
});

test('a hostile first message is a (weaker) warning', () => {
	const [finding] = detectToneTrend(ticket(['This is a disgrace. Worst, most useless service I have ever had!!!']));
	expect(finding?.id).toBe('tone.negative');
	expect(finding!.strength).toBeLessThanOrEqual(0.6);
});

test('falling tone over several messages', () => {
	const findings = detectToneTrend(
		ticket([
			'Hi, thanks for the quick reply, that sounds good!',
			'Hm, it still does not work.',
			'This is ridiculous and unacceptable. I am furious.',
		]),
	);
	expect(findings.map(finding => finding.id)).toEqual(['tone.negative', 'tone.trend']);
	const trend = findings[1]!;
	expect(trend.label).toMatch(/^tone fell from \+0\.\d\d to -0\.\d\d over 3 messages$/);
	expect(trend.evidence.map(evidence => evidence.messageIndex)).toEqual([0, 4]);
});

test('improving tone is not a warning', () => {
	expect(detectToneTrend(ticket(['This is terrible, nothing works!', 'OK, that helped a bit.', 'Perfect, thank you so much!']))).toEqual(
		[],
	);
});

test('no customer messages', () => {
	expect(detectToneTrend(prepareTicket({helpdesk: 'demo', ticketId: '1', messages: []}, undefined, shippedToneLexicon))).toEqual([]);
});

test('toneSlope', () => {
	expect(toneSlope([0.5, 0, -0.5])).toBeCloseTo(-0.5);
	expect(toneSlope([0.2])).toBe(0);
});
