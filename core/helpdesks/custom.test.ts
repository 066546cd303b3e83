// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {exampleUrls, fixtureFiles, fixtureHtml, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import {describeRobustness, stubExecCommand} from '../../test/unit/adapter-checks.ts';
import emptyCustom, {customAdapter, selectorProblem, validateCustomConfig, type CustomConfig} from './custom.ts';
import {selectorCounts as expected} from '../../test/fixtures/custom/counts.ts';

const checked = validateCustomConfig(JSON.parse(fixtureHtml('custom', 'config.json')));
if (!checked.ok) {
	throw new Error(`fixture config invalid: ${checked.errors.join('; ')}`);
}

const config = checked.config;
const helpline = customAdapter(config);

describe('validateCustomConfig', () => {
	test('the fixture config passes and is normalised (role values lower-cased)', () => {
		expect(config.customerValues).toEqual(['kunde']);
		expect(config.message).toBe('.timeline > .entry');
	});

	test('every problem is reported by its setting name', () => {
		const result = validateCustomConfig({
			message: '.entry[data-x="1"',
			author: 'div >',
			body: '',
			time: 42,
			mesage: '.typo',
			roleAttribute: 'data author',
			customerValues: 'kunde',
			ticketUrl: 'https://x.example/tickets/',
			listUrl: '/([a-z/',
			order: 'sideways',
			editorKind: 'notepad',
		});
		expect(result).toEqual({
			ok: false,
			errors: [
				'message: ".entry[data-x="1"" is missing "]"',
				'author: "div >" has an empty part or a dangling combinator',
				'time: must be text',
				'mesage: unknown setting',
				'roleAttribute: "data author" is not an attribute name',
				'customerValues: must be a list of texts',
				'ticketUrl: "https://x.example/tickets/" needs {id} where the ticket id is',
				'listUrl: "/([a-z/" is not a valid pattern',
				'order: must be oldest-first or newest-first',
				'editorKind: must be one of ckeditor5, prosemirror, tiptap, summernote, redactor, froala, tinymce, quill',
			],
		});
	});

	test('message is required; non-objects are rejected', () => {
		expect(validateCustomConfig({})).toEqual({ok: false, errors: ['message: required (a selector matching every message)']});
		expect(validateCustomConfig(null)).toEqual({ok: false, errors: ['settings must be an object']});
		expect(validateCustomConfig(['.x'])).toMatchObject({ok: false});
	});

	test.each([
		['.a > .b, li.entry:not(.x)', undefined],
		['[data-author-type="kunde"]', undefined],
		['a[href*="(x)"]', undefined],
		['.a\\[b\\]', undefined],
		['div,', 'has an empty part or a dangling combinator'],
		['> .a', 'has an empty part or a dangling combinator'],
		['.a)', 'has an unmatched ")"'],
		['[title="x]', 'has an unclosed quote'],
		['.a { color: red }', 'is not a valid CSS selector'],
		['.', 'is not a valid CSS selector'],
		['   ', 'is empty'],
	])('structural check without a document: %s', (selector, problem) => {
		expect(selectorProblem(selector)).toBe(problem);
	});

	test('with a probe root the real parser decides', () => {
		const probe = loadFixture('custom', 'list.html');
		expect(selectorProblem('td.no', probe)).toBeUndefined();
		expect(selectorProblem('td:::no', probe)).toBe('is not a valid CSS selector');
		expect(validateCustomConfig({message: 'li!!entry'}, probe)).toEqual({
			ok: false,
			errors: ['message: "li!!entry" is not a valid CSS selector'],
		});
	});
});

test('every fixture has a count table, and it covers every configured selector', () => {
	expect(fixtureFiles('custom')).toEqual(Object.keys(expected).sort());
	for (const counts of Object.values(expected)) {
		expect(Object.keys(counts).sort()).toEqual(Object.keys(helpline.selectors).sort());
	}
});

describe.each(Object.entries(expected))('%s', (file, counts) => {
	const page = loadFixture('custom', file);
	test.each(Object.entries(counts))('%s → %i', (name, count) => {
		expect(page.querySelectorAll(helpline.selectors[name]!)).toHaveLength(count);
	});
});

