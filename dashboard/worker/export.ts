// Exports of the metrics database: the SQLite file itself and a ZIP of CSV files (one per table).
import type {Database, SqlValue} from 'sql.js';
import {bundleReadme, csvColumn} from './csv-columns.ts';
import {factTables, memorySchema, tableSchema, ticketSeqColumn} from './schema.ts';

/** The whole database as an SQLite file any SQLite tool (or DuckDB's sqlite extension) opens. */
export function exportSqlite(db: Database): Uint8Array {
	if (!tableSchema(db)) {
		return db.export();
	}

	// The tables live in an attached in-memory database: copy it into a new, empty database's file
	// (VACUUM INTO) and read that file. The new database is of the same sql.js module as `db`.
	const SqlDatabase = Object.getPrototypeOf(db).constructor as new () => Database & {filename: string};
	const target = new SqlDatabase();
	try {
		db.run(`VACUUM ${memorySchema} INTO ?`, [`/${target.filename}`]);
		return target.export();
	} finally {
		target.close();
	}
}

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return: an agent named `=HYPERLINK(...)` in a colleague's snapshot) gets a leading
 * apostrophe, so it shows as the text it is.
 */
export function csvField(value: SqlValue): string {
	if (value === null) {
		return '';
	}

	let text = value instanceof Uint8Array ? '' : String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
		text = `'${text}`;
	}

	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One table as CSV text with a header row and CRLF line ends (RFC 4180); times ISO 8601, durations in minutes (./csv-columns.ts). */
export function tableCsv(db: Database, table: string): string {
	// Rows that name their ticket only by its internal integer key get the ticket key back, in front.
	const spec = factTables.find(candidate => candidate.name === table);
	const byKeyOnly =
		spec !== undefined &&
		spec.name !== 'ticket_metrics' &&
		spec.columns.some(([name]) => name === ticketSeqColumn) &&
		!spec.columns.some(([name]) => name === 'ticket_key');
	const statement = db.prepare(
		byKeyOnly
			? `SELECT k.ticket_key AS ticket_key, x.* FROM ${table} x LEFT JOIN ticket_metrics k ON k.${ticketSeqColumn} = x.${ticketSeqColumn}`
			: `SELECT * FROM ${table}`,
	);
	try {
		// ticket_seq is an internal join key (the ticket's position in this load), not exported.
		const names = statement.getColumnNames();
		const kept = names.flatMap((name, index) => (name === ticketSeqColumn ? [] : [index]));
		const columns = names.map(name => csvColumn(name));
		const lines = [kept.map(index => csvField(columns[index]!.header)).join(',')];
		while (statement.step()) {
			const values = statement.get();
			lines.push(kept.map(index => csvField(columns[index]!.write(values[index] ?? null))).join(','));
		}

		return `${lines.join('\r\n')}\r\n`;
	} finally {
		statement.free();
	}
}

const crcTable = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) {
			c = c & 1 ? 0xed_b8_83_20 ^ (c >>> 1) : c >>> 1;
		}

		table[n] = c >>> 0;
	}

	return table;
})();

export function crc32(bytes: Uint8Array): number {
	let crc = 0xff_ff_ff_ff;
	for (const byte of bytes) {
		crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
	}

	return (crc ^ 0xff_ff_ff_ff) >>> 0;
}

/** A ZIP archive of the given files, stored without compression (every unzip tool and spreadsheet reads it). */
export function zipFiles(files: Record<string, string | Uint8Array>, date = new Date(Date.UTC(2026, 0, 1))): Uint8Array {
	const encoder = new TextEncoder();
	const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
	const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
	const parts: Uint8Array[] = [];
	const central: Uint8Array[] = [];
	let offset = 0;
	for (const [name, content] of Object.entries(files)) {
		const nameBytes = encoder.encode(name);
		const data = typeof content === 'string' ? encoder.encode(content) : content;
		const crc = crc32(data);
		const local = new DataView(new ArrayBuffer(30));
		local.setUint32(0, 0x04_03_4b_50, true);
		local.setUint16(4, 20, true);
		local.setUint16(6, 0x08_00, true); // UTF-8 names
		local.setUint16(8, 0, true); // Stored
		local.setUint16(10, dosTime, true);
		local.setUint16(12, dosDate, true);
		local.setUint32(14, crc, true);
		local.setUint32(18, data.length, true);
		local.setUint32(22, data.length, true);
		local.setUint16(26, nameBytes.length, true);
		local.setUint16(28, 0, true);
		parts.push(new Uint8Array(local.buffer), nameBytes, data);
		const entry = new DataView(new ArrayBuffer(46));
		entry.setUint32(0, 0x02_01_4b_50, true);
		entry.setUint16(4, 20, true);
		entry.setUint16(6, 20, true);
		entry.setUint16(8, 0x08_00, true);
		entry.setUint16(10, 0, true);
		entry.setUint16(12, dosTime, true);
		entry.setUint16(14, dosDate, true);
		entry.setUint32(16, crc, true);
		entry.setUint32(20, data.length, true);
		entry.setUint32(24, data.length, true);
		entry.setUint16(28, nameBytes.length, true);
		entry.setUint32(42, offset, true);
		central.push(new Uint8Array(entry.buffer), nameBytes);
		offset += 30 + nameBytes.length + data.length;
	}

	const centralSize = central.reduce((sum, part) => sum + part.length, 0);
	const end = new DataView(new ArrayBuffer(22));
	end.setUint32(0, 0x06_05_4b_50, true);
	end.setUint16(8, Object.keys(files).length, true);
	end.setUint16(10, Object.keys(files).length, true);
	end.setUint32(12, centralSize, true);
	end.setUint32(16, offset, true);
	const all = [...parts, ...central, new Uint8Array(end.buffer)];
	const zip = new Uint8Array(all.reduce((sum, part) => sum + part.length, 0));
	let position = 0;
	for (const part of all) {
		zip.set(part, position);
		position += part.length;
	}

	return zip;
}

/** Every fact table as CSV in one ZIP, with a short read-me. */
export function exportCsvBundle(db: Database): Uint8Array {
	// The read-me first in the archive; filled once the headers are known.
	const files: Record<string, string> = {'README.txt': ''};
	const headers: Array<{name: string; columns: string[]}> = [];
	for (const table of factTables) {
		const csv = tableCsv(db, table.name);
		files[`${table.name}.csv`] = csv;
		headers.push({name: table.name, columns: csv.slice(0, csv.indexOf('\r\n')).split(',')});
	}

	files['README.txt'] = bundleReadme(headers);

	return zipFiles(files);
}
