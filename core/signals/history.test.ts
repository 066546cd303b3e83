import {expect, test} from 'vitest';
import {detectHistory} from './history.ts';
import {prepareTicket} from './prepare.ts';
import {shippedToneLexicon} from '../tone.ts';

const ticket = {
	helpdesk: 'demo',
	ticketId: '9',
	subject: 'Refund for order 1182 still missing',
	createdAt: '2026-03-10T00:00:00Z',
	messages: [],
};
const now = Date.parse('2026-03-10T12:00:00Z');

test('nth contact within the window, with subject overlap', () => {
	const history = [
		{ticketId: '7', createdAt: '2026-03-01T00:00:00Z', subject: 'Refund for order 1182'},
		{ticketId: '8', createdAt: '2026-03-05T00:00:00Z', subject: 'Where is my refund'},
		{ticketId: '3', createdAt: '2026-01-01T00:00:00Z', subject: 'Refund'},
		{ticketId: '9', createdAt: '2026-03-10T00:00:00Z', subject: 'this ticket itself'},
	];
	expect(detectHistory(prepareTicket(ticket, now, shippedToneLexicon), history, 14)).toEqual([
		{id: 'history.repeat-contact', label: '3rd contact from this requester in 14 days (same subject)', strength: 0.8, evidence: []},
	]);
});

test('unrelated single earlier ticket is a weak signal', () => {
	const [finding] = detectHistory(
		prepareTicket(ticket, now, shippedToneLexicon),
		[{ticketId: '1', createdAt: Date.parse('2026-03-09T00:00:00Z'), subject: 'Change of address'}],
		14,
	);
	expect(finding?.label).toBe('2nd contact from this requester in 14 days');
	expect(finding?.strength).toBeCloseTo(0.35);
});

test('nothing without history in the window', () => {
	expect(detectHistory(prepareTicket(ticket, now, shippedToneLexicon), [], 14)).toEqual([]);
	expect(detectHistory(prepareTicket(ticket, now, shippedToneLexicon), [{ticketId: '1', createdAt: 'not a date'}], 14)).toEqual([]);
	expect(detectHistory(prepareTicket(ticket, now, shippedToneLexicon), undefined, 14)).toEqual([]);
});
