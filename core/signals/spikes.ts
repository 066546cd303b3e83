// Many customers with the same complaint today: a product or service problem, not this agent's.
import type {ThemeCount} from '../context.ts';
import type {Evidence} from '../model.ts';
import type {Detector, DetectorInput} from './signal.ts';
import type {Finding, PreparedTicket} from './types.ts';

export const spikeSignals = [
	{
		id: 'spike.theme',
		label: 'many customers report the same problem',
		weight: 0.1,
		reason: 'many customers with the same problem today',
		triggers: {'poor-quality': 1},
		evidence: 'words',
	},
] as const satisfies Detector['signals'];

function escape(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}

export function detectSpikes(prepared: PreparedTicket, themes: readonly ThemeCount[] | undefined, threshold: number): Finding[] {
	if (!themes || themes.length === 0) {
		return [];
	}

	let best: {theme: ThemeCount; evidence: Evidence[]} | undefined;
	const subject = prepared.ticket.subject ?? '';
	for (const theme of themes) {
		if (!(theme.count >= threshold) || (best && best.theme.count >= theme.count)) {
			continue;
		}

		const keywords = [theme.theme, ...(theme.keywords ?? [])].map(keyword => keyword.trim()).filter(keyword => keyword !== '');
		if (keywords.length === 0) {
			continue;
		}

		const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keywords.map(keyword => escape(keyword)).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
		let evidence: Evidence[] | undefined = pattern.test(subject) ? [] : undefined;
		for (const message of prepared.customer) {
			for (const range of message.kept) {
				const match = pattern.exec(message.text.slice(range.start, Math.min(range.end, range.start + 5000)));
				if (match) {
					evidence = [
						...(evidence ?? []),
						{messageIndex: message.index, start: range.start + match.index, end: range.start + match.index + match[0].length},
					];
					break;
				}
			}

			if (evidence && evidence.length > 0) {
				break;
			}
		}

		if (evidence) {
			best = {theme, evidence};
		}
	}

	if (!best) {
		return [];
	}

	const {theme, evidence} = best;
	return [
		{
			id: 'spike.theme',
			label: `${theme.count} other customers reported '${theme.theme}' problems today`,
			strength: Math.min(1, theme.count / (threshold * 3)),
			evidence,
		},
	];
}

export const detector = {
	signals: spikeSignals,
	detect: (prepared: PreparedTicket, {ctx, settings}: DetectorInput): Finding[] =>
		detectSpikes(prepared, ctx.themes, settings.spikeThreshold),
} satisfies Detector;
