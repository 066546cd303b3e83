// Freshdesk's ticket export (Tickets > Export, CSV) -> dataset. Column names vary with the account's
// language settings and fields chosen, so headers are matched loosely by several known names.
import type {Dataset, DatasetTicket, TicketStatus} from '../metrics/dataset.ts';
import type {DateOptions, ImportOptions, ImportResult, TextSource} from './common.ts';
import {normalizeHost} from '../model.ts';
import {cell, mapHeader, rowsOf, parseNumber, readCsv, readDateTime, resultOf} from './common.ts';
import {freshdeskFivePoint, readFreshdeskSatisfaction} from './csat.ts';

export type FreshdeskImportOptions = ImportOptions &
	DateOptions & {
		/** The account's host, e.g. 'acme.freshdesk.com'. @default '' */
		host?: string | undefined;
		/** @default 'Freshdesk export' */
		fileName?: string | undefined;
	};

export const freshdeskColumns = {
	id: ['Ticket ID', 'Ticket Id', 'ID', 'Ticket number', 'Display ID'],
	subject: ['Subject'],
	status: ['Status', 'Ticket status'],
	priority: ['Priority'],
	source: ['Source', 'Channel'],
	agent: ['Agent', 'Agent name', 'Responder', 'Assigned agent', 'Assigned to'],
	group: ['Group', 'Group name'],
	createdAt: ['Created time', 'Created at', 'Created date', 'Created on', 'Created'],
	resolvedAt: ['Resolved time', 'Resolved at', 'Resolved date', 'Resolved on'],
	closedAt: ['Closed time', 'Closed at', 'Closed date', 'Closed on'],
	firstResponseAt: ['Initial response time', 'First responded at', 'First response at'],
	firstResponseHours: ['First response time (in hrs)', 'First response time in hrs', 'First response time (hrs)', 'First response time'],
	resolutionHours: ['Resolution time (in hrs)', 'Resolution time in hrs', 'Resolution time (hrs)', 'Resolution time'],
	agentInteractions: ['Agent interactions', 'Agent responses'],
	customerInteractions: ['Customer interactions', 'Customer responses'],
	requesterId: ['Requester ID', 'Contact ID', 'Requester id'],
	requesterEmail: ['Email', 'Requester email', 'Contact email', 'Requester Email ID'],
	survey: [
		'Survey results',
		'Survey result',
		'Satisfaction rating',
		'Satisfaction survey result',
		'Customer satisfaction',
		'Satisfaction',
		'CSAT',
	],
} as const;

type Field = keyof typeof freshdeskColumns;

const statusNames: Record<string, TicketStatus> = {
	open: 'open',
	'2': 'open',
	pending: 'pending',
	'3': 'pending',
	resolved: 'solved',
	'4': 'solved',
	closed: 'closed',
	'5': 'closed',
	'waiting on customer': 'pending',
	'waiting on third party': 'on-hold',
	'on hold': 'on-hold',
	'on-hold': 'on-hold',
	new: 'new',
};
const priorityNames: Record<string, string> = {
	low: 'low',
	'1': 'low',
	medium: 'normal',
	normal: 'normal',
	'2': 'normal',
	high: 'high',
	'3': 'high',
	urgent: 'urgent',
	'4': 'urgent',
};
const sourceNames: Record<string, string> = {
	email: 'email',
	'1': 'email',
	portal: 'web',
	'2': 'web',
	phone: 'phone',
	'3': 'phone',
	chat: 'chat',
	'7': 'chat',
	'feedback widget': 'web',
	'9': 'web',
	'outbound email': 'email',
	'10': 'email',
	mobihelp: 'web',
	twitter: 'social',
	facebook: 'social',
	whatsapp: 'social',
};

