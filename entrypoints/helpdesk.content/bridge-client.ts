import type {InsertOutcome} from '../../core/helpdesks/adapter.ts';
import {bridgeEditors, insertEvent, resultEvent, type BridgeEditor, type BridgeResult} from '../editor-bridge.content/bridge.ts';

let sequence = 0;

/** Hands the text to the main-world bridge and waits for its answer. */
export async function insertViaBridge(document_: Document, outcome: Extract<InsertOutcome, {via: 'bridge'}>, text: string, timeoutMs = 1500): Promise<BridgeResult> {
	sequence++;
	const id = `defuse-${Date.now()}-${sequence}`;
	if (!bridgeEditors.includes(outcome.editor as BridgeEditor)) {
		return {id, ok: false, error: `no bridge for the ${outcome.editor} editor`};
	}

	return new Promise(resolve => {
		const timer = setTimeout(() => {
			document_.removeEventListener(resultEvent, onResult);
			resolve({id, ok: false, error: 'the page did not answer (the editor bridge is not loaded)'});
		}, timeoutMs);
		function onResult(event: Event): void {
			let result: BridgeResult | undefined;
			try {
				result = JSON.parse(String((event as CustomEvent<unknown>).detail)) as BridgeResult;
			} catch {
				return;
			}

			if (result.id === id) {
				clearTimeout(timer);
				document_.removeEventListener(resultEvent, onResult);
				resolve(result);
			}
		}

		document_.addEventListener(resultEvent, onResult);
		document_.dispatchEvent(new CustomEvent(insertEvent, {detail: JSON.stringify({id, editor: outcome.editor, selector: outcome.selector, text})}));
	});
}
