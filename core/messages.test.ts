import {describe, expect, test} from 'vitest';
import {checkSender, checkTicketOrigin, validateRequest} from './messages.ts';

const self = {id: 'abcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnop'};

const snapshot = {
	helpdesk: 'demo',
	ticketId: '1002',
	url: 'http://127.0.0.1:5178/agent/tickets/1002',
	subject: 'Charged twice',
	requester: {name: 'Marcus Feld'},
	tags: ['billing'],
	messages: [
		{id: 'c1', role: 'customer', author: 'Marcus Feld', text: 'Please refund the duplicate.', at: '2026-11-01T10:00:00.000Z'},
		{role: 'agent', internal: true, text: 'Asked finance.'},
	],
};

describe('validateRequest', () => {
	test('accepts a well-formed observation', () => {
		const result = validateRequest({type: 'observe', snapshot, assessment: {level: 'high', score: 0.7, signalIds: ['phrase.manager']}});
		expect(result.ok).toBe(true);
	});

	test('accepts a message of unknown authorship and a miss report about roles', () => {
		expect(
			validateRequest({
				type: 'observe',
				snapshot: {...snapshot, messages: [...snapshot.messages, {role: 'unknown', text: 'Sent from a forwarded address'}]},
			}).ok,
		).toBe(true);
		expect(
			validateRequest({
				type: 'adapter-miss',
				helpdesk: 'intercom',
				url: 'https://app.intercom.com/a/inbox/x/inbox/conversation/1',
				part: 'role',
				detail: '2 of 5 messages',
			}).ok,
		).toBe(true);
	});

	test.each([
		{type: 'feedback', ticketKey: 'demo:h:1', verdict: 'agree', level: 'high', signalIds: ['phrase.manager']},
		{type: 'feedback', ticketKey: 'demo:h:1', verdict: 'disagree', reason: 'sarcasm between friends'},
		{type: 'snooze', ticketKey: 'demo:h:1', until: '2026-11-02T13:00:00.000Z'},
		{type: 'escalated', ticketKey: 'demo:h:1', escalation: 'hierarchical', team: 'Team leads', source: 'agent'},
		{type: 'template-inserted', ticketKey: 'demo:h:1', templateId: 'legal-threat-neutral'},
	])('accepts the agent action $type', action => {
		expect(validateRequest({type: 'agent-action', actionId: 'k7-1', action}).ok).toBe(true);
	});

	test.each([
		['unknown action', {type: 'delete-ticket', ticketKey: 'x'}],
		['escalation claimed to come from an SLA rule', {type: 'escalated', ticketKey: 'x', escalation: 'automatic', source: 'sla-rule'}],
		['bad verdict', {type: 'feedback', ticketKey: 'x', verdict: 'maybe'}],
		['snooze without a date', {type: 'snooze', ticketKey: 'x', until: 'later'}],
	])('rejects an agent action: %s', (_name, action) => {
		expect(validateRequest({type: 'agent-action', actionId: 'k7-1', action}).ok).toBe(false);
	});

	test('accepts an adapter miss', () => {
		expect(
			validateRequest({
				type: 'adapter-miss',
				helpdesk: 'zendesk',
				url: 'https://acme.zendesk.com/agent/tickets/1',
				part: 'messages',
				detail: 'log not found',
			}).ok,
		).toBe(true);
	});

	test.each([
		['not an object', 'observe'],
		['null', null],
		['no type', {snapshot}],
		['unknown type', {type: 'drop-database'}],
		['prototype key as type', {type: 'constructor'}],
		['missing snapshot', {type: 'observe'}],
		['extra field', {type: 'observe', snapshot, html: '<b>x</b>'}],
		['extra field in a message', {type: 'observe', snapshot: {...snapshot, messages: [{role: 'customer', text: 'x', onclick: 'y'}]}}],
		['bad role', {type: 'observe', snapshot: {...snapshot, messages: [{role: 'admin', text: 'x'}]}}],
		['text not a string', {type: 'observe', snapshot: {...snapshot, messages: [{role: 'customer', text: 42}]}}],
		['bad date', {type: 'observe', snapshot: {...snapshot, messages: [{role: 'customer', text: 'x', at: 'yesterday-ish'}]}}],
		['a year-9999 date (it would move "now")', {type: 'observe', snapshot: {...snapshot, createdAt: '9999-12-31T00:00:00Z'}}],
		['javascript url', {type: 'observe', snapshot: {...snapshot, url: 'javascript:alert(1)'}}],
		['helpdesk id with markup', {type: 'observe', snapshot: {...snapshot, helpdesk: '<img>'}}],
		['empty ticket id', {type: 'observe', snapshot: {...snapshot, ticketId: ''}}],
		['score out of range', {type: 'observe', snapshot, assessment: {level: 'high', score: 7, signalIds: []}}],
		['unknown level', {type: 'observe', snapshot, assessment: {level: 'doom', score: 0.5, signalIds: []}}],
		['bad miss part', {type: 'adapter-miss', helpdesk: 'zendesk', url: 'x', part: 'everything', detail: ''}],
	])('rejects %s', (_name, request) => {
		const result = validateRequest(request);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.error).not.toBe('');
	});

	test('rejects oversized input with a clear error instead of storing it', () => {
		const huge = {type: 'observe', snapshot: {...snapshot, messages: [{role: 'customer', text: 'x'.repeat(1_000_001)}]}};
		expect(validateRequest(huge)).toEqual({ok: false, error: 'request.snapshot.messages[0].text is longer than 1000000 characters'});
		const many = {type: 'observe', snapshot: {...snapshot, messages: Array.from({length: 20_001}, () => ({role: 'customer', text: 'hi'}))}};
		expect(validateRequest(many)).toEqual({ok: false, error: 'request.snapshot.messages has more than 20000 items'});
	});

	test('accepts a 5,000-message thread', () => {
		const long = {
			type: 'observe',
			snapshot: {
				...snapshot,
				messages: Array.from({length: 5000}, (_, index) => ({role: index % 2 ? 'agent' : 'customer', text: `message ${index}`})),
			},
		};
		expect(validateRequest(long).ok).toBe(true);
	});
});

