// Shared shapes for the detectors in this folder. assess() prepares each message once and every
// detector reads that, so quoted text and signatures are cut (and tone is scored) exactly once.
import type {Evidence, Role, TicketSnapshot} from '../model.ts';
import type {TextRange} from '../text.ts';
import type {SignalId} from './registry.ts';

export type PreparedMessage = {
	index: number;
	role: Role;
	internal: boolean;
	/** The original text (evidence offsets point here). */
	text: string;
	/** The author's own words: quotes, signatures and disclaimers removed. */
	kept: TextRange[];
	/** Epoch ms, or undefined when the message has no usable timestamp. */
	at: number | undefined;
	tone: number;
	/** A customer's closing thank-you (see text.ts isClosingMessage). */
	closing: boolean;
};

export type PreparedTicket = {
	ticket: TicketSnapshot;
	messages: PreparedMessage[];
	/** Public customer messages, oldest first. */
	customer: PreparedMessage[];
	now: number | undefined;
};

/** What a detector reports: assess() weighs it into a Signal. */
export type Finding = {
	/** A registered signal's id (registry.ts), e.g. 'phrase.manager'. */
	id: SignalId;
	label: string;
	/** 0..1: how strongly this instance shows the signal (recency, severity). */
	strength: number;
	evidence: Evidence[];
};
