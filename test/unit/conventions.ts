// The conventions every registered helpdesk keeps (in the spirit of refined-github's feature checks), as
// one function over a view of the project, so a test can hand it a view with one piece taken away and
// see that piece named. Each problem is one line: "<helpdesk>: what is missing or wrong".
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {AdapterParts, Helpdesk as RegisteredHelpdesk} from '../../core/helpdesks/adapter.ts';
import {customAdapter, validateCustomConfig} from '../../core/helpdesks/custom.ts';
import {adapters} from '../../core/helpdesks/index.ts';
import {helpdesks} from '../../core/helpdesks/registry.ts';
import {selectorCountsOf, type SelectorCounts} from '../fixtures.ts';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Ids as plain strings, so a test can register a helpdesk the registry's type does not know.
type Helpdesk = RegisteredHelpdesk<string>;
type Adapter = Helpdesk & AdapterParts;

/** What the checker looks at: the registry, the adapters, and the project's files by path from the repository root. */
export type Project = {
	helpdesks: readonly Helpdesk[];
	adapters: readonly Adapter[];
	/** A file's text, or undefined when it does not exist. */
	read(path: string): string | undefined;
	/** The file names in a folder ([] when there is no such folder). */
	list(folder: string): readonly string[];
	/** A fixture folder's selector-count table, or undefined when it has none. */
	counts(id: string): Promise<SelectorCounts | undefined>;
};

export function realProject(): Project {
	return {
		helpdesks,
		adapters,
		read: path => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined),
		list: folder => (existsSync(join(root, folder)) ? readdirSync(join(root, folder)).sort() : []),
		counts: async id => (existsSync(join(root, 'test/fixtures', id, 'counts.ts')) ? selectorCountsOf(id) : undefined),
	};
}

/** The same project with some files left out: for tests that take one piece away. */
export function without(project: Project, ...paths: string[]): Project {
	const gone = new Set(paths);
	return {
		...project,
		read: path => (gone.has(path) ? undefined : project.read(path)),
		list: folder => project.list(folder).filter(name => !gone.has(`${folder}/${name}`)),
		counts: async id => (gone.has(`test/fixtures/${id}/counts.ts`) ? undefined : project.counts(id)),
	};
}

/** The same project with one file's text changed. */
export function edited(project: Project, path: string, edit: (text: string) => string): Project {
	return {...project, read: candidate => (candidate === path ? edit(project.read(path) ?? '') : project.read(candidate))};
}

type UrlExamples = {ticket: string[]; list: string[]};

function urlExamplesIn(text: string | undefined): UrlExamples | undefined {
	if (text === undefined) {
		return undefined;
	}

	try {
		const parsed = JSON.parse(text) as Partial<UrlExamples>;
		const isUrls = (list: unknown): list is string[] =>
			Array.isArray(list) && list.length > 0 && list.every(url => typeof url === 'string' && URL.canParse(url));
		return isUrls(parsed.ticket) && isUrls(parsed.list) ? {ticket: parsed.ticket, list: parsed.list} : undefined;
	} catch {
		return undefined;
	}
}

/** The part of a source line after `//`, outside quotes; undefined when the line has no comment. */
export function commentOf(line: string): string | undefined {
	let quote: string | undefined;
	for (let index = 0; index < line.length; index++) {
		const char = line[index]!;
		if (quote) {
			if (char === '\\') {
				index++;
			} else if (char === quote) {
				quote = undefined;
			}
		} else if (char === "'" || char === '"' || char === '`') {
			quote = char;
		} else if (char === '/' && line[index + 1] === '/') {
			return line.slice(index + 2);
		}
	}

	return undefined;
}

// Kinds of evidence any adapter may cite without a legend entry (helpdesks.md §10's scheme): a section of
// helpdesks.md, the helpdesk's own source, its documentation, a third-party script, no source at all,
// the shape of its addresses, and (the demo only) the project's own demo helpdesk.
const generalEvidence = /^(?:§\d+|SRC|DOC|3P|UNVERIFIED|URL|OWN)$/;

/** Evidence tags (`[ck 2026-03]`, `[§10, UNVERIFIED]`) in a comment whose first word is a known source. */
function evidenceIn(comment: string | undefined, legend: ReadonlySet<string>): boolean {
	return [...(comment ?? '').matchAll(/\[([^\]]+)\]/g)].some(([, inside = '']) => {
		const first = inside.trim().split(/[\s,;:-]/)[0] ?? '';
		return generalEvidence.test(first) || legend.has(first);
	});
}

/**
 * Selectors in an adapter file's `selectors` object without evidence. A selector has evidence when its
 * own line's comment carries a tag, when a comment line above it in the same group (lines up to a blank
 * line) does, or when the file's header says `All selectors [tag] unless tagged`. Tags start with a
 * source key the header's legend declares (`//   [ck 2026-03] clockify/...`) or a general kind.
 */
