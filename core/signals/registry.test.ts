// The conventions every signal keeps, so that a new one is its detector's file plus one line in
// registry.ts, and nothing else lists signals.
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, test} from 'vitest';
import {readmePath, readmeWithTable} from '../../test/docs/signals.ts';
import {demoTickets} from '../../test/demo/tickets.ts';
import {assess} from '../assess.ts';
import {triggers, type TicketSnapshot} from '../model.ts';
import {phraseSignals} from './phrases.ts';
import {detectors, isSignalId, signalDescriptor, signalDescriptors} from './registry.ts';
import {evidenceKinds, type Detector} from './signal.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe.each(signalDescriptors.map(descriptor => [descriptor.id, descriptor] as const))('%s', (_id, descriptor) => {
	test('names its detector and itself in lower-case words', () => {
		expect(descriptor.id).toMatch(/^[a-z]+\.[a-z]+(?:-[a-z]+)*$/);
	});

	test('has a label and a reason a person reads', () => {
		expect(descriptor.label.trim().length).toBeGreaterThan(2);
		expect(descriptor.reason.trim().length).toBeGreaterThan(10);
	});

	test('has a weight between 0 and 1', () => {
		expect(descriptor.weight).toBeGreaterThan(0);
		expect(descriptor.weight).toBeLessThan(1);
	});

	test('says which triggers it points at (possibly none), by known names, with amounts up to 2', () => {
		expect(typeof descriptor.triggers).toBe('object');
		for (const [trigger, amount] of Object.entries(descriptor.triggers)) {
			expect(triggers).toContain(trigger);
			expect(amount).toBeGreaterThan(0);
			expect(amount).toBeLessThanOrEqual(2);
		}
	});

	test('has a known evidence kind', () => {
		expect(evidenceKinds).toContain(descriptor.evidence);
	});
});

test('ids are unique and each is found by its id', () => {
	const ids = signalDescriptors.map(descriptor => descriptor.id);
	expect(new Set(ids).size).toBe(ids.length);
	for (const id of ids) {
		expect(signalDescriptor(id)?.id).toBe(id);
		expect(isSignalId(id)).toBe(true);
	}

	expect(isSignalId('wait.sla')).toBe(false); // Renamed wait.due; stored flags may still hold it
});

test("phrase families are the phrase detector's signals, each phrase.<family>", () => {
	for (const signal of phraseSignals) {
		expect(signal.id).toBe(`phrase.${signal.family}`);
		expect(signal.says.length).toBeGreaterThan(5);
	}
});

test('every detector file in this folder is in the registry', async () => {
	const folder = import.meta.dirname;
	const files = readdirSync(folder)
		.filter(name => name.endsWith('.ts') && !name.endsWith('.test.ts'))
		.sort();
	const registered = new Set<Detector>(detectors);
	const unregistered: string[] = [];
	let found = 0;
	for (const file of files) {
		const module = (await import(pathToFileURL(path.join(folder, file)).href)) as {detector?: Detector};
		if (module.detector) {
			found++;
			if (!registered.has(module.detector)) {
				unregistered.push(file);
			}
		}
	}

	expect(unregistered).toEqual([]);
	expect(found).toBe(detectors.length);
});

test('core/signals/README.md holds the table the descriptors give (npm run docs rewrites it)', () => {
	const readme = readFileSync(readmePath, 'utf8');
	expect(readme, 'the signal table is stale: run npm run docs').toBe(readmeWithTable(readme));
});

test('an id-like string in the code is a registered id (where the compiler cannot check it: plain data, comments)', () => {
	const prefixes = [...new Set(signalDescriptors.map(descriptor => descriptor.id.split('.')[0]!))];
	const idLike = new RegExp(String.raw`['"\`](?:${prefixes.join('|')})\.[a-z]+(?:-[a-z]+)*['"\`]`, 'g');
	const unknown: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(path.join(root, folder), {withFileTypes: true})) {
			const relative = path.join(folder, entry.name);
			if (entry.isDirectory()) {
				walk(relative);
			} else if (/\.tsx?$/.test(entry.name) && !/test/.test(entry.name)) {
				// Tests and their data may feed old ids on purpose
				for (const match of readFileSync(path.join(root, relative), 'utf8').matchAll(idLike)) {
					if (!isSignalId(match[0].slice(1, -1))) {
						unknown.push(`${relative}: ${match[0]}`);
					}
				}
			}
		}
	};

	for (const folder of ['core', 'entrypoints', 'dashboard']) {
		walk(folder);
	}

	expect(unknown).toEqual([]);
});

describe('evidence kinds hold on the demo tickets', () => {
	const startedAt = Date.parse('2026-03-04T14:00:00Z');
	const seen = new Set<string>();
	test.each(demoTickets.map(ticket => [ticket.id, ticket] as const))('#%s', (_id, ticket) => {
		const snapshot: TicketSnapshot = {
			helpdesk: 'demo',
			ticketId: ticket.id,
			subject: ticket.subject,
			status: ticket.status,
			priority: ticket.priority,
			createdAt: new Date(startedAt - 10 * 86_400_000).toISOString(),
			messages: [
				...ticket.messages.map(message => ({
					role: message.type === 'end-user' ? ('customer' as const) : ('agent' as const),
					internal: message.type === 'internal',
					text: message.body.join('\n\n'),
					at: new Date(startedAt - message.minutesAgo * 60_000).toISOString(),
				})),
				{role: 'system', text: 'Ticket reopened by the customer', at: new Date(startedAt - 60_000).toISOString()},
				{role: 'system', text: 'Ticket reassigned to Returns', at: new Date(startedAt - 50_000).toISOString()},
				{role: 'system', text: 'Ticket reassigned to Billing', at: new Date(startedAt - 40_000).toISOString()},
			],
		};
		const result = assess(snapshot, {
			now: startedAt,
			draft: 'As I said, there is nothing I can do.',
			history: [{ticketId: 'earlier', createdAt: startedAt - 2 * 86_400_000, subject: ticket.subject}],
			themes: [{theme: ticket.subject.split(' ')[0]!.toLowerCase(), count: 9}],
		});
		for (const signal of result.signals) {
			const kind = signalDescriptor(signal.id)?.evidence;
			seen.add(`${signal.id} ${kind}`);
			if (kind === 'none') {
				expect(signal.evidence, signal.id).toEqual([]);
			} else if (kind === 'words' || kind === 'events') {
				expect(signal.evidence.length > 0 || signal.id === 'spike.theme', signal.id).toBe(true); // A theme named only in the subject has no words to mark
				for (const evidence of signal.evidence) {
					const message = snapshot.messages[evidence.messageIndex]!;
					expect(message.role === 'system', signal.id).toBe(kind === 'events');
					expect(evidence.end - evidence.start, signal.id).toBeLessThan(message.text.length);
				}
			} else {
				for (const evidence of signal.evidence) {
					expect(snapshot.messages[evidence.messageIndex]!.role, signal.id).toBe('customer');
				}
			}
		}
	});

	test('the tickets above reach every evidence kind', () => {
		expect(new Set([...seen].map(entry => entry.split(' ')[1]))).toEqual(new Set(evidenceKinds));
	});
});
