// What triggered the escalation risk, and which escalation path fits.
// Cues are phrase-pack syntax (see signals/phrase-packs/en.ts), read from customer messages
// (and, for rigid policy, the agent's own replies); signals add their own evidence, as much as each
// signal's descriptor says it points at each trigger.
import type {EscalationPath, Level, Trigger} from './model.ts';
import {compilePhrase} from './signals/phrases.ts';
import {signalDescriptor} from './signals/registry.ts';
import type {Finding, PreparedTicket} from './signals/types.ts';

export type TriggerCue = {trigger: Trigger; weight: number; patterns: string[]; agent?: boolean | undefined};

// Built in a function marked pure: a helpdesk page gets the cues from the background as data.
export const triggerCues: readonly TriggerCue[] = /* @__PURE__ */ builtInTriggerCues();

function builtInTriggerCues(): TriggerCue[] {
	return [
		{
			trigger: 'poor-quality',
			weight: 0.5,
			patterns: [
				'{broken|broke|defective|faulty|damaged|crash*|bug|bugs|buggy|glitch*|outage|down|freez*|corrupt*|malfunction*|error|errors}',
				"{doesn't|does not|didn't|did not|won't|will not|isn't|is not|stopped|not} {work|working|load|loading|open|sync|syncing|charge|charging|connect|connecting}",
				'{wrong|missing|incorrect|late|lost} {item|items|order|parcel|package|size|product|delivery|amount|invoice|part}',
				'never {arrived|received|came}',
				'poor quality',
				'quality',
			],
		},
		{
			trigger: 'frontline-response',
			weight: 0.6,
			patterns: [
				"{your|the|that|this|last|previous|other} {agent|rep|representative|person|colleague|guy|staff|employee|support person|advisor} {was|is|said|told|promised|hung up|ignored|didn't}",
				'{rude|unhelpful|dismissive|condescending|unprofessional|arrogant|patronising|patronizing|sarcastic}',
				'{canned|copy-paste|copy paste|scripted|generic|automated} {response|reply|answer|responses|replies|answers}',
				"{didn't|did not|don't|do not} {read|listen|even read|bother}",
				'nobody {helps|cares|listens}',
				'no one {helps|cares|listens}',
				'hung up on me',
				"you {people|guys} {don't|do not|never} {care|listen|read}",
				'{useless|incompetent|clueless|pathetic} {support|service|agent|team|staff|answer|reply}',
			],
		},
		{
			trigger: 'long-wait',
			weight: 0.6,
			patterns: [
				'{still|been} waiting',
				'{no|any} {update|updates|news|reply|response|answer|word}',
				"{haven't|have not|never} heard back",
				'{days|weeks|months|hours} {ago|now|later|without|and still|waiting}',
				'{waited|waiting|on hold} for {hours|days|weeks|ages|over}',
				'how long {do|does|will|must}',
				'took {so|too} long',
				'taking {so|too|forever}',
				'slow {response|reply|service|support}',
				'{no one|nobody} {replied|responded|answered|got back|answers|replies|responds|calls|called}',
			],
		},
		{
			trigger: 'miscommunication',
			weight: 0.7,
			patterns: [
				"{that's|that is|this is|it's|it is} not what i {asked|said|meant|wrote|need}",
				'not my question',
				"you {misunderstood|misread|didn't understand|did not understand|don't understand|do not understand|got it wrong}",
				'i never {said|asked|ordered|requested|wanted}',
				'i {asked|was asking} {about|for|if|whether}',
				'what do you mean',
				"i don't understand",
				'i do not understand',
				'confus*',
				"doesn't answer",
				'does not answer',
				'read my {message|email|question|ticket} again',
				'{contradict*|conflicting|inconsistent} {information|answers|answer|replies}',
				'you said * but',
				'i was told',
			],
		},
		{
			trigger: 'rigid-policy',
			weight: 0.7,
			patterns: [
				'{policy|policies|rules|regulations|terms and conditions|t&cs|fine print}',
				"{not|isn't|aren't} {allowed|eligible|possible|permitted}",
				'{make|making} an exception',
				"{refuse|refused|refusing|won't|will not} {to}? {refund|replace|cancel|help|accept|honor|honour|exchange}",
				'computer says no',
				'ridiculous {rule|policy|rules}',
				'hiding behind',
			],
		},
		{
			trigger: 'rigid-policy',
			weight: 0.5,
			agent: true,
			patterns: [
				'{per|as per|according to|due to} {our|company|the}? {policy|terms}',
				"{unable|not able|cannot|can't} {to}? {make|offer|provide} {an exception|exceptions|a refund}",
				'not eligible',
				'outside the {return|refund|warranty} {window|period}',
			],
		},
	];
}

