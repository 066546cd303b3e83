import './overlay.css';
import {defineContentScript} from '#imports';
import type {Adapter} from '../../core/helpdesks/adapter.ts';
import {customAdapter} from '../../core/helpdesks/custom.ts';
import {adapters} from '../../core/helpdesks/index.ts';
import {pickAdapter} from '../../core/helpdesks/pick.ts';
import {originMapOf, type Settings} from '../../core/settings.ts';
import {startSession} from './session.tsx';
import {loadSettings} from './settings-client.ts';

// The demo build adds the loopback demo helpdesk to `matches` (wxt.config.ts); its pages use the demo
// adapter unless the options map that origin to another helpdesk.
const loopback = new Set(['127.0.0.1', 'localhost']);

/** The user's mapping for this origin (custom domains, self-hosted helpdesks) first, then the known hosts. */
function adapterFor(url: URL, settings: Settings): Adapter | undefined {
	const site = settings.sites[url.origin];
	if (site?.adapter === 'custom') {
		return site.custom ? customAdapter(site.custom) : undefined;
	}

	return pickAdapter(url, adapters, originMapOf(settings)) ?? (loopback.has(url.hostname) ? adapters.find(candidate => candidate.id === 'demo') : undefined);
}

export default defineContentScript({
	matches: [...new Set(adapters.flatMap(adapter => adapter.hosts))],
	cssInjectionMode: 'ui',
	runAt: 'document_idle',
	async main(ctx) {
		const settings = await loadSettings();
		const adapter = adapterFor(new URL(location.href), settings);
		if (adapter) {
			startSession(ctx, adapter, settings);
		}
	},
});
