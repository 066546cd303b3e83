// Template choice as ranking: every template is scored against what the assessment found (signals,
// triggers, escalation path, situation cues, the ticket's language, whether this is the first reply,
// what the agent already inserted), and the best few are suggested, one per situation, each with a
// one-line reason. Signals are read by id (a registered one: signals/registry.ts) and named by their
// descriptor's label; a cue stands in where one is listed.
import type {EscalationPath, Trigger} from '../model.ts';
import {signalDescriptor, type SignalId} from '../signals/registry.ts';
import {situationLabels, situations, type Condition, type Situation, type Template} from './template.ts';

export type RankFacts = {
	/** The assessment's signals; `messages` = how many customer messages hold evidence of it. */
	signals: ReadonlyArray<{id: string; weight: number; label?: string | undefined; messages?: number | undefined}>;
	triggers: ReadonlyArray<{trigger: Trigger; confidence: number}>;
	escalationPath?: EscalationPath | undefined;
	/** Situation cues found in the thread (cues.ts), with the words that matched. */
	cues: ReadonlyMap<string, string>;
	/** The words for each cue, by id (shown in a suggestion's why). */
	cueLabels?: Readonly<Record<string, string>> | undefined;
	/** Public agent replies so far: 0 means the next reply is the first. */
	agentReplies: number;
	/** The language the customer writes in ('en', 'es', ...). */
	language: string;
	/** Templates the agent already inserted on this ticket: not suggested again. */
	inserted: readonly string[];
};

export type Ranked = {template: Template; score: number; why: string};

type SituationRule = {
	/** Any of these makes the situation apply; absent: always applies. */
	gate?: Condition[];
	base: number;
	/** Each of these that holds makes the situation more pressing (+0.3). */
	boost?: Condition[];
	/** Shown even when the risk level is none (a data request is a legal duty; harm is never "no risk"). */
	always?: boolean;
};

const triggerLabels: Readonly<Record<Trigger, string>> = {
	'poor-quality': 'product or service fault',
	'frontline-response': 'unhappy with earlier replies',
	'long-wait': 'long wait',
	miscommunication: 'misunderstanding',
	'rigid-policy': 'policy',
};

const signal = (id: SignalId, messages?: number): Condition => (messages === undefined ? {signal: id} : {signal: id, messages});

/** When each situation applies, and how much it matters when it does (explicit threats and safety first). */
export const situationRules: Readonly<Record<Situation, SituationRule>> = {
	'vulnerable-customer': {gate: [{cue: 'harm'}, {cue: 'vulnerable'}], base: 6, always: true},
	'data-request': {gate: [{cue: 'data-request'}], base: 4.4, always: true},
	// Above a legal threat: a chargeback is also matched as legal language, and its own reply fits better.
	'payment-dispute': {gate: [signal('phrase.payment-dispute'), {cue: 'chargeback'}], base: 4.6},
	'legal-threat': {gate: [signal('phrase.legal')], base: 4},
	abuse: {gate: [signal('phrase.insult'), {cue: 'threat'}], base: 3.9, boost: [{cue: 'threat'}]},
	'manager-request': {gate: [signal('phrase.manager')], base: 3.6},
	'vip-at-risk': {gate: [{cue: 'renewal'}], base: 3.85},
	'churn-save': {gate: [signal('phrase.churn')], base: 3.4},
	'public-exposure': {gate: [signal('phrase.public')], base: 3.2},
	outage: {gate: [signal('phrase.outage'), {cue: 'outage'}, signal('spike.theme')], base: 3.1},
	// Told something different by us; a delivery that was only "supposed to arrive" is non-delivery.
	'wrong-information': {gate: [{cue: 'told-before'}], base: 3.1},
	'own-mistake': {gate: [{cue: 'own-mistake'}], base: 3.1},
	'billing-error': {gate: [signal('phrase.billing'), {cue: 'billing'}], base: 3},
	// What the ticket is about comes before how long it has waited (a long wait is said in the reply too).
	'non-delivery': {gate: [signal('phrase.non-delivery'), {cue: 'non-delivery'}], base: 3.4},
	'repeat-contact': {
		gate: [signal('phrase.repeat'), signal('history.repeat-contact'), signal('shape.reopened'), signal('shape.back-and-forth')],
		base: 3,
	},
	miscommunication: {gate: [signal('phrase.misread'), {trigger: 'miscommunication'}, {cue: 'confused'}], base: 2.9},
	'third-party-wait': {gate: [{cue: 'third-party'}], base: 3.2},
	// Frontline attempts have not fixed it: a specialist should.
	'functional-escalation': {
		gate: [
			{
				all: [
					{path: 'functional'},
					{any: [{agentReplies: 2}, signal('shape.reopened'), signal('shape.days-open'), signal('history.repeat-contact')]},
				],
			},
		],
		base: 2.85,
	},
	// Needs someone who can decide: an exception asked for, or a policy dispute that goes on.
	'hierarchical-escalation': {
		gate: [{all: [{path: 'hierarchical'}, {any: [{cue: 'exception'}, {trigger: 'rigid-policy'}]}]}],
		base: 2.6,
		boost: [{cue: 'exception'}],
	},
	'final-refusal': {gate: [{trigger: 'rigid-policy'}], base: 2.82},
	'frontline-recovery': {gate: [{trigger: 'frontline-response'}], base: 2.8},
	'policy-alternative': {gate: [{trigger: 'rigid-policy'}], base: 2.8},
	'long-wait': {gate: [signal('wait.breach'), {trigger: 'long-wait'}], base: 2.5, boost: [signal('wait.breach')]},
	'periodic-update': {gate: [signal('wait.due'), signal('phrase.urgency'), {trigger: 'long-wait'}], base: 2.6, boost: [signal('wait.due')]},
	'quality-issue': {
		gate: [signal('phrase.faulty'), signal('phrase.not-working'), {cue: 'faulty'}, {cue: 'not-working'}, {trigger: 'poor-quality'}],
		base: 2.6,
	},
	'language-mismatch': {gate: [{cue: 'other-language'}], base: 2.2},
	'angry-first-reply': {base: 1},
};

