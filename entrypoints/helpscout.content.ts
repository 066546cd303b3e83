import './helpdesk.content/overlay.css';
import {defineContentScript} from '#imports';
import helpscout from '../core/helpdesks/helpscout.ts';
import {helpdeskContentScript} from './helpdesk.content/main.ts';

export default defineContentScript(helpdeskContentScript({id: helpscout.id, matches: helpscout.hosts, adapterFor: () => helpscout}));
