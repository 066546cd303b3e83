// Every adapter, in the registry's order (registry.ts). The table's type asks for exactly one adapter
// per registered id: a helpdesk added to the registry and not here does not compile.
import type {Adapter, AdapterId} from './adapter.ts';
import chatwoot from './chatwoot.ts';
import custom from './custom.ts';
import demo from './demo.ts';
import freescout from './freescout.ts';
import freshdesk from './freshdesk.ts';
import front from './front.ts';
import helpscout from './helpscout.ts';
import intercom from './intercom.ts';
import osticket from './osticket.ts';
import {helpdesks} from './registry.ts';
import zammad from './zammad.ts';
import zendesk from './zendesk.ts';

const byId: {readonly [Id in AdapterId]: Adapter & {readonly id: Id}} = {
	demo,
	zendesk,
	freshdesk,
	helpscout,
	intercom,
	front,
	zammad,
	freescout,
	chatwoot,
	osticket,
	custom,
};

export const adapters: readonly Adapter[] = helpdesks.map(helpdesk => byId[helpdesk.id]);