type Facts = RankFacts & {signalMap: Map<string, RankFacts['signals'][number]>; triggerMap: Map<Trigger, number>};

function holds(condition: Condition, facts: Facts): boolean {
	if ('signal' in condition) {
		const found = facts.signalMap.get(condition.signal);
		return found !== undefined && (condition.messages === undefined || (found.messages ?? 1) >= condition.messages);
	}

	if ('cue' in condition) {
		return facts.cues.has(condition.cue);
	}

	if ('trigger' in condition) {
		return facts.triggerMap.has(condition.trigger);
	}

	if ('path' in condition) {
		return facts.escalationPath === condition.path;
	}

	if ('reply' in condition) {
		return condition.reply === 'first' ? facts.agentReplies === 0 : facts.agentReplies > 0;
	}

	if ('agentReplies' in condition) {
		return facts.agentReplies >= condition.agentReplies;
	}

	if ('inserted' in condition) {
		return facts.inserted.includes(condition.inserted);
	}

	if ('not' in condition) {
		return !holds(condition.not, facts);
	}

	if ('all' in condition) {
		return condition.all.every(inner => holds(inner, facts));
	}

	return condition.any.some(inner => holds(inner, facts));
}

function quoteOf(label: string | undefined): string | undefined {
	const quote = label ? /'([^']{1,60})/.exec(label)?.[1] : undefined;
	return quote?.trim() || undefined;
}

/** The words for a condition that held, as a reason a person reads (the customer's own words are in the why's head). */
function describe(condition: Condition, facts: Facts): string | undefined {
	if ('signal' in condition) {
		const found = facts.signalMap.get(condition.signal);
		const name = signalDescriptor(condition.signal)?.label ?? condition.signal;
		return condition.messages && condition.messages > 1 ? `${name} in ${found?.messages ?? condition.messages} messages` : name;
	}

	if ('cue' in condition) {
		const words = facts.cues.get(condition.cue);
		return condition.cue === 'other-language'
			? `writes in ${words ?? 'another language'}`
			: (facts.cueLabels?.[condition.cue] ?? condition.cue.replaceAll('-', ' '));
	}

	if ('trigger' in condition) {
		return triggerLabels[condition.trigger];
	}

	if ('path' in condition) {
		return condition.path === 'functional'
			? 'needs a specialist'
			: condition.path === 'hierarchical'
				? 'needs someone who can decide'
				: 'SLA escalation';
	}

	if ('reply' in condition) {
		return condition.reply === 'first' ? 'first reply' : 'follow-up';
	}

	if ('agentReplies' in condition) {
		return `${facts.agentReplies} replies so far`;
	}

	if ('inserted' in condition) {
		return 'after your earlier warning';
	}

	if ('not' in condition) {
		return undefined;
	}

	const list = 'all' in condition ? condition.all : condition.any;
	const inner = list.find(item => holds(item, facts) && describe(item, facts) !== undefined);
	return inner ? describe(inner, facts) : undefined;
}

function prepare(facts: RankFacts): Facts {
	return {
		...facts,
		signalMap: new Map(facts.signals.map(item => [item.id, item])),
		triggerMap: new Map(facts.triggers.map(item => [item.trigger, item.confidence])),
	};
}

/** Situations that apply to these facts, strongest first. */
export function applicableSituations(input: RankFacts): Situation[] {
	const facts = prepare(input);
	return situations
		.filter(situation => {
			const rule = situationRules[situation];
			return !rule.gate || rule.gate.some(condition => holds(condition, facts));
		})
		.sort((a, b) => situationRules[b].base - situationRules[a].base);
}

/** Whether suggestions belong on the ticket even at risk level none. */
export function needsReplyHelp(input: RankFacts): boolean {
	return applicableSituations(input).some(situation => situationRules[situation].always);
}

type Scored = {situationScore: number; fit: number; why: string};

