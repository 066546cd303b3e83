import './helpdesk.content/overlay.css';
import {defineContentScript} from '#imports';
import intercom from '../core/helpdesks/intercom.ts';
import {helpdeskContentScript} from './helpdesk.content/main.ts';

export default defineContentScript(helpdeskContentScript({id: intercom.id, matches: intercom.hosts, adapterFor: () => intercom}));
