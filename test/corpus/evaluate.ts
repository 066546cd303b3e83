// Precision and recall of the engine on the team's regression corpus, by source:
// `npx tsx test/corpus/evaluate.ts [team|real-failure] [--mistakes]`. Quality is measured by `npm run eval`.
import {assess} from '../../core/assess.ts';
import {phraseFamilies} from '../../core/signals/phrases.ts';
import {labelledMessages, type Source} from './messages.ts';
import {labelledThreads} from './threads.ts';

export type Score = {tp: number; fp: number; fn: number; precision: number; recall: number; support: number};

function score(tp: number, fp: number, fn: number): Score {
	const round = (value: number) => Math.round(value * 1000) / 1000;
	return {
		tp,
		fp,
		fn,
		precision: tp + fp === 0 ? 1 : round(tp / (tp + fp)),
		recall: tp + fn === 0 ? 1 : round(tp / (tp + fn)),
		support: tp + fn,
	};
}

export function evaluate(source: Source): {signals: Record<string, Score>; triggerAccuracy: number; mistakes: string[]} {
	const counts = new Map<string, {tp: number; fp: number; fn: number}>();
	const count = (name: string, predicted: boolean, actual: boolean) => {
		const entry = counts.get(name) ?? {tp: 0, fp: 0, fn: 0};
		if (predicted && actual) {
			entry.tp++;
		} else if (predicted) {
			entry.fp++;
		} else if (actual) {
			entry.fn++;
		}

		counts.set(name, entry);
	};

	const mistakes: string[] = [];
	for (const item of labelledMessages.filter(message => message.source === source)) {
		const result = assess({helpdesk: 'corpus', ticketId: item.id, messages: [{role: 'customer', text: item.text}]});
		const found = new Set(
			result.signals.filter(signal => signal.id.startsWith('phrase.')).map(signal => signal.id.slice('phrase.'.length)),
		);
		for (const family of phraseFamilies) {
			const actual = item.families.includes(family);
			count(`phrase.${family}`, found.has(family), actual);
			if (found.has(family) !== actual) {
				mistakes.push(`${found.has(family) ? 'FP' : 'FN'} ${family}: ${item.text.slice(0, 90).replaceAll('\n', ' ')}`);
			}
		}

		const dissatisfied = result.messages[0]?.dissatisfied ?? false;
		count('dissatisfied', dissatisfied, item.dissatisfied);
		if (dissatisfied !== item.dissatisfied) {
			mistakes.push(
				`${dissatisfied ? 'FP' : 'FN'} dissatisfied (${result.messages[0]?.tone}): ${item.text.slice(0, 90).replaceAll('\n', ' ')}`,
			);
		}
	}

	let triggerHits = 0;
	let triggerTotal = 0;
	for (const thread of source === 'team' ? labelledThreads : []) {
		const result = assess(thread.ticket);
		const flagged = result.level !== 'none';
		count('thread.flag', flagged, thread.escalate);
		count('thread.high', result.level === 'high' || result.level === 'critical', thread.escalate);
		if (flagged !== thread.escalate) {
			mistakes.push(`${flagged ? 'FP' : 'FN'} flag (${result.level} ${result.score}): ${thread.id} ${thread.ticket.subject ?? ''}`);
		}

		if (thread.escalate && thread.trigger && flagged) {
			triggerTotal++;
			if (result.triggers[0]?.trigger === thread.trigger) {
				triggerHits++;
			} else {
				mistakes.push(
					`trigger ${thread.id}: expected ${thread.trigger}, got ${result.triggers.map(entry => `${entry.trigger} ${entry.confidence}`).join(', ')}`,
				);
			}
		}
	}

	const signals: Record<string, Score> = {};
	for (const [name, entry] of [...counts.entries()].sort(([a], [b]) => a.localeCompare(b))) {
		signals[name] = score(entry.tp, entry.fp, entry.fn);
	}

	return {signals, triggerAccuracy: triggerTotal === 0 ? 1 : Math.round((triggerHits / triggerTotal) * 1000) / 1000, mistakes};
}

export function table(result: ReturnType<typeof evaluate>): string {
	const lines = ['signal                 precision  recall  support'];
	for (const [name, entry] of Object.entries(result.signals)) {
		lines.push(
			`${name.padEnd(22)} ${entry.precision.toFixed(3).padStart(9)} ${entry.recall.toFixed(3).padStart(7)} ${String(entry.support).padStart(8)}`,
		);
	}

	lines.push(`trigger top-1 accuracy on flagged escalations: ${result.triggerAccuracy.toFixed(3)}`);
	return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const source: Source = process.argv[2] === 'real-failure' ? 'real-failure' : 'team';
	const result = evaluate(source);
	console.log(`source: ${source}\n${table(result)}`);
	if (process.argv.includes('--mistakes')) {
		console.log(result.mistakes.join('\n'));
	}
}
