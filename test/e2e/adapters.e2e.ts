// Every helpdesk adapter end to end in the built extension: each helpdesk's ticket fixture is served on
// its own 127.0.0.1 port (test/e2e/fixture-server.ts), the options' origin map sends that origin to the
// adapter, and the overlay must read as many customer and agent messages as the adapter itself reads
// from the same page in happy-dom. Then the first suggested reply goes into the helpdesk's editor: typed
// into plain editors, and through the main-world bridge into the model-driven ones: the real editors from
// npm where they install (CKEditor 5, TipTap, ProseMirror, Summernote: test/e2e/real-editors/), whose own
// model must hold the reply, and stand-ins of Froala and Redactor (commercial, not on npm as the helpdesks
// ship them: test/e2e/stand-ins/), which ignore DOM edits as the real ones do.
import {readFile} from 'node:fs/promises';
import {Window} from 'happy-dom';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test, vi} from 'vitest';
import type {Adapter, AdapterId} from '../../core/helpdesks/adapter.ts';
import {selectors as chatwootSelectors} from '../../core/helpdesks/chatwoot.ts';
import {customAdapter, validateCustomConfig, type CustomConfig} from '../../core/helpdesks/custom.ts';
import {adapters} from '../../core/helpdesks/index.ts';
import {helpdesks} from '../../core/helpdesks/registry.ts';
import {validateSettings} from '../../core/settings-schema.ts';
import {defaultSettings, type Settings} from '../../core/settings.ts';
import {threadFacts} from '../../core/thread.ts';
import {attachDeclarativeShadowRoots, fixtureHtml} from '../fixtures.ts';
import {isLocal, startFixtureServer, type FixtureServer, type StandIn} from './fixture-server.ts';
import {launchBrowser, screenshot, type Browser} from './harness.ts';
import type {RealEditorMount} from './real-editors.ts';

/** A customer message added to the page while it is open, in the helpdesk's own markup (a copy of its last one). */
type Growth = {message: string; customer: string; body: string; idAttributes: string[]; text: string};

type Case = {
	/** Screenshot name and test title: the adapter id, or more when one helpdesk has two UIs. */
	name: string;
	adapter: AdapterId;
	file: string;
	/** How the extension should put the reply in: typed, set as a text field's value, or through the bridge. */
	path: 'insert-text' | 'value' | 'bridge';
	/** The reply box, for plain editors: the test reads its text or value. */
	editor: string;
	standIns?: StandIn[];
	/** The editor itself from npm (test/e2e/real-editors/), where one installs: the test reads its model. */
	realEditors?: RealEditorMount[];
	/** The stand-in call the bridge must have made. */
	bridgeCall?: string;
	/** For a calm fixture (no suggestions): the customer writes again, angrily. */
	grow?: Growth;
	/** Roles the browser reads from layout (bubble sides) where happy-dom, laying nothing out, reads 'unknown'. */
	layoutRoles?: Array<'customer' | 'agent' | 'system' | 'unknown'>;
};

const angry =
	'This is the third time I am writing. Nothing works, nobody answers, and I want a refund today or I am cancelling and telling everyone about it.';

