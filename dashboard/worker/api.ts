// The metrics worker's API as one object (the worker exposes it through Comlink; tests call it directly).
import type {Database} from 'sql.js';
import type {Dataset} from '../../core/metrics/dataset.ts';
import {validateDataset} from '../../core/metrics/schema.ts';
import type {KpiQuery} from '../../core/metrics/kpis.ts';
import type {SpikeOptions} from '../../core/metrics/spikes.ts';
import {mergeSnapshots} from '../../core/snapshot/merge.ts';
import {factsOfSnapshot, parseSnapshot, type Snapshot} from '../../core/snapshot/snapshot.ts';
import type {DrillRequest} from './drill.ts';
import {drill} from './drill.ts';
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
		/** Replaces the loaded data with a dataset (validated first, unless the caller already did: `checked`). */
		async loadDataset(dataset: Dataset, options: LoadOptions & {checked?: boolean | undefined} = {}): Promise<{tickets: number}> {
			if (!options.checked) {
				validateDataset(dataset);
			}

			loadDataset(await fresh(), dataset, options);
			return {tickets: dataset.tickets.length};
		},
		/** Replaces the loaded data with the merge of snapshots (parsed JSON values, checked first unless `checked`). */
		async loadSnapshots(
			snapshots: unknown[],
			options: {timezone?: string | undefined; checked?: boolean | undefined} = {},
		): Promise<{tickets: number; warnings: string[]}> {
			const parsed = options.checked
				? (snapshots as Snapshot[])
				: snapshots.map((snapshot, index) => parseSnapshot(snapshot, `snapshot ${index + 1}`));
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
		/** The tickets (responses, customers) behind a number. */
		drill: (request: DrillRequest) => drill(database(), request),
		exportSqlite: () => exportSqlite(database()),
		exportCsvBundle: () => exportCsvBundle(database()),
		close(): void {
			current?.close();
			current = undefined;
		},
	};
}

export type MetricsApi = ReturnType<typeof createMetricsApi>;
