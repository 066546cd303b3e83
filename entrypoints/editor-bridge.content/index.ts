import {defineContentScript} from '#imports';
import {adapters} from '../../core/helpdesks/index.ts';
import {installBridge} from './bridge.ts';

export default defineContentScript({
	matches: [...new Set(adapters.flatMap(adapter => adapter.hosts))],
	world: 'MAIN',
	runAt: 'document_idle',
	main() {
		installBridge(window);
	},
});