const cases: Case[] = [
	{
		name: 'zendesk',
		adapter: 'zendesk',
		file: 'ticket-open.html',
		path: 'bridge',
		editor: '[data-test-id="omnicomposer-rich-text-ckeditor"]',
		realEditors: [{editor: 'ckeditor5', target: '[data-test-id="omnicomposer-rich-text-ckeditor"]'}],
	},
	{
		name: 'freshdesk',
		adapter: 'freshdesk',
		file: 'ticket-open.html',
		path: 'bridge',
		editor: '.fr-element',
		standIns: [{editor: 'froala', target: '.fr-element.fr-view'}],
		bridgeCall: 'html.insert',
	},
	{name: 'helpscout', adapter: 'helpscout', file: 'ticket-open.html', path: 'insert-text', editor: '[data-slate-editor="true"]'},
	{
		name: 'helpscout-legacy',
		adapter: 'helpscout',
		file: 'ticket-legacy.html',
		path: 'bridge',
		editor: '.redactor_editor',
		standIns: [{editor: 'redactor', target: '.redactor_box textarea', api: 'jquery'}],
		bridgeCall: 'jquery:insertText',
	},
	{
		name: 'intercom',
		adapter: 'intercom',
		file: 'ticket-open.html',
		path: 'bridge',
		editor: '.ProseMirror',
		realEditors: [{editor: 'prosemirror', target: '[data-conversation-reply-composer] .ProseMirror', file: 'ticket-open.html'}],
	},
	{
		name: 'intercom-2026',
		adapter: 'intercom',
		file: 'ticket-2026.html',
		path: 'bridge',
		editor: '.ProseMirror',
		realEditors: [{editor: 'prosemirror', target: '[data-conversation-reply-composer] .ProseMirror', file: 'ticket-2026.html'}],
		layoutRoles: ['customer', 'agent', 'agent', 'customer'],
	},
	{
		name: 'front',
		adapter: 'front',
		file: 'ticket-open.html',
		path: 'insert-text',
		editor: '[class*="composerEditor__StyledEditorDiv"] [contenteditable="true"]',
	},
	{
		name: 'front-rehashed',
		adapter: 'front',
		file: 'ticket-rehashed.html',
		path: 'insert-text',
		editor: '[class*="composerEditor__StyledEditorDiv"] [contenteditable="true"]',
	},
	{name: 'zammad', adapter: 'zammad', file: 'ticket-open.html', path: 'insert-text', editor: '.articleNewEdit-body'},
	{
		name: 'zammad-desktop',
		adapter: 'zammad',
		file: 'desktop-ticket-open.html',
		path: 'bridge',
		editor: '#ticket-reply-body',
		realEditors: [{editor: 'tiptap', target: '#ticket-reply-body', file: 'desktop-ticket-open.html'}],
	},
	// Summernote's model is its editable (it reads the DOM back), so a stand-in that ignores DOM edits is not faithful: the real one.
	{
		name: 'freescout',
		adapter: 'freescout',
		file: 'ticket-open.html',
		path: 'bridge',
		editor: '.note-editable',
		realEditors: [{editor: 'summernote', target: '#body'}],
	},
	{
		name: 'chatwoot',
		adapter: 'chatwoot',
		file: 'ticket-open.html',
		path: 'bridge',
		editor: '.ProseMirror',
		realEditors: [{editor: 'prosemirror', target: '.conversation-details-wrap .ProseMirror'}],
		grow: {
			message: '.conversation-panel > li',
			customer: chatwootSelectors.contactBubble,
			body: '.prose',
			idAttributes: ['id', 'data-message-id'],
			text: angry,
		},
	},
	{
		name: 'osticket',
		adapter: 'osticket',
		file: 'ticket-open.html',
		path: 'bridge',
		editor: '.redactor-in',
		standIns: [{editor: 'redactor', target: '#response', api: '$R'}],
		bridgeCall: '$R:insertion.insertText',
	},
	{name: 'custom', adapter: 'custom', file: 'ticket-open.html', path: 'value', editor: 'form.reply textarea'},
];

/**
 * Adds a copy of the last customer message with new ids and `text` as its body. Runs in happy-dom (for the
 * expected reading) and, as source text, in the browser page: plain DOM calls only.
 */
const growConversation = (document: Document, growth: Growth): boolean => {
	const last = [...document.querySelectorAll(growth.message)].filter(node => node.querySelector(growth.customer)).at(-1);
	const copy = last?.cloneNode(true) as Element | undefined;
	const body = copy?.querySelector(growth.body);
	if (!last || !copy || !body) {
		return false;
	}

	for (const node of [copy, ...copy.querySelectorAll('*')]) {
		for (const name of growth.idAttributes) {
			const value = node.getAttribute(name);
			if (value) {
				node.setAttribute(name, `${value}9`);
			}
		}
	}

	const paragraph = document.createElement('p');
	paragraph.textContent = growth.text;
	body.replaceChildren(paragraph);
	last.after(copy);
	return true;
};

