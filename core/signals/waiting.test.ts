import {expect, test} from 'vitest';
import type {BusinessCalendar} from '../calendar.ts';
import type {Message, TicketSnapshot} from '../model.ts';
import {defaultSlaPolicy, type SlaPolicy} from '../sla.ts';
import {prepareTicket} from './prepare.ts';
import {shippedToneLexicon} from '../tone.ts';
import {assess} from '../assess.ts';
import {detectWaiting} from './waiting.ts';

const at = (iso: string) => Date.parse(iso);
const snapshot = (messages: Message[], extra: Partial<TicketSnapshot> = {}): TicketSnapshot => ({
	helpdesk: 'demo',
	ticketId: '7',
	messages,
	...extra,
});
const office: BusinessCalendar = {
	timezone: 'UTC',
	weekly: {
		mon: [['09:00', '17:00']],
		tue: [['09:00', '17:00']],
		wed: [['09:00', '17:00']],
		thu: [['09:00', '17:00']],
		fri: [['09:00', '17:00']],
	},
	holidays: [],
};

test('first reply breached (default policy: 8h)', () => {
	const ticket = snapshot([{role: 'customer', text: 'Order missing', at: '2026-03-02T08:00:00Z'}]);
	const [finding] = detectWaiting(prepareTicket(ticket, at('2026-03-02T18:00:00Z'), shippedToneLexicon));
	expect(finding).toEqual({
		id: 'wait.breach',
		label: 'waiting 10 h for a first reply; SLA target 8 h breached 2 h ago',
		strength: 1,
		evidence: [{messageIndex: 0, start: 0, end: 13}],
	});
});

test('near breach is a weaker warning; well within target is nothing', () => {
	const ticket = snapshot([{role: 'customer', text: 'Hello?', at: '2026-03-02T08:00:00Z'}]);
	const [near] = detectWaiting(prepareTicket(ticket, at('2026-03-02T15:00:00Z'), shippedToneLexicon));
	expect(near?.id).toBe('wait.due');
	expect(near?.label).toBe('first reply due in 1 h (target 8 h), priority normal');
	expect(near!.strength).toBeLessThan(1);
	expect(detectWaiting(prepareTicket(ticket, at('2026-03-02T10:00:00Z'), shippedToneLexicon))).toEqual([]);
});

test('next reply counts from the oldest unanswered customer message', () => {
	const ticket = snapshot(
		[
			{role: 'customer', text: 'A', at: '2026-03-01T08:00:00Z'},
			{role: 'agent', text: 'B', at: '2026-03-01T09:00:00Z'},
			{role: 'agent', internal: true, text: 'note', at: '2026-03-02T09:00:00Z'},
			{role: 'customer', text: 'C', at: '2026-03-02T10:00:00Z'},
			{role: 'customer', text: 'D', at: '2026-03-03T09:00:00Z'},
		],
		{priority: 'high'},
	);
	const [finding] = detectWaiting(prepareTicket(ticket, at('2026-03-02T19:00:00Z'), shippedToneLexicon));
	expect(finding?.id).toBe('wait.breach');
	expect(finding?.label).toBe('waiting 9 h for a reply; SLA target 8 h breached 1 h ago');
	expect(finding?.evidence[0]?.messageIndex).toBe(3);
});

test('answered, solved or pending tickets are not waiting', () => {
	const answered = snapshot([
		{role: 'customer', text: 'A', at: '2026-03-01T08:00:00Z'},
		{role: 'agent', text: 'B', at: '2026-03-01T09:00:00Z'},
	]);
	expect(detectWaiting(prepareTicket(answered, at('2026-03-09T00:00:00Z'), shippedToneLexicon))).toEqual([]);
	const waiting = [{role: 'customer' as const, text: 'A', at: '2026-03-01T08:00:00Z'}];
	expect(detectWaiting(prepareTicket(snapshot(waiting, {status: 'solved'}), at('2026-03-09T00:00:00Z'), shippedToneLexicon))).toEqual([]);
	expect(detectWaiting(prepareTicket(snapshot(waiting, {status: 'pending'}), at('2026-03-09T00:00:00Z'), shippedToneLexicon))).toEqual([]);
});

test('business hours and pauses', () => {
	const policy: SlaPolicy = {id: 'office', hours: 'business', calendar: office, targets: {default: {firstReplyMinutes: 240}}};
	const ticket = snapshot([{role: 'customer', text: 'Friday evening mail', at: '2026-03-06T16:00:00Z'}]);
	expect(detectWaiting(prepareTicket(ticket, at('2026-03-09T10:00:00Z'), shippedToneLexicon), {policy})).toEqual([]);
	const [late] = detectWaiting(prepareTicket(ticket, at('2026-03-09T14:00:00Z'), shippedToneLexicon), {policy});
	expect(late?.label).toBe('waiting 6 h business for a first reply; SLA target 4 h breached 2 h ago');
	const pauses = [{start: at('2026-03-09T09:00:00Z'), end: at('2026-03-09T13:00:00Z')}];
	expect(detectWaiting(prepareTicket(ticket, at('2026-03-09T14:00:00Z'), shippedToneLexicon), {policy, pauses})).toEqual([]);
});

