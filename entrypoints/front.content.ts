import './helpdesk.content/overlay.css';
import {defineContentScript} from '#imports';
import front from '../core/helpdesks/front.ts';
import {helpdeskContentScript} from './helpdesk.content/main.ts';

export default defineContentScript(helpdeskContentScript({id: front.id, matches: front.hosts, adapterFor: () => front}));
