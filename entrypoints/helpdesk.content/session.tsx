// The helpdesk page's session: reads the page on every (debounced) change, keeps the overlay current
// and tells the background what it saw. The decisions are in session-ts (state and transitions);
// here are the effects: reading the page, rendering, messages, timers, observers and listeners.
import {browser, type ContentScriptContext} from '#imports';
import {render} from 'preact';
import type {Adapter, InsertMode, ListRow} from '../../core/helpdesks/adapter.ts';
import {missingParts} from '../../core/helpdesks/adapter.ts';
import type {AgentActionRequest, TabStatus} from '../../core/messages.ts';
import type {RequestOf, SendToBackground} from '../../core/protocol.ts';
import {requesterKeyOf, ticketKeyOf, type AdapterMissPart, type TicketSnapshot} from '../../core/model.ts';
import {fillTemplate} from '../../core/templates/suggest.ts';
import {sameOriginFetch, type ApiReader} from './api-readers.ts';
import {send} from './send.ts';
import {closeBridge, fixViaBridge, insertViaBridge} from './bridge-client.ts';
import {applyFixInEditor, clearDraftMarks, editorOf, markDraft, pathTo, readDraft} from './draft.ts';
import {focusKeeper, type FocusKeeper} from './focus.ts';
import {clearHighlight, findEvidenceRange, showRange} from './highlight.ts';
import {pageTheme, placePanel, validDock, type Dock} from './layout.ts';
import type {LoadedPageData, PageData} from './page-setup.ts';
import {entryStylesheet, mountShadow, type ShadowMount} from './mount.ts';
import {placeMarks, ticketHref} from './queue.ts';
import {
	type DraftCheck,
	type SessionState,
	apiAnswered,
	apiOnlyAnswered,
	askApiOnly,
	contextAnswered,
	createState,
	draftRead,
	firstMiss,
	freshFix,
	gaveUp,
	maxDraftChars,
	mergeApi,
	openTicketKey,
	queueAsk,
	queueMarks,
	settingsChanged,
	storedAnswered,
	ticketRead,
	ticketShown,
	typeValue,
	visit,
	timing,
} from './session-model.ts';
import {Overlay, type ActionResult, type DraftState, type OverlayActions, type OverlayState} from './overlay.tsx';

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

/** What the session acts through: the page, the background, the clock and the timers. */
export type SessionEnv = SessionOptions & {
	document: Document;
	adapter: Adapter;
	page: LoadedPageData;
	/** The page's address now. */
	href(): string;
	now(): number;
	setTimeout(callback: () => void, ms: number): number;
	send: SendToBackground;
	/** The overlay's shadow root mode and stylesheet (asked for when it is first shown). */
	overlayStyle(): Promise<{mode: ShadowRootMode; css: string}>;
	saveDock(dock: Dock): void;
	/** Runs before each reading of the page (watches new editor frames). */
	beforeRead?(): void;
};

type Mounted = ShadowMount & {evidenceLayer: HTMLElement; scratch: HTMLElement};

/** The session: its state (session-model.ts), what it acts through, and the overlay it drew. */
export type Session = SessionState &
	SessionEnv & {
		keeper: FocusKeeper;
		actions: OverlayActions;
		ui?: Mounted | undefined;
		mounting?: Promise<void> | undefined;
		timer?: number | undefined;
		draftTimer?: number | undefined;
		placing?: boolean;
		actionSequence?: number;
	};

function reportMiss(s: Session, url: URL, part: AdapterMissPart, detail: string): void {
	if (firstMiss(s, url.href, part)) {
		void s.send({type: 'adapter-miss', helpdesk: s.adapter.id, url: url.href, part, detail: detail.slice(0, 2000)});
	}
}

/** Reads the page again once its changes settle. */
export function schedule(s: Session): void {
	clearTimeout(s.timer);
	s.timer = s.setTimeout(() => {
		s.timer = undefined;
		readPage(s);
	}, timing.debounceMs);
}

