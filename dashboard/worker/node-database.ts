// Node only (tests, CLI, benchmarks): sql.js with its wasm file resolved from node_modules.
// Browser code passes the bundled wasm URL to openDatabase() in load.ts instead.
import {createRequire} from 'node:module';
import type {Database} from 'sql.js';
import {openDatabase} from './load.ts';

const require = createRequire(import.meta.url);

export async function openNodeDatabase(data?: Uint8Array): Promise<Database> {
	const wasm = require.resolve('sql.js/dist/sql-wasm.wasm');
	return openDatabase({locateFile: () => wasm}, data);
}
