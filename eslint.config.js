// One linter, run by `npm test`. The boundary rules keep core/ runtime-neutral:
// no extension APIs, no global DOM, no UI or worker libraries, Dexie only in core/store.
import tseslint from 'typescript-eslint';

const domGlobals = [
	'document',
	'window',
	'location',
	'navigator',
	'chrome',
	'browser',
	'localStorage',
	'sessionStorage',
	'indexedDB',
	'history',
].map(name => ({
	name,
	message: 'core/ is runtime-neutral: take what you need as a parameter (adapters read the root they are given).',
}));

const uiImports = [
	// '#imports' is a path, not a pattern: in pattern syntax '#' starts a comment.
	{group: ['wxt', 'wxt/*', '@wxt-dev/*', 'webextension-polyfill'], message: 'No extension APIs in core/.'},
	{group: ['preact', 'preact/*', '@preact/*', 'comlink', 'uplot'], message: 'core/ has no UI or worker code.'},
	{group: ['**/entrypoints/**', '**/dashboard/**'], message: 'Dependencies point one way: entrypoints -> dashboard -> core.'},
];

// Cross-checks, fixtures and benchmarks live under test/: production code never imports from there,
// and no test beside the code runs a cross-check (those tests live in test/cross-check/ too).
const testImports = {group: ['**/test/**'], message: 'Production code never imports from test/.'};
const crossCheckImports = {
	group: ['**/test/cross-check/**'],
	message: 'The cross-checks (SQL derivation, JavaScript KPIs) are used only by the tests and benchmarks under test/.',
};

const extensionPaths = [{name: '#imports', message: 'No extension APIs in core/.'}];

export default tseslint.config(
	{ignores: ['node_modules/', '.output/', '.output-demo/', '.wxt/', 'dist/', 'test/artifacts/']},
	...tseslint.configs.recommended,
	{
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'@typescript-eslint/consistent-type-imports': 'error',
			'no-restricted-syntax': ['error', {selector: 'TSEnumDeclaration', message: 'Use string-literal unions, not enums.'}],
			eqeqeq: ['error', 'smart'],
			'no-eval': 'error',
			'no-implied-eval': 'error',
		},
	},
	{
		files: ['core/**/*.{ts,tsx}', 'dashboard/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
		rules: {
			'no-restricted-imports': ['error', {patterns: [crossCheckImports]}],
		},
	},
	{
		files: ['core/**/*.ts'],
		ignores: ['core/**/*.test.ts'],
		rules: {
			'no-restricted-globals': ['error', ...domGlobals],
			'no-restricted-imports': [
				'error',
				{
					paths: extensionPaths,
					patterns: [
						...uiImports,
						{group: ['dexie', 'dexie/*'], message: 'Only core/store may import Dexie.'},
						{group: ['sql.js'], message: 'sql.js lives in dashboard/ (metrics worker).'},
						testImports,
					],
				},
			],
		},
	},
	{
		files: ['core/store/**/*.ts'],
		ignores: ['core/**/*.test.ts'],
		rules: {
			'no-restricted-imports': ['error', {paths: extensionPaths, patterns: [...uiImports, testImports]}],
		},
	},
	{
		// Content scripts send messages; the store, Dexie and sql.js never enter the page.
		files: ['entrypoints/helpdesk.content/**', 'entrypoints/*.content.*', 'entrypoints/*-bridge.*'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['dexie', 'dexie/*', 'sql.js', 'uplot', '**/core/store/**', '**/dashboard/**'],
							message: 'Content scripts never open IndexedDB or load the dashboard.',
						},
						// The schemas stay out of the page's script (size budget): the background checks what comes in.
						{
							group: ['valibot', '**/core/settings-schema*', '**/core/schema*', '**/core/messages*', '**/background/**', '**/shared/**'],
							allowTypeImports: true,
							message: 'Helpdesk pages get settings validated from the background; no valibot in content scripts.',
						},
						crossCheckImports,
					],
				},
			],
		},
	},
	{
		// Entry points and the dashboard's session are wiring around pure modules: long functions there
		// grow back into the one-function sessions they were split from.
		files: ['entrypoints/**/*.{ts,tsx}', 'dashboard/session/**/*.ts'],
		ignores: ['**/*.test.{ts,tsx}'],
		rules: {
			'max-lines-per-function': ['error', {max: 80, skipBlankLines: true, skipComments: true}],
		},
	},
	{
		files: ['dashboard/**/*.{ts,tsx}'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/entrypoints/**'],
							message:
								'Dependencies point one way: entrypoints -> dashboard -> core (the dashboard also runs as a plain site, without extension APIs).',
						},
						crossCheckImports,
					],
				},
			],
		},
	},
	{
		files: ['dashboard/**/*.{ts,tsx}'],
		ignores: ['dashboard/**/*.test.{ts,tsx}'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/entrypoints/**'],
							message:
								'Dependencies point one way: entrypoints -> dashboard -> core (the dashboard also runs as a plain site, without extension APIs).',
						},
						testImports,
					],
				},
			],
		},
	},
);
