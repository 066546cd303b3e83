// The Firefox build end to end, in Debian's Firefox ESR: the overlay on the demo helpdesk, a suggested
// reply typed into the reply box and one handed to a model-driven editor through the main-world
// bridge, the observation in the extension's IndexedDB read from the dashboard page, the options page
// saving a setting and adding a custom site, and no request leaving the machine.
import {readFileSync} from 'node:fs';
import type {Server} from 'node:http';
import {join} from 'node:path';
import type {Page} from 'puppeteer-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {validateSettings} from '../../core/settings-schema.ts';
import {defaultSettings} from '../../core/settings.ts';
import {startDemoServer, type DemoServer} from '../demo/server.ts';
import {startFixtureServer, startHelpline, type FixtureServer} from '../e2e/fixture-server.ts';
import {fixturesDir} from '../fixtures.ts';
import {
	button,
	byLabel,
	firefoxExtensionPath,
	inOverlay,
	launchFirefox,
	overlayElement,
	overlayText,
	retype,
	screenshot,
	storeCountsSource,
	waitFor,
	type Firefox,
} from './harness.ts';

let firefox: Firefox;
let demo: DemoServer;
let zendesk: FixtureServer;
let helpline: {server: Server; origin: string};

beforeAll(async () => {
	demo = await startDemoServer({scheduleLive: false});
	// Zendesk's ticket page with a stand-in of CKEditor 5, which ignores DOM edits as the real one does.
	zendesk = await startFixtureServer({
		adapter: 'zendesk',
		standIns: [{editor: 'ckeditor5', target: '[data-test-id="omnicomposer-rich-text-ckeditor"]'}],
	});
	helpline = await startHelpline();
	firefox = await launchFirefox();
	// Settings are written from an extension page, as the options page saves them: the fixture's origin
	// is mapped to the Zendesk adapter, and the agent has a name for the templates.
	const checked = validateSettings({
		...defaultSettings,
		agent: {name: 'Robin Vale', signature: ''},
		sites: {[zendesk.origin]: {adapter: 'zendesk'}},
	});
	if (!checked.ok) {
		throw new Error(`settings invalid: ${JSON.stringify(checked.errors)}`);
	}

	const page = await firefox.openExtensionPage('dashboard.html');
	await page.evaluate(`browser.storage.local.set({settings: ${JSON.stringify(checked.settings)}})`);
	// The background registers Zendesk's own script for that loopback origin (the demo build's manifest
	// runs only the demo helpdesk's there).
	await waitFor(
		page,
		`browser.scripting.getRegisteredContentScripts().then(scripts => scripts.some(script => script.js.includes('content-scripts/zendesk.js')))`,
	);
	await page.close();
}, 90_000);

afterAll(async () => {
	await firefox?.close();
	await demo?.close();
	await zendesk?.close();
	await new Promise(done => helpline?.server.close(done));
});

async function openTicket(url: string): Promise<Page> {
	const page = await firefox.browser.newPage();
	await page.goto(url);
	await waitFor(page, `document.querySelector('defuse-overlay')?.getAttribute('data-state') === 'ticket'`, 20_000);
	return page;
}

const squash = (text: string | null | undefined) => (text ?? '').replaceAll(/\s+/g, ' ').trim();

test('the manifest asks for a Firefox that runs main-world content scripts', () => {
	const manifest = JSON.parse(readFileSync(join(firefoxExtensionPath, 'manifest.json'), 'utf8')) as {
		browser_specific_settings?: {gecko?: {strict_min_version?: string}};
	};
	expect(manifest.browser_specific_settings?.gecko?.strict_min_version).toBe('128.0');
});

test('an angry demo ticket: critical, with reasons, the evidence highlighted in the thread, trigger and path', async () => {
	const page = await openTicket(`${demo.url}/agent/tickets/1002`);
	await waitFor(page, `document.querySelector('defuse-overlay')?.getAttribute('data-level') === 'critical'`);
	await screenshot(page, 'overlay-collapsed');
	await (await overlayElement(page, '.badge')).click();
	await waitFor(page, `${inOverlay('.reason[data-signal="phrase.manager"]')}`);
	expect(await overlayText(page, '.reason[data-signal="phrase.manager"]')).toContain('speak to a manager');
	expect(await overlayText(page, '[data-fact="path"]')).toContain('Hierarchical');
	expect(await overlayText(page, '[data-fact="trigger"]')).toContain('Likely trigger');

	await (await overlayElement(page, '.reason[data-signal="phrase.manager"]')).click();
	await waitFor(page, `document.querySelector('defuse-overlay').getAttribute('data-highlight') === 'phrase.manager:highlight'`);
	// Firefox draws the evidence with the CSS Custom Highlight API too: the page's DOM stays as it was.
	expect(await page.evaluate(`[...(CSS.highlights.get('defuse-evidence') ?? [])].map(range => range.toString())`)).toEqual([
		'speak to a manager',
	]);
	expect(await page.evaluate(`document.querySelectorAll('mark, [data-defuse]').length`)).toBe(0);
	await screenshot(page, 'overlay-expanded');
	await page.close();
});