/** Reads the page now: a ticket, a list of tickets, or neither. */
export function readPage(s: Session): void {
	const url = new URL(s.href());
	s.beforeRead?.();
	if (visit(s, url.href, s.now())) {
		s.setTimeout(() => {
			readPage(s);
		}, timing.giveUpAfterMs + 50); // One more look when the grace period ends
	}

	if (s.adapter.isTicketPage(url)) {
		readTicketPage(s, url);
	} else if (s.adapter.isListPage(url)) {
		readListPage(s, url);
	} else {
		hide(s);
		s.status = {state: 'other-page', helpdesk: s.adapter.id, helpdeskName: s.adapter.name};
	}
}

function readTicketPage(s: Session, url: URL): void {
	let reading: {snapshot?: TicketSnapshot | undefined; error?: string};
	try {
		const readStarted = performance.now();
		reading = {snapshot: s.adapter.readTicket(s.document, url)};
		s.lastReadMs = performance.now() - readStarted;
	} catch (error) {
		reading = {error: String(error)};
	}

	const read = ticketRead(s, s.adapter, reading, s.now());
	const step = read.kind === 'give-up' ? gaveUp(s, s.adapter, missingParts(s.adapter, s.document), readApiOnly(s, url)) : read;

	if (step.kind === 'ticket') {
		showTicket(s, step.snapshot, step.fromApi);
	} else {
		show(s, step.view);
	}

	if (step.miss) {
		reportMiss(s, url, step.miss.part, step.miss.detail);
	}
}

function readListPage(s: Session, url: URL): void {
	let rows: ListRow[] = [];
	try {
		rows = s.adapter.readList(s.document, url);
	} catch (error) {
		reportMiss(s, url, 'exception', String(error));
	}

	s.status = {state: 'list', helpdesk: s.adapter.id, helpdeskName: s.adapter.name, rows: rows.length};
	void showQueue(s, rows, url);
}

/** Asks which listed tickets are at risk or near breach; marks them when there are any. */
async function showQueue(s: Session, rows: ListRow[], url: URL): Promise<void> {
	const keys = rows.map(row => ticketKeyOf({helpdesk: s.adapter.id, ticketId: row.ticketId, url: url.href}));
	const signature = queueAsk(s, keys);
	if (signature === undefined) {
		return;
	}

	const response = keys.length > 0 ? await s.send({type: 'queue-state', ticketKeys: keys.slice(0, 500)}) : undefined;
	if (s.queueSignature !== signature) {
		return; // The list changed while we asked
	}

	const now = s.now();
	const marks = queueMarks(rows, keys, response?.ok ? (response.queue ?? []) : [], now, s.engine, ticketId =>
		ticketHref(s.document, ticketId),
	);
	if (marks.length === 0) {
		hide(s);
		return;
	}

	show(s, {kind: 'list', helpdeskName: s.adapter.name, marks, placed: [], now});
}

/** Reads the helpdesk API for the address (with the agent's session); a failure is reported as a miss. */
function readApi(s: Session, reader: ApiReader, url: URL, answered: (snapshot: TicketSnapshot | undefined) => void): void {
	reader(url, sameOriginFetch(url.origin), s.document.cookie).then(answered, (error: unknown) => {
		reportMiss(s, url, 'api', `the ${s.adapter.name} API could not be read: ${String(error)}`);
	});
}

/**
 * For a ticket page Defuse cannot read: the helpdesk's API alone, where it has one that works with the
 * agent's session. Asks once per address; the snapshot once the answer is there.
 */
function readApiOnly(s: Session, url: URL): TicketSnapshot | undefined {
	if (s.apiReader && askApiOnly(s, url.href)) {
		readApi(s, s.apiReader, url, snapshot => {
			if (apiOnlyAnswered(s, url.href, snapshot)) {
				schedule(s);
			}
		});
	}

	return s.apiOnly?.snapshot;
}