// What an agent would type into a template's required placeholders, by placeholder name.
const placeholderValues: Record<string, string> = {
	eta: 'Tuesday noon',
	status: 'the refund is approved',
	team: 'the billing team',
	'next.step': 'to call you back',
	offer: 'a replacement',
	issue: 'the export',
	'agent.name': 'Robin Vale',
};

const happyWindow = new Window();
const squash = (text: string | null | undefined) => (text ?? '').replaceAll(/\s+/g, ' ').trim();

let browser: Browser;
const servers = new Map<string, FixtureServer>();
const customConfigs = new Map<string, CustomConfig>();

/** The Helpline fixture's custom selectors, with its ticket and list addresses moved to the served origin. */
function customConfigFor(origin: string): CustomConfig {
	const checked = validateCustomConfig({
		...(JSON.parse(fixtureHtml('custom', 'config.json')) as Record<string, unknown>),
		ticketUrl: `${origin}/cases/{id}`,
		listUrl: `${origin}/queues/*`,
	});
	if (!checked.ok) {
		throw new Error(`custom config invalid: ${checked.errors.join('; ')}`);
	}

	return checked.config;
}

function adapterOf(testCase: Case, origin: string): Adapter {
	if (testCase.adapter === 'custom') {
		return customAdapter(customConfigs.get(origin) ?? customConfigFor(origin));
	}

	const found = adapters.find(adapter => adapter.id === testCase.adapter);
	if (!found) {
		throw new Error(`no adapter ${testCase.adapter}`);
	}

	return found;
}

/** What the adapter itself reads from the fixture (after the growth, if any), with the served address. */
function expectedFacts(testCase: Case, address: string, grown: boolean) {
	const document = new happyWindow.DOMParser().parseFromString(
		fixtureHtml(testCase.adapter, testCase.file),
		'text/html',
	) as unknown as Document;
	attachDeclarativeShadowRoots(document);
	if (grown && testCase.grow && !growConversation(document, testCase.grow)) {
		throw new Error(`${testCase.name}: no customer message to copy`);
	}

	const url = new URL(address);
	const snapshot = adapterOf(testCase, url.origin).readTicket(document, url);
	if (!snapshot) {
		throw new Error(`${testCase.name}: the adapter reads nothing from ${testCase.file} at ${address}`);
	}

	const {layoutRoles} = testCase;
	return threadFacts(
		layoutRoles
			? {...snapshot, messages: snapshot.messages.map((message, index) => ({...message, role: layoutRoles[index] ?? message.role}))}
			: snapshot,
	);
}

type StandInState = {editor: string; data: string; calls: string[]; ignoredEdits: number};

async function standIns(page: Page): Promise<StandInState[]> {
	return page.evaluate(() =>
		((globalThis as unknown as {defuseStandIns?: Array<StandInState & {getData(): string}>}).defuseStandIns ?? []).map(record => ({
			editor: record.editor,
			data: record.getData(),
			calls: [...record.calls],
			ignoredEdits: record.ignoredEdits,
		})),
	);
}

