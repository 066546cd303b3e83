// Satisfaction data in every form the helpdesks export it, one file per form (test/fixtures/exports).
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import type {SurveyResponse} from '../metrics/dataset.ts';
import {validateDataset} from '../metrics/schema.ts';
import type {ImportResult} from './common.ts';
import {freshdeskRatingCode, readFreshdeskSatisfaction, readZendeskSatisfaction, toFivePoint} from './csat.ts';
import {importFreshdeskCsv} from './freshdesk.ts';
import {importSurveyCsv} from './surveys.ts';
import {importZendeskCsv} from './zendesk.ts';
import {kpisOfDataset} from '../../dashboard/worker/node-database.ts';

const exports = join(process.cwd(), 'test', 'fixtures', 'exports');
const read = (name: string): string => readFileSync(join(exports, name), 'utf8');

function okOf(result: ImportResult) {
	if (!result.ok) {
		throw new Error(result.summary);
	}

	return result;
}

/** ticket id -> [score on 1..5 or null, scale, offered] */
function byTicket(surveys: SurveyResponse[]): Record<string, [number | null, number | undefined, boolean | undefined]> {
	return Object.fromEntries(surveys.map(survey => [survey.ticketKey!.split(':').at(-1)!, [survey.score, survey.scale, survey.offered]]));
}

