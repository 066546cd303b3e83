import {expect, test} from 'vitest';
import type {Message} from '../model.ts';
import {prepareTicket} from './prepare.ts';
import {shippedToneLexicon} from '../tone.ts';
import {detectShape} from './shape.ts';

const at = (iso: string) => Date.parse(iso);
const turns = (n: number): Message[] =>
	Array.from({length: n}, (_, i) => [
		{role: 'customer' as const, text: `q${i}`},
		{role: 'agent' as const, text: `a${i}`},
	]).flat();

test('short conversations have no shape signals', () => {
	expect(detectShape(prepareTicket({helpdesk: 'demo', ticketId: '1', messages: turns(3)}, undefined, shippedToneLexicon))).toEqual([]);
});

test('back-and-forth counts customer turns, not messages', () => {
	const messages: Message[] = [...turns(5), {role: 'customer', text: 'again'}, {role: 'customer', text: 'and again'}];
	const [finding] = detectShape(prepareTicket({helpdesk: 'demo', ticketId: '1', messages}, undefined, shippedToneLexicon));
	expect(finding).toEqual({id: 'shape.back-and-forth', label: '6 customer turns without resolution', strength: 0.6, evidence: []});
});

test('reopens and reassignments from system messages or context', () => {
	const messages: Message[] = [
		{role: 'customer', text: 'x'},
		{role: 'system', text: 'Ticket reopened by customer reply'},
		{role: 'system', text: 'Reassigned to Billing'},
		{role: 'system', text: 'Transferred to Tier 2'},
	];
	const findings = detectShape(prepareTicket({helpdesk: 'demo', ticketId: '1', messages}, undefined, shippedToneLexicon));
	expect(findings.map(finding => [finding.id, finding.label])).toEqual([
		['shape.reopened', 'reopened once'],
		['shape.reassigned', 'reassigned 2 times'],
	]);
	expect(findings[0]!.evidence).toEqual([{messageIndex: 1, start: 7, end: 15}]);
	const fromContext = detectShape(prepareTicket({helpdesk: 'demo', ticketId: '1', messages: []}, undefined, shippedToneLexicon), {
		reopens: 3,
		reassignments: 1,
	});
	expect(fromContext.map(finding => finding.id)).toEqual(['shape.reopened']);
});

test('days open', () => {
	const ticket = {
		helpdesk: 'demo',
		ticketId: '1',
		createdAt: '2026-03-01T00:00:00Z',
		messages: [{role: 'customer' as const, text: 'x', at: '2026-03-01T00:00:00Z'}],
	};
	expect(detectShape(prepareTicket(ticket, at('2026-03-03T00:00:00Z'), shippedToneLexicon))).toEqual([]);
	expect(detectShape(prepareTicket(ticket, at('2026-03-13T00:00:00Z'), shippedToneLexicon))).toEqual([
		{id: 'shape.days-open', label: 'open 12 days', strength: 0.8, evidence: []},
	]);
});
