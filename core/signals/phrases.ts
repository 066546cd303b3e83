// Escalation phrases (manager requests, legal threats, churn, repeat contact, ...), negation-aware.
// Phrase packs are plain JSON-compatible data, one per language, so users can add or disable them.
// Patterns use a small safe syntax (see phrase-packs/en.ts) compiled to bounded regular expressions:
// users never write raw regex, so an edited pack cannot hang the page.
import type {AssessSettings} from '../context.ts';
import type {Evidence} from '../model.ts';
import {textCache} from '../text-cache.ts';
import type {TextRange} from '../text.ts';
import {de} from './phrase-packs/de.ts';
import {en} from './phrase-packs/en.ts';
import {es} from './phrase-packs/es.ts';
import {fr} from './phrase-packs/fr.ts';
import {pt} from './phrase-packs/pt.ts';
import type {Detector, DetectorInput, PhraseSignalDescriptor} from './signal.ts';
import type {Finding, PreparedTicket} from './types.ts';

/** A phrase family's signal, `phrase.<family>`: its evidence is the customer's words, settled by a closing thank-you. */
function phrase<const Family extends string>(
	family: Family,
	says: string,
	descriptor: Omit<PhraseSignalDescriptor<Family>, 'id' | 'family' | 'says' | 'evidence' | 'settledByThanks' | 'dissatisfied'> & {
		dissatisfied?: false;
	},
): PhraseSignalDescriptor<Family> {
	return {id: `phrase.${family}`, family, says, evidence: 'words', settledByThanks: true, dissatisfied: true, ...descriptor};
}

/** The phrase families, in the order packs are compiled and findings reported. */
export const phraseSignals = [
	phrase('manager', 'asked for a manager or escalation', {
		label: 'asked for a manager',
		weight: 0.6,
		reason: 'an explicit request to escalate',
		triggers: {'frontline-response': 0.3},
		path: {to: 'hierarchical', first: true},
	}),
	phrase('legal', 'legal or regulatory threat', {
		label: 'legal threat',
		weight: 0.65,
		reason: 'lawyer / court / regulator: escalates almost by definition',
		triggers: {},
		path: {to: 'hierarchical', first: true},
	}),
	phrase('churn', 'talks about cancelling or leaving', {
		label: 'talks about cancelling',
		weight: 0.5,
		reason: 'cancelling or leaving: a save attempt needs authority',
		triggers: {},
		path: {to: 'hierarchical'},
	}),
	phrase('repeat', 'says this is a repeat contact', {
		label: 'says this is a repeat contact',
		weight: 0.35,
		reason: '"third time", "still not fixed": the fix is not landing',
		triggers: {'poor-quality': 0.3, 'long-wait': 0.3, 'frontline-response': 0.2},
	}),
	phrase('public', 'threatens a public review or social media', {
		label: 'public review threat',
		weight: 0.45,
		reason: 'review / social media threat',
		triggers: {},
		path: {to: 'hierarchical'},
	}),
	phrase('urgency', 'stresses urgency', {
		label: 'asks for an update',
		weight: 0.1,
		reason: 'common in calm messages too; a weak nudge',
		triggers: {},
		dissatisfied: false,
	}),
	phrase('insult', 'insult or profanity', {
		label: 'insults',
		weight: 0.35,
		reason: 'insults and profanity: anger, often aimed at the agent',
		triggers: {'frontline-response': 0.3},
	}),
	phrase('misread', 'says the reply missed what they asked', {
		label: 'says we missed the question',
		weight: 0.35,
		reason: '"that is not what I asked": the last reply missed the point',
		triggers: {miscommunication: 1},
	}),
	// Expectation mismatches: complaints that need no hostile word ("my parcel still hasn't arrived")
	phrase('payment-dispute', 'talks about a chargeback or bank dispute', {
		label: 'payment dispute',
		weight: 0.5,
		reason: 'chargeback / bank dispute: money is being clawed back',
		triggers: {'poor-quality': 0.4, 'long-wait': 0.3},
		path: {to: 'hierarchical'},
	}),
	phrase('billing', 'says they were charged wrongly or a refund is missing', {
		label: 'billing problem',
		weight: 0.25,
		reason: 'charged wrongly or refund missing: money, but routine to fix',
		triggers: {'poor-quality': 0.8},
	}),
	phrase('non-delivery', 'says an order or item has not arrived', {
		label: 'order not delivered',
		weight: 0.25,
		reason: 'order not arrived: common, usually calm at first',
		triggers: {'long-wait': 0.7, 'poor-quality': 0.3},
	}),
	phrase('faulty', 'says an item arrived faulty or damaged', {
		label: 'faulty item',
		weight: 0.25,
		reason: 'damaged or faulty item: a complaint, mostly resolvable',
		triggers: {'poor-quality': 1},
	}),
	phrase('not-working', 'says something does not work', {
		label: 'not working',
		weight: 0.2,
		reason: '"won\'t let me log in": the most common problem report',
		triggers: {'poor-quality': 0.8},
	}),
	phrase('outage', 'reports an outage', {
		label: 'outage',
		weight: 0.3,
		reason: "service down: the customer's own business may be stopped",
		triggers: {'poor-quality': 1.2},
	}),
	phrase('broken-promise', 'says a promise was not kept', {
		label: 'a promise was broken',
		weight: 0.3,
		reason: '"I was told...": trust already lost once',
		triggers: {miscommunication: 0.5, 'frontline-response': 0.4},
	}),
	phrase('waiting', 'says they are still waiting for an answer', {
		label: 'still waiting for an answer',
		weight: 0.25,
		reason: '"still no answer": the customer is chasing us',
		triggers: {'long-wait': 1},
	}),
];

