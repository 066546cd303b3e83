// A loopback web server for browser tests of the helpdesk adapters. It serves one helpdesk's saved
// fixture pages on their own 127.0.0.1 port, each at the path (and query) of its `url:` header comment,
// with stand-ins of the page's editor (test/e2e/stand-ins/) added as module scripts. It also serves the
// repository's TypeScript modules under core/ and test/e2e/stand-ins/, transpiled one file at a time
// (no bundling), so a page can import and run an adapter as it is.
import {existsSync, readFileSync} from 'node:fs';
import {createServer, type Server, type ServerResponse} from 'node:http';
import {dirname, join, normalize, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';
import {fixtureFiles, fixtureHtml, fixtureUrl} from '../fixtures.ts';
import {editorBundle, editorPrefix, editorTags, vendorFile, vendorPrefix, type RealEditor, type RealEditorMount} from './real-editors.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** URL prefix of the transpiled modules: `${origin}${modulePrefix}core/helpdesks/index.ts`. */
export const modulePrefix = '/__defuse-test/modules/';
/** An empty page on the server's origin, to import modules into before `page.setContent()`. */
export const blankPath = '/__defuse-test/blank';
// Only these folders are served as modules.
const moduleRoots = ['core', join('test', 'e2e', 'stand-ins')];

export type StandInEditor = 'ckeditor5' | 'redactor' | 'froala';

/** A stand-in of an editor's API, attached to every element matching `target` once the page has parsed. */
export type StandIn = {
	editor: StandInEditor;
	target: string;
	/** Which generation of the editor's API to expose, when there are several (Redactor: `$R` or the jQuery plugin). */
	api?: string;
};

export type FixtureServerOptions = {
	/** The helpdesk whose fixtures are served at their own paths (omit to serve modules only). */
	adapter?: string;
	standIns?: readonly StandIn[];
	/** Real editors from npm, mounted by the page itself (test/e2e/real-editors.ts). */
	realEditors?: readonly RealEditorMount[];
};

export type FixtureServer = {
	origin: string;
	/** The page address of a fixture on this server: its header URL's path, query and hash. */
	urlOf(file: string): string;
	/** Serve `file` at its path from now on (several fixtures of one helpdesk share a path). */
	use(file: string): void;
	/** Paths asked for that the server did not have, for diagnosis. */
	misses: string[];
	close(): Promise<void>;
};

/** Whether a page's request stays on the machine: the fixture server itself, the extension, in-page data. */
export function isLocal(url: string, origin: string): boolean {
	return url.startsWith(`${origin}/`) || !/^(https?|wss?):/.test(url);
}

const transpiled = new Map<string, string>();

function moduleSource(relative: string): string | undefined {
	const path = normalize(join(root, relative));
	const allowed = moduleRoots.some(folder => path.startsWith(join(root, folder) + sep));
	if (!allowed || !path.endsWith('.ts') || path.endsWith('.test.ts') || !existsSync(path)) {
		return undefined;
	}

	let output = transpiled.get(path);
	if (output === undefined) {
		// Type-only imports vanish; relative `.ts` imports stay and come back here.
		output = ts.transpileModule(readFileSync(path, 'utf8'), {
			compilerOptions: {target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true},
			fileName: path,
		}).outputText;
		transpiled.set(path, output);
	}

	return output;
}

function send(response: ServerResponse, status: number, body: string, type: string): void {
	response.writeHead(status, {'content-type': type, 'cache-control': 'no-store'});
	response.end(body);
}

function standInTags(standIns: readonly StandIn[]): string {
	return standIns
		.map(standIn => {
			const query = new URLSearchParams({target: standIn.target, ...(standIn.api ? {api: standIn.api} : {})});
			return `<script type="module" src="${modulePrefix}test/e2e/stand-ins/${standIn.editor}.ts?${query.toString().replaceAll('&', '&amp;')}"></script>`;
		})
		.join('\n');
}

/** The fixture's HTML with the stand-in (or real editor) scripts added at the end of its body. */
export function pageHtml(
	adapter: string,
	file: string,
	standIns: readonly StandIn[] = [],
	realEditors: readonly RealEditorMount[] = [],
): string {
	const html = fixtureHtml(adapter, file);
	const tags = `${standInTags(standIns)}\n${editorTags(realEditors.filter(mount => mount.file === undefined || mount.file === file))}`;
	const close = html.lastIndexOf('</body>');
	return close === -1 ? `${html}\n${tags}` : `${html.slice(0, close)}${tags}\n${html.slice(close)}`;
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
	const {adapter, standIns = [], realEditors = []} = options;
	const files = adapter ? fixtureFiles(adapter) : [];
	const keyOf = (url: URL) => `${url.pathname}${url.search}`;
	// Path and query -> fixture; the first file of a shared path answers until use() picks another.
	const byPath = new Map<string, string>();
	for (const file of files) {
		const key = keyOf(fixtureUrl(adapter!, file));
		if (!byPath.has(key)) {
			byPath.set(key, file);
		}
	}

	const misses: string[] = [];
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		if (request.method !== 'GET') {
			send(response, 405, 'GET only', 'text/plain');
			return;
		}

		if (url.pathname.startsWith(editorPrefix)) {
			const editor = url.pathname.slice(editorPrefix.length).replace(/\.js$/, '') as RealEditor;
			if (realEditors.some(mount => mount.editor === editor)) {
				void editorBundle(editor).then(
					bundle => send(response, 200, bundle, 'text/javascript; charset=utf-8'),
					(error: unknown) => send(response, 500, String(error), 'text/plain'),
				);
				return;
			}
		}

		if (url.pathname.startsWith(vendorPrefix)) {
			const file = vendorFile(decodeURIComponent(url.pathname.slice(vendorPrefix.length)));
			if (file) {
				response.writeHead(200, {'content-type': file.type, 'cache-control': 'no-store'});
				response.end(file.body);
				return;
			}
		}

		if (url.pathname.startsWith(modulePrefix)) {
			const source = moduleSource(decodeURIComponent(url.pathname.slice(modulePrefix.length)));
			if (source !== undefined) {
				send(response, 200, source, 'text/javascript; charset=utf-8');
				return;
			}
		}

		if (url.pathname === blankPath) {
			send(
				response,
				200,
				'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixtures</title></head><body></body></html>',
				'text/html; charset=utf-8',
			);
			return;
		}

		const file = byPath.get(keyOf(url));
		if (adapter && file) {
			send(response, 200, pageHtml(adapter, file, standIns, realEditors), 'text/html; charset=utf-8');
			return;
		}

		misses.push(keyOf(url));
		send(response, 404, '', 'text/plain');
	});
	await new Promise<void>((resolve_, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve_());
	});
	const address = server.address();
	const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

	return {
		origin,
		misses,
		urlOf(file) {
			const url = fixtureUrl(adapter ?? '', file);
			return `${origin}${url.pathname}${url.search}${url.hash}`;
		},
		use(file) {
			if (!adapter || !files.includes(file)) {
				throw new Error(`no fixture ${adapter ?? '(none)'}/${file}`);
			}

			byPath.set(keyOf(fixtureUrl(adapter, file)), file);
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>(resolve_ => server.close(() => resolve_()));
		},
	};
}

/** The invented in-house "Helpline" helpdesk of the custom-adapter fixtures, on a loopback address (127.0.0.2) the demo build does not match. */
export async function startHelpline(): Promise<{server: Server; origin: string}> {
	const page = fixtureHtml('custom', 'ticket-open.html');
	const server = createServer((request, response) => {
		const found = request.url === '/cases/HL-2041';
		response.writeHead(found ? 200 : 404, {'content-type': 'text/html; charset=utf-8'});
		response.end(found ? page : '<!doctype html><title>Not found</title>');
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.2', () => resolve());
	});
	const address = server.address();
	return {server, origin: `http://127.0.0.2:${typeof address === 'object' && address ? address.port : 0}`};
}
