// Which themes may leave this machine in an aggregates-only export. A theme id is made of words
// customers wrote, so it travels only when it names a shared complaint rather than a person:
// - it is backed by several distinct customers (default 3), not by one customer writing often;
// - none of its words is a sensitive term (health, money identifiers, religion, sexuality, politics,
//   criminal records, union membership: the special categories of data-protection law);
// - none of its words looks like a name: where the text is at hand, a word written with a capital
//   letter inside sentences most of the time it appears (a signature, a person addressed).
// What this cannot see: a name written in lower case, or rare personal facts that are not in the list.
import {clausesOf} from './themes.ts';

/**
 * Sensitive terms as clausesOf() sees them (lower case, no accents, plurals folded). English with the
 * common medical and financial words of the other phrase-pack languages.
 */
const sensitiveWords = new Set(
	clausesOf(`
health medical medicine medication medicines prescription prescriptions pharmacy pharmacist insulin diabetes diabetic
cancer tumour tumor chemo chemotherapy hiv aids pregnant pregnancy abortion miscarriage fertility ivf
depression anxiety therapy therapist psychiatrist psychiatric mental suicide suicidal disability disabled
hospital clinic doctor nurse surgery diagnosis diagnosed symptom symptoms illness disease sick allergy allergic
epilepsy asthma dementia alzheimer autism adhd addiction alcohol alcoholic rehab overdose vaccine vaccination
injury injured wheelchair blind deaf std sti
religion religious church mosque synagogue temple muslim islam christian catholic jewish hindu buddhist prayer
gay lesbian bisexual transgender queer lgbt lgbtq sexual sexuality
ethnic ethnicity racial immigrant immigration asylum refugee passport
political politics vote union
criminal crime arrest arrested conviction convicted prison jail probation court lawsuit divorce custody
ssn salary income debt bankruptcy bankrupt overdraft loan mortgage cvv iban
salud medico medicamento receta farmacia embarazo hospital enfermedad
gesundheit arzt medikament rezept apotheke schwanger krankenhaus krankheit
sante medecin medicament ordonnance pharmacie enceinte hopital maladie
saude medico medicamento receita farmacia gravida doenca
`).flat(),
);

export type ThemeTicket = {
	key: string;
	requesterKey: string | null;
	themes: readonly string[];
	/** The customer text the themes came from, when at hand (for the name check). */
	text?: string | undefined;
};

export type ThemePrivacyOptions = {
	/** Distinct customers a theme needs. @default 3 */
	minCustomers?: number | undefined;
};

/** The sensitive term in a theme id, if any. */
export function sensitiveWordOf(themeId: string): string | undefined {
	return themeId.split(' ').find(word => sensitiveWords.has(word));
}

const escapeRegExp = (text: string): string => text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

function plain(text: string): string {
	return text.normalize('NFKD').replaceAll(/[\u0300-\u036F]/g, '');
}

/**
 * Whether `word` (as a theme holds it: lower case, accents and plural gone) is written like a name in
 * these texts: capitalised, not at the start of a sentence or line, in most of its occurrences.
 */
export function looksLikeName(word: string, texts: readonly string[]): boolean {
	const pattern = new RegExp(String.raw`(^|[^\p{L}\p{N}])(${escapeRegExp(word)}\p{L}{0,3})(?![\p{L}\p{N}])`, 'giu');
	let inside = 0;
	let capitalised = 0;
	for (const text of texts) {
		const source = plain(text);
		for (const match of source.matchAll(pattern)) {
			const start = match.index + match[1]!.length;
			const before = source.slice(0, start).trimEnd();
			if (before === '' || /[.!?:\n]$/.test(before) || /\n\s*$/.test(source.slice(0, start))) {
				continue; // Sentence or line start: capitals say nothing there.
			}

			inside++;
			const first = match[2]!.charAt(0);
			if (first !== first.toLowerCase()) {
				capitalised++;
			}
		}
	}

	return inside > 0 && capitalised * 2 > inside;
}

/** Why a theme may not travel in an aggregates-only export, or undefined when it may. */
export type ThemeVerdict = {theme: string; reason: 'few-customers' | 'sensitive' | 'name-like'; detail: string};

/**
 * The themes of these tickets that may travel in an aggregates-only export, and why each other one
 * may not. Tickets without a known customer add no support.
 */
export function shareableThemes(
	tickets: readonly ThemeTicket[],
	options: ThemePrivacyOptions = {},
): {shareable: Set<string>; withheld: ThemeVerdict[]} {
	const minCustomers = options.minCustomers ?? 3;
	const customers = new Map<string, Set<string>>();
	const texts = new Map<string, string[]>();
	for (const ticket of tickets) {
		for (const theme of ticket.themes) {
			let people = customers.get(theme);
			if (!people) {
				people = new Set();
				customers.set(theme, people);
				texts.set(theme, []);
			}

			if (ticket.requesterKey !== null) {
				people.add(ticket.requesterKey);
			}

			if (ticket.text !== undefined) {
				texts.get(theme)!.push(ticket.text);
			}
		}
	}

	const shareable = new Set<string>();
	const withheld: ThemeVerdict[] = [];
	for (const [theme, people] of [...customers].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const sensitive = sensitiveWordOf(theme);
		const nameLike = theme.split(' ').find(word => looksLikeName(word, texts.get(theme)!));
		if (people.size < minCustomers) {
			withheld.push({
				theme,
				reason: 'few-customers',
				detail: `${people.size} distinct customer${people.size === 1 ? '' : 's'} (needs ${minCustomers})`,
			});
		} else if (sensitive !== undefined) {
			withheld.push({theme, reason: 'sensitive', detail: `"${sensitive}" is a sensitive term`});
		} else if (nameLike === undefined) {
			shareable.add(theme);
		} else {
			withheld.push({theme, reason: 'name-like', detail: `"${nameLike}" is written like a name`});
		}
	}

	return {shareable, withheld};
}
