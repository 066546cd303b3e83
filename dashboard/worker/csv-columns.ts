// How the CSV bundle writes each column for a spreadsheet: times as ISO 8601 (UTC), durations in
// minutes (named so in the header), local days as YYYY-MM-DD and months as YYYY-MM; and what each
// column means, for the bundle's read-me (complete in itself: the reader has no Defuse sources).
import type {SqlValue} from 'sql.js';
import {dayKeyToIso, monthKeyToIso} from '../../core/metrics/time.ts';

export type CsvColumn = {header: string; write: (value: SqlValue) => SqlValue};

const keep = (value: SqlValue): SqlValue => value;
const iso = (value: SqlValue): SqlValue => (typeof value === 'number' ? new Date(value).toISOString() : value);
const minutes = (value: SqlValue): SqlValue => (typeof value === 'number' ? Math.round((value / 60_000) * 100) / 100 : value);
const day = (value: SqlValue): SqlValue => (typeof value === 'number' ? dayKeyToIso(value) : value);
const month = (value: SqlValue): SqlValue => (typeof value === 'number' ? monthKeyToIso(value) : value);

/** The column as written in the bundle. */
export function csvColumn(name: string): CsvColumn {
	if (name.endsWith('_at') || name === 'hour_start') {
		return {header: name, write: iso};
	}

	if (name === 'ms' || name === 'bh_ms' || name.endsWith('_ms')) {
		return {header: name === 'ms' ? 'minutes' : name.replace(/_ms$/, '_minutes'), write: minutes};
	}

	if (name === 'day' || name === 'week' || name.endsWith('_day')) {
		return {header: name, write: day};
	}

	return name === 'month' ? {header: name, write: month} : {header: name, write: keep};
}

const shared: Record<string, string> = {
	ticket_key: 'The ticket: helpdesk:host:id (a pseudonym where the export is aggregates-only and the key was hashed).',
	day: 'Local day the row counts on (YYYY-MM-DD, in the time zone named in meta.csv).',
	week: 'Monday (YYYY-MM-DD) of the local week the row counts on.',
	month: 'Local month the row counts on (YYYY-MM).',
	agent: 'The agent (for tickets: the current assignee; for events: who did it).',
	event_at: 'When it happened (ISO 8601, UTC).',
};