describe('URL detectors', () => {
	test.each([
		['https://helpline.intra.example/cases/HL-2041', true, false],
		['https://helpline.intra.example/cases/HL-2041?tab=notes#e-9003', true, false],
		['https://helpline.intra.example/queues/billing', false, true],
		['https://helpline.intra.example/cases/', false, false],
		['https://other.intra.example/cases/HL-2041', false, false],
	])('%s: ticket %s, list %s', (url, ticket, list) => {
		expect(helpline.isTicketPage(new URL(url))).toBe(ticket);
		expect(helpline.isListPage(new URL(url))).toBe(list);
	});

	test.each(Object.values(exampleUrls()).flatMap(urls => [...urls.ticket, ...urls.list]))('configured adapter rejects %s', url => {
		expect(helpline.isTicketPage(new URL(url))).toBe(false);
		expect(helpline.isListPage(new URL(url))).toBe(false);
	});

	test('regular-expression patterns: the first group is the id', () => {
		const adapter = customAdapter({...config, ticketUrl: '/^https:\\/\\/desk\\.example\\/t\\/(\\d+)$/'});
		expect(adapter.isTicketPage(new URL('https://desk.example/t/55'))).toBe(true);
		expect(adapter.isTicketPage(new URL('https://desk.example/t/x'))).toBe(false);
	});
});

describe('the default (unconfigured) custom adapter', () => {
	test('matches no page and reads nothing', () => {
		const page = loadFixture('custom', 'ticket-open.html');
		const url = fixtureUrl('custom', 'ticket-open.html');
		expect(emptyCustom.id).toBe('custom');
		expect(emptyCustom.isTicketPage(url) || emptyCustom.isListPage(url)).toBe(false);
		expect(emptyCustom.readTicket(page, url)).toBeUndefined();
		expect(emptyCustom.readList(page, url)).toEqual([]);
		expect(emptyCustom.insertReply(page, 'x')).toMatchObject({ok: false, via: 'none'});
	});
});

// Shown dates carry no zone: the runtime's (the agent's) is used
const local = (day: number, hour: number, minute: number) => new Date(2026, 10, day, hour, minute).toISOString();

describe('readTicket', () => {
	const snapshot = {
		helpdesk: 'custom',
		ticketId: 'HL-2041',
		url: 'https://helpline.intra.example/cases/HL-2041',
		subject: 'Rechnung doppelt abgebucht',
		status: 'In Bearbeitung',
		priority: 'Hoch',
		requester: {name: 'Elif Yilmaz', email: 'elif.yilmaz@example.de'},
		assignee: 'Jonas Weber',
		group: 'Billing',
		tags: ['refund', 'billing'],
		createdAt: local(3, 8, 12),
		messages: [
			{
				id: 'e-9001',
				role: 'customer',
				author: 'Elif Yilmaz',
				text: 'Guten Tag, mir wurde die Rechnung 7731 zweimal abgebucht.\n\nBitte erstatten Sie den Betrag.',
				at: local(3, 8, 12),
			},
			{
				id: 'e-9002',
				role: 'agent',
				author: 'Jonas Weber',
				text: 'Hallo Frau Yilmaz, wir prüfen das und melden uns bis morgen.',
				at: local(3, 10, 40),
			},
			{
				id: 'e-9003',
				role: 'agent',
				internal: true,
				author: 'Jonas Weber',
				text: 'Doppelbuchung bestätigt, Erstattung bei Finance angefragt.',
				at: local(3, 10, 45),
			},
			{id: 'e-9004', role: 'system', author: undefined, text: 'Status geändert: Neu → In Bearbeitung', at: local(3, 10, 46)},
			{
				id: 'e-9005',
				role: 'customer',
				author: 'Elif Yilmaz',
				text: 'Immer noch keine Erstattung. Das ist inakzeptabel, ich möchte mit einem Vorgesetzten sprechen.',
				at: local(5, 9, 2),
			},
		],
	};

	test('ticket-open: roles by attribute, note, German dates, fields, quote dropped', () => {
		expect(helpline.readTicket(loadFixture('custom', 'ticket-open.html'), fixtureUrl('custom', 'ticket-open.html'))).toEqual(snapshot);
	});

	test('two panes: only the active one (ticketRoot) is read', () => {
		expect(helpline.readTicket(loadFixture('custom', 'ticket-two-tabs.html'), fixtureUrl('custom', 'ticket-two-tabs.html'))).toEqual(
			snapshot,
		);
	});

	test('the pane shows another case than the URL: nothing is read', () => {
		expect(
			helpline.readTicket(loadFixture('custom', 'ticket-open.html'), new URL('https://helpline.intra.example/cases/HL-2039')),
		).toBeUndefined();
	});

	test('role rules by selector instead of attribute; newest-first order', () => {
		const bySelector: CustomConfig = {
			...config,
			roleAttribute: undefined,
			customerMessage: '[data-author-type="kunde"]',
			systemMessage: '.entry--system',
			agentMessage: undefined,
			order: 'newest-first',
		};
		const read = customAdapter(bySelector).readTicket(loadFixture('custom', 'ticket-open.html'), fixtureUrl('custom', 'ticket-open.html'));
		expect(read?.messages.map(message => `${message.role}${message.internal ? '*' : ''}`)).toEqual([
			'customer',
			'system',
			'agent*',
			'agent',
			'customer',
		]);
	});

	test('messages no rule recognises are left out rather than guessed', () => {
		const read = customAdapter({...config, customerValues: ['client']}).readTicket(
			loadFixture('custom', 'ticket-open.html'),
			fixtureUrl('custom', 'ticket-open.html'),
		);
		expect(read?.messages.map(message => message.id)).toEqual(['e-9002', 'e-9003', 'e-9004']);
	});

	test('long thread', () => {
		const messages =
			helpline.readTicket(loadFixture('custom', 'ticket-long.html'), fixtureUrl('custom', 'ticket-long.html'))?.messages ?? [];
		expect(messages).toHaveLength(240);
		expect(messages.filter(message => message.role === 'customer')).toHaveLength(99);
		expect(messages.filter(message => message.internal)).toHaveLength(34);
		expect(messages.filter(message => message.role === 'system')).toHaveLength(8);
		const times = messages.map(message => Date.parse(message.at ?? ''));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(messages.some(message => message.text.includes('must not be read twice'))).toBe(false);
	});
});

