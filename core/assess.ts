// assess(ticket, ctx): the early-warning engine's one entry point (design.md section 4).
// Pure and deterministic: "now" comes from ctx.now or, failing that, the latest message time.
import {resolveSettings, toMillis, type AssessContext, type AssessSettings} from './context.ts';
import type {Assessment, TicketSnapshot} from './model.ts';
import {levelFor, scoreRisk} from './risk.ts';
import {pausesFromStatusChanges, type PauseInterval} from './sla.ts';
import {checkDraftWith, draftRules, type DraftRule} from './signals/draft.ts';
import {detectHistory} from './signals/history.ts';
import {builtInPackIds, builtInPacks, detectLanguages, detectPhrases, type PhraseFamily, type PhrasePack} from './signals/phrases.ts';
import {prepareTicket} from './signals/prepare.ts';
import {detectShape} from './signals/shape.ts';
import {detectSpikes} from './signals/spikes.ts';
import {detectToneTrend} from './signals/tone-trend.ts';
import type {Finding, PreparedTicket} from './signals/types.ts';
import {detectWaiting} from './signals/waiting.ts';
import {templateLibrary} from './templates/library.ts';
import {cues, type Cue} from './templates/cues.ts';
import {suggestReplies} from './templates/suggest.ts';
import {describedTemplate, type Template} from './templates/template.ts';
import {shippedToneLexicon} from './tone.ts';
import type {ToneLexicon} from './tone-scan.ts';
import {chooseEscalationPath, classifyTriggers} from './triggers.ts';

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
const dissatisfiedFamilies: ReadonlySet<PhraseFamily> = new Set(['manager', 'legal', 'churn', 'public', 'insult', 'repeat', 'misread', 'payment-dispute', 'billing', 'non-delivery', 'faulty', 'not-working', 'outage', 'broken-promise', 'waiting']);

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
	/** The tone lexicon (tone-scan.ts); an empty one reads every message as neutral. */
	tone: ToneLexicon;
};

const mergedPacks = new WeakMap<EngineData['packs'], WeakMap<readonly PhrasePack[], Map<string, PhrasePack>>>();

/** Built-in packs with user packs merged in: a user pack with a built-in id adds phrases to it. */
function allPacks(builtIn: EngineData['packs'], extra: readonly PhrasePack[]): Map<string, PhrasePack> {
	const forBuiltIn = mergedPacks.get(builtIn) ?? new WeakMap<readonly PhrasePack[], Map<string, PhrasePack>>();
	mergedPacks.set(builtIn, forBuiltIn);
	const cached = forBuiltIn.get(extra);
	if (cached) {
		return cached;
	}

	const packs = new Map<string, PhrasePack>(Object.entries(builtIn));
	for (const pack of extra) {
		const base = packs.get(pack.id);
		if (base) {
			const families: PhrasePack['families'] = {...base.families};
			for (const [family, patterns] of Object.entries(pack.families) as Array<[PhraseFamily, string[]]>) {
				families[family] = [...(families[family] ?? []), ...patterns];
			}

			packs.set(pack.id, {...base, negators: [...base.negators, ...pack.negators], families});
		} else {
			packs.set(pack.id, pack);
		}
	}

	forBuiltIn.set(extra, packs);
	return packs;
}

function activePacks(prepared: PreparedTicket, settings: AssessSettings, builtIn: EngineData['packs']): PhrasePack[] {
	const packs = allPacks(builtIn, settings.extraPhrasePacks);
	const userIds = new Set(settings.extraPhrasePacks.map(pack => pack.id));
	let languages: Set<string>;
	if (settings.languages === 'auto') {
		let sample = '';
		for (const message of prepared.customer) {
			const range = message.kept[0];
			if (range) {
				sample += `${message.text.slice(range.start, Math.min(range.end, range.start + 1000))}\n`;
			}

			if (sample.length > 3000) {
				break;
			}
		}

		languages = new Set(['en', ...detectLanguages(sample)]);
	} else {
		languages = new Set(settings.languages);
	}

	return [...packs.values()].filter(pack => !settings.disabledPhrasePacks.includes(pack.id) && (languages.has(pack.language) || (userIds.has(pack.id) && !builtInPackIds.has(pack.id))));
}

