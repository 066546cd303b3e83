// The engines the command line runs the metric SQL on: DuckDB (the default: exports of any size, the
// rows spooled to disk and read by DuckDB's CSV reader, memory capped) and sql.js (the dashboard's
// engine, kept for comparison). Both take the same fact rows and answer the same SQL.
import {closeSync, mkdtempSync, openSync, rmSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {DuckDBConnection, DuckDBInstance, DuckDBValue} from '@duckdb/node-api';
import type {Database, SqlValue} from 'sql.js';
import type {FactTarget} from '../worker/fact-rows.ts';
import {sqlJsTarget} from '../worker/fact-rows.ts';
import {openNodeDatabase} from '../worker/node-database.ts';
import type {Dialect, Row} from '../worker/queries.ts';
import {all} from '../worker/queries.ts';
import {rollupStatements, rollupTables} from '../worker/rollups.ts';
import type {Runner} from '../worker/run-reports.ts';
import type {ColumnType, TableSpec} from '../worker/schema.ts';
import {createTableSql, factTables} from '../worker/schema.ts';

export type EngineName = 'duckdb' | 'sqljs';

export type Engine = {
	name: EngineName;
	/** How the metric SQL is built for this engine (DuckDB computes order statistics natively). */
	dialect: Dialect;
	/** Fresh fact tables; rows go in through the target (then call ready()). */
	target(): FactTarget;
	/** After the writer finished: the tables are queryable. */
	ready(): Promise<void>;
	run: Runner;
	/** The sql.js database the exports read (sql.js only). */
	database?: Database | undefined;
	/** Writes every fact table as a Parquet file into `dir` (DuckDB only). */
	exportParquet?: ((dir: string) => Promise<string[]>) | undefined;
	close(): Promise<void>;
};

export async function openEngine(name: EngineName, options: {memoryLimit?: string | undefined} = {}): Promise<Engine> {
	return name === 'duckdb' ? openDuckDb(options.memoryLimit ?? '256MB') : openSqlJs();
}

async function openSqlJs(): Promise<Engine> {
	const db = await openNodeDatabase();
	return {
		name: 'sqljs',
		dialect: {orderStats: 'values'},
		target: () => sqlJsTarget(db),
		async ready() {
			// The sql.js target builds its indexes and rollups and commits itself.
		},
		run: async query => all(db, query),
		database: db,
		async close() {
			db.close();
		},
	};
}

/** The SELECT that exports a table: without the internal ticket_seq, the ticket key put back where only ticket_seq names the ticket. */
function exportSelect(table: TableSpec): string {
	const columns = table.columns.map(([column]) => column).filter(column => column !== 'ticket_seq');
	const bySeqOnly =
		table.name !== 'ticket_metrics' && table.columns.some(([column]) => column === 'ticket_seq') && !columns.includes('ticket_key');
	return bySeqOnly
		? `SELECT k.ticket_key AS ticket_key, ${columns.map(column => `x.${column}`).join(', ')} FROM ${table.name} x LEFT JOIN ticket_metrics k ON k.ticket_seq = x.ticket_seq`
		: `SELECT ${columns.join(', ')} FROM ${table.name}`;
}

/** A text cell DuckDB's reader would not take back as it is: a quote, comma or line break, or space at either end. */
const needsQuotes = /[",\r\n]|^\s|\s$/;

/** A CSV cell DuckDB's reader takes back exactly: empty is NULL, "" is an empty string. */
function cell(value: SqlValue, type: ColumnType): string {
	if (value === null || value === undefined) {
		return '';
	}

	if (typeof value === 'number') {
		return type === 'BIGINT' || type === 'INTEGER' ? String(Math.round(value)) : String(value);
	}

	const text = value instanceof Uint8Array ? '' : String(value);
	return text === '' || needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Runs a full garbage collection when the process was started with --expose-gc; nothing otherwise. */
function collectGarbage(): void {
	const {gc} = globalThis as {gc?: () => void};
	gc?.();
}

type Spool = {fd: number; path: string; types: ColumnType[]; lines: string[]; size: number; rows: number};

async function openDuckDb(memoryLimit: string): Promise<Engine> {
	// Loaded only here: the sql.js engine and the tests of other commands do not need the native binding.
	const {DuckDBInstance: Instance} = await import('@duckdb/node-api');
	const spoolDir = mkdtempSync(join(tmpdir(), 'defuse-duckdb-'));
	const instance: DuckDBInstance = await Instance.create(':memory:', {
		memory_limit: memoryLimit,
		temp_directory: join(spoolDir, 'spill'),
		preserve_insertion_order: 'false',
	});
	const connection: DuckDBConnection = await instance.connect();
	const spools = new Map<string, Spool>();
	const write = (spool: Spool): void => {
		if (spool.lines.length > 0) {
			writeSync(spool.fd, `${spool.lines.join('\n')}\n`);
			spool.lines = [];
			spool.size = 0;
		}
	};

	const run: Runner = async query => {
		const reader = await connection.runAndReadAll(query.sql, query.params as DuckDBValue[]);
		return reader.getRowObjectsJS().map(row => {
			const converted: Row = {};
			for (const [key, value] of Object.entries(row)) {
				converted[key] = typeof value === 'bigint' ? Number(value) : (value as Row[string]);
			}

			return converted;
		});
	};

	const spec = (name: string): TableSpec => factTables.find(table => table.name === name)!;
	return {
		name: 'duckdb',
		dialect: {orderStats: 'native', joinsOverSubqueries: true},
		target() {
			for (const table of factTables) {
				const path = join(spoolDir, `${table.name}.csv`);
				spools.set(table.name, {fd: openSync(path, 'w'), path, types: table.columns.map(([, type]) => type), lines: [], size: 0, rows: 0});
			}

			return {
				insert(table, values) {
					const spool = spools.get(table)!;
					const line = values.map((value, index) => cell(value, spool.types[index]!)).join(',');
					spool.lines.push(line);
					spool.size += line.length;
					spool.rows++;
					if (spool.size > 4_000_000) {
						write(spool);
					}
				},
				complete() {
					for (const spool of spools.values()) {
						write(spool);
						closeSync(spool.fd);
					}
				},
				abort() {
					for (const spool of spools.values()) {
						closeSync(spool.fd);
					}

					spools.clear();
				},
			};
		},
		async ready() {
			// The rows are on disk now and what JavaScript allocated to make them is garbage: collected here
			// when Node allows it (--expose-gc), so DuckDB's memory does not come on top of it.
			collectGarbage();
			// One thread reads the spooled rows: each reader thread holds buffers of its own (a 200 MB export
			// peaked about 200 MB higher with two), and loading was no faster with two on two cores.
			await connection.run('SET threads = 1');
			for (const [name, spool] of spools) {
				await connection.run(createTableSql(spec(name), undefined, false));
				if (spool.rows === 0) {
					rmSync(spool.path, {force: true});
					continue;
				}

				await connection.run(
					`COPY ${name} FROM '${spool.path.replaceAll("'", "''")}' (FORMAT CSV, HEADER false, NULL '', ALLOW_QUOTED_NULLS false)`,
				);
				rmSync(spool.path, {force: true});
			}

			for (const table of rollupTables) {
				await connection.run(createTableSql(table, undefined, false));
			}

			for (const statement of rollupStatements()) {
				await connection.run(statement);
			}

			await connection.run('RESET threads');
		},
		run,
		async exportParquet(dir) {
			const files: string[] = [];
			for (const table of factTables) {
				const path = join(dir, `${table.name}.parquet`);
				await connection.run(`COPY (${exportSelect(table)}) TO '${path.replaceAll("'", "''")}' (FORMAT PARQUET)`);
				files.push(path);
			}

			return files;
		},
		async close() {
			connection.closeSync();
			instance.closeSync();
			rmSync(spoolDir, {recursive: true, force: true});
		},
	};
}
