// Every metric of the dashboard as documented data: what it means, how it is computed here, and
// where the definition comes from. The dashboard's help shows these one click from each KPI.

export type MetricId =
	| 'firstReply'
	| 'nextReply'
	| 'firstResolution'
	| 'fullResolution'
	| 'resolutionRate'
	| 'reopenRate'
	| 'fcr'
	| 'escalationRate'
	| 'slaCompliance'
	| 'csat'
	| 'nps'
	| 'ces'
	| 'churn'
	| 'flagPrecision'
	| 'flagRecall'
	| 'flagLeadTime'
	| 'flagsPerAgentHour'
	| 'flagAgreement'
	| 'templateEscalationRate'
	| 'templateCsat'
	| 'themes'
	| 'themeSpikes';

export type MetricUnit = 'duration' | 'ratio' | 'score' | 'count' | 'rate';

export type Source = {title: string; url?: string | undefined};

export type MetricDefinition = {
	id: MetricId;
	name: string;
	unit: MetricUnit;
	/** One or two sentences a team lead reads. */
	definition: string;
	/** How Defuse computes it, in words a team lead can check (never a pointer to source files). */
	formula: string;
	/** The day a ticket-level value is counted on. */
	anchor: string;
	/** Selectable variants, e.g. calendar vs business hours. */
	variants?: string[];
	sources: Source[];
};

const zendeskTicketMetrics: Source = {
	title: 'Zendesk API: Ticket Metrics (reply, first and full resolution time, replies, reopens)',
	url: 'https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/',
};
const zendeskMetricEvents: Source = {
	title: 'Zendesk API: Ticket Metric Events (activate, pause, fulfill, breach per SLA metric)',
	url: 'https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metric_events/',
};
const zendeskSlaPolicies: Source = {
	title: 'Zendesk API: SLA Policies (first reply, next reply, periodic update, requester wait, agent work time)',
	url: 'https://developer.zendesk.com/api-reference/ticketing/business-rules/sla_policies/',
};
const zendeskOneTouch: Source = {
	title: 'Zendesk: How are one-touch resolutions calculated? (solved or closed with fewer than 2 agent replies)',
	url: 'https://support.zendesk.com/hc/en-us/articles/4408820618266',
};
const freshserviceFcr: Source = {
	title: 'Freshservice: How do you calculate FCR? (no customer response after the initial description)',
	url: 'https://support.freshservice.com/en/support/solutions/articles/50000004904-how-do-you-calculate-fcr-',
};
const zendeskCsat: Source = {
	title: 'Zendesk API: Satisfaction Ratings (good / bad)',
	url: 'https://developer.zendesk.com/api-reference/ticketing/ticket-management/satisfaction_ratings/',
};
const netPromoter: Source = {
	title: 'Bain & Company: Measuring your Net Promoter Score (promoters 9-10, detractors 0-6)',
	url: 'https://www.netpromotersystem.com/about/measuring-your-net-promoter-score/',
};
const ces: Source = {
	title: 'Customer Effort Score (Dixon, Freeman, Toman: "Stop Trying to Delight Your Customers", HBR 2010)',
	url: 'https://hbr.org/2010/07/stop-trying-to-delight-your-customers',
};
/** Metrics Defuse defines itself: the definition and formula shown are the whole of it. */
const design: Source = {title: 'Defined by Defuse: the definition and formula above are exactly what is computed'};