describe('Zendesk CSAT', () => {
	test('legacy: Good / Bad, "with comment" as the export and the API spell it, Offered, Unoffered', async () => {
		const result = okOf(await importZendeskCsv([read('zendesk-csat-legacy.csv')], {host: 'acme.zendesk.com'}));
		validateDataset(result.dataset);
		expect(byTicket(result.dataset.surveys)).toEqual({
			5001: [5, 2, true],
			5002: [5, 2, true],
			5003: [1, 2, true],
			5004: [1, 2, true],
			// Offered: sent and not answered. Unoffered (5007): no survey sent, so no row at all.
			5005: [null, undefined, true],
			5006: [null, undefined, true],
		});
		expect(result.warnings).toEqual([]);
		const [row] = await kpisOfDataset(result.dataset);
		expect(row!.csat).toEqual({numerator: 2, denominator: 4, value: 0.5});
		expect(row!.csatResponseRate).toEqual({numerator: 4, denominator: 6, value: 4 / 6});
	});

	test('updated CSAT on 5 points: 4-5 good, the scale recorded', async () => {
		const result = okOf(await importZendeskCsv([read('zendesk-csat-5-point.csv')], {host: 'acme.zendesk.com'}));
		expect(byTicket(result.dataset.surveys)).toEqual({
			6001: [5, 5, true],
			6002: [4, 5, true],
			6003: [3, 5, true],
			6004: [1, 5, true],
			6005: [null, undefined, true],
			6006: [null, undefined, true],
			6008: [2, 5, true],
		});
		expect(result.warnings).toEqual([]);
		const [row] = await kpisOfDataset(result.dataset);
		expect(row!.csat).toEqual({numerator: 2, denominator: 5, value: 0.4});
		expect(row!.csatResponseRate).toEqual({numerator: 5, denominator: 7, value: 5 / 7});
		// Excluding the neutral middle leaves 2 good of 4.
		expect((await kpisOfDataset(result.dataset, {csat: 'exclude-neutral'}))[0]!.csat).toEqual({numerator: 2, denominator: 4, value: 0.5});
	});

	test('updated CSAT on 3 points: inferred from the largest score, said in a warning; only 3 is good', async () => {
		const result = okOf(await importZendeskCsv([read('zendesk-csat-3-point.csv')], {host: 'acme.zendesk.com'}));
		expect(byTicket(result.dataset.surveys)).toEqual({
			6101: [5, 3, true],
			6102: [5, 3, true],
			6103: [3, 3, true],
			6104: [1, 3, true],
			6105: [null, undefined, true],
		});
		expect(result.warnings).toEqual([
			'Satisfaction scores go up to 3 only: read as a 3-point scale (3 is good). If the survey had 5 points, import again with the CSAT scale set to 5.',
		]);
		expect((await kpisOfDataset(result.dataset))[0]!.csat).toEqual({numerator: 2, denominator: 4, value: 0.5});
		// Told it was a 5-point survey, the same file has no good answer at all.
		const five = okOf(await importZendeskCsv([read('zendesk-csat-3-point.csv')], {host: 'acme.zendesk.com', csatScale: 5}));
		expect(five.warnings).toEqual([]);
		expect(byTicket(five.dataset.surveys)[6101]).toEqual([3, 5, true]);
		expect((await kpisOfDataset(five.dataset))[0]!.csat).toEqual({numerator: 0, denominator: 4, value: 0});
	});

	test.each(['zendesk-csat-5-point.csv', 'zendesk-csat-3-point.csv', 'zendesk-csat-legacy.csv'])(
		"%s handed on row by row (the command line's stream) gives the same surveys as kept whole",
		async name => {
			const kept = okOf(await importZendeskCsv([read(name)], {host: 'acme.zendesk.com'}));
			const streamed: SurveyResponse[] = [];
			const handed = okOf(
				await importZendeskCsv([read(name)], {host: 'acme.zendesk.com', sink: {ticket() {}, survey: survey => streamed.push(survey)}}),
			);
			expect(handed.warnings).toEqual(kept.warnings);
			const order = (surveys: SurveyResponse[]) => [...surveys].sort((x, y) => ((x.id ?? '') < (y.id ?? '') ? -1 : 1));
			expect(order(streamed)).toEqual(order(kept.dataset.surveys));
			expect(streamed.length).toBeGreaterThan(2);
		},
	);

	test('updated CSAT on 2 points: 2 good, 1 bad', async () => {
		const result = okOf(await importZendeskCsv([read('zendesk-csat-2-point.csv')], {host: 'acme.zendesk.com'}));
		expect(byTicket(result.dataset.surveys)).toEqual({
			6201: [5, 2, true],
			6202: [1, 2, true],
			6203: [5, 2, true],
			6204: [null, undefined, true],
		});
		expect(result.warnings).toHaveLength(1);
		const [row] = await kpisOfDataset(result.dataset);
		expect(row!.csat).toEqual({numerator: 2, denominator: 3, value: 2 / 3});
		expect(row!.csatResponseRate).toEqual({numerator: 3, denominator: 4, value: 0.75});
	});

	test('a score beyond the scale given, a bad scale and unknown values', async () => {
		const lines = read('zendesk-csat-5-point.csv').trim().split('\n');
		const refused = await importZendeskCsv([lines.join('\n')], {csatScale: 3});
		expect(!refused.ok && refused.issues[0]).toEqual({
			line: 2,
			column: 'Satisfaction Score',
			message: '"5" is not a rating on the 3-point scale',
		});
		const badScale = await importZendeskCsv([lines.join('\n')], {csatScale: 4});
		expect(!badScale.ok && badScale.issues[0]!.message).toBe('The CSAT scale must be 2, 3 or 5 points (got 4).');
		const odd = lines.map((line, index) => (index === 1 ? line.replace(',5,1,0,', ',Great,1,0,') : line)).join('\n');
		const result = okOf(await importZendeskCsv([odd], {host: 'acme.zendesk.com'}));
		expect(result.warnings).toEqual([
			'1 satisfaction value not understood and not counted: "Great" (known: Good, Bad, with comment, Offered, Unoffered, a score).',
		]);
		expect(result.dataset.tickets).toHaveLength(8);
	});
});

