import {describe, expect, test} from 'vitest';
import {grammarProblems} from '../../test/grammar.ts';
import {checkDraft} from '../signals/draft.ts';
import {templateLibrary} from './library.ts';
import {
	cleanValue,
	describedTemplate,
	labelOf,
	placeholderInfo,
	placeholdersIn,
	readableKey,
	render,
	situations,
	validateTemplate,
	type Template,
} from './template.ts';

const sample: Template = {
	id: 'x',
	title: 'x',
	language: 'en',
	trigger: 'any',
	situation: 'long-wait',
	body: 'Hi {{customer.firstName}}, ticket {{ticket.id}} by {{eta}}. {{optional}} Thanks, {{agent.name}}',
	placeholders: [
		{key: 'customer.firstName', required: false, fallback: 'there'},
		{key: 'ticket.id', required: false},
		{key: 'eta', required: true},
		{key: 'optional', required: false},
		{key: 'agent.name', required: true},
	],
};

describe('render', () => {
	test('fills values', () => {
		expect(render(sample, {'customer.firstName': 'Dana', 'ticket.id': '#42', eta: 'Friday', 'agent.name': 'Sam'})).toEqual({
			text: 'Hi Dana, ticket #42 by Friday. Thanks, Sam',
			missing: [],
		});
	});

	test('fallbacks, dropped optionals, and missing required values reported and left visible', () => {
		expect(render(sample, {})).toEqual({text: 'Hi there, ticket by {{eta}}. Thanks, {{agent.name}}', missing: ['eta', 'agent.name']});
	});

	test('never produces markup or invisible characters from values', () => {
		const {text} = render(sample, {
			'customer.firstName': '<img src=x onerror=alert(1)>Eve\u202E\u200B',
			eta: '<b>soon</b>',
			'agent.name': 'Sam\u0007 {{eta}}',
		});
		expect(text).toBe('Hi Eve, ticket by soon. Thanks, Sam eta');
		expect(text).not.toMatch(/[<>\u202E\u200B\u0007]/);
	});

	test('undeclared placeholders count as required', () => {
		expect(render({...sample, body: 'Hi {{who}}', placeholders: []}, {})).toEqual({text: 'Hi {{who}}', missing: ['who']});
	});

	test('cleanValue caps length and collapses whitespace', () => {
		expect(cleanValue('a\n\n b')).toBe('a b');
		expect(cleanValue('x'.repeat(1000)).length).toBe(300);
	});
});

describe('library', () => {
	test('has at least 30 templates with unique ids', () => {
		expect(templateLibrary.length).toBeGreaterThanOrEqual(30);
		expect(new Set(templateLibrary.map(template => template.id)).size).toBe(templateLibrary.length);
	});

	test('covers every required situation', () => {
		const situations = new Set(templateLibrary.map(template => template.situation));
		for (const situation of [
			'angry-first-reply',
			'repeat-contact',
			'long-wait',
			'policy-alternative',
			'legal-threat',
			'manager-request',
			'churn-save',
			'miscommunication',
		] as const) {
			expect(situations.has(situation), situation).toBe(true);
		}
	});

	test.each(templateLibrary.map(template => [template.id, template] as const))(
		'%s: declares exactly the placeholders it uses, signs with the agent',
		(_id, template) => {
			expect(new Set(template.placeholders.map(placeholder => placeholder.key))).toEqual(new Set(placeholdersIn(template.body)));
			expect(template.body).toContain('{{agent.name}}');
			expect(template.body).not.toMatch(/calm down|per our policy|nothing I can do|as I said/i);
			expect(validateTemplate(JSON.parse(JSON.stringify(template)))).toEqual({ok: true, template});
		},
	);

	test('with all values filled nothing is missing', () => {
		for (const template of templateLibrary) {
			const values = Object.fromEntries(template.placeholders.map(placeholder => [placeholder.key, 'X']));
			const rendered = render(template, values);
			expect(rendered.missing).toEqual([]);
			expect(rendered.text).not.toContain('{{');
		}
	});

	test('validateTemplate rejects junk', () => {
		expect(validateTemplate({id: 'x'}).ok).toBe(false);
		expect(validateTemplate([]).ok).toBe(false);
	});
});

