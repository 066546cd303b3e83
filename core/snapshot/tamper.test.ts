// Tampered snapshots: every row is checked against the one schema, and the refusal names the file,
// the row and the field. Each case here was accepted before the row schema existed.
import {describe, expect, test} from 'vitest';
import {generateDemoDataset} from '../metrics/demo-data.ts';
import type {Snapshot} from './snapshot.ts';
import {SnapshotError, createSnapshot, parseSnapshot} from './snapshot.ts';

const good = await createSnapshot(generateDemoDataset({seed: 3, days: 7, ticketsPerDay: 6}), {
	salt: 'team',
	createdAt: '2026-03-01T00:00:00.000Z',
});

function tampered(change: (copy: Record<string, unknown> & Snapshot) => void): unknown {
	const copy = structuredClone(good) as Record<string, unknown> & Snapshot;
	change(copy);
	return copy;
}

function refusal(input: unknown): string[] {
	try {
		parseSnapshot(input, 'team.json');
	} catch (error) {
		expect(error).toBeInstanceOf(SnapshotError);
		return (error as SnapshotError).issues;
	}

	throw new Error('accepted');
}

const year = 365 * 86_400_000;
const cases: Array<[string, (copy: Record<string, unknown> & Snapshot) => void, RegExp]> = [
	[
		'wrong-typed escalation rows',
		copy => {
			(copy as {escalations: unknown[]}).escalations = [{ticketKey: null}, 5];
		},
		/^team\.json: escalations\[0\]\.ticketKey: expected a non-empty text/,
	],
	[
		'a negative duration',
		copy => {
			copy.tickets[1]!.firstReplyMs = -5000;
		},
		/^team\.json: tickets\[1\]\.firstReplyMs: expected a duration in milliseconds from 0 to \d+, got -5000/,
	],
	[
		'a duration as a string',
		copy => {
			(copy.tickets[2] as unknown as Record<string, unknown>).fullResolutionMs = '3600000';
		},
		/^team\.json: tickets\[2\]\.fullResolutionMs: .*got "3600000"/,
	],
	[
		'a 14-year first reply',
		copy => {
			copy.tickets[0]!.firstReplyMs = 14 * year;
		},
		/^team\.json: tickets\[0\]\.firstReplyMs: expected a duration/,
	],
	[
		'an unknown status',
		copy => {
			(copy.tickets[0] as unknown as Record<string, unknown>).status = 'hacked';
		},
		/^team\.json: tickets\[0\]\.status: expected one of new, open, pending, on-hold, solved, closed, got "hacked"/,
	],
	[
		'a billion reopens',
		copy => {
			copy.tickets[3]!.reopens = 1e9;
		},
		/^team\.json: tickets\[3\]\.reopens: expected a count from 0 to 1000000, got 1000000000/,
	],
	[
		'an NPS score of -40',
		copy => {
			copy.surveys = [{id: 's1', ticketKey: null, kind: 'nps', score: -40, at: good.asOf}];
		},
		/^team\.json: surveys\[0\]\.score: expected a NPS score from 0 to 10, got -40/,
	],
	[
		'a ticket created in the year 3 billion',
		copy => {
			copy.tickets[4]!.createdAt = 1e20;
		},
		/^team\.json: tickets\[4\]\.createdAt: expected epoch milliseconds from 0 to \d+, got 100000000000000000000/,
	],
	[
		'asOf far in the future',
		copy => {
			copy.asOf = Date.UTC(9999, 0, 1);
		},
		/^team\.json: asOf: expected epoch milliseconds/,
	],
	[
		'a survey with an unknown kind',
		copy => {
			copy.surveys = [{id: 's1', ticketKey: null, kind: 'mood' as 'nps', score: 3, at: good.asOf}];
		},
		/^team\.json: surveys\[0\]\.kind: expected a survey of kind csat, nps or ces, got "mood"/,
	],
	[
		'a theme list that is not a list',
		copy => {
			(copy.tickets[0] as unknown as Record<string, unknown>).themes = 'refund';
		},
		/^team\.json: tickets\[0\]\.themes: expected a list/,
	],
	[
		'the same ticket twice',
		copy => {
			copy.tickets.push(copy.tickets[0]!);
		},
		/^team\.json: tickets\[\d+\]\.key: the ticket ".+" appears twice/,
	],
	[
		'an unknown time zone',
		copy => {
			copy.timezone = 'Mars/Olympus';
		},
		/^team\.json: timezone: expected an IANA time zone, got "Mars\/Olympus"/,
	],
	[
		'an event of unknown kind in details',
		copy => {
			copy.detail = 'details';
			copy.events = [{kind: 'explode', ticketKey: 'x', at: 0} as never];
		},
		/^team\.json: events\[0\]\.kind: expected an event of a known kind \(.*\), got "explode"/,
	],
];

describe('tampered snapshots are refused, naming the row and field', () => {
	test.each(cases)('%s', (_name, change, message) => {
		const issues = refusal(tampered(change));
		expect(issues[0]).toMatch(message);
	});

	test('every bad row is listed, not only the first', () => {
		const issues = refusal(
			tampered(copy => {
				copy.tickets[0]!.reopens = -1;
				copy.tickets[5]!.createdAt = -1;
				(copy as {flags: unknown[]}).flags = [{ticketKey: 'k', at: 1, level: 'apocalyptic', agent: null, signals: []}];
			}),
		);
		expect(issues).toEqual([
			expect.stringMatching(/^team\.json: tickets\[0\]\.reopens: /),
			expect.stringMatching(/^team\.json: tickets\[5\]\.createdAt: /),
			expect.stringMatching(/^team\.json: flags\[0\]\.level: expected one of watch, high, critical, got "apocalyptic"/),
		]);
	});

	test('an untouched snapshot still passes, field for field', () => {
		expect(parseSnapshot(structuredClone(good))).toEqual(good);
	});
});