beforeAll(async () => {
	const keys = [...new Set(cases.map(testCase => testCase.adapter))];
	for (const adapter of keys) {
		const standInList = cases.filter(testCase => testCase.adapter === adapter).flatMap(testCase => testCase.standIns ?? []);
		const distinct = [...new Map(standInList.map(standIn => [JSON.stringify(standIn), standIn])).values()];
		const realList = cases.filter(testCase => testCase.adapter === adapter).flatMap(testCase => testCase.realEditors ?? []);
		const realEditors = [...new Map(realList.map(mount => [JSON.stringify(mount), mount])).values()];
		servers.set(adapter, await startFixtureServer({adapter, standIns: distinct, realEditors}));
	}

	const sites: Settings['sites'] = {};
	for (const [adapter, server] of servers) {
		if (adapter === 'custom') {
			customConfigs.set(server.origin, customConfigFor(server.origin));
			sites[server.origin] = {adapter: 'custom', custom: customConfigs.get(server.origin)};
		} else {
			sites[server.origin] = {adapter: adapter as AdapterId};
		}
	}

	const checked = validateSettings({...defaultSettings, agent: {name: 'Robin Vale', signature: ''}, sites});
	if (!checked.ok) {
		throw new Error(`settings invalid: ${JSON.stringify(checked.errors)}`);
	}

	browser = await launchBrowser();
	// Settings are written from an extension page, as the options page saves them.
	const options = await browser.context.newPage();
	await options.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
	await options.evaluate(async settings => {
		const {chrome} = globalThis as unknown as {chrome: {storage: {local: {set(items: object): Promise<void>}}}};
		await chrome.storage.local.set({settings});
	}, checked.settings);
	await options.close();
	// Each loopback origin is mapped to its helpdesk, whose own script the background registers for
	// loopback pages (the demo build's manifest runs only the demo helpdesk's there): wait for them.
	const wanted = [...servers.keys()].map(adapter => `content-scripts/${adapter}.js`).sort();
	await vi.waitFor(
		async () => {
			const registered = await browser.worker.evaluate(async () => {
				const {chrome} = globalThis as unknown as {chrome: {scripting: {getRegisteredContentScripts(): Promise<Array<{js?: string[]}>>}}};
				return (await chrome.scripting.getRegisteredContentScripts())
					.flatMap(script => script.js ?? [])
					.filter(file => !file.includes('editor-bridge'))
					.sort();
			});
			expect(registered).toEqual(wanted);
		},
		{timeout: 10_000, interval: 200},
	);
});

afterAll(async () => {
	await browser?.close();
	for (const server of servers.values()) {
		await server.close();
	}
});

test('every helpdesk in the registry has a case here (the demo has its own end-to-end tests)', () => {
	const uncovered = helpdesks.filter(helpdesk => helpdesk.kind !== 'demo' && !cases.some(testCase => testCase.adapter === helpdesk.id));
	expect(uncovered.map(helpdesk => helpdesk.id)).toEqual([]);
});

