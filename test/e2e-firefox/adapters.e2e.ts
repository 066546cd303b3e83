// Zendesk and Freshdesk in Firefox ESR. Every fixture of the two: the selector counts of the adapter's own
// table (open shadow roots included) and what readTicket / readList read, run in Firefox by the adapter's own
// code and compared with happy-dom's reading; then the built extension on a Freshdesk page whose fields sit
// in shadow roots and whose older messages are collapsed: the overlay reads as many customer and agent
// messages as the adapter reads, and a reply goes into Froala through the main-world bridge.
import {Window} from 'happy-dom';
import type {Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {Adapter} from '../../core/helpdesks/adapter.ts';
import freshdesk from '../../core/helpdesks/freshdesk.ts';
import {selectorCounts as freshdeskCounts} from '../fixtures/freshdesk/counts.ts';
import zendesk from '../../core/helpdesks/zendesk.ts';
import {selectorCounts as zendeskCounts} from '../fixtures/zendesk/counts.ts';
import {validateSettings} from '../../core/settings-schema.ts';
import {defaultSettings} from '../../core/settings.ts';
import {threadFacts} from '../../core/thread.ts';
import {modulePrefix, startFixtureServer, type FixtureServer} from '../e2e/fixture-server.ts';
import {attachDeclarativeShadowRoots, fixtureFiles, fixtureHtml, fixtureUrl} from '../fixtures.ts';
import {inOverlay, launchFirefox, overlayElement, overlayText, screenshot, waitFor, type Firefox} from './harness.ts';

const checked: ReadonlyArray<{adapter: Adapter; counts: Record<string, Record<string, number>>}> = [
	{adapter: zendesk, counts: zendeskCounts},
	{adapter: freshdesk, counts: freshdeskCounts},
];

let firefox: Firefox;
const servers = new Map<string, FixtureServer>();
const happyWindow = new Window();
const json = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** What happy-dom reads from a fixture, as the unit tests do (declarative shadow roots attached). */
function readInHappyDom(adapter: Adapter, file: string): unknown {
	const document = new happyWindow.DOMParser().parseFromString(fixtureHtml(adapter.id, file), 'text/html') as unknown as Document;
	attachDeclarativeShadowRoots(document);
	const url = fixtureUrl(adapter.id, file);
	return json(adapter.isTicketPage(url) ? adapter.readTicket(document, url) : adapter.readList(document, url));
}

beforeAll(async () => {
	servers.set('zendesk', await startFixtureServer({adapter: 'zendesk'}));
	servers.set('freshdesk', await startFixtureServer({adapter: 'freshdesk', standIns: [{editor: 'froala', target: '.fr-element.fr-view'}]}));
	firefox = await launchFirefox();
	const sites = Object.fromEntries([...servers].map(([id, server]) => [server.origin, {adapter: id}]));
	const valid = validateSettings({...defaultSettings, agent: {name: 'Robin Vale', signature: ''}, sites});
	if (!valid.ok) {
		throw new Error(`settings invalid: ${JSON.stringify(valid.errors)}`);
	}

	const page = await firefox.openExtensionPage('dashboard.html');
	await page.evaluate(`browser.storage.local.set({settings: ${JSON.stringify(valid.settings)}})`);
	await waitFor(
		page,
		`browser.scripting.getRegisteredContentScripts().then(scripts => ['zendesk', 'freshdesk'].every(id => scripts.some(script => script.js.includes('content-scripts/' + id + '.js'))))`,
		20_000,
	);
	await page.close();
}, 90_000);

afterAll(async () => {
	await firefox?.close();
	for (const server of servers.values()) {
		await server.close();
	}
});

/** Counts and reading of one fixture in Firefox, by the adapter's own modules loaded into the page. */
async function readInFirefox(page: Page, adapter: Adapter, file: string): Promise<{counts: Record<string, number>; reading: unknown}> {
	const source = `(async () => {
		const [{adapters}, dom] = await Promise.all([import('${modulePrefix}core/helpdesks/index.ts'), import('${modulePrefix}core/helpdesks/dom.ts')]);
		const adapter = adapters.find(candidate => candidate.id === ${JSON.stringify(adapter.id)});
		// The page's own nodes: the browser tests open Defuse's overlay, whose queue markers are links too.
		const pageOwn = node => {
			for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
				if (root.host.localName === 'defuse-overlay') {
					return false;
				}
			}

			return true;
		};
		const counts = {};
		for (const [name, selector] of Object.entries(adapter.selectors)) {
			try {
				document.querySelector(selector);
				counts[name] = dom.queryAllDeep(document, selector).filter(pageOwn).length;
			} catch {
				counts[name] = -1;
			}
		}

		const url = new URL(${JSON.stringify(fixtureUrl(adapter.id, file).href)});
		const reading = adapter.isTicketPage(url) ? adapter.readTicket(document, url) : adapter.readList(document, url);
		return {counts, reading: reading === undefined ? undefined : JSON.parse(JSON.stringify(reading))};
	})()`;
	return page.evaluate(source) as Promise<{counts: Record<string, number>; reading: unknown}>;
}

describe.each(checked.map(entry => [entry.adapter.id, entry] as const))('%s in Firefox', (id, {adapter, counts}) => {
	test.each(fixtureFiles(id))('%s: Firefox finds the counted nodes and reads what happy-dom reads', async file => {
		const server = servers.get(id)!;
		server.use(file);
		const page = await firefox.browser.newPage();
		await page.goto(server.urlOf(file));
		await waitFor(page, `document.readyState === 'complete'`);
		const firefoxReading = await readInFirefox(page, adapter, file);
		expect(firefoxReading.counts, `selector counts in Firefox, ${id}/${file}`).toEqual(counts[file]);
		expect(firefoxReading.reading, `reading, ${id}/${file}`).toEqual(readInHappyDom(adapter, file));
		await page.close();
	});
});

test('the Firefox build reads a Freshdesk page through its shadow roots and inserts into Froala through the bridge', async () => {
	const server = servers.get('freshdesk')!;
	server.use('ticket-open.html');
	const page = await firefox.browser.newPage();
	await page.goto(server.urlOf('ticket-open.html'));
	await waitFor(page, `document.querySelector('defuse-overlay')?.getAttribute('data-state') === 'ticket'`, 20_000);
	await (await overlayElement(page, '.badge')).click();
	expect(await overlayText(page, '.panel-title')).toBe('Freshdesk');
	const document = new happyWindow.DOMParser().parseFromString(
		fixtureHtml('freshdesk', 'ticket-open.html'),
		'text/html',
	) as unknown as Document;
	attachDeclarativeShadowRoots(document);
	const url = new URL(server.urlOf('ticket-open.html'));
	const facts = threadFacts(freshdesk.readTicket(document, url)!);
	expect(Number(await overlayText(page, '[data-count="customer"]'))).toBe(facts.customerMessages);
	expect(Number(await overlayText(page, '[data-count="agent"]'))).toBe(facts.agentMessages);

	await waitFor(page, inOverlay('.suggestion'));
	for (const input of await page.$$('defuse-overlay >>> .suggestion:first-of-type .field.is-needed input')) {
		await input.type('a follow-up');
	}

	const squash = (text: string | null | undefined) => (text ?? '').replaceAll(/\s+/g, ' ').trim();
	const text = squash(await overlayText(page, '.suggestion:first-of-type .suggestion-text'));
	await (await overlayElement(page, '.suggestion:first-of-type [data-action="insert"]')).click();
	await waitFor(page, `${inOverlay('.suggestion:first-of-type .result')}?.textContent === 'Inserted into the reply box'`);
	const state = (await page.evaluate(
		`(globalThis.defuseStandIns ?? []).map(record => ({editor: record.editor, data: record.getData(), calls: [...record.calls]}))`,
	)) as Array<{editor: string; data: string; calls: string[]}>;
	const froala = state.find(record => record.editor === 'froala');
	expect(froala?.calls).toContain('html.insert');
	expect(squash(froala?.data)).toBe(text);
	await screenshot(page, 'freshdesk-froala');
	await page.close();
});
