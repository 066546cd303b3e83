// The dashboard's metrics worker: sql.js (its wasm bundled with the page, never fetched from elsewhere)
// behind Comlink, holding this page's data sources. The page talks to it through client.ts.
import {expose} from 'comlink';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import {openDb} from '../../core/store/db.ts';
import {openImportCache} from '../../core/store/imports.ts';
import {openDatabase} from '../worker/load.ts';
import {createSession} from './session.ts';

// The extension page's worker reads the extension's store itself (same origin); the static site never
// asks it to, so no store is opened there. Both keep imported files in their origin's IndexedDB.
expose(
	createSession(
		async () => openDatabase({locateFile: () => wasmUrl}),
		{},
		{openStore: () => openDb(), openImports: () => openImportCache()},
	),
);
