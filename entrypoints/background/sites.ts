import {browser, type Browser} from '#imports';
import {hashString} from '../../core/hash.ts';
import {matchesPattern} from '../../core/helpdesks/pick.ts';
import type {BackgroundRequest, BackgroundResponse, SelectorTestResult} from '../../core/messages.ts';
import {sitePattern, type Settings} from '../../core/settings.ts';
import type {DefuseDb} from '../../core/store/db.ts';
import {loadSettings, settingsKey} from '../helpdesk.content/settings-client.ts';

// Custom domains: the helpdesk content script (and its main-world editor bridge) registered for every
// site in the settings whose host permission the user granted, and nothing else.

const idPrefix = 'defuse-site-';
const helpdeskScript = 'content-scripts/helpdesk.js';
const bridgeScript = 'content-scripts/editor-bridge.js';
const probeFile = '/selector-probe.js';
const probeConfigKey = 'defuseSelectorProbeConfig'; // = entrypoints/selector-probe

export type SiteScript = {id: string; matches: string[]; js: string[]; world?: 'MAIN' | 'ISOLATED'};

export const siteScriptId = (pattern: string) => `${idPrefix}${hashString(pattern)}`;

/** The scripts the settings call for: one pair per granted pattern the manifest does not already cover. */
export function plannedScripts(settings: Settings, granted: ReadonlySet<string>, manifestMatches: readonly string[]): SiteScript[] {
	const patterns = new Set<string>();
	for (const origin of Object.keys(settings.sites)) {
		const pattern = sitePattern(origin);
		const covered = manifestMatches.some(match => matchesPattern(match, new URL(`${origin}/`)));
		if (granted.has(pattern) && !covered) {
			patterns.add(pattern);
		}
	}

	return [...patterns].sort().flatMap(pattern => {
		const id = siteScriptId(pattern);
		return [
			{id, matches: [pattern], js: [helpdeskScript]},
			{id: `${id}-bridge`, matches: [pattern], js: [bridgeScript], world: 'MAIN' as const},
		];
	});
}

const sameScript = (a: SiteScript, b: {matches?: string[] | undefined; js?: string[] | undefined; world?: string | undefined}) =>
	JSON.stringify(a.matches) === JSON.stringify(b.matches) && JSON.stringify(a.js) === JSON.stringify(b.js) && (a.world ?? 'ISOLATED') === (b.world ?? 'ISOLATED');

async function grantedPatterns(settings: Settings): Promise<Set<string>> {
	const granted = new Set<string>();
	for (const origin of Object.keys(settings.sites)) {
		const pattern = sitePattern(origin);
		if (await browser.permissions.contains({origins: [pattern]})) {
			granted.add(pattern);
		}
	}

	return granted;
}

let queue: Promise<unknown> = Promise.resolve();

/** Registers, updates and unregisters the site scripts to match the settings and the granted permissions. */
export async function syncSiteScripts(): Promise<{registered: string[]; unregistered: string[]}> {
	const run = queue.then(async () => {
		const settings = await loadSettings();
		const manifestMatches = (browser.runtime.getManifest().content_scripts ?? []).flatMap(script => script.matches ?? []);
		const wanted = plannedScripts(settings, await grantedPatterns(settings), manifestMatches);
		const existing = (await browser.scripting.getRegisteredContentScripts()).filter(script => script.id.startsWith(idPrefix));
		const stale = existing.filter(script => !wanted.some(want => want.id === script.id && sameScript(want, script))).map(script => script.id);
		const missing = wanted.filter(want => stale.includes(want.id) || !existing.some(script => script.id === want.id));
		if (stale.length > 0) {
			await browser.scripting.unregisterContentScripts({ids: stale});
		}

		if (missing.length > 0) {
			await browser.scripting.registerContentScripts(missing.map(script => ({...script, runAt: 'document_idle' as const, persistAcrossSessions: true})));
		}

		return {registered: missing.map(script => script.id), unregistered: stale};
	});
	queue = run.catch(() => undefined);
	return run;
}

function syncLogged(): void {
	syncSiteScripts().catch((error: unknown) => console.error('Defuse: could not register the custom sites', error));
}

/** Keeps the site scripts in step: now, on every settings save, and whenever a permission is granted or removed. */
export function startSiteSync(): void {
	browser.storage.onChanged.addListener((changes, area) => {
		if (area === 'local' && settingsKey in changes) {
			syncLogged();
		}
	});
	browser.permissions.onAdded.addListener(syncLogged);
	browser.permissions.onRemoved.addListener(syncLogged);
	syncLogged();
}

async function siteTab(origin: string): Promise<Browser.tabs.Tab | undefined> {
	// Tab URLs of a granted host are visible without the "tabs" permission.
	const tabs = (await browser.tabs.query({url: sitePattern(origin)})).filter(tab => tab.url?.startsWith(`${origin}/`));
	return tabs.find(tab => tab.active) ?? tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

/** "Test these selectors on the open tab": reads the newest open tab of the site with the custom adapter. */
export async function testSelectors(_db: DefuseDb, request: Extract<BackgroundRequest, {type: 'test-selectors'}>): Promise<BackgroundResponse> {
	if (!await browser.permissions.contains({origins: [sitePattern(request.origin)]})) {
		return {ok: false, error: `Defuse may not read ${request.origin} yet: allow access first.`};
	}

	const tab = await siteTab(request.origin);
	if (tab?.id === undefined) {
		return {ok: false, error: `Open a page of ${request.origin} in a tab, then test again.`};
	}

	const target = {tabId: tab.id};
	await browser.scripting.executeScript({target, func: (key: string, config: unknown) => {
		(globalThis as Record<string, unknown>)[key] = config;
	}, args: [probeConfigKey, request.config]});
	const [injection] = await browser.scripting.executeScript({target, files: [probeFile]});
	const outcome = injection?.result as {ok: true; result: SelectorTestResult} | {ok: false; error: string} | undefined;
	if (!outcome) {
		return {ok: false, error: 'The page did not answer; reload it and test again.'};
	}

	return outcome.ok ? {ok: true, selectorTest: outcome.result} : {ok: false, error: outcome.error};
}
