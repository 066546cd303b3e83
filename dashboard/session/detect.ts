// Which importer a file needs, from its name and the start of its text (the header row).
import {normalizeHeader} from '../../core/import/common.ts';

export type ImportKind = 'zendesk' | 'freshdesk' | 'survey' | 'snapshot';
export const importKinds: readonly ImportKind[] = ['zendesk', 'freshdesk', 'survey', 'snapshot'];
export const importKindLabels: Readonly<Record<ImportKind, string>> = {
	zendesk: 'Zendesk ticket export (CSV)',
	freshdesk: 'Freshdesk ticket export (CSV)',
	survey: 'Survey responses: CSAT, NPS or CES (CSV)',
	snapshot: 'Defuse snapshot (JSON)',
};

/** The first line of a CSV, split on commas outside quotes (enough to read a header). */
function headerCells(text: string): string[] {
	const cells: string[] = [];
	let current = '';
	let quoted = false;
	for (const character of text.replace(/^\uFEFF/, '')) {
		if (character === '"') {
			quoted = !quoted;
		} else if (!quoted && (character === ',' || character === ';' || character === '\t')) {
			cells.push(current);
			current = '';
		} else if (!quoted && (character === '\n' || character === '\r')) {
			break;
		} else {
			current += character;
		}
	}

	cells.push(current);
	return cells.map(cell => normalizeHeader(cell));
}

/** The likely kind of a file; undefined when nothing fits (the person then chooses). */
export function detectImportKind(name: string, start: string): ImportKind | undefined {
	const trimmed = start.trimStart();
	if (/\.json$/i.test(name) || trimmed.startsWith('{')) {
		return 'snapshot';
	}

	const header = new Set(headerCells(start));
	const has = (...names: string[]) => names.some(headerName => header.has(normalizeHeader(headerName)));
	if (has('Score', 'Rating', 'Value', 'Answer') && !has('Subject', 'Status')) {
		return 'survey';
	}

	if (has('Via', 'Requester', 'First reply time in minutes', 'Full resolution time in minutes')) {
		return 'zendesk';
	}

	if (has('Created time', 'Resolved time', 'Ticket ID', 'Agent interactions', 'Source')) {
		return 'freshdesk';
	}

	return undefined;
}
