// What part of a customer message is the customer's own new text.
// Quoted earlier mails, signatures, sign-offs and legal disclaimers are dropped, but nothing is copied:
// the result is a list of ranges into the ORIGINAL text, so evidence offsets always point there.

export type TextRange = {start: number; end: number};

// A line that starts the quoted history: everything from here on is an earlier mail.
const quoteHeader = [
	/^\s*-{2,}\s*(original message|forwarded message|mensaje original|ursprüngliche nachricht|message d'origine|mensagem original)\s*-{2,}\s*$/i,
	/^\s*_{10,}\s*$/, // Outlook draws a rule above "From: ... Sent: ..."
	/^\s*(on|am|le|el|em)\s.{0,200}(wrote|schrieb|a écrit|escribió|escreveu)(\s.{0,120})?\s*:\s*$/i,
	/^\s*(begin forwarded message|anfang der weitergeleiteten nachricht)\s*:?\s*$/i,
];
const fromLine = /^\s*\*?(from|von|de|van)\s*:\*?\s/i;
const sentLine = /^\s*\*?(sent|date|gesendet|datum|envoyé|enviado|fecha|to|an|à|para|subject|betreff)\s*:/i;
const wroteTail = /(wrote|schrieb|a écrit|escribió|escreveu)\s*:\s*$/i;
const quotedLine = /^\s*>/;
const signatureRule = /^\s*--\s*$/;
const mobileFooter =
	/^\s*(sent from my \S+( \S+){0,3}|get outlook for \S+|sent from (mail|yahoo mail|outlook) for \S+|envoyé de mon \S+|enviado desde mi \S+|von meinem \S+ gesendet)\.?\s*$/i;
// A sign-off line followed only by a few short lines (name, title, phone) ends the message.
const signOff =
	/^\s*(best|best regards|kind regards|warm regards|regards|many thanks|thanks|thank you|thanks again|cheers|sincerely|yours sincerely|yours truly|all the best|br|rgds|saludos|un saludo|atentamente|mit freundlichen grüßen|viele grüße|mfg|cordialement|bien à vous|atenciosamente|abraços|obrigad[oa])\s*[,.!]?\s*$/i;
const disclaimer =
	/^\s*(confidentiality notice|disclaimer|this (e-?mail|message|communication)( and any (files|attachments)[^.]{0,40})? (is|are|may (be|contain)|contains?|is intended) |the information (contained )?in this (e-?mail|message)|if you (are not|have received this) the intended|please consider the environment before printing)/i;

// Cheap pre-check: a message with none of these markers is kept whole.
const anyMarker =
	/^\s*(>|-{2}|_{10}|on\s|am\s|le\s|el\s|em\s|\*?from\s*:|\*?von\s*:|\*?de\s*:|sent from|get outlook|envoyé de|enviado desde|von meinem|begin forwarded|best|kind|warm|regards|many thanks|thanks|thank you|cheers|sincerely|yours|all the best|br\b|rgds|saludos|un saludo|atentamente|mit freundlichen|viele|mfg|cordialement|bien à|atenciosamente|abraços|obrigad|confidentiality|disclaimer|this (e-?mail|message|communication)|the information|if you (are not|have received)|please consider the environment)/im;

const maxSignatureLines = 6;
const maxSignatureLineLength = 60;

type Line = {start: number; end: number; text: string};

function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	for (;;) {
		const newline = text.indexOf('\n', start);
		const end = newline === -1 ? text.length : newline;
		const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
		lines.push({start, end: lineEnd, text: text.slice(start, lineEnd)});
		if (newline === -1) {
			return lines;
		}

		start = newline + 1;
	}
}

function trimRange(text: string, start: number, end: number): TextRange | undefined {
	while (start < end && isSpace(text.charCodeAt(start))) {
		start++;
	}

	while (end > start && isSpace(text.charCodeAt(end - 1))) {
		end--;
	}

	return end > start ? {start, end} : undefined;
}

function isSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 10 || code === 13 || code === 160 || code === 0x20_28 || code === 0x20_29;
}

function isBlank(line: Line): boolean {
	return line.text.trim() === '';
}

