// Conversation shape: many back-and-forth turns, reopens, reassignments, days open.
import type {Evidence} from '../model.ts';
import type {Detector, DetectorInput} from './signal.ts';
import type {Finding, PreparedTicket} from './types.ts';

export const shapeSignals = [
	{
		id: 'shape.back-and-forth',
		label: 'many messages without a fix',
		weight: 0.2,
		reason: 'many turns without resolution',
		triggers: {miscommunication: 0.3, 'frontline-response': 0.2},
		evidence: 'none',
		settledByThanks: true,
	},
	{
		id: 'shape.reopened',
		label: 'reopened',
		weight: 0.25,
		reason: 'reopened after "solved"',
		triggers: {'poor-quality': 0.4},
		evidence: 'events',
		settledByThanks: true,
	},
	{
		id: 'shape.reassigned',
		label: 'passed between agents',
		weight: 0.15,
		reason: 'passed between teams',
		triggers: {'frontline-response': 0.2, 'long-wait': 0.2},
		evidence: 'events',
		settledByThanks: true,
	},
	{
		id: 'shape.days-open',
		label: 'open for days',
		weight: 0.15,
		reason: 'open for many days',
		triggers: {'long-wait': 0.4},
		evidence: 'none',
		settledByThanks: true,
	},
] as const satisfies Detector['signals'];

export type ShapeOptions = {reopens?: number | undefined; reassignments?: number | undefined};

const reopenPattern = /\bre-?opened\b|\breopen(?:ing)? (?:the|this) ticket\b/i;
const reassignPattern = /\b(?:re-?assigned|assigned to|transferred to|moved to (?:group|team|queue)|group changed|escalated to)\b/i;
const dayMs = 86_400_000;

function systemMatches(prepared: PreparedTicket, pattern: RegExp): Evidence[] {
	const evidence: Evidence[] = [];
	for (const message of prepared.messages) {
		if (message.role === 'system' || (message.role === 'agent' && message.internal && message.text.length < 200)) {
			const match = pattern.exec(message.text.slice(0, 2000));
			if (match && message.role === 'system') {
				evidence.push({messageIndex: message.index, start: match.index, end: match.index + match[0].length});
			}
		}
	}

	return evidence;
}

export function detectShape(prepared: PreparedTicket, options: ShapeOptions = {}): Finding[] {
	const findings: Finding[] = [];
	let customerTurns = 0;
	let lastRole: string | undefined;
	for (const message of prepared.messages) {
		if (message.internal || message.role === 'system') {
			continue;
		}

		if (message.role !== lastRole && message.role === 'customer') {
			customerTurns++;
		}

		lastRole = message.role;
	}

	if (customerTurns >= 4) {
		findings.push({
			id: 'shape.back-and-forth',
			label: `${customerTurns} customer turns without resolution`,
			strength: Math.min(1, (customerTurns - 3) / 5),
			evidence: [],
		});
	}

	const reopenEvidence = systemMatches(prepared, reopenPattern);
	const reopens = Math.max(options.reopens ?? 0, reopenEvidence.length);
	if (reopens > 0) {
		findings.push({
			id: 'shape.reopened',
			label: reopens === 1 ? 'reopened once' : `reopened ${reopens} times`,
			strength: Math.min(1, reopens / 2),
			evidence: reopenEvidence,
		});
	}

	const reassignEvidence = systemMatches(prepared, reassignPattern);
	const reassignments = Math.max(options.reassignments ?? 0, reassignEvidence.length);
	if (reassignments >= 2) {
		findings.push({
			id: 'shape.reassigned',
			label: `reassigned ${reassignments} times`,
			strength: Math.min(1, (reassignments - 1) / 3),
			evidence: reassignEvidence,
		});
	}

	const created = Date.parse(prepared.ticket.createdAt ?? '');
	const opened = Number.isFinite(created) ? created : prepared.messages.find(message => message.at !== undefined)?.at;
	if (opened !== undefined && prepared.now !== undefined) {
		const days = (prepared.now - opened) / dayMs;
		if (days >= 5) {
			findings.push({id: 'shape.days-open', label: `open ${Math.floor(days)} days`, strength: Math.min(1, (days - 4) / 10), evidence: []});
		}
	}

	return findings;
}

export const detector = {
	signals: shapeSignals,
	detect: (prepared: PreparedTicket, {ctx}: DetectorInput): Finding[] => detectShape(prepared, ctx.shape ?? {}),
} satisfies Detector;
