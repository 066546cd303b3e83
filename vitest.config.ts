import preact from '@preact/preset-vite';
import {defineConfig} from 'vitest/config';
import {WxtVitest} from 'wxt/testing/vitest-plugin';

export default defineConfig({
	plugins: [WxtVitest(), preact()],
	test: {
		include: [
			'core/**/*.test.{ts,tsx}',
			'dashboard/**/*.test.{ts,tsx}',
			'entrypoints/**/*.test.{ts,tsx}',
			'test/unit/**/*.test.{ts,tsx}',
			'test/cross-check/**/*.test.{ts,tsx}',
		],
		environment: 'node',
		setupFiles: ['test/unit/clock-ahead.ts'],
		testTimeout: 20_000,
		// Set-up hooks load whole datasets into sql.js; on a busy two-core machine that outlasts 10 s.
		hookTimeout: 60_000,
	},
});
