// The agent's assistant in Firefox ESR: the draft check marked in the reply box and counted on the
// collapsed badge, a fix applied; a suggested reply inserted as its own paragraph, replacing the draft
// and undone with the page's undo; the panel over the helpdesk's sidebar at 800 px, in the dark theme;
// queue markers from the list; and insertion into the real editors from npm (test/e2e/real-editors/).
import type {Page} from 'puppeteer-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import type {AdapterId} from '../../core/helpdesks/adapter.ts';
import {validateCustomConfig, type CustomConfig} from '../../core/helpdesks/custom.ts';
import {validateSettings} from '../../core/settings-schema.ts';
import {defaultSettings, type Settings} from '../../core/settings.ts';
import {startDemoServer, type DemoServer} from '../demo/server.ts';
import {startFixtureServer, type FixtureServer} from '../e2e/fixture-server.ts';
import type {RealEditor} from '../e2e/real-editors.ts';
import {fixtureHtml} from '../fixtures.ts';
import {inOverlay, launchFirefox, overlayElement, overlayText, screenshot, waitFor, type Firefox} from './harness.ts';

type EditorCase = {
	editor: RealEditor;
	adapter: AdapterId;
	file: string;
	target: string;
	editable: string;
	frame?: string;
	custom?: Pick<CustomConfig, 'editor' | 'editorKind'>;
};

const editors: EditorCase[] = [
	{
		editor: 'ckeditor5',
		adapter: 'zendesk',
		file: 'ticket-open.html',
		target: '[data-test-id="omnicomposer-rich-text-ckeditor"]',
		editable: '[data-test-id="omnicomposer-rich-text-ckeditor"]',
	},
	{editor: 'tiptap', adapter: 'zammad', file: 'desktop-ticket-open.html', target: '#ticket-reply-body', editable: '#ticket-reply-body'},
	{
		editor: 'prosemirror',
		adapter: 'intercom',
		file: 'ticket-open.html',
		target: '[data-conversation-reply-composer] .ProseMirror',
		editable: '[data-conversation-reply-composer] .ProseMirror',
	},
	{editor: 'summernote', adapter: 'freescout', file: 'ticket-open.html', target: '#body', editable: '.note-editable'},
	{
		editor: 'quill',
		adapter: 'custom',
		file: 'ticket-open.html',
		target: 'form.reply textarea',
		editable: '.ql-editor',
		custom: {editor: '.ql-editor', editorKind: 'quill'},
	},
	{
		editor: 'tinymce',
		adapter: 'custom',
		file: 'ticket-open.html',
		target: 'form.reply textarea',
		editable: '.tox-edit-area iframe',
		frame: '.tox-edit-area iframe',
		custom: {editor: 'form.reply textarea', editorKind: 'tinymce'},
	},
];

let firefox: Firefox;
let demo: DemoServer;
const servers = new Map<RealEditor, FixtureServer>();
const squash = (text: string | null | undefined) => (text ?? '').replaceAll(/\s+/g, ' ').trim();
const editorText = `document.querySelector('[data-side-conversations-anchor-id="1006"] [data-test-id="omnicomposer-rich-text-ckeditor"]').innerText`;

function customConfigFor(origin: string, editor: EditorCase['custom']): CustomConfig {
	const checked = validateCustomConfig({
		...(JSON.parse(fixtureHtml('custom', 'config.json')) as Record<string, unknown>),
		ticketUrl: `${origin}/cases/{id}`,
		listUrl: `${origin}/queues/*`,
		...editor,
	});
	if (!checked.ok) {
		throw new Error(`custom config invalid: ${checked.errors.join('; ')}`);
	}

	return checked.config;
}

beforeAll(async () => {
	demo = await startDemoServer({scheduleLive: false});
	const sites: Settings['sites'] = {};
	for (const testCase of editors) {
		const server = await startFixtureServer({adapter: testCase.adapter, realEditors: [{editor: testCase.editor, target: testCase.target}]});
		servers.set(testCase.editor, server);
		sites[server.origin] = testCase.custom
			? {adapter: 'custom', custom: customConfigFor(server.origin, testCase.custom)}
			: {adapter: testCase.adapter};
	}

	firefox = await launchFirefox();
	const checked = validateSettings({...defaultSettings, agent: {name: 'Robin Vale', signature: ''}, sites});
	if (!checked.ok) {
		throw new Error(`settings invalid: ${JSON.stringify(checked.errors)}`);
	}

	const page = await firefox.openExtensionPage('dashboard.html');
	await page.evaluate(`browser.storage.local.set({settings: ${JSON.stringify(checked.settings)}})`);
	const wanted = JSON.stringify([...new Set(editors.map(testCase => `content-scripts/${testCase.adapter}.js`))].sort());
	await waitFor(
		page,
		`browser.scripting.getRegisteredContentScripts().then(scripts => JSON.stringify([...new Set(scripts.flatMap(script => script.js).filter(file => !file.includes('editor-bridge')))].sort()) === ${JSON.stringify(wanted)})`,
		15_000,
	);
	await page.close();
}, 120_000);

