// Tone scoring with the word lists that ship with the `sentiment` package (the scorer itself is
// core/tone-scan.ts). Everything but a helpdesk page reads tone through here; a page's script gets the
// same lists from the background when it starts (page-setup), and its build leaves these out.
//
// The package's CommonJS index, not its labels.json: Node's loaders (tsx: the evaluation, the bench,
// the CLI) cannot import that JSON as a module (some of its words are reserved in strict mode). The
// build replaces this import with the word list alone, compacted (wxt.config.ts), so nothing ships twice.
import english from 'sentiment/languages/en/index.js';
import emoji from 'sentiment/build/emoji.json';
import {scoreCleanToneWith, scoreToneWith, toneLexicon, type ToneLexicon, type ToneWordLists} from './tone-scan.ts';

function shippedLists(): ToneWordLists {
	return {words: english.labels, emoji: emoji as Record<string, number>};
}

// Both marked pure: a helpdesk page's script imports the engine, which names them, but never reads
// them, and the build leaves them (and the lists) out.
/** AFINN-165 and the emoji ranking as the package ships them. */
export const toneWordLists: ToneWordLists = /* @__PURE__ */ shippedLists();

/** The lexicon built from the shipped lists. */
export const shippedToneLexicon: ToneLexicon = /* @__PURE__ */ toneLexicon(toneWordLists);

/** Tone of text that is already cleaned (no quotes or signatures). */
export function scoreCleanTone(text: string): number {
	return scoreCleanToneWith(text, shippedToneLexicon);
}

/**
 * Tone of one message, -1 (hostile) .. +1 (delighted), 0 for neutral or empty text.
 * Quoted earlier mails, signatures and disclaimers are left out first.
 */
export function scoreTone(text: string): number {
	return scoreToneWith(text, shippedToneLexicon);
}
