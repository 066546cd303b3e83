// Template choice, pinned: ticket situations (assessments built here, not by the detectors) map to the
// expected best template, and together the rows reach every template in the library.
import {describe, expect, test} from 'vitest';
import type {EscalationPath, Trigger} from '../model.ts';
import {templateLibrary} from './library.ts';
import {chooseTemplates, needsReplyHelp, rankTemplates, type RankFacts} from './rank.ts';

type Case = {
	signals?: Array<string | [id: string, messages: number]>;
	triggers?: Trigger[];
	path?: EscalationPath;
	cues?: Record<string, string>;
	replies?: number;
	language?: string;
	inserted?: string[];
};

function facts(input: Case): RankFacts {
	return {
		signals: (input.signals ?? []).map(entry => {
			const [id, messages] = typeof entry === 'string' ? [entry, 1] : entry;
			return {id, weight: 0.2, label: `${id}: '${id.split('.')[1] ?? id} words'`, messages};
		}),
		triggers: (input.triggers ?? []).map((trigger, index) => ({trigger, confidence: 0.6 - index * 0.1})),
		escalationPath: input.path,
		cues: new Map(Object.entries(input.cues ?? {})),
		agentReplies: input.replies ?? 0,
		language: input.language ?? 'en',
		inserted: input.inserted ?? [],
	};
}

