import {defineContentScript} from '#imports';
import {installBridge} from './bridge.ts';

export default defineContentScript({
	// Filled in at build time with the helpdesk content script's matches (wxt.config.ts): the bridge
	// runs wherever Defuse reads pages, and stays free of the adapters' code.
	matches: [],
	world: 'MAIN',
	// Before any of the page's scripts: the bridge's listener must be the first (bridge.ts).
	runAt: 'document_start',
	main() {
		installBridge(window);
	},
});
