// The engine data and settings a helpdesk page gets from the background, built in for the session's tests.
import type {EngineData} from '../../core/assess.ts';
import type {Message, TicketSnapshot} from '../../core/model.ts';
import {defaultSettings} from '../../core/settings.ts';
import {draftRules} from '../../core/signals/draft.ts';
import {builtInPacks} from '../../core/signals/phrases.ts';
import {cues} from '../../core/templates/cues.ts';
import {templateLibrary} from '../../core/templates/library.ts';
import {shippedToneLexicon} from '../../core/tone.ts';
import {triggerCues} from '../../core/triggers.ts';

export const engine: EngineData = {
	packs: builtInPacks,
	templates: templateLibrary,
	draftRules,
	cues,
	triggerCues,
	tone: shippedToneLexicon,
};

export const pageData = () => ({settings: structuredClone(defaultSettings), engine});

export const t0 = Date.parse('2026-11-02T12:00:00Z');

const message = (role: Message['role'], text: string, at: string, extra: Partial<Message> = {}): Message => ({role, text, at, ...extra});

/** An angry customer waiting on a refund, as a page (or the helpdesk's API) gives it. */
export function angryTicket(extra: Partial<TicketSnapshot> = {}): TicketSnapshot {
	return {
		helpdesk: 'demo',
		ticketId: '1002',
		url: 'http://127.0.0.1/agent/tickets/1002',
		subject: 'Charged twice for my annual plan',
		status: 'open',
		priority: 'high',
		requester: {name: 'Marcus Feld', id: 'u-202'},
		messages: [
			message(
				'customer',
				'Hi, I renewed my annual plan yesterday and my card was charged twice. Please refund the duplicate.',
				'2026-10-31T15:00:00.000Z',
			),
			message('agent', 'Hello Marcus, refunds are processed per our policy within 10 business days.', '2026-10-31T18:00:00.000Z'),
			message(
				'customer',
				'This is ridiculous. I have been waiting for days and nobody answers. I want a manager and I will dispute the charge with my bank.',
				'2026-11-01T09:00:00.000Z',
			),
		],
		...extra,
	};
}
