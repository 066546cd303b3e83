import './helpdesk.content/overlay.css';
import {defineContentScript} from '#imports';
import zammad from '../core/helpdesks/zammad.ts';
import {readZammadApi} from './helpdesk.content/api-readers.ts';
import {helpdeskContentScript} from './helpdesk.content/main.ts';

export default defineContentScript(
	helpdeskContentScript({id: zammad.id, matches: zammad.hosts, adapterFor: () => zammad, apiReader: readZammadApi}),
);
