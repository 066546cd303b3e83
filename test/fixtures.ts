import {readFileSync, readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

export const fixturesDir = fileURLToPath(new URL('fixtures/', import.meta.url));

export function fixtureHtml(adapter: string, file: string): string {
	return readFileSync(new URL(`fixtures/${adapter}/${file}`, import.meta.url), 'utf8');
}

/** A fresh Document per call, parsed from a committed fixture (needs a DOM environment such as happy-dom). */
export function loadFixture(adapter: string, file: string): Document {
	return new DOMParser().parseFromString(fixtureHtml(adapter, file), 'text/html');
}

export function fixtureFiles(adapter: string): string[] {
	return readdirSync(new URL(`fixtures/${adapter}/`, import.meta.url)).filter(name => name.endsWith('.html')).sort();
}

/** The URL a fixture stands for, from its `<!-- url: ... -->` header comment. */
export function fixtureUrl(adapter: string, file: string): URL {
	const match = /<!--[^>]*?\burl: (\S+)/.exec(fixtureHtml(adapter, file));
	if (!match?.[1]) {
		throw new Error(`fixture ${adapter}/${file} has no "url:" header comment`);
	}

	return new URL(match[1]);
}