describe.each(cases.map(testCase => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
	test(`${testCase.file}: the overlay reads the adapter's message counts, and a suggested reply goes into the editor (${testCase.path})`, async () => {
		const server = servers.get(testCase.adapter)!;
		server.use(testCase.file);
		const address = server.urlOf(testCase.file);
		const page = await browser.context.newPage();
		const pageErrors: string[] = [];
		page.on('pageerror', error => pageErrors.push(String(error)));
		// Fixture images and links point at the helpdesks' own hosts: nothing leaves the machine.
		await page.route('**/*', async route => (isLocal(route.request().url(), server.origin) ? route.continue() : route.abort()));
		await page.goto(address);
		const host = page.locator('defuse-overlay');
		await expect.poll(async () => host.getAttribute('data-state'), {timeout: 15_000}).toBe('ticket');
		await host.locator('.badge').click();
		// Read by the mapped adapter, not the loopback demo one
		expect(await host.locator('.panel-title').textContent()).toBe(adapterOf(testCase, server.origin).name);

		let expected = expectedFacts(testCase, address, false);
		const counts = async () => ({
			customer: Number(await host.locator('[data-count="customer"]').textContent()),
			agent: Number(await host.locator('[data-count="agent"]').textContent()),
		});
		await expect.poll(counts, {timeout: 5000}).toEqual({customer: expected.customerMessages, agent: expected.agentMessages});

		if (testCase.grow) {
			// A calm thread has no suggestions: the customer writes again while the page is open.
			expect(await host.getAttribute('data-level')).toBe('none');
			expect(await host.locator('.suggestion').count()).toBe(0);
			expect(await page.evaluate(`(${growConversation.toString()})(document, ${JSON.stringify(testCase.grow)})`)).toBe(true);
			expected = expectedFacts(testCase, address, true);
			await expect.poll(counts, {timeout: 5000}).toEqual({customer: expected.customerMessages, agent: expected.agentMessages});
		}

		const suggestion = host.locator('.suggestion').first();
		await expect.poll(async () => host.locator('.suggestion').count(), {timeout: 5000}).toBeGreaterThan(0);
		// The needed fields, named first: a filled field is no longer needed, so the list shrinks as it is filled.
		const needed = await suggestion
			.locator('.field.is-needed input')
			.evaluateAll(inputs => inputs.map(input => input.getAttribute('name') ?? ''));
		for (const name of needed) {
			await suggestion.locator(`input[name="${name}"]`).fill(placeholderValues[name] ?? 'a follow-up');
		}

		const text = squash(await suggestion.locator('.suggestion-text').textContent());
		expect(text).not.toContain('{{');
		await suggestion.locator('[data-action="insert"]').click();
		await expect.poll(async () => suggestion.locator('.result').textContent(), {timeout: 5000}).toBe('Inserted into the reply box');

		if (testCase.realEditors) {
			// The editor's own model has the reply.
			const model = await page.evaluate(
				() => ((globalThis as unknown as {defuseEditors?: Array<{text(): string}>}).defuseEditors ?? [])[0]?.text() ?? '',
			);
			expect(squash(model)).toBe(text);
			expect(squash(await page.locator(testCase.editor).first().innerText())).toBe(text);
		} else if (testCase.path === 'bridge') {
			const editorName = testCase.standIns?.[0]?.editor;
			const state = (await standIns(page)).find(record => record.editor === editorName);
			expect(state?.calls).toContain(testCase.bridgeCall);
			expect(squash(state?.data)).toBe(text);
			expect(state?.ignoredEdits).toBe(0);
			// The stand-in is faithful: typing into its DOM from outside changes nothing.
			await page.evaluate(selector => {
				const editable = document.querySelector<HTMLElement>(`${selector}[contenteditable="true"], ${selector} [contenteditable="true"]`);
				editable?.focus();
				document.execCommand('insertText', false, ' typed around the editor');
			}, testCase.editor);
			const after = (await standIns(page)).find(record => record.editor === editorName);
			expect(after?.ignoredEdits).toBeGreaterThan(0);
			expect(squash(after?.data)).toBe(text);
			expect(squash(await page.locator(testCase.editor).first().innerText())).toBe(text);
		} else {
			const editor = page.locator(testCase.editor).first();
			const value = testCase.path === 'value' ? await editor.inputValue() : await editor.innerText();
			expect(squash(value)).toBe(text);
		}

		await screenshot(page, `adapter-${testCase.name}`);
		expect(pageErrors).toEqual([]);
		await page.close();
	});
});