/** Assesses a ticket (the API's answer merged in), shows it, and sends what changed to the store. */
export function showTicket(s: Session, pageSnapshot: TicketSnapshot, fromApi = false): void {
	let snapshot = pageSnapshot;
	if (s.apiReader) {
		const merged = mergeApi(s, pageSnapshot);
		snapshot = merged.snapshot;
		const {ask} = merged;
		if (ask !== undefined) {
			// Shown again when the answer is still for the ticket as the page shows it.
			readApi(s, s.apiReader, new URL(s.href()), snapshot => {
				if (apiAnswered(s, ask, pageSnapshot.ticketId, snapshot)) {
					reshow(s);
				}
			});
		}
	}

	s.reading = {snapshot: pageSnapshot, fromApi};
	const update = ticketShown(s, s.adapter, snapshot, {
		now: s.now(),
		fromApi,
		clock: () => performance.now(),
		beforeAssess: () => s.page.needLanguagesOf(snapshot.messages),
	});
	if (update.unknown > 0 && snapshot.url) {
		reportMiss(
			s,
			new URL(snapshot.url),
			'role',
			`${update.unknown} of ${snapshot.messages.length} messages: the page does not show who wrote them (left out of tone signals)`,
		);
	}

	if (update.askContext) {
		void askContext(s, update.askContext);
	}

	const renderStarted = performance.now();
	show(s, update.view);
	if (s.ui) {
		// What one update cost, for the overlay benchmark (test/bench/overlay.bench.ts).
		const readMs = s.lastReadMs;
		const renderMs = performance.now() - renderStarted;
		Object.assign(s.ui.host.dataset, {
			readMs: readMs.toFixed(2),
			assessMs: update.assessMs.toFixed(2),
			renderMs: renderMs.toFixed(2),
			updateMs: (readMs + update.assessMs + renderMs).toFixed(2),
		});
	}

	if (update.observe) {
		void s.send(update.observe).then(response => {
			if (storedAnswered(s, update.hash, response.ok)) {
				paint(s);
			}
		});
	}
}

async function askContext(s: Session, request: RequestOf<'ticket-context'>): Promise<void> {
	const response = await s.send(request);
	if (response.ok && contextAnswered(s, request.ticketKey, response.context)) {
		reshow(s);
	}
}

/** Shows a view: paints it, or creates the overlay first. */
export function show(s: Session, view: OverlayState): void {
	s.overlay = view;
	if (s.ui) {
		paint(s);
	} else if (!s.mounting) {
		// While the overlay is being created it paints the latest state when ready.
		const creating: Promise<void> = s.overlayStyle().then(({mode, css}) => {
			if (s.mounting !== creating) {
				return; // Hidden (or replaced) while it was being created
			}

			const doc = s.document;
			const created = mountShadow(doc, {name: 'defuse-overlay', mode, css});
			const evidenceLayer = doc.createElement('div');
			evidenceLayer.className = 'evidence-layer';
			const scratch = doc.createElement('div');
			scratch.className = 'scratch';
			scratch.setAttribute('aria-hidden', 'true');
			created.container.after(evidenceLayer, scratch);
			s.ui = {...created, evidenceLayer, scratch};
			paint(s);
		});
		s.mounting = creating;
	}
}

export function hide(s: Session): void {
	s.overlay = undefined;
	s.queueSignature = '';
	clearDraftMarks(s.document);
	if (s.ui) {
		render(null, s.ui.container);
		s.ui.remove();
	}

	s.ui = undefined;
	s.mounting = undefined;
}

