// Picks 1-3 templates for what the assessment found.
import type {Trigger} from '../model.ts';
import type {Situation, Template} from './template.ts';

const situationBySignal: ReadonlyArray<[signalId: string, situation: Situation]> = [
	['phrase.legal', 'legal-threat'],
	['phrase.manager', 'manager-request'],
	['phrase.churn', 'churn-save'],
	['phrase.public', 'public-exposure'],
	['wait.breach', 'long-wait'],
	['phrase.repeat', 'repeat-contact'],
	['history.repeat-contact', 'repeat-contact'],
	['phrase.insult', 'angry-first-reply'],
];

const situationByTrigger: Readonly<Record<Trigger, Situation[]>> = {
	'poor-quality': ['quality-issue', 'functional-escalation'],
	'frontline-response': ['frontline-recovery'],
	'long-wait': ['long-wait'],
	miscommunication: ['miscommunication'],
	'rigid-policy': ['policy-alternative', 'hierarchical-escalation'],
};

/** Situations in priority order: explicit threats first, then the top trigger, then a general reply. */
export function situationsFor(signalIds: readonly string[], triggers: readonly Trigger[]): Situation[] {
	const ids = new Set(signalIds);
	const ordered: Situation[] = [];
	const add = (situation: Situation) => {
		if (!ordered.includes(situation)) {
			ordered.push(situation);
		}
	};

	for (const [id, situation] of situationBySignal) {
		if (ids.has(id)) {
			add(situation);
		}
	}

	for (const trigger of triggers) {
		for (const situation of situationByTrigger[trigger]) {
			add(situation);
		}
	}

	add('angry-first-reply');
	return ordered;
}

/** The best template per situation (one matching the top trigger first), up to `max`. */
export function selectTemplates(library: readonly Template[], situations: readonly Situation[], topTrigger: Trigger | undefined, max: number): Template[] {
	const chosen: Template[] = [];
	for (const situation of situations) {
		if (chosen.length >= max) {
			break;
		}

		const candidates = library.filter(template => template.situation === situation && !chosen.includes(template));
		const best = candidates.find(template => template.trigger === topTrigger) ?? candidates.find(template => template.trigger === 'any') ?? candidates[0];
		if (best) {
			chosen.push(best);
		}
	}

	return chosen;
}
