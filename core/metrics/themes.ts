// Recurring themes in customer text, found locally by key-phrase clustering (method in ./README.md).

export type ThemeDocument = {id: string; text: string};

export type Theme = {
	/** The theme's label and id: its most frequent key phrase, e.g. 'password reset'. */
	id: string;
	/** Every key phrase grouped into this theme, most frequent first. */
	phrases: string[];
	/** How many documents mention at least one of the phrases. */
	documents: number;
};

export type ThemeOptions = {
	/** A phrase must appear in at least this many documents. @default max(3, 0.5% of documents) */
	minSupport?: number | undefined;
	/** Phrases in more than this share of documents say nothing specific. @default 0.5 */
	maxShare?: number | undefined;
	/** @default 40 */
	maxThemes?: number | undefined;
	/** Two phrases (or a phrase and a theme) join when |A∩B| / min(|A|,|B|) reaches this. @default 0.6 */
	overlap?: number | undefined;
	/** Above this many documents, themes are found in an even sample of this size, then every document is assigned. @default 50000 */
	sampleSize?: number | undefined;
};

const stopWords = new Set(
	`
a about above after again against all also am an and any are aren as at be because been before being below between both
but by can cannot could couldn did didn do does doesn doing don down during each else even ever every few for from
further get gets got had hadn has hasn have haven having he her here hers herself him himself his how however i if in
into is isn it its itself just let me more most much must mustn my myself need needs no nor not now of off on once
only or other our ours ourselves out over own same shan she should shouldn so some still such than that the their
theirs them themselves then there these they this those through to too under until up upon us very via was wasn we
were weren what when where which while who whom why will with within without won would wouldn yes yet you your yours
yourself yourselves ll ve re im ive id youre thats dont cant wont isnt didnt doesnt wasnt arent havent hasnt
hi hello hey dear thanks thank thx please pls regards best kind kindly cheers sincerely team support customer
ticket issue issues problem problems question questions help hope anyone someone something anything everything
today yesterday tomorrow week weeks day days time times month months year years morning afternoon evening
one two three first second last next new old still again already really actually just maybe sure able unable
ok okay well good great bad way lot lots thing things sent send sending sorry attached attachment see look looking
know want wanted would like make made go going come came take took give gave tell told said say says use used using
asap urgent urgently frustrating frustrated frustration annoyed angry upset disappointed unacceptable ridiculous terrible
awful patience losing lost waiting wait tried try trying everything nothing nobody anybody advance depend depends
`
		.split(/\s+/)
		.filter(Boolean),
);

/**
 * Function words and support pleasantries of the other languages the phrase packs cover (es, de, fr, pt),
 * written as clausesOf() sees them: lowercase, accents removed, three letters or more.
 */
const otherStopWords = `
para por con una uno unos unas los las del que como pero porque cuando donde esta este esto estos estas eso esa ese
son fue ser estar hay muy mas sin sobre entre tambien ya todo todos toda nada algo alguien usted ustedes nos nosotros
ellos ellas hola gracias saludos favor buenos buenas dias tardes noches hoy ayer manana semana mes ano tengo tiene
tienen hace hacer puede pueden quiero necesito sigo sigue siempre nunca otra otro vez veces ahora aun todavia
der die das den dem des ein eine einer eines einem einen und oder aber auch nicht noch schon sehr mit von fur auf aus
bei nach zum zur uber unter ist sind war waren wird werden habe hat haben hatte ich sie wir ihr mein meine mich mir
ihnen ihre dass wenn weil wie was wer kann konnen muss mussen bitte danke hallo gruss grusse freundlichen heute
gestern morgen woche monat jahr immer wieder jetzt mal nur
les des une pour par avec sans sur dans est sont etait ete etre avoir ont mais comme quand que qui quoi nous vous
ils elles mon mes votre vos leur leurs pas plus tres deja encore toujours jamais rien tout tous toute toutes bonjour
merci cordialement salutations svp aujourd hui hier demain semaine mois annee fait faire peux peut veux voudrais
uma umas uns com sem sobre entre nao foi ser estar esta estou tem tenho mais muito muita todo todos toda nada
algo voce voces nos eles elas ola obrigado obrigada atenciosamente bom boa dia hoje ontem amanha semana mes ano
ainda sempre nunca agora outra outro vez vezes pelo pela pelos pelas aos das numa num isso isto essa esse
`
	.split(/\s+/)
	.filter(Boolean);
