import {browser, defineBackground, type Browser} from '#imports';
import {checkSender, checkTicketOrigin, validateRequest, type BackgroundRequestType} from '../../core/messages.ts';
import type {RequestOf, ResponseOf} from '../../core/protocol.ts';
import {templatesOf} from '../../core/settings.ts';
import {draftRules} from '../../core/signals/draft.ts';
import {builtInPacks} from '../../core/signals/phrases.ts';
import {cues} from '../../core/templates/cues.ts';
import {toneWordLists} from '../../core/tone.ts';
import {triggerCues} from '../../core/triggers.ts';
import {openDb, type DefuseDb} from '../../core/store/db.ts';
import {queueMarks, ticketContext} from '../../core/store/reads.ts';
import {recordAdapterMiss, recordAgentAction, recordObservation} from '../../core/store/writes.ts';
import {alertOptions, onNotificationClicked, onSlaAlarm, trackDeadline, watchedTickets} from './sla-alerts.ts';
import {startSiteSync, testSelectors} from './sites.ts';
import {deleteEverything, startRetention} from './retention.ts';
import {loadSettings} from '../shared/settings-store.ts';
import {createWriteQueue, retryAlarm, type WriteRequest} from './write-queue.ts';

// The background is the only writer of the store. Each handler is one line into core/store.
type From = {tabId?: number | undefined; windowId?: number | undefined};
// Each handler answers its request type with that type's response (core/messages.ts BackgroundProtocol).
type Handler<T extends BackgroundRequestType> = (db: DefuseDb, request: RequestOf<T>, from: From) => Promise<ResponseOf<T>>;
type Handlers = {[T in Exclude<BackgroundRequestType, 'write-status' | 'dismiss-writes'>]: Handler<T>};

const handlers: Handlers = {
	async observe(db, request, from) {
		const result = await recordObservation(db, request.snapshot, request.assessment, new Date(), request.deadline);
		if (from.tabId !== undefined) {
			const {snapshot} = request;
			const watch = {
				ticketKey: result.ticketKey,
				ticketId: snapshot.ticketId,
				subject: snapshot.subject,
				helpdeskName: snapshot.helpdesk,
				tabId: from.tabId,
				windowId: from.windowId,
				level: request.assessment?.level ?? 'none',
			};
			await trackDeadline(watch, request.deadline, await alertOptions(), Date.now());
		}

		return {ok: true, ticketKey: result.ticketKey, created: result.created};
	},
	async 'adapter-miss'(db, request) {
		await recordAdapterMiss(db, request, new Date());
		return {ok: true};
	},
	async 'agent-action'(db, request) {
		const {created} = await recordAgentAction(db, request.actionId, request.action, new Date());
		return {ok: true, created};
	},
	async countdowns() {
		const watched = await watchedTickets();
		return {
			ok: true,
			countdowns: watched.map(ticket => ({
				ticketKey: ticket.ticketKey,
				ticketId: ticket.ticketId,
				subject: ticket.subject,
				helpdesk: ticket.helpdeskName,
				metric: ticket.metric,
				breachAt: new Date(ticket.breachAt).toISOString(),
			})),
		};
	},
	async 'queue-state'(db, request) {
		return {ok: true, queue: await queueMarks(db, request.ticketKeys, new Date())};
	},
	async 'ticket-context'(db, request) {
		return {ok: true, context: await ticketContext(db, request.ticketKey, request.requesterKey, new Date())};
	},
	'test-selectors': testSelectors,
	async 'delete-everything'(db) {
		return deleteEverything(db);
	},
	async 'open-options'() {
		await browser.runtime.openOptionsPage();
		return {ok: true};
	},
	async 'page-setup'(_db, request) {
		const settings = await loadSettings();
		const packs = request.languages.flatMap(language => (Object.hasOwn(builtInPacks, language) ? [builtInPacks[language]!] : []));
		// The tone lexicon is English: it comes with the English pack (a page's first setup).
		const tone = request.languages.includes('en') ? toneWordLists : undefined;
		return {
			ok: true,
			setup: {
				settings,
				templates: templatesOf(settings),
				packs,
				draftRules: [...draftRules],
				cues: [...cues],
				triggerCues: [...triggerCues],
				tone,
			},
		};
	},
};

