import {describe, expect, test} from 'vitest';
import {templateLibrary} from './library.ts';
import {cleanValue, placeholdersIn, render, validateTemplate, type Template} from './template.ts';

const sample: Template = {
	id: 'x', title: 'x', language: 'en', trigger: 'any', situation: 'long-wait',
	body: 'Hi {{customer.firstName}}, ticket {{ticket.id}} by {{eta}}. {{optional}} Thanks, {{agent.name}}',
	placeholders: [{key: 'customer.firstName', required: false, fallback: 'there'}, {key: 'ticket.id', required: false}, {key: 'eta', required: true}, {key: 'optional', required: false}, {key: 'agent.name', required: true}],
};

describe('render', () => {
	test('fills values', () => {
		expect(render(sample, {'customer.firstName': 'Dana', 'ticket.id': '#42', eta: 'Friday', 'agent.name': 'Sam'})).toEqual({text: 'Hi Dana, ticket #42 by Friday. Thanks, Sam', missing: []});
	});

	test('fallbacks, dropped optionals, and missing required values reported and left visible', () => {
		expect(render(sample, {})).toEqual({text: 'Hi there, ticket by {{eta}}. Thanks, {{agent.name}}', missing: ['eta', 'agent.name']});
	});

	test('never produces markup or invisible characters from values', () => {
		const {text} = render(sample, {'customer.firstName': '<img src=x onerror=alert(1)>Eve\u202E\u200B', eta: '<b>soon</b>', 'agent.name': 'Sam\u0007 {{eta}}'});
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
		for (const situation of ['angry-first-reply', 'repeat-contact', 'long-wait', 'policy-alternative', 'legal-threat', 'manager-request', 'churn-save', 'miscommunication'] as const) {
			expect(situations.has(situation), situation).toBe(true);
		}
	});

	test.each(templateLibrary.map(template => [template.id, template] as const))('%s: declares exactly the placeholders it uses, signs with the agent', (_id, template) => {
		expect(new Set(template.placeholders.map(placeholder => placeholder.key))).toEqual(new Set(placeholdersIn(template.body)));
		expect(template.body).toContain('{{agent.name}}');
		expect(template.body).not.toMatch(/calm down|per our policy|nothing I can do|as I said/i);
		expect(validateTemplate(JSON.parse(JSON.stringify(template)))).toEqual({ok: true, template});
	});

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
