// Queue markers: on a ticket list, a small labelled marker inside each row worth a look, linking to the
// ticket. Rows are judged from what Defuse saw when the ticket was opened, and, before that, from what
// the list itself shows (risk phrases in the subject, how long since the last update). The markers are
// drawn in Defuse's own shadow root over the page, never inserted into the helpdesk's list.
import {assessWith, type EngineData} from '../../core/assess.ts';
import type {ListRow} from '../../core/helpdesks/adapter.ts';
import type {Level} from '../../core/model.ts';
import {findCuesWith, labelsOf} from '../../core/templates/cues.ts';
import {formatDuration, textLocale} from '../../core/format.ts';
import type {ListMark} from './overlay.tsx';

const escapeRegex = (value: string) => value.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The link in the list to a ticket, matched on its id as a whole path or hash segment. */
function linkFor(document_: Document, ticketId: string): HTMLAnchorElement | undefined {
	const id = ticketId.replace(/^#/, '');
	const boundary = new RegExp(`(^|[/=#-])${escapeRegex(id)}($|[/?#&])`);
	return [...document_.querySelectorAll<HTMLAnchorElement>('a[href]')].find(anchor => {
		try {
			const url = new URL(anchor.getAttribute('href') ?? '', document_.baseURI);
			return boundary.test(url.pathname) || boundary.test(url.hash);
		} catch {
			return false;
		}
	});
}

/** The list row showing a ticket: the row around a link to it, or around its "#id" label. */
export function rowElementFor(document_: Document, ticketId: string): Element | undefined {
	const id = ticketId.replace(/^#/, '');
	const link = linkFor(document_, id);
	const label = link
		? undefined
		: [...document_.querySelectorAll('td, [role="gridcell"], span, div')].find(
				element => element.childElementCount === 0 && element.textContent?.trim() === `#${id}`,
			);
	const anchor = link ?? label;
	return anchor ? (anchor.closest('tr, [role="row"], li, article') ?? anchor) : undefined;
}

/** Where the row's link to the ticket goes, when it stays on this helpdesk (http or https, same origin). */
export function ticketHref(document_: Document, ticketId: string): string | undefined {
	const link = linkFor(document_, ticketId);
	if (!link) {
		return undefined;
	}

	try {
		const url = new URL(link.getAttribute('href') ?? '', document_.baseURI);
		const page = new URL(document_.baseURI);
		return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === page.origin ? url.href : undefined;
	} catch {
		return undefined;
	}
}

export type PlacedMark = ListMark & {top: number; left: number; height: number};

/**
 * Where each marker goes, in viewport coordinates: inside its row, just after the ticket's link text
 * (or at the start of the row); rows scrolled out of view get none.
 */
export function placeMarks(document_: Document, marks: readonly ListMark[], viewportHeight: number): PlacedMark[] {
	const placed: PlacedMark[] = [];
	for (const mark of marks) {
		const row = rowElementFor(document_, mark.ticketId);
		const rect = row?.getBoundingClientRect();
		if (!row || !rect || rect.height === 0 || rect.bottom < 0 || rect.top > viewportHeight) {
			continue;
		}

		const height = Math.min(20, Math.max(14, rect.height - 8));
		const link = linkFor(document_, mark.ticketId);
		const text = link && row.contains(link) ? link.getBoundingClientRect() : undefined;
		const left = text && text.width > 0 ? text.right + 8 : rect.left + 4;
		placed.push({...mark, top: rect.top + (rect.height - height) / 2, left: Math.min(left, rect.right - 60), height});
	}

	return placed;
}

const dayMs = 24 * 3_600_000;

/**
 * What the list itself says about a row: risk phrases in the subject (the engine's phrase detection on
 * the subject alone), situation words (chargeback, not delivered, ...) and how long since its last update.
 * Undefined when nothing stands out.
 */
export function listRowMark(row: ListRow, now: number, engine: EngineData): Omit<ListMark, 'href'> | undefined {
	const reasons: string[] = [];
	let level: Level | undefined;
	const subject = row.subject?.trim() ?? '';
	if (subject !== '') {
		const assessment = assessWith({helpdesk: 'list', ticketId: row.ticketId, messages: [{role: 'customer', text: subject}]}, {now}, engine);
		for (const signal of assessment.signals.filter(item => item.id.startsWith('phrase.'))) {
			reasons.push(signal.label);
			level = 'watch';
		}

		if (assessment.level !== 'none') {
			level = assessment.level;
		}

		const labels = labelsOf(engine.cues ?? []);
		for (const [id, words] of findCuesWith(engine.cues ?? [], subject, '')) {
			if (
				['chargeback', 'non-delivery', 'billing', 'faulty', 'outage', 'data-request', 'harm', 'threat', 'renewal', 'cancel-firm'].includes(
					id,
				)
			) {
				reasons.push(`${labels[id] ?? id}: '${words}'`);
				level ??= 'watch';
			}
		}
	}

	const at = row.at ? Date.parse(row.at) : Number.NaN;
	if (!Number.isNaN(at) && now - at >= dayMs) {
		reasons.push(`no update for ${formatDuration(now - at, textLocale)}`);
		level ??= 'watch';
	}

	return reasons.length > 0 ? {ticketId: row.ticketId, subject: row.subject, level, reasons, source: 'list'} : undefined;
}
