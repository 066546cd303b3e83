// The content session's state and its transitions: what the page showed, what Defuse made of it, and
// what the overlay shows. No extension APIs, no timers, no global document: session.tsx feeds it the
// events (a page reading, the helpdesk API's answer, the store's context, a checked draft, the clock,
// new settings, the agent's toggles and typing) and carries out what comes back (render, send, mark).
import {contentHashOf} from '../../core/hash.ts';
import type {Adapter, ListRow} from '../../core/helpdesks/adapter.ts';
import {assessWith} from '../../core/assess.ts';
import type {TabStatus, TicketContext} from '../../core/messages.ts';
import type {RequestOf} from '../../core/protocol.ts';
import {requesterKeyOf, ticketKeyOf, type AdapterMissPart, type TicketSnapshot} from '../../core/model.ts';
import {checkDraftWith, type DraftIssue} from '../../core/signals/draft.ts';
import {replyDeadline} from '../../core/sla-deadline.ts';
import {contextOf, slaOf} from '../../core/settings.ts';
import {knownValues, ticketLanguage} from '../../core/templates/suggest.ts';
import {isClosingMessage} from '../../core/text.ts';
import {threadFacts} from '../../core/thread.ts';
import {preferApi} from './api-readers.ts';
import {defaultDock, type Dock} from './layout.ts';
import type {ListMark, OverlayState, TicketView} from './overlay.tsx';
import type {PageData} from './page-setup.ts';
import {listRowMark} from './queue.ts';

export const timing = {
	// How long a ticket page may keep rendering before Defuse says it cannot read it.
	giveUpAfterMs: 8000,
	// Page changes come in bursts: read once they settle.
	debounceMs: 200,
	// Waiting time grows while nothing on the page changes: re-assess on this clock.
	clockMs: 60_000,
	// The draft is checked this long after the agent stops typing.
	draftDelayMs: 400,
};

export const maxDraftChars = 20_000;

type Helpdesk = Pick<Adapter, 'id' | 'name'>;

/** The reply box the agent last typed in, the text that was checked, and what was found in it. */
export type DraftCheck = {editor: HTMLElement; checked: string; issues: DraftIssue[]};

export type SessionState = PageData & {
	overlay?: OverlayState | undefined;
	/** The ticket as the page (or the API alone) last gave it, before the API's answer is merged in. */
	reading?: {snapshot: TicketSnapshot; fromApi: boolean} | undefined;
	/** What the popup is told about this tab. */
	status: TabStatus;
	pageUrl: string;
	/** When the page came to its address (the grace period for rendering starts there). */
	pageSince: number;
	/** The content hash of the ticket last sent to the store ('' = send the next one). */
	lastHash: string;
	/** The last problem reported (address and part), so each is reported once. */
	reportedMiss: string;
	expanded: boolean;
	dock: Dock;
	/** What the store knows about the open ticket (snooze, feedback, escalation, the requester's history). */
	context?: {ticketKey: string; value?: TicketContext | undefined} | undefined;
	draft?: DraftCheck | undefined;
	/** What the agent typed into placeholder fields, per ticket, for as long as the page lives. */
	typedByTicket: Map<string, Record<string, string>>;
	/** Templates inserted during this visit stay on offer (to replace or copy); earlier visits' are not suggested again. */
	insertedHere: Set<string>;
	/** The values the open ticket and the settings give its templates. */
	known: ReturnType<typeof knownValues>;
	/** The listed tickets last asked about ('' = ask again). */
	queueSignature: string;
	lastReadMs: number;
	/** The helpdesk API's answer for the ticket as the page shows it now (key: ticket id and message count). */
	api: {key: string; snapshot?: TicketSnapshot | undefined};
	/** When the page itself cannot be read: the API's answer alone, asked once per address. */
	apiOnly?: {href: string; snapshot?: TicketSnapshot | undefined} | undefined;
};

