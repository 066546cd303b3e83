// assess(ticket, ctx): the early-warning engine's one entry point (design.md section 4).
// Pure and deterministic: "now" comes from ctx.now or, failing that, the latest message time.
import {resolveSettings, toMillis, type AssessContext} from './context.ts';
import type {Assessment, TicketSnapshot} from './model.ts';
import {levelFor, scoreRisk} from './risk.ts';
import {draftRules, type DraftRule} from './signals/draft.ts';
import {builtInPacks, phraseSignals, type PhraseFamily, type PhrasePack} from './signals/phrases.ts';
import {prepareTicket} from './signals/prepare.ts';
import {detectors, signalDescriptor} from './signals/registry.ts';
import type {DetectorInput} from './signals/signal.ts';
import type {Finding} from './signals/types.ts';
import {templateLibrary} from './templates/library.ts';
import {cues, type Cue} from './templates/cues.ts';
import {suggestReplies} from './templates/suggest.ts';
import {describedTemplate, type Template} from './templates/template.ts';
import {shippedToneLexicon} from './tone.ts';
import type {ToneLexicon} from './tone-scan.ts';
import {chooseEscalationPath, classifyTriggers, triggerCues, type TriggerCue} from './triggers.ts';

/**
 * A customer message at or below this tone counts as dissatisfied, as does any message with a
 * dissatisfaction phrase. Calibrated with `npm run eval` on the development split only: the highest
 * F1 on BANKING77 problem reports with precision >= 0.80 (ties within 0.005 go to the stricter
 * threshold): -0.1 gave P 0.88 R 0.58 there. It was -0.4, tuned on the team's own corpus.
 */
export const dissatisfiedTone = -0.1;
/** After a closing thank-you, earlier words weigh this much. */
const closedDamping = 0.25;
/** Phrase families that mark a message as dissatisfied whatever its tone. */
const dissatisfiedFamilies: ReadonlySet<PhraseFamily> = new Set(
	phraseSignals.filter(signal => signal.dissatisfied).map(signal => signal.family),
);

/**
 * What the engine draws on besides the ticket and its context. `assess` uses everything built in; the
 * helpdesk content script holds the English pack and gets the templates in use and other languages'
 * packs from the background when a ticket needs them, so a helpdesk page carries less.
 */
export type EngineData = {
	/** The built-in phrase packs at hand, by id. */
	packs: Readonly<Record<string, PhrasePack>>;
	/** The templates to suggest from. */
	templates: readonly Template[];
	/** The draft check's rules (signals/draft.ts); without them the draft is not checked. */
	draftRules?: readonly DraftRule[] | undefined;
	/** The situation cues the template ranking reads (templates/cues.ts). */
	cues?: readonly Cue[] | undefined;
	/** The words that point at each trigger (triggers.ts); without them triggers come from the signals alone. */
	triggerCues?: readonly TriggerCue[] | undefined;
	/** The tone lexicon (tone-scan.ts); an empty one reads every message as neutral. */
	tone: ToneLexicon;
};

function emptyTicket(ticket: unknown): TicketSnapshot {
	const record = typeof ticket === 'object' && ticket !== null ? (ticket as Partial<TicketSnapshot>) : {};
	return {
		...record,
		helpdesk: String(record.helpdesk ?? ''),
		ticketId: String(record.ticketId ?? ''),
		messages: Array.isArray(record.messages) ? record.messages : [],
	};
}

/** The engine with every built-in phrase pack, and the templates of `ctx` (built-in labels added) or the built-in library. */
export function assess(ticket: TicketSnapshot, ctx: AssessContext = {}): Assessment {
	return assessWith(ticket, ctx, {
		packs: builtInPacks,
		templates: ctx.templates?.map(describedTemplate) ?? templateLibrary,
		draftRules,
		cues,
		triggerCues,
		tone: shippedToneLexicon,
	});
}

/** The engine with the phrase packs and templates given (see EngineData). */
export function assessWith(ticket: TicketSnapshot, ctx: AssessContext, data: EngineData): Assessment {
	const snapshot = Array.isArray(ticket?.messages) ? ticket : emptyTicket(ticket);
	const settings = resolveSettings(ctx.settings);
	const prepared = prepareTicket(snapshot, toMillis(ctx.now), data.tone);
	const input: DetectorInput = {ctx, settings, packs: data.packs, draftRules: data.draftRules ?? [], families: new Map()};
	const findings: Finding[] = detectors.flatMap(detector => detector.detect(prepared, input));

	// "Thanks, that fixed it" as the customer's last word: what they said before is settled
	const lastCustomer = prepared.customer.at(-1);
	if (
		lastCustomer?.closing &&
		!prepared.messages.some(message => message.index > lastCustomer.index && message.role === 'agent' && !message.internal)
	) {
		for (const finding of findings) {
			if (
				signalDescriptor(finding.id)?.settledByThanks &&
				!finding.evidence.some(evidence => evidence.messageIndex === lastCustomer.index)
			) {
				finding.strength *= closedDamping;
			}
		}
	}

	const {score, signals} = scoreRisk(findings, settings.weightMultipliers);
	const level = levelFor(score, settings.thresholds);
	const triggers = level === 'none' ? [] : classifyTriggers(prepared, findings, data.triggerCues ?? []);
	const escalationPath = chooseEscalationPath(level, findings, triggers);

	const messages = prepared.messages.map(message => {
		const families = input.families.get(message.index);
		const isCustomer = message.role === 'customer' && !message.internal;
		const dissatisfied =
			isCustomer &&
			(message.tone <= dissatisfiedTone || (families !== undefined && [...families].some(family => dissatisfiedFamilies.has(family))));
		return {tone: message.tone, dissatisfied};
	});

	const suggestions = suggestReplies({
		snapshot,
		prepared,
		level,
		signals,
		triggers,
		escalationPath,
		templates: data.templates,
		agent: ctx.agent,
		values: ctx.values,
		inserted: ctx.inserted,
		cues: data.cues,
		max: settings.maxSuggestions,
	});

	const assessment: Assessment = {level, score, signals, triggers, messages, suggestions};
	if (escalationPath) {
		assessment.escalationPath = escalationPath;
	}

	return assessment;
}
