// happy-dom is not a browser. Every fixture of every adapter, again in Chromium: the selector counts of
// the adapter's own count table, and what readTicket / readList read, compared with happy-dom's reading.
// The adapters run in the page as they are: the fixture server hands Chromium core/ one transpiled
// module at a time. One browser and one page for the whole file; no extension needed.
import {Window} from 'happy-dom';
import {chromium, type Browser, type Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {Adapter} from '../../core/helpdesks/adapter.ts';
import {customAdapter, validateCustomConfig, type CustomConfig} from '../../core/helpdesks/custom.ts';
import {adapters} from '../../core/helpdesks/index.ts';
import {attachDeclarativeShadowRoots, fixtureFiles, fixtureHtml, fixtureUrl, selectorCountsOf, type SelectorCounts} from '../fixtures.ts';
import {blankPath, isLocal, modulePrefix, startFixtureServer, type FixtureServer} from './fixture-server.ts';
import {chromiumPath} from './harness.ts';

// Each helpdesk's count table, found by file pattern: test/fixtures/<id>/counts.ts.
const tables = new Map<string, SelectorCounts>(
	await Promise.all(adapters.map(async adapter => [adapter.id, await selectorCountsOf(adapter.id)] as const)),
);

const checked = validateCustomConfig(JSON.parse(fixtureHtml('custom', 'config.json')));
if (!checked.ok) {
	throw new Error(`custom fixture config invalid: ${checked.errors.join('; ')}`);
}

const customConfig: CustomConfig = checked.config;
// The custom adapter reads with the fixture folder's config.json, as custom.test.ts does.
const adapterFor = (adapter: Adapter): Adapter => (adapter.id === 'custom' ? customAdapter(customConfig) : adapter);

type Reading = {counts: Record<string, number>; ticket?: unknown; list?: unknown};

const happyWindow = new Window();

/** What happy-dom reads (as the unit tests do: a parsed, unrendered Document), as plain JSON. */
function readInHappyDom(adapter: Adapter, file: string): Pick<Reading, 'ticket' | 'list'> {
	const document = new happyWindow.DOMParser().parseFromString(fixtureHtml(adapter.id, file), 'text/html') as unknown as Document;
	attachDeclarativeShadowRoots(document);
	const url = fixtureUrl(adapter.id, file);
	const json = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
	return adapter.isTicketPage(url) ? {ticket: json(adapter.readTicket(document, url))} : {list: json(adapter.readList(document, url))};
}

let browser: Browser;
let page: Page;
let server: FixtureServer;

beforeAll(async () => {
	server = await startFixtureServer();
	browser = await chromium.launch({
		executablePath: chromiumPath(),
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
	});
	page = await browser.newPage();
	// Fixtures name images and links on their helpdesks' hosts: nothing leaves the machine.
	await page.route('**/*', async route => (isLocal(route.request().url(), server.origin) ? route.continue() : route.abort()));
	await page.goto(`${server.origin}${blankPath}`);
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

type InPage = {
	adapters: Adapter[];
	customAdapter: (config: CustomConfig) => Adapter;
	queryAllDeep: (root: ParentNode, selector: string) => Element[];
};

/** Puts the fixture into the page (a rendered document) and reads it there with the adapter's own code. */
async function readInChromium(adapter: Adapter, file: string): Promise<Reading> {
	await page.setContent(fixtureHtml(adapter.id, file), {waitUntil: 'domcontentloaded'});
	// A string, so the test runner does not rewrite the page's import() into its own loader.
	await page.evaluate(`Promise.all([import('${modulePrefix}core/helpdesks/index.ts'), import('${modulePrefix}core/helpdesks/custom.ts'), import('${modulePrefix}core/helpdesks/dom.ts')])
		.then(([index, custom, dom]) => { globalThis.defuseTest = {adapters: index.adapters, customAdapter: custom.customAdapter, queryAllDeep: dom.queryAllDeep}; })`);
	return page.evaluate(
		({id, selectors, href, config}) => {
			const {adapters: all, customAdapter: makeCustom, queryAllDeep} = (globalThis as unknown as {defuseTest: InPage}).defuseTest;
			const counts: Record<string, number> = {};
			for (const [name, selector] of Object.entries(selectors)) {
				try {
					document.querySelector(selector);
					counts[name] = queryAllDeep(document, selector).length; // Open shadow roots included, as the count tables are
				} catch {
					counts[name] = -1; // Chromium cannot parse it
				}
			}

			const adapter = id === 'custom' ? makeCustom(config) : all.find(candidate => candidate.id === id);
			const url = new URL(href);
			if (!adapter) {
				return {counts};
			}

			const json = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
			return adapter.isTicketPage(url)
				? {counts, ticket: json(adapter.readTicket(document, url))}
				: {counts, list: json(adapter.readList(document, url))};
		},
		{id: adapter.id, selectors: adapterFor(adapter).selectors, href: fixtureUrl(adapter.id, file).href, config: customConfig},
	);
}

const roles = (ticket: unknown) =>
	(ticket as {messages?: Array<{role: string; internal?: boolean}>} | undefined)?.messages?.map(
		message => `${message.role}${message.internal ? ' (internal)' : ''}`,
	);

// Roles only a laid-out page shows (a bubble's side in the stream): Chromium must read them; happy-dom, which
// lays nothing out, must leave them unknown. Everything else is compared as for any fixture.
const layoutRoles: Readonly<Record<string, {chromium: string[]; happyDom: string[]}>> = {
	'intercom/ticket-2026.html': {
		chromium: ['customer', 'agent', 'agent (internal)', 'customer'],
		happyDom: ['unknown', 'unknown', 'agent (internal)', 'customer'],
	},
};

const withoutRoles = (ticket: unknown): unknown => {
	const messages = (ticket as {messages?: Array<Record<string, unknown>>} | undefined)?.messages;
	return messages ? {...(ticket as object), messages: messages.map(({role: _role, ...rest}) => rest)} : ticket;
};

describe.each(adapters.map(adapter => [adapter.id, adapter] as const))('%s', (id, registered) => {
	const adapter = adapterFor(registered);

	test('has a count table for every fixture', () => {
		expect(Object.keys(tables.get(id) ?? {}).sort()).toEqual(fixtureFiles(id));
	});

	test.each(fixtureFiles(id))('%s: Chromium finds the counted nodes and reads what happy-dom reads', async file => {
		const chromiumReading = await readInChromium(registered, file);
		expect(chromiumReading.counts, `selector counts in Chromium, ${id}/${file}`).toEqual(tables.get(id)?.[file]);
		const happy = readInHappyDom(adapter, file);
		const byLayout = layoutRoles[`${id}/${file}`];
		if (byLayout) {
			expect(roles(chromiumReading.ticket), `message roles from layout, ${id}/${file}`).toEqual(byLayout.chromium);
			expect(roles(happy.ticket), `message roles without layout, ${id}/${file}`).toEqual(byLayout.happyDom);
			expect(withoutRoles(chromiumReading.ticket), `readTicket, ${id}/${file}`).toEqual(withoutRoles(happy.ticket));
		} else {
			expect(roles(chromiumReading.ticket), `message roles, ${id}/${file}`).toEqual(roles(happy.ticket));
			expect(chromiumReading.ticket, `readTicket, ${id}/${file}`).toEqual(happy.ticket);
		}

		expect(chromiumReading.list, `readList, ${id}/${file}`).toEqual(happy.list);
	});
});
