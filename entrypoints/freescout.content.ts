import './helpdesk.content/overlay.css';
import {defineContentScript} from '#imports';
import freescout from '../core/helpdesks/freescout.ts';
import {helpdeskContentScript} from './helpdesk.content/main.ts';

export default defineContentScript(helpdeskContentScript({id: freescout.id, matches: freescout.hosts, adapterFor: () => freescout}));
