// The agent's own draft: phrasing known to escalate, each with advice, and where a safe rewrite exists
// a fix that keeps the sentence grammatical. Patterns use the phrase-pack syntax (phrase-packs/en.ts);
// contractions are written as the words people type ("you're", "we'll"), since the syntax puts a space
// between tokens.
import {compilePhrase} from './phrases.ts';
import type {SignalId} from './registry.ts';
import type {Detector, DetectorInput} from './signal.ts';
import type {Finding} from './types.ts';

export const draftSignals = [
	{
		id: 'draft.phrasing',
		label: 'draft phrasing that tends to escalate',
		weight: 0.15,
		reason: "the agent's draft contains phrasing known to escalate",
		triggers: {'frontline-response': 0.4},
		evidence: 'none',
	},
] as const satisfies Detector['signals'];

/**
 * How Apply rewrites a match.
 * - drop: the phrase adds nothing but blame or condescension; remove it with its commas and
 *   capitalise what then starts the sentence.
 * - swap: replace only the word(s) in `from` by `to` (same grammatical role, e.g. "but" by "and").
 * - sentence: offered only when the phrase (with fillers such as "please" or "sir") is the whole
 *   sentence; the sentence is replaced by `with`.
 */
export type DraftFixRule = {kind: 'drop'} | {kind: 'swap'; from: string; to: string} | {kind: 'sentence'; with: string};

/**
 * One way a rule matches. Plain data (the helpdesk page gets the rules from the background): regular
 * expressions are written as their source, case-insensitive and Unicode-aware.
 */
export type DraftPattern = {
	/** Phrase-pack syntax; or `regex` for what the syntax cannot say (a comma inside the phrase). */
	pattern?: string;
	regex?: string;
	/** The match counts only when the text right after it matches this (anchored at its start). */
	after?: string;
	/** The match does not count when the text right after it matches this. */
	notAfter?: string;
	/** The match does not count when the same sentence, before it, ends with this. */
	notBefore?: string;
	/** The match counts only when it is the whole sentence (with fillers). */
	wholeSentence?: boolean;
};

export type DraftRule = {
	id: string;
	patterns: ReadonlyArray<string | DraftPattern>;
	/** What to do instead, in one line the agent reads. */
	suggestion: string;
	fix?: DraftFixRule;
	/** Only on tickets with one of these signals (risky promises on legal, chargeback, cancellation tickets). */
	onlyWith?: readonly SignalId[];
};

/**
 * Replace `text.slice(start, end)` of the draft with `text` to apply the fix; `kind` says what it does,
 * `preview` is the sentence as it reads afterwards ('' when the whole sentence goes).
 */
export type DraftFix = {start: number; end: number; text: string; kind: DraftFixRule['kind']; preview: string};

export type DraftIssue = {start: number; end: number; phrase: string; ruleId: string; suggestion: string; fix?: DraftFix | undefined};

export type DraftContext = {
	/** Signal ids of the ticket's assessment; some rules apply only on some tickets. */
	signalIds?: readonly string[] | undefined;
};

