// The dashboard's metrics worker: sql.js (its wasm bundled with the page, never fetched from elsewhere)
// behind Comlink, holding this page's data sources. The page talks to it through client.ts.
import {expose} from 'comlink';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import {openDatabase} from './worker/load.ts';
import {createSession} from './session/session.ts';

expose(createSession(async () => openDatabase({locateFile: () => wasmUrl})));
