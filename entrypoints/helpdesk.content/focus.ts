// Where the agent was before they reached for the overlay: the element with focus outside Defuse and,
// in a reply box, the caret. Closing the panel puts both back, so the agent keeps typing where they were.

type Spot = {element: HTMLElement; range?: Range | undefined; selection?: [number, number] | undefined};

export type FocusKeeper = {
	/** Call on every focus change and caret move on the page (not inside the overlay). */
	note(target: EventTarget | null): void;
	/** Puts focus (and the caret) back where the agent last was outside the overlay. */
	restore(): boolean;
};

export function focusKeeper(document_: Document, isOurs: (element: Element) => boolean): FocusKeeper {
	let spot: Spot | undefined;
	return {
		note(target) {
			const element = (target ?? document_.activeElement) as HTMLElement | null;
			if (!element || typeof element.focus !== 'function' || element === document_.body || isOurs(element)) {
				return;
			}

			if (element.tagName === 'TEXTAREA' || element.tagName === 'INPUT') {
				const field = element as HTMLTextAreaElement;
				spot = {element, selection: [field.selectionStart ?? 0, field.selectionEnd ?? 0]};
				return;
			}

			const selection = document_.getSelection();
			const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
			spot = {element, range: range && element.contains(range.startContainer) ? range.cloneRange() : undefined};
		},
		restore() {
			// Focusing fires focusin, which notes the spot again (with the caret focus() picked): keep this one.
			const kept = spot;
			if (!kept?.element.isConnected) {
				return false;
			}

			kept.element.focus({preventScroll: true});
			if (kept.selection) {
				(kept.element as HTMLTextAreaElement).setSelectionRange(...kept.selection);
			} else if (kept.range) {
				const selection = document_.getSelection();
				selection?.removeAllRanges();
				selection?.addRange(kept.range);
			}

			spot = kept;
			return true;
		},
	};
}