describe('checkSender', () => {
	test('a content script in a tab may observe', () => {
		expect(checkSender({id: self.id, url: 'https://acme.zendesk.com/agent/tickets/1', tab: {id: 3}}, 'observe', self)).toEqual({
			ok: true,
			value: 'content-script',
		});
	});

	test('another extension may not', () => {
		expect(checkSender({id: 'someoneelse', url: 'https://acme.zendesk.com/', tab: {id: 3}}, 'observe', self).ok).toBe(false);
	});

	test('an extension page may not pretend to be a content script', () => {
		expect(checkSender({id: self.id, url: `${self.origin}/dashboard.html`, tab: {id: 4}}, 'observe', self).ok).toBe(false);
	});

	test('a sender with no tab and no extension url is rejected', () => {
		expect(checkSender({id: self.id}, 'adapter-miss', self).ok).toBe(false);
	});
});

describe('options page requests', () => {
	const config = {ticketUrl: 'https://help.example.org/cases/{id}', message: '.timeline > .entry', customerMessage: '.from-customer'};

	test('test-selectors carries an origin and a valid custom config', () => {
		expect(validateRequest({type: 'test-selectors', origin: 'https://help.example.org', config}).ok).toBe(true);
		expect(validateRequest({type: 'test-selectors', origin: 'http://127.0.0.2:8080', config}).ok).toBe(true);
	});

	test.each([
		[{type: 'test-selectors', origin: 'https://help.example.org/cases', config}, 'request.origin has an unexpected format'],
		[{type: 'test-selectors', origin: 'javascript:alert(1)', config}, 'request.origin has an unexpected format'],
		[
			{type: 'test-selectors', origin: 'https://help.example.org', config: {...config, message: '.entry['}},
			'request.config: message: ".entry[" is missing "]"',
		],
		[
			{type: 'test-selectors', origin: 'https://help.example.org', config: {...config, script: 'x'}},
			'request.config: script: unknown setting',
		],
		[{type: 'delete-everything', confirm: true}, 'request.confirm is not a known field'],
	])('%j is refused: %s', (request, error) => {
		expect(validateRequest(request)).toEqual({ok: false, error});
	});

	test('delete-everything has no payload', () => {
		expect(validateRequest({type: 'delete-everything'})).toEqual({ok: true, value: {type: 'delete-everything'}});
	});

	test.each(['test-selectors', 'delete-everything'] as const)('%s only from an extension page, never from a content script', type => {
		expect(checkSender({id: self.id, url: `${self.origin}/options.html`, tab: {id: 4}}, type, self)).toEqual({
			ok: true,
			value: 'extension-page',
		});
		expect(checkSender({id: self.id, url: 'https://acme.zendesk.com/agent/tickets/1', tab: {id: 3}}, type, self).ok).toBe(false);
	});
});

describe('dismiss-writes', () => {
	test('the popup names the given-up writes to forget; a page cannot', () => {
		expect(validateRequest({type: 'dismiss-writes', ids: ['mvz7iio0-1-xplimv']})).toEqual({
			ok: true,
			value: {type: 'dismiss-writes', ids: ['mvz7iio0-1-xplimv']},
		});
		expect(validateRequest({type: 'dismiss-writes'})).toEqual({ok: false, error: 'request.ids must be a list'});
		expect(validateRequest({type: 'dismiss-writes', ids: Array.from({length: 501}, () => 'a')})).toEqual({
			ok: false,
			error: 'request.ids has more than 500 items',
		});
		expect(checkSender({id: self.id, url: `${self.origin}/popup.html`}, 'dismiss-writes', self)).toEqual({
			ok: true,
			value: 'extension-page',
		});
		expect(checkSender({id: self.id, url: 'https://acme.zendesk.com/agent/tickets/1', tab: {id: 3}}, 'dismiss-writes', self).ok).toBe(
			false,
		);
	});
});