// Words that can surround a phrase that is still, in effect, the whole sentence.
const fillers = /^(?:please|kindly|just|sir|madam|ma'am|now|ok|okay|so|and|then|really|simply|all|right|well|look|listen)$/i;
const participles = String.raw`^\s+(?:read|known|checked|contacted|called|told|asked|noticed|looked|waited|followed|used|done|sent|seen|chosen|taken|given|made|kept|paid|ordered|returned|cancell?ed|reported|updated|tried|clicked|selected|entered|saved|thought|realised|realized|understood|listened|double-checked|backed up|logged|registered|signed|opened|closed|filled|provided|mentioned|written)\b`;

// Built in a function marked pure: a bundle that takes the rules as data (a helpdesk page, from the
// background) leaves them out.
export const draftRules: readonly DraftRule[] = /* @__PURE__ */ builtInRules();

function builtInRules(): DraftRule[] {
	return [
		{
			id: 'nothing-i-can-do',
			patterns: [
				...[
					"{there is|there's|there isn't|there is not} nothing {more|else}? {i|we} can do",
					'nothing {more|else}? {i|we} can do',
					"{i|we} {can't|cannot|can not} do anything {more|else}?",
					'{my|our} hands are tied',
					'out of {my|our} hands',
				].map(pattern => ({
					pattern,
					notBefore: String.raw`\b(?:not saying|never said|doesn['’]t mean|does not mean|not that|isn['’]t that|is not that)\b[^.!?]*$`,
				})),
			],
			suggestion: 'Say what you can do: "Here is what I can do for you: …"',
		},
		{
			id: 'as-i-said',
			patterns: [
				'as {i|we} {already|previously}? {said|stated|mentioned|explained|wrote|noted|told you}',
				"as {i've|we've|i have|we have} {already|previously}? {said|stated|mentioned|explained|written|noted|told you}",
				'as {previously|already} {stated|mentioned|explained|said|noted}',
				'as stated {above|before|previously|earlier}',
				'like {i|we} {already}? {said|told you|mentioned}',
				'{i|we} {already|have already} {told|explained to} you {that}?',
				"{i've|we've} already {told|explained to} you {that}?",
				'{i|we} {told|explained to} you {already|before|twice} {that}?',
			],
			suggestion: 'Recap without pointing at the customer: state the facts again as if for the first time.',
			fix: {kind: 'drop'},
		},
		{
			id: 'per-my-last-email',
			patterns: [
				'{as per|per} my {last|previous|earlier|prior} {email|e-mail|mail|message|reply|response|note}',
				'as {mentioned|stated|explained|noted|outlined|said} in my {last|previous|earlier|prior} {email|e-mail|mail|message|reply|response}',
				'as {i|we} {said|mentioned|explained|wrote|noted} in my {last|previous|earlier|prior} {email|e-mail|mail|message|reply|response}',
				'{see|please see|refer to|please refer to} my {last|previous|earlier|prior} {email|e-mail|mail|message|reply|response}',
			],
			suggestion: 'Give the answer again in full; pointing back to an earlier email reads as "you did not read it".',
			fix: {kind: 'drop'},
		},
		{
			id: 'calm-down',
			patterns: [
				'calm down',
				'calm yourself',
				'{please|just} relax',
				{pattern: 'relax', wholeSentence: true},
				'no need to {shout|yell|be rude|get upset|raise your voice|use that tone}',
				'there is no need to be {rude|like that|so rude|aggressive}',
				'stop {shouting|yelling|using capitals|using caps|swearing}',
				'{please|kindly} stop {shouting|yelling|using capitals|using caps|swearing}',
				"{don't|do not} {shout|yell} at me",
				"{you're|you are} overreacting",
			],
			suggestion:
				'Acknowledge the feeling first: "I understand why this is frustrating, and I want to get it sorted." If the language is abusive, use the boundary reply.',
			fix: {kind: 'sentence', with: 'I understand why this is frustrating, and I want to get it sorted.'},
		},
		{
			id: 'per-policy',
			patterns: [
				'{per|as per|according to|due to} {our|company|the company|store|the}? policy',
				"{it's|it is|that's|that is|this is} {our|company|the company's|store|the}? policy",
				"{our|the|company} policy {states|says|is|does not allow|doesn't allow|won't allow|does not permit}",
				'rules are rules',
				'{those|these} are the rules',
				"{i'm|i am} just following {the|our}? {rules|policy|procedure|process}",
				"i {don't|do not} make the rules",
			],
			suggestion: 'Explain why the rule exists and what you can do instead: "The rule is there because …; what I can do is …"',
		},
		{
			id: 'you-should-have',
			patterns: [
				{pattern: "you {should have|should've|must have|ought to have}", after: participles},
				'you {failed|neglected|forgot} to',
				"you {didn't|did not} {read|check|follow|listen}",
				'if you had {read|checked|looked|followed|listened}',
				"{it's|it is|that's|that is|this is|it was|that was} your {fault|mistake|own fault}",
				'your own fault',
			],
			suggestion: 'Describe the situation, not the customer: "It looks like … Here is how we fix it."',
		},
		{
			id: 'not-my-job',
			patterns: [
				"{not|isn't} my {job|department|problem|responsibility|area|team}",
				'not {our|my} fault',
				"{we are|we're|i am|i'm} not responsible",
				'nothing to do with {us|me}',
				"{that's|that is|this is} {another|a different} department",
				"{you will|you'll} {need|have} to contact {another|the other|a different|someone else}",
			],
			suggestion: 'Own the handover: "I will pass this to our … team myself and stay on it until you have an answer."',
		},
		{
			id: 'we-will-try',
			patterns: [
				"{we will|we'll|they will|they'll|the team will|someone will} try",
				'{we|they} might be able to',
				'hopefully {someone|the team|they|we} {will|can}',
				"{i will|we will|i'll|we'll} see what {i|we} can do",
			],
			suggestion: 'Make it a promise you can keep: "I will … and update you by [a time you can keep]."',
		},
		{
			id: 'i-dont-know',
			patterns: [
				{
					pattern: "i {don't|do not} know",
					notAfter: String.raw`^\s*(?:yet\b|,?\s*but\b|if\b|whether\b|of\b|about\b|you\b|how much\b|how frustrating\b|exactly how\b)`,
				},
				'i have no idea',
				"{i'm|i am} not sure {what|why|how} {happened|went wrong|this happened|that happened}",
				'no idea {why|what|how}',
			],
			suggestion: 'Find out and commit: "Let me check that and come back to you by [a time you can keep]."',
			fix: {kind: 'sentence', with: 'Let me find out and come back to you.'},
		},
		{
			id: 'you-are-wrong',
			patterns: [
				"{you're|you are} {wrong|mistaken|confused|incorrect}",
				'you {misunderstood|misread|are misunderstanding|have misunderstood}',
				"you've misunderstood",
				"{that's|that is} not what i {said|wrote|meant}",
				"you {don't|do not|didn't|did not} understand",
			],
			suggestion: 'Take the misunderstanding on yourself: "I may not have explained that clearly. What I meant is …"',
			fix: {kind: 'sentence', with: 'I may not have explained that clearly.'},
		},
		{
			id: 'be-patient',
			patterns: [
				'be patient',
				'{please|kindly} be patient',
				"{you will|you'll} {have|need} to wait",
				'you {need|have|must} to wait',
				'you must wait',
				{pattern: 'just wait', notAfter: String.raw`^\s+(?:a|until|till|for|and|while)\b`},
			],
			suggestion: 'Thank them and give a time: "Thank you for bearing with us; I will update you by [a time you can keep]."',
			fix: {kind: 'sentence', with: 'Thank you for bearing with us.'},
		},
		{
			id: 'generic-apology',
			patterns: [
				'{sorry|apologi*} for any {inconvenience|trouble|confusion} {caused|this may have caused|this has caused}?',
				'{sorry|apologi*} for the inconvenience {caused}?',
				'sorry {you feel|if you feel|if you felt|that you feel|you felt} {that way|like that}?',
				"{i'm|i am|we're|we are} sorry {you feel|if you feel|if you felt|that you feel|you felt} {that way|like that}?",
			],
			suggestion: 'Apologise for the specific thing that went wrong, in your own words ("I\'m sorry your refund has taken two weeks").',
		},
		{
			id: 'impossible',
			patterns: [
				"{that's|that is|it's|it is} impossible",
				'no way {we|i} can',
				"{we|i} {can't|cannot|won't|will not} {do|make} {that|an exception|exceptions}",
				"the system {doesn't|does not|won't|will not} {let|allow}",
			],
			suggestion: 'Pair the no with a yes: "I can\'t do that, but what I can do is …"',
		},
		{
			id: 'blame-the-system',
			patterns: [
				'{our|the} {system|records|logs|tracking|data} {shows|show|says|say|indicates|indicate}',
				'according to {our|the} {system|records|logs|tracking}',
			],
			suggestion:
				'Start from what the customer sees: "I can see our tracking says delivered, and I understand the parcel has not reached you."',
		},
		{
			id: 'acknowledge-but',
			patterns: [
				{
					regex: String.raw`(?<![\p{L}\p{N}])(?:i|we)\s+(?:understand|hear|appreciate|get|see)(?:\s+(?:your frustration|how frustrating this is|how you feel|your concern|your point|that|you))?\s*,?\s+but(?![\p{L}\p{N}])`,
				},
			],
			suggestion: '"But" takes back the acknowledgement; use "and", or end the sentence there.',
			fix: {kind: 'swap', from: String.raw`\bbut$`, to: 'and'},
		},
		{
			id: 'nobody-else',
			patterns: [
				'{nobody|no one|no other customer|no other customers} {else}? {has|have} {had|reported|complained about|mentioned|seen}',
				"{you're|you are} the {only|first} {one|customer|person}",
				'{works|working} fine for {everyone|everybody|other customers|others|everyone else}',
				'you are not the only',
				'i have other customers',
			],
			suggestion: 'Keep it about this customer: "I\'m sorry this is happening to you; here is what I am doing about it."',
		},
		{
			id: 'condescending',
			patterns: [
				'obviously',
				'with all due respect',
				'to be fair',
				'needless to say',
				'as you should know',
				{pattern: 'clearly', after: String.raw`^\s*(?:,|you\b|this\b|that\b|it\b)`},
				{
					pattern: 'simply',
					after: String.raw`^\s+(?:click|go|open|log|sign|select|choose|enter|type|follow|read|restart|reinstall|press|tap|use|visit)\b`,
				},
				'you {have|need} to understand {that}?',
				'you must understand {that}?',
			],
			suggestion: 'Drop it; it reads as condescending.',
			fix: {kind: 'drop'},
		},
		{
			id: 'risky-promise',
			patterns: [
				'i guarantee',
				'guaranteed',
				'i promise',
				"{we will|we'll|i will|i'll} refund {you}? {in full|the full amount|everything|all of it}",
				"{you will|you'll} {get|receive} a full refund",
				'{this|that|it} {was|is} {our|my} {fault|mistake|error}',
				"{it's|that's} {our|my} {fault|mistake}",
				'we {admit|accept} {liability|responsibility|fault}',
				'we are liable',
				"{we will|we'll} compensate",
			],
			suggestion:
				'On a legal, chargeback or cancellation ticket, promise only what you will check and when you will reply; leave fault, refunds and compensation to the decision.',
			onlyWith: ['phrase.legal', 'phrase.payment-dispute', 'phrase.churn'],
		},
	];
}

type CompiledPattern = {
	regex: RegExp;
	after?: RegExp | undefined;
	notAfter?: RegExp | undefined;
	notBefore?: RegExp | undefined;
	wholeSentence?: boolean | undefined;
};
type CompiledRule = {rule: DraftRule; patterns: CompiledPattern[]; swapFrom?: RegExp | undefined};

const compiledRules = new WeakMap<readonly DraftRule[], CompiledRule[]>();
const optionalRegex = (source: string | undefined) => (source === undefined ? undefined : new RegExp(source, 'iu'));

/** The rules' patterns as regular expressions, compiled once per rule list. */
function compileRules(rules: readonly DraftRule[]): CompiledRule[] {
	let compiled = compiledRules.get(rules);
	if (!compiled) {
		compiled = rules.map(rule => ({
			rule,
			patterns: rule.patterns.map(entry => {
				const pattern: DraftPattern = typeof entry === 'string' ? {pattern: entry} : entry;
				return {
					regex: pattern.regex === undefined ? compilePhrase(pattern.pattern ?? '') : new RegExp(pattern.regex, 'giu'),
					after: optionalRegex(pattern.after),
					notAfter: optionalRegex(pattern.notAfter),
					notBefore: optionalRegex(pattern.notBefore),
					wholeSentence: pattern.wholeSentence,
				};
			}),
			swapFrom: rule.fix?.kind === 'swap' ? new RegExp(rule.fix.from, 'iu') : undefined,
		}));
		compiledRules.set(rules, compiled);
	}

	return compiled;
}

const closingPunctuation = /["'’”)\]]*/y;
const greetingPattern =
	/^(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Gg]ood (?:morning|afternoon|evening))(?:\s+(?:there|all|everyone|team|\p{Lu}[\p{L}'’-]*)){0,3}\s*,\s*/u;

/**
 * Where the sentence holding `at` starts: after . ! ? or a line break, or (unless `greeting` is false)
 * after a greeting on the same line ("Hi Dana, calm down." starts at "calm").
 */
export function sentenceStart(text: string, at: number, greeting = true): number {
	let start = 0;
	for (let index = at - 1; index >= 0; index--) {
		const char = text[index]!;
		if (char === '\n') {
			start = index + 1;
			break;
		}

		if ((char === '.' || char === '!' || char === '?') && /\s/.test(text[index + 1] ?? '')) {
			start = index + 1;
			break;
		}
	}

	while (start < at && /\s/.test(text[start]!)) {
		start++;
	}

	const opening = greeting ? greetingPattern.exec(text.slice(start, at)) : undefined;
	return opening ? start + opening[0].length : start;
}

/** Where the sentence holding `at` ends: just after its closing punctuation, or at the line break or end. */
function sentenceEnd(text: string, at: number): number {
	for (let index = at; index < text.length; index++) {
		const char = text[index]!;
		if (char === '\n') {
			return index;
		}

		if (char === '.' || char === '!' || char === '?') {
			let end = index + 1;
			while (end < text.length && /[.!?]/.test(text[end]!)) {
				end++;
			}

			closingPunctuation.lastIndex = end;
			closingPunctuation.exec(text);
			end = Math.max(end, closingPunctuation.lastIndex);
			if (end >= text.length || /\s/.test(text[end]!)) {
				return end;
			}
		}
	}

	return text.length;
}

/** True when the sentence around [start, end) holds nothing but the phrase, fillers and punctuation. */
function isWholeSentence(text: string, start: number, end: number): boolean {
	const from = sentenceStart(text, start);
	const to = sentenceEnd(text, end);
	const rest = `${text.slice(from, start)} ${text.slice(end, to)}`;
	return (rest.match(/[\p{L}'’]+/gu) ?? []).every(word => fillers.test(word));
}

/** Removes [start, end) and the commas that belonged to it, keeping the sentence well formed. */
export function dropFix(text: string, start: number, end: number): Pick<DraftFix, 'start' | 'end' | 'text'> {
	const sentenceFrom = sentenceStart(text, start);
	// After "Hi Dana, " the sentence goes on in lower case.
	const atStart = sentenceFrom === start && sentenceStart(text, start, false) === start;
	const before = text.slice(0, start);
	const after = text.slice(end);
	const commaBefore = /,\s*$/.exec(before.slice(sentenceFrom));
	const commaAfter = /^\s*,/.exec(after);
	let from = start;
	let to = end;
	if (commaBefore && commaAfter) {
		// "The refund, as I said, takes 10 days" -> "The refund takes 10 days"
		from = start - commaBefore[0].length;
		to = end + commaAfter[0].length;
	} else if (commaAfter) {
		// "As I said, the refund takes" -> "The refund takes"
		to = end + commaAfter[0].length + (/^\s*/.exec(after.slice(commaAfter[0].length))?.[0].length ?? 0);
	} else if (commaBefore && /^\s*(?:[.!?;:]|$)/.test(after)) {
		// "It takes 10 days, as I said." -> "It takes 10 days."
		from = start - commaBefore[0].length;
	} else if (/^\s*[.!?]/.test(after) && atStart) {
		// The phrase is the whole sentence ("Obviously."): the sentence goes.
		to = sentenceEnd(text, end);
		to += /^\s*/.exec(text.slice(to))?.[0].length ?? 0;
	} else if (/^\s+\S/.test(after)) {
		to = end + (/^\s+/.exec(after)?.[0].length ?? 0);
	} else {
		from = start - (/\s*$/.exec(before)?.[0].length ?? 0);
	}

	let replacement = '';
	// What now starts the sentence gets its capital letter.
	if (atStart && from === start) {
		const next = text[to];
		if (next && /\p{Ll}/u.test(next)) {
			replacement = next.toUpperCase();
			to++;
		}
	}

	return {start: from, end: to, text: replacement};
}

/** The sentence around `at` once the fix is in. */
function previewOf(text: string, fix: Pick<DraftFix, 'start' | 'end' | 'text'>): string {
	const fixed = `${text.slice(0, fix.start)}${fix.text}${text.slice(fix.end)}`;
	const at = Math.min(fix.start, Math.max(0, fixed.length - 1));
	const from = sentenceStart(fixed, at, false);
	return fixed.slice(from, Math.max(from, sentenceEnd(fixed, Math.max(at, from)))).trim();
}

function fixFor(compiled: CompiledRule, text: string, start: number, end: number): DraftFix | undefined {
	const {rule} = compiled;
	const fix = rule.fix ? rawFix(rule.fix, compiled.swapFrom, text, start, end) : undefined;
	return fix && rule.fix ? {...fix, kind: rule.fix.kind, preview: previewOf(text, fix)} : undefined;
}

function rawFix(
	fix: DraftFixRule,
	swapFrom: RegExp | undefined,
	text: string,
	start: number,
	end: number,
): Pick<DraftFix, 'start' | 'end' | 'text'> | undefined {
	if (fix.kind === 'drop') {
		return dropFix(text, start, end);
	}

	if (fix.kind === 'swap') {
		const phrase = text.slice(start, end);
		const match = swapFrom?.exec(phrase);
		if (!match) {
			return undefined;
		}

		const at = start + match.index;
		return {start: at, end: at + match[0].length, text: fix.to};
	}

	if (!isWholeSentence(text, start, end)) {
		return undefined;
	}

	const from = sentenceStart(text, start);
	const to = sentenceEnd(text, end);
	const afterGreeting = sentenceStart(text, start, false) !== from;
	// "Hi Dana, thank you for ..." but "Hi Dana, I understand ..."
	const replacement = afterGreeting && !/^I\b/.test(fix.with) ? fix.with.charAt(0).toLowerCase() + fix.with.slice(1) : fix.with;
	return {start: from, end: to, text: replacement};
}

/** Phrasing in the agent's draft that tends to escalate, in text order, with advice and (where safe) a fix. */
export function checkDraft(text: string, context: DraftContext = {}): DraftIssue[] {
	return checkDraftWith(text, draftRules, context);
}

/** checkDraft with the rules given (a helpdesk page gets them from the background). */
export function checkDraftWith(text: string, rules: readonly DraftRule[], context: DraftContext = {}): DraftIssue[] {
	if (typeof text !== 'string' || text.trim() === '') {
		return [];
	}

	const signals = new Set(context.signalIds ?? []);
	const candidates: Array<{start: number; end: number; compiled: CompiledRule}> = [];
	for (const compiled of compileRules(rules)) {
		const {rule, patterns} = compiled;
		if (rule.onlyWith && !rule.onlyWith.some(id => signals.has(id))) {
			continue;
		}

		for (const pattern of patterns) {
			const {regex} = pattern;
			regex.lastIndex = 0;
			for (let match = regex.exec(text); match; match = regex.exec(text)) {
				const start = match.index;
				const end = start + match[0].length;
				if (end === start) {
					regex.lastIndex++;
					continue;
				}

				const rest = text.slice(end, end + 80);
				const lead = text.slice(Math.max(sentenceStart(text, start), start - 80), start);
				const counts =
					(!pattern.after || pattern.after.test(rest)) &&
					!pattern.notAfter?.test(rest) &&
					!pattern.notBefore?.test(lead) &&
					(!pattern.wholeSentence || isWholeSentence(text, start, end));
				if (counts) {
					candidates.push({start, end, compiled});
				}
			}
		}
	}

	// Where phrases overlap, the longest wins ("as I said in my last email" over "as I said").
	const issues: DraftIssue[] = [];
	candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
	for (const {start, end, compiled} of candidates) {
		if (!issues.some(issue => start < issue.end && issue.start < end)) {
			issues.push({
				start,
				end,
				phrase: text.slice(start, end),
				ruleId: compiled.rule.id,
				suggestion: compiled.rule.suggestion,
				fix: fixFor(compiled, text, start, end),
			});
		}
	}

	return issues.sort((a, b) => a.start - b.start);
}

/** The draft with one fix applied. */
export function applyFix(text: string, fix: Pick<DraftFix, 'start' | 'end' | 'text'>): string {
	return `${text.slice(0, fix.start)}${fix.text}${text.slice(fix.end)}`;
}

export const detector = {
	signals: draftSignals,
	detect(_prepared: unknown, {ctx, draftRules}: DetectorInput): Finding[] {
		const issues = ctx.draft ? checkDraftWith(ctx.draft, draftRules) : [];
		if (issues.length === 0) {
			return [];
		}

		const phrases = issues
			.slice(0, 3)
			.map(issue => `'${issue.phrase}'`)
			.join(', ');
		return [
			{
				id: 'draft.phrasing',
				label: `your draft has phrasing that tends to escalate: ${phrases}`,
				strength: Math.min(1, 0.5 + 0.25 * (issues.length - 1)),
				evidence: [],
			},
		];
	},
} satisfies Detector;
