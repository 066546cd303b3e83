// Zendesk's ticket CSV export (Admin Center > Account > Tools > Reports > CSV export) -> dataset.
// The export has no comments, so the timeline is empty and the helpdesk's own measures
// (first reply, resolutions, replies, reopens, in calendar and business minutes) are used as reported.
import type {Dataset, DatasetTicket, SurveyResponse, TicketStatus} from '../metrics/dataset.ts';
import type {DateOptions, ImportOptions, ImportResult, TextSource} from './common.ts';
import {normalizeHost} from '../model.ts';
import {cell, mapHeader, rowsOf, parseNumber, readCsv, readDateTime, resultOf} from './common.ts';
import {inferScale, readZendeskSatisfaction, toFivePoint} from './csat.ts';

export type ZendeskImportOptions = ImportOptions &
	DateOptions & {
		/** The account's host, e.g. 'acme.zendesk.com', so keys match tickets the extension saw. @default '' */
		host?: string | undefined;
		/** Name used in messages. @default 'Zendesk export' */
		fileName?: string | undefined;
		/** Points of the CSAT scale behind plain numeric scores (2, 3 or 5). @default inferred from the largest score */
		csatScale?: number | undefined;
	};

const columns = {
	id: ['Id', 'Ticket ID'],
	requester: ['Requester'],
	requesterId: ['Requester id'],
	requesterEmail: ['Requester email'],
	assignee: ['Assignee'],
	group: ['Group'],
	subject: ['Subject'],
	status: ['Status'],
	priority: ['Priority'],
	via: ['Via'],
	createdAt: ['Created at'],
	solvedAt: ['Solved at'],
	satisfaction: ['Satisfaction Score', 'Satisfaction'],
	replies: ['Replies'],
	reopens: ['Reopens'],
	firstReply: ['First reply time in minutes'],
	firstReplyBusiness: ['First reply time in minutes within business hours'],
	firstResolution: ['First resolution time in minutes'],
	firstResolutionBusiness: ['First resolution time in minutes within business hours'],
	fullResolution: ['Full resolution time in minutes'],
	fullResolutionBusiness: ['Full resolution time in minutes within business hours'],
} as const;

type Field = keyof typeof columns;

const statuses: Record<string, TicketStatus> = {
	new: 'new',
	open: 'open',
	pending: 'pending',
	hold: 'on-hold',
	'on-hold': 'on-hold',
	onhold: 'on-hold',
	solved: 'solved',
	closed: 'closed',
};
const priorities: Record<string, string> = {low: 'low', normal: 'normal', high: 'high', urgent: 'urgent'};

/** Zendesk "Via" values -> channel. */
export function channelOfVia(via: string): string | null {
	const value = via.trim().toLowerCase();
	if (value === '') {
		return null;
	}

	if (value.includes('mail')) {
		return 'email';
	}

	if (value.includes('chat') || value.includes('messag')) {
		return 'chat';
	}

	if (value.includes('phone') || value.includes('voice') || value.includes('call')) {
		return 'phone';
	}

	if (value.includes('web') || value.includes('form') || value.includes('widget') || value.includes('help center')) {
		return 'web';
	}

	if (value.includes('twitter') || value.includes('facebook') || value.includes('whatsapp') || value.includes('instagram')) {
		return 'social';
	}

	return value.includes('api') ? 'api' : value;
}

const measureFields: Array<[Field, keyof NonNullable<DatasetTicket['reported']>]> = [
	['firstReply', 'firstReplyMinutes'],
	['firstReplyBusiness', 'firstReplyBusinessMinutes'],
	['firstResolution', 'firstResolutionMinutes'],
	['firstResolutionBusiness', 'firstResolutionBusinessMinutes'],
	['fullResolution', 'fullResolutionMinutes'],
	['fullResolutionBusiness', 'fullResolutionBusinessMinutes'],
	['replies', 'replies'],
	['reopens', 'reopens'],
];

