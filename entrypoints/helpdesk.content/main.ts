// What every helpdesk's content script does: read the settings, decide whether this page is its
// own, and start the session. Each helpdesk has its own small entry (entrypoints/<id>.content.ts), so
// a helpdesk page loads its own adapter and the engine, not every adapter.
import type {IsolatedWorldContentScriptDefinition} from 'wxt';
import type {Adapter, AdapterId} from '../../core/helpdesks/adapter.ts';
import {matchesPattern} from '../../core/helpdesks/pick.ts';
import type {Settings} from '../../core/settings.ts';
import type {ApiReader} from './api-readers.ts';
import {startSession} from './session.tsx';
import {loadPageData} from './page-setup.ts';

export type HelpdeskScript = {
	id: AdapterId;
	/**
	 * Where the browser loads the script without being asked: the helpdesk's own hosts. Scripts with
	 * none (self-hosted helpdesks, custom selectors) are registered by the background for the sites the
	 * user mapped to them in the options page.
	 */
	matches: readonly string[];
	/** The adapter for a page; the custom adapter builds one from the site's selectors. */
	adapterFor(url: URL, settings: Settings): Adapter | undefined;
	apiReader?: ApiReader | undefined;
};

/**
 * Whether this script should read the page: the options map the origin to its helpdesk, or nothing maps
 * the origin and it is one of the helpdesk's own hosts. Match patterns cannot tell ports apart, so a
 * script registered for one self-hosted site also starts on the same host's other ports, and a hosted
 * helpdesk's origin the user mapped elsewhere gets that helpdesk's script too: each script leaves alone
 * what is not its own.
 */
export function isOwnPage(script: Pick<HelpdeskScript, 'id' | 'matches'>, url: URL, settings: Settings): boolean {
	const site = settings.sites[url.origin];
	if (site) {
		return site.adapter === script.id;
	}

	return script.matches.some(pattern => matchesPattern(pattern, url));
}

export function helpdeskContentScript(script: HelpdeskScript): IsolatedWorldContentScriptDefinition {
	return {
		...(script.matches.length > 0
			? {matches: [...script.matches], registration: 'manifest' as const}
			: {matches: [], registration: 'runtime' as const}),
		cssInjectionMode: 'ui',
		runAt: 'document_idle',
		async main(ctx) {
			const page = await loadPageData();
			const url = new URL(location.href);
			const adapter = isOwnPage(script, url, page.settings) ? script.adapterFor(url, page.settings) : undefined;
			if (adapter) {
				startSession(ctx, adapter, page, {apiReader: script.apiReader});
			}
		},
	};
}
