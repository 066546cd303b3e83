// Reads a snapshot once for every detector: cleaned ranges, tone and time of each message.
import type {TicketSnapshot} from '../model.ts';
import {isClosingMessage, keptRanges} from '../text.ts';
import {textCache} from '../text-cache.ts';
import {scoreCleanToneWith, type ToneLexicon} from '../tone-scan.ts';
import {clearMatchCache} from './phrases.ts';
import type {PreparedMessage, PreparedTicket} from './types.ts';

/** Longest text analysed per message; the rest is still kept for evidence offsets. */
const maxAnalysedChars = 20_000;

function keptSample(text: string, ranges: PreparedMessage['kept']): string {
	let sample = '';
	for (const range of ranges) {
		sample += (sample === '' ? '' : '\n') + text.slice(range.start, Math.min(range.end, range.start + maxAnalysedChars - sample.length));
		if (sample.length >= maxAnalysedChars) {
			break;
		}
	}

	return sample;
}

// The overlay re-assesses the same thread on every change; a message's cleaned ranges and tone depend
// on its text alone, so they are remembered (most recent texts, bounded).
// Tone also depends on the lexicon: a new one (a page's first setup) starts the cache afresh.
const analysisCache = textCache<{kept: PreparedMessage['kept']; tone: number; closing: boolean}>(5000);
let cachedWith: ToneLexicon | undefined;

function analyse(text: string, lexicon: ToneLexicon): {kept: PreparedMessage['kept']; tone: number; closing: boolean} {
	if (cachedWith !== lexicon) {
		analysisCache.clear();
		cachedWith = lexicon;
	}

	const known = analysisCache.get(text);
	if (known) {
		return known;
	}

	const head = text.length > 4 * maxAnalysedChars ? text.slice(0, 4 * maxAnalysedChars) : text;
	const kept = keptRanges(head);
	// Frozen: the same ranges are handed to every later assessment of this text.
	const result = Object.freeze({
		kept: Object.freeze(kept.map(range => Object.freeze(range))) as PreparedMessage['kept'],
		tone: kept.length > 0 ? scoreCleanToneWith(keptSample(text, kept), lexicon) : 0,
		closing: kept.length > 0 && isClosingMessage(head),
	});
	if (text.length <= 4 * maxAnalysedChars) {
		analysisCache.set(text, result);
	}

	return result;
}

/** Forgets remembered message analyses and phrase matches (benchmarks measure cold runs with it). */
export function clearAnalysisCache(): void {
	analysisCache.clear();
	clearMatchCache();
}

/** Reads `ticket` for the detectors; tone is scored with `lexicon`. */
export function prepareTicket(ticket: TicketSnapshot, now: number | undefined, lexicon: ToneLexicon): PreparedTicket {
	const messages: PreparedMessage[] = [];
	const source = Array.isArray(ticket.messages) ? ticket.messages : [];
	let latest: number | undefined;
	for (const [index, message] of source.entries()) {
		const text = typeof message?.text === 'string' ? message.text : '';
		const role = message?.role === 'agent' || message?.role === 'system' || message?.role === 'unknown' ? message.role : 'customer';
		const internal = message?.internal === true;
		const parsed = typeof message?.at === 'string' ? Date.parse(message.at) : Number.NaN;
		const at = Number.isFinite(parsed) ? parsed : undefined;
		if (at !== undefined && (latest === undefined || at > latest)) {
			latest = at;
		}

		// Internal notes, system lines and messages of unknown authorship are never read as customer text
		const analysed = !internal && role !== 'system' && role !== 'unknown';
		const {kept, tone, closing} = analysed ? analyse(text, lexicon) : {kept: [], tone: 0, closing: false};
		messages.push({index, role, internal, text, kept, at, tone, closing: closing && role === 'customer'});
	}

	return {
		ticket,
		messages,
		customer: messages.filter(message => message.role === 'customer' && !message.internal),
		now: now ?? latest,
	};
}