const table: Array<[situation: string, input: Case, best: string]> = [
	['an upset first message, nothing more specific', {signals: ['tone.negative']}, 'angry-first-reply-ownership'],
	['a product fault, first reply', {triggers: ['poor-quality'], path: 'functional'}, 'angry-quality-first-reply'],
	[
		'an item arrived damaged',
		{signals: ['phrase.faulty', 'tone.negative'], triggers: ['poor-quality'], path: 'functional'},
		'quality-replacement',
	],
	[
		'damaged, found by a cue only (no faulty signal yet)',
		{cues: {faulty: 'arrived broken'}, triggers: ['poor-quality']},
		'quality-replacement',
	],
	['an app that does not work', {signals: ['phrase.not-working'], triggers: ['poor-quality'], path: 'functional'}, 'quality-not-working'],
	[
		'a parcel that never arrived (#1003)',
		{signals: ['phrase.non-delivery', 'wait.breach'], triggers: ['long-wait', 'poor-quality'], path: 'functional'},
		'non-delivery-trace',
	],
	[
		'a parcel still missing after our reply',
		{cues: {'non-delivery': 'never arrived'}, triggers: ['poor-quality'], replies: 1},
		'non-delivery-resolve',
	],
	['charged twice, no threat', {signals: ['phrase.billing'], triggers: ['poor-quality']}, 'billing-error-check'],
	['a refund not received after our reply', {cues: {billing: 'refund never arrived'}, replies: 1}, 'billing-refund-update'],
	[
		'a chargeback threat (#1002)',
		{
			signals: ['phrase.legal', 'phrase.manager', 'phrase.public', 'tone.negative'],
			cues: {chargeback: 'file a chargeback'},
			triggers: ['rigid-policy'],
			path: 'hierarchical',
			replies: 2,
		},
		'legal-chargeback',
	],
	['a payment dispute signal', {signals: ['phrase.payment-dispute']}, 'legal-chargeback'],
	['a lawyer mentioned', {signals: ['phrase.legal', 'tone.negative'], path: 'hierarchical'}, 'legal-threat-neutral'],
	['the ombudsman mentioned', {signals: ['phrase.legal'], cues: {regulator: 'ombudsman'}, path: 'hierarchical'}, 'legal-regulator'],
	[
		'a manager asked for after rude replies',
		{signals: ['phrase.manager'], triggers: ['frontline-response'], path: 'hierarchical', replies: 1},
		'manager-request-accept',
	],
	[
		'a manager asked for over a fault',
		{signals: ['phrase.manager'], triggers: ['poor-quality'], path: 'hierarchical'},
		'manager-request-offer-first',
	],
	[
		'an exception asked for, no policy named',
		{cues: {exception: 'just this once'}, path: 'hierarchical', replies: 1},
		'hierarchical-escalation-explained',
	],
	[
		'an exception asked for under a policy',
		{cues: {exception: 'make an exception'}, triggers: ['rigid-policy'], path: 'hierarchical', replies: 1},
		'policy-exception-review',
	],
	['a policy complaint, first reply', {triggers: ['rigid-policy'], path: 'hierarchical'}, 'policy-explain-alternative'],
	[
		'a policy complaint that goes on after two replies',
		{triggers: ['rigid-policy'], path: 'hierarchical', replies: 2},
		'policy-final-refusal',
	],
	['wants to cancel', {signals: ['phrase.churn'], path: 'hierarchical'}, 'churn-save-listen'],
	[
		'has decided to cancel',
		{signals: ['phrase.churn'], cues: {'cancel-firm': 'cancel it today'}, path: 'hierarchical'},
		'churn-save-respect',
	],
	['asks again to cancel after our reply', {signals: ['phrase.churn'], path: 'hierarchical', replies: 1}, 'churn-save-respect'],
	['moving to a competitor', {signals: ['phrase.churn'], cues: {competitor: 'competitor'}, triggers: ['poor-quality']}, 'churn-competitor'],
	['will not renew the contract', {signals: ['phrase.churn'], cues: {renewal: 'renewal'}}, 'renewal-at-risk'],
	[
		'third contact about the same problem',
		{signals: ['history.repeat-contact', 'phrase.repeat'], triggers: ['poor-quality']},
		'repeat-contact-ownership',
	],
	[
		'a long thread going round in circles',
		{signals: ['shape.back-and-forth'], replies: 3, triggers: ['miscommunication']},
		'repeat-contact-recap',
	],
	['a breached first reply target', {signals: ['wait.breach'], triggers: ['long-wait'], path: 'automatic'}, 'long-wait-first-reply'],
	['a long wait between replies', {signals: ['wait.breach'], triggers: ['long-wait'], replies: 1}, 'long-wait-apology-eta'],
	['"any update?" between replies', {signals: ['phrase.urgency'], triggers: ['long-wait'], replies: 1}, 'periodic-update'],
	['an update due soon', {signals: ['wait.due'], replies: 1}, 'periodic-update'],
	['waiting on the carrier', {cues: {'third-party': 'waiting on the carrier'}, signals: ['wait.breach'], replies: 1}, 'third-party-wait'],
	['"that is not what I asked"', {signals: ['phrase.misread'], triggers: ['miscommunication'], replies: 1}, 'miscommunication-restate'],
	['"what do you mean?"', {cues: {confused: 'what do you mean'}, triggers: ['miscommunication'], replies: 1}, 'miscommunication-confirm'],
	[
		'told something different before',
		{cues: {'told-before': 'i was told'}, triggers: ['miscommunication'], replies: 1},
		'miscommunication-conflicting-info',
	],
	[
		'promised something else by a colleague',
		{cues: {'told-before': 'your colleague promised me'}, signals: ['phrase.broken-promise'], replies: 1},
		'miscommunication-conflicting-info',
	],
	[
		'a parcel that was supposed to arrive Monday',
		{signals: ['phrase.broken-promise', 'phrase.non-delivery'], triggers: ['poor-quality']},
		'non-delivery-trace',
	],
	['our own mistake, noted by the agent', {cues: {'own-mistake': 'my mistake'}, replies: 1}, 'own-mistake'],
	[
		'unhappy with several earlier replies',
		{triggers: ['frontline-response'], path: 'hierarchical', replies: 2},
		'angry-frontline-first-reply',
	],
	[
		'the one earlier answer did not help',
		{triggers: ['frontline-response'], path: 'hierarchical', replies: 1},
		'frontline-recovery-apology',
	],
	['a review threat', {signals: ['phrase.public'], path: 'hierarchical'}, 'public-exposure-resolve'],
	['a fault our replies have not fixed', {triggers: ['poor-quality'], path: 'functional', replies: 2}, 'quality-specialist'],
	['an insult', {signals: ['phrase.insult', 'tone.negative'], triggers: ['frontline-response']}, 'insult-boundary'],
	['insults in two messages', {signals: [['phrase.insult', 2]]}, 'abuse-final-warning'],
	['insults go on after the final warning', {signals: [['phrase.insult', 2]], inserted: ['abuse-final-warning']}, 'abuse-end-conversation'],
	['a threat of violence', {cues: {threat: 'hurt your staff'}}, 'abuse-end-conversation'],
	['asks for their data to be deleted', {cues: {'data-request': 'delete my data'}}, 'data-request'],
	['a bereavement', {cues: {vulnerable: 'passed away'}, signals: ['tone.negative']}, 'vulnerable-customer'],
	['a risk of self-harm', {cues: {harm: 'end my life'}, signals: ['phrase.insult']}, 'risk-of-harm'],
	['writes in Spanish (no Spanish templates)', {cues: {'other-language': 'Spanish'}, language: 'es'}, 'language-mismatch'],
	['the service is down', {signals: ['phrase.outage'], triggers: ['poor-quality'], path: 'functional'}, 'outage-update'],
	[
		'many customers report the same problem',
		{signals: ['spike.theme'], triggers: ['poor-quality'], path: 'functional'},
		'quality-known-issue',
	],
];

describe('the best template for each situation', () => {
	test.each(table)('%s', (_situation, input, best) => {
		const [top] = rankTemplates(templateLibrary, facts(input));
		expect(top?.template.id).toBe(best);
		expect(top?.why).toMatch(/^[^\n]{5,160}$/);
	});
});

test('the table reaches every template in the library', () => {
	const reached = new Set(table.map(([, , best]) => best));
	expect(templateLibrary.map(template => template.id).filter(id => !reached.has(id))).toEqual([]);
});

test('every template can be suggested: each is the best choice for some situation', () => {
	for (const template of templateLibrary) {
		const row = table.find(([, , best]) => best === template.id);
		expect(row, template.id).toBeDefined();
		expect(chooseTemplates(templateLibrary, facts(row![1]), 3)[0]?.template.id, template.id).toBe(template.id);
	}
});

