// The files a team lead imported into the dashboard, kept between visits: each import's parsed result
// (a dataset or a snapshot) in an IndexedDB database of its own on the dashboard's origin (the
// extension page's, or the static site's). Only the dashboard's metrics worker opens it; nothing
// here is sent anywhere. What comes back out is checked again by the caller before use.
import Dexie, {type EntityTable} from 'dexie';

export type KeptImport = {
	/** The source id (kind, file name, size and date): importing the same file again replaces it. */
	id: string;
	/** When it was imported (ms). */
	savedAt: number;
	/** The source's description as the dashboard shows it. */
	info: unknown;
	/** The parsed file: `{dataset}` or `{snapshot}`. */
	data: unknown;
};

export type ImportCache = Dexie & {imports: EntityTable<KeptImport, 'id'>};

export const importCacheName = 'defuse-imports';

export function openImportCache(options: {name?: string; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange} = {}): ImportCache {
	const db = new Dexie(options.name ?? importCacheName, {
		...(options.indexedDB ? {indexedDB: options.indexedDB} : {}),
		...(options.IDBKeyRange ? {IDBKeyRange: options.IDBKeyRange} : {}),
	}) as ImportCache;
	db.version(1).stores({imports: 'id, savedAt'});
	return db;
}

/** Every kept import, oldest first. */
export async function keptImports(db: ImportCache): Promise<KeptImport[]> {
	return db.imports.orderBy('savedAt').toArray();
}

export async function keepImport(db: ImportCache, entry: KeptImport): Promise<void> {
	await db.imports.put(entry);
}

export async function forgetImport(db: ImportCache, id: string): Promise<void> {
	await db.imports.delete(id);
}

/** Deletes the whole cache database ("Delete everything"); an open dashboard lets go of it first. */
export async function deleteImportCache(
	options: {name?: string; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange} = {},
): Promise<void> {
	const db = openImportCache(options);
	await db.delete();
}

/** Forgets imports kept since before `cutoffMs` (retention); returns how many. */
export async function forgetImportsBefore(db: ImportCache, cutoffMs: number): Promise<number> {
	return db.imports.where('savedAt').below(cutoffMs).delete();
}
