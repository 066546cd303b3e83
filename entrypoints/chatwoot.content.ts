import './helpdesk.content/overlay.css';
import {defineContentScript} from '#imports';
import chatwoot from '../core/helpdesks/chatwoot.ts';
import {readChatwootApi} from './helpdesk.content/api-readers.ts';
import {helpdeskContentScript} from './helpdesk.content/main.ts';

export default defineContentScript(
	helpdeskContentScript({id: chatwoot.id, matches: chatwoot.hosts, adapterFor: () => chatwoot, apiReader: readChatwootApi}),
);
