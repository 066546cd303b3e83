import {describe, expect, test} from 'vitest';
import {mergeDatasets} from '../metrics/dataset.ts';
import {validateDataset} from '../metrics/schema.ts';
import type {ImportProgress, ImportResult} from './common.ts';
import {parseDateTime} from './common.ts';
import {importFreshdeskCsv} from './freshdesk.ts';
import {importSurveyCsv} from './surveys.ts';
import {importZendeskCsv} from './zendesk.ts';
import {kpisOfDataset} from '../../dashboard/worker/node-database.ts';

const zendeskCsv = [
	'Id,Requester,Requester id,Requester email,Assignee,Group,Subject,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,Solved at,Satisfaction Score,Replies,Reopens,First reply time in minutes,First reply time in minutes within business hours,First resolution time in minutes,First resolution time in minutes within business hours,Full resolution time in minutes,Full resolution time in minutes within business hours,Ticket Category [list]',
	'101,Dana Reyes,9001,dana@example.com,Ana Ruiz,Billing,"Charged twice, please refund",billing refund,Solved,High,Mail,incident,2026-03-02 09:15:00,2026-03-02 12:00:00,2026-03-02 11:15:00,Good,1,0,30,30,120,120,120,120,Refunds',
	'102,Lee Park,9002,lee@example.com,Ben Okafor,Support,"Login ""error""\nafter update",login,Open,Normal,Web form,problem,2026-03-02 10:00:00,2026-03-02 10:30:00,,Offered,0,0,,,,,,,',
	'103,Dana Reyes,9001,dana@example.com,Ana Ruiz,Billing,Invoice wrong,,Closed,Urgent,Chat,question,2026-03-03 08:00:00,2026-03-05 08:00:00,2026-03-03 09:00:00,Bad,3,1,10,5,45,40,60,50,',
].join('\r\n');

async function chunked(text: string, size: number): Promise<AsyncIterable<string>> {
	return (async function* () {
		for (let index = 0; index < text.length; index += size) {
			yield text.slice(index, index + size);
		}
	})();
}

function okOf(result: ImportResult) {
	if (!result.ok) {
		throw new Error(result.summary);
	}

	return result;
}