/** Imports one Zendesk ticket CSV export. All or nothing: any bad row and nothing is imported. */
export async function importZendeskCsv(source: TextSource, options: ZendeskImportOptions = {}): Promise<ImportResult> {
	const host = normalizeHost(options.host ?? '');
	const out = rowsOf(options);
	// Ids are digits: numbers as keys keep a million of them small.
	const seen = new Map<number, number>();
	// Plain numeric scores wait for the file's scale (known once every row is read).
	const numeric: SurveyResponse[] = [];
	let largestScore = 0;
	const unknownAnswers = new Map<string, number>();
	const givenScale = options.csatScale;

	let position: Partial<Record<Field, number>> = {};
	const read = await readCsv(
		source,
		{
			header(fields) {
				position = mapHeader(fields, columns);
				const missing = (['id', 'createdAt', 'status'] as const).filter(field => position[field] === undefined);
				if (givenScale !== undefined && ![2, 3, 5].includes(givenScale)) {
					return [{line: 0, message: `The CSAT scale must be 2, 3 or 5 points (got ${givenScale}).`}];
				}

				return missing.length === 0
					? []
					: [
							{
								line: 1,
								message: `This is not a Zendesk ticket export: missing column${missing.length > 1 ? 's' : ''} ${missing.map(field => `"${columns[field][0]}"`).join(', ')} (found: ${fields.slice(0, 12).join(', ')}${fields.length > 12 ? ', ...' : ''}).`,
							},
						];
			},
			row(record, issues) {
				const problem = (field: Field, message: string): void => {
					issues.push({line: record.line, column: columns[field][0], message});
				};

				const id = cell(record, position.id);
				if (!/^\d+$/.test(id)) {
					problem('id', id === '' ? 'the ticket id is empty' : `"${id}" is not a ticket id (digits expected)`);
					return;
				}

				const earlier = seen.get(Number(id));
				if (earlier !== undefined) {
					problem('id', `ticket ${id} appears twice (also on line ${earlier})`);
					return;
				}

				seen.set(Number(id), record.line);
				const created = readDateTime(cell(record, position.createdAt), options);
				const createdAt = typeof created === 'number' ? created : undefined;
				if (typeof created !== 'number') {
					problem('createdAt', created.problem);
				}

				const statusText = cell(record, position.status).toLowerCase();
				const status = statuses[statusText];
				if (!status) {
					problem('status', `unknown status "${cell(record, position.status)}" (expected New, Open, Pending, On-hold, Solved or Closed)`);
				}

				const reported: NonNullable<DatasetTicket['reported']> = {};
				for (const [field, name] of measureFields) {
					const value = parseNumber(cell(record, position[field]));
					if (Number.isNaN(value) || (value !== undefined && value < 0)) {
						problem(field, `"${cell(record, position[field])}" is not a number of minutes or a count`);
					} else if (value !== undefined) {
						reported[name] = value;
					}
				}

				let solvedAt: number | undefined;
				const solvedText = cell(record, position.solvedAt);
				if (solvedText !== '') {
					const solved = readDateTime(solvedText, options);
					if (typeof solved === 'number') {
						solvedAt = solved;
					} else {
						problem('solvedAt', solved.problem);
					}
				}

				if (createdAt === undefined || !status) {
					return;
				}

				// Older exports lack the resolution columns: the solve time still gives the full resolution.
				if (solvedAt !== undefined && reported.fullResolutionMinutes === undefined && (status === 'solved' || status === 'closed')) {
					reported.fullResolutionMinutes = Math.max(0, (solvedAt - createdAt) / 60_000);
				}

				const key = `zendesk:${host}:${id}`;
				const requesterId = cell(record, position.requesterId);
				const email = cell(record, position.requesterEmail).toLowerCase();
				const requesterKey =
					requesterId === '' ? (email === '' ? null : `zendesk:${host}:email:${email}`) : `zendesk:${host}:user:${requesterId}`;
				const priority = cell(record, position.priority).toLowerCase();
				const subject = cell(record, position.subject);
				const ticket: DatasetTicket = {
					key,
					helpdesk: 'zendesk',
					ticketId: id,
					createdAt,
					requesterKey,
					agent: cell(record, position.assignee) || null,
					group: cell(record, position.group) || null,
					priority: priority === '' ? null : (priorities[priority] ?? priority),
					channel: channelOfVia(cell(record, position.via)),
					status,
					trigger: null,
					reported,
				};
				if (subject !== '') {
					ticket.subject = subject;
				}

				const satisfactionText = cell(record, position.satisfaction);
				const answer = readZendeskSatisfaction(satisfactionText);
				const scale = answer?.state === 'rated' ? (answer.scale ?? givenScale) : undefined;
				if (answer?.state === 'rated' && (answer.score < 1 || (scale !== undefined && answer.score > scale) || answer.score > 5)) {
					problem(
						'satisfaction',
						`"${satisfactionText}" is not a rating on ${scale === undefined ? 'a 2-, 3- or 5-point' : `the ${scale}-point`} scale`,
					);
					return;
				}

				if (answer?.state === 'rated' && scale !== undefined && ![2, 3, 5].includes(scale)) {
					problem('satisfaction', `"${satisfactionText}": Zendesk rates on 2, 3 or 5 points`);
					return;
				}

				out.ticket(ticket);
				// The export has no rating time: the solve time stands in for it.
				const base = {id: `${key}|csat`, ticketKey: key, kind: 'csat', at: solvedAt ?? createdAt, offered: true} as const;
				if (answer?.state === 'offered') {
					out.survey({...base, score: null});
				} else if (answer?.state === 'rated' && scale !== undefined) {
					out.survey({...base, score: toFivePoint(answer.score, scale), scale});
				} else if (answer?.state === 'rated') {
					largestScore = Math.max(largestScore, answer.score);
					const survey: SurveyResponse = {...base, score: answer.score};
					numeric.push(survey);
					if (!options.sink) {
						out.survey(survey);
					}
				} else if (answer?.state === 'unknown') {
					unknownAnswers.set(satisfactionText, (unknownAnswers.get(satisfactionText) ?? 0) + 1);
				}
			},
		},
		options,
	);
	const warnings: string[] = [];
	if (numeric.length > 0) {
		const scale = inferScale(largestScore);
		for (const survey of numeric) {
			survey.score = toFivePoint(survey.score!, scale);
			survey.scale = scale;
			if (options.sink) {
				out.survey(survey);
			}
		}

		if (scale < 5) {
			warnings.push(
				`Satisfaction scores go up to ${largestScore} only: read as a ${scale}-point scale (${scale} is good). If the survey had 5 points, import again with the CSAT scale set to 5.`,
			);
		}
	}

	if (unknownAnswers.size > 0) {
		const count = [...unknownAnswers.values()].reduce((sum, value) => sum + value, 0);
		warnings.push(
			`${count} satisfaction value${count === 1 ? '' : 's'} not understood and not counted: ${[...unknownAnswers.keys()]
				.slice(0, 5)
				.map(value => `"${value}"`)
				.join(', ')} (known: Good, Bad, with comment, Offered, Unoffered, a score).`,
		);
	}

	if (host === '') {
		warnings.push(
			'No host given: ticket keys are "zendesk::<id>" and will not match tickets the extension saw (pass the account host, e.g. acme.zendesk.com).',
		);
	}

	return resultOf(
		options.fileName ?? 'Zendesk export',
		read,
		(): Dataset => ({tickets: out.tickets, events: [], surveys: out.surveys, customers: []}),
		warnings,
	);
}