/**
 * A template's standing: its situation's score (how serious the situation is, and how strong the signal
 * behind it) decides first; how well the template fits within its situation (preferences held, its
 * trigger, its language) decides among templates of one situation.
 */
function scoreOf(template: Template, facts: Facts, hasOwnLanguage: boolean): Scored | undefined {
	if (facts.inserted.includes(template.id)) {
		return undefined;
	}

	if (template.language !== facts.language && !(template.language === 'en' && !hasOwnLanguage)) {
		return undefined;
	}

	const rule = situationRules[template.situation];
	const gate = rule.gate?.find(condition => holds(condition, facts));
	if (rule.gate && !gate) {
		return undefined;
	}

	if (template.requires && !template.requires.every(condition => holds(condition, facts))) {
		return undefined;
	}

	let situationScore = rule.base + 0.3 * (rule.boost ?? []).filter(condition => holds(condition, facts)).length;
	// A stronger signal behind the situation counts a little more.
	if (gate && 'signal' in gate) {
		situationScore += Math.min(0.5, facts.signalMap.get(gate.signal)?.weight ?? 0);
	}

	let fit = 0;
	const reasons: string[] = [];
	const note = (condition: Condition) => {
		const reason = describe(condition, facts);
		if (reason && !reasons.includes(reason)) {
			reasons.push(reason);
		}
	};

	for (const condition of template.prefers ?? []) {
		if (holds(condition, facts)) {
			fit += 0.3;
			note(condition);
		}
	}

	// A template that needs more than its situation is the more specific answer.
	for (const condition of template.requires ?? []) {
		if (!('not' in condition)) {
			fit += 0.3;
			note(condition);
		}
	}

	if (template.trigger !== 'any') {
		const confidence = facts.triggerMap.get(template.trigger);
		fit += confidence === undefined ? -0.2 : 0.2 * confidence;
	}

	if (template.language !== facts.language) {
		fit -= 0.5;
	}

	const quote = gate ? quoteFor(gate, facts) : undefined;
	const gateReason = gate ? describe(gate, facts) : undefined;
	const extra = reasons.filter(reason => reason !== gateReason).slice(0, 2);
	const why = `${situationLabels[template.situation]}${quote ? `: '${quote}'` : ''}${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`;
	return {situationScore: Math.round(situationScore * 1000) / 1000, fit: Math.round(fit * 1000) / 1000, why};
}

/** The legal signal fired on chargeback words alone: the payment-dispute reply covers it. */
function isOnlyPaymentDispute(facts: Facts): boolean {
	const quote = quoteOf(facts.signalMap.get('phrase.legal')?.label)?.toLowerCase();
	return (
		quote !== undefined &&
		(facts.cues.has('chargeback') || facts.signalMap.has('phrase.payment-dispute')) &&
		/charge ?back|dispute|bank|reverse/.test(quote)
	);
}

/** The customer's own words behind a condition, when it has any. */
function quoteFor(condition: Condition, facts: Facts): string | undefined {
	if ('signal' in condition) {
		return quoteOf(facts.signalMap.get(condition.signal)?.label);
	}

	if ('cue' in condition) {
		return condition.cue === 'other-language' ? undefined : facts.cues.get(condition.cue);
	}

	if ('any' in condition || 'all' in condition) {
		for (const inner of 'all' in condition ? condition.all : condition.any) {
			const quote = holds(inner, facts) ? quoteFor(inner, facts) : undefined;
			if (quote) {
				return quote;
			}
		}
	}

	return undefined;
}

/** Every suggestible template with its score and reason, best first (ties by id, so the order is stable). */
export function rankTemplates(library: readonly Template[], input: RankFacts): Ranked[] {
	const facts = prepare(input);
	const hasOwnLanguage = library.some(template => template.language === facts.language);
	const ranked: Array<Ranked & Scored> = [];
	for (const template of library) {
		const scored = scoreOf(template, facts, hasOwnLanguage);
		if (scored) {
			ranked.push({template, ...scored, score: Math.round((scored.situationScore + scored.fit / 10) * 1000) / 1000});
		}
	}

	return ranked
		.sort((a, b) => b.situationScore - a.situationScore || b.fit - a.fit || a.template.id.localeCompare(b.template.id))
		.map(({template, score, why}) => ({template, score, why}));
}

/** The best `max` templates, one per situation. */
export function chooseTemplates(library: readonly Template[], input: RankFacts, max: number): Ranked[] {
	const facts = prepare(input);
	const chosen: Ranked[] = [];
	for (const entry of rankTemplates(library, input)) {
		if (chosen.length >= max) {
			break;
		}

		const {situation} = entry.template;
		// A legal signal raised by chargeback words alone is answered by the chargeback reply.
		const covered =
			situation === 'legal-threat' && isOnlyPaymentDispute(facts) && chosen.some(other => other.template.situation === 'payment-dispute');
		if (!covered && !chosen.some(other => other.template.situation === situation)) {
			chosen.push(entry);
		}
	}

	return chosen;
}
