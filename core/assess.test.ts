import {describe, expect, test} from 'vitest';
import {assess} from './assess.ts';
import type {Message, TicketSnapshot} from './model.ts';
import {clearAnalysisCache} from './signals/prepare.ts';

const ticket = (messages: Message[], extra: Partial<TicketSnapshot> = {}): TicketSnapshot => ({
	helpdesk: 'demo',
	ticketId: '1182',
	requester: {name: 'Dana Reyes'},
	messages,
	...extra,
});

const escalating: Message[] = [
	{role: 'customer', text: 'Hi, my order #1182 has not arrived yet. Could you check?', at: '2026-03-01T09:00:00Z'},
	{role: 'agent', text: 'Hi Dana, sorry about that, I have asked the courier.', at: '2026-03-01T10:00:00Z'},
	{role: 'agent', internal: true, text: 'Customer is furious, wants a manager, will sue', at: '2026-03-01T10:05:00Z'},
	{role: 'customer', text: 'It is still not here. This is the third time I am asking!', at: '2026-03-03T09:00:00Z'},
	{role: 'agent', text: 'As I said, per our policy we wait 10 days.', at: '2026-03-03T10:00:00Z'},
	{
		role: 'customer',
		text: 'This is ridiculous. Let me speak to your supervisor or I will file a chargeback and call my lawyer.\n\nOn Tue, Sam wrote:\n> As I said, per our policy',
		at: '2026-03-04T09:00:00Z',
	},
];