describe('Zendesk ticket export', () => {
	test("tickets with the helpdesk's own measures, CSAT from the satisfaction score", async () => {
		const result = okOf(await importZendeskCsv([zendeskCsv], {host: 'acme.zendesk.com', timezone: 'Europe/Berlin'}));
		const {dataset} = result;
		expect(result.rows).toBe(3);
		expect(result.warnings).toEqual([]);
		validateDataset(dataset);
		expect(dataset.tickets[0]).toEqual({
			key: 'zendesk:acme.zendesk.com:101',
			helpdesk: 'zendesk',
			ticketId: '101',
			// 09:15 in Berlin (UTC+1 in March) is 08:15 UTC.
			createdAt: Date.UTC(2026, 2, 2, 8, 15),
			requesterKey: 'zendesk:acme.zendesk.com:user:9001',
			agent: 'Ana Ruiz',
			group: 'Billing',
			priority: 'high',
			channel: 'email',
			status: 'solved',
			trigger: null,
			subject: 'Charged twice, please refund',
			reported: {
				firstReplyMinutes: 30,
				firstReplyBusinessMinutes: 30,
				firstResolutionMinutes: 120,
				firstResolutionBusinessMinutes: 120,
				fullResolutionMinutes: 120,
				fullResolutionBusinessMinutes: 120,
				replies: 1,
				reopens: 0,
			},
		});
		expect(dataset.tickets[1]).toMatchObject({
			subject: 'Login "error"\nafter update',
			status: 'open',
			channel: 'web',
			reported: {replies: 0, reopens: 0},
		});
		// Good / Bad are Zendesk's 2-point scale; Offered (102) is a survey sent and not answered.
		expect(dataset.surveys).toEqual([
			{
				id: 'zendesk:acme.zendesk.com:101|csat',
				ticketKey: 'zendesk:acme.zendesk.com:101',
				kind: 'csat',
				score: 5,
				scale: 2,
				offered: true,
				at: Date.UTC(2026, 2, 2, 10, 15),
			},
			{
				id: 'zendesk:acme.zendesk.com:102|csat',
				ticketKey: 'zendesk:acme.zendesk.com:102',
				kind: 'csat',
				score: null,
				offered: true,
				at: Date.UTC(2026, 2, 2, 9),
			},
			{
				id: 'zendesk:acme.zendesk.com:103|csat',
				ticketKey: 'zendesk:acme.zendesk.com:103',
				kind: 'csat',
				score: 1,
				scale: 2,
				offered: true,
				at: Date.UTC(2026, 2, 3, 8),
			},
		]);
	});

	test('the KPIs of an import come from the reported measures', async () => {
		const {dataset} = okOf(await importZendeskCsv([zendeskCsv], {host: 'acme.zendesk.com'}));
		const [row] = await kpisOfDataset(dataset);
		// First replies 30 and 10 minutes; one-touch: 101 (1 reply) of the resolved 101 and 103.
		expect(row!.durations.firstReply).toMatchObject({count: 2, median: 20 * 60_000});
		expect(row!.durations.firstReplyBusiness).toMatchObject({count: 2, median: 17.5 * 60_000});
		expect(row!.fcrOneTouch).toEqual({numerator: 1, denominator: 2, value: 0.5});
		expect(row!.reopenRate).toEqual({numerator: 1, denominator: 2, value: 0.5});
		expect(row!.csat).toEqual({numerator: 1, denominator: 2, value: 0.5});
	});

	test('streams in small chunks with progress, and gives the same result', async () => {
		const progress: ImportProgress[] = [];
		const streamed = okOf(
			await importZendeskCsv(await chunked(zendeskCsv, 7), {
				host: 'acme.zendesk.com',
				timezone: 'Europe/Berlin',
				totalChars: zendeskCsv.length,
				onProgress: step => progress.push(step),
			}),
		);
		const whole = okOf(await importZendeskCsv([zendeskCsv], {host: 'acme.zendesk.com', timezone: 'Europe/Berlin'}));
		expect(streamed.dataset).toEqual(whole.dataset);
		expect(progress.length).toBeGreaterThan(10);
		expect(progress.at(-1)).toEqual({chars: zendeskCsv.length, total: zendeskCsv.length, rows: 3});
		expect(progress.every((step, index) => index === 0 || step.chars >= progress[index - 1]!.chars)).toBe(true);
	});

	test('re-importing the same file changes nothing', async () => {
		const first = okOf(await importZendeskCsv([zendeskCsv], {host: 'acme.zendesk.com'})).dataset;
		const second = okOf(await importZendeskCsv([zendeskCsv], {host: 'acme.zendesk.com'})).dataset;
		expect(second).toEqual(first);
		expect(mergeDatasets(first, second)).toEqual(mergeDatasets(first));
		expect(await kpisOfDataset(mergeDatasets(first, second))).toEqual(await kpisOfDataset(first));
	});

	test('a file with bad rows imports nothing and says where and why', async () => {
		const bad = [
			zendeskCsv.split('\r\n')[0],
			'201,,,,,,"ok",,Open,Low,Web,,2026-03-02 09:00:00,,,,,,,,,,,,',
			'202,,,,,,x,,Sleeping,Low,Web,,2026-03-02 09:00:00,,,,,,,,,,,,',
			'203,,,,,,x,,Open,Low,Web,,yesterday,,,,,,,,,,,,',
			'201,,,,,,dup,,Open,Low,Web,,2026-03-02 09:00:00,,,,,,,,,,,,',
			'204,,,,,,x,,Open,Low,Web,,2026-03-02 09:00:00,,,,abc,,,,,,,,',
		].join('\n');
		const result = await importZendeskCsv([bad]);
		expect(result.ok).toBe(false);
		if (result.ok) {
			return;
		}

		expect(result.issues).toEqual([
			{line: 3, column: 'Status', message: 'unknown status "Sleeping" (expected New, Open, Pending, On-hold, Solved or Closed)'},
			{line: 4, column: 'Created at', message: '"yesterday" is not a date and time'},
			{line: 5, column: 'Id', message: 'ticket 201 appears twice (also on line 2)'},
			{line: 6, column: 'Replies', message: '"abc" is not a number of minutes or a count'},
		]);
		expect(result.summary).toMatch(/nothing imported, 4 problems.*line 3, column "Status"/);
	});

	test('another CSV is rejected by its header', async () => {
		const result = await importZendeskCsv(['Name,Email\nDana,dana@example.com\n']);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.issues[0]!.message).toMatch(/not a Zendesk ticket export: missing columns "Id", "Created at", "Status"/);
	});

	test('a malformed CSV line is reported, not guessed', async () => {
		const result = await importZendeskCsv([`${zendeskCsv.split('\r\n')[0]}\n301,,,,,,"unterminated,,Open,Low,Web,,2026-03-02 09:00:00\n`]);
		expect(!result.ok && result.issues).toEqual([
			{line: 2, message: 'Unreadable CSV: a quoted field is never closed (missing closing quote)'},
		]);
	});
});

