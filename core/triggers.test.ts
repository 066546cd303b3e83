import {describe, expect, test} from 'vitest';
import type {Message} from './model.ts';
import {prepareTicket} from './signals/prepare.ts';
import {shippedToneLexicon} from './tone.ts';
import type {SignalId} from './signals/registry.ts';
import {chooseEscalationPath, classifyTriggers as classifyWith, triggerCues} from './triggers.ts';
import type {Finding, PreparedTicket} from './signals/types.ts';

/** With the built-in trigger cues, as assess() runs it. */
const classifyTriggers = (prepared: PreparedTicket, findings: readonly Finding[]) => classifyWith(prepared, findings, triggerCues);

const prepared = (messages: Message[]) => prepareTicket({helpdesk: 'demo', ticketId: '1', messages}, undefined, shippedToneLexicon);
const finding = (id: SignalId, strength = 1) => ({id, label: id, strength, evidence: []});
const top = (messages: Message[], findings = [finding('tone.negative')]) => classifyTriggers(prepared(messages), findings)[0]?.trigger;

describe('classifyTriggers', () => {
	test.each<[string, Message[], string]>([
		[
			'product broken',
			[{role: 'customer', text: 'The blender arrived broken and now the replacement does not work either.'}],
			'poor-quality',
		],
		[
			'agent was rude',
			[{role: 'customer', text: 'Your agent was rude and clearly did not read my message. Canned response again.'}],
			'frontline-response',
		],
		['long wait', [{role: 'customer', text: 'I have been waiting for two weeks with no update. How long does this take?'}], 'long-wait'],
		[
			'miscommunication',
			[{role: 'customer', text: 'That is not what I asked. I asked about the invoice date, not the amount.'}],
			'miscommunication',
		],
		[
			'rigid policy',
			[{role: 'customer', text: 'This policy is ridiculous, you refuse to refund a product I never opened.'}],
			'rigid-policy',
		],
		[
			'agent cites policy',
			[
				{role: 'customer', text: 'Why?'},
				{role: 'agent', text: 'Per our policy, items outside the return window are not eligible.'},
			],
			'rigid-policy',
		],
	])('%s', (_name, messages, expected) => {
		expect(top(messages)).toBe(expected);
	});

	test('signals add evidence: an SLA breach means long wait', () => {
		expect(top([{role: 'customer', text: 'Hello?'}], [finding('wait.breach')])).toBe('long-wait');
	});

	test('confidence is 0..1, sorted, and weak triggers are dropped', () => {
		const ranked = classifyTriggers(prepared([{role: 'customer', text: 'Hello, quick question about my account.'}]), []);
		expect(ranked).toEqual([]);
		const many = classifyTriggers(
			prepared([
				{role: 'customer', text: 'Still waiting, no update, it is broken, your agent was rude, per your policy you refuse to refund.'},
			]),
			[finding('wait.breach')],
		);
		for (const [index, entry] of many.entries()) {
			expect(entry.confidence).toBeGreaterThan(0);
			expect(entry.confidence).toBeLessThan(1);
			expect(index === 0 || many[index - 1]!.confidence >= entry.confidence).toBe(true);
		}
	});

	test('internal notes are not read', () => {
		expect(classifyTriggers(prepared([{role: 'agent', internal: true, text: 'Customer is rude, per our policy no refund'}]), [])).toEqual(
			[],
		);
	});
});

describe('chooseEscalationPath', () => {
	test.each([
		['none', [finding('phrase.legal')], [], undefined],
		['high', [finding('phrase.manager')], [], 'hierarchical'],
		['high', [finding('wait.breach'), finding('tone.negative')], [{trigger: 'long-wait' as const, confidence: 0.8}], 'automatic'],
		['watch', [finding('tone.negative')], [{trigger: 'poor-quality' as const, confidence: 0.6}], 'functional'],
		['watch', [finding('tone.negative')], [{trigger: 'rigid-policy' as const, confidence: 0.6}], 'hierarchical'],
		['high', [finding('phrase.churn')], [{trigger: 'poor-quality' as const, confidence: 0.6}], 'hierarchical'],
	] as const)('%s %j -> %s', (level, findings, ranked, expected) => {
		expect(chooseEscalationPath(level, findings, ranked)).toBe(expected);
	});
});