describe('assess', () => {
	test('an escalating thread: level, signals with checkable evidence, triggers, path, suggestions', () => {
		const result = assess(ticket(escalating), {agent: {name: 'Sam'}});
		expect(result.level).toBe('critical');
		expect(result.score).toBeGreaterThan(0.8);
		const ids = result.signals.map(signal => signal.id);
		expect(ids).toEqual(expect.arrayContaining(['phrase.legal', 'phrase.manager', 'phrase.repeat', 'tone.negative']));
		for (const signal of result.signals) {
			for (const evidence of signal.evidence) {
				const text = escalating[evidence.messageIndex]!.text;
				expect(evidence.end).toBeGreaterThan(evidence.start);
				expect(evidence.end).toBeLessThanOrEqual(text.length);
			}
		}

		const manager = result.signals.find(signal => signal.id === 'phrase.manager')!;
		const [where] = manager.evidence;
		expect(escalating[where!.messageIndex]!.text.slice(where!.start, where!.end)).toBe('speak to your supervisor');
		expect(result.signals.reduce((sum, signal) => sum + signal.weight, 0)).toBeCloseTo(result.score, 2);
		expect(result.escalationPath).toBe('hierarchical');
		expect(result.triggers.length).toBeGreaterThan(0);
		expect(result.suggestions.length).toBeGreaterThanOrEqual(1);
		expect(result.suggestions.length).toBeLessThanOrEqual(3);
		// A chargeback threat gets the chargeback reply, with the reason shown.
		expect(result.suggestions[0]!.templateId).toBe('legal-chargeback');
		expect(result.suggestions[0]!.why).toBe("Chargeback or bank dispute: 'chargeback'");
		expect(result.suggestions[0]!.text).toContain('Hi Dana');
		expect(result.suggestions[0]!.missing).toEqual(['eta']);
	});

	test('one message entry per input message; internal notes and agents are never dissatisfied', () => {
		const result = assess(ticket(escalating));
		expect(result.messages).toHaveLength(escalating.length);
		expect(result.messages[2]).toEqual({tone: 0, dissatisfied: false});
		expect(result.messages[4]!.dissatisfied).toBe(false);
		expect(result.messages[3]!.dissatisfied).toBe(true);
		expect(result.messages[5]!.dissatisfied).toBe(true);
	});

	test('internal notes never count as customer text', () => {
		const result = assess(
			ticket([
				{role: 'customer', text: 'Hello, quick question about invoices.'},
				{role: 'agent', internal: true, text: 'I will sue them, get the manager, cancel everything'},
			]),
		);
		expect(result).toMatchObject({level: 'none', signals: [], triggers: [], suggestions: []});
	});

	test("a message whose author is unknown is never read as the customer's", () => {
		const angry = 'This is ridiculous. Let me speak to your supervisor or I will file a chargeback.';
		const unknown = assess(
			ticket([
				{role: 'customer', text: 'Hello, quick question about invoices.'},
				{role: 'unknown', text: angry},
			]),
		);
		expect(unknown).toMatchObject({level: 'none', signals: [], triggers: [], suggestions: []});
		expect(unknown.messages[1]).toEqual({tone: 0, dissatisfied: false});
		expect(
			assess(
				ticket([
					{role: 'customer', text: 'Hello, quick question about invoices.'},
					{role: 'customer', text: angry},
				]),
			).level,
		).not.toBe('none');
	});

	test('a calm thread and hard negatives stay quiet', () => {
		for (const text of [
			'No problem at all, thanks for the quick help!',
			"I don't want to cancel, I just want the export to work. Thanks in advance!",
			'Thanks, that fixed it.\n\nOn Mon, 2 Mar 2026, Dana wrote:\n> This is a disgrace, I will sue you and cancel my account!!!',
		]) {
			expect(assess(ticket([{role: 'customer', text}])).level, text).toBe('none');
		}
	});

	test('the agent draft adds a signal', () => {
		const result = assess(ticket([{role: 'customer', text: 'Still not fixed.'}]), {
			draft: 'Calm down, as I said there is nothing I can do.',
		});
		expect(result.signals.find(signal => signal.id === 'draft.phrasing')?.label).toBe(
			"your draft has phrasing that tends to escalate: 'Calm down', 'as I said', 'there is nothing I can do'",
		);
	});

	test('SLA breach from context gives the automatic path', () => {
		const result = assess(
			ticket([{role: 'customer', text: 'Any news on my refund? Still waiting.', at: '2026-03-02T08:00:00Z'}], {priority: 'urgent'}),
			{now: '2026-03-02T12:00:00Z'},
		);
		expect(result.signals.map(signal => signal.id)).toContain('wait.breach');
		expect(result.escalationPath).toBe('automatic');
	});

	test('settings: thresholds, disabled families, extra packs, weight multipliers', () => {
		const messages: Message[] = [{role: 'customer', text: 'We might go with Globex unless this is fixed.'}];
		expect(assess(ticket(messages)).level).toBe('none');
		const custom = {id: 'acme', language: 'en', negators: [], families: {churn: ['go with globex']}};
		const withPack = assess(ticket(messages), {settings: {extraPhrasePacks: [custom]}});
		expect(withPack.signals.map(signal => signal.id)).toEqual(['phrase.churn']);
		expect(assess(ticket(messages), {settings: {extraPhrasePacks: [custom], disabledPhraseFamilies: ['churn']}}).signals).toEqual([]);
		expect(
			assess(ticket(messages), {settings: {extraPhrasePacks: [custom], thresholds: {watch: 0.6, high: 0.7, critical: 0.9}}}).level,
		).toBe('none');
		expect(assess(ticket(messages), {settings: {extraPhrasePacks: [custom], weightMultipliers: {'phrase.churn': 0}}}).score).toBe(0);
	});

	test("the team's own templates replace the built-in library", () => {
		const own = {
			id: 'team-legal',
			title: 'Our legal wording',
			language: 'en',
			trigger: 'any' as const,
			situation: 'legal-threat' as const,
			body: 'Hello {{customer.firstName}}, our legal team replies within two days.',
			placeholders: [{key: 'customer.firstName', required: true}],
		};
		const result = assess(ticket(escalating), {templates: [own]});
		expect(result.suggestions).toEqual([
			{
				templateId: 'team-legal',
				text: 'Hello Dana, our legal team replies within two days.',
				missing: [],
				title: 'Our legal wording',
				why: "Legal threat: 'lawyer'",
				fields: [
					{key: 'customer.firstName', label: "Customer's first name", hint: 'Dana', value: 'Dana', source: 'ticket', required: true},
				],
			},
		]);
	});

	test('replies quote the number the customer sees, not the internal id', () => {
		const result = assess(ticket(escalating, {ticketId: '1207', ticketNumber: '482913'}), {agent: {name: 'Sam'}});
		expect(result.suggestions.some(suggestion => suggestion.text.includes('#482913'))).toBe(true);
		expect(result.suggestions.some(suggestion => suggestion.text.includes('#1207'))).toBe(false);
	});

	test('remembered message analyses change nothing: a cold and a warm run agree', () => {
		clearAnalysisCache();
		const cold = assess(ticket(escalating), {agent: {name: 'Sam'}});
		const warm = assess(ticket(escalating), {agent: {name: 'Sam'}});
		expect(warm).toEqual(cold);
	});

	test('deterministic without ctx.now', () => {
		expect(assess(ticket(escalating))).toEqual(assess(ticket(escalating)));
	});
});