for (const word of otherStopWords) {
	stopWords.add(word);
}

/** Lowercase words without accents, numbers, addresses or links; clauses split at punctuation. */
export function clausesOf(text: string): string[][] {
	const plain = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036F]/g, '')
		.toLowerCase()
		.replace(/https?:\/\/\S+|www\.\S+/g, ' . ')
		.replace(/\S+@\S+/g, ' . ')
		.replace(/['\u2019]/g, '');
	return plain
		.split(/[.!?;:,()[\]{}"\n\r\t/\\|<>]+/)
		.map(clause => (clause.match(/[a-z]+/g) ?? []).filter(word => word.length >= 3 && !stopWords.has(word)).map(word => stem(word)))
		.filter(words => words.length > 0);
}

/** Plural folding only: 'refunds' -> 'refund', 'deliveries' -> 'delivery'. */
function stem(word: string): string {
	if (word.length > 4 && word.endsWith('ies')) {
		return `${word.slice(0, -3)}y`;
	}

	if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) {
		return word.slice(0, -1);
	}

	return word;
}

/** Distinct unigram and bigram key phrases of one document. */
export function keyPhrasesOf(text: string): Set<string> {
	const phrases = new Set<string>();
	for (const words of clausesOf(text)) {
		for (const [index, word] of words.entries()) {
			phrases.add(word);
			const next = words[index + 1];
			if (next !== undefined && next !== word) {
				phrases.add(`${word} ${next}`);
			}
		}
	}

	return phrases;
}

/** FNV-1a, 32 bits. */
function hashOf(text: string): number {
	let hash = 0x81_1c_9d_c5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01_00_01_93);
	}

	return hash >>> 0;
}

/** The document's key phrases that belong to some theme (the rest are not kept). */
function relevantPhrases(text: string, wanted: ReadonlySet<string>): Set<string> {
	const phrases = new Set<string>();
	for (const phrase of keyPhrasesOf(text)) {
		if (wanted.has(phrase)) {
			phrases.add(phrase);
		}
	}

	return phrases;
}

function overlapOf(a: Set<number>, b: Set<number>): number {
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	let shared = 0;
	for (const item of small) {
		if (large.has(item)) {
			shared++;
		}
	}

	return small.size === 0 ? 0 : shared / small.size;
}

/**
 * Groups documents into themes. Deterministic: the same documents give the same themes and assignments.
 * Returns the themes and, per document id, the one theme it belongs to (documents without a theme are absent).
 */