/** Renders the overlay with the latest state, placed beside the page's own layout. */
export function paint(s: Session): void {
	const {ui, document: doc} = s;
	if (!ui || !s.overlay) {
		return;
	}

	if (s.overlay.kind === 'list') {
		s.overlay = {...s.overlay, placed: placeMarks(doc, s.overlay.marks, innerHeight)};
	}

	if (s.overlay.kind === 'ticket' && s.draft?.editor.isConnected) {
		s.overlay = {...s.overlay, draft: markedDraft(s, s.draft)};
	}

	const {overlay, expanded, dock} = s;
	const {dataset} = ui.host;
	dataset['level'] = overlay.kind === 'ticket' ? overlay.assessment.level : 'none';
	dataset['state'] = overlay.kind;
	dataset['draftIssues'] = String(overlay.kind === 'ticket' ? overlay.draft.issues.length : 0);
	const placement = placePanel(doc, {width: doc.documentElement.clientWidth || innerWidth, height: innerHeight}, dock, ui.host);
	dataset['mode'] = placement.mode;
	const theme = pageTheme(doc) ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
	render(
		<Overlay
			state={overlay}
			actions={s.actions}
			expanded={expanded}
			theme={theme}
			placement={placement}
			dock={dock}
			onToggle={() => toggle(s)}
		/>,
		ui.container,
	);
}

/** The draft's issues as the overlay shows them, with their marks in the reply box. */
function markedDraft(s: Session, current: DraftCheck): DraftState {
	// Marks only for the text that was checked: when the reply box changed since, the next check marks it.
	const read = readDraft(current.editor);
	if (read.text.slice(0, maxDraftChars) !== current.checked) {
		if (s.draftTimer === undefined) {
			checkDraftSoon(s, current.editor);
		}

		clearDraftMarks(current.editor.ownerDocument);
		return {issues: current.issues, marked: 'none', boxes: []};
	}

	return {issues: current.issues, ...markDraft(current.editor, read, current.issues, s.ui?.scratch)};
}

/** Checks the draft once the agent has stopped typing for a moment. */
export function checkDraftSoon(s: Session, editor: HTMLElement): void {
	clearTimeout(s.draftTimer);
	s.draftTimer = s.setTimeout(() => {
		s.draftTimer = undefined;
		checkDraftNow(s, editor);
	}, timing.draftDelayMs);
}

/** Reads the reply box and checks what the agent wrote (the current ticket's signals pick some rules). */
function checkDraftNow(s: Session, editor: HTMLElement): void {
	draftRead(s, editor, readDraft(editor).text);
	reshow(s);
}

export function toggle(s: Session): void {
	s.expanded = !s.expanded;
	if (!s.expanded) {
		clearHighlight(s.ui?.evidenceLayer);
	}

	paint(s);
}

/** Records an agent's action in the store, then reads the ticket's context again. */
async function act(s: Session, action: AgentActionRequest, done: string): Promise<ActionResult> {
	s.actionSequence = (s.actionSequence ?? 0) + 1;
	const response = await s.send({
		type: 'agent-action',
		actionId: `${Date.now().toString(36)}-${s.actionSequence}-${Math.random().toString(36).slice(2, 8)}`,
		action,
	});
	if (!response.ok) {
		return {ok: false, message: `Not saved: ${response.error}`};
	}

	if (s.overlay?.kind === 'ticket') {
		const {snapshot} = s.overlay;
		void askContext(s, {type: 'ticket-context', ticketKey: ticketKeyOf(snapshot), requesterKey: requesterKeyOf(snapshot)});
	}

	return {ok: true, message: done};
}

/** Puts a template's text in the reply box (where the agent's caret was), by the adapter or the editor bridge. */
async function insertReply(s: Session, text: string, mode: InsertMode): Promise<ActionResult> {
	const done = mode === 'replace' ? "Your draft was replaced (your editor's undo brings it back)" : 'Inserted into the reply box';
	// The caret the agent left in the reply box when they turned to the panel.
	s.keeper.restore();
	let outcome;
	try {
		outcome = s.adapter.insertReply(s.document, text, mode);
	} catch (error) {
		outcome = {ok: false as const, via: 'none' as const, reason: String(error)};
	}

	if (outcome.ok) {
		return {ok: true, message: done};
	}

	if (outcome.via === 'bridge') {
		const result = await insertViaBridge(s.document, outcome, text, mode);
		return result.ok
			? {ok: true, message: done}
			: {ok: false, message: `Could not insert: ${result.error ?? 'unknown error'}. Use Copy instead.`};
	}

	reportMiss(s, new URL(s.href()), 'editor', outcome.reason);
	return {ok: false, message: `Could not insert: ${outcome.reason}. Use Copy instead.`};
}

