import {browser, type ContentScriptContext} from '#imports';
import {render} from 'preact';
import {contentHashOf} from '../../core/hash.ts';
import type {Adapter, InsertMode, ListRow} from '../../core/helpdesks/adapter.ts';
import {missingParts} from '../../core/helpdesks/adapter.ts';
import type {AgentActionRequest, TabStatus, TicketContext} from '../../core/messages.ts';
import {send} from './send.ts';
import {requesterKeyOf, ticketKeyOf, type AdapterMissPart, type TicketSnapshot} from '../../core/model.ts';
import {assessWith} from '../../core/assess.ts';
import {checkDraftWith, type DraftIssue} from '../../core/signals/draft.ts';
import {replyDeadline} from '../../core/sla-deadline.ts';
import {contextOf, slaOf} from '../../core/settings.ts';
import {fillTemplate, knownValues, ticketLanguage} from '../../core/templates/suggest.ts';
import {isClosingMessage} from '../../core/text.ts';
import {threadFacts} from '../../core/thread.ts';
import {preferApi, sameOriginFetch, type ApiReader} from './api-readers.ts';
import {closeBridge, fixViaBridge, insertViaBridge} from './bridge-client.ts';
import {applyFixInEditor, clearDraftMarks, editorOf, markDraft, pathTo, readDraft, type DraftText} from './draft.ts';
import {focusKeeper} from './focus.ts';
import {clearHighlight, findEvidenceRange, showRange} from './highlight.ts';
import {defaultDock, pageTheme, placePanel, validDock, type Dock} from './layout.ts';
import type {LoadedPageData} from './page-setup.ts';
import {entryStylesheet, mountShadow, type ShadowMount} from './mount.ts';
import {listRowMark, placeMarks, ticketHref} from './queue.ts';
import {Overlay, type ActionResult, type DraftState, type ListMark, type OverlayActions, type OverlayState} from './overlay.tsx';

// How long a ticket page may keep rendering before Defuse says it cannot read it.
const giveUpAfterMs = 8000;
const debounceMs = 200;
// Waiting time grows while nothing on the page changes: re-assess on this clock.
const clockMs = 60_000;
const draftDelayMs = 400;
const maxDraftChars = 20_000;
// Where the agent docked the panel, per helpdesk (storage.local; not part of the validated settings).
const dockKey = 'defuse:overlay-dock';
// Browser tests open the shadow root through this key; it is read in the demo build only.
const testHooksKey = 'defuse:test-hooks';
const demoBuild = typeof __DEFUSE_DEMO__ !== 'undefined' && __DEFUSE_DEMO__;

async function shadowMode(): Promise<'open' | 'closed'> {
	if (!demoBuild) {
		return 'closed';
	}

	try {
		const stored = await browser.storage.local.get(testHooksKey);
		return (stored[testHooksKey] as {openShadowRoot?: unknown} | undefined)?.openShadowRoot === true ? 'open' : 'closed';
	} catch {
		return 'closed';
	}
}

export type SessionOptions = {
	/** The helpdesk's same-origin API, read beside the page where the helpdesk allows it. */
	apiReader?: ApiReader | undefined;
};

