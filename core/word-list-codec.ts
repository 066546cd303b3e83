// A compact text form of a word list with integer scores (the tone lexicon): words grouped by score,
// sorted, each written as how much it shares with the word before plus the rest ("abandon",
// "abandoned" -> "0abandon|7ed"). About two thirds of the JSON form once compressed; the extension's
// build ships the lexicon this way (wxt.config.ts) and decodes it once when the content script starts.
// Words must not contain '|', ';' or ':'.

const maxShared = 35; // One base-36 digit

function shared(a: string, b: string): number {
	let length = 0;
	while (length < maxShared && length < a.length && length < b.length && a[length] === b[length]) {
		length++;
	}

	return length;
}

export function encodeWordScores(scores: Readonly<Record<string, number>>): string {
	const groups = new Map<number, string[]>();
	for (const [word, score] of Object.entries(scores)) {
		if (!Number.isInteger(score) || /[|;:]/.test(word)) {
			throw new TypeError(`cannot encode ${JSON.stringify(word)}: ${score}`);
		}

		groups.set(score, [...(groups.get(score) ?? []), word]);
	}

	return [...groups.entries()]
		.sort((a, b) => a[0] - b[0])
		.map(([score, words]) => {
			let previous = '';
			const entries = words.sort().map(word => {
				const length = shared(previous, word);
				previous = word;
				return `${length.toString(36)}${word.slice(length)}`;
			});
			return `${score}:${entries.join('|')}`;
		})
		.join(';');
}

export function decodeWordScores(encoded: string): Record<string, number> {
	const scores: Record<string, number> = {};
	for (const group of encoded.split(';')) {
		const colon = group.indexOf(':');
		const score = Number(group.slice(0, colon));
		let previous = '';
		for (const entry of group.slice(colon + 1).split('|')) {
			previous = previous.slice(0, Number.parseInt(entry[0]!, 36)) + entry.slice(1);
			scores[previous] = score;
		}
	}

	return scores;
}
