import {beforeEach, expect, test, vi} from 'vitest';
import {fakeBrowser} from 'wxt/testing/fake-browser';
import {defaultSettings, type Settings} from '../../core/settings.ts';
import {settingsKey} from '../helpdesk.content/settings-client.ts';
import {plannedScripts, siteScriptId, syncSiteScripts, type SiteScript} from './sites.ts';

const withSites = (sites: Settings['sites']): Settings => ({...structuredClone(defaultSettings), sites});
const manifestMatches = ['https://*.zendesk.com/*', 'http://127.0.0.1/*'];

test('one helpdesk script and one main-world bridge per granted site the manifest does not cover', () => {
	const settings = withSites({
		'https://help.example.org': {adapter: 'zammad'},
		'http://127.0.0.2:8080': {adapter: 'custom', custom: {message: '.m'}},
		'http://127.0.0.2:9090': {adapter: 'demo'}, // Same host, other port: one pattern
		'https://acme.zendesk.com': {adapter: 'zendesk'}, // Already in the manifest
		'https://not-granted.example.org': {adapter: 'freescout'},
	});
	const granted = new Set(['https://help.example.org/*', 'http://127.0.0.2/*', 'https://acme.zendesk.com/*']);
	const scripts = plannedScripts(settings, granted, manifestMatches);
	expect(scripts).toEqual([
		{id: siteScriptId('http://127.0.0.2/*'), matches: ['http://127.0.0.2/*'], js: ['content-scripts/helpdesk.js']},
		{id: `${siteScriptId('http://127.0.0.2/*')}-bridge`, matches: ['http://127.0.0.2/*'], js: ['content-scripts/editor-bridge.js'], world: 'MAIN'},
		{id: siteScriptId('https://help.example.org/*'), matches: ['https://help.example.org/*'], js: ['content-scripts/helpdesk.js']},
		{id: `${siteScriptId('https://help.example.org/*')}-bridge`, matches: ['https://help.example.org/*'], js: ['content-scripts/editor-bridge.js'], world: 'MAIN'},
	]);
	expect(siteScriptId('https://help.example.org/*')).toMatch(/^defuse-site-[\da-f]{14}$/);
});

beforeEach(() => {
	fakeBrowser.reset();
});

test('syncSiteScripts registers what is granted and unregisters what was removed, leaving other scripts alone', async () => {
	let registered: Array<SiteScript & {runAt?: string}> = [{id: 'someone-else', matches: ['https://x.example/*'], js: ['a.js']}];
	const granted = new Set<string>();
	vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({manifest_version: 3, name: 'Defuse', version: '0', content_scripts: [{matches: manifestMatches, js: ['content-scripts/helpdesk.js']}]});
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
