import {expect, test} from 'vitest';
import {ticketLabel, ticketLink} from './ticket-links.ts';

test.each([
	['zendesk:acme.zendesk.com:4821', 'https://acme.zendesk.com/agent/tickets/4821'],
	['freshdesk:Acme.Freshdesk.com:812', 'https://acme.freshdesk.com/a/tickets/812'],
	['zammad:support.example.org:812', 'https://support.example.org/#ticket/zoom/812'],
	['freescout:desk.example.com:1543', 'https://desk.example.com/conversation/1543'],
	['osticket:tickets.example.edu:1207', 'https://tickets.example.edu/scp/tickets.php?id=1207'],
	['helpscout:secure.helpscout.net:2345678901', 'https://secure.helpscout.net/conversation/2345678901'],
	// Addresses that need more than the host and the id (an account, an inbox): no link
	['intercom:app.intercom.com:184467', undefined],
	['front:app.frontapp.com:cnv_7k2l9x', undefined],
	['chatwoot:app.chatwoot.com:2987', undefined],
	['custom:helpline.intra.example:HL-2041', undefined],
	// No host (an import without one), a host that is no domain, an id with other characters, an unknown helpdesk
	['zendesk::4821', undefined],
	['zendesk:localhost:4821', undefined],
	['zendesk:acme.zendesk.com:48/21', undefined],
	['acmedesk:acme.example.com:1', undefined],
])('%s -> %s', (key, link) => {
	expect(ticketLink(key)).toBe(link);
});

test('a label is the ticket id', () => {
	expect(ticketLabel('zendesk:acme.zendesk.com:4821')).toBe('#4821');
	expect(ticketLabel('not a key')).toBe('not a key');
});