export function createState(helpdesk: Helpdesk, data: PageData): SessionState {
	return {
		settings: data.settings,
		engine: data.engine,
		status: {state: 'other-page', helpdesk: helpdesk.id, helpdeskName: helpdesk.name},
		pageUrl: '',
		pageSince: 0,
		lastHash: '',
		reportedMiss: '',
		expanded: false,
		dock: defaultDock,
		typedByTicket: new Map(),
		insertedHere: new Set(),
		known: {},
		queueSignature: '',
		lastReadMs: 0,
		api: {key: ''},
	};
}

/** The open ticket's key, when the overlay shows a ticket. */
export const openTicketKey = (state: SessionState): string | undefined =>
	state.overlay?.kind === 'ticket' ? ticketKeyOf(state.overlay.snapshot) : undefined;

/** The open ticket's signals (some draft rules apply only with them). */
export const signalIdsOf = (state: SessionState): string[] =>
	state.overlay?.kind === 'ticket' ? state.overlay.assessment.signals.map(signal => signal.id) : [];

/** The page came to an address: true when it is a new one (the grace period starts again, the next reading is stored). */
export function visit(state: SessionState, href: string, now: number): boolean {
	if (href === state.pageUrl) {
		return false;
	}

	state.pageUrl = href;
	state.pageSince = now;
	state.lastHash = '';
	return true;
}

/** Whether a problem is worth reporting: the same address and part are reported once in a row. */
export function firstMiss(state: SessionState, href: string, part: AdapterMissPart): boolean {
	const key = `${href}|${part}`;
	if (state.reportedMiss === key) {
		return false;
	}

	state.reportedMiss = key;
	return true;
}

export type Miss = {part: AdapterMissPart; detail: string};

/** What a ticket page's reading leads to: a ticket to assess, a view to show, or the end of the grace period. */
export type Step = Shown | {kind: 'give-up'};
export type Shown =
	| {kind: 'ticket'; snapshot: TicketSnapshot; fromApi: boolean; miss?: Miss | undefined}
	| {kind: 'show'; view: OverlayState; miss?: Miss | undefined};

function unreadable(state: SessionState, helpdesk: Helpdesk, missing: string[], detail: string, miss: Miss): Shown {
	state.status = {state: 'unreadable', helpdesk: helpdesk.id, helpdeskName: helpdesk.name, missing, detail};
	return {kind: 'show', view: {kind: 'unreadable', helpdeskName: helpdesk.name, missing, detail}, miss};
}

/** A ticket page was read: what the reader gave (a snapshot, nothing yet, or its error) at `now`. */
export function ticketRead(
	state: SessionState,
	helpdesk: Helpdesk,
	reading: {snapshot?: TicketSnapshot | undefined; error?: string | undefined},
	now: number,
): Step {
	if (reading.error !== undefined) {
		return unreadable(state, helpdesk, [], `The ${helpdesk.name} reader failed: ${reading.error}`, {
			part: 'exception',
			detail: reading.error,
		});
	}

	if (reading.snapshot) {
		return {kind: 'ticket', snapshot: reading.snapshot, fromApi: false};
	}

	if (now - state.pageSince < timing.giveUpAfterMs) {
		state.status = {state: 'waiting', helpdesk: helpdesk.id, helpdeskName: helpdesk.name};
		return {kind: 'show', view: {kind: 'waiting', helpdeskName: helpdesk.name}};
	}

	return {kind: 'give-up'};
}

