import {defineConfig} from 'vitest/config';

// End-to-end tests in Firefox ESR: puppeteer-core over WebDriver BiDi loading the Firefox demo build
// (.output-demo/firefox-mv2). One file at a time, as in Chromium: each launches its own browser.
export default defineConfig({
	test: {
		include: ['test/e2e-firefox/**/*.e2e.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 90_000,
	},
});