/** Reads the page on every (debounced) change, keeps the overlay current and tells the background what it saw. */
export function startSession(ctx: ContentScriptContext, adapter: Adapter, page: LoadedPageData, options: SessionOptions = {}): void {
	let {settings, engine} = page;
	let ui: ShadowMount | undefined;
	// The overlay's stylesheet, fetched once per page.
	let stylesheet: Promise<string> | undefined;
	let mounting: Promise<void> | undefined;
	let overlayState: OverlayState | undefined;
	let status: TabStatus = {state: 'other-page', helpdesk: adapter.id, helpdeskName: adapter.name};
	let pageUrl = '';
	let pageSince = Date.now();
	let lastHash = '';
	let reportedMiss = '';
	let timer: number | undefined;
	let expanded = false;
	let evidenceLayer: HTMLElement | undefined;
	// What the store knows about the open ticket (snooze, feedback, escalation, the requester's history).
	let context: {ticketKey: string; value?: TicketContext | undefined} | undefined;
	let actionSequence = 0;
	// The reply box the agent last typed in, the text that was checked, and what was found in it.
	let draft: {editor: HTMLElement; read: DraftText; checked: string; issues: DraftIssue[]} | undefined;
	let draftTimer: number | undefined;
	let scratch: HTMLElement | undefined;
	// What the agent typed into placeholder fields, per ticket, for as long as the page lives.
	const typedByTicket = new Map<string, Record<string, string>>();
	// Templates inserted during this visit stay on offer (to replace or copy); earlier visits' are not suggested again.
	const insertedHere = new Set<string>();
	// The values the open ticket and the settings give its templates.
	let known: ReturnType<typeof knownValues> = {};
	let dock: Dock = defaultDock;
	const keeper = focusKeeper(document, element => element === ui?.host);
	let queueSignature = '';
	let lastReadMs = 0;
	// The helpdesk API's answer for the ticket as the page shows it now (key: ticket id and message count).
	let api: {key: string; snapshot?: TicketSnapshot | undefined} = {key: ''};
	// When the page itself cannot be read: the API's answer alone, asked once per address.
	let apiOnly: {href: string; snapshot?: TicketSnapshot | undefined} | undefined;
	let placing = false;

	function currentTicketKey(): string | undefined {
		return overlayState?.kind === 'ticket' ? ticketKeyOf(overlayState.snapshot) : undefined;
	}

	async function refreshContext(snapshot: TicketSnapshot): Promise<void> {
		const ticketKey = ticketKeyOf(snapshot);
		const response = await send({type: 'ticket-context', ticketKey, requesterKey: requesterKeyOf(snapshot)});
		if (response.ok && response.context && context?.ticketKey === ticketKey && overlayState?.kind === 'ticket') {
			context = {ticketKey, value: response.context};
			showTicket(overlayState.snapshot);
		}
	}

	async function act(action: AgentActionRequest, done: string): Promise<ActionResult> {
		actionSequence++;
		const response = await send({type: 'agent-action', actionId: `${Date.now().toString(36)}-${actionSequence}-${Math.random().toString(36).slice(2, 8)}`, action});
		if (!response.ok) {
			return {ok: false, message: `Not saved: ${response.error}`};
		}

		if (overlayState?.kind === 'ticket') {
			void refreshContext(overlayState.snapshot);
		}

		return {ok: true, message: done};
	}

	const actions: OverlayActions = {
		highlight(signalIndex) {
			if (overlayState?.kind !== 'ticket') {
				return;
			}

			const signal = overlayState.assessment.signals[signalIndex];
			const evidence = signal?.evidence.find(candidate => candidate.end > candidate.start);
			clearHighlight(evidenceLayer);
			const range = evidence ? findEvidenceRange(document, overlayState.snapshot, evidence, ui?.host) : undefined;
			if (range) {
				const shownAs = showRange(document, range, evidenceLayer);
				if (ui) {
					ui.host.dataset['highlight'] = `${signal?.id ?? ''}:${shownAs}`;
				}
			}
		},
		fill(templateId, typed) {
			const template = engine.templates.find(candidate => candidate.id === templateId);
			return template ? fillTemplate(template, known, typed) : undefined;
		},
		setValue(key, value) {
			const ticketKey = currentTicketKey();
			if (ticketKey && overlayState?.kind === 'ticket') {
				const typed = {...typedByTicket.get(ticketKey), [key]: value};
				typedByTicket.set(ticketKey, typed);
				overlayState = {...overlayState, typed};
				paint();
			}
		},
		async insert(templateId, text, mode) {
			const result = await insertReply(text, mode);
			const ticketKey = currentTicketKey();
			if (result.ok && ticketKey) {
				insertedHere.add(templateId);
				void act({type: 'template-inserted', ticketKey, templateId}, 'Recorded');
			}

			return result;
		},
		async feedback(verdict, reason) {
			const ticketKey = currentTicketKey();
			if (!ticketKey || overlayState?.kind !== 'ticket') {
				return {ok: false, message: 'No ticket is open'};
			}

			const {level, signals} = overlayState.assessment;
			return act({type: 'feedback', ticketKey, verdict, reason, level, signalIds: signals.map(signal => signal.id)}, 'Thanks: your feedback tunes the warnings.');
		},
		async applyFix(issue) {
			const editor = draft?.editor;
			if (!editor || !issue.fix) {
				return {ok: false, message: 'Edit the draft by hand; there is no safe rewording for this.'};
			}

			// The agent may have typed (or applied another fix) since the last check: check the draft as it is now.
			const checked = readDraft(editor).text.slice(0, maxDraftChars);
			const signalIds = overlayState?.kind === 'ticket' ? overlayState.assessment.signals.map(signal => signal.id) : [];
			const fix = checkDraftWith(checked, engine.draftRules ?? [], {signalIds}).find(fresh => fresh.ruleId === issue.ruleId && fresh.phrase.toLowerCase() === issue.phrase.toLowerCase())?.fix;
			if (!fix) {
				return {ok: false, message: 'The draft changed; edit it by hand.'};
			}

			// CKEditor 5 keeps its own model and does not take typing over a selection made from outside:
			// the bridge applies the fix in its model (when there is a CKEditor instance; else it is typed).
			const throughModel = editor.closest('.ck-editor__editable')
				&& (await fixViaBridge(document, {editor: 'ckeditor5', selector: pathTo(editor)}, {find: checked.slice(fix.start, fix.end), before: checked.slice(Math.max(0, fix.start - 40), fix.start), text: fix.text})).ok;
			const applied = throughModel || await applyFixInEditor(editor, checked, fix);
			if (!applied) {
				return {ok: false, message: 'The draft changed; edit it by hand.'};
			}

			// The editor updates its own text in its own time: check again once it has.
			ctx.setTimeout(() => {
				checkDraftNow(editor);
			}, 50);
			return {ok: true, message: fix.kind === 'drop' ? 'Removed from your draft' : 'Reworded in your draft'};
		},
		async openOptions() {
			const response = await send({type: 'open-options'});
			return response.ok ? {ok: true, message: 'Opened in a new tab'} : {ok: false, message: 'Could not open the options; open them from the Defuse button in the toolbar.'};
		},
		setDock(next) {
			dock = validDock(next);
			paint();
			void browser.storage.local.get(dockKey).then(stored => browser.storage.local.set({[dockKey]: {...(stored[dockKey] as Record<string, Dock> | undefined), [adapter.id]: dock}})).catch(() => undefined);
		},
		close() {
			if (expanded) {
				toggle();
			}

			keeper.restore();
		},
		async snooze(until) {
			const ticketKey = currentTicketKey();
			return ticketKey ? act({type: 'snooze', ticketKey, until: until.toISOString()}, 'Snoozed') : {ok: false, message: 'No ticket is open'};
		},
		async escalate(escalation, team) {
			const ticketKey = currentTicketKey();
			const name = team.trim();
			return ticketKey
				? act({type: 'escalated', ticketKey, escalation, team: name === '' ? undefined : name.slice(0, 200), source: 'agent'}, 'Escalation recorded')
				: {ok: false, message: 'No ticket is open'};
		},
		async copy(text) {
			try {
				await navigator.clipboard.writeText(text);
				return {ok: true, message: 'Copied'};
			} catch {
				return {ok: false, message: 'The browser did not allow copying; select the text and copy it.'};
			}
		},
	};

	async function insertReply(text: string, mode: InsertMode): Promise<ActionResult> {
		const done = mode === 'replace' ? 'Your draft was replaced (your editor\'s undo brings it back)' : 'Inserted into the reply box';
		// The caret the agent left in the reply box when they turned to the panel.
		keeper.restore();
		let outcome;
		try {
			outcome = adapter.insertReply(document, text, mode);
		} catch (error) {
			outcome = {ok: false as const, via: 'none' as const, reason: String(error)};
		}

		if (outcome.ok) {
			return {ok: true, message: done};
		}

		if (outcome.via === 'bridge') {
			const result = await insertViaBridge(document, outcome, text, mode);
			return result.ok ? {ok: true, message: done} : {ok: false, message: `Could not insert: ${result.error ?? 'unknown error'}. Use Copy instead.`};
		}

		reportMiss(new URL(location.href), 'editor', outcome.reason);
		return {ok: false, message: `Could not insert: ${outcome.reason}. Use Copy instead.`};
	}

	function toggle(): void {
		expanded = !expanded;
		if (!expanded) {
			clearHighlight(evidenceLayer);
		}

		paint();
	}

	function paint(): void {
		if (!ui || !overlayState) {
			return;
		}

		if (overlayState.kind === 'list') {
			overlayState = {...overlayState, placed: placeMarks(document, overlayState.marks, innerHeight)};
		}

		if (overlayState.kind === 'ticket' && draft?.editor.isConnected) {
			overlayState = {...overlayState, draft: markedDraft(draft)};
		}

		const {dataset} = ui.host;
		dataset['level'] = overlayState.kind === 'ticket' ? overlayState.assessment.level : 'none';
		dataset['state'] = overlayState.kind;
		dataset['draftIssues'] = String(overlayState.kind === 'ticket' ? overlayState.draft.issues.length : 0);
		const placement = placePanel(document, {width: document.documentElement.clientWidth || innerWidth, height: innerHeight}, dock, ui.host);
		dataset['mode'] = placement.mode;
		const theme = pageTheme(document) ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
		render(<Overlay state={overlayState} actions={actions} expanded={expanded} theme={theme} placement={placement} dock={dock} onToggle={toggle} />, ui.container);
	}

	/** The draft's issues as the overlay shows them, with their marks in the reply box. */
	function markedDraft(current: NonNullable<typeof draft>): DraftState {
		// Marks only for the text that was checked: when the reply box changed since, the next check marks it.
		const read = readDraft(current.editor);
		if (read.text.slice(0, maxDraftChars) !== current.checked) {
			if (draftTimer === undefined) {
				draftTimer = ctx.setTimeout(() => {
					draftTimer = undefined;
					checkDraftNow(current.editor);
				}, draftDelayMs);
			}

			clearDraftMarks(current.editor.ownerDocument);
			return {issues: current.issues, marked: 'none', boxes: []};
		}

		const marks = markDraft(current.editor, read, current.issues, scratch);
		return {issues: current.issues, ...marks};
	}

	/** Reads the reply box and checks what the agent wrote (the current ticket's signals pick some rules). */
	function checkDraftNow(editor: HTMLElement): void {
		const read = readDraft(editor);
		const checked = read.text.slice(0, maxDraftChars);
		const signalIds = overlayState?.kind === 'ticket' ? overlayState.assessment.signals.map(signal => signal.id) : [];
		draft = {editor, read, checked, issues: checkDraftWith(checked, engine.draftRules ?? [], {signalIds})};
		if (overlayState?.kind === 'ticket') {
			showTicket(overlayState.snapshot);
		}
	}

	function show(state: OverlayState): void {
		overlayState = state;
		if (ui) {
			paint();
			return;
		}

		if (mounting) {
			return; // The overlay is being created; it paints the latest state when ready
		}

		stylesheet ??= entryStylesheet(import.meta.env.ENTRYPOINT);
		const creating: Promise<void> = Promise.all([shadowMode(), stylesheet]).then(([mode, css]) => {
			if (mounting !== creating) {
				return; // Hidden (or replaced) while it was being created
			}

			// Closed: the page's scripts cannot reach into the overlay. Browser tests open it (demo build only).
			const created = mountShadow(document, {name: 'defuse-overlay', mode, css});
			evidenceLayer = document.createElement('div');
			evidenceLayer.className = 'evidence-layer';
			scratch = document.createElement('div');
			scratch.className = 'scratch';
			scratch.setAttribute('aria-hidden', 'true');
			created.container.after(evidenceLayer, scratch);
			ui = created;
			paint();
		});
		mounting = creating;
	}

	function hide(): void {
		overlayState = undefined;
		clearDraftMarks(document);
		queueSignature = '';
		if (ui) {
			render(null, ui.container);
			ui.remove();
		}

		ui = undefined;
		mounting = undefined;
	}

	function reportMiss(url: URL, part: AdapterMissPart, detail: string): void {
		const key = `${url.href}|${part}`;
		if (reportedMiss === key) {
			return;
		}

		reportedMiss = key;
		void send({type: 'adapter-miss', helpdesk: adapter.id, url: url.href, part, detail: detail.slice(0, 2000)});
	}

	// Ask the API again when the page shows a different number of messages (a reply arrived).
	const apiKeyOf = (snapshot: TicketSnapshot) => `${snapshot.ticketId}:${snapshot.messages.filter(message => !message.internal).length}`;

	/** The page's snapshot, with the helpdesk's own API answer merged in once it has arrived. */
	function withApi(page: TicketSnapshot): TicketSnapshot {
		const reader = options.apiReader;
		if (!reader) {
			return page;
		}

		const key = apiKeyOf(page);
		if (api.key !== key) {
			api = {key};
			const url = new URL(location.href);
			void reader(url, sameOriginFetch(url.origin), document.cookie).then(snapshot => {
				if (api.key === key) {
					api = {key, snapshot};
					if (overlayState?.kind === 'ticket' && overlayState.snapshot.ticketId === page.ticketId) {
						showTicket(overlayState.snapshot);
					}
				}
			}, (error: unknown) => {
				reportMiss(url, 'api', `the ${adapter.name} API could not be read: ${String(error)}`);
			});
		}

		return preferApi(page, api.snapshot);
	}

	/**
	 * For a ticket page Defuse cannot read: the helpdesk's API alone, where it has one that works with the
	 * agent's session. Asks once per address; true once the answer is there.
	 */
	function readApiOnly(url: URL): TicketSnapshot | undefined {
		const reader = options.apiReader;
		if (!reader) {
			return undefined;
		}

		if (apiOnly?.href !== url.href) {
			apiOnly = {href: url.href};
			void reader(url, sameOriginFetch(url.origin), document.cookie).then(snapshot => {
				if (apiOnly?.href === url.href && snapshot && snapshot.messages.length > 0) {
					apiOnly = {href: url.href, snapshot};
					schedule();
				}
			}, (error: unknown) => {
				reportMiss(url, 'api', `the ${adapter.name} API could not be read: ${String(error)}`);
			});
		}

		return apiOnly.snapshot;
	}

	function showTicket(pageSnapshot: TicketSnapshot, fromApi = false): void {
		const snapshot = withApi(pageSnapshot);
		const unknown = snapshot.messages.filter(message => message.role === 'unknown').length;
		if (unknown > 0 && snapshot.url) {
			reportMiss(new URL(snapshot.url), 'role', `${unknown} of ${snapshot.messages.length} messages: the page does not show who wrote them (left out of tone signals)`);
		}

		const facts = threadFacts(snapshot);
		const hash = contentHashOf(snapshot);
		const changed = hash !== lastHash;
		lastHash = hash;
		const now = Date.now();
		const ticketKey = ticketKeyOf(snapshot);
		if (context?.ticketKey !== ticketKey) {
			context = {ticketKey};
			void refreshContext(snapshot);
		}

		const history = context.value?.history.map(earlier => ({ticketId: earlier.ticketId, createdAt: earlier.createdAt, subject: earlier.subject, status: earlier.status}));
		const base = contextOf(settings);
		// The agent's own feedback tunes the signal weights on top of the team's settings.
		const tuned = {...base.settings, weightMultipliers: {...base.settings?.weightMultipliers, ...context.value?.weightMultipliers}};
		const assessStarted = performance.now();
		page.needLanguagesOf(snapshot.messages);
		const inserted = (context.value?.insertedTemplates ?? []).filter(id => !insertedHere.has(id));
		const assessment = assessWith(snapshot, {...base, settings: tuned, now, history, draft: draft?.checked, inserted}, engine);
		if (draft) {
			// Some rules apply only on some tickets (risky promises on legal, chargeback, cancellation).
			draft.issues = checkDraftWith(draft.checked, engine.draftRules ?? [], {signalIds: assessment.signals.map(signal => signal.id)});
		}
		const assessMs = performance.now() - assessStarted;
		const deadline = replyDeadline({status: snapshot.status, priority: snapshot.priority, messages: snapshot.messages.map(message => ({role: message.role, internal: message.internal, atMs: message.at ? Date.parse(message.at) : undefined, closing: message.role === 'customer' && isClosingMessage(message.text)}))}, {nowMs: now, ...slaOf(settings)});
		const stored = changed ? 'pending' : (overlayState?.kind === 'ticket' ? overlayState.stored : 'pending');
		status = {
			state: 'ticket',
			helpdesk: adapter.id,
			helpdeskName: adapter.name,
			ticketId: snapshot.ticketId,
			subject: snapshot.subject,
			customerMessages: facts.customerMessages,
			agentMessages: facts.agentMessages,
			internalNotes: facts.internalNotes,
			level: assessment.level,
			unknownMessages: unknown,
			fromApi,
		};
		const customerText = snapshot.messages.filter(message => message.role === 'customer' && !message.internal).slice(-3).map(message => message.text.slice(0, 2000)).join('\n');
		known = knownValues(snapshot, settings.agent, ticketLanguage(customerText));
		const renderStarted = performance.now();
		const draftState: DraftState = draft?.editor.isConnected ? {issues: draft.issues, marked: 'none', boxes: []} : {issues: [], marked: 'none', boxes: []};
		show({kind: 'ticket', helpdeskName: adapter.name, snapshot, facts, assessment, context: context.value, draft: draftState, typed: typedByTicket.get(ticketKey) ?? {}, deadline, now, stored});
		if (ui) {
			// What one update cost, for the overlay benchmark (test/bench/overlay.bench.ts).
			const renderMs = performance.now() - renderStarted;
			Object.assign(ui.host.dataset, {readMs: lastReadMs.toFixed(2), assessMs: assessMs.toFixed(2), renderMs: renderMs.toFixed(2), updateMs: (lastReadMs + assessMs + renderMs).toFixed(2)});
		}
		if (changed) {
			const summary = {level: assessment.level, score: assessment.score, signalIds: assessment.signals.map(signal => signal.id), trigger: assessment.triggers[0]?.trigger};
			const deadlineSummary = deadline && {
				metric: deadline.metric,
				targetMinutes: deadline.targetMinutes,
				since: new Date(deadline.sinceMs).toISOString(),
				breachAt: deadline.clock.breachAt === undefined ? undefined : new Date(deadline.clock.breachAt).toISOString(),
			};
			void send({type: 'observe', snapshot, assessment: summary, deadline: deadlineSummary}).then(response => {
				if (overlayState?.kind === 'ticket' && lastHash === hash) {
					overlayState = {...overlayState, stored: response.ok ? 'saved' : 'failed'};
					paint();
				}
			});
		}
	}

	// Editors in a same-origin frame (TinyMCE's iframe): their typing does not reach this document, so
	// each such frame whose body is editable gets the same listener.
	const framed = new WeakSet<Document>();
	function watchFrames(): void {
		for (const frame of document.querySelectorAll('iframe')) {
			let inner: Document | null = null;
			try {
				inner = frame.contentDocument;
			} catch {
				continue; // A cross-origin frame: not a reply box Defuse can read
			}

			if (inner?.body?.isContentEditable && !framed.has(inner)) {
				const frameDocument = inner;
				framed.add(frameDocument);
				frameDocument.addEventListener('input', onDraftInput, {capture: true});
				ctx.onInvalidated(() => frameDocument.removeEventListener('input', onDraftInput, {capture: true}));
			}
		}
	}

	function read(): void {
		const url = new URL(location.href);
		watchFrames();
		if (url.href !== pageUrl) {
			pageUrl = url.href;
			pageSince = Date.now();
			lastHash = '';
			ctx.setTimeout(read, giveUpAfterMs + 50); // One more look when the grace period ends
		}

		if (adapter.isTicketPage(url)) {
			let snapshot: TicketSnapshot | undefined;
			try {
				const readStarted = performance.now();
				snapshot = adapter.readTicket(document, url);
				lastReadMs = performance.now() - readStarted;
			} catch (error) {
				status = {state: 'unreadable', helpdesk: adapter.id, helpdeskName: adapter.name, missing: [], detail: `The ${adapter.name} reader failed: ${String(error)}`};
				show({kind: 'unreadable', helpdeskName: adapter.name, missing: [], detail: status.detail});
				reportMiss(url, 'exception', String(error));
				return;
			}

			if (snapshot) {
				showTicket(snapshot);
				return;
			}

			if (Date.now() - pageSince < giveUpAfterMs) {
				status = {state: 'waiting', helpdesk: adapter.id, helpdeskName: adapter.name};
				show({kind: 'waiting', helpdeskName: adapter.name});
				return;
			}

			const missing = missingParts(adapter, document);
			const fromApi = readApiOnly(url);
			if (fromApi) {
				api = {key: apiKeyOf(fromApi), snapshot: fromApi};
				showTicket(fromApi, true);
				reportMiss(url, missing.length > 0 ? 'ticket' : 'messages', `Read from the ${adapter.name} API only: the page could not be read. ${missing.join(', ')}`.trim());
				return;
			}

			const detail = missing.length > 0
				? 'The page does not have the parts Defuse reads.'
				: 'The page has the expected parts, but no messages could be read from them.';
			status = {state: 'unreadable', helpdesk: adapter.id, helpdeskName: adapter.name, missing, detail};
			show({kind: 'unreadable', helpdeskName: adapter.name, missing, detail});
			reportMiss(url, missing.length > 0 ? 'ticket' : 'messages', `${detail} ${missing.join(', ')}`.trim());
			return;
		}

		if (adapter.isListPage(url)) {
			let rows: ListRow[] = [];
			try {
				rows = adapter.readList(document, url);
			} catch (error) {
				reportMiss(url, 'exception', String(error));
			}

			status = {state: 'list', helpdesk: adapter.id, helpdeskName: adapter.name, rows: rows.length};
			void showQueue(rows, url);
		} else {
			hide();
			status = {state: 'other-page', helpdesk: adapter.id, helpdeskName: adapter.name};
		}
	}

	/** Asks which listed tickets are at risk or near breach; marks them when there are any. */
	async function showQueue(rows: ListRow[], url: URL): Promise<void> {
		const keys = rows.map(row => ticketKeyOf({helpdesk: adapter.id, ticketId: row.ticketId, url: url.href}));
		const signature = keys.join(',');
		if (signature === queueSignature) {
			return;
		}

		queueSignature = signature;
		const response = keys.length > 0 ? await send({type: 'queue-state', ticketKeys: keys.slice(0, 500)}) : undefined;
		const marks = response?.ok ? response.queue ?? [] : [];
		if (queueSignature !== signature) {
			return; // The list changed while we asked
		}

		// Tickets Defuse has read are marked from what it saw; the rest from what the list itself shows.
		const seen = new Map(marks.map(mark => [mark.ticketKey, mark]));
		const now = Date.now();
		const listed: ListMark[] = rows.flatMap((row, index) => {
			const stored = seen.get(keys[index]!);
			const fromList = listRowMark(row, now, engine);
			const href = ticketHref(document, row.ticketId);
			if (stored) {
				return [{ticketId: row.ticketId, subject: row.subject, level: stored.level, breachAt: stored.breachAt, reasons: fromList?.reasons ?? ['as Defuse last saw the ticket'], source: 'seen' as const, href}];
			}

			return fromList ? [{...fromList, href}] : [];
		});
		if (listed.length === 0) {
			hide();
			return;
		}

		show({kind: 'list', helpdeskName: adapter.name, marks: listed, placed: [], now});
	}

	function schedule(): void {
		if (timer !== undefined) {
			clearTimeout(timer);
		}

		timer = ctx.setTimeout(() => {
			timer = undefined;
			read();
		}, debounceMs);
	}

	const observer = new MutationObserver(records => {
		// Our own overlay mounting or re-rendering is not a change of the ticket.
		if (records.every(record => record.target === ui?.host || [...record.addedNodes, ...record.removedNodes].every(node => node === ui?.host))) {
			return;
		}

		schedule();
	});
	observer.observe(document.documentElement, {
		childList: true,
		subtree: true,
		characterData: true,
		attributes: true,
		attributeFilter: ['data-is-active', 'hidden', 'aria-selected', 'data-selected', 'value', 'datetime'],
	});
	ctx.onInvalidated(() => {
		observer.disconnect();
		hide();
		closeBridge(window);
	});
	ctx.addEventListener(window, 'wxt:locationchange', () => schedule());
	ctx.setInterval(() => {
		if (overlayState?.kind === 'ticket') {
			showTicket(overlayState.snapshot);
		}
	}, clockMs);
	ctx.addEventListener(window, 'resize', () => paint());
	// Queue markers, and marks drawn over a text field, follow the page as it scrolls (once per frame).
	ctx.addEventListener(document, 'scroll', () => {
		const follows = overlayState?.kind === 'list' || (overlayState?.kind === 'ticket' && overlayState.draft.marked === 'boxes');
		if (!follows || placing) {
			return;
		}

		placing = true;
		requestAnimationFrame(() => {
			placing = false;
			paint();
		});
	}, {capture: true, passive: true});
	// The agent's draft: checked a moment after they stop typing.
	const onDraftInput = (event: Event) => {
		const editor = editorOf(event.target, ui?.host);
		if (!editor || overlayState?.kind !== 'ticket') {
			return;
		}

		if (draftTimer !== undefined) {
			clearTimeout(draftTimer);
		}

		draftTimer = ctx.setTimeout(() => {
			draftTimer = undefined;
			checkDraftNow(editor);
		}, draftDelayMs);
	};

	ctx.addEventListener(document, 'input', onDraftInput, {capture: true});
	ctx.addEventListener(document, 'focusin', event => {
		keeper.note(event.target);
	}, {capture: true});
	ctx.addEventListener(document, 'selectionchange', () => {
		keeper.note(document.activeElement);
	});
	// Escape closes the panel from anywhere that is not the page's own control (after a click on the
	// panel's text, focus is on the page's body).
	ctx.addEventListener(window, 'keydown', event => {
		const active = document.activeElement;
		if (event.isTrusted && event.key === 'Escape' && expanded && (!active || active === document.body || active === ui?.host)) {
			actions.close();
		}
	});
	// Alt+Shift+D opens or closes the panel without taking the caret from the reply box.
	ctx.addEventListener(window, 'keydown', event => {
		if (event.isTrusted && event.altKey && event.shiftKey && event.code === 'KeyD' && overlayState) {
			event.preventDefault();
			const inside = document.activeElement === ui?.host;
			toggle();
			if (!expanded && inside) {
				keeper.restore();
			}
		}
	});
	void browser.storage.local.get(dockKey).then(stored => {
		dock = validDock((stored[dockKey] as Record<string, unknown> | undefined)?.[adapter.id]);
		paint();
	}).catch(() => undefined);

	const onMessage = (raw: unknown, _sender: unknown, sendResponse: (status: TabStatus) => void): boolean => {
		if (typeof raw === 'object' && raw !== null && (raw as {type?: unknown}).type === 'defuse:status') {
			sendResponse(status);
		}

		return false;
	};

	// Options saved in another tab apply here at once, without a reload; so does another language's pack.
	ctx.onInvalidated(page.watch(next => {
		({settings, engine} = next);
		if (overlayState?.kind === 'ticket') {
			lastHash = ''; // The verdict may change with the settings: store it again
			showTicket(overlayState.snapshot);
		}
	}));
	browser.runtime.onMessage.addListener(onMessage);
	ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
	read();
}