test('a Freshdesk page that stops matching: the popup names the parts not found and saves a scrubbed copy of the page', async () => {
	const server = servers.get('freshdesk')!;
	server.use('ticket-open.html');
	const page = await browser.context.newPage();
	const pageErrors: string[] = [];
	page.on('pageerror', error => pageErrors.push(String(error)));
	await page.route('**/*', async route => (isLocal(route.request().url(), server.origin) ? route.continue() : route.abort()));
	await page.goto(server.urlOf('ticket-open.html'));
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state'), {timeout: 15_000}).toBe('ticket');
	// A redesign: the message items are gone (the fixture server has no Freshdesk API, so no fallback either)
	await page.evaluate(() => {
		for (const item of document.querySelectorAll('.ticket-details__item')) {
			item.remove();
		}
	});
	await expect.poll(async () => host.getAttribute('data-state'), {timeout: 20_000}).toBe('unreadable');
	const tabId = await browser.worker.evaluate(async () => {
		const {chrome} = globalThis as unknown as {
			chrome: {tabs: {query(filter: object): Promise<Array<{id?: number}>>; sendMessage(id: number, message: unknown): Promise<unknown>}};
		};
		for (const tab of await chrome.tabs.query({})) {
			const status = (await chrome.tabs.sendMessage(tab.id!, {type: 'defuse:status'}).catch(() => undefined)) as
				{state?: string} | undefined;
			if (status?.state === 'unreadable') {
				return tab.id;
			}
		}

		return undefined;
	});
	const popup = await browser.context.newPage();
	await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
	await expect.poll(async () => popup.getByTestId('popup-title').textContent()).toBe('Defuse cannot read this page');
	expect(await popup.getByTestId('popup-missing').locator('li').allTextContents()).toEqual(['item', 'body']);
	const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('save-page').click()]);
	expect(download.suggestedFilename()).toMatch(/^defuse-freshdesk-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.html$/);
	const saved = await readFile(await download.path(), 'utf8');
	expect(saved.split('\n')[0]).toContain(`<!-- url: ${server.origin}/a/tickets/812 · saved by Defuse for a bug report`);
	expect(saved.split('\n')[0]).toContain('missing: item, body');
	for (const word of ['Aiko', 'Tanaka', 'aiko.tanaka@example.org', 'Bruno', 'Northwind', 'INV-2291']) {
		expect(saved, word).not.toContain(word);
	}

	expect(saved).toContain('<ticket-details id="ticket-details"><template shadowrootmode="open">'); // The panel's shadow root, kept as markup
	expect(saved).toContain('<title>[#812] ');
	await expect.poll(async () => popup.getByTestId('save-page-result').textContent()).toContain('to your downloads');
	await screenshot(popup, 'popup-save-page');
	expect(pageErrors).toEqual([]);
	await Promise.all([popup.close(), page.close()]);
});

test("the options page patches a hosted helpdesk: start from Defuse's Freshdesk selectors, test them on the open tab (through its shadow roots)", async () => {
	const server = servers.get('freshdesk')!;
	server.use('ticket-open.html');
	const page = await browser.context.newPage();
	await page.route('**/*', async route => (isLocal(route.request().url(), server.origin) ? route.continue() : route.abort()));
	await page.goto(server.urlOf('ticket-open.html'));
	const options = await browser.context.newPage();
	await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
	const site = options.locator(`[data-origin="${server.origin}"]`);
	await site.getByLabel('Helpdesk', {exact: true}).selectOption('custom');
	await site.getByLabel("Start from Defuse's selectors for").selectOption('freshdesk');
	await site.getByRole('button', {name: "Replace these settings with Defuse's Freshdesk selectors"}).click();
	// The ticket address of a served copy: the fixture server's own
	await site.getByLabel('Ticket page address').fill(`${server.origin}/a/tickets/{id}`);
	await site.getByRole('button', {name: 'Test these selectors on the open tab'}).click();
	const result = options.getByTestId('selector-test-result');
	await result.waitFor({timeout: 10_000});
	expect(await result.locator('[data-selector="subject"] [data-count]').getAttribute('data-count')).toBe('1'); // Inside the panel's shadow root
	expect(await options.getByTestId('selector-test-ticket').textContent()).toBe(
		'Ticket 812: Double charge on invoice INV-2291 (5 messages)',
	);
	expect(await result.locator('li[data-role]').evaluateAll(items => items.map(item => item.getAttribute('data-role')))).toEqual([
		'customer',
		'agent',
		'agent',
		'agent',
		'customer',
	]);
	await result.scrollIntoViewIfNeeded();
	await screenshot(options, 'options-hosted-selector-test');
	await Promise.all([options.close(), page.close()]);
});