/** The grace period is over and the page has no ticket: the API's answer alone when there is one, else unreadable. */
export function gaveUp(state: SessionState, helpdesk: Helpdesk, missing: string[], fromApi: TicketSnapshot | undefined): Shown {
	const part = missing.length > 0 ? 'ticket' : 'messages';
	if (fromApi) {
		state.api = {key: apiKeyOf(fromApi), snapshot: fromApi};
		return {
			kind: 'ticket',
			snapshot: fromApi,
			fromApi: true,
			miss: {part, detail: `Read from the ${helpdesk.name} API only: the page could not be read. ${missing.join(', ')}`.trim()},
		};
	}

	const detail =
		missing.length > 0
			? 'The page does not have the parts Defuse reads.'
			: 'The page has the expected parts, but no messages could be read from them.';
	return unreadable(state, helpdesk, missing, detail, {part, detail: `${detail} ${missing.join(', ')}`.trim()});
}

// Ask the API again when the page shows a different number of messages (a reply arrived).
export const apiKeyOf = (snapshot: TicketSnapshot): string =>
	`${snapshot.ticketId}:${snapshot.messages.filter(message => !message.internal).length}`;

/** The page's snapshot with the API's answer merged in, and the key to ask the API for when it has not been asked yet. */
export function mergeApi(state: SessionState, page: TicketSnapshot): {snapshot: TicketSnapshot; ask?: string | undefined} {
	const key = apiKeyOf(page);
	if (state.api.key !== key) {
		state.api = {key};
		return {snapshot: page, ask: key};
	}

	return {snapshot: preferApi(page, state.api.snapshot)};
}

/** The API answered for `key`: true when that is still the ticket shown (show it again). */
export function apiAnswered(state: SessionState, key: string, ticketId: string, snapshot: TicketSnapshot | undefined): boolean {
	if (state.api.key !== key) {
		return false;
	}

	state.api = {key, snapshot};
	return state.overlay?.kind === 'ticket' && state.overlay.snapshot.ticketId === ticketId;
}

/** Whether to ask the API for an address the page cannot show (once per address). */
export function askApiOnly(state: SessionState, href: string): boolean {
	if (state.apiOnly?.href === href) {
		return false;
	}

	state.apiOnly = {href};
	return true;
}

/** The API answered for a page that could not be read: true when the answer is usable (read the page again). */
export function apiOnlyAnswered(state: SessionState, href: string, snapshot: TicketSnapshot | undefined): boolean {
	if (state.apiOnly?.href !== href || !snapshot || snapshot.messages.length === 0) {
		return false;
	}

	state.apiOnly = {href, snapshot};
	return true;
}

/** The store's context for a ticket arrived: true when it is still the ticket shown (show it again). */
export function contextAnswered(state: SessionState, ticketKey: string, value: TicketContext | undefined): boolean {
	if (!value || state.context?.ticketKey !== ticketKey || state.overlay?.kind !== 'ticket') {
		return false;
	}

	state.context = {ticketKey, value};
	return true;
}

/** The store answered the observation of the ticket with this content hash: true when the overlay changed. */
export function storedAnswered(state: SessionState, hash: string, ok: boolean): boolean {
	if (state.overlay?.kind !== 'ticket' || state.lastHash !== hash) {
		return false;
	}

	state.overlay = {...state.overlay, stored: ok ? 'saved' : 'failed'};
	return true;
}

/** The draft was read from the reply box: checked against the rules the open ticket's signals pick. */
export function draftRead(state: SessionState, editor: HTMLElement, text: string): DraftCheck {
	const checked = text.slice(0, maxDraftChars);
	state.draft = {editor, checked, issues: checkDraftWith(checked, state.engine.draftRules ?? [], {signalIds: signalIdsOf(state)})};
	return state.draft;
}

/** The fix of `issue` in the draft as it reads now (the agent may have typed since the check), if it still applies. */
export function freshFix(
	state: SessionState,
	text: string,
	issue: DraftIssue,
): {checked: string; fix: NonNullable<DraftIssue['fix']>} | undefined {
	const checked = text.slice(0, maxDraftChars);
	const fix = checkDraftWith(checked, state.engine.draftRules ?? [], {signalIds: signalIdsOf(state)}).find(
		fresh => fresh.ruleId === issue.ruleId && fresh.phrase.toLowerCase() === issue.phrase.toLowerCase(),
	)?.fix;
	return fix ? {checked, fix} : undefined;
}