export const metricDefinitions: readonly MetricDefinition[] = [
	{
		id: 'firstReply',
		name: 'First reply time',
		unit: 'duration',
		definition:
			"How long the customer waited for the first public agent reply. If an agent opened the ticket, the agent's opening comment does not count: the first reply is the next public agent comment after the customer wrote.",
		formula:
			'first public agent reply after the first customer message - first customer message; median, mean, 90th percentile over tickets',
		anchor: 'ticket creation day',
		variants: ['calendar time', 'business hours (the calendar in settings)'],
		sources: [zendeskTicketMetrics, design],
	},
	{
		id: 'nextReply',
		name: 'Next reply time',
		unit: 'duration',
		definition: 'After the first reply: how long the oldest unanswered customer message waited for the next public agent reply.',
		formula:
			'for each public agent reply that answers customer messages (except the first reply): reply - oldest customer message since the previous agent reply',
		anchor: 'day of the reply',
		variants: ['calendar time', 'business hours'],
		sources: [zendeskSlaPolicies, design],
	},
	{
		id: 'firstResolution',
		name: 'First resolution time',
		unit: 'duration',
		definition: 'From ticket creation to the first time it was solved.',
		formula: 'first solve - created; a solve is a change to solved, or to closed straight from an unsolved state',
		anchor: 'ticket creation day',
		variants: ['calendar time', 'business hours'],
		sources: [zendeskTicketMetrics],
	},
	{
		id: 'fullResolution',
		name: 'Full resolution time',
		unit: 'duration',
		definition: 'From ticket creation to the last time it was solved, for tickets solved or closed now.',
		formula: 'last solve - created, only while the ticket is solved or closed',
		anchor: 'ticket creation day',
		variants: ['calendar time', 'business hours'],
		sources: [zendeskTicketMetrics],
	},
	{
		id: 'resolutionRate',
		name: 'Resolution rate',
		unit: 'ratio',
		definition: 'Share of the tickets created in the period that are solved or closed now.',
		formula: 'tickets solved or closed / tickets created (same cohort)',
		anchor: 'ticket creation day',
		sources: [design],
	},
	{
		id: 'reopenRate',
		name: 'Reopen rate',
		unit: 'ratio',
		definition: 'Share of solved tickets that were reopened at least once.',
		formula:
			'tickets solved at least once with >= 1 reopen / tickets solved at least once; a reopen is a change from solved or closed to any other status',
		anchor: 'ticket creation day',
		sources: [zendeskTicketMetrics, design],
	},
	{
		id: 'fcr',
		name: 'First contact resolution',
		unit: 'ratio',
		definition: 'Share of resolved tickets solved without back and forth. Two definitions are in use; pick one in the settings.',
		formula:
			'one-touch: solved/closed tickets with fewer than 2 public agent replies / solved or closed tickets. No follow-up: solved/closed tickets where the customer wrote nothing after the message that opened the ticket / solved or closed tickets',
		anchor: 'ticket creation day',
		variants: ['one-touch (Zendesk)', 'no customer follow-up (Freshservice)'],
		sources: [zendeskOneTouch, freshserviceFcr],
	},
	{
		id: 'escalationRate',
		name: 'Escalation rate',
		unit: 'ratio',
		definition:
			'Share of tickets escalated, in total and by type: functional (to an expert tier), hierarchical (to a supervisor), automatic (by an SLA rule). A ticket escalated twice counts once per type.',
		formula:
			'tickets with >= 1 escalation (of that type) / tickets created; escalations are recorded by the agent ("mark escalated"), seen as a group change, or raised by an SLA rule',
		anchor: 'ticket creation day',
		variants: ['all', 'functional', 'hierarchical', 'automatic'],
		sources: [design],
	},
	{
		id: 'slaCompliance',
		name: 'SLA compliance',
		unit: 'ratio',
		definition:
			'Per SLA metric, the share of tickets whose target was met. A ticket whose clock is still running within target is not counted yet.',
		formula:
			'achieved / (achieved + breached) per metric. Breached: the helpdesk reported a breach or any instance exceeded the target (running clocks included). Requester wait pauses while pending; agent work pauses while pending or on-hold; resolution is full resolution time',
		anchor: 'ticket creation day',
		variants: ['first reply', 'next reply', 'periodic update', 'requester wait', 'agent work', 'resolution'],
		sources: [zendeskSlaPolicies, zendeskMetricEvents],
	},
	{
		id: 'csat',
		name: 'CSAT',
		unit: 'ratio',
		definition:
			"Customer satisfaction: good ratings / (good + bad). Ratings on 2-, 3- or 5-point scales are placed on 1-5 (2 of 2 and 3 of 3 become 5, the middle of 3 becomes 3), so by default exactly what the helpdesk counts good is good: Good, 2 of 2, 3 of 3, 4-5 of 5. Freshdesk's happy answers count good, neutral is the middle, unhappy ones bad. The response rate (answered / surveys sent) is shown where the source records the surveys it sent (Zendesk's Offered); Unoffered means no survey was sent and is not counted.",
		formula:
			'top-2: score >= 4 good, else bad. top-1: 5 good, else bad. Excluding neutral: >= 4 good, <= 2 bad, 3 left out. A rating r on an n-point scale is placed at 1 + (r - 1) * 4 / (n - 1). Response rate: answered / offered over rows whose source records offers',
		anchor: 'day of the response',
		variants: ['4-5 good (default)', 'only 5 good', '3 left out'],
		sources: [zendeskCsat, design],
	},
	{
		id: 'nps',
		name: 'NPS',
		unit: 'score',
		definition: 'Net Promoter Score: percentage of promoters (9-10) minus percentage of detractors (0-6), from -100 to 100.',
		formula: '100 * (promoters - detractors) / responses',
		anchor: 'day of the response',
		sources: [netPromoter],
	},
	{
		id: 'ces',
		name: 'CES',
		unit: 'score',
		definition: 'Customer Effort Score: the mean answer to "how easy was it to get your issue resolved" on a 1-7 scale (higher is easier).',
		formula: 'mean score',
		anchor: 'day of the response',
		sources: [ces],
	},
	{
		id: 'churn',
		name: 'Churn',
		unit: 'ratio',
		definition:
			'Customers lost in the period / customers at its start (seen before the period and not yet lost). Ticket filters do not apply.',
		formula:
			'count(lost day within the period, among customers at start) / count(first seen before the period start and not lost before it)',
		anchor: 'period (or each day / week / month)',
		sources: [design],
	},
	{
		id: 'flagPrecision',
		name: 'Flag precision',
		unit: 'ratio',
		definition:
			'Of the tickets flagged at this level or above before any escalation, the share that was escalated afterwards. Shown with its 95% interval and the number of flagged tickets; under 20 flagged (or escalated) tickets it says "too few to tell".',
		formula:
			"flagged tickets later escalated / flagged tickets; flags raised after a ticket's first escalation are ignored. Interval: Wilson score, 95%",
		anchor: 'ticket creation day',
		variants: ['watch', 'high', 'critical'],
		sources: [design],
	},
	{
		id: 'flagRecall',
		name: 'Flag recall',
		unit: 'ratio',
		definition:
			'Of the escalated tickets, the share that had been flagged at this level or above before the escalation. Shown with its 95% interval and the number of escalated tickets; under 20 it says "too few to tell".',
		formula: 'escalated tickets flagged beforehand / escalated tickets. Interval: Wilson score, 95%',
		anchor: 'ticket creation day',
		variants: ['watch', 'high', 'critical'],
		sources: [design],
	},
	{
		id: 'flagLeadTime',
		name: 'Warning lead time',
		unit: 'duration',
		definition:
			'How much earlier than the escalation the first flag came: the time an agent had to defuse it. Shown as the median, the middle half (25th to 75th percentile) and how many warnings came under 15 minutes, 15-60 minutes, 1-4 hours, 4-24 hours and a day or more ahead.',
		formula: 'over flagged and escalated tickets: first escalation - first flag at this level or above; quartiles by linear interpolation',
		anchor: 'ticket creation day',
		sources: [design],
	},
	{
		id: 'flagsPerAgentHour',
		name: 'Flags per agent-hour (alert budget)',
		unit: 'rate',
		definition:
			'How often an agent is interrupted: flags raised per hour in which the agent was working. An agent-hour is a local clock hour in which the agent did anything recorded (reply, note, status change, flag, feedback, template).',
		formula: 'flags / distinct (agent, local hour) with agent activity',
		anchor: 'day of the flag / hour',
		sources: [design],
	},
	{
		id: 'flagAgreement',
		name: 'Agent agreement',
		unit: 'ratio',
		definition: 'How often agents agreed with a flag when they gave feedback on it.',
		formula: 'agree / (agree + disagree)',
		anchor: 'day of the feedback',
		sources: [design],
	},
	{
		id: 'templateEscalationRate',
		name: 'Escalation after a template',
		unit: 'ratio',
		definition:
			'Of the tickets a de-escalation template was used on, the share escalated after its first use, compared like with like: with tickets that got no template, at the same risk level and trigger, from the same point on. Templates are used on tickets already at risk, so a comparison with every other ticket would make every template look harmful. The difference comes with a 95% interval; under 20 tickets on either side it says "too few to tell", and only an interval wholly above or below zero is called more or fewer escalations.',
		formula:
			"Strata: the highest flag level on the ticket at the template's first use (none, watch, high, critical) and the ticket's trigger. Comparison points for tickets without a template: creation (level none) and the moment their risk first reached each level. Outcome: an escalation after the point. Comparison rate: each stratum's rate weighted by the template's share of tickets in it (direct standardisation); template tickets in a stratum with no comparison ticket are left out and counted. Interval: difference +- 1.96 standard errors summed over strata, each rate taken as (events + 1) / (tickets + 2) for its variance",
		anchor: 'ticket creation day (both sides: tickets created in the period, after filters)',
		sources: [design],
	},
	{
		id: 'templateCsat',
		name: 'CSAT after a template',
		unit: 'ratio',
		definition:
			'CSAT of the ratings given after a template was used on the ticket, compared like with like with the ratings of tickets without a template given after the same kind of point (same risk level and trigger), with a 95% interval for the difference and "too few to tell" under 20 rated responses on either side.',
		formula:
			'good / (good + bad) over CSAT responses later than the point; strata, weighting and interval as for escalation after a template, counted in rated responses',
		anchor: 'ticket creation day (both sides)',
		sources: [design],
	},
	{
		id: 'themes',
		name: 'Recurring themes',
		unit: 'count',
		definition:
			'What escalated tickets are about, found on this machine from customer text: frequent key phrases grouped into themes. Lift above 1 means the theme escalates more often than average.',
		formula:
			'key phrases = words and word pairs without stop words, in >= 3 tickets and <= half of them; phrases whose tickets overlap by >= 60% form one theme; each ticket joins its best-matching theme',
		anchor: 'ticket creation day',
		sources: [design],
	},
	{
		id: 'themeSpikes',
		name: 'Spikes of similar complaints',
		unit: 'count',
		definition: 'Days when a theme had far more tickets than usual.',
		formula:
			'count >= 3, P(X >= count) < 0.001 for X ~ Poisson(mean of the previous 28 days), and count > mean + 3 standard deviations; at least 7 days of history',
		anchor: 'ticket creation day',
		sources: [design],
	},
];

export function definitionOf(id: MetricId): MetricDefinition {
	const found = metricDefinitions.find(definition => definition.id === id);
	if (!found) {
		throw new Error(`No definition for metric ${id}`);
	}

	return found;
}
