import './helpdesk.content/overlay.css';
import {defineContentScript} from '#imports';
import {customAdapter} from '../core/helpdesks/custom.ts';
import {helpdeskContentScript} from './helpdesk.content/main.ts';

// Sites the user describes with their own selectors in the options page (registered per site).
export default defineContentScript(
	helpdeskContentScript({
		id: 'custom',
		matches: [],
		adapterFor(url, settings) {
			const config = settings.sites[url.origin]?.custom;
			return config ? customAdapter(config) : undefined;
		},
	}),
);
