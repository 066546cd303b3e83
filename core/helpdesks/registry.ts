// The helpdesk registry: every helpdesk Defuse knows, one line each, as the descriptor its adapter file
// exports (id, name, hosts, editors, ticket and list pages). The id type, the settings' list of ids,
// the popup's sentence, the options' choices, the dashboard's ticket links and the tests read it.
// Adding a helpdesk: README.md, "Where to change what"; test/unit/conventions.test.ts checks its pieces.
import type {Helpdesk} from './adapter.ts';
import {helpdesk as chatwoot} from './chatwoot.ts';
import {helpdesk as custom} from './custom.ts';
import {helpdesk as demo} from './demo.ts';
import {helpdesk as freescout} from './freescout.ts';
import {helpdesk as freshdesk} from './freshdesk.ts';
import {helpdesk as front} from './front.ts';
import {helpdesk as helpscout} from './helpscout.ts';
import {helpdesk as intercom} from './intercom.ts';
import {helpdesk as osticket} from './osticket.ts';
import {helpdesk as zammad} from './zammad.ts';
import {helpdesk as zendesk} from './zendesk.ts';

/** In the order pages are matched against their hosts (first match wins) and the popup names them. */
export const helpdesks = [demo, zendesk, freshdesk, helpscout, intercom, front, zammad, freescout, chatwoot, osticket, custom] as const;

export type AdapterId = (typeof helpdesks)[number]['id'];

export const adapterIds: readonly AdapterId[] = helpdesks.map(helpdesk => helpdesk.id);

export function helpdeskOf(id: string): Helpdesk | undefined {
	return helpdesks.find(helpdesk => helpdesk.id === id);
}

/** The helpdesks a person can pick (not the demo, not "custom"), in registry order. */
export const namedHelpdesks: readonly Helpdesk[] = helpdesks.filter(helpdesk => helpdesk.kind === 'helpdesk');
