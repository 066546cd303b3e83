// Insertion into the real editors from npm (CKEditor 5, TipTap, ProseMirror, Quill, TinyMCE,
// Summernote), each mounted on the fixture page of a helpdesk that uses it: the agent types a draft, the
// draft check finds a phrase and its fix is applied through the editor; a suggested reply goes in at the
// caret as its own paragraphs, then replaces the draft, and the editor's own undo brings the draft back.
// What the editor holds is read from its model, not from its DOM. Nothing is ever submitted.
import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import type {FrameLocator, Locator, Page} from 'playwright-core';
import type {AdapterId} from '../../core/helpdesks/adapter.ts';
import {validateCustomConfig, type CustomConfig} from '../../core/helpdesks/custom.ts';
import {validateSettings} from '../../core/settings-schema.ts';
import {defaultSettings, type Settings} from '../../core/settings.ts';
import {fixtureHtml} from '../fixtures.ts';
import {isLocal, startFixtureServer, type FixtureServer} from './fixture-server.ts';
import {launchBrowser, screenshot, type Browser} from './harness.ts';
import type {RealEditor} from './real-editors.ts';

type Case = {
	editor: RealEditor;
	adapter: AdapterId;
	file: string;
	/** The element the editor is mounted on. */
	target: string;
	/** Where the agent clicks to type (inside the editor's frame for TinyMCE). */
	editable: string;
	frame?: string;
	/** For the custom adapter: the reply-box selector and editor kind of the site's settings. */
	custom?: Pick<CustomConfig, 'editor' | 'editorKind'>;
	/** Whether the editor takes a fix typed over a selected range (those that read their own DOM input). */
	fixes: boolean;
	/** Quill merges changes made within a second into one undo step: the agent's steps are further apart. */
	settleMs?: number;
};

const cases: Case[] = [
	{
		editor: 'ckeditor5',
		adapter: 'zendesk',
		file: 'ticket-open.html',
		target: '[data-test-id="omnicomposer-rich-text-ckeditor"]',
		editable: '[data-test-id="omnicomposer-rich-text-ckeditor"]',
		fixes: true,
	},
	{
		editor: 'tiptap',
		adapter: 'zammad',
		file: 'desktop-ticket-open.html',
		target: '#ticket-reply-body',
		editable: '#ticket-reply-body',
		fixes: true,
	},
	{
		editor: 'prosemirror',
		adapter: 'intercom',
		file: 'ticket-open.html',
		target: '[data-conversation-reply-composer] .ProseMirror',
		editable: '[data-conversation-reply-composer] .ProseMirror',
		fixes: true,
	},
	{editor: 'summernote', adapter: 'freescout', file: 'ticket-open.html', target: '#body', editable: '.note-editable', fixes: true},
	{
		editor: 'quill',
		adapter: 'custom',
		file: 'ticket-open.html',
		target: 'form.reply textarea',
		editable: '.ql-editor',
		custom: {editor: '.ql-editor', editorKind: 'quill'},
		fixes: true,
		settleMs: 1100,
	},
	{
		editor: 'tinymce',
		adapter: 'custom',
		file: 'ticket-open.html',
		target: 'form.reply textarea',
		editable: 'body',
		frame: '.tox-edit-area iframe',
		custom: {editor: 'form.reply textarea', editorKind: 'tinymce'},
		fixes: true,
	},
];

let browser: Browser;
const servers = new Map<RealEditor, FixtureServer>();
const requests: string[] = [];
const squash = (text: string | null | undefined) => (text ?? '').replaceAll(/\s+/g, ' ').trim();

function customConfigFor(origin: string, editor: Case['custom']): CustomConfig {
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
	const sites: Settings['sites'] = {};
	for (const testCase of cases) {
		const server = await startFixtureServer({adapter: testCase.adapter, realEditors: [{editor: testCase.editor, target: testCase.target}]});
		servers.set(testCase.editor, server);
		sites[server.origin] = testCase.custom
			? {adapter: 'custom', custom: customConfigFor(server.origin, testCase.custom)}
			: {adapter: testCase.adapter};
	}

	const checked = validateSettings({...defaultSettings, agent: {name: 'Robin Vale', signature: ''}, sites});
	if (!checked.ok) {
		throw new Error(`settings invalid: ${JSON.stringify(checked.errors)}`);
	}

	browser = await launchBrowser();
	browser.context.on('request', request => requests.push(`${request.method()} ${request.url()}`));
	await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const options = await browser.context.newPage();
	await options.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
	await options.evaluate(async settings => {
		const {chrome} = globalThis as unknown as {chrome: {storage: {local: {set(items: object): Promise<void>}}}};
		await chrome.storage.local.set({settings});
	}, checked.settings);
	await options.close();
	const wanted = [...new Set(cases.map(testCase => `content-scripts/${testCase.adapter}.js`))].sort();
	await vi.waitFor(
		async () => {
			const registered = await browser.worker.evaluate(async () => {
				const {chrome} = globalThis as unknown as {chrome: {scripting: {getRegisteredContentScripts(): Promise<Array<{js?: string[]}>>}}};
				return (await chrome.scripting.getRegisteredContentScripts())
					.flatMap(script => script.js ?? [])
					.filter(file => !file.includes('editor-bridge'));
			});
			expect([...new Set(registered)].sort()).toEqual(wanted);
		},
		{timeout: 10_000, interval: 200},
	);
}, 120_000);

