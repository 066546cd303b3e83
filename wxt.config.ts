import preact from '@preact/preset-vite';
import {defineConfig} from 'wxt';

// The test build also matches the loopback helpdesk pages the end-to-end tests serve.
const isTestBuild = process.env['DEFUSE_TEST_BUILD'] === '1';

export default defineConfig({
	imports: false,
	outDir: isTestBuild ? '.output-test' : '.output',
	manifest: ({browser}) => ({
		name: 'Defuse',
		description: 'Early escalation warnings inside your helpdesk. Everything stays on your machine.',
		permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab'],
		optional_host_permissions: ['https://*/*', 'http://*/*'],
		action: {default_title: 'Defuse'},
		content_security_policy: browser === 'firefox'
			? "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" as unknown as Record<string, string>
			: {
				extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
			},
		...(browser === 'firefox'
			? {
				browser_specific_settings: {
					gecko: {
						id: 'defuse@defuse.invalid',
						data_collection_permissions: {required: ['none']},
					},
				},
			}
			: {}),
	}),
	vite: () => ({
		plugins: [preact()],
		define: {
			'import.meta.env.DEFUSE_TEST_BUILD': JSON.stringify(isTestBuild),
		},
		build: {
			// Chromium rejects a whole extension whose files hold raw non-UTF-8-safe characters (U+FFFF).
			rolldownOptions: {output: {charset: 'ascii'}},
		},
	}),
	zip: {
		excludeSources: ['.output*/**', 'test/artifacts/**', 'test/bench/results.json', '**/*.log'],
	},
});
