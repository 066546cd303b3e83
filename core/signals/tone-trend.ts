// Tone level and trend over the customer's messages. A first message that describes a problem is
// usually negative and is not by itself a warning; a tone that keeps falling is.
import type {Evidence} from '../model.ts';
import type {Detector} from './signal.ts';
import type {Finding, PreparedMessage, PreparedTicket} from './types.ts';

export const toneSignals = [
	{
		id: 'tone.negative',
		label: 'upset',
		weight: 0.35,
		reason: 'latest customer message is clearly negative',
		triggers: {},
		evidence: 'messages',
		settledByThanks: true,
	},
	{
		id: 'tone.trend',
		label: 'getting more upset',
		weight: 0.3,
		reason: 'tone falling over several messages',
		triggers: {},
		evidence: 'messages',
		settledByThanks: true,
	},
] as const satisfies Detector['signals'];

const window = 5;
const negativeLevel = -0.45;
const hostileLevel = -0.7;
const minimumDrop = 0.35;

export function formatTone(tone: number): string {
	return `${tone > 0 ? '+' : ''}${tone.toFixed(2)}`;
}

function whole(message: PreparedMessage): Evidence {
	const first = message.kept[0];
	const last = message.kept.at(-1);
	return {messageIndex: message.index, start: first?.start ?? 0, end: last?.end ?? message.text.length};
}

/** Least-squares slope of tone per message. */
export function toneSlope(tones: readonly number[]): number {
	const n = tones.length;
	if (n < 2) {
		return 0;
	}

	const meanX = (n - 1) / 2;
	const meanY = tones.reduce((sum, tone) => sum + tone, 0) / n;
	let numerator = 0;
	let denominator = 0;
	for (const [x, tone] of tones.entries()) {
		numerator += (x - meanX) * (tone - meanY);
		denominator += (x - meanX) ** 2;
	}

	return numerator / denominator;
}

export function detectToneTrend(prepared: PreparedTicket): Finding[] {
	const messages = prepared.customer.filter(message => message.kept.length > 0);
	const last = messages.at(-1);
	if (!last) {
		return [];
	}

	const findings: Finding[] = [];
	const recent = messages.slice(-window);
	const previous = recent.at(-2);
	const bothNegative = previous !== undefined && previous.tone <= negativeLevel / 2;
	if ((messages.length >= 2 && last.tone <= negativeLevel) || last.tone <= hostileLevel) {
		const strength = Math.min(1, (-last.tone - 0.3) / 0.5 + (bothNegative ? 0.2 : 0)) * (messages.length === 1 ? 0.6 : 1);
		findings.push({
			id: 'tone.negative',
			label: `customer tone is negative (${formatTone(last.tone)} in the latest message${bothNegative ? `, ${formatTone(previous.tone)} before` : ''})`,
			strength: Math.max(0.1, strength),
			evidence: [whole(last)],
		});
	}

	if (recent.length >= 2) {
		const from = Math.max(...recent.slice(0, -1).map(message => message.tone));
		const start = recent.find(message => message.tone === from)!;
		const drop = from - last.tone;
		if (drop >= minimumDrop && last.tone <= -0.2) {
			const span = recent.length - recent.indexOf(start);
			findings.push({
				id: 'tone.trend',
				label: `tone fell from ${formatTone(from)} to ${formatTone(last.tone)} over ${span} messages`,
				strength: Math.min(1, drop / 0.9),
				evidence: [whole(start), whole(last)],
			});
		}
	}

	return findings;
}

export const detector = {
	signals: toneSignals,
	detect: (prepared: PreparedTicket): Finding[] => detectToneTrend(prepared),
} satisfies Detector;
