// The linter is what keeps core/ runtime-neutral and content scripts away from the store; check that
// its rules really fire on code that crosses a boundary, and stay quiet on code that does not.
import {ESLint} from 'eslint';
import {describe, expect, test} from 'vitest';

const eslint = new ESLint({cwd: process.cwd()});

async function ruleIds(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, {filePath});
	return (result?.messages ?? []).map(message => message.ruleId ?? message.message);
}

describe('core/ stays runtime-neutral', () => {
	test.each([
		['global document', 'export const title = document.title;\n'],
		['global window', 'export const width = window.innerWidth;\n'],
		['chrome APIs', 'export const id = chrome.runtime.id;\n'],
		['browser APIs', 'export const id = browser.runtime.id;\n'],
	])('%s is refused', async (_name, code) => {
		expect(await ruleIds(code, 'core/example.ts')).toContain('no-restricted-globals');
	});

	test.each([
		['WXT', "import {browser} from '#imports';\nexport const x = browser;\n"],
		['Preact', "import {render} from 'preact';\nexport const x = render;\n"],
		['Dexie outside core/store', "import {Dexie} from 'dexie';\nexport const x = Dexie;\n"],
		['the dashboard', "import {App} from '../dashboard/app.tsx';\nexport const x = App;\n"],
	])('importing %s is refused', async (_name, code) => {
		expect(await ruleIds(code, 'core/example.ts')).toContain('no-restricted-imports');
	});

	test('core/store may import Dexie', async () => {
		expect(await ruleIds("import {Dexie} from 'dexie';\nexport const x = Dexie;\n", 'core/store/example.ts')).toEqual([]);
	});

	test('plain core code passes', async () => {
		expect(await ruleIds('export function add(a: number, b: number): number {\n\treturn a + b;\n}\n', 'core/example.ts')).toEqual([]);
	});
});

test('the helpdesk content script may not import the store', async () => {
	expect(
		await ruleIds("import {openDb} from '../../core/store/db.ts';\nexport const x = openDb;\n", 'entrypoints/helpdesk.content/example.ts'),
	).toContain('no-restricted-imports');
});

test("the helpdesk content script may not load the extension pages' settings store (the schema stays out of the page)", async () => {
	expect(
		await ruleIds(
			"import {loadSettings} from '../shared/settings-store.ts';\nexport const x = loadSettings;\n",
			'entrypoints/helpdesk.content/example.ts',
		),
	).toContain('no-restricted-imports');
});

test("the dashboard may not import the extension's browser-side code (it also runs as a plain site)", async () => {
	expect(
		await ruleIds(
			"import {loadSettings} from '../../entrypoints/shared/settings-store.ts';\nexport const x = loadSettings;\n",
			'dashboard/components/example.ts',
		),
	).toContain('no-restricted-imports');
});