/** What each table holds and what its columns mean (columns not listed are explained in `shared`). */
export const tableDocs: Record<string, {about: string; columns: Record<string, string>}> = {
	ticket_metrics: {
		about:
			'One row per ticket: its dimensions and every measure the KPIs add up. 1 / 0 columns are yes / no; empty means it does not apply.',
		columns: {
			helpdesk: 'Helpdesk (zendesk, freshdesk, ...).',
			group_name: 'Current group.',
			priority: 'low, normal, high or urgent.',
			channel: 'email, web, chat, phone, social, api, ...',
			trigger_name: 'Most likely escalation trigger from the last assessment.',
			status: 'Current status.',
			requester_key: 'The customer (a pseudonym in aggregates-only exports).',
			created_at: 'Ticket creation (ISO 8601, UTC).',
			first_reply_minutes: 'First customer message to the first public agent reply, in minutes.',
			first_reply_bh_minutes: 'The same in business minutes (the business-hours calendar of the export).',
			first_resolution_minutes: 'Creation to the first solve, in minutes.',
			first_resolution_bh_minutes: 'The same in business minutes.',
			full_resolution_minutes: 'Creation to the last solve, in minutes (only while solved or closed).',
			full_resolution_bh_minutes: 'The same in business minutes.',
			solved: '1 if ever solved.',
			resolved: '1 if solved or closed now.',
			reopens: 'Reopens (solved or closed to anything else).',
			agent_replies: 'Public agent replies.',
			customer_messages: 'Customer messages.',
			customer_follow_up: '1 if the customer wrote again after the first message.',
			event_count: 'Events seen on the ticket.',
			last_event_at: 'Latest event (ISO 8601, UTC).',
			escalated: '1 if escalated at all.',
			esc_functional: '1 if escalated to an expert tier.',
			esc_hierarchical: '1 if escalated to a supervisor.',
			esc_automatic: '1 if escalated by an SLA rule.',
			first_escalation_at: 'First escalation (ISO 8601, UTC).',
			first_escalation_type: 'functional, hierarchical or automatic.',
			reopened: '1 if solved and reopened at least once (empty if never solved).',
			fcr_one_touch: '1 if solved or closed with fewer than 2 public agent replies (empty if not resolved).',
			fcr_no_follow_up: '1 if solved or closed without a customer message after the first (empty if not resolved).',
			sla_first_reply:
				'1 target achieved, 0 breached, empty no target or still running; likewise sla_next_reply, sla_periodic_update, sla_requester_wait, sla_agent_work, sla_resolution.',
		},
	},
	reply_intervals: {
		about: 'One row per next reply: how long the oldest unanswered customer message waited for it.',
		columns: {minutes: 'The wait in minutes.', bh_minutes: 'The wait in business minutes.', event_at: 'The reply (ISO 8601, UTC).'},
	},
	sla_outcomes: {
		about: 'One row per ticket and SLA metric with a target.',
		columns: {
			metric: 'first-reply, next-reply, periodic-update, requester-wait, agent-work or resolution.',
			target_minutes: 'The target.',
			business_hours: '1 if the target counts business hours.',
			outcome: 'achieved, breached or active (not counted yet).',
			measured_minutes: 'The longest instance measured, in minutes.',
		},
	},
	escalations: {
		about: 'One row per escalation.',
		columns: {type: 'functional, hierarchical or automatic.', source: 'agent (marked), group-change or sla-rule.'},
	},
	flags: {
		about: 'One row per early-warning flag Defuse raised.',
		columns: {
			level: 'watch, high or critical.',
			level_rank: '1 watch, 2 high, 3 critical.',
			signals: 'The signals behind it, comma-separated.',
		},
	},
	feedback: {about: "Agents' answers to flags.", columns: {verdict: 'agree or disagree.'}},
	template_uses: {about: 'One row per de-escalation template inserted.', columns: {template_id: 'The template.'}},
	surveys: {
		about: 'Survey responses.',
		columns: {
			survey_id: 'The response.',
			kind: 'csat, nps or ces.',
			score: 'CSAT 1-5 (ratings on 2- or 3-point scales placed on 1-5), NPS 0-10, CES 1-7; empty: a CSAT survey sent and not answered.',
			scale: 'CSAT: points of the scale answered on, when known.',
			offered: '1 if the source records the surveys it sent (the response rate counts these).',
			event_at: 'When it was answered (or sent, if not answered).',
		},
	},
	customers: {
		about: 'Customers, for churn.',
		columns: {
			customer_key: 'The customer (a pseudonym in aggregates-only exports).',
			first_seen_at: 'First contact (ISO 8601, UTC).',
			lost_at: 'When the customer was lost (empty while still a customer).',
			first_seen_day: 'Local day of first contact.',
			lost_day: 'Local day of the loss.',
		},
	},
	customer_days: {
		about: 'Customers counted per first-seen day and lost day (what churn reads).',
		columns: {first_seen_day: 'Local day of first contact.', lost_day: 'Local day of the loss (empty: not lost).', customers: 'How many.'},
	},
	agent_hours: {
		about: "Local clock hours in which an agent did anything recorded (the alert budget's denominator).",
		columns: {hour_start: 'Start of the hour (ISO 8601, UTC).'},
	},
	ticket_themes: {
		about: 'Themes of each ticket (recurring complaints found in customer text).',
		columns: {theme: 'The theme (its most frequent key phrase).'},
	},
	days: {about: 'Every local day from the first day with data to the last.', columns: {}},
	meta: {
		about: 'About the export.',
		columns: {
			key: 'as_of (the moment the data describes, epoch milliseconds), timezone (of days, weeks and months), schema_version.',
			value: 'Its value.',
		},
	},
};

/** The bundle's read-me: what is in it and what every column means. */
export function bundleReadme(tables: ReadonlyArray<{name: string; columns: readonly string[]}>): string {
	const lines = [
		'Defuse metrics export: one CSV file per table (RFC 4180, UTF-8, comma-separated, CRLF).',
		'Times are ISO 8601 in UTC (2026-03-02T08:15:00.000Z). Durations are in minutes, with _minutes in the column name.',
		'day, week and month are local to the time zone in meta.csv: a day as YYYY-MM-DD, a week by its Monday, a month as YYYY-MM.',
		'Customers are pseudonyms (h:...), agent names are as recorded, and there is no customer text.',
		'Empty cells mean "not applicable" or "unknown". Text cells that would start with =, +, -, @ or a tab begin with an apostrophe so spreadsheets do not run them.',
		'',
	];
	for (const table of tables) {
		const doc = tableDocs[table.name];
		lines.push(`${table.name}.csv: ${doc?.about ?? ''}`);
		for (const column of table.columns) {
			const text = doc?.columns[column] ?? shared[column];
			if (text) {
				lines.push(`  ${column}: ${text}`);
			}
		}

		lines.push('');
	}

	return lines.join('\r\n');
}
