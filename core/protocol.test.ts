import {describe, expect, expectTypeOf, test} from 'vitest';
import {statusRequest, type Countdown, type TabStatus, type TicketContext} from './messages.ts';
import {backgroundSender, tabSender, type ResponseOf} from './protocol.ts';

describe('backgroundSender: each request type gets its own response type', () => {
	test("the answer is the background's, typed by the request", async () => {
		const countdown: Countdown = {
			ticketKey: 'demo:127.0.0.1:1007',
			ticketId: '1007',
			helpdesk: 'Demo',
			metric: 'first-reply',
			breachAt: '2026-03-02T10:00:00.000Z',
		};
		const sent: unknown[] = [];
		const send = backgroundSender(async request => {
			sent.push(request);
			return {ok: true, countdowns: [countdown]};
		});
		const response = await send({type: 'countdowns'});
		expectTypeOf(response).toEqualTypeOf<ResponseOf<'countdowns'>>();
		expect(sent).toEqual([{type: 'countdowns'}]);
		expect(response.ok ? response.countdowns : []).toEqual([countdown]);
	});

	test('a transport that throws (the extension was reloaded) is a failed answer, not an exception', async () => {
		const send = backgroundSender(async () => {
			throw new Error('Extension context invalidated.');
		});
		const response = await send({type: 'ticket-context', ticketKey: 'demo:127.0.0.1:1002'});
		expectTypeOf(response).toEqualTypeOf<ResponseOf<'ticket-context'>>();
		expect(response).toEqual({ok: false, error: 'Error: Extension context invalidated.'});
	});

	test("response types: the success of one request type carries that type's fields only", () => {
		expectTypeOf<Extract<ResponseOf<'ticket-context'>, {ok: true}>['context']>().toEqualTypeOf<TicketContext>();
		expectTypeOf<Extract<ResponseOf<'observe'>, {ok: true}>>().toHaveProperty('created');
		expectTypeOf<Extract<ResponseOf<'observe'>, {ok: true}>>().not.toHaveProperty('countdowns');
		expectTypeOf<Extract<ResponseOf<'open-options'>, {ok: false}>>().toEqualTypeOf<{ok: false; error: string}>();
	});
});

describe('tabSender: the popup asks a helpdesk tab what it sees', () => {
	test("the content script's answer is a TabStatus", async () => {
		const seen: TabStatus = {state: 'list', helpdesk: 'zendesk', helpdeskName: 'Zendesk', rows: 12};
		const status = await tabSender(async request => (request.type === 'defuse:status' ? seen : undefined))(statusRequest);
		expectTypeOf(status).toEqualTypeOf<TabStatus | undefined>();
		expect(status).toEqual(seen);
	});

	test('a tab with no Defuse script (the transport throws) answers nothing', async () => {
		const status = await tabSender(async () => {
			throw new Error('Could not establish connection. Receiving end does not exist.');
		})(statusRequest);
		expect(status).toBeUndefined();
	});
});