test('missing timestamps or no clock: nothing', () => {
	expect(detectWaiting(prepareTicket(snapshot([{role: 'customer', text: 'A'}]), at('2026-03-09T00:00:00Z'), shippedToneLexicon))).toEqual(
		[],
	);
	expect(
		detectWaiting(prepareTicket(snapshot([{role: 'customer', text: 'A', at: 'yesterday'}]), undefined, shippedToneLexicon), {
			policy: defaultSlaPolicy,
		}),
	).toEqual([]);
});

test('an urgent ticket due within the hour is time pressure from its first minutes (#1007)', () => {
	const ticket = snapshot(
		[{role: 'customer', text: 'Checkout shows 502 Bad Gateway. Customers cannot complete orders.', at: '2026-03-02T08:00:00Z'}],
		{priority: 'urgent', status: 'new'},
	);
	const [finding] = detectWaiting(prepareTicket(ticket, at('2026-03-02T08:23:00Z'), shippedToneLexicon));
	expect(finding).toMatchObject({id: 'wait.due', label: 'first reply due in 37 min (target 1 h), priority urgent'});
	expect(assess(ticket, {now: '2026-03-02T08:23:00Z'}).level).not.toBe('none');
	// The same message at low priority is no time pressure yet
	expect(detectWaiting(prepareTicket({...ticket, priority: 'low'}, at('2026-03-02T08:23:00Z'), shippedToneLexicon))).toEqual([]);
});

test('more of the target used presses harder', () => {
	const ticket = snapshot([{role: 'customer', text: 'Hello', at: '2026-03-02T08:00:00Z'}], {priority: 'high'});
	const early = detectWaiting(prepareTicket(ticket, at('2026-03-02T08:30:00Z'), shippedToneLexicon))[0]!;
	const late = detectWaiting(prepareTicket(ticket, at('2026-03-02T11:30:00Z'), shippedToneLexicon))[0]!;
	expect(late.strength).toBeGreaterThan(early.strength);
});

test('resolution target of an open ticket, in business hours', () => {
	const policy: SlaPolicy = {id: 'office', hours: 'business', calendar: office, targets: {default: {resolutionMinutes: 960}}};
	const ticket = snapshot(
		[
			{role: 'customer', text: 'A', at: '2026-03-02T09:00:00Z'},
			{role: 'agent', text: 'B', at: '2026-03-02T09:10:00Z'},
		],
		{status: 'open', createdAt: '2026-03-02T09:00:00Z'},
	);
	// Monday 9:00 + 16 business hours = Tuesday 17:00
	expect(detectWaiting(prepareTicket(ticket, at('2026-03-03T14:00:00Z'), shippedToneLexicon), {policy})[0]?.label).toBe(
		'resolution due in 3 h (target 16 h business), priority normal',
	);
	expect(detectWaiting(prepareTicket(ticket, at('2026-03-04T10:00:00Z'), shippedToneLexicon), {policy})[0]?.label).toBe(
		'open 17 h business; resolution target 16 h breached 1 h ago',
	);
	expect(detectWaiting(prepareTicket({...ticket, status: 'solved'}, at('2026-03-04T10:00:00Z'), shippedToneLexicon), {policy})).toEqual([]);
});

test('a closing thank-you asks for no reply', () => {
	const ticket = snapshot(
		[
			{role: 'customer', text: 'How do I export invoices?', at: '2026-03-02T08:00:00Z'},
			{role: 'agent', text: 'Billing > Export.', at: '2026-03-02T09:00:00Z'},
			{role: 'customer', text: 'That worked perfectly, no problem at all. Thank you for the quick answer!', at: '2026-03-02T10:00:00Z'},
		],
		{priority: 'urgent'},
	);
	expect(detectWaiting(prepareTicket(ticket, at('2026-03-02T11:50:00Z'), shippedToneLexicon))).toEqual([]);
	const followUp = snapshot(
		[...ticket.messages.slice(0, 2), {role: 'customer', text: 'Thanks, but it still does not work.', at: '2026-03-02T10:00:00Z'}],
		{priority: 'urgent'},
	);
	expect(detectWaiting(prepareTicket(followUp, at('2026-03-02T11:50:00Z'), shippedToneLexicon))[0]?.id).toBe('wait.due');
});