export type PhraseFamily = (typeof phraseSignals)[number]['family'];
export const phraseFamilies: readonly PhraseFamily[] = phraseSignals.map(signal => signal.family);

export function isPhraseFamily(name: string): name is PhraseFamily {
	return (phraseFamilies as readonly string[]).includes(name);
}

export type PhrasePack = {
	/** Unique id; a user pack with a built-in id adds to that pack. */
	id: string;
	/** BCP 47 primary tag: 'en', 'es', ... */
	language: string;
	/** Words or short phrases that cancel a match when they come just before it in the same clause. */
	negators: string[];
	/** Words that open a condition: "if this is not fixed I will cancel" is still a threat. */
	conditionals?: string[] | undefined;
	families: Partial<Record<PhraseFamily, string[]>>;
};

export const builtInPacks: Readonly<Record<string, PhrasePack>> = {en, es, de, fr, pt};
/** The ids of the built-in packs, for code that does not carry the packs themselves. */
export const builtInPackIds: ReadonlySet<string> = new Set(['en', 'es', 'de', 'fr', 'pt']);

export type PhraseMatch = {family: PhraseFamily; start: number; end: number; negated: boolean; pack: string};

type CompiledPattern = {family: PhraseFamily; regex: RegExp};

type CompiledPack = {
	id: string;
	patterns: CompiledPattern[];
	exact: Map<string, number[]>;
	/** Prefix anchors by their first two characters: [stem, pattern indexes]. */
	prefixes: Map<string, Array<[string, number[]]>>;
	always: number[];
	negators: Set<string>;
	negatorPairs: Set<string>;
	conditionals: Set<string>;
};