afterAll(async () => {
	await firefox?.close();
	await demo?.close();
	for (const server of servers.values()) {
		await server.close();
	}
});

async function openTicket(url: string): Promise<Page> {
	const page = await firefox.browser.newPage();
	await page.goto(url);
	await waitFor(page, `document.querySelector('defuse-overlay')?.getAttribute('data-state') === 'ticket'`, 20_000);
	return page;
}

/** Fills every field a suggestion still needs, by typing. */
async function fillNeeded(page: Page, card: string): Promise<void> {
	const names = (await page.evaluate(
		`[...${inOverlay(card)}.querySelectorAll('.field.is-needed input')].map(input => input.name)`,
	)) as string[];
	for (const name of names) {
		await (
			await overlayElement(page, `${card} input[name="${name}"]`)
		).type(name === 'eta' ? '3 pm today' : name === 'agent.name' ? 'Robin Vale' : 'check the order with the warehouse');
	}
}

test('the draft check: counted on the collapsed badge, marked by the browser in the reply box, a fix applied', async () => {
	const page = await openTicket(`${demo.url}/agent/tickets/1006`);
	await page.click('[data-side-conversations-anchor-id="1006"] [data-test-id="omnicomposer-rich-text-ckeditor"]');
	await page.keyboard.type('Hi Kwame, calm down. As I said, there is nothing I can do about the size.');
	await waitFor(page, `${inOverlay('[data-fact="draft-count"]')}?.textContent.startsWith('✎ 3 phrases')`);
	expect(await page.evaluate(`[...(CSS.highlights.get('defuse-draft') ?? [])].map(range => range.toString())`)).toEqual([
		'calm down',
		'As I said',
		'there is nothing I can do',
	]);
	await screenshot(page, 'draft-marks-collapsed');
	await (await overlayElement(page, '.badge')).click();
	await (await overlayElement(page, '.draft-issues li[data-rule="calm-down"] [data-action="apply"]')).click();
	await waitFor(
		page,
		`${editorText}.replace(/\\s+/g, ' ').trim() === 'Hi Kwame, I understand why this is frustrating, and I want to get it sorted. As I said, there is nothing I can do about the size.'`,
	);
	await screenshot(page, 'draft-check');
	await page.close();
});

test("a reply inserted as its own paragraph, then replacing the draft; the page's undo brings the draft back", async () => {
	const page = await openTicket(`${demo.url}/agent/tickets/1003`);
	const editor = '[data-side-conversations-anchor-id="1003"] [data-test-id="omnicomposer-rich-text-ckeditor"]';
	await page.click(editor);
	await page.keyboard.type('Hi Ines, thanks for your patience.');
	await (await overlayElement(page, '.badge')).click();
	const card = '.suggestion:first-of-type';
	await fillNeeded(page, card);
	const reply = squash(await overlayText(page, `${card} .suggestion-text`));
	expect(reply).not.toContain('{{');
	await (await overlayElement(page, `${card} [data-action="insert"]`)).click();
	await waitFor(page, `${inOverlay(`${card} .result`)}?.textContent === 'Inserted into the reply box'`);
	const lines = (await page.evaluate(
		`document.querySelector('${editor}').innerText.split(/\\n+/).map(line => line.trim()).filter(Boolean)`,
	)) as string[];
	expect(lines[0]).toBe('Hi Ines, thanks for your patience.');
	expect(squash(lines.slice(1).join(' '))).toBe(reply);
	await (await overlayElement(page, `${card} [data-action="replace"]`)).click();
	await waitFor(page, `${inOverlay(`${card} .result`)}?.textContent.startsWith('Your draft was replaced')`);
	expect(squash((await page.evaluate(`document.querySelector('${editor}').innerText`)) as string)).toBe(reply);
	await page.click(editor);
	await page.keyboard.down('Control');
	await page.keyboard.press('z');
	await page.keyboard.up('Control');
	await waitFor(page, `document.querySelector('${editor}').innerText.includes('Hi Ines, thanks for your patience.')`);
	await screenshot(page, 'inserted');
	await page.close();
});

