// A seeded, deterministic team history for demos, tests and benchmarks: agents, groups,
// priorities, channels, conversations with pauses and reopens, SLA targets, escalations of each
// type, flags that often (not always) precede them, feedback, templates, surveys, churn, and
// complaint themes with one spike. Invented people and companies only.
import type {EscalationPath, Trigger} from '../model.ts';
import type {Customer, Dataset, DatasetTicket, FlagLevel, SlaMetric, SurveyResponse, TicketEvent, TicketStatus} from './dataset.ts';
import {seededRandom} from '../random.ts';

export type DemoOptions = {
	/** @default 7 */
	seed?: number | undefined;
	/** @default 90 */
	days?: number | undefined;
	/** Average tickets created per day. @default 60 */
	ticketsPerDay?: number | undefined;
	/** The history ends here (epoch ms). @default 2026-06-30T18:00:00Z */
	endAt?: number | undefined;
	/** Include subjects and customer text (for themes). @default true */
	text?: boolean | undefined;
	/** Extra back-and-forth rounds per ticket on average (more messages per ticket). @default 1.5 */
	rounds?: number | undefined;
};

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const agents = ['Ana Ruiz', 'Ben Okafor', 'Chloe Martin', 'Dev Patel', 'Emma Larsen', 'Farid Haddad', 'Grace Kim', 'Hugo Silva'];
const groups = ['Frontline', 'Billing', 'Technical', 'Specialists'];
const priorities: Array<[string, number]> = [
	['low', 0.2],
	['normal', 0.55],
	['high', 0.18],
	['urgent', 0.07],
];
const channels: Array<[string, number]> = [
	['email', 0.5],
	['web', 0.25],
	['chat', 0.17],
	['phone', 0.08],
];
// Real ids from the built-in library (core/templates/library.ts), so the demo's template table names templates agents can see.
const templates = [
	'long-wait-apology-eta',
	'repeat-contact-ownership',
	'policy-explain-alternative',
	'miscommunication-restate',
	'functional-escalation-explained',
	'hierarchical-escalation-explained',
];

type ThemeSpec = {
	id: string;
	weight: number;
	trigger: Trigger;
	escalation: number;
	group: string;
	subjects: string[];
	lines: string[];
};

const themes: ThemeSpec[] = [
	{
		id: 'login',
		weight: 0.18,
		trigger: 'poor-quality',
		escalation: 0.12,
		group: 'Technical',
		subjects: ['Cannot log in', 'Login error after update', 'Password reset not working'],
		lines: [
			'I cannot log in to my account since this morning.',
			'The password reset link expired again.',
			'Login error says my session is invalid.',
			'Two factor code never arrives so I cannot log in.',
		],
	},
	{
		id: 'billing',
		weight: 0.2,
		trigger: 'rigid-policy',
		escalation: 0.16,
		group: 'Billing',
		subjects: ['Charged twice', 'Refund request', 'Invoice is wrong'],
		lines: [
			'I was charged twice for the same invoice.',
			'Where is my refund? It has been two weeks.',
			'The invoice shows the wrong plan.',
			'Your refund policy makes no sense to me.',
		],
	},
	{
		id: 'shipping',
		weight: 0.17,
		trigger: 'long-wait',
		escalation: 0.1,
		group: 'Frontline',
		subjects: ['Package delayed', 'Where is my order', 'Tracking number not working'],
		lines: [
			'My package is delayed for the third time.',
			'The tracking number shows no movement.',
			'Delivery date keeps moving and nobody answers.',
			'Order still not shipped after ten days.',
		],
	},
	{
		id: 'export',
		weight: 0.15,
		trigger: 'poor-quality',
		escalation: 0.14,
		group: 'Technical',
		subjects: ['Export crashes', 'CSV export broken', 'Report export fails'],
		lines: [
			'The app crashes when I export the report.',
			'CSV export produces an empty file.',
			'Export button spins forever and then fails.',
			'Exported data is missing columns.',
		],
	},
	{
		id: 'cancellation',
		weight: 0.12,
		trigger: 'frontline-response',
		escalation: 0.22,
		group: 'Billing',
		subjects: ['Cancel my subscription', 'Cancellation not processed', 'Want to close account'],
		lines: [
			'Please cancel my subscription today.',
			'I asked to cancel my subscription twice already.',
			'Close my account and stop charging me.',
			'Nobody processed my cancellation request.',
		],
	},
	{
		id: 'setup',
		weight: 0.18,
		trigger: 'miscommunication',
		escalation: 0.06,
		group: 'Frontline',
		subjects: ['How to connect integration', 'Setup question', 'Webhook configuration'],
		lines: [
			'How do I connect the calendar integration?',
			'The setup guide does not match what I see.',
			'Webhook configuration keeps failing validation.',
			'I do not understand which plan includes the integration.',
		],
	},
];

