import {describe, expect, test} from 'vitest';
import {ticketKeyOf} from '../../core/model.ts';
import {angryTicket, engine, pageData, t0} from '../../test/unit/session-engine.ts';
import * as model from './session-model.ts';

const helpdesk = {id: 'demo', name: 'Demo helpdesk'} as const;
const fresh = () => model.createState(helpdesk, pageData());
const clock = () => 0;
const connected = {isConnected: true} as HTMLElement;

/** The state after a ticket was read and shown (as the session does). */
function showing(state = fresh(), snapshot = angryTicket(), now = t0) {
	const update = model.ticketShown(state, helpdesk, snapshot, {now, fromApi: false, clock});
	state.overlay = update.view;
	return {state, update};
}

describe('page reading', () => {
	test('a new address starts the grace period; the same address does not', () => {
		const state = fresh();
		expect(model.visit(state, 'http://127.0.0.1/agent/tickets/1', t0)).toBe(true);
		state.lastHash = 'seen';
		expect(model.visit(state, 'http://127.0.0.1/agent/tickets/1', t0 + 5000)).toBe(false);
		expect([state.pageSince, state.lastHash]).toEqual([t0, 'seen']);
		expect(model.visit(state, 'http://127.0.0.1/agent/tickets/2', t0 + 6000)).toBe(true);
		expect([state.pageSince, state.lastHash]).toEqual([t0 + 6000, '']);
	});

	test('a ticket page without a ticket waits for the grace period, then gives up', () => {
		const state = fresh();
		model.visit(state, 'http://127.0.0.1/agent/tickets/1', t0);
		const waiting = model.ticketRead(state, helpdesk, {}, t0 + model.timing.giveUpAfterMs - 1);
		expect(waiting).toEqual({kind: 'show', view: {kind: 'waiting', helpdeskName: 'Demo helpdesk'}});
		expect(state.status.state).toBe('waiting');
		expect(model.ticketRead(state, helpdesk, {}, t0 + model.timing.giveUpAfterMs)).toEqual({kind: 'give-up'});
	});

	test('a reader that throws makes the page unreadable at once, with the error as the miss', () => {
		const state = fresh();
		model.visit(state, 'http://127.0.0.1/agent/tickets/1', t0);
		const step = model.ticketRead(state, helpdesk, {error: 'TypeError: boom'}, t0);
		expect(step).toEqual({
			kind: 'show',
			view: {kind: 'unreadable', helpdeskName: 'Demo helpdesk', missing: [], detail: 'The Demo helpdesk reader failed: TypeError: boom'},
			miss: {part: 'exception', detail: 'TypeError: boom'},
		});
		expect(state.status).toMatchObject({state: 'unreadable', missing: []});
	});

	test('a snapshot is a ticket to show', () => {
		const snapshot = angryTicket();
		expect(model.ticketRead(fresh(), helpdesk, {snapshot}, t0)).toEqual({kind: 'ticket', snapshot, fromApi: false});
	});

	test('after the grace period: the missing parts are named, or the messages are', () => {
		const state = fresh();
		expect(model.gaveUp(state, helpdesk, ['log', 'article'], undefined)).toEqual({
			kind: 'show',
			view: {
				kind: 'unreadable',
				helpdeskName: 'Demo helpdesk',
				missing: ['log', 'article'],
				detail: 'The page does not have the parts Defuse reads.',
			},
			miss: {part: 'ticket', detail: 'The page does not have the parts Defuse reads. log, article'},
		});
		const noMessages = model.gaveUp(state, helpdesk, [], undefined);
		expect(noMessages).toMatchObject({
			miss: {part: 'messages', detail: 'The page has the expected parts, but no messages could be read from them.'},
		});
	});

	test("after the grace period, the API's answer alone is shown and becomes the merged answer", () => {
		const state = fresh();
		const fromApi = angryTicket();
		const step = model.gaveUp(state, helpdesk, ['log'], fromApi);
		expect(step).toEqual({
			kind: 'ticket',
			snapshot: fromApi,
			fromApi: true,
			miss: {part: 'ticket', detail: 'Read from the Demo helpdesk API only: the page could not be read. log'},
		});
		expect(model.mergeApi(state, fromApi)).toEqual({snapshot: fromApi});
	});

	test('each problem is reported once in a row, per address and part', () => {
		const state = fresh();
		expect(model.firstMiss(state, 'http://a/1', 'role')).toBe(true);
		expect(model.firstMiss(state, 'http://a/1', 'role')).toBe(false);
		expect(model.firstMiss(state, 'http://a/1', 'editor')).toBe(true);
		expect(model.firstMiss(state, 'http://a/1', 'role')).toBe(true);
	});
});

