import './helpdesk.content/overlay.css';
import {defineContentScript} from '#imports';
import osticket from '../core/helpdesks/osticket.ts';
import {helpdeskContentScript} from './helpdesk.content/main.ts';

export default defineContentScript(helpdeskContentScript({id: osticket.id, matches: osticket.hosts, adapterFor: () => osticket}));
