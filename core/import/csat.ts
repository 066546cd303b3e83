// Customer satisfaction answers as helpdesks write them in their exports, and their place on the
// 1..5 CSAT scale every metric reads. A rating on an n-point scale is placed linearly
// (1 + (score - 1) * 4 / (n - 1)): on 2 points 1 -> 1 and 2 -> 5, on 3 points 1 -> 1, 2 -> 3, 3 -> 5.
// The default rule (4-5 good) then counts exactly what Zendesk counts good: 2 of 2, 3 of 3, 4-5 of 5.

/** What one satisfaction cell says. `score` is on the source's own scale (1..scale). */
export type CsatAnswer =
	| {state: 'rated'; score: number; scale: number | undefined}
	/** A survey was sent and not answered (yet). */
	| {state: 'offered'}
	/** No survey was sent. */
	| {state: 'unoffered'}
	| {state: 'unknown'};

/** The scales a rating may come on (points). */
export const csatScales = [2, 3, 5, 7, 10] as const;

/** A rating on a `scale`-point scale, placed on 1..5. */
export function toFivePoint(score: number, scale: number): number {
	return scale === 5 ? score : 1 + ((score - 1) * 4) / (scale - 1);
}

const ofScale = /^(\d{1,2})\s*(?:\/|of|out of)\s*(\d{1,2})$/;

/**
 * Zendesk's "Satisfaction Score" / "Satisfaction" column: legacy CSAT (Good, Bad, their "with comment"
 * variants as the export or the API spell them, Offered, Unoffered) and updated CSAT (a number on the
 * 2-, 3- or 5-point scale the account chose; "4/5" carries its scale).
 */
export function readZendeskSatisfaction(text: string): CsatAnswer | undefined {
	const value = text.trim().toLowerCase().replaceAll('_', ' ');
	if (value === '' || value === '-') {
		return undefined;
	}

	if (/^good\b/.test(value)) {
		return {state: 'rated', score: 2, scale: 2};
	}

	if (/^bad\b/.test(value)) {
		return {state: 'rated', score: 1, scale: 2};
	}

	if (value === 'offered') {
		return {state: 'offered'};
	}

	if (value === 'unoffered' || value === 'not offered') {
		return {state: 'unoffered'};
	}

	if (/^\d{1,2}$/.test(value)) {
		return {state: 'rated', score: Number(value), scale: undefined};
	}

	const fraction = ofScale.exec(value);
	if (fraction) {
		return {state: 'rated', score: Number(fraction[1]), scale: Number(fraction[2])};
	}

	return {state: 'unknown'};
}

// Freshdesk's rating codes (API `ratings.default_question`, any survey scale): 103 / 102 / 101 the
// positive answers from strongest to mildest, 100 neutral, -101 / -102 / -103 the negative ones. The
// classic three-point survey uses 103 (Awesome), 100 (Just okay) and -103 (Not good).
const freshdeskCodes: Record<string, number> = {'103': 5, '102': 4, '101': 4, '100': 3, '-101': 2, '-102': 2, '-103': 1};

const freshdeskLabels: Array<[RegExp, number]> = [
	[/^(extremely (happy|satisfied)|strongly agree|awesome|excellent)\b/, 103],
	[/^very (happy|satisfied)\b|^agree\b/, 102],
	[/^(happy|satisfied|slightly agree|good)\b/, 101],
	[/^(neutral|just okay|okay|ok|neither)\b/, 100],
	[/^(extremely (unhappy|dissatisfied)|strongly disagree|not good|terrible)\b/, -103],
	[/^very (unhappy|dissatisfied)\b|^disagree\b/, -102],
	[/^(unhappy|dissatisfied|not satisfied|slightly disagree|bad)\b/, -101],
];

/** A Freshdesk rating code (see above) from the code itself or its answer label, or undefined. */
export function freshdeskRatingCode(text: string): number | undefined {
	const value = text.trim().toLowerCase().replace(/\s+/g, ' ');
	if (freshdeskCodes[value] !== undefined) {
		return Number(value);
	}

	return freshdeskLabels.find(([pattern]) => pattern.test(value))?.[1];
}

/**
 * Freshdesk's satisfaction answers (ticket export "Survey results" and the satisfaction survey
 * export): the rating codes or their labels, as the code (the survey's number of points is not in
 * the export). Place it on 1..5 with freshdeskFivePoint.
 */
export function readFreshdeskSatisfaction(text: string): CsatAnswer | undefined {
	const value = text.trim();
	if (value === '' || value === '-') {
		return undefined;
	}

	const code = freshdeskRatingCode(value);
	return code === undefined ? {state: 'unknown'} : {state: 'rated', score: code, scale: undefined};
}

/** A Freshdesk rating code on 1..5: positive answers 4-5 (good under the default rule), neutral 3, negative 1-2. */
export function freshdeskFivePoint(code: number): number {
	return freshdeskCodes[String(code)] ?? 3;
}

/**
 * The scale of a file's plain numeric ratings, from the largest seen, unless the person said it:
 * 4 or 5 -> 5 points, 3 -> 3 points, 1-2 -> 2 points. A small file on a 5-point scale where nobody
 * rated above 3 would be misread, so the import warns whenever the scale was inferred below 5.
 */
export function inferScale(largest: number): number {
	return largest >= 4 ? 5 : largest === 3 ? 3 : 2;
}
