import {beforeEach, expect, test, vi} from 'vitest';
import {fakeBrowser} from 'wxt/testing/fake-browser';
import {defaultSettings, type Settings} from '../../core/settings.ts';
import {settingsKey} from '../shared/settings-store.ts';
import {plannedScripts, siteScriptId, syncSiteScripts, type SiteScript} from './sites.ts';

const withSites = (sites: Settings['sites']): Settings => ({...structuredClone(defaultSettings), sites});
const manifest = [
	{js: ['content-scripts/zendesk.js'], matches: ['https://*.zendesk.com/*']},
	{js: ['content-scripts/editor-bridge.js'], matches: ['https://*.zendesk.com/*', 'http://127.0.0.1/*']},
	{js: ['content-scripts/demo.js'], matches: ['http://127.0.0.1/*']},
];

test("the mapped helpdesk's own script and one main-world bridge per granted site the manifest does not already run them on", () => {
	const settings = withSites({
		'https://help.example.org': {adapter: 'zammad'},
		'http://127.0.0.2:8080': {adapter: 'custom', custom: {message: '.m'}},
		'http://127.0.0.2:9090': {adapter: 'freescout'}, // Same host, other port: one pattern, its own helpdesk's script
		'http://127.0.0.2:9191': {adapter: 'freescout'}, // ... which that helpdesk's script covers once
		'https://acme.zendesk.com': {adapter: 'zendesk'}, // Already in the manifest
		'https://beta.zendesk.com': {adapter: 'custom', custom: {message: '.m'}}, // A hosted helpdesk read with the user's own selectors
		'http://127.0.0.1:5178': {adapter: 'demo'}, // The demo build's manifest runs it (and no other build has it)
		'http://127.0.0.1:6000': {adapter: 'zammad'}, // Loopback fixtures in the demo build: the bridge is already there
		'https://not-granted.example.org': {adapter: 'freescout'},
	});
	const granted = new Set([
		'https://help.example.org/*',
		'http://127.0.0.2/*',
		'https://acme.zendesk.com/*',
		'https://beta.zendesk.com/*',
		'http://127.0.0.1/*',
	]);
	const scripts = plannedScripts(settings, granted, manifest);
	const loopback2 = 'http://127.0.0.2/*';
	expect(scripts).toEqual(
		[
			{
				id: siteScriptId('http://127.0.0.1/*', 'zammad'),
				matches: ['http://127.0.0.1/*'],
				js: ['content-scripts/zammad.js'],
				runAt: 'document_idle',
			},
			{
				id: `${siteScriptId(loopback2)}-bridge`,
				matches: [loopback2],
				js: ['content-scripts/editor-bridge.js'],
				world: 'MAIN',
				runAt: 'document_start',
			},
			{id: siteScriptId(loopback2, 'custom'), matches: [loopback2], js: ['content-scripts/custom.js'], runAt: 'document_idle'},
			{id: siteScriptId(loopback2, 'freescout'), matches: [loopback2], js: ['content-scripts/freescout.js'], runAt: 'document_idle'},
			{
				id: siteScriptId('https://beta.zendesk.com/*', 'custom'),
				matches: ['https://beta.zendesk.com/*'],
				js: ['content-scripts/custom.js'],
				runAt: 'document_idle',
			},
			{
				id: `${siteScriptId('https://help.example.org/*')}-bridge`,
				matches: ['https://help.example.org/*'],
				js: ['content-scripts/editor-bridge.js'],
				world: 'MAIN',
				runAt: 'document_start',
			},
			{
				id: siteScriptId('https://help.example.org/*', 'zammad'),
				matches: ['https://help.example.org/*'],
				js: ['content-scripts/zammad.js'],
				runAt: 'document_idle',
			},
		].sort((a, b) => a.id.localeCompare(b.id)),
	);
	// Firefox names the manifest's files by their full address.
	const firefoxManifest = manifest.map(script => ({
		...script,
		js: script.js.map(file => `moz-extension://0b4c2d6e-1f3a-4b5c-8d7e-9f0a1b2c3d4e/${file}`),
	}));
	expect(plannedScripts(settings, granted, firefoxManifest)).toEqual(scripts);
	expect(siteScriptId('https://help.example.org/*')).toMatch(/^defuse-site-[\da-f]{14}$/);
	expect(siteScriptId('https://help.example.org/*', 'zammad')).toMatch(/^defuse-site-[\da-f]{14}-zammad$/);
});

test('a manifest script limited to some paths still covers its host: no second copy for a site mapped to that helpdesk', () => {
	const limited = [
		{js: ['content-scripts/zendesk.js'], matches: ['https://*.zendesk.com/agent/*']},
		{js: ['content-scripts/editor-bridge.js'], matches: ['https://*.zendesk.com/agent/*']},
	];
	const settings = withSites({
		'https://acme.zendesk.com': {adapter: 'zendesk'},
		'https://beta.zendesk.com': {adapter: 'custom', custom: {message: '.m'}},
	});
	expect(plannedScripts(settings, new Set(['https://acme.zendesk.com/*', 'https://beta.zendesk.com/*']), limited)).toEqual([
		{
			id: siteScriptId('https://beta.zendesk.com/*', 'custom'),
			matches: ['https://beta.zendesk.com/*'],
			js: ['content-scripts/custom.js'],
			runAt: 'document_idle',
		},
	]);
});

beforeEach(() => {
	fakeBrowser.reset();
});

test('syncSiteScripts registers what is granted and unregisters what was removed, leaving other scripts alone', async () => {
	let registered: Array<Omit<SiteScript, 'runAt'> & {runAt?: string}> = [
		{id: 'someone-else', matches: ['https://x.example/*'], js: ['a.js']},
	];
	const granted = new Set<string>();
	vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
		manifest_version: 3,
		name: 'Defuse',
		version: '0',
		content_scripts: manifest.map(script => ({...script, js: [...script.js], matches: [...script.matches]})),
	});
	const api = fakeBrowser as unknown as {
		permissions: {contains(query: {origins: string[]}): Promise<boolean>};
		scripting: Record<string, unknown>;
	};
	api.permissions.contains = async ({origins}) => origins.every(origin => granted.has(origin));
	api.scripting['getRegisteredContentScripts'] = async () => structuredClone(registered);
	api.scripting['registerContentScripts'] = async (scripts: SiteScript[]) => {
		registered.push(...scripts);
	};

	api.scripting['unregisterContentScripts'] = async ({ids}: {ids: string[]}) => {
		registered = registered.filter(script => !ids.includes(script.id));
	};

	await fakeBrowser.storage.local.set({[settingsKey]: withSites({'https://help.example.org': {adapter: 'zammad'}})});
	expect(await syncSiteScripts()).toEqual({registered: [], unregistered: []});
	granted.add('https://help.example.org/*');
	const first = await syncSiteScripts();
	expect(first.registered).toHaveLength(2);
	expect(registered.map(script => script.id)).toEqual(['someone-else', ...first.registered]);
	expect(await syncSiteScripts()).toEqual({registered: [], unregistered: []});
	await fakeBrowser.storage.local.set({[settingsKey]: withSites({})});
	expect((await syncSiteScripts()).unregistered).toEqual(first.registered);
	expect(registered.map(script => script.id)).toEqual(['someone-else']);
});