export function untaggedSelectors(source: string): string[] | undefined {
	const lines = source.split('\n');
	const start = lines.findIndex(line => /^export const selectors = \{/.test(line));
	const end = lines.findIndex((line, index) => index > start && /^\}( as const)?;/.test(line));
	if (start < 0 || end < 0) {
		return undefined;
	}

	const header = lines.slice(0, start).filter(line => line.startsWith('//'));
	const legend = new Set(header.flatMap(line => [...line.matchAll(/\[([^\]\s,;:]+)/g)].map(([, key = '']) => key)));
	const fileDefault = header.some(line => /All selectors \[[^\]]+\][^.]*unless tagged/.test(line) && evidenceIn(line, legend));
	const untagged: string[] = [];
	let groupTagged = false;
	for (const line of lines.slice(start + 1, end)) {
		if (line.trim() === '') {
			groupTagged = false;
			continue;
		}

		const comment = commentOf(line);
		if (/^\s*\/\//.test(line)) {
			groupTagged ||= evidenceIn(comment, legend);
			continue;
		}

		const key = /^\s*['"]?([\w-]+)['"]?\s*:/.exec(line)?.[1];
		if (key && !fileDefault && !groupTagged && !evidenceIn(comment, legend)) {
			untagged.push(key);
		}
	}

	return untagged;
}

/** The URL a fixture page stands for and its label (`synthetic` or `scrubbed capture`), from its header comment. */
function headerOf(html: string): {url?: URL; label?: string} {
	const header = /^<!--([\s\S]*?)-->/.exec(html)?.[1] ?? '';
	const url = /\burl: (\S+)/.exec(header)?.[1];
	const label = /^\s*(synthetic|scrubbed capture) ·/.exec(header)?.[1];
	return {...(url && URL.canParse(url) ? {url: new URL(url)} : {}), ...(label ? {label} : {})};
}

function adapterForFixtures(project: Project, helpdesk: Helpdesk, registered: Adapter): Adapter | string {
	if (helpdesk.kind !== 'custom') {
		return registered;
	}

	const checked = validateCustomConfig(JSON.parse(project.read(`test/fixtures/${helpdesk.id}/config.json`) ?? '{}'));
	return checked.ok ? customAdapter(checked.config) : `test/fixtures/${helpdesk.id}/config.json is missing or invalid`;
}

async function fixtureProblems(project: Project, helpdesk: Helpdesk, adapter: Adapter): Promise<string[]> {
	const folder = `test/fixtures/${helpdesk.id}`;
	const pages = project.list(folder).filter(name => name.endsWith('.html'));
	if (pages.length === 0) {
		return [`no fixture pages in ${folder}/`];
	}

	const problems: string[] = [];
	const kinds = new Set<string>();
	for (const page of pages) {
		const {url, label} = headerOf(project.read(`${folder}/${page}`) ?? '');
		if (!label) {
			problems.push(`${folder}/${page} is not labelled "synthetic" or "scrubbed capture" in its header`);
		}

		if (!url) {
			problems.push(`${folder}/${page} has no "url:" in its header`);
		} else if (adapter.isTicketPage(url)) {
			kinds.add('ticket');
		} else if (adapter.isListPage(url)) {
			kinds.add('list');
		} else {
			problems.push(`${folder}/${page}: its url ${url.href} is neither a ticket nor a list page to the adapter`);
		}

		if (/long/.test(page)) {
			kinds.add('long');
		}
	}

	for (const kind of ['ticket', 'list', 'long'] as const) {
		if (!kinds.has(kind) && !(kind === 'long' && helpdesk.kind === 'demo')) {
			problems.push(`no ${kind === 'long' ? 'long-thread (*long*.html)' : `${kind} page`} fixture in ${folder}/`);
		}
	}

	const counts = await project.counts(helpdesk.id);
	if (!counts) {
		problems.push(`no selector counts (${folder}/counts.ts)`);
	} else {
		const missing = pages.filter(page => !counts[page]);
		if (missing.length > 0) {
			problems.push(`${folder}/counts.ts has no row for ${missing.join(', ')}`);
		}

		const stale = Object.keys(counts).filter(page => !pages.includes(page));
		if (stale.length > 0) {
			problems.push(`${folder}/counts.ts counts pages that do not exist: ${stale.join(', ')}`);
		}

		for (const [page, row] of Object.entries(counts)) {
			const uncounted = Object.keys(adapter.selectors).filter(name => typeof row[name] !== 'number');
			if (uncounted.length > 0) {
				problems.push(`${folder}/counts.ts, ${page}: no count for ${uncounted.join(', ')}`);
			}
		}
	}

	return problems;
}

