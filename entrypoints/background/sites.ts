import {browser, type Browser} from '#imports';
import {hashString} from '../../core/hash.ts';
import type {AdapterId} from '../../core/helpdesks/adapter.ts';
import {matchesPattern} from '../../core/helpdesks/pick.ts';
import type {SelectorTestResult} from '../../core/messages.ts';
import type {RequestOf, ResponseOf} from '../../core/protocol.ts';
import {sitePattern, type Settings} from '../../core/settings.ts';
import type {DefuseDb} from '../../core/store/db.ts';
import {loadSettings, settingsKey} from '../shared/settings-store.ts';

// Sites mapped in the options page (self-hosted helpdesks, custom domains, a hosted helpdesk's origin
// the user reads with other selectors): the mapped helpdesk's own content script (and the main-world
// editor bridge) registered for every such site whose host permission the user granted, unless the
// manifest already runs that script there. Nothing else.

const idPrefix = 'defuse-site-';
const bridgeScript = 'content-scripts/editor-bridge.js';
const probeFile = '/selector-probe.js';
const probeConfigKey = 'defuseSelectorProbeConfig'; // = entrypoints/selector-probe

export type SiteScript = {
	id: string;
	matches: string[];
	js: string[];
	world?: 'MAIN' | 'ISOLATED';
	runAt: 'document_start' | 'document_idle';
};

/** A content script of the manifest: its files and where it runs. */
export type ManifestScript = {js?: readonly string[] | undefined; matches?: readonly string[] | undefined};

/** Each helpdesk's own content script (entrypoints/<id>.content.ts). */
export const helpdeskScriptOf = (adapter: AdapterId) => `content-scripts/${adapter}.js`;

export const siteScriptId = (pattern: string, adapter?: AdapterId) => `${idPrefix}${hashString(pattern)}${adapter ? `-${adapter}` : ''}`;

// Firefox reports the manifest's files as full moz-extension:// addresses, Chromium as written.
const fileOf = (path: string) => path.replace(/^[a-z-]+:\/\/[^/]+\//, '').replace(/^\//, '');

// A manifest script limited to some paths (Zendesk's /agent/*) still runs on its host's pages: compare hosts only.
const anyPath = (pattern: string) => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*');

const runsAt = (manifest: readonly ManifestScript[], file: string, origin: string) =>
	manifest.some(
		script =>
			(script.js ?? []).some(path => fileOf(path) === file) &&
			(script.matches ?? []).some(match => matchesPattern(anyPath(match), new URL(`${origin}/`))),
	);

/**
 * The scripts the settings call for. Match patterns cannot hold a port, so sites on one host share a
 * pattern: each mapped helpdesk's script once per pattern (it starts only on its own origins, see
 * entrypoints/helpdesk.content/main.ts), and one bridge per pattern.
 */
export function plannedScripts(settings: Settings, granted: ReadonlySet<string>, manifest: readonly ManifestScript[]): SiteScript[] {
	const scripts = new Map<string, SiteScript>();
	for (const [origin, site] of Object.entries(settings.sites)) {
		const pattern = sitePattern(origin);
		const file = helpdeskScriptOf(site.adapter);
		// The loopback demo helpdesk's script exists in the demo build only, where the manifest runs it.
		if (!granted.has(pattern) || site.adapter === 'demo' || runsAt(manifest, file, origin)) {
			continue;
		}

		const id = siteScriptId(pattern, site.adapter);
		scripts.set(id, {id, matches: [pattern], js: [file], runAt: 'document_idle'});
		if (!runsAt(manifest, bridgeScript, origin)) {
			const bridge = `${siteScriptId(pattern)}-bridge`;
			// Before the page's own scripts (editor-bridge.content/bridge.ts).
			scripts.set(bridge, {id: bridge, matches: [pattern], js: [bridgeScript], world: 'MAIN', runAt: 'document_start'});
		}
	}

	return [...scripts.values()].sort((a, b) => a.id.localeCompare(b.id));
}

const sameScript = (
	a: SiteScript,
	b: {matches?: string[] | undefined; js?: string[] | undefined; world?: string | undefined; runAt?: string | undefined},
) =>
	JSON.stringify(a.matches) === JSON.stringify(b.matches) &&
	JSON.stringify(a.js) === JSON.stringify(b.js) &&
	(a.world ?? 'ISOLATED') === (b.world ?? 'ISOLATED') &&
	a.runAt === (b.runAt ?? 'document_idle');

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
		const wanted = plannedScripts(settings, await grantedPatterns(settings), browser.runtime.getManifest().content_scripts ?? []);
		const existing = (await browser.scripting.getRegisteredContentScripts()).filter(script => script.id.startsWith(idPrefix));
		const stale = existing
			.filter(script => !wanted.some(want => want.id === script.id && sameScript(want, script)))
			.map(script => script.id);
		const missing = wanted.filter(want => stale.includes(want.id) || !existing.some(script => script.id === want.id));
		if (stale.length > 0) {
			await browser.scripting.unregisterContentScripts({ids: stale});
		}

		if (missing.length > 0) {
			await browser.scripting.registerContentScripts(missing.map(script => ({...script, persistAcrossSessions: true})));
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
export async function testSelectors(_db: DefuseDb, request: RequestOf<'test-selectors'>): Promise<ResponseOf<'test-selectors'>> {
	if (!(await browser.permissions.contains({origins: [sitePattern(request.origin)]}))) {
		return {ok: false, error: `Defuse may not read ${request.origin} yet: allow access first.`};
	}

	const tab = await siteTab(request.origin);
	if (tab?.id === undefined) {
		return {ok: false, error: `Open a page of ${request.origin} in a tab, then test again.`};
	}

	const target = {tabId: tab.id};
	await browser.scripting.executeScript({
		target,
		func: (key: string, config: unknown) => {
			(globalThis as Record<string, unknown>)[key] = config;
		},
		args: [probeConfigKey, request.config],
	});
	const [injection] = await browser.scripting.executeScript({target, files: [probeFile]});
	const outcome = injection?.result as {ok: true; result: SelectorTestResult} | {ok: false; error: string} | undefined;
	if (!outcome) {
		return {ok: false, error: 'The page did not answer; reload it and test again.'};
	}

	return outcome.ok ? {ok: true, selectorTest: outcome.result} : {ok: false, error: outcome.error};
}
