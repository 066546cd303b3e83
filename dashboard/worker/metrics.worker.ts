// The metrics web worker: sql.js behind Comlink. Client side:
// wrap<MetricsApi>(new Worker(new URL('./metrics.worker.ts', import.meta.url), {type: 'module'}))
import {expose} from 'comlink';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import {createMetricsApi} from './api.ts';
import {openDatabase} from './load.ts';

const api = createMetricsApi(async () => openDatabase({locateFile: () => wasmUrl}));
expose(api);