describe('bad input never throws', () => {
	const check = (input: TicketSnapshot) => {
		const result = assess(input);
		expect(['none', 'watch', 'high', 'critical']).toContain(result.level);
		expect(result.score).toBeGreaterThanOrEqual(0);
		expect(result.score).toBeLessThanOrEqual(1);
		expect(result.messages).toHaveLength(Array.isArray(input?.messages) ? input.messages.length : 0);
		for (const message of result.messages) {
			expect(Number.isFinite(message.tone)).toBe(true);
		}

		return result;
	};

	test('empty ticket and empty texts', () => {
		check(ticket([]));
		check(
			ticket([
				{role: 'customer', text: ''},
				{role: 'agent', text: ''},
			]),
		);
	});

	test('1 MB message', () => {
		const result = check(ticket([{role: 'customer', text: 'I want to speak to a manager. '.repeat(35_000)}]));
		expect(result.signals.map(signal => signal.id)).toContain('phrase.manager');
	});

	test('binary-looking text', () => {
		check(ticket([{role: 'customer', text: String.fromCharCode(...Array.from({length: 20_000}, (_, i) => (i * 7919) % 65_536))}]));
	});

	test('malicious text: markup, RTL overrides, zero-width characters', () => {
		const text = '<script>alert(1)</script><img src=x onerror=alert(2)> I will \u202Esue\u202C you, speak\u200B to a manager';
		const result = check(ticket([{role: 'customer', text}], {requester: {name: '<b>Eve</b>\u202E'}}));
		for (const suggestion of result.suggestions) {
			expect(suggestion.text).not.toMatch(/[<>\u202E\u200B]/);
		}
	});

	test('5,000-message thread', () => {
		const messages: Message[] = Array.from({length: 5000}, (_, i) => ({
			role: i % 2 === 0 ? 'customer' : 'agent',
			text: i % 7 === 0 ? 'Still not fixed, this is ridiculous!' : 'Thanks, I will check.',
			at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
		}));
		expect(check(ticket(messages)).level).not.toBe('none');
	});

	test('missing and broken timestamps', () => {
		check(
			ticket([
				{role: 'customer', text: 'Hello?', at: 'not a date'},
				{role: 'agent', text: 'Hi'},
				{role: 'customer', text: 'Still waiting!!'},
			]),
		);
	});

	test('structurally broken input', () => {
		check({
			helpdesk: 'demo',
			ticketId: '1',
			messages: [
				{role: 'customer', text: undefined as unknown as string},
				null as unknown as Message,
				{role: 'robot' as 'customer', text: 'x'},
			],
		});
		check({helpdesk: 'demo', ticketId: '1', messages: undefined as unknown as Message[]});
		check(undefined as unknown as TicketSnapshot);
	});
});