describe('Freshdesk satisfaction', () => {
	const expected = {
		801: [5, undefined, undefined],
		802: [4, undefined, undefined],
		803: [4, undefined, undefined],
		804: [3, undefined, undefined],
		805: [1, undefined, undefined],
		806: [2, undefined, undefined],
	};

	test('answers as the ticket export writes them: positive good, neutral in the middle, negative bad', async () => {
		const result = okOf(await importFreshdeskCsv([read('freshdesk-csat-answers.csv')], {host: 'acme.freshdesk.com'}));
		validateDataset(result.dataset);
		expect(byTicket(result.dataset.surveys)).toEqual(expected);
		const [row] = await kpisOfDataset(result.dataset);
		expect(row!.csat).toEqual({numerator: 3, denominator: 6, value: 0.5});
		// The export records no unanswered surveys: no response rate.
		expect(row!.csatResponseRate).toEqual({numerator: 0, denominator: 0, value: null});
		expect((await kpisOfDataset(result.dataset, {csat: 'exclude-neutral'}))[0]!.csat).toEqual({numerator: 3, denominator: 5, value: 0.6});
	});

	test("the API's rating codes (103 .. -103) read the same as their answers", async () => {
		const result = okOf(await importFreshdeskCsv([read('freshdesk-csat-codes.csv')], {host: 'acme.freshdesk.com'}));
		expect(byTicket(result.dataset.surveys)).toEqual(
			Object.fromEntries(Object.entries(expected).map(([id, value]) => [String(Number(id) + 10), value])),
		);
	});

	test('the classic three-answer survey: Awesome, Just okay, Not good', async () => {
		const result = okOf(await importFreshdeskCsv([read('freshdesk-csat-classic.csv')], {host: 'acme.freshdesk.com'}));
		expect(byTicket(result.dataset.surveys)).toEqual({
			821: [5, undefined, undefined],
			822: [3, undefined, undefined],
			823: [1, undefined, undefined],
			824: [5, undefined, undefined],
		});
		expect((await kpisOfDataset(result.dataset))[0]!.csat).toEqual({numerator: 2, denominator: 4, value: 0.5});
	});

	test('an answer it does not know is named in a warning, not guessed', async () => {
		const csv = read('freshdesk-csat-answers.csv').replace('Extremely Happy', 'Mostly fine');
		const result = okOf(await importFreshdeskCsv([csv], {host: 'acme.freshdesk.com'}));
		expect(result.warnings.at(-1)).toMatch(/^1 satisfaction answer not understood and not counted: "Mostly fine"/);
		expect(result.dataset.surveys).toHaveLength(5);
	});
});

test("a survey tool's CSV: scores with their scale, Good, Offered (the file records offers), Unoffered left out", async () => {
	const result = okOf(await importSurveyCsv([read('survey-csat-offers.csv')], {helpdesk: 'zendesk', host: 'acme.zendesk.com'}));
	validateDataset(result.dataset);
	expect(result.dataset.surveys.map(survey => [survey.id, survey.kind, survey.score, survey.scale, survey.offered])).toEqual([
		['survey:s-1', 'csat', 4, 5, true],
		['survey:s-2', 'csat', 2, 5, true],
		['survey:s-3', 'csat', null, undefined, true],
		['survey:s-4', 'csat', 5, 2, true],
		['survey:s-6', 'nps', 10, undefined, undefined],
	]);
	const [row] = await kpisOfDataset(result.dataset);
	expect(row!.csat).toEqual({numerator: 2, denominator: 3, value: 2 / 3});
	expect(row!.csatResponseRate).toEqual({numerator: 3, denominator: 4, value: 0.75});
	expect(row!.nps.responses).toBe(1);
});

test.each([
	['Good', {state: 'rated', score: 2, scale: 2}],
	['good_with_comment', {state: 'rated', score: 2, scale: 2}],
	['Bad with comment', {state: 'rated', score: 1, scale: 2}],
	["Bad, I'm unsatisfied", {state: 'rated', score: 1, scale: 2}],
	['Offered', {state: 'offered'}],
	['unoffered', {state: 'unoffered'}],
	['4', {state: 'rated', score: 4, scale: undefined}],
	['4/5', {state: 'rated', score: 4, scale: 5}],
	['2 of 3', {state: 'rated', score: 2, scale: 3}],
	['', undefined],
	['superb', {state: 'unknown'}],
])('Zendesk "%s"', (text, answer) => {
	expect(readZendeskSatisfaction(text)).toEqual(answer);
});

test.each([
	['103', 103],
	['-102', -102],
	['Extremely happy', 103],
	['Very Happy', 102],
	['happy', 101],
	['Neutral', 100],
	['Unhappy', -101],
	['Very unhappy', -102],
	['Extremely Unhappy', -103],
	['Awesome', 103],
	['Just okay', 100],
	['Not good', -103],
	['Strongly agree', 103],
	['104', undefined],
])('Freshdesk "%s" -> %s', (text, code) => {
	expect(freshdeskRatingCode(text)).toBe(code);
	expect(readFreshdeskSatisfaction(text)).toEqual(
		code === undefined ? {state: 'unknown'} : {state: 'rated', score: code, scale: undefined},
	);
});

test('ratings are placed on 1..5 so that 4-5 is what the helpdesk counts good', () => {
	expect([1, 2].map(score => toFivePoint(score, 2))).toEqual([1, 5]);
	expect([1, 2, 3].map(score => toFivePoint(score, 3))).toEqual([1, 3, 5]);
	expect([1, 2, 3, 4, 5].map(score => toFivePoint(score, 5))).toEqual([1, 2, 3, 4, 5]);
});