describe('hostile CSV edge cases are refused with their line', () => {
	const [header, first, second] = zendeskCsv.split('\r\n') as [string, string, string];

	test('a last row cut short (a truncated download)', async () => {
		// Cut after the creation time: every field that is left is valid, the rest would read as empty.
		const cut = second.slice(0, second.indexOf('2026-03-02 10:00:00') + '2026-03-02 10:00:00'.length);
		const result = await importZendeskCsv([`${header}\r\n${first}\r\n${cut}`]);
		expect(!result.ok && result.issues).toEqual([
			{line: 3, message: "the row has 13 of the header's 25 columns: it is cut short (is the file complete?)"},
		]);
	});

	test('a year-9999 date, which would move the data\'s "now"', async () => {
		const result = await importZendeskCsv([`${header}\r\n${first.replace('2026-03-02 09:15:00', '9999-03-02 09:15:00')}`]);
		expect(!result.ok && result.issues).toEqual([
			{line: 2, column: 'Created at', message: '"9999-03-02 09:15:00" is not a plausible date (expected 1970 to 2099)'},
		]);
	});

	test('a 400-digit number, which would become Infinity and vanish', async () => {
		const huge = '9'.repeat(400);
		const result = await importZendeskCsv([`${header}\r\n${first.replace(',Good,1,0,30,', `,Good,1,0,${huge},`)}`]);
		expect(!result.ok && result.issues).toEqual([
			{line: 2, column: 'First reply time in minutes', message: `"${huge}" is not a number of minutes or a count`},
		]);
	});

	test('a host spelled with a scheme and capitals gives the same keys', async () => {
		const {dataset} = okOf(await importZendeskCsv([zendeskCsv], {host: 'https://Acme.Zendesk.com/'}));
		expect(dataset.tickets[0]!.key).toBe('zendesk:acme.zendesk.com:101');
	});
});

describe('Freshdesk ticket export (tolerant headers)', () => {
	const csv = [
		'Ticket Id,Subject,Status,Priority,Source,Type,Agent,Group,Created time,Due by Time,Resolved time,Closed time,Last update time,Initial response time,Agent interactions,Customer interactions,Resolution status,Survey results,Email,Tags',
		'#55,Export crashes,Resolved,Medium,Portal,Problem,Grace Kim,Technical,2026-03-04 10:00:00,2026-03-05 10:00:00,2026-03-04 14:00:00,,2026-03-04 14:00:00,2026-03-04 10:45:00,2,1,Within SLA,Awesome,Pat@Example.com,export',
		'56,Where is my order,Waiting on Customer,Urgent,7,Question,,,03/04/2026 11:30,,,,,,1,0,,,,',
	].join('\n');

	test('maps statuses, priorities, sources and interactions', async () => {
		const {dataset} = okOf(await importFreshdeskCsv([csv], {host: 'acme.freshdesk.com'}));
		expect(dataset.tickets).toEqual([
			{
				key: 'freshdesk:acme.freshdesk.com:55',
				helpdesk: 'freshdesk',
				ticketId: '55',
				createdAt: Date.UTC(2026, 2, 4, 10),
				requesterKey: 'freshdesk:acme.freshdesk.com:email:pat@example.com',
				agent: 'Grace Kim',
				group: 'Technical',
				priority: 'normal',
				channel: 'web',
				status: 'solved',
				trigger: null,
				subject: 'Export crashes',
				reported: {firstReplyMinutes: 45, fullResolutionMinutes: 240, replies: 2, customerFollowUps: 1},
			},
			{
				key: 'freshdesk:acme.freshdesk.com:56',
				helpdesk: 'freshdesk',
				ticketId: '56',
				createdAt: Date.UTC(2026, 2, 4, 11, 30),
				requesterKey: null,
				agent: null,
				group: null,
				priority: 'urgent',
				channel: 'chat',
				status: 'pending',
				trigger: null,
				subject: 'Where is my order',
				reported: {replies: 1, customerFollowUps: 0},
			},
		]);
		expect(dataset.surveys).toEqual([
			{
				id: 'freshdesk:acme.freshdesk.com:55|csat',
				ticketKey: 'freshdesk:acme.freshdesk.com:55',
				kind: 'csat',
				score: 5,
				at: Date.UTC(2026, 2, 4, 14),
			},
		]);
		// The customer wrote again on 55: not a first-contact resolution in the Freshservice sense.
		expect((await kpisOfDataset(dataset, {fcr: 'no-follow-up'}))[0]!.fcr).toEqual({numerator: 0, denominator: 1, value: 0});
	});

	test('says which column it could not find', async () => {
		const result = await importFreshdeskCsv(['Ticket Id,Subject\n1,x\n']);
		expect(!result.ok && result.issues[0]!.message).toMatch(/no column for createdAt|creation time.*status/);
	});
});

