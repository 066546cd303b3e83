// @vitest-environment happy-dom
// The session end to end on a page built in happy-dom: the demo helpdesk's adapter reads it, timers
// are fake and the clock fixed, and the background is a function that records what it was sent.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import type {Adapter} from '../../core/helpdesks/adapter.ts';
import demo from '../../core/helpdesks/demo.ts';
import type {BackgroundRequest, TicketContext} from '../../core/messages.ts';
import {backgroundSender} from '../../core/protocol.ts';
import {ticketKeyOf, type TicketSnapshot} from '../../core/model.ts';
import {angryTicket, pageData, t0} from '../../test/unit/session-engine.ts';
import {timing} from './session-model.ts';
import {createSession, draftInput, onSettings, readPage, reshow, schedule, type Session, type SessionEnv} from './session.tsx';

const fixture = readFileSync(join(import.meta.dirname, '../../test/fixtures/demo/ticket-open.html'), 'utf8');
const ticketUrl = 'http://127.0.0.1/agent/tickets/1002';

type Sent = BackgroundRequest[];

function start(
	options: {
		html?: string;
		href?: string;
		adapter?: Partial<Adapter>;
		context?: TicketContext;
		apiReader?: SessionEnv['apiReader'];
		refuse?: BackgroundRequest['type'][];
	} = {},
) {
	document.body.innerHTML = options.html ?? fixture.slice(fixture.indexOf('<body>') + 6, fixture.indexOf('</body>'));
	const sent: Sent = [];
	let href = options.href ?? ticketUrl;
	const adapter: Adapter = {...demo, ...options.adapter};
	const data = pageData();
	const env: SessionEnv = {
		document,
		adapter,
		page: {...data, needLanguagesOf: vi.fn(), watch: () => () => undefined},
		apiReader: options.apiReader,
		href: () => href,
		now: () => Date.now(),
		setTimeout: (callback, ms) => window.setTimeout(callback, ms),
		send: backgroundSender(async request => {
			sent.push(request);
			if (options.refuse?.includes(request.type)) {
				return {ok: false, error: 'the store is busy'};
			}

			return request.type === 'ticket-context' ? {ok: true, context: options.context ?? {history: []}} : {ok: true};
		}),
		overlayStyle: async () => ({mode: 'open', css: ''}),
		saveDock: vi.fn(),
	};
	const session = createSession(env);
	return {
		session,
		sent,
		env,
		go: (next: string) => (href = next),
		ofType: <T extends BackgroundRequest['type']>(type: T) =>
			sent.filter((request): request is Extract<BackgroundRequest, {type: T}> => request.type === type),
	};
}

const host = () => document.querySelector('defuse-overlay') as HTMLElement | null;
const shown = (session: Session) => session.overlay;

beforeEach(() => {
	vi.useFakeTimers({now: t0});
});

afterEach(() => {
	vi.useRealTimers();
	document.body.innerHTML = '';
	document.querySelector('defuse-overlay')?.remove();
});

describe('reading the page', () => {
	test('a ticket is read, shown in the overlay and sent to the store once', async () => {
		const {session, ofType} = start();
		readPage(session);
		await vi.runOnlyPendingTimersAsync();
		expect(shown(session)).toMatchObject({kind: 'ticket', stored: 'saved', snapshot: {ticketId: '1002'}});
		expect(host()?.dataset['state']).toBe('ticket');
		expect(host()?.shadowRoot?.textContent).toContain('Expand details (Alt+Shift+D)');
		expect(session.status).toMatchObject({state: 'ticket', ticketId: '1002', customerMessages: 3});
		expect(ofType('observe')).toHaveLength(1);
		expect(ofType('ticket-context')).toHaveLength(1);
		readPage(session);
		await vi.runOnlyPendingTimersAsync();
		expect(ofType('observe')).toHaveLength(1);
	});

	test('page changes are read once they settle (debounce)', async () => {
		const readTicket = vi.fn(demo.readTicket);
		const {session} = start({adapter: {readTicket}});
		for (let index = 0; index < 5; index++) {
			schedule(session);
			await vi.advanceTimersByTimeAsync(timing.debounceMs - 1);
		}

		expect(readTicket).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(readTicket).toHaveBeenCalledTimes(1);
	});

	test('a ticket page that does not render waits for the grace period, then says what is missing, once', async () => {
		const {session, ofType} = start({html: '<main>Loading…</main>'});
		readPage(session);
		await vi.advanceTimersByTimeAsync(timing.giveUpAfterMs - 1);
		expect(shown(session)).toEqual({kind: 'waiting', helpdeskName: 'Demo helpdesk'});
		expect(ofType('adapter-miss')).toHaveLength(0);
		// The session looks once more when the grace period ends, without any page change.
		await vi.advanceTimersByTimeAsync(51);
		expect(shown(session)).toMatchObject({kind: 'unreadable', missing: ['pane', 'log', 'article']});
		expect(session.status.state).toBe('unreadable');
		readPage(session);
		expect(ofType('adapter-miss')).toEqual([expect.objectContaining({part: 'ticket', url: ticketUrl})]);
	});

	test('a reader that throws makes the page unreadable at once and is reported', async () => {
		const {session, ofType} = start({
			adapter: {
				readTicket: () => {
					throw new TypeError('boom');
				},
			},
		});
		readPage(session);
		expect(shown(session)).toMatchObject({kind: 'unreadable', detail: 'The Demo helpdesk reader failed: TypeError: boom'});
		expect(ofType('adapter-miss')).toEqual([expect.objectContaining({part: 'exception', detail: 'TypeError: boom'})]);
	});

	test('another page of the helpdesk hides the overlay', async () => {
		const {session, go} = start();
		readPage(session);
		await vi.runOnlyPendingTimersAsync();
		expect(host()).not.toBeNull();
		go('http://127.0.0.1/settings');
		readPage(session);
		expect([shown(session), host(), session.status.state]).toEqual([undefined, null, 'other-page']);
	});
});

