import './helpdesk.content/overlay.css';
import {defineContentScript} from '#imports';
import freshdesk from '../core/helpdesks/freshdesk.ts';
import {readFreshdeskApi} from './helpdesk.content/api-readers.ts';
import {helpdeskContentScript} from './helpdesk.content/main.ts';

export default defineContentScript(
	helpdeskContentScript({id: freshdesk.id, matches: freshdesk.hosts, adapterFor: () => freshdesk, apiReader: readFreshdeskApi}),
);