describe('survey CSVs', () => {
	test('CSAT, NPS and CES with ranges checked', async () => {
		const csv =
			'Response ID,Ticket ID,Type,Score,Submitted at\nr1,101,CSAT,4,2026-03-02T12:00:00Z\nr2,101,NPS,9,2026-03-02T12:05:00Z\nr3,,Customer Effort,6,2026-03-03T08:00:00+01:00\nr4,102,csat,Good,2026-03-03 09:00\n';
		const {dataset} = okOf(await importSurveyCsv([csv], {helpdesk: 'zendesk', host: 'acme.zendesk.com'}));
		expect(dataset.surveys).toEqual([
			{id: 'survey:r1', ticketKey: 'zendesk:acme.zendesk.com:101', kind: 'csat', score: 4, at: Date.UTC(2026, 2, 2, 12)},
			{id: 'survey:r2', ticketKey: 'zendesk:acme.zendesk.com:101', kind: 'nps', score: 9, at: Date.UTC(2026, 2, 2, 12, 5)},
			{id: 'survey:r3', ticketKey: null, kind: 'ces', score: 6, at: Date.UTC(2026, 2, 3, 7)},
			{id: 'survey:r4', ticketKey: 'zendesk:acme.zendesk.com:102', kind: 'csat', score: 5, scale: 2, at: Date.UTC(2026, 2, 3, 9)},
		]);
		validateDataset(dataset);
	});

	test('a score out of range rejects the file', async () => {
		const result = await importSurveyCsv(['Ticket,Rating,Date\n1,11,2026-03-02\n2,8,2026-03-02\n'], {kind: 'nps'});
		expect(!result.ok && result.issues).toEqual([{line: 2, column: 'Score', message: '"11" is not a NPS score (0 to 10)'}]);
	});

	test('a file without a type column needs the kind', async () => {
		const result = await importSurveyCsv(['Ticket,Rating,Date\n1,4,2026-03-02\n']);
		expect(!result.ok && result.issues[0]!.message).toMatch(/No survey type column/);
	});
});

test('dates as exports write them', () => {
	expect(parseDateTime('2026-03-29 03:30:00', {timezone: 'Europe/Berlin'})).toBe(Date.UTC(2026, 2, 29, 1, 30));
	expect(parseDateTime('2026-03-02T09:15:00.5+01:00')).toBe(Date.UTC(2026, 2, 2, 8, 15, 0, 500));
	expect(parseDateTime('2026-03-02 09:15 -0500')).toBe(Date.UTC(2026, 2, 2, 14, 15));
	expect(parseDateTime('04/03/2026 2:05 PM', {dayFirst: true})).toBe(Date.UTC(2026, 2, 4, 14, 5));
	expect(parseDateTime('2026-02-30')).toBeUndefined();
	expect(parseDateTime('soon')).toBeUndefined();
});