const noTicket: ActionResult = {ok: false, message: 'No ticket is open'};

/** What the overlay's ticket controls do. */
function ticketActions(
	s: Session,
): Pick<OverlayActions, 'highlight' | 'fill' | 'setValue' | 'insert' | 'feedback' | 'snooze' | 'escalate'> {
	return {
		highlight(signalIndex) {
			if (s.overlay?.kind !== 'ticket') {
				return;
			}

			const signal = s.overlay.assessment.signals[signalIndex];
			const evidence = signal?.evidence.find(candidate => candidate.end > candidate.start);
			const doc = s.document;
			clearHighlight(s.ui?.evidenceLayer);
			const range = evidence ? findEvidenceRange(doc, s.overlay.snapshot, evidence, s.ui?.host) : undefined;
			if (range && s.ui) {
				s.ui.host.dataset['highlight'] = `${signal?.id ?? ''}:${showRange(doc, range, s.ui.evidenceLayer)}`;
			}
		},
		fill(templateId, typed) {
			const template = s.engine.templates.find(candidate => candidate.id === templateId);
			return template ? fillTemplate(template, s.known, typed) : undefined;
		},
		setValue(key, value) {
			if (typeValue(s, key, value)) {
				paint(s);
			}
		},
		async insert(templateId, text, mode) {
			const result = await insertReply(s, text, mode);
			const ticketKey = openTicketKey(s);
			if (result.ok && ticketKey) {
				s.insertedHere.add(templateId);
				void act(s, {type: 'template-inserted', ticketKey, templateId}, 'Recorded');
			}

			return result;
		},
		async feedback(verdict, reason) {
			if (s.overlay?.kind !== 'ticket') {
				return noTicket;
			}

			const {level, signals} = s.overlay.assessment;
			return act(
				s,
				{type: 'feedback', ticketKey: ticketKeyOf(s.overlay.snapshot), verdict, reason, level, signalIds: signals.map(signal => signal.id)},
				'Thanks: your feedback tunes the warnings.',
			);
		},
		async snooze(until) {
			const ticketKey = openTicketKey(s);
			return ticketKey ? act(s, {type: 'snooze', ticketKey, until: until.toISOString()}, 'Snoozed') : noTicket;
		},
		async escalate(escalation, team) {
			const ticketKey = openTicketKey(s);
			const name = team.trim();
			return ticketKey
				? act(
						s,
						{type: 'escalated', ticketKey, escalation, team: name === '' ? undefined : name.slice(0, 200), source: 'agent'},
						'Escalation recorded',
					)
				: noTicket;
		},
	};
}

/** Rewrites a draft issue in the reply box with its fix, if the draft still has it. */
async function applyFix(s: Session, issue: Parameters<OverlayActions['applyFix']>[0]): Promise<ActionResult> {
	const editor = s.draft?.editor;
	if (!editor || !issue.fix) {
		return {ok: false, message: 'Edit the draft by hand; there is no safe rewording for this.'};
	}

	// The agent may have typed (or applied another fix) since the last check: check the draft as it is now.
	const fresh = freshFix(s, readDraft(editor).text, issue);
	const changed: ActionResult = {ok: false, message: 'The draft changed; edit it by hand.'};
	if (!fresh) {
		return changed;
	}

	const {checked, fix} = fresh;
	const doc = s.document;
	// CKEditor 5 keeps its own model and does not take typing over a selection made from outside:
	// the bridge applies the fix in its model (when there is a CKEditor instance; else it is typed).
	const throughModel =
		editor.closest('.ck-editor__editable') &&
		(
			await fixViaBridge(
				doc,
				{editor: 'ckeditor5', selector: pathTo(editor)},
				{find: checked.slice(fix.start, fix.end), before: checked.slice(Math.max(0, fix.start - 40), fix.start), text: fix.text},
			)
		).ok;
	if (!throughModel && !(await applyFixInEditor(editor, checked, fix))) {
		return changed;
	}

	// The editor updates its own text in its own time: check again once it has.
	s.setTimeout(() => {
		checkDraftNow(s, editor);
	}, 50);
	return {ok: true, message: fix.kind === 'drop' ? 'Removed from your draft' : 'Reworded in your draft'};
}

