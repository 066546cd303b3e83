import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import preact from '@preact/preset-vite';
import type {Plugin} from 'vite';
import {defineConfig} from 'wxt';
import {encodeWordScores} from './core/word-list-codec.ts';

// The demo build (npm start, end-to-end tests) also runs on the loopback demo helpdesk and fixture
// pages. The shipped build never matches loopback.
const isDemoBuild = process.env['DEFUSE_DEMO'] === '1';
const loopback = ['http://127.0.0.1/*', 'http://localhost/*'];
// A public key only, so the unpacked demo build always gets the same id and `npm start` can print the
// dashboard's address: chrome-extension://fhbjhdhledfeemcobknfjepfoclickfo/dashboard.html
export const demoExtensionKey =
	'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAx2bX5/aQkLBTB3dqIDnH+nA9WKcOMKL8ssVkwXJ+utidCqJBM7pK/X78SzXV/ZVLsY7NNRCiGgfHeQ10R2Gif8jZOW9WsnqYsO1FBN769fAUf0RnGxjuK+Ymzo2uVBvBuN6ZuFQZWnGKYpl5DbC+1t4KF4fJ+lXJBagumW3Wol9CRN38YXXOUvQghg2UDaYHxjeYze04ml4MM79JPQA7HUmQiHH/BqnfO30ddq4xug0iMskJGSzh8oJ+Pn7pQwDBwn2JZBx6LGIJqBHt0ThFyNlR8uQX+mKt90iv02/WGZpDlG9kM4Maqy/eVTswICs1tQv+WEtrupt7HvA3GldqOQIDAQAB';

/**
 * The tone lexicon's word lists ship in their compact text form (core/word-list-codec.ts) instead of
 * JSON: the same words and scores, decoded once when a script starts, a third smaller compressed.
 * Tests and the command line read the JSON itself.
 */
function compactWordLists(): Plugin {
	// Module id -> the JSON word list it stands for; core/tone.ts takes AFINN through the package's
	// index ({labels}), which Node can load, and gets the list alone here.
	const lists = new Map<string, {json: string; key?: string}>([
		['sentiment/languages/en/index.js', {json: 'sentiment/languages/en/labels.json', key: 'labels'}],
		['sentiment/languages/en/labels.json', {json: 'sentiment/languages/en/labels.json'}],
		['sentiment/build/emoji.json', {json: 'sentiment/build/emoji.json'}],
	]);
	const prefix = '\0defuse-word-list:';
	const codec = fileURLToPath(new URL('core/word-list-codec.ts', import.meta.url));
	const resolve = createRequire(import.meta.url).resolve;
	return {
		name: 'defuse:compact-word-lists',
		enforce: 'pre',
		// The module's id must not end in .json, or Vite's JSON plugin takes it.
		resolveId: source => (lists.has(source) ? `${prefix}${source}.js` : undefined),
		load(id) {
			if (!id.startsWith(prefix)) {
				return undefined;
			}

			const list = lists.get(id.slice(prefix.length, -'.js'.length))!;
			const scores = JSON.parse(readFileSync(resolve(list.json), 'utf8')) as Record<string, number>;
			// Marked pure: a script that never reads the list (a helpdesk page's) leaves it out.
			const decoded = `/* @__PURE__ */ decodeWordScores(${JSON.stringify(encodeWordScores(scores))})`;
			return `import {decodeWordScores} from ${JSON.stringify(codec)};\nexport default ${list.key ? `{${list.key}: ${decoded}}` : decoded};\n`;
		},
	};
}

export const extensionPagesCsp =
	"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none';";

export default defineConfig({
	imports: false,
	outDir: isDemoBuild ? '.output-demo' : '.output',
	// Icons and other static files live beside the dashboard, which also ships as a static site.
	publicDir: 'dashboard/public',
	manifest: ({browser}) => ({
		name: 'Defuse',
		description: 'Early escalation warnings inside your helpdesk. Everything stays on your machine.',
		permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab'],
		// Custom domains (self-hosted helpdesks) are granted one by one from the options page.
		...(browser === 'firefox'
			? {optional_permissions: ['https://*/*', 'http://*/*']}
			: {optional_host_permissions: ['https://*/*', 'http://*/*']}),
		action: {default_title: 'Defuse', default_icon: {16: 'icon/16.png', 32: 'icon/32.png'}},
		icons: {16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png'},
		// Extension pages load and connect to nothing but their own files (sql.js compiles its bundled wasm).
		content_security_policy:
			browser === 'firefox'
				? (extensionPagesCsp as unknown as Record<string, string>)
				: {
						extension_pages: extensionPagesCsp,
					},
		...(isDemoBuild && browser !== 'firefox' ? {key: demoExtensionKey} : {}),
		...(browser === 'firefox'
			? {
					browser_specific_settings: {
						gecko: {
							id: 'defuse@defuse.invalid',
							// Main-world content scripts (the editor bridge) need Firefox 128.
							strict_min_version: '128.0',
							data_collection_permissions: {required: ['none']},
						},
					},
				}
			: {}),
	}),
	vite: () => ({
		plugins: [preact(), compactWordLists()],
		// Test hooks (an open shadow root for the browser tests) exist in the demo build only.
		define: {__DEFUSE_DEMO__: JSON.stringify(isDemoBuild)},
		build: {
			// Chromium rejects a whole extension whose files hold raw non-UTF-8-safe characters (U+FFFF).
			rolldownOptions: {output: {charset: 'ascii'}},
		},
	}),
	hooks: {
		'entrypoints:resolved'(_wxt, entrypoints) {
			// The loopback demo helpdesk's script exists in the demo build only.
			if (!isDemoBuild) {
				const demo = entrypoints.findIndex(entrypoint => entrypoint.name === 'demo' && entrypoint.type === 'content-script');
				if (demo !== -1) {
					entrypoints.splice(demo, 1);
				}
			}
		},
		'build:manifestGenerated'(_wxt, manifest) {
			// The main-world editor bridge runs wherever a helpdesk's own script runs (each helpdesk has its
			// own: entrypoints/<id>.content.ts).
			const scripts = manifest.content_scripts ?? [];
			const helpdeskMatches = scripts
				.filter(script => !script.js?.includes('content-scripts/editor-bridge.js'))
				.flatMap(script => script.matches ?? []);
			for (const script of scripts) {
				if (script.js?.includes('content-scripts/editor-bridge.js')) {
					script.matches = [...new Set(helpdeskMatches)].sort();
				}
			}

			// The overlay's stylesheet is fetched by the content script from the page's origin, which may be
			// any custom domain the user adds later. Its URL changes every session (use_dynamic_url), so pages
			// cannot use it to tell that Defuse is installed.
			for (const resource of manifest.web_accessible_resources ?? []) {
				if (typeof resource === 'object' && 'matches' in resource) {
					resource.matches = ['https://*/*', 'http://*/*'];
				}
			}

			// The demo build may also register a helpdesk's script for a loopback page the options map to that
			// helpdesk (the fixtures of every adapter are served on loopback ports in the browser tests).
			if (isDemoBuild) {
				if (manifest.manifest_version === 3) {
					manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...loopback])];
				} else {
					manifest.permissions = [...new Set([...(manifest.permissions ?? []), ...loopback])];
				}
			}
		},
	},
	zip: {
		excludeSources: ['.output*/**', 'test/artifacts/**', 'test/bench/results.json', '**/*.log'],
	},
});