describe('the helpdesk API', () => {
	const withReply = (page: TicketSnapshot | undefined): TicketSnapshot => ({
		...page!,
		messages: [...page!.messages, {role: 'agent', text: 'We refunded the duplicate charge today.', at: '2026-11-02T11:00:00.000Z'}],
	});

	test("its answer is merged into the page's ticket once it arrives, and asked once per ticket state", async () => {
		let answer: ((snapshot: TicketSnapshot | undefined) => void) | undefined;
		const apiReader = vi.fn(
			async () =>
				new Promise<TicketSnapshot | undefined>(resolve => {
					answer = resolve;
				}),
		);
		const {session} = start({apiReader});
		readPage(session);
		await vi.runOnlyPendingTimersAsync();
		const fromPage = session.overlay?.kind === 'ticket' ? session.overlay.snapshot : undefined;
		expect(fromPage?.messages).toHaveLength(6);
		answer!(withReply(fromPage));
		await vi.runOnlyPendingTimersAsync();
		expect(session.overlay).toMatchObject({kind: 'ticket', snapshot: {messages: {length: 7}}});
		reshow(session);
		expect(apiReader).toHaveBeenCalledTimes(1);
	});

	test("an API that fails is reported once, and the page's own reading stays shown", async () => {
		const apiReader = vi.fn(async () => {
			throw new Error('HTTP 401');
		});
		const {session, ofType} = start({apiReader});
		readPage(session);
		await vi.runOnlyPendingTimersAsync();
		expect(session.overlay).toMatchObject({kind: 'ticket', snapshot: {messages: {length: 6}}});
		expect(ofType('adapter-miss')).toEqual([
			expect.objectContaining({part: 'api', detail: 'the Demo helpdesk API could not be read: Error: HTTP 401'}),
		]);
	});

	test("a page that cannot be read shows the API's answer alone after the grace period", async () => {
		const apiReader = vi.fn(async () => angryTicket());
		const {session, ofType} = start({html: '<main></main>', apiReader});
		readPage(session);
		await vi.advanceTimersByTimeAsync(timing.giveUpAfterMs + 50);
		expect(apiReader).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(timing.debounceMs);
		expect(shown(session)).toMatchObject({kind: 'ticket', snapshot: {ticketId: '1002'}});
		expect(session.status).toMatchObject({state: 'ticket', fromApi: true});
		// Unreadable when the grace period ended (the API had not answered yet): the same address and part are not reported twice.
		expect(ofType('adapter-miss')).toEqual([
			expect.objectContaining({
				part: 'ticket',
				detail: expect.stringMatching(/^The page does not have the parts Defuse reads\./) as string,
			}),
		]);
	});
});