describe('optional parts and values that fit their sentence', () => {
	const template: Template = {
		id: 'y',
		title: 'y',
		language: 'en',
		trigger: 'any',
		situation: 'long-wait',
		body: 'I have logged it[[ under {{ticket.id}}]], and I will {{next.step}} by {{eta}}. Our {{team}} team agrees.',
		placeholders: [
			{key: 'ticket.id', required: false},
			{key: 'next.step', required: true},
			{key: 'eta', required: true},
			{key: 'team', required: true},
		],
	};

	test('a part in [[ ]] goes when a value inside it is missing, and stays (without brackets) when given', () => {
		expect(render(template, {'next.step': 'call you', eta: 'Friday', team: 'Billing'}).text).toBe(
			'I have logged it, and I will call you by Friday. Our Billing team agrees.',
		);
		expect(render(template, {'ticket.id': '#7', 'next.step': 'call you', eta: 'Friday', team: 'Billing'}).text).toBe(
			'I have logged it under #7, and I will call you by Friday. Our Billing team agrees.',
		);
	});

	test('values typed the way people type them still read naturally', () => {
		expect(render(template, {'next.step': 'I will call you.', eta: 'by 3 pm today', team: 'the Billing team'}).text).toBe(
			'I have logged it, and I will call you by 3 pm today. Our Billing team agrees.',
		);
		expect(render(template, {'next.step': 'to call you', eta: 'Friday', team: 'our billing'}).text).toBe(
			'I have logged it, and I will call you by Friday. Our billing team agrees.',
		);
	});

	test('values cannot open a part or a placeholder', () => {
		expect(cleanValue('[[x]] {{y}}')).toBe('x y');
	});

	test('placeholders are labelled in words', () => {
		expect(labelOf({key: 'agent.name'})).toBe('Your name');
		expect(labelOf({key: 'next.step'})).toBe('What you will do next');
		expect(labelOf({key: 'refund.amountDue'})).toBe('Refund amount due');
		expect(labelOf({key: 'eta', label: 'Callback time'})).toBe('Callback time');
	});

	test('a described template carries the labels and examples, its own first', () => {
		const template: Template = {
			id: 'x',
			title: 'X',
			language: 'en',
			trigger: 'any',
			situation: 'angry-first-reply',
			body: '{{eta}} {{team}} {{mine}}',
			placeholders: [
				{key: 'eta', required: true},
				{key: 'team', required: true, label: 'Which desk', hint: 'Returns'},
				{key: 'mine', required: false},
			],
		};
		expect(describedTemplate(template).placeholders).toEqual([
			{key: 'eta', required: true, label: 'When you will update them', hint: '3 pm today'},
			{key: 'team', required: true, label: 'Which desk', hint: 'Returns'},
			{key: 'mine', required: false},
		]);
		expect(readableKey('mine')).toBe('Mine');
		expect(template.placeholders[0]).toEqual({key: 'eta', required: true});
	});

	test('every built-in template comes described', () => {
		for (const template of templateLibrary) {
			for (const placeholder of template.placeholders) {
				expect(placeholder.label, `${template.id} {{${placeholder.key}}}`).toBe(placeholderInfo[placeholder.key]?.label);
			}
		}
	});
});

// Every template, rendered with every optional field empty and filled (required fields filled with an
// example of their one grammatical form), reads as finished text and passes the draft check.
const example = (key: string) => placeholderInfo[key]?.hint ?? `the ${key}`;
const everySignal = ['phrase.legal', 'phrase.payment-dispute', 'phrase.churn'];

describe.each(templateLibrary.map(template => [template.id, template] as const))('%s: wording', (_id, template) => {
	const optional = template.placeholders.filter(placeholder => !placeholder.required);
	const required = template.placeholders.filter(placeholder => placeholder.required);
	const combinations = Array.from({length: 2 ** optional.length}, (_, mask) => mask);

	test('every key it uses has a label and an example', () => {
		for (const {key} of template.placeholders) {
			expect(placeholderInfo[key], key).toBeDefined();
			expect(placeholderInfo[key]?.hint, key).toBeTruthy();
		}
	});

	test.each(combinations)('optional fields filled by mask %i: finished text, nothing the draft check flags', mask => {
		const values: Record<string, string> = Object.fromEntries(required.map(placeholder => [placeholder.key, example(placeholder.key)]));
		for (const [index, placeholder] of optional.entries()) {
			if (mask & (1 << index)) {
				values[placeholder.key] = example(placeholder.key);
			}
		}

		const {text, missing} = render(template, values);
		expect(missing).toEqual([]);
		expect(text).not.toContain('{{');
		expect(grammarProblems(text), text).toEqual([]);
		expect(
			checkDraft(text, {signalIds: everySignal}).map(issue => issue.phrase),
			text,
		).toEqual([]);
	});

	test('with nothing filled, exactly the required fields without a fallback are missing', () => {
		const {missing} = render(template, {});
		expect(new Set(missing)).toEqual(
			new Set(required.filter(placeholder => placeholder.fallback === undefined).map(placeholder => placeholder.key)),
		);
	});
});

test('the library answers the situations a de-escalation review found missing', () => {
	const covered = new Set(templateLibrary.map(template => template.situation));
	expect(situations.filter(situation => !covered.has(situation))).toEqual([]);
	for (const situation of [
		'billing-error',
		'non-delivery',
		'outage',
		'data-request',
		'abuse',
		'vip-at-risk',
		'wrong-information',
		'own-mistake',
		'final-refusal',
		'third-party-wait',
		'language-mismatch',
		'vulnerable-customer',
	] as const) {
		expect(covered.has(situation), situation).toBe(true);
	}
});

test('no promises on legal, chargeback and cancellation replies; the bank route is respected', () => {
	const careful = templateLibrary.filter(template => ['legal-threat', 'payment-dispute', 'churn-save'].includes(template.situation));
	for (const template of careful) {
		expect(template.body, template.id).not.toMatch(
			/guarantee|full refund|our fault|we will refund|compensat|quicker than|instead of (?:your|the) bank/i,
		);
	}

	const chargeback = templateLibrary.find(template => template.id === 'legal-chargeback')!;
	expect(chargeback.body).toMatch(/entitled to raise it with your bank/);
});

test('abuse replies set a boundary and say what happens next', () => {
	const abuse = templateLibrary.filter(template => template.situation === 'abuse');
	expect(abuse.map(template => template.id)).toEqual(['insult-boundary', 'abuse-final-warning', 'abuse-end-conversation']);
	expect(abuse[0]!.body).toMatch(/free of insults/);
	expect(abuse[1]!.body).toMatch(/close this conversation/);
	expect(abuse[2]!.body).toMatch(/ending this conversation now/);
});
