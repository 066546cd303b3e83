// Links from a ticket key (`helpdesk:host:id`) back into the helpdesk, for helpdesks whose ticket
// address needs only the host and the id (their descriptor's `ticketUrl`). Keys without a host (imports
// without one), pseudonymised keys and helpdesks whose addresses need more (an account or inbox id) get no link.
import {helpdeskOf} from '../../core/helpdesks/registry.ts';

export function parseTicketKey(key: string): {helpdesk: string; host: string; id: string} | undefined {
	const match = /^([a-z][\w-]*):([^:]*):(.+)$/.exec(key);
	return match ? {helpdesk: match[1]!, host: match[2]!, id: match[3]!} : undefined;
}

export function ticketLink(key: string): string | undefined {
	const parts = parseTicketKey(key);
	if (!parts || !/^[a-z\d.-]+\.[a-z]{2,}$/i.test(parts.host) || !/^[\w-]+$/.test(parts.id)) {
		return undefined;
	}

	return helpdeskOf(parts.helpdesk)?.ticketUrl?.(parts.host.toLowerCase(), encodeURIComponent(parts.id));
}

/** '#123 (zendesk, acme.zendesk.com)' */
export function ticketLabel(key: string): string {
	const parts = parseTicketKey(key);
	return parts ? `#${parts.id}` : key;
}