function pausesOf(ctx: AssessContext): PauseInterval[] {
	const pauses: PauseInterval[] = [];
	for (const pause of ctx.pauses ?? []) {
		const start = toMillis(pause.start);
		const end = pause.end === undefined ? Number.POSITIVE_INFINITY : toMillis(pause.end);
		if (start !== undefined && end !== undefined) {
			pauses.push({start, end});
		}
	}

	const changes = (ctx.statusChanges ?? []).flatMap(change => {
		const at = toMillis(change.at);
		return at === undefined ? [] : [{at, status: change.status}];
	});
	return [...pauses, ...pausesFromStatusChanges(changes)];
}

function draftFinding(draft: string | undefined, rules: readonly DraftRule[]): Finding[] {
	const issues = draft ? checkDraftWith(draft, rules) : [];
	if (issues.length === 0) {
		return [];
	}

	const phrases = issues.slice(0, 3).map(issue => `'${issue.phrase}'`).join(', ');
	return [{id: 'draft.phrasing', label: `your draft has phrasing that tends to escalate: ${phrases}`, strength: Math.min(1, 0.5 + (0.25 * (issues.length - 1))), evidence: []}];
}

function emptyTicket(ticket: unknown): TicketSnapshot {
	const record = typeof ticket === 'object' && ticket !== null ? ticket as Partial<TicketSnapshot> : {};
	return {...record, helpdesk: String(record.helpdesk ?? ''), ticketId: String(record.ticketId ?? ''), messages: Array.isArray(record.messages) ? record.messages : []};
}

/** The engine with every built-in phrase pack, and the templates of `ctx` (built-in labels added) or the built-in library. */
export function assess(ticket: TicketSnapshot, ctx: AssessContext = {}): Assessment {
	return assessWith(ticket, ctx, {packs: builtInPacks, templates: ctx.templates?.map(describedTemplate) ?? templateLibrary, draftRules, cues, tone: shippedToneLexicon});
}

/** The engine with the phrase packs and templates given (see EngineData). */
export function assessWith(ticket: TicketSnapshot, ctx: AssessContext, data: EngineData): Assessment {
	const snapshot = Array.isArray(ticket?.messages) ? ticket : emptyTicket(ticket);
	const settings = resolveSettings(ctx.settings);
	const prepared = prepareTicket(snapshot, toMillis(ctx.now), data.tone);
	const perMessage = new Map<number, Set<PhraseFamily>>();
	const findings: Finding[] = [
		...detectPhrases(prepared, {packs: activePacks(prepared, settings, data.packs), disabled: new Set(settings.disabledPhraseFamilies)}, perMessage),
		...detectToneTrend(prepared),
		...detectWaiting(prepared, {policy: ctx.sla?.policy, calendar: ctx.sla?.calendar, pauses: pausesOf(ctx)}),
		...detectShape(prepared, ctx.shape ?? {}),
		...detectHistory(prepared, ctx.history, settings.historyWindowDays),
		...detectSpikes(prepared, ctx.themes, settings.spikeThreshold),
		...draftFinding(ctx.draft, data.draftRules ?? []),
	];

	// "Thanks, that fixed it" as the customer's last word: what they said before is settled
	const lastCustomer = prepared.customer.at(-1);
	if (lastCustomer?.closing && !prepared.messages.some(message => message.index > lastCustomer.index && message.role === 'agent' && !message.internal)) {
		for (const finding of findings) {
			if (/^(?:phrase|tone|shape)\./.test(finding.id) && !finding.evidence.some(evidence => evidence.messageIndex === lastCustomer.index)) {
				finding.strength *= closedDamping;
			}
		}
	}

	const {score, signals} = scoreRisk(findings, settings.weightMultipliers);
	const level = levelFor(score, settings.thresholds);
	const triggers = level === 'none' ? [] : classifyTriggers(prepared, findings);
	const escalationPath = chooseEscalationPath(level, findings, triggers);

	const messages = prepared.messages.map(message => {
		const families = perMessage.get(message.index);
		const isCustomer = message.role === 'customer' && !message.internal;
		const dissatisfied = isCustomer && (message.tone <= dissatisfiedTone || (families !== undefined && [...families].some(family => dissatisfiedFamilies.has(family))));
		return {tone: message.tone, dissatisfied};
	});

	const suggestions = suggestReplies({
		snapshot, prepared, level, signals, triggers, escalationPath,
		templates: data.templates,
		agent: ctx.agent, values: ctx.values, inserted: ctx.inserted, cues: data.cues,
		max: settings.maxSuggestions,
	});

	const assessment: Assessment = {level, score, signals, triggers, messages, suggestions};
	if (escalationPath) {
		assessment.escalationPath = escalationPath;
	}

	return assessment;
}