const compiled = new WeakMap<readonly TriggerCue[], Array<TriggerCue & {regex: RegExp}>>();

// One alternation per cue: a message costs one regex test per cue
function compiledCues(cues: readonly TriggerCue[]): Array<TriggerCue & {regex: RegExp}> {
	let list = compiled.get(cues);
	if (!list) {
		list = cues.map(cue => ({...cue, regex: compilePhrase(`{${cue.patterns.join('|')}}`)}));
		compiled.set(cues, list);
	}

	return list;
}

const maxCueHits = 3;
const minConfidence = 0.2;

/** The likely triggers, surest first: from the cues (triggerCues, or as a helpdesk page got them) and the signals found. */
export function classifyTriggers(
	prepared: PreparedTicket,
	findings: readonly Finding[],
	cues: readonly TriggerCue[],
): Array<{trigger: Trigger; confidence: number}> {
	const evidence = new Map<Trigger, number>();
	const bump = (trigger: Trigger, amount: number) => evidence.set(trigger, (evidence.get(trigger) ?? 0) + amount);
	for (const cue of compiledCues(cues)) {
		let hits = 0;
		const sources = cue.agent ? prepared.messages.filter(message => message.role === 'agent' && !message.internal) : prepared.customer;
		for (const message of sources.slice(-10)) {
			const ranges = cue.agent ? [{start: 0, end: Math.min(message.text.length, 5000)}] : message.kept;
			for (const range of ranges) {
				const text = message.text.slice(range.start, Math.min(range.end, range.start + 5000));
				cue.regex.lastIndex = 0;
				if (cue.regex.test(text)) {
					hits++;
				}
			}
		}

		if (hits > 0) {
			bump(cue.trigger, (cue.weight * Math.min(hits, maxCueHits)) / 1.5);
		}
	}

	for (const finding of findings) {
		const triggers: Readonly<Partial<Record<Trigger, number>>> = signalDescriptor(finding.id)?.triggers ?? {};
		for (const [trigger, amount] of Object.entries(triggers) as Array<[Trigger, number]>) {
			bump(trigger, amount * finding.strength);
		}
	}

	return [...evidence.entries()]
		.map(([trigger, amount]) => ({trigger, confidence: Math.round((1 - Math.exp(-amount)) * 1000) / 1000}))
		.filter(entry => entry.confidence >= minConfidence)
		.sort((a, b) => b.confidence - a.confidence || a.trigger.localeCompare(b.trigger));
}

/**
 * functional = to a specialist who can fix it; hierarchical = to someone with authority to decide;
 * automatic = an SLA rule fires. Undefined when there is nothing to escalate.
 */
export function chooseEscalationPath(
	level: Level,
	findings: readonly Finding[],
	ranked: ReadonlyArray<{trigger: Trigger; confidence: number}>,
): EscalationPath | undefined {
	if (level === 'none') {
		return undefined;
	}

	// The paths the signals call for (their descriptors): one that goes first decides, then an SLA rule
	const paths = findings.flatMap(finding => signalDescriptor(finding.id)?.path ?? []);
	const first = paths.find(path => path.first);
	if (first) {
		return first.to;
	}

	if (paths.some(path => path.to === 'automatic')) {
		return 'automatic';
	}

	const top = ranked[0]?.trigger;
	if (paths.some(path => path.to === 'hierarchical') || top === 'rigid-policy' || top === 'frontline-response') {
		return 'hierarchical';
	}

	return 'functional';
}