afterAll(async () => {
	await browser?.close();
	for (const server of servers.values()) {
		await server.close();
	}
});

/** The editor's own text (its model), paragraphs separated by blank lines. */
async function modelText(page: Page): Promise<string> {
	return page.evaluate(() => ((globalThis as unknown as {defuseEditors?: Array<{text(): string}>}).defuseEditors ?? [])[0]?.text() ?? '');
}

const paragraphs = (text: string) =>
	text
		.split(/\n\s*\n/)
		.map(paragraph => squash(paragraph))
		.filter(Boolean);

function editableOf(page: Page, testCase: Case): Locator {
	const scope: Page | FrameLocator = testCase.frame ? page.frameLocator(testCase.frame) : page;
	return scope.locator(testCase.editable).first();
}

test.each(cases)('$editor on the $adapter page: draft fix, insert as paragraphs, replace, undo, copy, never submitted', async testCase => {
	const server = servers.get(testCase.editor)!;
	const page = await browser.context.newPage();
	const errors: string[] = [];
	page.on('pageerror', error => errors.push(String(error)));
	await page.route('**/*', async route => (isLocal(route.request().url(), server.origin) ? route.continue() : route.abort()));
	await page.goto(server.urlOf(testCase.file));
	await expect
		.poll(async () => page.evaluate(() => document.documentElement.dataset['editorReady']), {timeout: 20_000})
		.toBe(testCase.editor);
	const host = page.locator('defuse-overlay');
	await expect.poll(async () => host.getAttribute('data-state'), {timeout: 15_000}).toBe('ticket');

	// The agent types a draft with a phrase the draft check knows.
	const editable = editableOf(page, testCase);
	await editable.click();
	await page.keyboard.type('Hi there, as I said, the parcel left on Monday.');
	await expect.poll(async () => modelText(page)).toBe('Hi there, as I said, the parcel left on Monday.');
	await expect.poll(async () => host.getAttribute('data-draft-issues'), {timeout: 5000}).toBe('1');
	await host.locator('.badge').click();
	if (testCase.fixes) {
		await host.locator('.draft-issues [data-rule="as-i-said"] [data-action="apply"]').click();
		await expect.poll(async () => modelText(page), {timeout: 5000}).toBe('Hi there, the parcel left on Monday.');
	}

	const settle = async () => page.waitForTimeout(testCase.settleMs ?? 0);
	const draft = await modelText(page);
	// Put the caret at the end of the draft, as the agent would, then insert a suggested reply.
	await editable.click();
	await page.keyboard.press('Control+End');
	const card = host.locator('.suggestion').first();
	await expect.poll(async () => card.count(), {timeout: 5000}).toBe(1);
	const needed = await card.locator('.field.is-needed input').evaluateAll(inputs => inputs.map(input => input.getAttribute('name')));
	for (const name of needed) {
		await card.locator(`input[name="${name}"]`).fill(name === 'eta' ? '3 pm today' : 'check the order with the warehouse');
	}

	const reply = (await card.locator('.suggestion-text').textContent()) ?? '';
	expect(reply).not.toContain('{{');
	await settle();
	await card.locator('[data-action="insert"]').click();
	await expect.poll(async () => card.locator('.result').textContent(), {timeout: 5000}).toBe('Inserted into the reply box');
	const inserted = paragraphs(await modelText(page));
	expect(inserted[0]).toBe(squash(draft));
	expect(inserted.slice(1)).toEqual(paragraphs(reply));
	await screenshot(page, `editor-${testCase.editor}-inserted`);

	await settle();
	await card.locator('[data-action="replace"]').click();
	await expect
		.poll(async () => card.locator('.result').textContent(), {timeout: 5000})
		.toBe("Your draft was replaced (your editor's undo brings it back)");
	expect(paragraphs(await modelText(page))).toEqual(paragraphs(reply));
	// The editor's own undo brings the draft back (Quill groups its changes into steps of its own).
	await editable.click();
	for (let step = 0; step < 3 && paragraphs(await modelText(page))[0] !== squash(draft); step++) {
		await page.keyboard.press('Control+Z');
		await page.waitForTimeout(300);
	}

	expect(paragraphs(await modelText(page))[0]).toBe(squash(draft));

	await card.locator('[data-action="copy"]').click();
	await expect.poll(async () => card.locator('.result').textContent()).toBe('Copied');
	expect(squash(await page.evaluate(async () => navigator.clipboard.readText()))).toBe(squash(reply));
	expect(requests.filter(request => request.startsWith('POST'))).toEqual([]);
	expect(errors).toEqual([]);
	await page.close();
});
