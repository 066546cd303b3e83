import './helpdesk.content/overlay.css';
import {defineContentScript} from '#imports';
import demo from '../core/helpdesks/demo.ts';
import {helpdeskContentScript} from './helpdesk.content/main.ts';

// The loopback demo helpdesk (npm start, the browser tests): in the demo build only (wxt.config.ts).
export default defineContentScript(
	helpdeskContentScript({id: 'demo', matches: ['http://127.0.0.1/*', 'http://localhost/*'], adapterFor: () => demo}),
);
