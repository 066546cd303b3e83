// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import type {Message} from '../model.ts';
import type {Adapter} from './adapter.ts';
import {customAdapter, validateCustomConfig, type CustomConfig} from './custom.ts';
import {customStart, startableAdapters} from './custom-starts.ts';
import freshdesk from './freshdesk.ts';
import front from './front.ts';
import helpscout from './helpscout.ts';
import intercom from './intercom.ts';
import zendesk from './zendesk.ts';

type Line = {role: string; internal: boolean; text: string; at: string | undefined};
const lineOf = (message: Message): Line => ({role: message.role, internal: message.internal ?? false, text: message.text, at: message.at});

// Each start, read by the custom adapter, must read a fixture of its helpdesk as the built-in adapter does.
// What plain custom settings cannot say is written out per case (`expected`), never hidden.
const cases: ReadonlyArray<{
	adapter: Adapter;
	file: string;
	patch?: CustomConfig;
	ticketId?: string;
	expected?: (lines: Line[]) => Line[];
}> = [
	{adapter: zendesk, file: 'ticket-open.html'},
	{adapter: zendesk, file: 'ticket-two-tabs.html'},
	// The third party's reply matches no side in custom settings: left out (the adapter marks it unknown)
	{adapter: freshdesk, file: 'ticket-open.html', expected: lines => lines.filter(line => line.role !== 'unknown')},
	// Line items have no body there: their text is empty
	{
		adapter: helpscout,
		file: 'ticket-open.html',
		expected: lines => lines.map(line => (line.role === 'system' ? {...line, text: ''} : line)),
	},
	// This conversation lists oldest first: the user sets the order; chat lines match no side (the adapter tells the customer's by name)
	{
		adapter: helpscout,
		file: 'ticket-legacy.html',
		patch: {order: 'oldest-first'},
		expected: lines =>
			lines
				.filter(line => line.role !== 'unknown' && !line.text.startsWith('Five days'))
				.map(line => (line.role === 'system' && line.text.includes('changed') ? {...line, text: ''} : line)),
	},
	{adapter: intercom, file: 'ticket-open.html'},
	// Sides by address need the adapter: with a customer rule only (an account), everyone else counts as an agent,
	// the customer's colleague and the automated line too; the id is the address's number
	{
		adapter: front,
		file: 'ticket-open.html',
		ticketId: '120537545061',
		expected: lines =>
			lines.map(line => (line.role === 'unknown' || line.text.startsWith('Adding myself') ? {...line, role: 'agent'} : line)),
	},
];

test('every hosted helpdesk has a start, and every start is valid settings', () => {
	expect(startableAdapters.sort()).toEqual(['freshdesk', 'front', 'helpscout', 'intercom', 'zendesk']);
	for (const id of startableAdapters) {
		const check = validateCustomConfig(customStart(id, 'https://acme.example.com'), document);
		expect(check.ok ? [] : check.errors, id).toEqual([]);
	}

	expect(customStart('zammad', 'https://acme.example.com')).toBeUndefined();
});

describe.each(cases.map(entry => [`${entry.adapter.id}/${entry.file}`, entry] as const))(
	'%s: the start reads what the adapter reads',
	(_name, {adapter, file, patch, ticketId, expected = lines => lines}) => {
		const url = fixtureUrl(adapter.id, file);
		const own = adapter.readTicket(loadFixture(adapter.id, file), url);
		const custom = customAdapter({...customStart(adapter.id, url.origin), ...patch}).readTicket(loadFixture(adapter.id, file), url);

		test('ticket and subject', () => {
			expect(custom?.ticketId).toBe(ticketId ?? own?.ticketId);
			expect(custom?.subject).toBe(own?.subject);
		});

		test('messages: sides, notes, texts and times', () => {
			expect(custom?.messages.map(lineOf)).toEqual(expected(own?.messages.map(lineOf) ?? []));
		});
	},
);
