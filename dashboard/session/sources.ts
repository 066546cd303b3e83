// The dashboard's data sources as the session holds them, and the rules that need no database: what a
// parsed file becomes, what a kept import restores to, and which sources are left out when a load fails.
import type {KeptImport} from '../../core/store/imports.ts';
import type {Dataset} from '../../core/metrics/dataset.ts';
import {DatasetError, datasetIssues, validateDataset} from '../../core/metrics/schema.ts';
import type {Snapshot} from '../../core/snapshot/snapshot.ts';
import {parseSnapshot} from '../../core/snapshot/snapshot.ts';
import type {Parsed} from './parse.ts';
import type {ImportOutcome, SourceInfo} from './session.ts';

export type Held = {info: SourceInfo; dataset: Dataset} | {info: SourceInfo; snapshot: Snapshot};

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function isSourceInfo(value: unknown): value is SourceInfo {
	const info = value as Partial<SourceInfo> | null;
	return (
		typeof info === 'object' &&
		info !== null &&
		typeof info.id === 'string' &&
		typeof info.name === 'string' &&
		typeof info.kind === 'string' &&
		typeof info.rows === 'number' &&
		typeof info.tickets === 'number' &&
		Array.isArray(info.warnings) &&
		info.warnings.every(warning => typeof warning === 'string')
	);
}

export const datasetsOf = (held: readonly Held[]): Dataset[] => held.flatMap(one => ('dataset' in one ? [one.dataset] : []));
export const snapshotsOf = (held: readonly Held[]): Snapshot[] => held.flatMap(one => ('snapshot' in one ? [one.snapshot] : []));

/** A kept import, checked again as if it were a new file: anything that no longer passes is dropped. */
export function restored(entry: KeptImport): Held {
	if (!isSourceInfo(entry.info) || entry.info.id !== entry.id) {
		throw new Error('its description is damaged');
	}

	const data = entry.data as {dataset?: unknown; snapshot?: unknown} | null;
	if (data && typeof data === 'object' && 'snapshot' in data) {
		return {info: entry.info, snapshot: parseSnapshot(data.snapshot, entry.info.name)};
	}

	if (data && typeof data === 'object' && 'dataset' in data) {
		validateDataset(data.dataset);
		return {info: entry.info, dataset: data.dataset as Dataset};
	}

	throw new Error('it holds neither a dataset nor a snapshot');
}

/**
 * A parsed file as a source (its id: kind, name, size and date, so the same file replaces itself), or
 * why nothing of it is kept. `checking` is told before a dataset is checked (it can take a while).
 */
export function heldOf(
	name: string,
	file: {size: number; lastModified?: number | undefined},
	{kind, result}: Parsed,
	checking: () => void,
): Held | Extract<ImportOutcome, {ok: false}> {
	if (!result.ok) {
		return {ok: false, name, kind, rows: result.rows, issues: result.issues, summary: result.summary};
	}

	const id = `${kind ?? 'file'}:${name}:${file.size}:${file.lastModified ?? 0}`;
	if ('snapshot' in result) {
		return {
			info: {id, name, kind: 'snapshot', rows: result.rows, tickets: result.snapshot.tickets.length, warnings: []},
			snapshot: result.snapshot,
		};
	}

	checking();
	const issues = datasetIssues(result.dataset);
	if (issues.length > 0) {
		return {
			ok: false,
			name,
			kind,
			rows: result.rows,
			issues: issues.map(message => ({line: 0, message})),
			summary: `${name}: nothing imported. ${new DatasetError(issues).message}`,
		};
	}

	return {
		info: {id, name, kind: kind ?? 'zendesk', rows: result.rows, tickets: result.dataset.tickets.length, warnings: [...result.warnings]},
		dataset: result.dataset,
	};
}

/**
 * Loads the sources with `load`; when that fails, finds the sources that fail on their own (or, if none
 * does, marks them all as failing together), marks them with their error and loads the rest (and, if
 * that fails too, nothing): no single file can keep the dashboard from opening.
 */
export async function loadTolerant<T>(held: readonly Held[], load: (held: readonly Held[], quiet?: boolean) => Promise<T>): Promise<T> {
	try {
		return await load(held);
	} catch (error) {
		if (held.length === 0) {
			throw error;
		}

		const failing: Held[] = [];
		for (const one of held) {
			try {
				await load([one], true);
			} catch (alone) {
				failing.push(one);
				one.info.error = messageOf(alone);
			}
		}

		const rest = held.filter(one => !failing.includes(one));
		if (failing.length === 0) {
			for (const one of held) {
				one.info.error = `could not be loaded together with the other sources: ${messageOf(error)}`;
			}
		}

		try {
			return await load(failing.length === 0 ? [] : rest);
		} catch (again) {
			for (const one of rest) {
				one.info.error = messageOf(again);
			}

			return load([]);
		}
	}
}
