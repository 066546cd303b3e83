// Reading the command line's input files: one clear line for a file that is missing, a directory or
// unreadable, and text in whatever encoding helpdesk exports come in (UTF-8, UTF-16 with its byte
// order mark, Windows-1252 / Latin-1 read as such with a warning; a spreadsheet file is named as one).
import {formatNumber, textLocale} from '../../core/format.ts';

/** A problem with an input file: exit code 1, one line. */
export class InputError extends Error {}

export type FileStat = {size: number; directory: boolean};

/** Why a file cannot be read, from a file-system error, in one line. */
export function describeFileError(path: string, error: unknown): string {
	const code = (error as {code?: unknown}).code;
	switch (code) {
		case 'ENOENT': {
			return `${path}: no such file`;
		}

		case 'EISDIR': {
			return `${path} is a directory, not a file`;
		}

		case 'EACCES':
		case 'EPERM': {
			return `${path}: not allowed to read it (permissions)`;
		}

		default: {
			return `${path}: cannot read it (${error instanceof Error ? error.message : String(error)})`;
		}
	}
}

/** The file's size, or an InputError saying why it cannot be read. */
export async function checkedSize(stat: (path: string) => Promise<FileStat>, path: string): Promise<number> {
	let found: FileStat;
	try {
		found = await stat(path);
	} catch (error) {
		throw new InputError(describeFileError(path, error));
	}

	if (found.directory) {
		throw new InputError(`${path} is a directory, not a file`);
	}

	return found.size;
}

const iconvHint = (path: string, from: string) =>
	`convert it to UTF-8 first, e.g. iconv -f ${from} -t UTF-8 "${path}" > "${path.replace(/(\.\w+)?$/, '-utf8$1')}"`;

/**
 * Bytes as text. The first bytes decide: a UTF-16 byte order mark (or the zero bytes of UTF-16
 * without one) reads UTF-16; bytes that are not UTF-8 read Windows-1252 (Latin-1's superset) with a
 * warning; a ZIP (xlsx) or an old Excel file is refused with what to do. A file that starts as UTF-8
 * and turns invalid later is refused with the byte where it happened.
 */
export async function* decodeText(
	chunks: AsyncIterable<Uint8Array>,
	path: string,
	warn: (message: string) => void,
): AsyncGenerator<string> {
	let decoder: TextDecoder | undefined;
	let offset = 0;
	// The first 64 KB decide the encoding.
	let head: Uint8Array[] = [];
	let headSize = 0;
	const decode = function* (chunk: Uint8Array): Generator<string> {
		try {
			yield decoder!.decode(chunk, {stream: true});
		} catch {
			throw new InputError(
				`${path}: not valid UTF-8 near byte ${formatNumber(offset, textLocale)} (the file mixes encodings); ${iconvHint(path, 'WINDOWS-1252')}`,
			);
		}

		offset += chunk.length;
	};

	const start = function* (): Generator<string> {
		const joined = new Uint8Array(headSize);
		let position = 0;
		for (const part of head) {
			joined.set(part, position);
			position += part.length;
		}

		head = [];
		decoder = pickDecoder(joined, path, warn);
		yield* decode(joined);
	};

	for await (const chunk of chunks) {
		if (decoder) {
			yield* decode(chunk);
			continue;
		}

		head.push(chunk);
		headSize += chunk.length;
		if (headSize >= 65_536) {
			yield* start();
		}
	}

	if (!decoder && headSize > 0) {
		yield* start();
	}

	if (decoder) {
		try {
			yield decoder.decode();
		} catch {
			throw new InputError(`${path}: the file ends in the middle of a UTF-8 character (is it complete?)`);
		}
	}
}

function pickDecoder(first: Uint8Array, path: string, warn: (message: string) => void): TextDecoder {
	const [a, b, c, d] = first;
	if (a === 0xff && b === 0xfe) {
		warn(`${path}: read as UTF-16 (little-endian)`);
		return new TextDecoder('utf-16le', {fatal: true});
	}

	if (a === 0xfe && b === 0xff) {
		warn(`${path}: read as UTF-16 (big-endian)`);
		return new TextDecoder('utf-16be', {fatal: true});
	}

	if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) {
		throw new InputError(`${path} is a ZIP archive (an .xlsx spreadsheet?), not CSV: save or export it as CSV (UTF-8)`);
	}

	if (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0) {
		throw new InputError(`${path} is an old Excel (.xls) file, not CSV: save it as CSV (UTF-8)`);
	}

	const sample = first.subarray(0, 4096);
	const zeros = (parity: number) => sample.filter((byte, index) => byte === 0 && index % 2 === parity).length;
	if (sample.length >= 16 && zeros(1) > sample.length / 4 && zeros(0) === 0) {
		warn(`${path}: read as UTF-16 (little-endian, no byte order mark)`);
		return new TextDecoder('utf-16le', {fatal: true});
	}

	if (sample.length >= 16 && zeros(0) > sample.length / 4 && zeros(1) === 0) {
		warn(`${path}: read as UTF-16 (big-endian, no byte order mark)`);
		return new TextDecoder('utf-16be', {fatal: true});
	}

	if (!validUtf8(first.subarray(0, 65_536))) {
		warn(`${path}: not UTF-8, read as Windows-1252 (Latin-1). If accents look wrong, ${iconvHint(path, '<its encoding>')}`);
		return new TextDecoder('windows-1252');
	}

	return new TextDecoder('utf-8', {fatal: true});
}

/** Whether the bytes are UTF-8 (a character cut at the end counts as valid: the next chunk has the rest). */
function validUtf8(bytes: Uint8Array): boolean {
	let end = bytes.length;
	// Step back over a character cut at the end of the sample.
	for (let back = 1; back <= 3 && end - back >= 0; back++) {
		const byte = bytes[end - back]!;
		if ((byte & 0xc0) !== 0x80) {
			const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
			if (needed > back) {
				end -= back;
			}

			break;
		}
	}

	try {
		new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, end));
		return true;
	} catch {
		return false;
	}
}