/** Imports one Freshdesk ticket export. All or nothing: any bad row and nothing is imported. */
export async function importFreshdeskCsv(source: TextSource, options: FreshdeskImportOptions = {}): Promise<ImportResult> {
	const host = normalizeHost(options.host ?? '');
	const out = rowsOf(options);
	const seen = new Map<string, number>();
	const unknownAnswers = new Map<string, number>();
	let position: Partial<Record<Field, number>> = {};
	const read = await readCsv(
		source,
		{
			header(fields) {
				position = mapHeader(fields, freshdeskColumns);
				const missing = (['id', 'createdAt', 'status'] as const).filter(field => position[field] === undefined);
				return missing.length === 0
					? []
					: [
							{
								line: 1,
								message: `Not a Freshdesk ticket export: no column for ${missing
									.map(
										field =>
											`${field === 'createdAt' ? 'creation time' : field} (${freshdeskColumns[field]
												.slice(0, 3)
												.map(name => `"${name}"`)
												.join(' / ')})`,
									)
									.join(', ')}; found: ${fields.slice(0, 12).join(', ')}${fields.length > 12 ? ', ...' : ''}.`,
							},
						];
			},
			row(record, issues) {
				const problem = (field: Field, message: string): void => {
					issues.push({line: record.line, column: freshdeskColumns[field][0], message});
				};

				const id = cell(record, position.id).replace(/^#/, '');
				if (id === '') {
					problem('id', 'the ticket id is empty');
					return;
				}

				const earlier = seen.get(id);
				if (earlier !== undefined) {
					problem('id', `ticket ${id} appears twice (also on line ${earlier})`);
					return;
				}

				seen.set(id, record.line);
				const date = (field: Field): number | undefined => {
					const text = cell(record, position[field]);
					if (text === '') {
						return undefined;
					}

					const value = readDateTime(text, options);
					if (typeof value !== 'number') {
						problem(field, value.problem);
						return undefined;
					}

					return value;
				};

				const createdText = cell(record, position.createdAt);
				const createdAt = date('createdAt');
				if (createdText === '') {
					problem('createdAt', 'the creation time is empty');
				}

				const status = statusNames[cell(record, position.status).toLowerCase()];
				if (!status) {
					problem(
						'status',
						`unknown status "${cell(record, position.status)}" (expected Open, Pending, Resolved, Closed or a waiting status)`,
					);
				}

				const resolvedAt = date('resolvedAt');
				const closedAt = date('closedAt');
				const firstResponseAt = date('firstResponseAt');
				const number = (field: Field): number | undefined => {
					const value = parseNumber(cell(record, position[field]));
					if (Number.isNaN(value) || (value !== undefined && value < 0)) {
						problem(field, `"${cell(record, position[field])}" is not a number`);
						return undefined;
					}

					return value;
				};

				const firstResponseHours = number('firstResponseHours');
				const resolutionHours = number('resolutionHours');
				const agentInteractions = number('agentInteractions');
				const customerInteractions = number('customerInteractions');
				if (createdAt === undefined || !status) {
					return;
				}

				const reported: NonNullable<DatasetTicket['reported']> = {};
				if (firstResponseAt !== undefined) {
					reported.firstReplyMinutes = Math.max(0, (firstResponseAt - createdAt) / 60_000);
				} else if (firstResponseHours !== undefined) {
					reported.firstReplyMinutes = firstResponseHours * 60;
				}

				const solvedAt = resolvedAt ?? closedAt;
				if (resolutionHours !== undefined) {
					reported.fullResolutionMinutes = resolutionHours * 60;
				} else if (solvedAt !== undefined) {
					reported.fullResolutionMinutes = Math.max(0, (solvedAt - createdAt) / 60_000);
				}

				if (agentInteractions !== undefined) {
					reported.replies = agentInteractions;
				}

				if (customerInteractions !== undefined) {
					reported.customerFollowUps = customerInteractions;
				}

				const key = `freshdesk:${host}:${id}`;
				const requesterId = cell(record, position.requesterId);
				const email = cell(record, position.requesterEmail).toLowerCase();
				const priority = cell(record, position.priority).toLowerCase();
				const sourceName = cell(record, position.source).toLowerCase();
				const subject = cell(record, position.subject);
				const ticket: DatasetTicket = {
					key,
					helpdesk: 'freshdesk',
					ticketId: id,
					createdAt,
					requesterKey:
						requesterId === '' ? (email === '' ? null : `freshdesk:${host}:email:${email}`) : `freshdesk:${host}:contact:${requesterId}`,
					agent: cell(record, position.agent) || null,
					group: cell(record, position.group) || null,
					priority: priority === '' ? null : (priorityNames[priority] ?? priority),
					channel: sourceName === '' ? null : (sourceNames[sourceName] ?? sourceName),
					status,
					trigger: null,
					reported,
				};
				if (subject !== '') {
					ticket.subject = subject;
				}

				out.ticket(ticket);
				// The export has neither the rating time (the solve time stands in) nor unanswered surveys.
				const surveyText = cell(record, position.survey);
				const answer = readFreshdeskSatisfaction(surveyText);
				if (answer?.state === 'rated') {
					out.survey({id: `${key}|csat`, ticketKey: key, kind: 'csat', score: freshdeskFivePoint(answer.score), at: solvedAt ?? createdAt});
				} else if (answer?.state === 'unknown') {
					unknownAnswers.set(surveyText, (unknownAnswers.get(surveyText) ?? 0) + 1);
				}
			},
		},
		options,
	);
	const warnings = host === '' ? ['No host given: ticket keys are "freshdesk::<id>" and will not match tickets the extension saw.'] : [];
	if (unknownAnswers.size > 0) {
		const count = [...unknownAnswers.values()].reduce((sum, value) => sum + value, 0);
		warnings.push(
			`${count} satisfaction answer${count === 1 ? '' : 's'} not understood and not counted: ${[...unknownAnswers.keys()]
				.slice(0, 5)
				.map(value => `"${value}"`)
				.join(', ')} (known: Freshdesk's rating codes 103 to -103 and their answers, e.g. Extremely happy, Neutral, Not good).`,
		);
	}

	return resultOf(
		options.fileName ?? 'Freshdesk export',
		read,
		(): Dataset => ({tickets: out.tickets, events: [], surveys: out.surveys, customers: []}),
		warnings,
	);
}
