// The adapter registry: one import and one entry per helpdesk.
import type {Adapter} from './adapter.ts';
import demo from './demo.ts';
import freescout from './freescout.ts';
import osticket from './osticket.ts';
import chatwoot from './chatwoot.ts';
import custom from './custom.ts';
import freshdesk from './freshdesk.ts';
import front from './front.ts';
import helpscout from './helpscout.ts';
import intercom from './intercom.ts';
import zammad from './zammad.ts';
import zendesk from './zendesk.ts';

export const adapters: readonly Adapter[] = [
	demo,
	zammad,
	freescout,
	osticket,
	chatwoot,
	custom,
	zendesk,
	freshdesk,
	helpscout,
	intercom,
	front,
];
