// Talks to the main-world editor bridge over a private MessageChannel (see editor-bridge.content/bridge.ts):
// one end is handed over once, in an event only the bridge's early listener sees; requests and answers
// never travel through events on the page.
import type {InsertMode, InsertOutcome} from '../../core/helpdesks/adapter.ts';
import type {BridgeEditor} from '../../core/helpdesks/editors.ts';
import {offerEvent, type BridgeRequest, type BridgeResult} from '../editor-bridge.content/bridge.ts';

type Pending = {resolve: (result: BridgeResult) => void; timer: ReturnType<typeof setTimeout>};

const ports = new WeakMap<Window, {port: MessagePort; pending: Map<string, Pending>}>();
let sequence = 0;

function connect(win: Window): {port: MessagePort; pending: Map<string, Pending>} {
	const existing = ports.get(win);
	if (existing) {
		return existing;
	}

	const channel = new MessageChannel();
	const pending = new Map<string, Pending>();
	channel.port1.addEventListener('message', event => {
		const result = event.data as Partial<BridgeResult> | null;
		const waiting = typeof result?.id === 'string' ? pending.get(result.id) : undefined;
		if (waiting && typeof result?.ok === 'boolean') {
			clearTimeout(waiting.timer);
			pending.delete(result.id!);
			waiting.resolve({
				id: result.id!,
				ok: result.ok,
				...(typeof result.via === 'string' ? {via: result.via} : {}),
				...(typeof result.error === 'string' ? {error: result.error} : {}),
			});
		}
	});
	channel.port1.start();
	win.dispatchEvent(new MessageEvent(offerEvent, {ports: [channel.port2]}));
	const connection = {port: channel.port1, pending};
	ports.set(win, connection);
	return connection;
}

/** Closes this page's channel to the bridge (when the content script goes away). */
export function closeBridge(win: Window): void {
	const connection = ports.get(win);
	if (connection) {
		ports.delete(win);
		connection.port.close();
		for (const [id, waiting] of connection.pending) {
			clearTimeout(waiting.timer);
			waiting.resolve({id, ok: false, error: 'Defuse was reloaded; try again'});
		}
	}
}

/** Hands the text to the main-world bridge and waits for its answer. */
export async function insertViaBridge(
	document_: Document,
	outcome: Extract<InsertOutcome, {via: 'bridge'}>,
	text: string,
	mode: InsertMode = 'insert',
	timeoutMs = 3000,
): Promise<BridgeResult> {
	return ask(document_, {editor: outcome.editor, selector: outcome.selector, text, mode}, timeoutMs);
}

/** Asks the bridge to apply a draft-check fix in the editor's own model (CKEditor 5). */
export async function fixViaBridge(
	document_: Document,
	target: {editor: BridgeEditor; selector: string},
	fix: {find: string; before: string; text: string},
	timeoutMs = 3000,
): Promise<BridgeResult> {
	return ask(
		document_,
		{editor: target.editor, selector: target.selector, text: fix.text, op: 'fix', find: fix.find, before: fix.before},
		timeoutMs,
	);
}

// The editor is one the bridge serves (typed; a custom site's editorKind is validated with the settings);
// the bridge checks every request again on its side.
async function ask(document_: Document, fields: Omit<BridgeRequest, 'id'>, timeoutMs: number): Promise<BridgeResult> {
	sequence++;
	const id = `${sequence}`;
	const win = document_.defaultView;
	if (!win) {
		return {id, ok: false, error: 'the page has no window'};
	}

	const {port, pending} = connect(win);
	return new Promise(resolve => {
		const timer = setTimeout(() => {
			pending.delete(id);
			// Offer a new channel next time: this one may have gone to a bridge that was not there yet.
			if (ports.get(win)?.port === port) {
				ports.delete(win);
				port.close();
			}

			resolve({id, ok: false, error: 'the page did not answer (the editor bridge is not loaded)'});
		}, timeoutMs);
		pending.set(id, {resolve, timer});
		const request: BridgeRequest = {...fields, id};
		port.postMessage(request);
	});
}
