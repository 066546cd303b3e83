import {defineConfig} from 'vitest/config';

// End-to-end tests: a real Chromium loading the built demo extension (.output-demo/chrome-mv3).
// One file at a time: each launches its own browser, and the machine has two cores.
export default defineConfig({
	test: {
		include: ['test/e2e/**/*.e2e.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 60_000,
	},
});