const fillers = [
	'Thanks in advance.',
	'This is really frustrating.',
	'Please help asap.',
	'I already tried everything.',
	'My team depends on this.',
	'Can someone look at this today?',
	'Any update?',
	'I am losing patience here.',
];

const firstNames = ['Alex', 'Sam', 'Jordan', 'Taylor', 'Robin', 'Casey', 'Morgan', 'Jamie', 'Riley', 'Quinn', 'Avery', 'Drew'];

function pick<T>(random: () => number, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)]!;
}

function weighted<T>(random: () => number, items: ReadonlyArray<readonly [T, number]>): T {
	let roll = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
	for (const [item, weight] of items) {
		roll -= weight;
		if (roll <= 0) {
			return item;
		}
	}

	return items.at(-1)![0];
}

/** Log-normal delay with the given median (ms). */
function delay(random: () => number, median: number, spread = 0.8): number {
	const u = Math.max(1e-9, random());
	const v = random();
	const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	return Math.round(median * Math.exp(spread * normal));
}

/** Agents work weekdays 07:00-16:00 UTC (09:00-18:00 in Berlin summer): move an agent action into that window. */
function workingTime(random: () => number, at: number): number {
	let moved = at;
	for (let guard = 0; guard < 4; guard++) {
		const dayNumber = Math.floor(moved / day);
		const weekday = (((dayNumber + 3) % 7) + 7) % 7;
		const clock = moved - dayNumber * day;
		if (weekday >= 5) {
			moved = (dayNumber + (7 - weekday)) * day + 7 * hour + Math.round(random() * hour);
		} else if (clock < 7 * hour) {
			moved = dayNumber * day + 7 * hour + Math.round(random() * hour);
		} else if (clock >= 16 * hour) {
			moved = (dayNumber + 1) * day + 7 * hour + Math.round(random() * hour);
		} else {
			return moved;
		}
	}

	return moved;
}

const firstReplyMedian: Record<string, number> = {urgent: 40 * minute, high: 2 * hour, normal: 5 * hour, low: 12 * hour};
const firstReplyTarget: Record<string, number> = {urgent: 60, high: 240, normal: 480, low: 1440};

/** The demo dataset: deterministic for the same options. */
export function generateDemoDataset(options: DemoOptions = {}): Dataset {
	const tickets: DatasetTicket[] = [];
	const events: TicketEvent[] = [];
	const surveys: SurveyResponse[] = [];
	const {customers, asOf} = streamDemoDataset(options, (ticket, ticketEvents, ticketSurveys) => {
		tickets.push(ticket);
		events.push(...ticketEvents);
		surveys.push(...ticketSurveys);
	});
	return {tickets, events, surveys, customers, asOf};
}

/**
 * The same history one ticket at a time (for histories too large to hold as one dataset):
 * calls `onTicket` per ticket with its events and surveys, returns the customers and asOf.
 */