export default defineBackground({
	type: 'module',
	main() {
		let db: DefuseDb | undefined;
		const self = {id: browser.runtime.id, origin: browser.runtime.getURL('/')};

		const database = (): DefuseDb => (db ??= openDb());
		const writes = createWriteQueue(async (request, from) => {
			const handler = handlers[request.type] as Handler<WriteRequest['type']>;
			return handler(database(), request, from);
		});

		// The popup's view of the write queue, checked against the protocol map like the handlers above.
		const queueHandlers: {[T in 'write-status' | 'dismiss-writes']: (request: RequestOf<T>) => Promise<ResponseOf<T>>} = {
			async 'write-status'() {
				return {ok: true, writes: await writes.status()};
			},
			async 'dismiss-writes'(request) {
				await writes.dismiss(request.ids);
				return {ok: true, writes: await writes.status()};
			},
		};

		async function handle(raw: unknown, sender: Browser.runtime.MessageSender): Promise<ResponseOf<BackgroundRequestType>> {
			const parsed = validateRequest(raw);
			if (!parsed.ok) {
				console.warn('Defuse: rejected a malformed message:', parsed.error);
				return {ok: false, error: parsed.error};
			}

			const from = checkSender(sender, parsed.value.type, self);
			if (!from.ok) {
				console.warn('Defuse: rejected a message from an untrusted sender:', from.error);
				return {ok: false, error: from.error};
			}

			const origin = from.value === 'content-script' ? checkTicketOrigin(parsed.value, sender.url) : {ok: true as const};
			if (!origin.ok) {
				console.warn("Defuse: rejected a message about another site's tickets:", origin.error);
				return {ok: false, error: origin.error};
			}

			const request = parsed.value;
			const tab = {tabId: sender.tab?.id, windowId: sender.tab?.windowId};
			if (request.type === 'observe' || request.type === 'adapter-miss' || request.type === 'agent-action') {
				return writes.submit(request, tab);
			}

			if (request.type === 'write-status') {
				return queueHandlers['write-status'](request);
			}

			if (request.type === 'dismiss-writes') {
				return queueHandlers['dismiss-writes'](request);
			}

			const handler = handlers[request.type] as Handler<typeof request.type>;
			try {
				return await handler(database(), request, tab);
			} catch (error) {
				console.error('Defuse: could not answer', request.type, error);
				return {ok: false, error: `could not answer: ${String(error)}`};
			}
		}

		// Listeners are registered synchronously, so a stopped service worker wakes up for them.
		browser.alarms.onAlarm.addListener(alarm => {
			if (alarm.name.startsWith('sla-')) {
				db ??= openDb();
				const store = db;
				void alertOptions().then(async options => onSlaAlarm(store, alarm, options, Date.now()));
			}
		});
		browser.notifications.onClicked.addListener(id => void onNotificationClicked(id));
		browser.alarms.onAlarm.addListener(alarm => {
			if (alarm.name === retryAlarm) {
				void writes.retryDue();
			}
		});
		// Writes left waiting, or cut off when the service worker was stopped, are tried again now.
		void writes.retryDue();
		startSiteSync();
		startRetention(() => (db ??= openDb()));

		browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
			// The popup talks to content scripts directly; their status queries are not for us.
			if (typeof raw === 'object' && raw !== null && (raw as {type?: unknown}).type === 'defuse:status') {
				return false;
			}

			void handle(raw, sender).then(sendResponse);
			return true; // Keeps the channel open for the asynchronous answer
		});
	},
});