function urlProblems(project: Project, helpdesk: Helpdesk, adapter: Adapter): string[] {
	if (helpdesk.kind !== 'helpdesk') {
		return []; // The demo runs on loopback and custom sites on whatever the user maps
	}

	const path = `test/fixtures/${helpdesk.id}/urls.json`;
	const mine = urlExamplesIn(project.read(path));
	if (!mine) {
		return [`no example URLs (${path}: {"ticket": [...], "list": [...]}, at least one each)`];
	}

	const problems = [
		...mine.ticket
			.filter(url => !adapter.isTicketPage(new URL(url)) || adapter.isListPage(new URL(url)))
			.map(url => `${path}: not recognised as its ticket page: ${url}`),
		...mine.list
			.filter(url => !adapter.isListPage(new URL(url)) || adapter.isTicketPage(new URL(url)))
			.map(url => `${path}: not recognised as its list page: ${url}`),
	];
	for (const other of project.helpdesks.filter(candidate => candidate.kind === 'helpdesk' && candidate.id !== helpdesk.id)) {
		const theirs = urlExamplesIn(project.read(`test/fixtures/${other.id}/urls.json`));
		for (const url of theirs ? [...theirs.ticket, ...theirs.list] : []) {
			if (adapter.isTicketPage(new URL(url)) || adapter.isListPage(new URL(url))) {
				problems.push(`does not reject ${other.id}'s URL ${url}`);
			}
		}
	}

	return problems;
}

function sourceProblems(project: Project, helpdesk: Helpdesk): string[] {
	const file = `core/helpdesks/${helpdesk.id}.ts`;
	const source = project.read(file);
	if (source === undefined) {
		return [`no adapter file ${file}`];
	}

	const problems: string[] = [];
	if (!/^export const helpdesk = defineHelpdesk\(\{\n\tid: '([\w-]+)'/m.exec(source)?.[1]?.includes(helpdesk.id)) {
		problems.push(`${file} does not export its descriptor as \`export const helpdesk = defineHelpdesk({id: '${helpdesk.id}', ...})\``);
	}

	if (project.read(`core/helpdesks/${helpdesk.id}.test.ts`) === undefined) {
		problems.push(`no unit test core/helpdesks/${helpdesk.id}.test.ts`);
	}

	if (helpdesk.kind !== 'custom') {
		// Custom selectors are the user's; the others name their evidence
		const untagged = untaggedSelectors(source);
		if (!untagged) {
			problems.push(`${file} has no \`export const selectors = {...}\` object`);
		} else if (untagged.length > 0) {
			problems.push(`${file}: selectors without an evidence tag: ${untagged.join(', ')}`);
		}
	}

	const script = project.read(`entrypoints/${helpdesk.id}.content.ts`);
	if (!script?.includes(`core/helpdesks/${helpdesk.id}.ts`)) {
		problems.push(`no content script entrypoints/${helpdesk.id}.content.ts loading its adapter`);
	}

	return problems;
}

/** A row of the README's helpdesk table: `| Name | \`id\` | ...`. */
function readmeProblems(project: Project, helpdesk: Helpdesk): string[] {
	const readme = project.read('README.md') ?? '';
	const row = readme.split('\n').find(line => line.startsWith('|') && line.includes(`| \`${helpdesk.id}\` |`));
	return row?.startsWith(`| ${helpdesk.name} |`)
		? []
		: [`no row \`| ${helpdesk.name} | \`${helpdesk.id}\` | ...\` in the README's helpdesk table`];
}

export async function conventionProblems(project: Project): Promise<string[]> {
	const problems: string[] = [];
	const ids = project.helpdesks.map(helpdesk => helpdesk.id);
	const adapterIds = project.adapters.map(adapter => adapter.id);
	if (ids.join() !== adapterIds.join()) {
		problems.push(`registry: core/helpdesks/index.ts lists ${adapterIds.join(', ')}; registry.ts lists ${ids.join(', ')}`);
	}

	for (const helpdesk of project.helpdesks) {
		const registered = project.adapters.find(adapter => adapter.id === helpdesk.id);
		const own: string[] = [];
		if (!registered) {
			own.push('no adapter in core/helpdesks/index.ts');
		} else {
			const descriptorKeys = ['name', 'kind', 'hosts', 'editors', 'ticketUrl'] as const;
			const differing = descriptorKeys.filter(key => registered[key] !== helpdesk[key] && helpdesk.kind !== 'custom');
			if (differing.length > 0) {
				own.push(`the adapter's ${differing.join(', ')} differ from its descriptor (build it with defineAdapter(helpdesk, ...))`);
			}

			const adapter = adapterForFixtures(project, helpdesk, registered);
			if (typeof adapter === 'string') {
				own.push(adapter);
			} else {
				own.push(...(await fixtureProblems(project, helpdesk, adapter)), ...urlProblems(project, helpdesk, adapter));
			}
		}

		own.push(...sourceProblems(project, helpdesk), ...readmeProblems(project, helpdesk));
		problems.push(...own.map(problem => `${helpdesk.id}: ${problem}`));
	}

	return problems;
}