/** What the overlay's panel and draft controls do. */
function panelActions(s: Session): Omit<OverlayActions, keyof ReturnType<typeof ticketActions>> {
	return {
		applyFix: async issue => applyFix(s, issue),
		async openOptions() {
			const response = await s.send({type: 'open-options'});
			return response.ok
				? {ok: true, message: 'Opened in a new tab'}
				: {ok: false, message: 'Could not open the options; open them from the Defuse button in the toolbar.'};
		},
		setDock(next) {
			s.dock = validDock(next);
			paint(s);
			s.saveDock(s.dock);
		},
		close() {
			if (s.expanded) {
				toggle(s);
			}

			s.keeper.restore();
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
}

export function createSession(env: SessionEnv): Session {
	const s: Session = {
		...env,
		...createState(env.adapter, env.page),
		keeper: focusKeeper(env.document, element => element === s.ui?.host),
		actions: {} as OverlayActions,
	};
	s.actions = {...ticketActions(s), ...panelActions(s)};
	return s;
}

/** Our own overlay mounting or re-rendering is not a change of the ticket. */
export function isOwnChange(s: Session, records: readonly MutationRecord[]): boolean {
	const host = s.ui?.host;
	return records.every(record => record.target === host || [...record.addedNodes, ...record.removedNodes].every(node => node === host));
}

/** Queue markers, and marks drawn over a text field, follow the page as it scrolls (once per frame). */
export function followScroll(s: Session, nextFrame: (callback: () => void) => void): void {
	const {overlay} = s;
	const follows = overlay?.kind === 'list' || (overlay?.kind === 'ticket' && overlay.draft.marked === 'boxes');
	if (!follows || s.placing) {
		return;
	}

	s.placing = true;
	nextFrame(() => {
		s.placing = false;
		paint(s);
	});
}

/** The agent typed: in a reply box, the draft is checked a moment after they stop. */
export function draftInput(s: Session, event: Event): void {
	const editor = editorOf(event.target, s.ui?.host);
	if (editor && s.overlay?.kind === 'ticket') {
		checkDraftSoon(s, editor);
	}
}

/**
 * Keys from anywhere on the page: Escape closes the panel from anywhere that is not the page's own
 * control (after a click on the panel's text, focus is on the page's body); Alt+Shift+D opens or
 * closes the panel without taking the caret from the reply box.
 */
export function pageKey(s: Session, event: KeyboardEvent): void {
	const active = s.document.activeElement;
	const host = s.ui?.host;
	if (!event.isTrusted) {
		return;
	}

	if (event.key === 'Escape' && s.expanded && (!active || active === s.document.body || active === host)) {
		s.actions.close();
	} else if (event.altKey && event.shiftKey && event.code === 'KeyD' && s.overlay) {
		event.preventDefault();
		toggle(s);
		if (!s.expanded && active === host) {
			s.keeper.restore();
		}
	}
}

/** New settings or packs (saved in another tab, or another language's pack): the ticket is assessed again. */
export function onSettings(s: Session, data: PageData): void {
	if (settingsChanged(s, data)) {
		reshow(s);
	}
}

/**
 * Shows the open ticket again (the clock ticked, an answer arrived, the draft or the settings changed),
 * from what the page (or the API alone) last gave: the API's answer is merged in again, not taken for
 * the page's, so the API is asked again only when the page changes.
 */
export function reshow(s: Session): void {
	if (s.overlay?.kind === 'ticket' && s.reading) {
		showTicket(s, s.reading.snapshot, s.reading.fromApi);
	}
}

// Editors in a same-origin frame (TinyMCE's iframe): their typing does not reach this document, so
// each such frame whose body is editable gets the same listener.
function frameWatcher(ctx: ContentScriptContext, onInput: (event: Event) => void): () => void {
	const framed = new WeakSet<Document>();
	return () => {
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
				frameDocument.addEventListener('input', onInput, {capture: true});
				ctx.onInvalidated(() => frameDocument.removeEventListener('input', onInput, {capture: true}));
			}
		}
	};
}

