// Survey responses (CSAT / NPS / CES) from any survey tool's CSV export -> dataset surveys.
import type {Dataset, SurveyKind, SurveyResponse} from '../metrics/dataset.ts';
import {surveyScales} from '../metrics/dataset.ts';
import type {DateOptions, ImportOptions, ImportResult, TextSource} from './common.ts';
import {normalizeHost} from '../model.ts';
import {cell, mapHeader, rowsOf, parseNumber, readCsv, readDateTime, resultOf} from './common.ts';
import {freshdeskFivePoint, freshdeskRatingCode, readZendeskSatisfaction, toFivePoint} from './csat.ts';

export type SurveyImportOptions = ImportOptions &
	DateOptions & {
		/** The kind of every row when the file has no kind column. */
		kind?: SurveyKind | undefined;
		/** Helpdesk and host to build ticket keys from a plain ticket id column. */
		helpdesk?: string | undefined;
		host?: string | undefined;
		/** @default 'Survey export' */
		fileName?: string | undefined;
		/** Points of the CSAT scale behind plain numeric CSAT scores (2, 3 or 5). @default 5 */
		csatScale?: number | undefined;
	};

export const surveyColumns = {
	id: ['Response ID', 'Response id', 'Survey response ID', 'ID'],
	ticketKey: ['Ticket key'],
	ticketId: ['Ticket ID', 'Ticket', 'Ticket number', 'Conversation ID'],
	kind: ['Kind', 'Type', 'Survey type', 'Survey', 'Metric'],
	score: ['Score', 'Rating', 'Value', 'Answer'],
	at: ['Submitted at', 'Answered at', 'Responded at', 'Created at', 'Date', 'Timestamp', 'Time'],
} as const;

type Field = keyof typeof surveyColumns;

function kindOf(text: string): SurveyKind | undefined {
	const value = text.trim().toLowerCase();
	if (value.includes('csat') || value.includes('satisf')) {
		return 'csat';
	}

	if (value.includes('nps') || value.includes('promoter')) {
		return 'nps';
	}

	return value.includes('ces') || value.includes('effort') ? 'ces' : undefined;
}

type CsatReading = {score: number | null; scale?: number | undefined} | 'not offered' | undefined;

/**
 * A CSAT answer as survey tools and helpdesks write it: a score on the file's scale, "4/5", Zendesk's
 * Good / Bad (2-point) and Offered (not answered), Freshdesk's rating codes and answers.
 */
function csatReading(text: string, fileScale: number | undefined): CsatReading {
	const zendesk = readZendeskSatisfaction(text);
	if (zendesk?.state === 'offered') {
		return {score: null};
	}

	if (zendesk?.state === 'unoffered') {
		return 'not offered';
	}

	if (zendesk?.state === 'rated') {
		const scale = zendesk.scale ?? fileScale ?? 5;
		if (zendesk.score < 1 || zendesk.score > scale || ![2, 3, 5].includes(scale)) {
			return undefined;
		}

		return zendesk.scale === undefined && fileScale === undefined
			? {score: zendesk.score}
			: {score: toFivePoint(zendesk.score, scale), scale};
	}

	const code = freshdeskRatingCode(text);
	return code === undefined ? undefined : {score: freshdeskFivePoint(code)};
}

/** Imports one survey CSV. All or nothing. CSAT answers are placed on 1..5 (see ./csat.ts). */
export async function importSurveyCsv(source: TextSource, options: SurveyImportOptions = {}): Promise<ImportResult> {
	// Kept until the end even when streamed: whether the file records offers is known only then.
	const surveys: SurveyResponse[] = [];
	const out = rowsOf(options);
	const seen = new Map<string, number>();
	let position: Partial<Record<Field, number>> = {};
	const read = await readCsv(
		source,
		{
			header(fields) {
				position = mapHeader(fields, surveyColumns);
				const issues = [];
				if (position.score === undefined) {
					issues.push({line: 1, message: `No score column ("Score", "Rating" or "Value"); found: ${fields.join(', ')}.`});
				}

				if (position.at === undefined) {
					issues.push({line: 1, message: `No date column ("Submitted at", "Date", ...); found: ${fields.join(', ')}.`});
				}

				if (position.kind === undefined && options.kind === undefined) {
					issues.push({line: 1, message: 'No survey type column ("Type": CSAT, NPS or CES): say which kind the file holds.'});
				}

				return issues;
			},
			row(record, issues) {
				const problem = (field: Field, message: string): void => {
					issues.push({line: record.line, column: surveyColumns[field][0], message});
				};

				const kindText = cell(record, position.kind);
				const kind = kindText === '' ? options.kind : kindOf(kindText);
				if (!kind) {
					problem('kind', `unknown survey type "${kindText}" (expected CSAT, NPS or CES)`);
					return;
				}

				const scoreText = cell(record, position.score);
				let score: number | null | undefined = parseNumber(scoreText);
				let scale: number | undefined;
				const [min, max] = surveyScales[kind];
				if (kind === 'csat') {
					const reading = csatReading(scoreText, options.csatScale);
					if (reading === 'not offered') {
						return;
					}

					score = reading?.score;
					scale = reading?.scale;
					if (reading === undefined) {
						problem(
							'score',
							`"${scoreText}" is not a CSAT answer (a score from 1 to ${options.csatScale ?? 5}, Good / Bad, Offered, or a Freshdesk rating)`,
						);
					}
				} else if (score === undefined || Number.isNaN(score) || score < min || score > max) {
					problem('score', `"${scoreText}" is not a ${kind.toUpperCase()} score (${min} to ${max})`);
				}

				const atText = cell(record, position.at);
				const read = readDateTime(atText, options);
				const at = typeof read === 'number' ? read : undefined;
				if (typeof read !== 'number') {
					problem('at', read.problem);
				}

				let ticketKey = cell(record, position.ticketKey) || null;
				const ticketId = cell(record, position.ticketId);
				if (ticketKey === null && ticketId !== '') {
					ticketKey = options.helpdesk ? `${options.helpdesk}:${normalizeHost(options.host ?? '')}:${ticketId}` : ticketId;
				}

				if (score === undefined || (score !== null && Number.isNaN(score)) || at === undefined) {
					return;
				}

				const given = cell(record, position.id);
				const id = given === '' ? `${ticketKey ?? ''}|${kind}|${at}` : `survey:${given}`;
				const earlier = seen.get(id);
				if (earlier !== undefined) {
					problem('id', `the same response appears twice (also on line ${earlier})`);
					return;
				}

				seen.set(id, record.line);
				const survey: SurveyResponse = {id, ticketKey, kind, score, at};
				if (scale !== undefined) {
					survey.scale = scale;
				}

				surveys.push(survey);
			},
		},
		options,
	);
	// A file that lists unanswered CSAT surveys records its offers: its CSAT rows make a response rate.
	if (surveys.some(survey => survey.kind === 'csat' && survey.score === null)) {
		for (const survey of surveys) {
			if (survey.kind === 'csat') {
				survey.offered = true;
			}
		}
	}

	for (const survey of surveys) {
		out.survey(survey);
	}

	return resultOf(options.fileName ?? 'Survey export', read, (): Dataset => ({
		tickets: [],
		events: [],
		surveys: out.surveys,
		customers: [],
	}));
}
