// Tone of one message, -1 (hostile) .. +1 (delighted).
//
// Lexicon: the `sentiment` package (AFINN-165 word list + emoji sentiment ranking), chosen over
// `wink-sentiment` because it has no runtime dependencies (wink pulls in wink-tokenizer), ships
// TypeScript types, and exposes its word list as plain data we can load into a Map. wink's extras
// (a few AFINN bigrams, emoticons) are small enough to cover here, support-specific, ourselves.
// We use only the library's lexicon data: its own analyze() runs four regex passes and builds
// several arrays per call, so scoring uses the single-pass tokenizer below instead.
//
// Support language corrections on top of AFINN: neutral words in support mail ("support", "help",
// "please", "charged", "sorry"), negation with asymmetric flips ("not happy" is clearly negative,
// "not bad" only mildly positive, "no problem" is friendly), intensifiers and downtoners, CAPS and
// "!!!", "?!", sarcasm markers, emoticons and questions.
//
// This module is the scorer alone: the word lists come in as data (ToneWordLists), so a helpdesk page's
// script gets them from the background instead of carrying them. core/tone.ts binds the lists that
// ship with the package for everything else (tests, the evaluation, the command line).
import {keptRanges, keptText} from './text.ts';

/** The word lists the lexicon is built from: AFINN-165's words and the emoji sentiment ranking. */
export type ToneWordLists = {
	readonly words: Readonly<Record<string, number>>;
	readonly emoji: Readonly<Record<string, number>>;
};

/** Word (or emoji) -> score, with the support-language corrections applied (see toneLexicon). */
export type ToneLexicon = ReadonlyMap<string, number>;

/** Words whose AFINN value misreads support mail. */
const supportOverrides: Record<string, number> = {
	support: 0,
	help: 0,
	please: 0,
	like: 0,
	want: 0,
	care: 0,
	dear: 0,
	share: 0,
	matter: 0,
	top: 0,
	alert: 0,
	pay: 0,
	effective: 0,
	chance: 0,
	certain: 0,
	free: 0,
	pretty: 0,
	kind: 0.5,
	fine: 1,
	hope: 1,
	hopefully: 1,
	trust: 0,
	charged: -0.5,
	charges: -0.5,
	problem: -0.75,
	problems: -0.75,
	fail: -1,
	failed: -1,
	failing: -1,
	fails: -1,
	cancel: 0,
	cancelled: -0.5,
	sorry: 0,
	apologize: 0,
	apologise: 0,
	apology: 0,
	apologies: 0,
	no: 0,
	yes: 0,
	joke: -2,
	jokes: -1,
	incompetent: -3,
	incompetence: -3,
	useless: -3,
	unacceptable: -3,
	pathetic: -3,
	scam: -3,
	unhelpful: -2,
	unresponsive: -2,
	nightmare: -3,
	shambles: -3,
	disgrace: -3,
	disgraceful: -3,
	ripoff: -3,
	garbage: -3,
	trash: -3,
	rubbish: -3,
	idiots: -3,
	morons: -4,
	moron: -4,
	clowns: -3,
	clueless: -3,
	laughable: -3,
	infuriating: -3,
	infuriated: -3,
	livid: -3,
	sorted: 2,
	fixed: 1.5,
	lifesaver: 3,
	legend: 2,
	superb: 4,
	crashing: -1,
	crashed: -1,
	crashes: -1,
	error: -0.5,
	errors: -0.5,
	missing: -0.5,
	lost: -1,
	broken: -1,
	delay: -0.5,
	delayed: -1,
	wrong: -1,
	crash: -1,
	unfortunately: -0.5,
	ignored: -2.5,
	ignoring: -2.5,
	lied: -3,
	lying: -3,
	liar: -3,
	threat: -1,
	complaint: -1,
	complain: -1,
	urgent: 0,
	immediately: 0,
	excuse: -1,
	excuses: -2,
	hell: -3,
	fed: 0,
	bs: -3,
	wtf: -4,
	complicated: -1.5,
};