/** Index of the first line that begins the quoted history, or lines.length. */
function findQuoteStart(lines: Line[]): number {
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!.text;
		if (quoteHeader.some(pattern => pattern.test(line))) {
			return i;
		}

		// "On Tue, 3 Mar 2026 at 10:02, Support <help@example.com>\nwrote:" wraps over two lines
		if (
			/^\s*(on|am|le|el|em)\s/i.test(line) &&
			i + 1 < lines.length &&
			wroteTail.test(lines[i + 1]!.text) &&
			line.length + lines[i + 1]!.text.length < 300
		) {
			return i;
		}

		if (fromLine.test(line)) {
			for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) {
				if (sentLine.test(lines[j]!.text)) {
					return i;
				}
			}
		}
	}

	return lines.length;
}

/** Index of the first line of a signature, sign-off or disclaimer before `limit`, or `limit`. */
function findTailStart(lines: Line[], limit: number): number {
	let seenContent = false;
	for (let i = 0; i < limit; i++) {
		const line = lines[i]!.text;
		if (signatureRule.test(line) || disclaimer.test(line)) {
			return i;
		}

		// A lone "Thanks!" is the message, not its sign-off
		if (seenContent && signOff.test(line) && isShortTail(lines, i + 1, limit)) {
			return i;
		}

		seenContent ||= line.trim() !== '' && !quotedLine.test(line);
	}

	return limit;
}

function isShortTail(lines: Line[], from: number, limit: number): boolean {
	let count = 0;
	for (let i = from; i < limit; i++) {
		const line = lines[i]!;
		if (isBlank(line) || mobileFooter.test(line.text)) {
			continue;
		}

		if (disclaimer.test(line.text)) {
			return true;
		}

		count++;
		if (
			count > maxSignatureLines ||
			line.text.length > maxSignatureLineLength ||
			(/[.!?]\s*$/.test(line.text.trim()) && line.text.trim().split(/\s+/).length > 4)
		) {
			return false;
		}
	}

	return true;
}

/**
 * Ranges of `text` that are the author's own new words, in order, trimmed, never empty.
 * An empty list means nothing is left (an empty message, or only quoted text).
 */
export function keptRanges(text: string): TextRange[] {
	if (text.length === 0) {
		return [];
	}

	if (!anyMarker.test(text)) {
		const whole = trimRange(text, 0, text.length);
		return whole ? [whole] : [];
	}

	const lines = splitLines(text);
	const quoteStart = findQuoteStart(lines);
	const tailStart = findTailStart(lines, quoteStart);
	const ranges: TextRange[] = [];
	let open: number | undefined;
	let close = 0;
	const flush = () => {
		if (open !== undefined) {
			const range = trimRange(text, open, close);
			if (range) {
				ranges.push(range);
			}
		}

		open = undefined;
	};

	for (let i = 0; i < tailStart; i++) {
		const line = lines[i]!;
		if (quotedLine.test(line.text) || mobileFooter.test(line.text)) {
			flush();
			continue;
		}

		open ??= line.start;
		close = line.end;
	}

	flush();
	return ranges;
}

/** The kept text, ranges joined by newlines (for scoring; offsets are not preserved). */
export function keptText(text: string, ranges: readonly TextRange[]): string {
	if (ranges.length === 1 && ranges[0]!.start === 0 && ranges[0]!.end === text.length) {
		return text;
	}

	return ranges.map(range => text.slice(range.start, range.end)).join('\n');
}

/** Removes control, bidi-override and zero-width characters (keeps tab and newline). */
export function stripInvisible(text: string): string {
	return text.replaceAll(
		/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/g,
		'',
	);
}

const closingWords =
	/\b(?:thanks|thank you|thank u|thx|ty|cheers|many thanks|much appreciated|appreciate it|works now|working now|works perfectly|worked perfectly|that (?:fixed|solved|did|sorted) it|all (?:good|sorted|set)|problem solved|issue resolved|(?:it'?s|is) (?:fixed|resolved|sorted) now|gracias|danke|merci|obrigad[oa])\b/i;
const stillOpen = /\?|\b(?:but|however|still|again|unfortunately|although|though|yet)\b|n't\b|n’t\b|\bnot\b|\bno longer\b/i;

/**
 * A customer's closing note ("Thanks, that fixed it!"): short, thankful, and with nothing still open
 * (no question, no "but", no "still"). Such a message asks for no reply and ends earlier trouble.
 */
export function isClosingMessage(text: string): boolean {
	const own = keptText(text, keptRanges(text));
	return own.length > 0 && own.length <= 300 && closingWords.test(own) && !stillOpen.test(own);
}
