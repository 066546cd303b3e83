// Queue markers: on a ticket list, a small dot beside each row Defuse last saw at risk or near its SLA.
// The dots are drawn in Defuse's own shadow root over the page, never inserted into the helpdesk's list.

/** The list row showing a ticket: the row around a link to it, or around its "#id" label. */
export function rowElementFor(document_: Document, ticketId: string): Element | undefined {
	const id = ticketId.replace(/^#/, '');
	const boundary = new RegExp(`(^|[/=#-])${id.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[/?#&])`);
	const link = [...document_.querySelectorAll('a[href]')].find(anchor => {
		try {
			const url = new URL(anchor.getAttribute('href') ?? '', document_.baseURI);
			return boundary.test(url.pathname) || boundary.test(url.hash);
		} catch {
			return false;
		}
	});
	const label = link ? undefined : [...document_.querySelectorAll('td, [role="gridcell"], span, div')].find(element => element.childElementCount === 0 && element.textContent?.trim() === `#${id}`);
	const anchor = link ?? label;
	return anchor ? (anchor.closest('tr, [role="row"], li, article') ?? anchor) : undefined;
}

export type PlacedMark = {ticketId: string; level?: string | undefined; breachAt?: string | undefined; top: number; left: number};

/** Where each marker goes in the viewport; rows scrolled out of view get none. */
export function placeMarks(document_: Document, marks: ReadonlyArray<{ticketId: string; level?: string | undefined; breachAt?: string | undefined}>, viewportHeight: number): PlacedMark[] {
	const placed: PlacedMark[] = [];
	for (const mark of marks) {
		const row = rowElementFor(document_, mark.ticketId);
		const rect = row?.getBoundingClientRect();
		if (!rect || rect.height === 0 || rect.bottom < 0 || rect.top > viewportHeight) {
			continue;
		}

		placed.push({...mark, top: rect.top + (rect.height / 2) - 6, left: rect.left >= 16 ? rect.left - 14 : rect.left + 2});
	}

	return placed;
}
