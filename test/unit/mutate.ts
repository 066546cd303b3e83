// Random damage for fixture pages: the robustness tests feed mutated copies to readTicket/readList
// and check that nothing throws and only plain strings come out. Seeded, so a failure can be replayed.
import type {ListRow} from '../../core/helpdesks/adapter.ts';
import type {TicketSnapshot} from '../../core/model.ts';
import {seededRandom} from '../../core/random.ts';

export {seededRandom} from '../../core/random.ts';

// Text that would run if anyone turned it into HTML; it must come out as inert text.
export const hostileTexts = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'javascript:alert(1)',
	'{{constructor.constructor("alert(1)")()}}',
	'\u202E\u0000\uFFFF\uD800 odd code units',
	'<!-- --><style>*{display:none}</style>',
];

const oddAttributes: Array<[string, string]> = [
	['class', 'is-internal customer agent system active'],
	['data-id', '"><script>alert(1)</script>'],
	['datetime', 'not a date'],
	['datetime', '9999-99-99T99:99:99Z'],
	['title', 'Feb 31, 2026 25:61'],
	['contenteditable', 'true'],
	['hidden', ''],
	['id', 'thread-'],
	['data-message-id', 'NaN'],
	['value', '-1'],
	['aria-label', hostileTexts[0]!],
];

function pick<T>(items: readonly T[], random: () => number): T {
	return items[Math.floor(random() * items.length)]!;
}

/** One random change to `doc`; returns what it did (for failure messages). */
export function mutateOnce(doc: Document, random: () => number): string {
	const elements = [...(doc.body?.querySelectorAll('*') ?? [])];
	if (elements.length === 0) {
		doc.body?.append(doc.createTextNode(pick(hostileTexts, random)));
		return 'empty body: added text';
	}

	const target = pick(elements, random);
	const kind = Math.floor(random() * 8);
	switch (kind) {
		case 0: {
			target.remove();
			return `removed <${target.tagName.toLowerCase()}>`;
		}

		case 1: {
			const children = [...target.children];
			for (let index = children.length - 1; index > 0; index--) {
				const other = Math.floor(random() * (index + 1));
				[children[index], children[other]] = [children[other]!, children[index]!];
			}

			target.replaceChildren(...children);
			return `shuffled children of <${target.tagName.toLowerCase()}>`;
		}

		case 2: {
			const [name, value] = pick(oddAttributes, random);
			target.setAttribute(name, value);
			return `set ${name}="${value}"`;
		}

		case 3: {
			target.append(doc.createTextNode('x'.repeat(50_000 + Math.floor(random() * 50_000))));
			return 'huge text';
		}

		case 4: {
			target.append(doc.createTextNode(pick(hostileTexts, random)));
			return 'script-looking text';
		}

		case 5: {
			const other = pick(elements, random);
			if (!other.contains(target)) {
				other.append(target.cloneNode(true));
			}

			return 'duplicated a node elsewhere';
		}

		case 6: {
			target.textContent = '';
			return 'emptied a node';
		}

		default: {
			for (const name of target.getAttributeNames()) {
				target.removeAttribute(name);
			}

			return 'stripped attributes';
		}
	}
}

/** Applies `count` random mutations. */
export function mutate(doc: Document, random: () => number, count: number): string[] {
	const log: string[] = [];
	for (let index = 0; index < count; index++) {
		log.push(mutateOnce(doc, random));
	}

	return log;
}

function isOptionalString(value: unknown): boolean {
	return value === undefined || typeof value === 'string';
}

/** Problems with a snapshot's shape: every field plain data of the documented type. Empty = fine. */
export function snapshotProblems(snapshot: TicketSnapshot | undefined): string[] {
	if (snapshot === undefined) {
		return [];
	}

	const problems: string[] = [];
	if (typeof snapshot.helpdesk !== 'string' || typeof snapshot.ticketId !== 'string') {
		problems.push('helpdesk/ticketId not strings');
	}

	for (const key of ['url', 'subject', 'status', 'priority', 'assignee', 'group', 'createdAt'] as const) {
		if (!isOptionalString(snapshot[key])) {
			problems.push(`${key} is not a string`);
		}
	}

	if (snapshot.requester && !['id', 'name', 'email'].every(key => isOptionalString(snapshot.requester?.[key as 'id']))) {
		problems.push('requester has non-string fields');
	}

	if (snapshot.tags && !snapshot.tags.every(tag => typeof tag === 'string')) {
		problems.push('tags not strings');
	}

	if (!Array.isArray(snapshot.messages)) {
		problems.push('messages is not an array');
		return problems;
	}

	for (const [index, message] of snapshot.messages.entries()) {
		if (!['customer', 'agent', 'system', 'unknown'].includes(message.role)) {
			problems.push(`message ${index}: role ${String(message.role)}`);
		}

		if (
			typeof message.text !== 'string' ||
			!isOptionalString(message.author) ||
			!isOptionalString(message.at) ||
			!isOptionalString(message.id)
		) {
			problems.push(`message ${index}: non-string field`);
		}

		if (message.at !== undefined && Number.isNaN(Date.parse(message.at))) {
			problems.push(`message ${index}: at is not a date`);
		}

		if (message.internal !== undefined && typeof message.internal !== 'boolean') {
			problems.push(`message ${index}: internal not boolean`);
		}
	}

	try {
		JSON.stringify(snapshot);
	} catch {
		problems.push('not JSON-serialisable');
	}

	return problems;
}

export function listProblems(rows: ListRow[]): string[] {
	if (!Array.isArray(rows)) {
		return ['rows is not an array'];
	}

	return rows.flatMap((row, index) =>
		typeof row.ticketId === 'string' && [row.subject, row.requester, row.at].every(isOptionalString)
			? []
			: [`row ${index}: non-string field`],
	);
}

export type RobustnessCase = {
	/** The pristine page; fresh deep clones of it are mutated. */
	page: Document;
	/** Reads a mutated state and returns the problems found (thrown errors are caught and reported). */
	read: (copy: Document) => string[];
	/** How many mutated states are read in all. */
	states?: number | undefined;
	/** Older name of `states`. */
	copies?: number | undefined;
	seed: number;
	/**
	 * Mutations pile up on one clone for this many states before a fresh clone is taken: cloning a
	 * page in happy-dom costs far more than reading it. @default 20
	 */
	chain?: number;
};

/** Reads `states` randomly mutated states of `page`; returns one line per failing state (empty = robust). */
export function robustnessFailures({page, read, states: wanted, copies, seed, chain = 20}: RobustnessCase): string[] {
	const states = wanted ?? copies ?? 0;
	const random = seededRandom(seed);
	const failures: string[] = [];
	let copy = page;
	let log: string[] = [];
	for (let index = 0; index < states; index++) {
		if (index % chain === 0) {
			copy = page.cloneNode(true) as Document;
			log = [];
		}

		log.push(...mutate(copy, random, 1 + Math.floor(random() * 2)));
		try {
			const problems = read(copy);
			if (problems.length > 0) {
				failures.push(`state ${index} (${log.join('; ')}): ${problems.join(', ')}`);
			}
		} catch (error) {
			failures.push(`state ${index} (${log.join('; ')}): threw ${String(error)}`);
		}
	}

	return failures;
}