test("a suggested reply, its placeholders filled by typing, goes into the demo's reply box", async () => {
	const page = await openTicket(`${demo.url}/agent/tickets/1002`);
	await (await overlayElement(page, '.badge')).click();
	const inputs = await page.$$('defuse-overlay >>> .suggestion:first-of-type .field.is-needed input');
	expect(inputs.length).toBeGreaterThan(0);
	for (const [index, input] of inputs.entries()) {
		await input.type(['Billing team', 'Friday 5 pm', 'Sam Okafor'][index] ?? 'a follow-up');
	}

	const text = squash(await overlayText(page, '.suggestion:first-of-type .suggestion-text'));
	expect(text).not.toContain('{{');
	await (await overlayElement(page, '.suggestion:first-of-type [data-action="insert"]')).click();
	await waitFor(page, `${inOverlay('.suggestion:first-of-type .result')}?.textContent === 'Inserted into the reply box'`);
	const editor = (await page.evaluate(
		`document.querySelector('[data-side-conversations-anchor-id="1002"] [data-test-id="omnicomposer-rich-text-ckeditor"]').innerText`,
	)) as string;
	expect(squash(editor)).toBe(text);
	await page.close();
});

test('the main-world bridge hands a reply to a model-driven editor (Zendesk fixture, CKEditor 5 stand-in)', async () => {
	zendesk.use('ticket-open.html');
	const page = await openTicket(zendesk.urlOf('ticket-open.html'));
	await (await overlayElement(page, '.badge')).click();
	expect(await overlayText(page, '.panel-title')).toBe('Zendesk');
	await waitFor(page, inOverlay('.suggestion'));
	for (const input of await page.$$('defuse-overlay >>> .suggestion:first-of-type .field.is-needed input')) {
		await input.type('a follow-up');
	}

	const text = squash(await overlayText(page, '.suggestion:first-of-type .suggestion-text'));
	await (await overlayElement(page, '.suggestion:first-of-type [data-action="insert"]')).click();
	await waitFor(page, `${inOverlay('.suggestion:first-of-type .result')}?.textContent === 'Inserted into the reply box'`);
	const state = (await page.evaluate(
		`(globalThis.defuseStandIns ?? []).map(record => ({editor: record.editor, data: record.getData(), calls: [...record.calls], ignoredEdits: record.ignoredEdits}))`,
	)) as Array<{editor: string; data: string; calls: string[]; ignoredEdits: number}>;
	const ckeditor = state.find(record => record.editor === 'ckeditor5');
	// Only the main world can reach the editor's own API; a DOM edit would have been ignored.
	expect(ckeditor?.calls).toContain('model.insertContent');
	expect(squash(ckeditor?.data)).toBe(text);
	expect(ckeditor?.ignoredEdits).toBe(0);
	await screenshot(page, 'bridge-ckeditor5');
	await page.close();
});

test("the observation is in the extension's IndexedDB, and the dashboard page lists it", async () => {
	const page = await openTicket(`${demo.url}/agent/tickets/1003`);
	// The helpdesk page's own IndexedDB knows nothing of Defuse.
	expect(await page.evaluate(`(async () => (await indexedDB.databases()).map(database => database.name))()`)).not.toContain('defuse');
	const dashboard = await firefox.openExtensionPage('dashboard.html');
	const row = `document.querySelector('tr[data-ticket-key="demo:127.0.0.1:1003"]')`;
	await waitFor(dashboard, row, 20_000);
	expect(await dashboard.evaluate(`${row}.textContent`)).toContain('Order #55821 never arrived');
	expect(await dashboard.evaluate(`${row}.querySelector('[data-col="messages"]').textContent`)).toBe('2 customer / 0 agent');
	const counts = (await dashboard.evaluate(storeCountsSource)) as Record<string, number>;
	expect(counts['tickets']).toBeGreaterThanOrEqual(1);
	expect(counts['observations']).toBeGreaterThanOrEqual(1);
	await screenshot(dashboard, 'dashboard');
	await dashboard.close();
	await page.close();
});