describe('the helpdesk API beside the page', () => {
	test('asked once per ticket state, merged once answered, asked again when a message arrives', () => {
		const {state} = showing();
		const page = angryTicket();
		const first = model.mergeApi(state, page);
		expect(first).toEqual({snapshot: page, ask: '1002:3'});
		expect(model.mergeApi(state, page).ask).toBeUndefined();
		const api = angryTicket({
			messages: [...page.messages, {role: 'agent', text: 'We refunded the duplicate today.', at: '2026-11-02T08:00:00.000Z'}],
		});
		expect(model.apiAnswered(state, '1002:3', '1002', api)).toBe(true);
		expect(model.mergeApi(state, page).snapshot.messages).toHaveLength(4);
		const replied = angryTicket({messages: [...page.messages, {role: 'customer', text: 'Any news?', at: '2026-11-02T10:00:00.000Z'}]});
		expect(model.mergeApi(state, replied)).toEqual({snapshot: replied, ask: '1002:4'});
	});

	test('a late answer for an earlier state of the ticket is dropped', () => {
		const {state} = showing();
		model.mergeApi(state, angryTicket());
		model.mergeApi(state, angryTicket({ticketId: '1003'}));
		expect(model.apiAnswered(state, '1002:3', '1002', angryTicket())).toBe(false);
		expect(state.api).toEqual({key: '1003:3'});
	});

	test('for an unreadable page: asked once per address, used when it has messages', () => {
		const state = fresh();
		expect(model.askApiOnly(state, 'http://a/1')).toBe(true);
		expect(model.askApiOnly(state, 'http://a/1')).toBe(false);
		expect(model.apiOnlyAnswered(state, 'http://a/1', angryTicket({messages: []}))).toBe(false);
		expect(model.apiOnlyAnswered(state, 'http://a/2', angryTicket())).toBe(false);
		expect(model.apiOnlyAnswered(state, 'http://a/1', angryTicket())).toBe(true);
		expect(state.apiOnly?.snapshot?.ticketId).toBe('1002');
	});
});

describe('a ticket shown', () => {
	test('assessed, asks the store for its context once, and is stored only when it changed', () => {
		const {state, update} = showing();
		expect(update.view.assessment.level).not.toBe('none');
		expect(update.askContext).toEqual({
			type: 'ticket-context',
			ticketKey: ticketKeyOf(angryTicket()),
			requesterKey: expect.any(String) as string,
		});
		expect(update.observe).toMatchObject({type: 'observe', assessment: {level: update.view.assessment.level}});
		expect(update.view.stored).toBe('pending');
		expect(state.status).toMatchObject({state: 'ticket', ticketId: '1002', customerMessages: 2, agentMessages: 1, fromApi: false});
		expect(model.storedAnswered(state, update.hash, true)).toBe(true);
		const again = model.ticketShown(state, helpdesk, angryTicket(), {now: t0 + 60_000, fromApi: false, clock});
		expect([again.askContext, again.observe, again.view.stored]).toEqual([undefined, undefined, 'saved']);
	});

	test("the store's answer for a ticket no longer shown changes nothing", () => {
		const {state, update} = showing();
		model.ticketShown(state, helpdesk, angryTicket({subject: 'Edited'}), {now: t0, fromApi: false, clock});
		expect(model.storedAnswered(state, update.hash, true)).toBe(false);
		expect(model.contextAnswered(state, 'demo:other', {history: []})).toBe(false);
	});

	test('the context feeds the next assessment: history, and templates inserted on earlier visits are not suggested', () => {
		const {state, update} = showing();
		const suggested = update.view.assessment.suggestions[0]?.templateId;
		expect(suggested).toBeDefined();
		const ticketKey = ticketKeyOf(angryTicket());
		expect(model.contextAnswered(state, ticketKey, {history: [], insertedTemplates: [suggested!]})).toBe(true);
		const next = model.ticketShown(state, helpdesk, angryTicket(), {now: t0, fromApi: false, clock});
		expect(next.view.assessment.suggestions.map(suggestion => suggestion.templateId)).not.toContain(suggested);
		// Inserted during this visit: kept on offer (to replace or copy).
		state.insertedHere.add(suggested!);
		const kept = model.ticketShown(state, helpdesk, angryTicket(), {now: t0, fromApi: false, clock});
		expect(kept.view.assessment.suggestions.map(suggestion => suggestion.templateId)).toContain(suggested);
	});

	test('new settings make the next reading stored again', () => {
		const {state} = showing();
		expect(model.settingsChanged(state, {...pageData(), engine})).toBe(true);
		expect(model.ticketShown(state, helpdesk, angryTicket(), {now: t0, fromApi: false, clock}).observe).toBeDefined();
	});

	test('the clock is read around the assessment only, after the language packs are asked for', () => {
		const calls: string[] = [];
		let ms = 0;
		const update = model.ticketShown(fresh(), helpdesk, angryTicket(), {
			now: t0,
			fromApi: false,
			clock: () => {
				calls.push('clock');
				ms += 5;
				return ms;
			},
			beforeAssess: () => calls.push('packs'),
		});
		expect(calls).toEqual(['clock', 'packs', 'clock']);
		expect(update.assessMs).toBe(5);
	});

	test('typed placeholder values are kept per ticket', () => {
		const state = fresh();
		expect(model.typeValue(state, 'order', 'A-1')).toBe(false);
		showing(state);
		expect(model.typeValue(state, 'order', 'A-1')).toBe(true);
		expect(state.overlay).toMatchObject({typed: {order: 'A-1'}});
		const other = model.ticketShown(state, helpdesk, angryTicket({ticketId: '1003'}), {now: t0, fromApi: false, clock});
		expect(other.view.typed).toEqual({});
		expect(model.ticketShown(state, helpdesk, angryTicket(), {now: t0, fromApi: false, clock}).view.typed).toEqual({order: 'A-1'});
	});
});