/** Neutral words that turn negative when negated ("doesn't work", "no reply", "still not fixed"). */
const negatedOnly: Record<string, number> = {
	help: -1.5,
	helped: -2,
	work: -2,
	works: -2,
	working: -2,
	worked: -2,
	fixed: -2,
	resolved: -2,
	solved: -2,
	received: -1.5,
	arrived: -1.5,
	reply: -1.5,
	replied: -1.5,
	response: -1.5,
	responded: -1.5,
	answer: -1.5,
	answered: -1.5,
	refund: -1.5,
	refunded: -1.5,
	heard: -1.5,
	acceptable: -2,
	sorted: -2,
	happy: -2.5,
	satisfied: -2.5,
	helpful: -2,
	clear: -1,
	improvement: -1.5,
	better: -1.5,
	ok: -1.5,
	okay: -1.5,
};

/** "no problem", "not a problem", "no worries": friendly, whatever the lexicon says. */
const friendlyAfterNegation = new Set([
	'problem',
	'problems',
	'worries',
	'worry',
	'rush',
	'hurry',
	'issue',
	'issues',
	'bother',
	'stress',
	'trouble',
	'pressure',
	'big',
]);

const bigrams: Record<string, number> = {
	'fed up': -3,
	'sick of': -3,
	'tired of': -2.5,
	'last straw': -3,
	'rip off': -3,
	'waste of': -2,
	'thank you': 2,
	'well done': 3,
	'so much': 0,
	'at all': 0,
	'no longer': -1,
	'piece of': -2,
	'good job': 3,
	'great job': 3,
	'works now': 2.5,
	'working now': 2.5,
	'to bother': 0,
};

const negators = new Set([
	'not',
	'no',
	'never',
	'none',
	'nobody',
	'nothing',
	'neither',
	'nor',
	'without',
	'hardly',
	'barely',
	'cannot',
	'cant',
	"can't",
	'dont',
	"don't",
	'doesnt',
	"doesn't",
	'didnt',
	"didn't",
	'isnt',
	"isn't",
	'wasnt',
	"wasn't",
	'arent',
	"aren't",
	'werent',
	"weren't",
	'wont',
	"won't",
	'wouldnt',
	"wouldn't",
	'shouldnt',
	"shouldn't",
	'couldnt',
	"couldn't",
	'havent',
	"haven't",
	'hasnt',
	"hasn't",
	'hadnt',
	"hadn't",
	'aint',
	"ain't",
	'nowhere',
]);

const intensifiers: Record<string, number> = {
	very: 1.3,
	really: 1.3,
	so: 1.25,
	extremely: 1.5,
	incredibly: 1.5,
	absolutely: 1.4,
	totally: 1.3,
	completely: 1.3,
	utterly: 1.5,
	super: 1.3,
	truly: 1.3,
	seriously: 1.3,
	highly: 1.3,
	deeply: 1.3,
	such: 1.2,
	most: 1.2,
	beyond: 1.4,
	entirely: 1.3,
	fucking: 1.5,
	bloody: 1.4,
	damn: 1.3,
	quite: 1.1,
	pretty: 1.1,
	slightly: 0.6,
	somewhat: 0.7,
	bit: 0.7,
	little: 0.7,
	kinda: 0.7,
	fairly: 0.8,
	mildly: 0.6,
	marginally: 0.6,
};

/** Politeness markers: a small positive nudge, never enough to hide real anger. */
const politeness: Record<string, number> = {kindly: 0.5, appreciate: 0, grateful: 0.5, pls: 0, cheers: 0.5};

