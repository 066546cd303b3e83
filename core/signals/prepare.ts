// Reads a snapshot once for every detector: cleaned ranges, tone and time of each message.
import type {TicketSnapshot} from '../model.ts';
import {keptRanges} from '../text.ts';
import {scoreCleanTone} from '../tone.ts';
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

export function prepareTicket(ticket: TicketSnapshot, now: number | undefined): PreparedTicket {
	const messages: PreparedMessage[] = [];
	const source = Array.isArray(ticket.messages) ? ticket.messages : [];
	let latest: number | undefined;
	for (const [index, message] of source.entries()) {
		const text = typeof message?.text === 'string' ? message.text : '';
		const role = message?.role === 'agent' || message?.role === 'system' ? message.role : 'customer';
		const internal = message?.internal === true;
		const parsed = typeof message?.at === 'string' ? Date.parse(message.at) : Number.NaN;
		const at = Number.isFinite(parsed) ? parsed : undefined;
		if (at !== undefined && (latest === undefined || at > latest)) {
			latest = at;
		}

		// Internal notes and system lines are never read as customer text
		const analysed = !internal && role !== 'system';
		const head = text.length > 4 * maxAnalysedChars ? text.slice(0, 4 * maxAnalysedChars) : text;
		const kept = analysed ? keptRanges(head) : [];
		const tone = analysed && kept.length > 0 ? scoreCleanTone(keptSample(text, kept)) : 0;
		messages.push({index, role, internal, text, kept, at, tone});
	}

	return {
		ticket,
		messages,
		customer: messages.filter(message => message.role === 'customer' && !message.internal),
		now: now ?? latest,
	};
}