describe('the draft', () => {
	const risky = 'Hi Marcus,\nas I said, calm down. I guarantee a full refund tomorrow.';

	test("checked with the rules the open ticket's signals pick, and checked again as the ticket changes", () => {
		const {state} = showing();
		const check = model.draftRead(state, connected, risky);
		expect(check.checked).toBe(risky);
		expect(check.issues.length).toBeGreaterThan(0);
		const update = model.ticketShown(state, helpdesk, angryTicket(), {now: t0, fromApi: false, clock});
		expect(update.view.draft.issues).toEqual(state.draft?.issues);
	});

	test('only the first characters are checked', () => {
		const check = model.draftRead(fresh(), connected, 'x'.repeat(model.maxDraftChars + 10));
		expect(check.checked).toHaveLength(model.maxDraftChars);
	});

	test('a fix applies to the draft as it reads now, or not at all', () => {
		const {state} = showing();
		const issue = model.draftRead(state, connected, risky).issues.find(candidate => candidate.fix);
		expect(issue).toBeDefined();
		expect(model.freshFix(state, risky, issue!)?.fix).toEqual(issue!.fix);
		expect(model.freshFix(state, 'Thanks, we are looking into it.', issue!)).toBeUndefined();
	});

	test('a reply box no longer in the page shows no issues', () => {
		const {state} = showing();
		model.draftRead(state, {isConnected: false} as HTMLElement, risky);
		expect(model.ticketShown(state, helpdesk, angryTicket(), {now: t0, fromApi: false, clock}).view.draft.issues).toEqual([]);
	});
});

describe('the queue', () => {
	test('asked about once per list of tickets', () => {
		const state = fresh();
		expect(model.queueAsk(state, ['a', 'b'])).toBe('a,b');
		expect(model.queueAsk(state, ['a', 'b'])).toBeUndefined();
		expect(model.queueAsk(state, ['a'])).toBe('a');
	});

	test('tickets Defuse has read are marked from what it saw; others from the list', () => {
		const rows = [
			{ticketId: '1', subject: 'Seen'},
			{ticketId: '2', subject: 'Quiet'},
		];
		const marks = model.queueMarks(
			rows,
			['k1', 'k2'],
			[{ticketKey: 'k1', level: 'high', breachAt: '2026-11-02T13:00:00.000Z'}],
			t0,
			engine,
			id => `/t/${id}`,
		);
		expect(marks).toEqual([
			{
				ticketId: '1',
				subject: 'Seen',
				level: 'high',
				breachAt: '2026-11-02T13:00:00.000Z',
				reasons: ['as Defuse last saw the ticket'],
				source: 'seen',
				href: '/t/1',
			},
		]);
	});
});