/** The agent typed a placeholder value: kept for the open ticket. False when no ticket is open. */
export function typeValue(state: SessionState, key: string, value: string): boolean {
	const ticketKey = openTicketKey(state);
	if (!ticketKey || state.overlay?.kind !== 'ticket') {
		return false;
	}

	const typed = {...state.typedByTicket.get(ticketKey), [key]: value};
	state.typedByTicket.set(ticketKey, typed);
	state.overlay = {...state.overlay, typed};
	return true;
}

/** New settings or packs: the verdict may change with them, so the next ticket reading is stored again. */
export function settingsChanged(state: SessionState, data: PageData): boolean {
	state.settings = data.settings;
	state.engine = data.engine;
	if (state.overlay?.kind !== 'ticket') {
		return false;
	}

	state.lastHash = '';
	return true;
}

/** What one ticket reading leads to: the view, and what to tell the store. */
export type TicketUpdate = {
	view: TicketView;
	/** The content hash of the snapshot (the store's answer is matched to it). */
	hash: string;
	/** The ticket changed since it was last stored: the observation to send. */
	observe?: RequestOf<'observe'> | undefined;
	/** A new ticket: ask the store for its context. */
	askContext?: RequestOf<'ticket-context'> | undefined;
	/** Messages the page does not say who wrote (reported as a miss). */
	unknown: number;
	assessMs: number;
};

function deadlineOf(state: SessionState, snapshot: TicketSnapshot, now: number) {
	const messages = snapshot.messages.map(message => ({
		role: message.role,
		internal: message.internal,
		atMs: message.at ? Date.parse(message.at) : undefined,
		closing: message.role === 'customer' && isClosingMessage(message.text),
	}));
	return replyDeadline({status: snapshot.status, priority: snapshot.priority, messages}, {nowMs: now, ...slaOf(state.settings)});
}

function observation(snapshot: TicketSnapshot, view: TicketView): NonNullable<TicketUpdate['observe']> {
	const {assessment, deadline} = view;
	const summary = {
		level: assessment.level,
		score: assessment.score,
		signalIds: assessment.signals.map(signal => signal.id),
		trigger: assessment.triggers[0]?.trigger,
	};
	const deadlineSummary = deadline && {
		metric: deadline.metric,
		targetMinutes: deadline.targetMinutes,
		since: new Date(deadline.sinceMs).toISOString(),
		breachAt: deadline.clock.breachAt === undefined ? undefined : new Date(deadline.clock.breachAt).toISOString(),
	};
	return {type: 'observe', snapshot, assessment: summary, deadline: deadlineSummary};
}

function assessmentOf(state: SessionState, snapshot: TicketSnapshot, now: number) {
	const {value} = state.context ?? {};
	const history = value?.history.map(earlier => ({
		ticketId: earlier.ticketId,
		createdAt: earlier.createdAt,
		subject: earlier.subject,
		status: earlier.status,
	}));
	const base = contextOf(state.settings);
	// The agent's own feedback tunes the signal weights on top of the team's settings.
	const tuned = {...base.settings, weightMultipliers: {...base.settings?.weightMultipliers, ...value?.weightMultipliers}};
	const inserted = (value?.insertedTemplates ?? []).filter(id => !state.insertedHere.has(id));
	return assessWith(snapshot, {...base, settings: tuned, now, history, draft: state.draft?.checked, inserted}, state.engine);
}