describe('abuse replies need real abuse', () => {
	const abuse = new Set(templateLibrary.filter(template => template.situation === 'abuse').map(template => template.id));
	test.each(
		table.filter(
			([, input]) =>
				!input.signals?.some(entry => (typeof entry === 'string' ? entry : entry[0]) === 'phrase.insult') && !input.cues?.['threat'],
		),
	)('never for %s', (_situation, input) => {
		expect(rankTemplates(templateLibrary, facts(input)).filter(entry => abuse.has(entry.template.id))).toEqual([]);
	});

	test('a frontline complaint without an insult gets a frontline reply, not the boundary', () => {
		const chosen = chooseTemplates(
			templateLibrary,
			facts({triggers: ['frontline-response'], signals: ['tone.negative'], path: 'hierarchical', replies: 1}),
			3,
		).map(entry => entry.template.id);
		expect(chosen).not.toContain('insult-boundary');
		expect(chosen[0]).toBe('frontline-recovery-apology');
	});

	test('a truly insulting customer gets the boundary first', () => {
		const chosen = chooseTemplates(
			templateLibrary,
			facts({signals: ['phrase.insult', 'tone.negative'], triggers: ['frontline-response'], path: 'hierarchical', replies: 1}),
			3,
		);
		expect(chosen[0]?.template.id).toBe('insult-boundary');
		expect(chosen[0]?.why).toBe("Abusive language: 'insult words'");
	});
});

test('the specialist reply is not offered on a first contact', () => {
	const chosen = rankTemplates(templateLibrary, facts({triggers: ['poor-quality'], path: 'functional', signals: ['tone.negative']})).map(
		entry => entry.template.id,
	);
	expect(chosen).not.toContain('quality-specialist');
});

test('one template per situation, at most three, best first', () => {
	const chosen = chooseTemplates(
		templateLibrary,
		facts({
			signals: ['phrase.legal', 'phrase.manager', 'phrase.churn', 'phrase.repeat', 'tone.negative'],
			path: 'hierarchical',
			replies: 1,
		}),
		3,
	);
	expect(chosen.map(entry => entry.template.situation)).toEqual(['legal-threat', 'manager-request', 'churn-save']);
	expect(chooseTemplates(templateLibrary, facts({signals: ['tone.negative']}), 1)).toHaveLength(1);
});

test('what the agent already inserted on this ticket is not suggested again', () => {
	const input: Case = {signals: ['phrase.legal'], path: 'hierarchical'};
	expect(chooseTemplates(templateLibrary, facts(input), 3)[0]?.template.id).toBe('legal-threat-neutral');
	expect(
		chooseTemplates(templateLibrary, facts({...input, inserted: ['legal-threat-neutral']}), 3).map(entry => entry.template.id),
	).not.toContain('legal-threat-neutral');
});

test("the ticket's language: own-language templates first; English only when there are none", () => {
	const spanish = {...templateLibrary.find(template => template.id === 'legal-threat-neutral')!, id: 'es-legal', language: 'es'};
	const library = [...templateLibrary, spanish];
	const chosen = chooseTemplates(library, facts({signals: ['phrase.legal'], language: 'es'}), 3).map(entry => entry.template.id);
	expect(chosen).toEqual(['es-legal']);
	expect(
		chooseTemplates(templateLibrary, facts({signals: ['phrase.legal'], language: 'es', cues: {'other-language': 'Spanish'}}), 3).map(
			entry => entry.template.id,
		),
	).toEqual(['legal-threat-neutral', 'language-mismatch', 'angry-first-reply-ownership']);
});

test('a chargeback seen only as legal language is answered once, by the chargeback reply', () => {
	const chosen = chooseTemplates(
		templateLibrary,
		{
			...facts({cues: {chargeback: 'chargeback'}}),
			signals: [{id: 'phrase.legal', weight: 0.3, label: "legal or regulatory threat: 'file a chargeback'"}],
		},
		3,
	).map(entry => entry.template.situation);
	expect(chosen).toContain('payment-dispute');
	expect(chosen).not.toContain('legal-threat');
});

test('some situations need a reply even when the risk is none', () => {
	expect(needsReplyHelp(facts({cues: {'data-request': 'gdpr'}}))).toBe(true);
	expect(needsReplyHelp(facts({cues: {harm: 'end my life'}}))).toBe(true);
	expect(needsReplyHelp(facts({signals: ['phrase.legal']}))).toBe(false);
});

test("a team's own template without conditions ranks by its situation and trigger", () => {
	const own = {
		id: 'ours',
		title: 'Ours',
		language: 'en',
		trigger: 'rigid-policy' as const,
		situation: 'policy-alternative' as const,
		body: 'Hi {{agent.name}}',
		placeholders: [{key: 'agent.name', required: true}],
	};
	expect(chooseTemplates([own], facts({triggers: ['rigid-policy']}), 3).map(entry => entry.template.id)).toEqual(['ours']);
	expect(chooseTemplates([own], facts({triggers: ['long-wait']}), 3)).toEqual([]);
});