const negationWords = /[\p{L}\p{N}']+/gu;
const regexSpecial = /[.*+?^${}()|[\]\\]/g;
const maxGapWords = 3;

function splitTopLevel(pattern: string, separator: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (let i = 0; i < pattern.length; i++) {
		const char = pattern[i]!;
		if (char === '\\' && i + 1 < pattern.length) {
			current += char + pattern[i + 1]!;
			i++;
			continue;
		}

		if (char === '{') {
			depth++;
		} else if (char === '}') {
			depth = Math.max(0, depth - 1);
		}

		if (char === separator && depth === 0) {
			parts.push(current);
			current = '';
		} else {
			current += char;
		}
	}

	parts.push(current);
	return parts.filter(part => part !== '');
}

function compileWord(word: string): string {
	let prefix = false;
	if (word.endsWith('*') && !word.endsWith('\\*')) {
		prefix = true;
		word = word.slice(0, -1);
	}

	let source = '';
	for (let i = 0; i < word.length; i++) {
		let char = word[i]!;
		if (char === '\\' && i + 1 < word.length) {
			i++;
			char = word[i]!;
		}

		source += char === "'" || char === '’' ? "['’]" : char.replace(regexSpecial, String.raw`\$&`);
	}

	return prefix ? `${source}[\\p{L}\\p{N}'’]*` : source;
}

function compileSequence(sequence: string): string {
	const tokens = splitTopLevel(sequence.trim(), ' ');
	let source = '';
	let pendingSpace = false;
	for (const raw of tokens) {
		if (raw === '*') {
			if (source !== '') {
				source += String.raw`(?:\s+[^\s.!?;]+){0,${maxGapWords}}`;
			}

			continue;
		}

		const optional = raw.endsWith('?') && !raw.endsWith('\\?') && raw.length > 1;
		const token = optional ? raw.slice(0, -1) : raw;
		const body =
			token.startsWith('{') && token.endsWith('}')
				? `(?:${splitTopLevel(token.slice(1, -1), '|')
						.map(alternative => compileSequence(alternative))
						.join('|')})`
				: compileWord(token);
		const space = pendingSpace ? String.raw`\s+` : '';
		source += optional ? `(?:${space}${body})?` : space + body;
		pendingSpace = true;
	}

	return source;
}

function wordAnchor(raw: string): string | undefined {
	const word = raw.replaceAll('\\', '').replaceAll('’', "'").toLowerCase();
	const match = /^[\p{L}\p{N}'*]+/u.exec(word);
	return match?.[0];
}

function firstAnchors(pattern: string): string[] | undefined {
	const tokens = splitTopLevel(pattern.trim(), ' ');
	for (const raw of tokens) {
		if (raw === '*' || (raw.endsWith('?') && !raw.endsWith('\\?'))) {
			continue;
		}

		if (raw.startsWith('{') && raw.endsWith('}')) {
			const anchors: string[] = [];
			for (const alternative of splitTopLevel(raw.slice(1, -1), '|')) {
				const inner = firstAnchors(alternative);
				if (!inner) {
					return undefined;
				}

				anchors.push(...inner);
			}

			return anchors;
		}

		const isPrefix = raw.endsWith('*') && !raw.endsWith('\\*');
		const anchor = wordAnchor(isPrefix ? raw.slice(0, -1) : raw);
		if (!anchor) {
			return undefined;
		}

		// A prefix anchor, or a word with inner punctuation ("1-star"), is matched by its start
		return [isPrefix || anchor.length < raw.replaceAll('\\', '').length ? `${anchor}*` : anchor];
	}

	return undefined;
}

/** A case-insensitive, word-bounded regex for one pattern in phrase-pack syntax. */
export function compilePhrase(pattern: string): RegExp {
	return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${compileSequence(pattern)})(?![\p{L}\p{N}])`, 'giu');
}

const compiledPacks = new WeakMap<PhrasePack, CompiledPack>();

export function compilePack(pack: PhrasePack): CompiledPack {
	const cached = compiledPacks.get(pack);
	if (cached) {
		return cached;
	}

	const compiled: CompiledPack = {
		id: pack.id,
		patterns: [],
		exact: new Map(),
		prefixes: new Map(),
		always: [],
		negators: new Set(),
		negatorPairs: new Set(),
		conditionals: new Set((pack.conditionals ?? []).map(word => word.toLowerCase())),
	};
	for (const negator of pack.negators) {
		const words = negator.toLowerCase().replaceAll('’', "'").trim().split(/\s+/);
		if (words.length === 1) {
			compiled.negators.add(words[0]!);
		} else if (words.length === 2) {
			compiled.negatorPairs.add(words.join(' '));
		}
	}

	for (const family of phraseFamilies) {
		for (const pattern of pack.families[family] ?? []) {
			if (typeof pattern !== 'string' || pattern.trim() === '') {
				continue;
			}

			const index = compiled.patterns.length;
			compiled.patterns.push({family, regex: compilePhrase(pattern)});
			const anchors = firstAnchors(pattern);
			if (!anchors || anchors.length === 0) {
				compiled.always.push(index);
				continue;
			}

			for (const anchor of anchors) {
				if (anchor.endsWith('*')) {
					const stem = anchor.slice(0, -1);
					const key = stem.slice(0, 2);
					const list = compiled.prefixes.get(key) ?? [];
					const entry = list.find(([other]) => other === stem);
					if (entry) {
						entry[1].push(index);
					} else {
						list.push([stem, [index]]);
					}

					compiled.prefixes.set(key, list);
				} else {
					compiled.exact.set(anchor, [...(compiled.exact.get(anchor) ?? []), index]);
				}
			}
		}
	}

	compiledPacks.set(pack, compiled);
	return compiled;
}

function isNegated(pack: CompiledPack, lower: string, segmentStart: number, at: number): boolean {
	let from = Math.max(segmentStart, at - 60);
	for (let i = at - 1; i >= from; i--) {
		const char = lower[i]!;
		if (char === '.' || char === '!' || char === '?' || char === ';' || char === ',' || char === ':' || char === '\n') {
			from = i + 1;
			break;
		}
	}

	const words: string[] = lower.slice(from, at).match(negationWords) ?? [];
	const butAt = words.lastIndexOf('but');
	const first = Math.max(butAt + 1, words.length - 4);
	for (let i = first; i < words.length; i++) {
		if (pack.negators.has(words[i]!) || (i + 1 < words.length && pack.negatorPairs.has(`${words[i]!} ${words[i + 1]!}`))) {
			// A negation inside a condition ("if it is not fixed") does not cancel what follows
			const conditional = words.slice(butAt + 1, i).some(word => pack.conditionals.has(word));
			if (!conditional) {
				return true;
			}
		}
	}

	return false;
}

function isWordCode(code: number): boolean {
	return (
		(code >= 97 && code <= 122) ||
		(code >= 48 && code <= 57) ||
		code === 39 ||
		code === 42 ||
		(code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x20_00)
	);
}

function candidatesIn(pack: CompiledPack, lower: string, start: number, end: number): Set<number> {
	const found = new Set<number>(pack.always);
	let i = start;
	while (i < end) {
		if (!isWordCode(lower.charCodeAt(i))) {
			i++;
			continue;
		}

		const from = i;
		while (i < end && isWordCode(lower.charCodeAt(i))) {
			i++;
		}

		const word = lower.slice(from, i);
		const exact = pack.exact.get(word);
		if (exact) {
			for (const index of exact) {
				found.add(index);
			}
		}

		const stems = pack.prefixes.get(word.slice(0, 2));
		if (stems) {
			for (const [stem, indexes] of stems) {
				if (word.startsWith(stem)) {
					for (const index of indexes) {
						found.add(index);
					}
				}
			}
		}
	}

	return found;
}

/**
 * All phrase matches in `text` within `ranges` (the author's own words), in text order.
 * Negated matches are included with `negated: true`; overlapping matches of one family are merged.
 */
export function findPhrases(
	text: string,
	ranges: readonly TextRange[],
	packs: readonly PhrasePack[],
	disabled: ReadonlySet<string> = new Set(),
): PhraseMatch[] {
	const lowered = text.toLowerCase();
	const lower = lowered.includes('’') ? lowered.replaceAll('’', "'") : lowered;
	const matches: PhraseMatch[] = [];
	for (const pack of packs) {
		const compiled = compilePack(pack);
		for (const range of ranges) {
			for (const index of candidatesIn(compiled, lower, range.start, range.end)) {
				const pattern = compiled.patterns[index]!;
				if (disabled.has(pattern.family) || disabled.has(`${pack.id}:${pattern.family}`)) {
					continue;
				}

				const {regex} = pattern;
				regex.lastIndex = range.start;
				for (let match = regex.exec(text); match && match.index + match[0].length <= range.end; match = regex.exec(text)) {
					if (match[0].length === 0) {
						regex.lastIndex++;
						continue;
					}

					matches.push({
						family: pattern.family,
						start: match.index,
						end: match.index + match[0].length,
						negated: isNegated(compiled, lower, range.start, match.index),
						pack: pack.id,
					});
				}
			}
		}
	}

	matches.sort((a, b) => a.start - b.start || b.end - a.end);
	const merged: PhraseMatch[] = [];
	for (const match of matches) {
		const overlapping = merged.find(other => other.family === match.family && match.start < other.end && other.start < match.end);
		if (overlapping) {
			overlapping.end = Math.max(overlapping.end, match.end);
			overlapping.negated ||= match.negated; // The earliest match has the widest look-back
		} else {
			merged.push({...match});
		}
	}

	return merged;
}

const languageHints: Readonly<Record<string, readonly string[]>> = {
	es: [
		'el',
		'la',
		'que',
		'de',
		'los',
		'las',
		'por',
		'para',
		'con',
		'una',
		'un',
		'mi',
		'pero',
		'está',
		'esto',
		'hola',
		'gracias',
		'todavía',
		'quiero',
		'usted',
		'voy',
		'estoy',
		'tengo',
		'sois',
		'muy',
		'es',
		'en',
		'del',
	],
	de: [
		'der',
		'die',
		'das',
		'und',
		'ich',
		'nicht',
		'ist',
		'mit',
		'ein',
		'eine',
		'mein',
		'meine',
		'sie',
		'bitte',
		'noch',
		'immer',
		'hallo',
		'danke',
		'auf',
		'was',
		'für',
		'werde',
		'möchte',
		'zum',
		'ihren',
		'ihr',
		'schon',
		'es',
	],
	fr: [
		'le',
		'la',
		'les',
		'et',
		'je',
		'pas',
		'est',
		'une',
		'un',
		'mon',
		'ma',
		'vous',
		'pour',
		'avec',
		'bonjour',
		'merci',
		'toujours',
		'ne',
		'des',
		'ça',
		'veux',
		'vais',
		'à',
		'suis',
		'de',
		'du',
		'en',
	],
	pt: [
		'o',
		'a',
		'que',
		'não',
		'de',
		'um',
		'uma',
		'meu',
		'minha',
		'para',
		'com',
		'por',
		'está',
		'olá',
		'obrigado',
		'obrigada',
		'ainda',
		'você',
		'isso',
		'quero',
		'vou',
		'no',
		'na',
		'em',
		'os',
		'as',
		'do',
		'da',
	],
};

const hintBits = new Map<string, number>();
const hintLanguages = Object.keys(languageHints);
for (const [bit, language] of hintLanguages.entries()) {
	for (const word of languageHints[language]!) {
		hintBits.set(word, (hintBits.get(word) ?? 0) | (1 << bit));
	}
}

/** Languages (besides English) whose packs should run on this text: cheap stop-word counting. */
export function detectLanguages(text: string): string[] {
	const sample = text.length > 4000 ? text.slice(0, 4000).toLowerCase() : text.toLowerCase();
	const hits = hintLanguages.map(() => 0);
	let words = 0;
	let i = 0;
	while (i < sample.length) {
		const code = sample.charCodeAt(i);
		if (!((code >= 97 && code <= 122) || (code >= 0xc0 && code < 0x2000))) {
			i++;
			continue;
		}

		const start = i;
		while (i < sample.length) {
			const next = sample.charCodeAt(i);
			if (!((next >= 97 && next <= 122) || (next >= 0xc0 && next < 0x2000))) {
				break;
			}

			i++;
		}

		words++;
		const bits = hintBits.get(sample.slice(start, i));
		if (bits !== undefined) {
			for (let bit = 0; bit < hits.length; bit++) {
				if (bits & (1 << bit)) {
					hits[bit]!++;
				}
			}
		}
	}

	return hintLanguages.filter((_, bit) => hits[bit]! >= 2 && hits[bit]! / words >= 0.08);
}

export type PhraseOptions = {
	packs: readonly PhrasePack[];
	/** Families to skip: 'urgency' (every pack) or 'en:urgency' (one pack). */
	disabled: ReadonlySet<string>;
};

/** Recency: a phrase the customer wrote several messages ago counts less. */
const recencyDecay = 0.75;
const positiveTone = 0.3;

/** `perMessage`, when given, receives the families found in each message (by message index). */
// The overlay re-assesses the same thread on every change. A customer message's matches depend on its
// text (its kept ranges come from the text alone), the packs and the families switched off, so they are
// remembered for the packs and families of the latest call (most recent texts, bounded).
const matchCache = textCache<readonly PhraseMatch[]>(5000);
let matchCacheFor: {packs: readonly PhrasePack[]; disabled: string} | undefined;

function cachedMatcher(options: PhraseOptions): (text: string, ranges: readonly TextRange[]) => readonly PhraseMatch[] {
	const disabled = [...options.disabled].sort().join('\n');
	const same =
		matchCacheFor?.disabled === disabled &&
		matchCacheFor.packs.length === options.packs.length &&
		matchCacheFor.packs.every((pack, index) => pack === options.packs[index]);
	if (!same) {
		matchCache.clear();
		matchCacheFor = {packs: [...options.packs], disabled};
	}

	return (text, ranges) => {
		const known = matchCache.get(text);
		if (known) {
			return known;
		}

		const found = Object.freeze(findPhrases(text, ranges, options.packs, options.disabled).map(match => Object.freeze(match)));
		matchCache.set(text, found);
		return found;
	};
}

/** Forgets remembered phrase matches (benchmarks measure cold runs with it). */
export function clearMatchCache(): void {
	matchCache.clear();
	matchCacheFor = undefined;
}

export function detectPhrases(prepared: PreparedTicket, options: PhraseOptions, perMessage?: Map<number, Set<PhraseFamily>>): Finding[] {
	const byFamily = new Map<PhraseFamily, {evidence: Evidence[]; strength: number; first: string}>();
	const {customer} = prepared;
	const matchesOf = cachedMatcher(options);
	for (const [position, message] of customer.entries()) {
		if (message.kept.length === 0) {
			continue;
		}

		const later = customer.length - 1 - position;
		for (const match of matchesOf(message.text, message.kept)) {
			// "Happy to leave you a great review on Trustpilot" is not a threat
			if (match.negated || (match.family === 'public' && message.tone >= positiveTone)) {
				continue;
			}

			if (perMessage) {
				const families = perMessage.get(message.index) ?? new Set<PhraseFamily>();
				families.add(match.family);
				perMessage.set(message.index, families);
			}

			const entry = byFamily.get(match.family) ?? {evidence: [], strength: 0, first: message.text.slice(match.start, match.end)};
			if (entry.evidence.length < 10) {
				entry.evidence.push({messageIndex: message.index, start: match.start, end: match.end});
			}

			entry.strength = Math.max(entry.strength, recencyDecay ** later);
			byFamily.set(match.family, entry);
		}
	}

	const findings: Finding[] = [];
	for (const signal of phraseSignals) {
		const entry = byFamily.get(signal.family);
		if (entry) {
			const quote = entry.first.length > 80 ? `${entry.first.slice(0, 77)}...` : entry.first;
			const more = entry.evidence.length > 1 ? ` (+${entry.evidence.length - 1} more)` : '';
			findings.push({id: signal.id, label: `${signal.says}: '${quote}'${more}`, strength: entry.strength, evidence: entry.evidence});
		}
	}

	return findings;
}

const mergedPacks = new WeakMap<DetectorInput['packs'], WeakMap<readonly PhrasePack[], Map<string, PhrasePack>>>();

/** Built-in packs with user packs merged in: a user pack with a built-in id adds phrases to it. */
function allPacks(builtIn: DetectorInput['packs'], extra: readonly PhrasePack[]): Map<string, PhrasePack> {
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

function activePacks(prepared: PreparedTicket, settings: AssessSettings, builtIn: DetectorInput['packs']): PhrasePack[] {
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

	return [...packs.values()].filter(
		pack =>
			!settings.disabledPhrasePacks.includes(pack.id) &&
			(languages.has(pack.language) || (userIds.has(pack.id) && !builtInPackIds.has(pack.id))),
	);
}

export const detector = {
	signals: phraseSignals,
	detect(prepared: PreparedTicket, {settings, packs, families}: DetectorInput): Finding[] {
		return detectPhrases(
			prepared,
			{packs: activePacks(prepared, settings, packs), disabled: new Set(settings.disabledPhraseFamilies)},
			families,
		);
	},
} satisfies Detector;

function isStringList(value: unknown): value is string[] {
	return Array.isArray(value) && value.every(item => typeof item === 'string');
}

/** Checks a user-supplied pack (e.g. from settings or an import). */
export function validatePhrasePack(value: unknown): {ok: true; pack: PhrasePack} | {ok: false; errors: string[]} {
	const errors: string[] = [];
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return {ok: false, errors: ['pack must be an object']};
	}

	const record = value as Record<string, unknown>;
	if (typeof record.id !== 'string' || record.id === '') {
		errors.push('id must be a non-empty string');
	}

	if (typeof record.language !== 'string' || !/^[a-z]{2,3}$/.test(record.language)) {
		errors.push('language must be a 2-3 letter code');
	}

	if (!isStringList(record.negators ?? [])) {
		errors.push('negators must be a list of strings');
	}

	const families: PhrasePack['families'] = {};
	if (typeof record.families === 'object' && record.families !== null && !Array.isArray(record.families)) {
		for (const [family, patterns] of Object.entries(record.families)) {
			if (!isPhraseFamily(family)) {
				errors.push(`unknown family: ${family}`);
			} else if (isStringList(patterns)) {
				for (const pattern of patterns) {
					try {
						new RegExp(compileSequence(pattern), 'u');
					} catch {
						errors.push(`${family}: cannot use pattern '${pattern}'`);
					}
				}

				families[family] = patterns;
			} else {
				errors.push(`${family} must be a list of strings`);
			}
		}
	} else {
		errors.push('families must be an object keyed by family');
	}

	if (errors.length > 0) {
		return {ok: false, errors};
	}

	return {
		ok: true,
		pack: {
			id: record.id as string,
			language: record.language as string,
			negators: (record.negators as string[] | undefined) ?? [],
			families,
		},
	};
}