export function extractThemes(
	documents: readonly ThemeDocument[],
	options: ThemeOptions = {},
): {themes: Theme[]; assignments: Map<string, string>} {
	// Above sampleSize documents the themes are found in a sample (one in k, chosen by a hash of the id,
	// so no period in the data's order can bias it) and then every document is assigned: the phrases of
	// half a million tickets would not fit a browser's memory.
	const sampleSize = options.sampleSize ?? 50_000;
	const step = Math.max(1, Math.ceil(documents.length / sampleSize));
	const sample = step === 1 ? documents : documents.filter(document => hashOf(document.id) % step === 0);
	const minSupport = options.minSupport ?? Math.max(3, Math.ceil(sample.length * 0.005));
	const keepSupport = options.minSupport ?? Math.max(3, Math.ceil(documents.length * 0.005));
	const maxShare = options.maxShare ?? 0.5;
	const maxThemes = options.maxThemes ?? 40;
	const overlapNeeded = options.overlap ?? 0.6;

	const phraseDocs = new Map<string, Set<number>>();
	const docPhrases: Array<Set<string>> = [];
	for (const [index, document] of sample.entries()) {
		const phrases = keyPhrasesOf(document.text);
		docPhrases.push(phrases);
		for (const phrase of phrases) {
			let docs = phraseDocs.get(phrase);
			if (!docs) {
				docs = new Set();
				phraseDocs.set(phrase, docs);
			}

			docs.add(index);
		}
	}

	const maxDocs = Math.max(minSupport, Math.floor(sample.length * maxShare));
	const candidates = [...phraseDocs]
		.filter(([, docs]) => docs.size >= minSupport && docs.size <= maxDocs)
		.map(([phrase, docs]) => ({phrase, docs, score: docs.size * (phrase.includes(' ') ? 1.5 : 1)}))
		.sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : 1))
		.slice(0, maxThemes * 10);

	type Cluster = {label: string; phrases: string[]; docs: Set<number>};
	const clusters: Cluster[] = [];
	for (const candidate of candidates) {
		let best: Cluster | undefined;
		let bestOverlap = 0;
		for (const cluster of clusters) {
			const overlap = overlapOf(candidate.docs, cluster.docs);
			if (overlap > bestOverlap) {
				best = cluster;
				bestOverlap = overlap;
			}
		}

		if (best && bestOverlap >= overlapNeeded) {
			best.phrases.push(candidate.phrase);
			for (const doc of candidate.docs) {
				best.docs.add(doc);
			}
		} else if (clusters.length < maxThemes) {
			clusters.push({label: candidate.phrase, phrases: [candidate.phrase], docs: new Set(candidate.docs)});
		}
	}

	const assignments = new Map<string, string>();
	const counts = new Map<string, number>();
	const clusterPhrases = new Set(clusters.flatMap(cluster => cluster.phrases));
	// The same text gets the same theme: exports repeat subjects, so each distinct text is matched once.
	const bestOfText = new Map<string, Cluster | undefined>();
	for (const [index, document] of documents.entries()) {
		if (step > 1 && bestOfText.has(document.text)) {
			const known = bestOfText.get(document.text);
			if (known) {
				assignments.set(document.id, known.label);
				counts.set(known.label, (counts.get(known.label) ?? 0) + 1);
			}

			continue;
		}

		// Sampled: the sample's phrase sets are reused, the others made (and dropped) one at a time.
		const phrases = step === 1 ? docPhrases[index]! : relevantPhrases(document.text, clusterPhrases);
		let best: Cluster | undefined;
		let bestHits = 0;
		for (const cluster of clusters) {
			let hits = 0;
			for (const phrase of cluster.phrases) {
				if (phrases.has(phrase)) {
					hits++;
				}
			}

			if (hits > bestHits || (hits === bestHits && hits > 0 && best && cluster.docs.size > best.docs.size)) {
				best = cluster;
				bestHits = hits;
			}
		}

		if (step > 1 && bestOfText.size < 1_000_000) {
			bestOfText.set(document.text, best);
		}

		if (best) {
			assignments.set(document.id, best.label);
			counts.set(best.label, (counts.get(best.label) ?? 0) + 1);
		}
	}

	// A theme that keeps fewer documents than a phrase needs is noise: its documents get no theme.
	const themes = clusters
		.map(cluster => ({id: cluster.label, phrases: cluster.phrases, documents: counts.get(cluster.label) ?? 0}))
		.filter(theme => theme.documents >= keepSupport)
		.sort((a, b) => b.documents - a.documents || (a.id < b.id ? -1 : 1));
	const kept = new Set(themes.map(theme => theme.id));
	for (const [id, theme] of assignments) {
		if (!kept.has(theme)) {
			assignments.delete(id);
		}
	}

	return {themes, assignments};
}