/** A ticket was read (from the page, the API merged in): assessed at `now`, with `clock` timing the assessment (and `beforeAssess`, which asks for the language packs it needs). */
export function ticketShown(
	state: SessionState,
	helpdesk: Helpdesk,
	snapshot: TicketSnapshot,
	{now, fromApi, clock, beforeAssess}: {now: number; fromApi: boolean; clock: () => number; beforeAssess?: () => void},
): TicketUpdate {
	const unknown = snapshot.messages.filter(message => message.role === 'unknown').length;
	const facts = threadFacts(snapshot);
	const hash = contentHashOf(snapshot);
	const changed = hash !== state.lastHash;
	state.lastHash = hash;
	const ticketKey = ticketKeyOf(snapshot);
	let askContext: TicketUpdate['askContext'];
	if (state.context?.ticketKey !== ticketKey) {
		state.context = {ticketKey};
		askContext = {type: 'ticket-context', ticketKey, requesterKey: requesterKeyOf(snapshot)};
	}

	const assessStarted = clock();
	beforeAssess?.();
	const assessment = assessmentOf(state, snapshot, now);
	if (state.draft) {
		// Some rules apply only on some tickets (risky promises on legal, chargeback, cancellation).
		state.draft.issues = checkDraftWith(state.draft.checked, state.engine.draftRules ?? [], {
			signalIds: assessment.signals.map(signal => signal.id),
		});
	}

	const assessMs = clock() - assessStarted;
	const deadline = deadlineOf(state, snapshot, now);
	const stored = changed ? 'pending' : state.overlay?.kind === 'ticket' ? state.overlay.stored : 'pending';
	state.status = {
		state: 'ticket',
		helpdesk: helpdesk.id,
		helpdeskName: helpdesk.name,
		ticketId: snapshot.ticketId,
		subject: snapshot.subject,
		customerMessages: facts.customerMessages,
		agentMessages: facts.agentMessages,
		internalNotes: facts.internalNotes,
		level: assessment.level,
		unknownMessages: unknown,
		fromApi,
	};
	const customerText = snapshot.messages
		.filter(message => message.role === 'customer' && !message.internal)
		.slice(-3)
		.map(message => message.text.slice(0, 2000))
		.join('\n');
	state.known = knownValues(snapshot, state.settings.agent, ticketLanguage(customerText));
	const draft = {issues: state.draft?.editor.isConnected ? state.draft.issues : [], marked: 'none' as const, boxes: []};
	const view: TicketView = {
		kind: 'ticket',
		helpdeskName: helpdesk.name,
		snapshot,
		facts,
		assessment,
		context: state.context.value,
		draft,
		typed: state.typedByTicket.get(ticketKey) ?? {},
		deadline,
		now,
		stored,
	};
	return {view, hash, observe: changed ? observation(snapshot, view) : undefined, askContext, unknown, assessMs};
}

/** The listed tickets to ask the store about: undefined when they are the ones asked about last. */
export function queueAsk(state: SessionState, keys: readonly string[]): string | undefined {
	const signature = keys.join(',');
	if (signature === state.queueSignature) {
		return undefined;
	}

	state.queueSignature = signature;
	return signature;
}

/** Tickets Defuse has read are marked from what it saw; the rest from what the list itself shows. */
export function queueMarks(
	rows: readonly ListRow[],
	keys: readonly string[],
	stored: ReadonlyArray<{ticketKey: string; level?: ListMark['level']; breachAt?: string | undefined}>,
	now: number,
	engine: PageData['engine'],
	hrefOf: (ticketId: string) => string | undefined,
): ListMark[] {
	const seen = new Map(stored.map(mark => [mark.ticketKey, mark]));
	return rows.flatMap((row, index) => {
		const known = seen.get(keys[index]!);
		const fromList = listRowMark(row, now, engine);
		const href = hrefOf(row.ticketId);
		if (known) {
			return [
				{
					ticketId: row.ticketId,
					subject: row.subject,
					level: known.level,
					breachAt: known.breachAt,
					reasons: fromList?.reasons ?? ['as Defuse last saw the ticket'],
					source: 'seen' as const,
					href,
				},
			];
		}

		return fromList ? [{...fromList, href}] : [];
	});
}