test('readList: ids, subjects, customers, times (attribute or shown text); rows without an id skipped', () => {
	expect(helpline.readList(loadFixture('custom', 'list.html'), fixtureUrl('custom', 'list.html'))).toEqual([
		{ticketId: 'HL-2041', subject: 'Rechnung doppelt abgebucht', requester: 'Elif Yilmaz', at: '2026-11-05T08:02:00.000Z'},
		{ticketId: 'HL-2039', subject: 'Passwort vergessen', requester: 'Bruno Costa', at: new Date(2026, 10, 2, 15, 0).toISOString()},
	]);
});

describe('insertReply', () => {
	test('textarea in the active pane: value and input event', () => {
		const page = loadFixture('custom', 'ticket-two-tabs.html');
		const areas = page.querySelectorAll<HTMLTextAreaElement>('form.reply textarea');
		const events: string[] = [];
		areas[1]!.addEventListener('input', () => events.push('input'));
		expect(helpline.insertReply(page, 'Guten Tag Frau Yilmaz,')).toEqual({ok: true, via: 'value'});
		expect(areas[0]!.value).toBe('');
		expect(areas[1]!.value).toBe('Guten Tag Frau Yilmaz,');
		expect(events).toEqual(['input']);
	});

	test('contenteditable editors are typed into', () => {
		const page = loadFixture('custom', 'ticket-open.html');
		page.querySelector('form.reply textarea')!.outerHTML = '<div class="rte" contenteditable="true"></div>';
		const typed = stubExecCommand(page);
		expect(customAdapter({...config, editor: 'form.reply .rte'}).insertReply(page, 'Hallo')).toEqual({ok: true, via: 'insert-text'});
		expect(typed.map(entry => entry.text)).toEqual(['Hallo']);
		expect(page.querySelector('.rte')?.textContent).toBe('Hallo');
	});

	test('a named framework editor goes through the bridge', () => {
		const adapter = customAdapter({...config, editor: 'form.reply textarea', editorKind: 'tinymce'});
		expect(adapter.insertReply(loadFixture('custom', 'ticket-open.html'), 'x')).toEqual({
			ok: false,
			via: 'bridge',
			editor: 'tinymce',
			selector: 'form.reply textarea',
		});
	});

	test('editor missing', () => {
		expect(helpline.insertReply(loadFixture('custom', 'list.html'), 'x')).toMatchObject({ok: false, via: 'none'});
	});
});

describeUrlDetectorsForDefault();
describeRobustness(helpline, 'custom', fixtureFiles('custom'));

function describeUrlDetectorsForDefault(): void {
	// No custom folder has a urls.json (custom URLs are whatever the user maps): the default adapter rejects all
	describe('default custom adapter against the shared URL table', () => {
		test.each(Object.values(exampleUrls()).flatMap(urls => [...urls.ticket, ...urls.list]))('%s', url => {
			expect(emptyCustom.isTicketPage(new URL(url)) || emptyCustom.isListPage(new URL(url))).toBe(false);
		});
	});
}