describe('the ticket over time', () => {
	test("the store's context arrives and the ticket is assessed with it", async () => {
		const context: TicketContext = {history: [], snoozedUntil: '2026-11-03T09:00:00.000Z'};
		const {session} = start({context});
		readPage(session);
		await vi.runOnlyPendingTimersAsync();
		expect(session.overlay).toMatchObject({kind: 'ticket', context});
	});

	test('the clock re-assesses the waiting time; new settings store the verdict again', async () => {
		const {session, ofType, env} = start();
		readPage(session);
		await vi.runOnlyPendingTimersAsync();
		const before = session.overlay?.kind === 'ticket' ? session.overlay.now : 0;
		await vi.advanceTimersByTimeAsync(timing.clockMs);
		reshow(session);
		expect(session.overlay?.kind === 'ticket' ? session.overlay.now - before : 0).toBeGreaterThanOrEqual(timing.clockMs);
		expect(ofType('observe')).toHaveLength(1);
		onSettings(session, {settings: env.page.settings, engine: env.page.engine});
		await vi.runOnlyPendingTimersAsync();
		expect(ofType('observe')).toHaveLength(2);
	});

	test('a store that fails is shown as not saved', async () => {
		const {session} = start({refuse: ['observe']});
		readPage(session);
		await vi.runOnlyPendingTimersAsync();
		expect(session.overlay).toMatchObject({kind: 'ticket', stored: 'failed'});
	});
});

describe("the agent's draft and actions", () => {
	test('typing in the reply box is checked a moment after the agent stops', async () => {
		const {session} = start();
		readPage(session);
		await vi.runOnlyPendingTimersAsync();
		const editor = document.querySelector<HTMLElement>('[contenteditable="true"]')!;
		editor.textContent = 'Hi Marcus, as I said, calm down.';
		draftInput(session, {target: editor} as unknown as Event);
		await vi.advanceTimersByTimeAsync(timing.draftDelayMs - 1);
		expect(session.draft).toBeUndefined();
		await vi.advanceTimersByTimeAsync(1);
		expect(session.draft?.checked).toBe('Hi Marcus, as I said, calm down.');
		expect(session.overlay?.kind === 'ticket' ? session.overlay.draft.issues.length : 0).toBeGreaterThan(0);
	});

	test.each(['insert', 'replace'] as const)(
		'%s: the template goes to the reply box and is recorded once, kept on offer for this visit',
		async mode => {
			const insertReply = vi.fn(() => ({ok: true as const, via: 'insert-text' as const}));
			const {session, ofType} = start({adapter: {insertReply}});
			readPage(session);
			await vi.runOnlyPendingTimersAsync();
			const result = await session.actions.insert('refund-timeline', 'We refunded the duplicate.', mode);
			expect(result).toEqual({
				ok: true,
				message: mode === 'replace' ? "Your draft was replaced (your editor's undo brings it back)" : 'Inserted into the reply box',
			});
			expect(insertReply).toHaveBeenCalledWith(document, 'We refunded the duplicate.', mode);
			await vi.runOnlyPendingTimersAsync();
			expect(ofType('agent-action').map(request => request.action)).toEqual([
				{type: 'template-inserted', ticketKey: ticketKeyOf(session.reading!.snapshot), templateId: 'refund-timeline'},
			]);
			expect(session.insertedHere.has('refund-timeline')).toBe(true);
			// Recording asks for the ticket's context again (the store now lists the template).
			expect(ofType('ticket-context')).toHaveLength(2);
		},
	);

	test('an editor Defuse cannot type into: reported, and Copy is offered', async () => {
		const {session, ofType} = start({adapter: {insertReply: () => ({ok: false, via: 'none', reason: 'no reply box'})}});
		readPage(session);
		await vi.runOnlyPendingTimersAsync();
		expect(await session.actions.insert('refund-timeline', 'text', 'insert')).toEqual({
			ok: false,
			message: 'Could not insert: no reply box. Use Copy instead.',
		});
		expect(ofType('adapter-miss')).toEqual([expect.objectContaining({part: 'editor'})]);
		expect(ofType('agent-action')).toEqual([]);
	});

	test('closing the panel gives focus and the caret back to the reply box', async () => {
		const {session} = start({html: '<textarea id="reply">Hello Marcus</textarea>', href: 'http://127.0.0.1/agent/filters/all'});
		const reply = document.querySelector('textarea')!;
		reply.focus();
		reply.setSelectionRange(3, 5);
		session.keeper.note(reply);
		reply.blur();
		session.expanded = true;
		session.actions.close();
		expect(session.expanded).toBe(false);
		expect(document.activeElement).toBe(reply);
		expect([reply.selectionStart, reply.selectionEnd]).toEqual([3, 5]);
	});

	test('actions without a ticket open say so', async () => {
		const {session} = start({html: '<main></main>', href: 'http://127.0.0.1/settings'});
		readPage(session);
		expect(await session.actions.snooze(new Date(t0 + 3_600_000))).toEqual({ok: false, message: 'No ticket is open'});
		expect(await session.actions.feedback('agree')).toEqual({ok: false, message: 'No ticket is open'});
	});
});
