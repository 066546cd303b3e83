import {browser, createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi} from '#imports';
import {render} from 'preact';
import {contentHashOf} from '../../core/hash.ts';
import type {Adapter} from '../../core/helpdesks/adapter.ts';
import {missingParts} from '../../core/helpdesks/adapter.ts';
import type {BackgroundRequest, BackgroundResponse, TabStatus} from '../../core/messages.ts';
import type {AdapterMissPart, TicketSnapshot} from '../../core/model.ts';
import {threadFacts} from '../../core/thread.ts';
import {Overlay, type OverlayState} from './overlay.tsx';

// How long a ticket page may keep rendering before Defuse says it cannot read it.
const giveUpAfterMs = 8000;
const debounceMs = 200;

async function send(request: BackgroundRequest): Promise<BackgroundResponse> {
	try {
		return await browser.runtime.sendMessage(request) as BackgroundResponse;
	} catch (error) {
		return {ok: false, error: String(error)}; // The extension was reloaded or updated under this page
	}
}

/** Reads the page on every (debounced) change, keeps the overlay current and tells the background what it saw. */
export function startSession(ctx: ContentScriptContext, adapter: Adapter): void {
	let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
	let mounting: Promise<void> | undefined;
	let overlayState: OverlayState | undefined;
	let status: TabStatus = {state: 'other-page', helpdesk: adapter.id, helpdeskName: adapter.name};
	let pageUrl = '';
	let pageSince = Date.now();
	let lastHash = '';
	let reportedMiss = '';
	let timer: number | undefined;

	function paint(): void {
		if (!ui || !overlayState) {
			return;
		}

		ui.shadowHost.dataset['level'] = overlayState.kind === 'ticket' ? overlayState.level : 'none';
		ui.shadowHost.dataset['state'] = overlayState.kind;
		render(<Overlay state={overlayState} />, ui.uiContainer);
	}

	function show(state: OverlayState): void {
		overlayState = state;
		if (ui) {
			paint();
			return;
		}

		mounting ??= createShadowRootUi<HTMLElement>(ctx, {
			name: 'defuse-overlay',
			position: 'inline',
			anchor: 'body',
			append: 'last',
			onMount: container => container,
			onRemove: container => {
				if (container) {
					render(null, container);
				}
			},
		}).then(created => {
			created.mount();
			ui = created;
			paint();
		});
	}

	function hide(): void {
		overlayState = undefined;
		ui?.remove();
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

	function showTicket(snapshot: TicketSnapshot): void {
		const facts = threadFacts(snapshot);
		const hash = contentHashOf(snapshot);
		const changed = hash !== lastHash;
		lastHash = hash;
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
			level: 'none',
		};
		show({kind: 'ticket', helpdeskName: adapter.name, snapshot, facts, level: 'none', now: Date.now(), stored});
		if (changed) {
			void send({type: 'observe', snapshot}).then(response => {
				if (overlayState?.kind === 'ticket' && lastHash === hash) {
					overlayState = {...overlayState, stored: response.ok ? 'saved' : 'failed'};
					paint();
				}
			});
		}
	}

	function read(): void {
		const url = new URL(location.href);
		if (url.href !== pageUrl) {
			pageUrl = url.href;
			pageSince = Date.now();
			lastHash = '';
			ctx.setTimeout(read, giveUpAfterMs + 50); // One more look when the grace period ends
		}

		if (adapter.isTicketPage(url)) {
			let snapshot: TicketSnapshot | undefined;
			try {
				snapshot = adapter.readTicket(document, url);
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
			const detail = missing.length > 0
				? 'The page does not have the parts Defuse reads.'
				: 'The page has the expected parts, but no messages could be read from them.';
			status = {state: 'unreadable', helpdesk: adapter.id, helpdeskName: adapter.name, missing, detail};
			show({kind: 'unreadable', helpdeskName: adapter.name, missing, detail});
			reportMiss(url, missing.length > 0 ? 'ticket' : 'messages', `${detail} ${missing.join(', ')}`.trim());
			return;
		}

		hide();
		if (adapter.isListPage(url)) {
			let rows = 0;
			try {
				rows = adapter.readList(document, url).length;
			} catch (error) {
				reportMiss(url, 'exception', String(error));
			}

			status = {state: 'list', helpdesk: adapter.id, helpdeskName: adapter.name, rows};
		} else {
			status = {state: 'other-page', helpdesk: adapter.id, helpdeskName: adapter.name};
		}
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
		if (records.every(record => record.target === ui?.shadowHost || [...record.addedNodes, ...record.removedNodes].every(node => node === ui?.shadowHost))) {
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
	});
	ctx.addEventListener(window, 'wxt:locationchange', () => schedule());

	const onMessage = (raw: unknown, _sender: unknown, sendResponse: (status: TabStatus) => void): boolean => {
		if (typeof raw === 'object' && raw !== null && (raw as {type?: unknown}).type === 'defuse:status') {
			sendResponse(status);
		}

		return false;
	};

	browser.runtime.onMessage.addListener(onMessage);
	ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
	read();
}
