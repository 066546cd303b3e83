import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixtureHtml(adapter: string, file: string): string {
	return readFileSync(join(fixturesDir, adapter, file), 'utf8');
}

/** A fresh Document per call, parsed from a committed fixture (needs a DOM environment such as happy-dom). */
export function loadFixture(adapter: string, file: string): Document {
	return new DOMParser().parseFromString(fixtureHtml(adapter, file), 'text/html');
}

export function fixtureFiles(adapter: string): string[] {
	return readdirSync(join(fixturesDir, adapter)).filter(name => name.endsWith('.html')).sort();
}

/** The URL a fixture stands for, from its `<!-- url: ... -->` header comment. */
export function fixtureUrl(adapter: string, file: string): URL {
	const match = /<!--[^>]*?\burl: (\S+)/.exec(fixtureHtml(adapter, file));
	if (!match?.[1]) {
		throw new Error(`fixture ${adapter}/${file} has no "url:" header comment`);
	}

	return new URL(match[1]);
}
