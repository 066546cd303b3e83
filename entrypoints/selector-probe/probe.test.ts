// @vitest-environment happy-dom
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, test} from 'vitest';
import {validateCustomConfig, type CustomConfig} from '../../core/helpdesks/custom.ts';
import {fixturesDir, loadFixture} from '../../test/fixtures.ts';
import {probeCustomConfig} from './probe.ts';

const fixture = (name: string) => loadFixture('custom', name);
const check = validateCustomConfig(JSON.parse(readFileSync(join(fixturesDir, 'custom/config.json'), 'utf8')));
const config: CustomConfig = check.ok ? check.config : {};

test('reports counts per selector and the ticket as read, on a ticket page', () => {
	const result = probeCustomConfig(config, fixture('ticket-open.html'), new URL('https://helpline.intra.example/cases/HL-2041'));
	expect(result.isTicketPage).toBe(true);
	expect(result.missing).toEqual([]);
	const counts = Object.fromEntries(result.counts.map(entry => [entry.name, entry.count]));
	expect(counts).toMatchObject({message: 5, ticketRoot: 1, editor: 1, listRow: 0});
	expect(result.snapshot?.ticketId).toBe('HL-2041');
	expect(result.snapshot?.messages.map(message => message.role)).toEqual(['customer', 'agent', 'agent', 'system', 'customer']);
	expect(result.snapshot?.messages[2]?.internal).toBe(true);
});

test('a wrong message selector shows as zero matches and a missing part, with no snapshot', () => {
	const result = probeCustomConfig(
		{...config, message: '.timeline > .nope'},
		fixture('ticket-open.html'),
		new URL('https://helpline.intra.example/cases/HL-2041'),
	);
	expect(result.counts.find(entry => entry.name === 'message')).toEqual({name: 'message', selector: '.timeline > .nope', count: 0});
	expect(result.missing).toEqual(['message']);
	expect(result.snapshot).toBeUndefined();
});

test('a list page counts rows; long texts are cut for display', () => {
	const list = probeCustomConfig(config, fixture('list.html'), new URL('https://helpline.intra.example/queues/mine'));
	expect(list.isListPage).toBe(true);
	expect(list.listRows).toBeGreaterThan(0);
	const long = probeCustomConfig(config, fixture('ticket-long.html'), new URL('https://helpline.intra.example/cases/HL-3000'));
	expect(long.snapshot === undefined || long.snapshot.messages.length <= 100).toBe(true);
	expect(long.snapshot?.messages.every(message => message.text.length <= 300) ?? true).toBe(true);
});

test("a hosted helpdesk from Defuse's start: counts and reading go through open shadow roots (Freshdesk's fields)", async () => {
	const {customStart} = await import('../../core/helpdesks/custom-starts.ts');
	const url = new URL('https://acme.freshdesk.com/a/tickets/812');
	const result = probeCustomConfig(customStart('freshdesk', url.origin)!, loadFixture('freshdesk', 'ticket-open.html'), url);
	const counts = Object.fromEntries(result.counts.map(entry => [entry.name, entry.count]));
	expect(counts).toMatchObject({subject: 1, requester: 4, requesterEmail: 1, message: 6, editor: 1});
	expect(result.snapshot?.subject).toBe('Double charge on invoice INV-2291');
	expect(result.snapshot?.messages.map(message => `${message.role}${message.internal ? ' (internal)' : ''}`)).toEqual([
		'customer',
		'agent',
		'agent (internal)',
		'agent',
		'customer',
	]);
});
