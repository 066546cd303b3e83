import {describe, expect, test} from 'vitest';
import type {Message, Signal, TicketSnapshot} from '../model.ts';
import {prepareTicket} from '../signals/prepare.ts';
import {shippedToneLexicon} from '../tone.ts';
import {cues} from './cues.ts';
import {templateLibrary} from './library.ts';
import {fillTemplate, firstNameOf, knownValues, rankFactsOf, suggestReplies, ticketLanguage} from './suggest.ts';

test.each([
	['Dana Reyes', 'Dana'],
	['Smith, John', 'John'],
	['Dr. Jane Doe', 'Jane'],
	['Mr Kwame Mensah', 'Kwame'],
	['Jean-Luc Picard', 'Jean-Luc'],
	['J. Smith', undefined],
	['dana@example.com', undefined],
	['  ', undefined],
	[undefined, undefined],
])('the first name of %s is %s', (name, first) => {
	expect(firstNameOf(name)).toBe(first);
});

test.each([
	['Hi, my parcel never arrived and I need it for Saturday. Could you check please?', 'en'],
	['Hola, mi pedido no ha llegado todavía y lo necesito para el sábado. ¿Pueden revisarlo por favor?', 'es'],
	['Hallo, meine Bestellung ist noch immer nicht angekommen. Bitte prüfen Sie das.', 'de'],
	['', 'en'],
])('the customer writes %s in %s', (text, language) => {
	expect(ticketLanguage(text)).toBe(language);
});

const snapshot = (messages: Message[], extra: Partial<TicketSnapshot> = {}): TicketSnapshot => ({
	helpdesk: 'demo',
	ticketId: '1003',
	requester: {name: 'Carvalho, Ines'},
	messages,
	...extra,
});

describe('fields: in words, with their value and where it came from', () => {
	const template = templateLibrary.find(candidate => candidate.id === 'long-wait-first-reply')!;
	const known = knownValues(snapshot([]), {name: 'Sam Okafor'}, 'en');

	test('from the ticket and the settings; the agent types the rest', () => {
		const {fields, missing, text} = fillTemplate(template, known);
		expect(fields?.map(field => [field.key, field.label, field.value, field.source])).toEqual([
			['customer.firstName', "Customer's first name", 'Ines', 'ticket'],
			['ticket.id', 'Ticket number', '#1003', 'ticket'],
			['eta', 'When you will update them', '', 'empty'],
			['agent.name', 'Your name', 'Sam Okafor', 'settings'],
			['agent.signature', 'Your signature', '', 'empty'],
		]);
		expect(missing).toEqual(['eta']);
		expect(text).toContain('{{eta}}');
	});

	test('typed values win, and a typed value replaces a wrong one from the ticket', () => {
		const {fields, missing, text} = fillTemplate(template, known, {eta: 'by 5 pm', 'customer.firstName': 'Inês'});
		expect(missing).toEqual([]);
		expect(text.startsWith('Hi Inês,')).toBe(true);
		expect(text).toContain('by 5 pm.');
		expect(fields?.find(field => field.key === 'eta')).toMatchObject({value: '5 pm', source: 'typed'});
		expect(fields?.find(field => field.key === 'customer.firstName')?.source).toBe('typed');
	});

	test('without a name in the settings the name is missing and says so', () => {
		const {fields, missing} = fillTemplate(template, knownValues(snapshot([]), undefined, 'en'), {eta: 'Friday'});
		expect(missing).toEqual(['agent.name']);
		expect(fields?.find(field => field.key === 'agent.name')).toMatchObject({source: 'empty', required: true});
	});

	test('the ticket number the customer sees, and no "#" doubled', () => {
		expect(knownValues(snapshot([], {ticketNumber: '#482913'}), undefined, 'en')['ticket.id']).toEqual({
			value: '#482913',
			source: 'ticket',
		});
	});
});

const at = (hour: number) => `2026-03-02T${String(hour).padStart(2, '0')}:00:00Z`;
const signal = (id: string, messageIndex = 0): Signal => ({
	id,
	label: `${id}: 'x'`,
	weight: 0.3,
	evidence: [{messageIndex, start: 0, end: 1}],
});

test("cues come from the customer's own words and the agent's notes; replies are counted", () => {
	const messages: Message[] = [
		{role: 'customer', text: 'My parcel never arrived. Please delete my data afterwards.', at: at(8)},
		{role: 'agent', text: 'Sorry about that, I have asked the carrier to look.', at: at(9)},
		{role: 'agent', internal: true, text: 'Waiting on the carrier, chased twice.', at: at(10)},
		{role: 'customer', text: 'Still nothing.\n\nOn Monday you wrote:\n> what do you mean', at: at(11)},
	];
	const facts = rankFactsOf({
		snapshot: snapshot(messages),
		prepared: prepareTicket(snapshot(messages), Date.parse(at(12)), shippedToneLexicon),
		level: 'watch',
		signals: [signal('phrase.repeat', 3), signal('phrase.repeat', 0)],
		triggers: [],
		cues,
	});
	expect([...facts.cues.keys()].sort()).toEqual(['data-request', 'non-delivery', 'third-party']);
	expect(facts.agentReplies).toBe(1);
	expect(facts.signals[0]).toMatchObject({id: 'phrase.repeat', messages: 1});
	expect(facts.language).toBe('en');
});

test('suggestions carry a title, the reason and the fields; none on a quiet ticket unless it needs one', () => {
	const quiet: Message[] = [{role: 'customer', text: 'Hi, could you tell me how to export my invoices?', at: at(8)}];
	const input = {
		snapshot: snapshot(quiet),
		prepared: prepareTicket(snapshot(quiet), undefined, shippedToneLexicon),
		signals: [],
		triggers: [],
		templates: templateLibrary,
		cues,
		max: 3,
	};
	expect(suggestReplies({...input, level: 'none'})).toEqual([]);
	const gdpr: Message[] = [{role: 'customer', text: 'Hello, under GDPR please send me a copy of my personal data.', at: at(8)}];
	const [first] = suggestReplies({
		...input,
		snapshot: snapshot(gdpr),
		prepared: prepareTicket(snapshot(gdpr), undefined, shippedToneLexicon),
		level: 'none',
	});
	expect(first).toMatchObject({
		templateId: 'data-request',
		title: 'Personal data request: log it and state the time limit',
		why: "Personal data request: 'GDPR'",
	});
	expect(first?.fields?.map(field => field.key)).toEqual([
		'customer.firstName',
		'data.request',
		'ticket.id',
		'eta',
		'agent.name',
		'agent.signature',
	]);
});
