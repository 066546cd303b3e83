import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixtureHtml(adapter: string, file: string): string {
	return readFileSync(join(fixturesDir, adapter, file), 'utf8');
}

/**
 * Turns declarative shadow roots (`<template shadowrootmode="open">`, as a browser's parser does on
 * page load) into attached shadow roots, for parsers that leave them as templates (DOMParser, happy-dom).
 */
export function attachDeclarativeShadowRoots(scope: ParentNode): void {
	for (const template of scope.querySelectorAll('template[shadowrootmode]')) {
		const host = template.parentElement;
		if (!host || host.shadowRoot) {
			continue;
		}

		const shadow = host.attachShadow({mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open'});
		shadow.append((template as HTMLTemplateElement).content.cloneNode(true));
		template.remove();
		attachDeclarativeShadowRoots(shadow);
	}
}

/** A fresh Document per call, parsed from a committed fixture (needs a DOM environment such as happy-dom). */
export function loadFixture(adapter: string, file: string): Document {
	const document = new DOMParser().parseFromString(fixtureHtml(adapter, file), 'text/html');
	attachDeclarativeShadowRoots(document);
	return document;
}

export function fixtureFiles(adapter: string): string[] {
	return readdirSync(join(fixturesDir, adapter))
		.filter(name => name.endsWith('.html'))
		.sort();
}

/** The URL a fixture stands for, from its `<!-- url: ... -->` header comment. */
export function fixtureUrl(adapter: string, file: string): URL {
	const match = /<!--[^>]*?\burl: (\S+)/.exec(fixtureHtml(adapter, file));
	if (!match?.[1]) {
		throw new Error(`fixture ${adapter}/${file} has no "url:" header comment`);
	}

	return new URL(match[1]);
}

/** A helpdesk's example addresses (`urls.json` in its fixture folder): its ticket and list pages. */
export type UrlExamples = {
	ticket: readonly string[];
	list: readonly string[];
};

function isUrlExamples(value: unknown): value is UrlExamples {
	const isUrls = (list: unknown) => Array.isArray(list) && list.every(url => typeof url === 'string' && URL.canParse(url));
	return typeof value === 'object' && value !== null && isUrls((value as UrlExamples).ticket) && isUrls((value as UrlExamples).list);
}

/**
 * Example URLs of every fixture folder that has a `urls.json`, by folder (= helpdesk id): each URL detector
 * must accept its own ticket and list URLs and reject everyone else's (github-url-detection style).
 */
export function exampleUrls(): Readonly<Record<string, UrlExamples>> {
	const found: Record<string, UrlExamples> = {};
	for (const folder of readdirSync(fixturesDir, {withFileTypes: true})
		.filter(entry => entry.isDirectory())
		.map(entry => entry.name)
		.sort()) {
		const file = join(fixturesDir, folder, 'urls.json');
		if (!existsSync(file)) {
			continue;
		}

		const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
		if (!isUrlExamples(parsed)) {
			throw new Error(`${folder}/urls.json must be {"ticket": [urls], "list": [urls]}`);
		}

		found[folder] = parsed;
	}

	return found;
}

export type SelectorCounts = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** A fixture folder's selector-count table (`counts.ts`: how many nodes each selector finds per fixture page). */
export async function selectorCountsOf(folder: string): Promise<SelectorCounts> {
	const module = (await import(pathToFileURL(join(fixturesDir, folder, 'counts.ts')).href)) as {selectorCounts?: SelectorCounts};
	if (!module.selectorCounts) {
		throw new Error(`${folder}/counts.ts exports no selectorCounts`);
	}

	return module.selectorCounts;
}
