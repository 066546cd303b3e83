// Node only (tests, CLI, benchmarks): sql.js with its wasm file resolved from node_modules, and the
// KPIs of a dataset or of facts in one call.
// Browser code passes the bundled wasm URL to openDatabase() in load.ts instead.
import {createRequire} from 'node:module';
import type {Database} from 'sql.js';
import type {Dataset} from '../../core/metrics/dataset.ts';
import type {Facts} from '../../core/metrics/facts.ts';
import type {KpiQuery, KpiRow} from '../../core/metrics/kpis.ts';
import type {LoadOptions} from './load.ts';
import {loadDataset, loadFacts, openDatabase} from './load.ts';
import {kpis} from './queries.ts';

const require = createRequire(import.meta.url);

export async function openNodeDatabase(data?: Uint8Array): Promise<Database> {
	const wasm = require.resolve('sql.js/dist/sql-wasm.wasm');
	return openDatabase({locateFile: () => wasm}, data);
}

/** The KPIs of a dataset by the production path (JavaScript derivation, fact tables, metric SQL). */
export async function kpisOfDataset(dataset: Dataset, query: KpiQuery = {}, options: LoadOptions = {}): Promise<KpiRow[]> {
	const db = await openNodeDatabase();
	try {
		loadDataset(db, dataset, options);
		return kpis(db, query);
	} finally {
		db.close();
	}
}

/** The KPIs of facts (a snapshot's, say) by the production path. */
export async function kpisOfFacts(facts: Facts, query: KpiQuery = {}, options: {timezone?: string | undefined} = {}): Promise<KpiRow[]> {
	const db = await openNodeDatabase();
	try {
		loadFacts(db, facts, options);
		return kpis(db, query);
	} finally {
		db.close();
	}
}
