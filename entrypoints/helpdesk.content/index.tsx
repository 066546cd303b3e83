import './overlay.css';
import {defineContentScript} from '#imports';
import {adapters} from '../../core/helpdesks/index.ts';
import {pickAdapter} from '../../core/helpdesks/pick.ts';
import {startSession} from './session.tsx';

// The demo build adds the loopback demo helpdesk to `matches` (wxt.config.ts); its pages use the demo adapter.
const loopback = new Set(['127.0.0.1', 'localhost']);

export default defineContentScript({
	matches: [...new Set(adapters.flatMap(adapter => adapter.hosts))],
	cssInjectionMode: 'ui',
	runAt: 'document_idle',
	main(ctx) {
		const url = new URL(location.href);
		const adapter = pickAdapter(url, adapters) ?? (loopback.has(url.hostname) ? adapters.find(candidate => candidate.id === 'demo') : undefined);
		if (adapter) {
			startSession(ctx, adapter);
		}
	},
});