function browserEnv(ctx: ContentScriptContext, adapter: Adapter, page: LoadedPageData, options: SessionOptions): SessionEnv {
	// The overlay's stylesheet, fetched once per page.
	let stylesheet: Promise<string> | undefined;
	return {
		...options,
		document,
		adapter,
		page,
		href: () => location.href,
		now: Date.now,
		setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
		send,
		async overlayStyle() {
			stylesheet ??= entryStylesheet(import.meta.env.ENTRYPOINT);
			// Closed: the page's scripts cannot reach into the overlay. Browser tests open it (demo build only).
			const [mode, css] = await Promise.all([shadowMode(), stylesheet]);
			return {mode, css};
		},
		saveDock(dock) {
			void browser.storage.local
				.get(dockKey)
				.then(stored =>
					browser.storage.local.set({[dockKey]: {...(stored[dockKey] as Record<string, Dock> | undefined), [adapter.id]: dock}}),
				)
				.catch(() => undefined);
		},
	};
}

function listen(ctx: ContentScriptContext, s: Session): void {
	const observer = new MutationObserver(records => {
		if (!isOwnChange(s, records)) {
			schedule(s);
		}
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
		hide(s);
		closeBridge(window);
	});
	ctx.addEventListener(window, 'wxt:locationchange', () => schedule(s));
	ctx.setInterval(() => reshow(s), timing.clockMs);
	ctx.addEventListener(window, 'resize', () => paint(s));
	ctx.addEventListener(document, 'scroll', () => followScroll(s, requestAnimationFrame), {capture: true, passive: true});
	const onInput = (event: Event) => draftInput(s, event);
	s.beforeRead = frameWatcher(ctx, onInput);
	ctx.addEventListener(document, 'input', onInput, {capture: true});
	ctx.addEventListener(document, 'focusin', event => s.keeper.note(event.target), {capture: true});
	ctx.addEventListener(document, 'selectionchange', () => s.keeper.note(document.activeElement));
	ctx.addEventListener(window, 'keydown', event => pageKey(s, event));
}

/** Starts the session on a helpdesk page: the session itself, and what feeds it events. */
export function startSession(ctx: ContentScriptContext, adapter: Adapter, page: LoadedPageData, options: SessionOptions = {}): void {
	const s = createSession(browserEnv(ctx, adapter, page, options));
	listen(ctx, s);
	void browser.storage.local
		.get(dockKey)
		.then(stored => {
			s.dock = validDock((stored[dockKey] as Record<string, unknown> | undefined)?.[adapter.id]);
			paint(s);
		})
		.catch(() => undefined);
	const onMessage = (raw: unknown, _sender: unknown, sendResponse: (status: TabStatus) => void): boolean => {
		if (typeof raw === 'object' && raw !== null && (raw as {type?: unknown}).type === 'defuse:status') {
			sendResponse(s.status);
		}

		return false;
	};

	// Options saved in another tab apply here at once, without a reload; so does another language's pack.
	ctx.onInvalidated(page.watch(next => onSettings(s, next)));
	browser.runtime.onMessage.addListener(onMessage);
	ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
	readPage(s);
}
