// The per-ticket facts derived from the timeline tables (tickets, ticket_events) in plain SQL that
// runs unchanged in SQLite (sql.js) and DuckDB. It mirrors core/metrics/facts.ts rule for rule; a test
// asserts both produce identical fact tables. Business durations subtract the precomputed business
// clock readings (at_bh); SQL itself knows no calendar.
import type {Database, SqlValue} from 'sql.js';
import {slaMetrics} from '../../core/metrics/dataset.ts';
import {slaMetricColumns} from '../../dashboard/worker/schema.ts';

export type Statement = {sql: string; params: SqlValue[]};

export type DeriveSqlParams = {
	/** "Now" for running clocks (epoch ms). */
	asOf: number;
	/** The business clock reading at asOf; null without business hours. */
	asOfBh: number | null;
};

const done = `('solved', 'closed')`;

/** The statements, in order. Temporary tables are prefixed d_ and dropped at the end. */
export function deriveStatements({asOf, asOfBh}: DeriveSqlParams): Statement[] {
	const hasClock = asOfBh === null ? 0 : 1;
	const plain = (sql: string): Statement => ({sql, params: []});
	return [
		...[
			'd_msg',
			'd_first',
			'd_agent',
			'd_groups',
			'd_replies',
			'd_tail',
			'd_status',
			'd_solved',
			'd_spans',
			'd_last_status',
			'd_esc',
			'd_targets',
			'd_instances',
		].map(name => plain(`DROP TABLE IF EXISTS ${name}`)),
		plain(`CREATE TEMP TABLE d_msg AS
			SELECT ticket_key,
				SUM(CASE WHEN kind = 'customer-message' THEN 1 ELSE 0 END) AS customer_messages,
				SUM(CASE WHEN kind = 'agent-reply' THEN 1 ELSE 0 END) AS agent_replies,
				MIN(CASE WHEN kind = 'customer-message' THEN ord END) AS first_customer_ord,
				MIN(CASE WHEN kind = 'agent-reply' THEN ord END) AS first_agent_ord,
				MAX(CASE WHEN kind = 'agent-reply' THEN ord END) AS last_agent_ord,
				SUM(CASE WHEN kind = 'status' THEN 1 ELSE 0 END) AS status_events,
				COUNT(*) AS event_count,
				MAX(event_at) AS last_at
			FROM ticket_events
			GROUP BY ticket_key`),
		// First reply: the first public agent reply after the first customer message.
		plain(`CREATE TEMP TABLE d_first AS
			SELECT m.ticket_key, m.first_customer_ord, fc.event_at AS fc_at, fc.event_bh AS fc_bh,
				(SELECT MIN(e.ord) FROM ticket_events e
					WHERE e.ticket_key = m.ticket_key AND e.kind = 'agent-reply' AND e.ord > m.first_customer_ord) AS first_reply_ord
			FROM d_msg m
			JOIN ticket_events fc ON fc.ticket_key = m.ticket_key AND fc.ord = m.first_customer_ord`),
		// Each agent reply with the previous agent reply's position (0 when none).
		plain(`CREATE TEMP TABLE d_agent AS
			SELECT e.ticket_key, e.ord, e.event_at, e.event_bh, e.day, e.week, e.month,
				COALESCE((SELECT MAX(p.ord) FROM ticket_events p
					WHERE p.ticket_key = e.ticket_key AND p.kind = 'agent-reply' AND p.ord < e.ord), 0) AS prev_ord
			FROM ticket_events e
			WHERE e.kind = 'agent-reply'`),
		// The oldest customer message answered by each agent reply.
		plain(`CREATE TEMP TABLE d_groups AS
			SELECT a.ticket_key, a.ord AS reply_ord, a.event_at AS reply_at, a.event_bh AS reply_bh, a.day, a.week, a.month,
				(SELECT MIN(c.ord) FROM ticket_events c
					WHERE c.ticket_key = a.ticket_key AND c.kind = 'customer-message' AND c.ord > a.prev_ord AND c.ord < a.ord) AS group_ord
			FROM d_agent a`),
		// The oldest customer message still unanswered at the end of the timeline.
		plain(`CREATE TEMP TABLE d_tail AS
			SELECT m.ticket_key, m.first_customer_ord, e.ord AS tail_ord, e.event_at AS tail_at, e.event_bh AS tail_bh
			FROM d_msg m
			JOIN ticket_events e ON e.ticket_key = m.ticket_key AND e.ord = (
				SELECT MIN(c.ord) FROM ticket_events c
				WHERE c.ticket_key = m.ticket_key AND c.kind = 'customer-message' AND c.ord > COALESCE(m.last_agent_ord, 0))`),
		// Status changes with the status before them ('reopened' means open again; a ticket starts open).
		plain(`CREATE TEMP TABLE d_status AS
			SELECT s.ticket_key, s.ord, s.event_at, s.event_bh, s.status AS raw_status,
				CASE WHEN s.status = 'reopened' THEN 'open' ELSE s.status END AS next_status,
				COALESCE(CASE WHEN p.status = 'reopened' THEN 'open' ELSE p.status END, 'open') AS prev_status,
				COALESCE(p.event_at, t.created_at) AS prev_at,
				COALESCE(p.event_bh, t.created_bh) AS prev_bh
			FROM (SELECT e.ticket_key, e.ord, e.event_at, e.event_bh, e.status,
					(SELECT MAX(q.ord) FROM ticket_events q WHERE q.ticket_key = e.ticket_key AND q.kind = 'status' AND q.ord < e.ord) AS prev_ord
				FROM ticket_events e WHERE e.kind = 'status') s
			JOIN tickets t ON t.ticket_key = s.ticket_key
			LEFT JOIN ticket_events p ON p.ticket_key = s.ticket_key AND p.ord = s.prev_ord`),
		// Solves: 'solved', or 'closed' straight from an unsolved state. Reopens: leaving solved/closed.
		plain(`CREATE TEMP TABLE d_solved AS
			SELECT ticket_key,
				MIN(CASE WHEN raw_status = 'solved' OR (raw_status = 'closed' AND prev_status NOT IN ${done}) THEN event_at END) AS first_solved_at,
				MIN(CASE WHEN raw_status = 'solved' OR (raw_status = 'closed' AND prev_status NOT IN ${done}) THEN event_bh END) AS first_solved_bh,
				MAX(CASE WHEN raw_status = 'solved' OR (raw_status = 'closed' AND prev_status NOT IN ${done}) THEN event_at END) AS last_solved_at,
				MAX(CASE WHEN raw_status = 'solved' OR (raw_status = 'closed' AND prev_status NOT IN ${done}) THEN event_bh END) AS last_solved_bh,
				SUM(CASE WHEN next_status NOT IN ${done} AND prev_status IN ${done} THEN 1 ELSE 0 END) AS reopens
			FROM d_status
			GROUP BY ticket_key`),
		plain(`CREATE TEMP TABLE d_last_status AS
			SELECT s.ticket_key, s.next_status, s.event_at, s.event_bh
			FROM d_status s
			WHERE s.ord = (SELECT MAX(x.ord) FROM d_status x WHERE x.ticket_key = s.ticket_key)`),
		// Status spans: from creation (open) through each change, the last one running until asOf.
		{
			sql: `CREATE TEMP TABLE d_spans AS
			SELECT ticket_key, prev_status AS status, prev_at AS start_at, prev_bh AS start_bh, event_at AS end_at, event_bh AS end_bh FROM d_status
			UNION ALL
			SELECT t.ticket_key, COALESCE(l.next_status, 'open'), COALESCE(l.event_at, t.created_at), COALESCE(l.event_bh, t.created_bh),
				CASE WHEN ? > COALESCE(l.event_at, t.created_at) THEN ? ELSE COALESCE(l.event_at, t.created_at) END,
				CASE WHEN ? > COALESCE(l.event_at, t.created_at) THEN ? ELSE COALESCE(l.event_bh, t.created_bh) END
			FROM tickets t LEFT JOIN d_last_status l ON l.ticket_key = t.ticket_key`,
			params: [asOf, asOf, asOf, asOfBh],
		},
		plain(`CREATE TEMP TABLE d_esc AS
			SELECT a.ticket_key, a.first_at, a.functional, a.hierarchical, a.automatic,
				(SELECT MIN(f.escalation_type) FROM ticket_events f
					WHERE f.ticket_key = a.ticket_key AND f.kind = 'escalation' AND f.event_at = a.first_at) AS first_type
			FROM (SELECT e.ticket_key, MIN(e.event_at) AS first_at,
					MAX(CASE WHEN e.escalation_type = 'functional' THEN 1 ELSE 0 END) AS functional,
					MAX(CASE WHEN e.escalation_type = 'hierarchical' THEN 1 ELSE 0 END) AS hierarchical,
					MAX(CASE WHEN e.escalation_type = 'automatic' THEN 1 ELSE 0 END) AS automatic
				FROM ticket_events e
				WHERE e.kind = 'escalation'
				GROUP BY e.ticket_key) a`),
		plain('DELETE FROM ticket_metrics'),
		plain(`INSERT INTO ticket_metrics (ticket_key, helpdesk, agent, group_name, priority, channel, trigger_name, status, requester_key,
				created_at, day, week, month, first_reply_ms, first_reply_bh_ms, first_resolution_ms, first_resolution_bh_ms,
				full_resolution_ms, full_resolution_bh_ms, solved, resolved, reopens, agent_replies, customer_messages, customer_follow_up,
				event_count, last_event_at, escalated, esc_functional, esc_hierarchical, esc_automatic, first_escalation_at, first_escalation_type, ticket_seq)
			SELECT t.ticket_key, t.helpdesk, t.agent, t.group_name, t.priority, t.channel, t.trigger_name, t.status, t.requester_key,
				t.created_at, t.day, t.week, t.month,
				CASE WHEN COALESCE(m.customer_messages, 0) + COALESCE(m.agent_replies, 0) > 0 THEN fr.event_at - f.fc_at
					ELSE ROUND(t.reported_first_reply_minutes * 60000) END,
				CASE WHEN COALESCE(m.customer_messages, 0) + COALESCE(m.agent_replies, 0) > 0 THEN fr.event_bh - f.fc_bh
					ELSE ROUND(t.reported_first_reply_bh_minutes * 60000) END,
				CASE WHEN COALESCE(m.status_events, 0) > 0 THEN s.first_solved_at - t.created_at
					ELSE ROUND(t.reported_first_resolution_minutes * 60000) END,
				CASE WHEN COALESCE(m.status_events, 0) > 0 THEN s.first_solved_bh - t.created_bh
					ELSE ROUND(t.reported_first_resolution_bh_minutes * 60000) END,
				CASE WHEN t.status NOT IN ${done} THEN NULL
					WHEN COALESCE(m.status_events, 0) > 0 THEN s.last_solved_at - t.created_at
					ELSE ROUND(t.reported_full_resolution_minutes * 60000) END,
				CASE WHEN t.status NOT IN ${done} THEN NULL
					WHEN COALESCE(m.status_events, 0) > 0 THEN s.last_solved_bh - t.created_bh
					ELSE ROUND(t.reported_full_resolution_bh_minutes * 60000) END,
				CASE WHEN s.first_solved_at IS NOT NULL OR t.status IN ${done}
					OR (COALESCE(m.status_events, 0) = 0 AND t.reported_first_resolution_minutes IS NOT NULL) THEN 1 ELSE 0 END,
				CASE WHEN t.status IN ${done} THEN 1 ELSE 0 END,
				CASE WHEN COALESCE(m.status_events, 0) > 0 THEN s.reopens ELSE COALESCE(t.reported_reopens, 0) END,
				CASE WHEN COALESCE(m.customer_messages, 0) + COALESCE(m.agent_replies, 0) > 0 THEN m.agent_replies ELSE t.reported_replies END,
				CASE WHEN COALESCE(m.customer_messages, 0) + COALESCE(m.agent_replies, 0) > 0 THEN m.customer_messages ELSE NULL END,
				CASE WHEN COALESCE(m.customer_messages, 0) + COALESCE(m.agent_replies, 0) = 0
						THEN (CASE WHEN t.reported_customer_follow_ups IS NULL THEN NULL WHEN t.reported_customer_follow_ups > 0 THEN 1 ELSE 0 END)
					WHEN m.customer_messages - (CASE WHEN m.first_customer_ord IS NOT NULL
						AND (m.first_agent_ord IS NULL OR m.first_customer_ord < m.first_agent_ord) THEN 1 ELSE 0 END) > 0 THEN 1
					ELSE 0 END,
				COALESCE(m.event_count, 0),
				CASE WHEN m.last_at > t.created_at THEN m.last_at ELSE t.created_at END,
				CASE WHEN x.ticket_key IS NULL THEN 0 ELSE 1 END,
				COALESCE(x.functional, 0), COALESCE(x.hierarchical, 0), COALESCE(x.automatic, 0), x.first_at, x.first_type, t.ticket_seq
			FROM tickets t
			LEFT JOIN d_msg m ON m.ticket_key = t.ticket_key
			LEFT JOIN d_first f ON f.ticket_key = t.ticket_key
			LEFT JOIN ticket_events fr ON fr.ticket_key = t.ticket_key AND fr.ord = f.first_reply_ord
			LEFT JOIN d_solved s ON s.ticket_key = t.ticket_key
			LEFT JOIN d_esc x ON x.ticket_key = t.ticket_key`),
		// Next-reply intervals (kept by ticket key for the SLA step below; the table has only the integer key).
		plain(`CREATE TEMP TABLE d_replies AS
			SELECT g.ticket_key, g.reply_at, g.day, g.week, g.month, g.reply_at - c.event_at AS ms, g.reply_bh - c.event_bh AS bh_ms
			FROM d_groups g
			JOIN d_msg m ON m.ticket_key = g.ticket_key
			JOIN ticket_events c ON c.ticket_key = g.ticket_key AND c.ord = g.group_ord
			WHERE g.group_ord <> m.first_customer_ord`),
		plain('DELETE FROM reply_intervals'),
		plain(`INSERT INTO reply_intervals (event_at, day, week, month, ms, bh_ms, ticket_seq)
			SELECT r.reply_at, r.day, r.week, r.month, r.ms, r.bh_ms, t.ticket_seq
			FROM d_replies r JOIN tickets t ON t.ticket_key = r.ticket_key`),
		// The integer join key of the rows the breakdown reports join to their ticket.
		...['surveys'].map(table =>
			plain(`UPDATE ${table}
			SET ticket_seq = (SELECT x.ticket_seq FROM tickets x WHERE x.ticket_key = ${table}.ticket_key)`),
		),
		// SLA: the latest target per metric, every instance measured in the target's clock, then the outcome.
		{
			sql: `CREATE TEMP TABLE d_targets AS
			SELECT e.ticket_key, e.sla_metric AS metric, e.target_minutes, e.business_hours,
				CASE WHEN e.business_hours = 1 AND ? = 1 THEN 1 ELSE 0 END AS use_bh
			FROM ticket_events e
			WHERE e.kind = 'sla-target' AND e.ord = (
				SELECT MAX(o.ord) FROM ticket_events o WHERE o.ticket_key = e.ticket_key AND o.kind = 'sla-target' AND o.sla_metric = e.sla_metric)`,
			params: [hasClock],
		},
		{
			sql: `CREATE TEMP TABLE d_instances AS
			SELECT g.ticket_key, g.metric, CASE WHEN g.use_bh = 1 THEN fr.event_bh - f.fc_bh ELSE fr.event_at - f.fc_at END AS measured, 1 AS complete
			FROM d_targets g
			JOIN d_first f ON f.ticket_key = g.ticket_key
			JOIN ticket_events fr ON fr.ticket_key = g.ticket_key AND fr.ord = f.first_reply_ord
			WHERE g.metric = 'first-reply'
			UNION ALL
			SELECT g.ticket_key, g.metric, CASE WHEN g.use_bh = 1 THEN ? - f.fc_bh ELSE ? - f.fc_at END, 0
			FROM d_targets g
			JOIN d_first f ON f.ticket_key = g.ticket_key
			WHERE g.metric = 'first-reply' AND f.first_reply_ord IS NULL
			UNION ALL
			SELECT g.ticket_key, g.metric, CASE WHEN g.use_bh = 1 THEN r.bh_ms ELSE r.ms END, 1
			FROM d_targets g
			JOIN d_replies r ON r.ticket_key = g.ticket_key
			WHERE g.metric = 'next-reply'
			UNION ALL
			SELECT g.ticket_key, g.metric, CASE WHEN g.use_bh = 1 THEN ? - l.tail_bh ELSE ? - l.tail_at END, 0
			FROM d_targets g
			JOIN d_tail l ON l.ticket_key = g.ticket_key
			WHERE g.metric = 'next-reply' AND l.tail_ord <> l.first_customer_ord
			UNION ALL
			SELECT g.ticket_key, g.metric, CASE WHEN g.use_bh = 1 THEN a.event_bh - p.event_bh ELSE a.event_at - p.event_at END, 1
			FROM d_targets g
			JOIN d_agent a ON a.ticket_key = g.ticket_key
			JOIN ticket_events p ON p.ticket_key = a.ticket_key AND p.ord = a.prev_ord
			WHERE g.metric = 'periodic-update'
			UNION ALL
			SELECT g.ticket_key, g.metric, CASE WHEN g.use_bh = 1 THEN ? - a.event_bh ELSE ? - a.event_at END, 0
			FROM d_targets g
			JOIN tickets t ON t.ticket_key = g.ticket_key
			JOIN d_msg m ON m.ticket_key = g.ticket_key
			JOIN ticket_events a ON a.ticket_key = g.ticket_key AND a.ord = m.last_agent_ord
			WHERE g.metric = 'periodic-update' AND t.status NOT IN ${done}
			UNION ALL
			SELECT g.ticket_key, g.metric,
				SUM(CASE WHEN (g.metric = 'requester-wait' AND p.status IN ('open', 'on-hold')) OR (g.metric = 'agent-work' AND p.status = 'open')
					THEN (CASE WHEN g.use_bh = 1 THEN p.end_bh - p.start_bh ELSE p.end_at - p.start_at END) ELSE 0 END),
				MAX(CASE WHEN t.status IN ${done} THEN 1 ELSE 0 END)
			FROM d_targets g
			JOIN tickets t ON t.ticket_key = g.ticket_key
			JOIN d_spans p ON p.ticket_key = g.ticket_key
			WHERE g.metric IN ('requester-wait', 'agent-work')
			GROUP BY g.ticket_key, g.metric
			UNION ALL
			SELECT g.ticket_key, g.metric, CASE WHEN g.use_bh = 1 THEN x.full_resolution_bh_ms ELSE x.full_resolution_ms END, 1
			FROM d_targets g
			JOIN ticket_metrics x ON x.ticket_key = g.ticket_key
			WHERE g.metric = 'resolution' AND x.resolved = 1
				AND (CASE WHEN g.use_bh = 1 THEN x.full_resolution_bh_ms ELSE x.full_resolution_ms END) IS NOT NULL
			UNION ALL
			SELECT g.ticket_key, g.metric,
				CASE WHEN g.use_bh = 1 THEN (CASE WHEN ? > t.created_at THEN ? ELSE t.created_bh END) - t.created_bh
					ELSE (CASE WHEN ? > t.created_at THEN ? ELSE t.created_at END) - t.created_at END,
				0
			FROM d_targets g
			JOIN tickets t ON t.ticket_key = g.ticket_key
			WHERE g.metric = 'resolution' AND t.status NOT IN ${done}`,
			params: [asOfBh, asOf, asOfBh, asOf, asOfBh, asOf, asOf, asOfBh, asOf, asOf],
		},
		plain('DELETE FROM sla_outcomes'),
		plain(`INSERT INTO sla_outcomes (ticket_seq, metric, target_minutes, business_hours, outcome, measured_ms, day, week, month)
			SELECT t.ticket_seq, g.metric, g.target_minutes, g.business_hours,
				CASE WHEN EXISTS (SELECT 1 FROM ticket_events b WHERE b.ticket_key = g.ticket_key AND b.kind = 'sla-breach' AND b.sla_metric = g.metric)
						OR MAX(CASE WHEN i.measured > g.target_minutes * 60000 THEN 1 ELSE 0 END) = 1 THEN 'breached'
					WHEN COUNT(i.measured) > 0 AND MIN(i.complete) = 1 THEN 'achieved'
					ELSE 'active' END,
				MAX(i.measured), t.day, t.week, t.month
			FROM d_targets g
			JOIN tickets t ON t.ticket_key = g.ticket_key
			LEFT JOIN d_instances i ON i.ticket_key = g.ticket_key AND i.metric = g.metric
			GROUP BY g.ticket_key, t.ticket_seq, g.metric, g.target_minutes, g.business_hours, t.day, t.week, t.month`),
		plain(`UPDATE ticket_metrics SET
				reopened = CASE WHEN solved = 1 THEN (CASE WHEN reopens > 0 THEN 1 ELSE 0 END) END,
				fcr_one_touch = CASE WHEN resolved = 1 AND agent_replies IS NOT NULL THEN (CASE WHEN agent_replies < 2 THEN 1 ELSE 0 END) END,
				fcr_no_follow_up = CASE WHEN resolved = 1 AND customer_follow_up IS NOT NULL THEN 1 - customer_follow_up END`),
		plain(
			`UPDATE ticket_metrics SET ${slaMetrics
				.map(
					(metric, index) => `${slaMetricColumns[index]} = (
				SELECT CASE s.outcome WHEN 'achieved' THEN 1 WHEN 'breached' THEN 0 END FROM sla_outcomes s
				WHERE s.ticket_seq = ticket_metrics.ticket_seq AND s.metric = '${metric}')`,
				)
				.join(',\n\t\t\t\t')}`,
		),
		plain('DELETE FROM escalations'),
		plain(`INSERT INTO escalations (ticket_key, event_at, day, week, month, type, source, agent)
			SELECT DISTINCT ticket_key, event_at, day, week, month, escalation_type, escalation_source, actor FROM ticket_events WHERE kind = 'escalation'`),
		plain('DELETE FROM flags'),
		plain(`INSERT INTO flags (ticket_key, event_at, day, week, month, level, level_rank, agent, signals)
			SELECT DISTINCT ticket_key, event_at, day, week, month, level,
				CASE level WHEN 'watch' THEN 1 WHEN 'high' THEN 2 ELSE 3 END, actor, signals
			FROM ticket_events WHERE kind = 'flag'`),
		plain('DELETE FROM feedback'),
		plain(`INSERT INTO feedback (ticket_key, event_at, day, week, month, verdict, agent)
			SELECT DISTINCT ticket_key, event_at, day, week, month, verdict, actor FROM ticket_events WHERE kind = 'feedback'`),
		plain('DELETE FROM template_uses'),
		plain(`INSERT INTO template_uses (ticket_key, event_at, day, week, month, template_id, agent)
			SELECT DISTINCT ticket_key, event_at, day, week, month, template_id, actor FROM ticket_events WHERE kind = 'template'`),
		...['escalations', 'flags', 'feedback', 'template_uses'].map(table =>
			plain(`UPDATE ${table}
			SET ticket_seq = (SELECT x.ticket_seq FROM tickets x WHERE x.ticket_key = ${table}.ticket_key)`),
		),
		plain('DELETE FROM agent_hours'),
		plain(`INSERT INTO agent_hours (agent, hour_start, day, week, month)
			SELECT actor, hour_start, MIN(day), MIN(week), MIN(month)
			FROM ticket_events
			WHERE actor IS NOT NULL AND kind <> 'customer-message'
			GROUP BY actor, hour_start`),
		...[
			'd_msg',
			'd_first',
			'd_agent',
			'd_groups',
			'd_replies',
			'd_tail',
			'd_status',
			'd_solved',
			'd_spans',
			'd_last_status',
			'd_esc',
			'd_targets',
			'd_instances',
		].map(name => plain(`DROP TABLE ${name}`)),
	];
}

/** Runs the derivation in sql.js: fills ticket_metrics, reply_intervals, sla_outcomes and the annotation tables. */
export function deriveFactsSql(db: Database, params: DeriveSqlParams): void {
	db.run('BEGIN');
	try {
		for (const statement of deriveStatements(params)) {
			db.run(statement.sql, statement.params);
		}

		db.run('COMMIT');
	} catch (error) {
		db.run('ROLLBACK');
		throw error;
	}
}
