// The dashboard as a static site: `vite build --config dashboard/vite.config.ts` writes dist/dashboard.
// Relative paths, so it works from any folder of any static host (and from /dashboard/ of npm start).
import {fileURLToPath} from 'node:url';
import preact from '@preact/preset-vite';
import {defineConfig} from 'vite';

const root = fileURLToPath(new URL('standalone/', import.meta.url));

export default defineConfig({
	root,
	base: './',
	publicDir: fileURLToPath(new URL('public/', import.meta.url)),
	plugins: [preact()],
	worker: {format: 'es'},
	build: {
		outDir: fileURLToPath(new URL('../dist/dashboard/', import.meta.url)),
		emptyOutDir: true,
		target: 'es2022',
		// Keep every byte of the bundles ASCII, as the extension build does.
		rolldownOptions: {output: {charset: 'ascii'}},
	},
});
