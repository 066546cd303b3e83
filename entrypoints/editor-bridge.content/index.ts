import {defineContentScript} from '#imports';
import {installBridge} from './bridge.ts';

export default defineContentScript({
	// Filled in at build time with the helpdesk content script's matches (wxt.config.ts): the bridge
	// runs wherever Defuse reads pages, and stays free of the adapters' code.
	matches: [],
	world: 'MAIN',
	runAt: 'document_idle',
	main() {
		installBridge(window);
	},
});
