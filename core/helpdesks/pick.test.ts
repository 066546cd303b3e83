import {expect, test} from 'vitest';
import type {Adapter} from './adapter.ts';
import demo from './demo.ts';
import {matchesPattern, pickAdapter} from './pick.ts';

test.each([
	['https://*.zendesk.com/*', 'https://acme.zendesk.com/agent/tickets/1', true],
	['https://*.zendesk.com/*', 'https://zendesk.com/', true],
	['https://*.zendesk.com/*', 'https://acme.zendesk.com.evil.example/agent', false],
	['https://*.zendesk.com/*', 'https://evilzendesk.com/', false],
	['https://*.zendesk.com/*', 'http://acme.zendesk.com/', false],
	['http://127.0.0.1/*', 'http://127.0.0.1:5178/agent/tickets/1', true],
	['*://app.chatwoot.com/app/*', 'https://app.chatwoot.com/app/accounts/1/conversations/2', true],
	['*://app.chatwoot.com/app/*', 'https://app.chatwoot.com/login', false],
	['not a pattern', 'https://acme.zendesk.com/', false],
])('%s matches %s: %s', (pattern, url, expected) => {
	expect(matchesPattern(pattern, new URL(url))).toBe(expected);
});

const fake = {...demo, id: 'zendesk', hosts: ['https://*.zendesk.com/*']} as Adapter;

test("picks by host pattern, and the user's origin map wins", () => {
	expect(pickAdapter(new URL('https://acme.zendesk.com/agent/tickets/1'), [demo, fake])?.id).toBe('zendesk');
	expect(pickAdapter(new URL('https://help.acme.example/#ticket/zoom/1'), [demo, fake])).toBeUndefined();
	expect(pickAdapter(new URL('https://help.acme.example/#ticket/zoom/1'), [demo, fake], {'https://help.acme.example': 'demo'})?.id).toBe(
		'demo',
	);
});
