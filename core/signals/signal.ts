// What a signal declares about itself, beside the detector that finds it. The registry
// (registry.ts) lists every detector; risk, triggers, escalation paths, template reasons, settings,
// the options page and the docs read the descriptors from there, never a list of their own.
import type {AssessContext, AssessSettings} from '../context.ts';
import type {Trigger} from '../model.ts';
import type {DraftRule} from './draft.ts';
import type {PhraseFamily, PhrasePack} from './phrases.ts';
import type {Finding, PreparedTicket} from './types.ts';

/**
 * What a finding's evidence marks in the thread.
 * - words: the customer's own words that matched (a spike's theme named only in the subject has none)
 * - messages: whole customer messages (their tone, or the one left waiting)
 * - events: the helpdesk's status lines (reopened, reassigned)
 * - none: a fact about the ticket or the draft, with nothing to highlight
 */
export type EvidenceKind = 'words' | 'messages' | 'events' | 'none';

export const evidenceKinds: readonly EvidenceKind[] = ['words', 'messages', 'events', 'none'];

export type SignalDescriptor<Id extends string = string> = {
	/** Stable id, `<detector>.<name>`: stored with flags and feedback, so never renamed lightly. */
	readonly id: Id;
	/** A few words for it, in a suggestion's reason and on the options page ('legal threat'). */
	readonly label: string;
	/** The share of the risk score one full-strength finding gives on its own, 0..1 (risk.ts). */
	readonly weight: number;
	/** Why the weight is what it is. */
	readonly reason: string;
	/** How much a full-strength finding points at each trigger (triggers.ts); empty: at none. */
	readonly triggers: Readonly<Partial<Record<Trigger, number>>>;
	readonly evidence: EvidenceKind;
	/**
	 * The escalation path it calls for: 'hierarchical' (someone with authority) or 'automatic' (an SLA
	 * rule). `first`: it decides the path even when another signal calls for a different one.
	 */
	readonly path?: {readonly to: 'hierarchical' | 'automatic'; readonly first?: boolean} | undefined;
	/** Damped when the customer's last word is a closing thank-you (what they said before is settled). */
	readonly settledByThanks?: boolean | undefined;
};

/** A phrase family's signal: `phrase.<family>`. */
export type PhraseSignalDescriptor<Family extends string = string> = SignalDescriptor<`phrase.${Family}`> & {
	readonly family: Family;
	/** What the customer did, as the overlay says it before their words ('legal or regulatory threat'). */
	readonly says: string;
	/** A message with these words counts as dissatisfied whatever its tone. */
	readonly dissatisfied: boolean;
};

/** What a detector may read besides the ticket; assess() builds it once per assessment. */
export type DetectorInput = {
	ctx: AssessContext;
	settings: AssessSettings;
	/** The built-in phrase packs at hand, by id (a helpdesk page holds only some). */
	packs: Readonly<Record<string, PhrasePack>>;
	/** The draft check's rules; without them the draft is not checked. */
	draftRules: readonly DraftRule[];
	/** Filled by the phrase detector: the families found in each customer message, by message index. */
	families: Map<number, Set<PhraseFamily>>;
};

/** One detector module: the signals it may report, and how it finds them. */
export type Detector = {
	readonly signals: readonly SignalDescriptor[];
	detect(prepared: PreparedTicket, input: DetectorInput): Finding[];
};
