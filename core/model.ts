// The contract between adapters, the engine, the store, the background and the dashboard.
// Everything here is plain JSON-compatible data: no DOM nodes, no class instances.

/**
 * Who wrote a message. `unknown`: the page did not say, and the adapter does not guess; such messages
 * count neither as the customer's nor as the agent's, and never feed customer-tone signals.
 */
export type Role = 'customer' | 'agent' | 'system' | 'unknown';

export type Message = {
	id?: string | undefined;
	role: Role;
	/** True for internal notes: visible to agents only, never part of the public conversation. */
	internal?: boolean | undefined;
	author?: string | undefined;
	text: string;
	/** ISO-8601 */
	at?: string | undefined;
};

export type Requester = {
	id?: string | undefined;
	name?: string | undefined;
	email?: string | undefined;
};

export type TicketSnapshot = {
	/** Adapter id: 'zendesk', 'freshdesk', ..., 'demo', 'custom'. */
	helpdesk: string;
	ticketId: string;
	/** The number the helpdesk shows people, where it differs from its internal id (osTicket, Zammad). */
	ticketNumber?: string | undefined;
	url?: string | undefined;
	subject?: string | undefined;
	status?: string | undefined;
	priority?: string | undefined;
	requester?: Requester | undefined;
	assignee?: string | undefined;
	group?: string | undefined;
	tags?: string[] | undefined;
	/** ISO-8601 */
	createdAt?: string | undefined;
	messages: Message[];
};

export type Level = 'none' | 'watch' | 'high' | 'critical';
export const levels: readonly Level[] = ['none', 'watch', 'high', 'critical'];

export type Trigger = 'poor-quality' | 'frontline-response' | 'long-wait' | 'miscommunication' | 'rigid-policy';
export const triggers: readonly Trigger[] = ['poor-quality', 'frontline-response', 'long-wait', 'miscommunication', 'rigid-policy'];

export type EscalationPath = 'functional' | 'hierarchical' | 'automatic';
export const escalationPaths: readonly EscalationPath[] = ['functional', 'hierarchical', 'automatic'];

/** A character range in `messages[messageIndex].text` that a person can check. */
export type Evidence = {
	messageIndex: number;
	start: number;
	end: number;
};

export type Signal = {
	/** Stable identifier, e.g. 'phrase.manager', 'wait.due', 'tone.trend' (signals/registry.ts; stored ones may be older). */
	id: string;
	/** One line a person reads: "asked for a manager: 'let me speak to your supervisor'". */
	label: string;
	/** This signal's contribution to the score. */
	weight: number;
	evidence: Evidence[];
};

/** A placeholder of a suggestion as the agent sees it: in words, with its value and where that came from. */
export type SuggestionField = {
	key: string;
	label: string;
	value: string;
	/** ticket: read from the ticket; settings: the agent's options; typed: entered by the agent; default: the template's fallback wording; empty: no value yet. */
	source: 'ticket' | 'settings' | 'typed' | 'default' | 'empty';
	required: boolean;
	hint?: string | undefined;
};

export type Suggestion = {
	templateId: string;
	text: string;
	/** Required placeholders that could not be filled; the agent must fill them before inserting. */
	missing: string[];
	title?: string | undefined;
	/** One line: why this template fits the ticket. */
	why?: string | undefined;
	fields?: SuggestionField[] | undefined;
};

export type Assessment = {
	level: Level;
	/** 0..1 */
	score: number;
	signals: Signal[];
	triggers: Array<{trigger: Trigger; confidence: number}>;
	escalationPath?: EscalationPath | undefined;
	/** One entry per input message, in order. */
	messages: Array<{tone: number; dissatisfied: boolean}>;
	suggestions: Suggestion[];
};