test('the options page saves a setting, and it comes back when reopened', async () => {
	const options = await firefox.openExtensionPage('options.html');
	await retype(await byLabel(options, 'Watch'), '0.35');
	await retype(await byLabel(options, 'High'), '0.6');
	await retype(await byLabel(options, 'Critical'), '0.85');
	await (await options.$('[data-testid="save"]'))!.click();
	await waitFor(options, `document.querySelector('[data-testid="save-status"]').textContent.includes('Saved.')`);
	await options.close();

	const reopened = await firefox.openExtensionPage('options.html');
	expect(await (await byLabel(reopened, 'Watch')).evaluate(node => (node as HTMLInputElement).value)).toBe('0.35');
	const stored = await reopened.evaluate(`browser.storage.local.get('settings').then(items => items.settings.risk.thresholds)`);
	expect(stored).toEqual({watch: 0.35, high: 0.6, critical: 0.85});
	await screenshot(reopened, 'options');
	await reopened.close();
});

test('a custom site added in the options page: access granted, scripts registered, the overlay reads it', async () => {
	const {origin} = helpline;
	const ticket = await firefox.browser.newPage();
	await ticket.goto(`${origin}/cases/HL-2041`);
	// Not an address the build matches: nothing runs there yet.
	expect(await ticket.evaluate(`document.querySelector('defuse-overlay') === null`)).toBe(true);

	const options = await firefox.openExtensionPage('options.html');
	const addGroup = `[...document.querySelectorAll('fieldset')].find(node => node.querySelector('legend')?.textContent === 'Add a site')`;
	await retype(await byLabel(options, 'Site address', addGroup), origin);
	await (await button(options, 'Add and allow access')).click();
	await waitFor(
		options,
		`document.querySelector('[data-testid="sites-status"]').textContent === ${JSON.stringify(`Defuse may now read ${origin}. Save to start using it.`)}`,
	);
	const site = `document.querySelector('[data-origin="${origin}"]')`;
	const config = JSON.parse(readFileSync(join(fixturesDir, 'custom/config.json'), 'utf8')) as Record<string, string | string[]>;
	await retype(await byLabel(options, 'Ticket page address', site), `${origin}/cases/{id}`);
	for (const [key, label] of [
		['message', 'Every message (required)'],
		['ticketRoot', 'Active ticket container'],
		['ticketId', 'Ticket number'],
		['subject', 'Subject'],
		['roleAttribute', 'Attribute naming the role'],
		['internalMarker', 'Internal note marker'],
		['author', 'Author, inside a message'],
		['body', 'Text, inside a message'],
		['quote', 'Quoted history to drop'],
		['editor', 'Reply editor'],
	] as const) {
		await retype(await byLabel(options, label, site), String(config[key]));
	}

	await retype(await byLabel(options, 'Values for customers', site), 'Kunde');
	await retype(await byLabel(options, 'Values for agents', site), 'mitarbeiter, bot');
	await retype(await byLabel(options, 'Values for system events', site), 'system');
	await (await options.$('[data-testid="save"]'))!.click();
	await waitFor(options, `document.querySelector('[data-testid="save-status"]').textContent.includes('Saved.')`);
	// The custom selectors' own script, and the editor bridge, for that host (the Zendesk fixture's loopback
	// origin has its own registration from the settings written at the start).
	const registered = `browser.scripting.getRegisteredContentScripts().then(scripts => scripts.filter(script => script.matches.includes('http://127.0.0.2/*')).map(script => script.js.join(' ') + ' ' + (script.world ?? 'ISOLATED')).sort().join('|'))`;
	await waitFor(
		options,
		`${registered}.then(found => found === 'content-scripts/custom.js ISOLATED|content-scripts/editor-bridge.js MAIN')`,
	);

	await ticket.reload();
	await waitFor(ticket, `document.querySelector('defuse-overlay')?.getAttribute('data-state') === 'ticket'`, 20_000);
	await (await overlayElement(ticket, '.badge')).click();
	await waitFor(ticket, `${inOverlay('[data-count="customer"]')}?.textContent === '2'`);
	expect(await overlayText(ticket, '[data-count="internal"]')).toBe('1');
	await screenshot(ticket, 'custom-site');
	await options.close();
	await ticket.close();
});

test('during the whole run no request left 127.0.0.1', async () => {
	// The recording proxy is really in the path: an address beyond loopback reaches it.
	const page = await firefox.browser.newPage();
	await page.goto('http://defuse-canary.invalid/', {timeout: 5000}).catch(() => undefined);
	await page.close();
	expect(firefox.external).toContain('http://defuse-canary.invalid/');
	expect(firefox.external.filter(url => !url.startsWith('http://defuse-canary.invalid/'))).toEqual([]);
});