// Sarcasm: positive words used to mean the opposite. Positive lexicon hits inside a match are dropped.
const sarcasmStrong =
	/\b(?:(?:great|wonderful|fantastic|brilliant|perfect|lovely|awesome|amazing|marvel+ous|super|excellent|terrific|nice)\s*[,.!…]+\s*(?:another|again|now|more|yet|exactly what|just what)\b|(?:oh|ah|yeah|wow|just)\s*,?\s*(?:great|wonderful|fantastic|brilliant|perfect|lovely|awesome|joy|terrific|marvel+ous|super|splendid)\b|thanks? (?:you )?(?:a lot |so much )?for nothing|yeah,? right|sure you (?:do|are|will|did|can)|so-called|(?:love|loving|enjoy|adore) (?:how|the way|being|waiting|getting|paying|having to)\b|what a (?:joke|surprise)|(?:great|fantastic|brilliant|stellar|amazing|wonderful) (?:job|work|service|support),? (?:guys|team|really|as always)?\s*(?:\.{3}|…|\/s)|as always,? (?:great|perfect|wonderful|amazing)|"(?:support|help|service|customer service|customer care|solution)")/g;
const sarcasmPenalty = -2.5;

const kindlyHostile = /\bkindly (?:stop|refrain|leave|do your job|get|spare|don't|do not|explain why|answer the question)/;

/** The lexicon the scorer reads: the lists as given, then the support-language corrections. */
export function toneLexicon(lists: ToneWordLists): ToneLexicon {
	const lexicon = new Map<string, number>();
	for (const [word, value] of Object.entries(lists.words)) {
		lexicon.set(word, value);
	}

	for (const [symbol, value] of Object.entries(lists.emoji)) {
		lexicon.set(symbol, value);
	}

	for (const [word, value] of Object.entries(supportOverrides)) {
		lexicon.set(word, value);
	}

	return lexicon;
}

const negatedOnlyMap = new Map(Object.entries(negatedOnly));
const bigramMap = new Map(Object.entries(bigrams));
const intensifierMap = new Map(Object.entries(intensifiers));
const politenessMap = new Map(Object.entries(politeness));

const emoticons = new Map<string, number>([
	[':)', 2],
	[':-)', 2],
	[':d', 3],
	[':-d', 3],
	[';)', 1],
	[';-)', 1],
	[':p', 1],
	['=)', 2],
	['^^', 1],
	[':(', -2],
	[':-(', -2],
	[":'(", -3],
	[':/', -1],
	[':-/', -1],
	[':|', -1],
	['>:(', -3],
	['-_-', -2],
	[':@', -3],
]);

/** Softens raw sums into -1..1; a larger alpha keeps plain problem reports near neutral. */
const alpha = 18;
/** Words per "sentence" before a long message's sum is damped (long reports pile up mild words). */
const lengthUnit = 25;

type Scan = {
	sum: number;
	positive: number;
	negative: number;
	words: number;
	exclaim: number;
	frustratedPunctuation: number;
	questions: number;
	upperLetters: number;
	letters: number;
	sarcasm: number;
};

function isWordCode(code: number): boolean {
	return (
		(code >= 97 && code <= 122) ||
		(code >= 48 && code <= 57) ||
		code === 39 ||
		(code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
	);
}

function isClauseBreak(code: number): boolean {
	return (
		code === 46 || code === 44 || code === 59 || code === 58 || code === 33 || code === 63 || code === 10 || code === 40 || code === 41
	);
}

function sarcasmSpans(lower: string): number[] {
	const spans: number[] = [];
	sarcasmStrong.lastIndex = 0;
	for (let match = sarcasmStrong.exec(lower); match; match = sarcasmStrong.exec(lower)) {
		spans.push(match.index, match.index + match[0].length);
	}

	return spans;
}

function inSpans(spans: number[], at: number): boolean {
	for (let i = 0; i < spans.length; i += 2) {
		if (at >= spans[i]! && at < spans[i + 1]!) {
			return true;
		}
	}

	return false;
}

function isCapsWord(text: string, start: number, end: number): boolean {
	if (end - start < 3) {
		return false;
	}

	for (let i = start; i < end; i++) {
		const code = text.charCodeAt(i);
		if (code >= 97 && code <= 122) {
			return false;
		}
	}

	return true;
}

/** Positive contributions (offset, value) of the message being scanned, for sarcasm spans. */
const positives: number[] = [];

function add(result: Scan, value: number, at: number): void {
	result.sum += value;
	if (value > 0) {
		result.positive += value;
		positives.push(at, value);
	} else {
		result.negative += value;
	}
}

// Words that can start a sarcastic phrase: only then is the sarcasm pattern run
const sarcasmWords = new Set([
	'great',
	'wonderful',
	'fantastic',
	'brilliant',
	'perfect',
	'lovely',
	'awesome',
	'amazing',
	'marvelous',
	'marvellous',
	'super',
	'excellent',
	'terrific',
	'nice',
	'thanks',
	'thank',
	'right',
	'sure',
	'so',
	'love',
	'loving',
	'enjoy',
	'adore',
	'what',
	'stellar',
	'always',
	'joy',
	'splendid',
	'support',
	'help',
	'service',
	'solution',
]);

/** Removes positive contributions inside sarcastic phrases; returns how many phrases were found. */
function applySarcasm(lower: string, result: Scan): number {
	const spans = sarcasmSpans(lower);
	for (let i = 0; i < positives.length; i += 2) {
		if (inSpans(spans, positives[i]!)) {
			result.sum -= positives[i + 1]!;
			result.positive -= positives[i + 1]!;
		}
	}

	return spans.length / 2;
}

function scan(original: string, lexicon: ToneLexicon): Scan {
	const lower = original.includes('’') ? original.toLowerCase().replaceAll('’', "'") : original.toLowerCase();
	const result: Scan = {
		sum: 0,
		positive: 0,
		negative: 0,
		words: 0,
		exclaim: 0,
		frustratedPunctuation: 0,
		questions: 0,
		upperLetters: 0,
		letters: 0,
		sarcasm: 0,
	};
	positives.length = 0;
	let maybeSarcastic = false;
	let negation = 0; // Words left in which a negator applies
	let multiplier = 1;
	let previous = '';
	let previousScored = false;
	const {length} = lower;
	let i = 0;
	while (i < length) {
		const code = lower.charCodeAt(i);
		if (isWordCode(code) && code !== 39) {
			const start = i;
			while (i < length && isWordCode(lower.charCodeAt(i))) {
				i++;
			}

			let end = i;
			while (end > start && lower.charCodeAt(end - 1) === 39) {
				end--;
			}

			const word = lower.slice(start, end);
			result.words++;
			maybeSarcastic ||= sarcasmWords.has(word);
			for (let k = start; k < end; k++) {
				const original_ = original.charCodeAt(k);
				if (original_ >= 65 && original_ <= 90) {
					result.upperLetters++;
					result.letters++;
				} else if (original_ >= 97 && original_ <= 122) {
					result.letters++;
				}
			}

			const pair = previous === '' ? undefined : bigramMap.get(`${previous} ${word}`);
			if (pair !== undefined) {
				if (previousScored) {
					// Replace the first word's own score with the pair's
					const last = lexicon.get(previous) ?? 0;
					result.sum -= last;
					if (last > 0) {
						result.positive -= last;
					} else {
						result.negative -= last;
					}
				}

				add(result, pair, start);
				previous = word;
				previousScored = false;
				multiplier = 1;
				continue;
			}

			if (negators.has(word)) {
				negation = 3;
				previous = word;
				previousScored = false;
				continue;
			}

			const boost = intensifierMap.get(word);
			const polite = politenessMap.get(word);
			if (polite !== undefined) {
				add(result, word === 'kindly' && kindlyHostile.test(lower) ? -2 : polite, start);
			}

			let value = lexicon.get(word);
			if (negation > 0) {
				if (friendlyAfterNegation.has(word)) {
					add(result, 1, start);
					negation = 0;
					previous = word;
					previousScored = false;
					continue;
				}

				const flipped = negatedOnlyMap.get(word);
				if (flipped !== undefined) {
					value = value !== undefined && value > 0 ? Math.min(flipped, -0.9 * value) : flipped;
					negation = 0;
				} else if (value !== undefined && value !== 0) {
					value = value > 0 ? -0.9 * value : -0.4 * value;
					negation = 0;
				} else {
					negation--;
				}
			}

			if (value !== undefined && value !== 0) {
				let scored = value * multiplier;
				if (isCapsWord(original, start, end)) {
					scored *= 1.5;
				}

				add(result, scored, start);
				previousScored = true;
			} else {
				previousScored = false;
			}

			multiplier = boost ?? 1;
			previous = word;
			continue;
		}

		if (code < 128) {
			if (code === 33) {
				result.exclaim++;
				if (lower.charCodeAt(i + 1) === 63 || (lower.charCodeAt(i + 1) === 33 && lower.charCodeAt(i + 2) === 63)) {
					result.frustratedPunctuation++;
				}
			} else if (code === 63) {
				result.questions++;
				const next = lower.charCodeAt(i + 1);
				if (next === 63 || next === 33) {
					result.frustratedPunctuation++;
					while (i + 1 < length && (lower.charCodeAt(i + 1) === 63 || lower.charCodeAt(i + 1) === 33)) {
						i++;
					}
				}
			} else if ((code === 58 || code === 59 || code === 61 || code === 62 || code === 94 || code === 45) && i + 1 < length) {
				const three = lower.slice(i, i + 3);
				const value = emoticons.get(three) ?? emoticons.get(three.slice(0, 2));
				if (value !== undefined && (i === 0 || lower.charCodeAt(i - 1) === 32 || lower.charCodeAt(i - 1) === 10)) {
					add(result, value, i);
					i += emoticons.has(three) ? 3 : 2;
					continue;
				}
			}

			if (isClauseBreak(code)) {
				negation = 0;
				multiplier = 1;
				previous = '';
				previousScored = false;
			}

			i++;
			continue;
		}

		// Non-ASCII outside words: emoji (possibly a surrogate pair)
		const point = lower.codePointAt(i) ?? code;
		const width = point > 0xff_ff ? 2 : 1;
		if (point >= 0x20_00) {
			const value = lexicon.get(String.fromCodePoint(point));
			if (value !== undefined) {
				add(result, value, i);
			}
		}

		i += width;
	}

	if (maybeSarcastic || lower.includes('"')) {
		result.sarcasm = applySarcasm(lower, result);
	}

	return result;
}

/** Tone of text that is already cleaned (no quotes or signatures), read with `lexicon`. */
export function scoreCleanToneWith(text: string, lexicon: ToneLexicon): number {
	if (text.length === 0) {
		return 0;
	}

	const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
	const found = scan(sample, lexicon);
	let {sum} = found;
	sum += Math.min(2, found.sarcasm) * sarcasmPenalty;

	// Questions are not praise
	if (found.questions > 0 && found.positive > 0) {
		sum -= found.positive * 0.3;
	}

	const shouting = found.letters >= 12 && found.upperLetters / found.letters > 0.6;
	if (shouting) {
		sum = sum * 1.3 - 1;
	}

	sum -= Math.min(found.frustratedPunctuation, 3) * 0.8;
	if (sum !== 0 && found.exclaim > 0) {
		sum += Math.sign(sum) * Math.min(found.exclaim, 4) * 0.3;
	}

	if (found.words > lengthUnit) {
		sum /= Math.sqrt(found.words / lengthUnit);
	}

	const tone = sum / Math.sqrt(sum * sum + alpha);
	return Math.round(tone * 1000) / 1000;
}

/**
 * Tone of one message, -1 (hostile) .. +1 (delighted), 0 for neutral or empty text, read with
 * `lexicon`. Quoted earlier mails, signatures and disclaimers are left out first.
 */
export function scoreToneWith(text: string, lexicon: ToneLexicon): number {
	if (typeof text !== 'string' || text.length === 0) {
		return 0;
	}

	return scoreCleanToneWith(keptText(text, keptRanges(text)), lexicon);
}