export function streamDemoDataset(
	options: DemoOptions,
	onTicket: (ticket: DatasetTicket, events: TicketEvent[], surveys: SurveyResponse[]) => void,
): {customers: Customer[]; asOf: number} {
	const random = seededRandom(options.seed ?? 7);
	const days = options.days ?? 90;
	const perDay = options.ticketsPerDay ?? 60;
	const endAt = options.endAt ?? Date.UTC(2026, 5, 30, 18);
	const withText = options.text ?? true;
	const extraRounds = options.rounds ?? 1.5;
	const startDay = Math.floor(endAt / day) - days + 1;
	const spikeDay = startDay + days - 20;

	const customerCount = Math.max(50, Math.round(perDay * days * 0.4));
	const customers: Customer[] = [];
	for (let index = 0; index < customerCount; index++) {
		// Most customers predate the window; some arrive during it.
		const firstSeenAt =
			random() < 0.75 ? startDay * day - Math.round(random() * 400 * day) : startDay * day + Math.round(random() * days * day);
		customers.push({key: `demo:customer-${index + 1}`, firstSeenAt, lostAt: null});
	}

	const escalatedCustomers = new Set<number>();
	let ticketNumber = 10_000;
	for (let dayIndex = 0; dayIndex < days; dayIndex++) {
		const dayStart = (startDay + dayIndex) * day;
		const weekday = (((startDay + dayIndex + 3) % 7) + 7) % 7; // 0 = Monday
		const dayVolume = perDay * (weekday >= 5 ? 0.45 : 1.15) * (0.85 + random() * 0.3);
		const count = Math.max(0, Math.round(dayVolume));
		for (let index = 0; index < count; index++) {
			const spike = startDay + dayIndex === spikeDay;
			const theme =
				spike && random() < 0.55
					? themes[0]!
					: weighted(
							random,
							themes.map(spec => [spec, spec.weight] as const),
						);
			const createdAt = dayStart + 6 * hour + Math.round(random() * 14 * hour);
			if (createdAt > endAt) {
				continue;
			}

			ticketNumber++;
			const helpdesk = random() < 0.7 ? 'zendesk' : 'freshdesk';
			const host = helpdesk === 'zendesk' ? 'northwind.zendesk.com' : 'northwind.freshdesk.com';
			const key = `${helpdesk}:${host}:${ticketNumber}`;
			const priority = weighted(random, priorities);
			const channel = weighted(random, channels);
			let group = random() < 0.6 ? theme.group : pick(random, groups.slice(0, 3));
			const agent = pick(random, agents);
			const customerIndex = Math.floor(random() * customerCount);
			const customer = customers[customerIndex]!;
			if (customer.firstSeenAt > createdAt) {
				customer.firstSeenAt = createdAt - Math.round(random() * 5 * day);
			}

			const texts: string[] = [];
			const events: TicketEvent[] = [];
			const surveys: SurveyResponse[] = [];
			const push = (event: TicketEvent): void => {
				events.push(event);
			};

			const customerSays = (at: number): void => {
				push({ticketKey: key, at, kind: 'customer-message'});
				texts.push(`${pick(random, theme.lines)} ${pick(random, fillers)}`);
			};

			// Decide this ticket's fate up front so flags can precede escalations.
			const angry = random() < theme.escalation * (priority === 'urgent' ? 1.6 : 1);
			const escalationType: EscalationPath | undefined = angry
				? weighted(random, [
						['functional', 0.45],
						['hierarchical', 0.35],
						['automatic', 0.2],
					] as const)
				: undefined;

			let now = createdAt;
			customerSays(now);
			if (random() < 0.15) {
				now += delay(random, 20 * minute);
				customerSays(now);
			}

			push({
				ticketKey: key,
				at: createdAt,
				kind: 'sla-target',
				metric: 'first-reply',
				targetMinutes: firstReplyTarget[priority]!,
				businessHours: priority === 'low' || priority === 'normal',
			});
			if (random() < 0.5) {
				push({
					ticketKey: key,
					at: createdAt,
					kind: 'sla-target',
					metric: 'next-reply',
					targetMinutes: firstReplyTarget[priority]! * 2,
					businessHours: true,
				});
			}

			if (random() < 0.3) {
				const metric: SlaMetric = weighted(random, [
					['requester-wait', 1],
					['agent-work', 1],
					['resolution', 1],
					['periodic-update', 0.5],
				] as const);
				push({ticketKey: key, at: createdAt, kind: 'sla-target', metric, targetMinutes: 3 * 24 * 60, businessHours: false});
			}

			const firstReplyAt = workingTime(random, now + delay(random, firstReplyMedian[priority]! * (angry ? 1.8 : 1)));
			const escalateAt = angry ? firstReplyAt + delay(random, 6 * hour) : undefined;

			// Flags: most escalations are preceded by one; some calm tickets get one too.
			const flagged = angry ? random() < 0.72 : random() < 0.12;
			let flagAt: number | undefined;
			if (flagged) {
				flagAt = angry ? Math.max(createdAt + minute, escalateAt! - delay(random, 4 * hour)) : createdAt + delay(random, 3 * hour);
				const level: FlagLevel = angry
					? weighted(random, [
							['watch', 0.25],
							['high', 0.45],
							['critical', 0.3],
						] as const)
					: weighted(random, [
							['watch', 0.75],
							['high', 0.2],
							['critical', 0.05],
						] as const);
				push({
					ticketKey: key,
					at: flagAt,
					kind: 'flag',
					actor: agent,
					level,
					signals: level === 'watch' ? ['tone.trend'] : ['phrase.manager', 'wait.breach'],
				});
				if (random() < 0.45) {
					const agreeChance = angry ? 0.85 : 0.35;
					push({
						ticketKey: key,
						at: flagAt + delay(random, 5 * minute),
						kind: 'feedback',
						actor: agent,
						verdict: random() < agreeChance ? 'agree' : 'disagree',
					});
				}

				if (random() < 0.35) {
					push({
						ticketKey: key,
						at: flagAt + delay(random, 10 * minute),
						kind: 'template',
						actor: agent,
						templateId: pick(random, templates),
					});
				}
			}

			now = firstReplyAt;
			push({ticketKey: key, at: now, kind: 'agent-reply', actor: agent});
			if (theme.id === 'login' && random() < 0.3) {
				push({ticketKey: key, at: now + minute, kind: 'internal-note', actor: agent});
			}

			const rounds = Math.floor(random() * (extraRounds * 2 + 1));
			let escalated = false;
			for (let round = 0; round < rounds; round++) {
				if (random() < 0.55) {
					push({ticketKey: key, at: now + minute, kind: 'status', actor: agent, status: 'pending'});
				} else if (random() < 0.1) {
					push({ticketKey: key, at: now + minute, kind: 'status', actor: agent, status: 'on-hold'});
				}

				now += delay(random, 5 * hour);
				customerSays(now);
				push({ticketKey: key, at: now, kind: 'status', status: 'open'});
				if (escalateAt !== undefined && !escalated && escalateAt <= now + hour) {
					escalated = true;
					now = Math.max(now, escalateAt);
					if (escalationType === 'automatic') {
						push({ticketKey: key, at: now, kind: 'sla-breach', metric: 'next-reply'});
						push({ticketKey: key, at: now, kind: 'escalation', escalation: 'automatic', source: 'sla-rule'});
					} else if (escalationType === 'functional') {
						group = 'Specialists';
						push({ticketKey: key, at: now, kind: 'group-change', actor: agent, group});
						push({
							ticketKey: key,
							at: now,
							kind: 'escalation',
							actor: agent,
							escalation: 'functional',
							source: random() < 0.6 ? 'group-change' : 'agent',
						});
					} else {
						push({ticketKey: key, at: now, kind: 'escalation', actor: agent, escalation: 'hierarchical', source: 'agent'});
					}
				}

				now = workingTime(random, now + delay(random, 3 * hour * (escalated ? 1.5 : 1)));
				push({ticketKey: key, at: now, kind: 'agent-reply', actor: agent});
			}

			if (escalateAt !== undefined && !escalated) {
				now = Math.max(now, escalateAt);
				push({
					ticketKey: key,
					at: now,
					kind: 'escalation',
					actor: agent,
					escalation: escalationType === 'automatic' ? 'hierarchical' : escalationType!,
					source: 'agent',
				});
				now += delay(random, 2 * hour);
				push({ticketKey: key, at: now, kind: 'agent-reply', actor: agent});
			}

			let status: TicketStatus = 'open';
			const solveAt = workingTime(random, now + delay(random, 2 * hour));
			if (solveAt < endAt && random() < 0.93) {
				push({ticketKey: key, at: solveAt, kind: 'status', actor: agent, status: 'solved'});
				status = 'solved';
				now = solveAt;
				if (random() < 0.08) {
					now += delay(random, day);
					if (now < endAt) {
						customerSays(now);
						push({ticketKey: key, at: now, kind: 'status', status: 'reopened'});
						status = 'open';
						now += delay(random, 3 * hour);
						if (now < endAt) {
							push({ticketKey: key, at: now, kind: 'agent-reply', actor: agent});
							now += delay(random, hour);
							if (now < endAt) {
								push({ticketKey: key, at: now, kind: 'status', actor: agent, status: 'solved'});
								status = 'solved';
							}
						}
					}
				}

				if (status === 'solved' && now + 4 * day < endAt && random() < 0.6) {
					push({ticketKey: key, at: now + 4 * day, kind: 'status', status: 'closed'});
					status = 'closed';
				}
			}

			if (escalated || escalateAt !== undefined) {
				escalatedCustomers.add(customerIndex);
			}

			if (status === 'solved' || status === 'closed') {
				const surveyAt = now + delay(random, 6 * hour);
				// Zendesk records every survey it sends: answered or not, those rows carry `offered`.
				const offered = helpdesk === 'zendesk' ? {offered: true} : {};
				const answers = surveyAt < endAt ? random() : 1;
				if (answers < 0.35) {
					const base = escalateAt === undefined ? 4.3 : 2.6;
					const score = Math.min(5, Math.max(1, Math.round(base + (random() - 0.5) * 2.4)));
					surveys.push({ticketKey: key, kind: 'csat', score, at: surveyAt, ...offered});
				} else if (answers < 0.7 && helpdesk === 'zendesk') {
					surveys.push({ticketKey: key, kind: 'csat', score: null, at: surveyAt, offered: true});
				}

				if (surveyAt + hour < endAt && random() < 0.1) {
					surveys.push({
						ticketKey: key,
						kind: 'nps',
						score: Math.min(10, Math.max(0, Math.round((escalateAt === undefined ? 8 : 5) + (random() - 0.5) * 6))),
						at: surveyAt + hour,
					});
				}

				if (surveyAt + 2 * hour < endAt && random() < 0.1) {
					surveys.push({
						ticketKey: key,
						kind: 'ces',
						score: Math.min(7, Math.max(1, Math.round((escalateAt === undefined ? 5.5 : 3.5) + (random() - 0.5) * 3))),
						at: surveyAt + 2 * hour,
					});
				}
			}

			const ticket: DatasetTicket = {
				key,
				helpdesk,
				ticketId: String(ticketNumber),
				createdAt,
				requesterKey: customer.key,
				agent,
				group,
				priority,
				channel,
				status,
				trigger: angry || flagged ? theme.trigger : null,
			};
			if (withText) {
				ticket.subject = `${pick(random, theme.subjects)} (${pick(random, firstNames)})`;
				ticket.customerText = texts.join('\n');
			}

			onTicket(
				ticket,
				events.filter(event => event.at <= endAt),
				surveys,
			);
		}
	}

	// Churn: customers with escalations leave more often.
	for (const [index, customer] of customers.entries()) {
		const chance = escalatedCustomers.has(index) ? 0.2 : 0.03;
		if (random() < chance) {
			const lostAt = Math.max(customer.firstSeenAt + day, startDay * day + Math.round(random() * days * day));
			customer.lostAt = lostAt <= endAt ? lostAt : null;
		}
	}

	return {customers, asOf: endAt};
}