/** What the background stores each time a content script reads a ticket. */
export type Observation = {
	/** `${ticketKey}@${contentHash}`: the same content observed twice is one observation. */
	id: string;
	ticketKey: string;
	helpdesk: string;
	/** Hash of the snapshot's content (not of when it was seen). */
	contentHash: string;
	firstSeenAt: string;
	lastSeenAt: string;
	seenCount: number;
	messageCount: number;
	level?: Level | undefined;
	score?: number | undefined;
	signalIds?: string[] | undefined;
};

export type AdapterMissPart = 'url' | 'ticket' | 'messages' | 'role' | 'editor' | 'api' | 'exception';

export type DefuseEvent =
	| {type: 'adapter-miss'; helpdesk: string; url: string; part: AdapterMissPart; detail: string}
	| {type: 'flag-raised'; ticketKey: string; level: Level; signalIds: string[]}
	| {
			type: 'feedback';
			ticketKey: string;
			verdict: 'agree' | 'disagree';
			reason?: string | undefined;
			level?: Level | undefined;
			signalIds?: string[] | undefined;
	  }
	| {type: 'snooze'; ticketKey: string; until: string}
	| {
			type: 'escalated';
			ticketKey: string;
			escalation: EscalationPath;
			team?: string | undefined;
			source: 'agent' | 'group-change' | 'sla-rule';
	  }
	| {type: 'template-inserted'; ticketKey: string; templateId: string};

export type DefuseEventType = DefuseEvent['type'];

/** What an agent does from the overlay; stored as events. */
export type AgentAction = Extract<DefuseEvent, {type: 'feedback' | 'snooze' | 'escalated' | 'template-inserted'}>;

/** A ticket's identity across sessions: helpdesk, host (without port) and the helpdesk's own id. */
export function ticketKeyOf(snapshot: Pick<TicketSnapshot, 'helpdesk' | 'ticketId' | 'url'>): string {
	let host = '';
	if (snapshot.url) {
		try {
			host = new URL(snapshot.url).hostname;
		} catch {
			host = '';
		}
	}

	return `${snapshot.helpdesk}:${host}:${snapshot.ticketId}`;
}

/**
 * A helpdesk host as keys hold it: lower case, without scheme, path or port
 * ('https://Acme.Zendesk.com/' -> 'acme.zendesk.com'), so keys from the page, imports and snapshots match.
 */
export function normalizeHost(host: string): string {
	return host
		.trim()
		.replace(/^[a-z][a-z\d+.-]*:\/\//i, '')
		.replace(/[/?#].*$/, '')
		.replace(/:\d+$/, '')
		.toLowerCase();
}

/**
 * A ticket (or requester) key with its host normalised: `zendesk:https://Acme.Zendesk.com:12` and
 * `zendesk:acme.zendesk.com:12` are one key. A key without a host stays without one.
 */
export function normalizeKey(key: string): string {
	const helpdeskEnd = key.indexOf(':');
	if (helpdeskEnd < 0) {
		return key;
	}

	const rest = key.slice(helpdeskEnd + 1);
	const scheme = /^[a-z][a-z\d+.-]*:\/\//i.exec(rest)?.[0] ?? '';
	const afterScheme = rest.slice(scheme.length);
	const hostEnd = afterScheme.indexOf(':');
	if (hostEnd < 0) {
		return key;
	}

	const host = normalizeHost(afterScheme.slice(0, hostEnd));
	return `${key.slice(0, helpdeskEnd)}:${host}:${afterScheme.slice(hostEnd + 1)}`;
}

/** The requester's identity across tickets of one helpdesk: host and requester id (or email). */
export function requesterKeyOf(snapshot: Pick<TicketSnapshot, 'helpdesk' | 'url' | 'requester'>): string | undefined {
	const identity = snapshot.requester?.id ?? snapshot.requester?.email?.toLowerCase();
	if (!identity) {
		return undefined;
	}

	const [helpdesk, host] = ticketKeyOf({helpdesk: snapshot.helpdesk, ticketId: '', url: snapshot.url}).split(':');
	return `${helpdesk ?? ''}:${host ?? ''}:${identity}`;
}
