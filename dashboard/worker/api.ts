// The metrics worker's API as one object (the worker exposes it through Comlink; tests call it directly).
import type {Database} from 'sql.js';
import type {Dataset} from '../../core/metrics/dataset.ts';
import {validateDataset} from '../../core/metrics/schema.ts';
import type {KpiQuery} from '../../core/metrics/kpis.ts';
import type {SpikeOptions} from '../../core/metrics/spikes.ts';
import {mergeSnapshots} from '../../core/snapshot/merge.ts';
import {factsOfSnapshot, parseSnapshot} from '../../core/snapshot/snapshot.ts';
import {exportCsvBundle, exportSqlite} from './export.ts';
import type {LoadOptions} from './load.ts';
import {loadDataset, loadFacts} from './load.ts';
import {earlyWarning, kpis, templateEffectiveness, themeCounts, themeSpikes, themeSummary} from './queries.ts';

export function createMetricsApi(open: () => Promise<Database>) {
	let current: Database | undefined;
	const database = (): Database => {
		if (!current) {
			throw new Error('No data loaded yet: call loadDataset() or loadSnapshots() first.');
		}

		return current;
	};

	const fresh = async (): Promise<Database> => {
		current?.close();
		current = await open();
		return current;
	};

	return {
		/** Replaces the loaded data with a dataset (validated first). */
		async loadDataset(dataset: Dataset, options: LoadOptions = {}): Promise<{tickets: number}> {
			validateDataset(dataset);
			loadDataset(await fresh(), dataset, options);
			return {tickets: dataset.tickets.length};
		},
		/** Replaces the loaded data with the merge of snapshots (parsed JSON values). */
		async loadSnapshots(snapshots: unknown[], options: {timezone?: string | undefined} = {}): Promise<{tickets: number; warnings: string[]}> {
			const parsed = snapshots.map((snapshot, index) => parseSnapshot(snapshot, `snapshot ${index + 1}`));
			const {snapshot, warnings} = mergeSnapshots(parsed);
			loadFacts(await fresh(), factsOfSnapshot(snapshot), {timezone: options.timezone ?? snapshot.timezone});
			return {tickets: snapshot.tickets.length, warnings};
		},
		kpis: (query: KpiQuery = {}) => kpis(database(), query),
		earlyWarning: (query: KpiQuery = {}) => earlyWarning(database(), query),
		templateEffectiveness: (query: KpiQuery = {}) => templateEffectiveness(database(), query),
		themeSummary: (query: KpiQuery = {}) => themeSummary(database(), query),
		themeCounts: (query: KpiQuery = {}) => themeCounts(database(), query),
		themeSpikes: (query: KpiQuery = {}, options: SpikeOptions = {}) => themeSpikes(database(), query, options),
		exportSqlite: () => exportSqlite(database()),
		exportCsvBundle: () => exportCsvBundle(database()),
		close(): void {
			current?.close();
			current = undefined;
		},
	};
}

export type MetricsApi = ReturnType<typeof createMetricsApi>;