test("800 px: the panel takes the helpdesk's sidebar; Escape closes it", async () => {
	const page = await firefox.browser.newPage();
	await page.setViewport({width: 800, height: 760});
	await page.goto(`${demo.url}/agent/tickets/1002`);
	await waitFor(page, `document.querySelector('defuse-overlay')?.getAttribute('data-state') === 'ticket'`, 20_000);
	await (await overlayElement(page, '.badge')).click();
	await waitFor(page, `document.querySelector('defuse-overlay').getAttribute('data-mode') === 'sidebar'`);
	const overlap = (await page.evaluate(`(() => {
		const panel = ${inOverlay('.panel')}.getBoundingClientRect();
		const thread = document.querySelector('[data-side-conversations-anchor-id="1002"] .conversation').getBoundingClientRect();
		return panel.right - thread.left;
	})()`)) as number;
	expect(overlap).toBeLessThanOrEqual(1);
	await screenshot(page, 'narrow-800');
	await (await overlayElement(page, '.panel-title')).click();
	await page.keyboard.press('Escape');
	await waitFor(page, `!${inOverlay('.panel')}`);
	await page.close();
});

test('a dark helpdesk: the overlay follows its colours', async () => {
	// Firefox takes the colour scheme from a preference at start: a second browser for it.
	const dark = await launchFirefox({prefs: {'layout.css.prefers-color-scheme.content-override': 0}});
	try {
		const page = await dark.browser.newPage();
		await page.goto(`${demo.url}/agent/tickets/1005`);
		await waitFor(page, `document.querySelector('defuse-overlay')?.getAttribute('data-state') === 'ticket'`, 20_000);
		await screenshot(page, 'collapsed-dark');
		await (await overlayElement(page, '.badge')).click();
		expect(await page.evaluate(`getComputedStyle(${inOverlay('.panel')}).backgroundColor`)).toBe('rgb(28, 33, 40)');
		await screenshot(page, 'expanded-dark');
	} finally {
		await dark.close();
	}
});

test('queue markers from the list itself, inside their rows, linking to the ticket', async () => {
	const page = await firefox.browser.newPage();
	await page.goto(`${demo.url}/agent/filters/all`);
	await waitFor(page, `document.querySelector('defuse-overlay')?.getAttribute('data-state') === 'list'`, 20_000);
	await waitFor(page, inOverlay('.queue-mark[data-ticket="1004"]'));
	const inside = await page.evaluate(`(() => {
		const mark = ${inOverlay('.queue-mark[data-ticket="1004"]')}.getBoundingClientRect();
		const row = [...document.querySelectorAll('tr')].find(tr => tr.textContent.includes('#1004')).getBoundingClientRect();
		return mark.left >= row.left && mark.right <= row.right && mark.top >= row.top && mark.bottom <= row.bottom;
	})()`);
	expect(inside).toBe(true);
	expect(await page.evaluate(`${inOverlay('.queue-mark[data-ticket="1004"]')}.getAttribute('href')`)).toBe(
		`${demo.url}/agent/tickets/1004`,
	);
	await screenshot(page, 'queue-markers');
	await page.close();
});

test.each(editors)('$editor: a suggested reply goes into the real editor after the draft, and replaces it', async testCase => {
	const server = servers.get(testCase.editor)!;
	const page = await firefox.browser.newPage();
	await page.goto(server.urlOf(testCase.file));
	await waitFor(page, `document.documentElement.dataset.editorReady === '${testCase.editor}'`, 20_000);
	await waitFor(page, `document.querySelector('defuse-overlay')?.getAttribute('data-state') === 'ticket'`, 20_000);
	const text = `defuseEditors[0].text()`;
	await page.click(testCase.editable);
	await page.keyboard.type('Hi there, the parcel left on Monday.');
	await waitFor(page, `${text} === 'Hi there, the parcel left on Monday.'`);
	await page.keyboard.down('Control');
	await page.keyboard.press('End');
	await page.keyboard.up('Control');
	await (await overlayElement(page, '.badge')).click();
	const card = '.suggestion:first-of-type';
	await waitFor(page, inOverlay(card));
	await fillNeeded(page, card);
	const reply = (await page.evaluate(`${inOverlay(`${card} .suggestion-text`)}.textContent`)) as string;
	const paragraphs = (value: string) =>
		value
			.split(/\n\s*\n/)
			.map(part => part.replaceAll(/\s+/g, ' ').trim())
			.filter(Boolean);
	await (await overlayElement(page, `${card} [data-action="insert"]`)).click();
	await waitFor(page, `${inOverlay(`${card} .result`)}?.textContent === 'Inserted into the reply box'`);
	const inserted = paragraphs((await page.evaluate(text)) as string);
	expect(inserted[0]).toBe('Hi there, the parcel left on Monday.');
	expect(inserted.slice(1)).toEqual(paragraphs(reply));
	await screenshot(page, `editor-${testCase.editor}-inserted`);
	await (await overlayElement(page, `${card} [data-action="replace"]`)).click();
	await waitFor(page, `${inOverlay(`${card} .result`)}?.textContent.startsWith('Your draft was replaced')`);
	expect(paragraphs((await page.evaluate(text)) as string)).toEqual(paragraphs(reply));
	await page.close();
});
