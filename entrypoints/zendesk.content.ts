import './helpdesk.content/overlay.css';
import {defineContentScript} from '#imports';
import zendesk from '../core/helpdesks/zendesk.ts';
import {readZendeskApi} from './helpdesk.content/api-readers.ts';
import {helpdeskContentScript} from './helpdesk.content/main.ts';

export default defineContentScript(
	helpdeskContentScript({id: zendesk.id, matches: zendesk.hosts, adapterFor: () => zendesk, apiReader: readZendeskApi}),
);