describe('page-setup', () => {
	test('a helpdesk page asks for its settings and the packs of a few languages', () => {
		expect(validateRequest({type: 'page-setup', languages: []}).ok).toBe(true);
		expect(validateRequest({type: 'page-setup', languages: ['de', 'es']})).toEqual({
			ok: true,
			value: {type: 'page-setup', languages: ['de', 'es']},
		});
		expect(checkSender({id: self.id, url: 'https://acme.zendesk.com/agent/tickets/1', tab: {id: 3}}, 'page-setup', self).ok).toBe(true);
		expect(checkSender({id: self.id, url: `${self.origin}/options.html`, tab: {id: 4}}, 'page-setup', self).ok).toBe(false);
	});

	test.each([
		[{type: 'page-setup'}, 'request.languages must be a list'],
		[{type: 'page-setup', languages: ['../en']}, 'request.languages[0] has an unexpected format'],
		[{type: 'page-setup', languages: Array.from({length: 11}, () => 'en')}, 'request.languages has more than 10 items'],
	])('%j is refused: %s', (request, error) => {
		expect(validateRequest(request)).toEqual({ok: false, error});
	});
});

describe('checkTicketOrigin: a content script speaks only for its own page', () => {
	const page = 'https://acme.zendesk.com/agent/tickets/12';
	const observe = {type: 'observe' as const, snapshot: {helpdesk: 'zendesk', ticketId: '12', url: page, messages: []}};

	test.each([
		['an observation of its own page', observe],
		[
			"feedback on its own host's ticket",
			{
				type: 'agent-action' as const,
				actionId: 'a1',
				action: {type: 'snooze' as const, ticketKey: 'zendesk:acme.zendesk.com:12', until: '2026-11-02T13:00:00Z'},
			},
		],
		[
			'context with a requester of its host',
			{type: 'ticket-context' as const, ticketKey: 'zendesk:acme.zendesk.com:12', requesterKey: 'zendesk:acme.zendesk.com:user:9'},
		],
		['queue marks of its host', {type: 'queue-state' as const, ticketKeys: ['zendesk:acme.zendesk.com:1', 'zendesk:Acme.Zendesk.com:2']}],
		['a miss on its page', {type: 'adapter-miss' as const, helpdesk: 'zendesk', url: page, part: 'messages' as const, detail: ''}],
	])('accepts %s', (_name, request) => {
		expect(checkTicketOrigin(request, page)).toEqual({ok: true, value: undefined});
	});

	test.each([
		[
			'an observation claiming another helpdesk',
			{...observe, snapshot: {...observe.snapshot, url: 'https://other.zendesk.com/agent/tickets/12'}},
			"request.snapshot.url names other.zendesk.com, not the sender's page (acme.zendesk.com)",
		],
		[
			'an observation without an address',
			{...observe, snapshot: {helpdesk: 'zendesk', ticketId: '12', messages: []}},
			"request.snapshot.url names no host, not the sender's page (acme.zendesk.com)",
		],
		[
			"disagreement forged for another site's ticket",
			{
				type: 'agent-action' as const,
				actionId: 'a1',
				action: {type: 'feedback' as const, ticketKey: 'zendesk:victim.zendesk.com:1', verdict: 'disagree' as const},
			},
			"request.action.ticketKey names victim.zendesk.com, not the sender's page (acme.zendesk.com)",
		],
		[
			"reading another site's requester history",
			{
				type: 'ticket-context' as const,
				ticketKey: 'zendesk:acme.zendesk.com:12',
				requesterKey: 'freshdesk:victim.freshdesk.com:email:a@b.c',
			},
			"request.requesterKey names victim.freshdesk.com, not the sender's page (acme.zendesk.com)",
		],
		[
			'a queue query with one stranger',
			{type: 'queue-state' as const, ticketKeys: ['zendesk:acme.zendesk.com:1', 'zendesk::2']},
			"request.ticketKeys[1] names no host, not the sender's page (acme.zendesk.com)",
		],
	])('refuses %s', (_name, request, error) => {
		expect(checkTicketOrigin(request, page)).toEqual({ok: false, error});
	});

	test('a sender without a page address is refused', () => {
		expect(checkTicketOrigin(observe, undefined).ok).toBe(false);
	});
});
