// A streaming CSV parser (RFC 4180): quoted fields with "" escapes and embedded line breaks,
// CRLF / LF / CR line ends, a leading byte-order mark, and chunks that split anywhere.
// Takes text chunks (the caller decodes bytes), so it runs the same in a page, a worker and Node.

export type CsvRecord = {
	fields: string[];
	/** 1-based line on which the record starts. */
	line: number;
};

export type CsvProblem = {line: number; message: string};

export type CsvOptions = {
	/** @default ',' */
	delimiter?: string | undefined;
};

type State = 'field-start' | 'unquoted' | 'quoted' | 'quote-in-quoted' | 'after-cr';

/**
 * Feed chunks with push(); each call returns the records completed so far. end() flushes the last
 * record. Malformed records (a stray quote, text after a closing quote, an unterminated quote) are
 * reported in `problems` with their line and skipped.
 */
export class CsvParser {
	readonly problems: CsvProblem[] = [];
	private readonly delimiter: number;
	private state: State = 'field-start';
	private field = '';
	private fields: string[] = [];
	private line = 1;
	private recordLine = 1;
	private started = false;
	private broken: string | undefined;
	private lastWasCr = false;
	/** Characters consumed so far (for progress). */
	consumed = 0;

	constructor(options: CsvOptions = {}) {
		const delimiter = options.delimiter ?? ',';
		if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
			throw new Error(`Unusable CSV delimiter ${JSON.stringify(delimiter)}`);
		}

		this.delimiter = delimiter.charCodeAt(0);
	}

	push(chunk: string): CsvRecord[] {
		let text = chunk;
		if (!this.started && text.length > 0) {
			this.started = true;
			if (text.charCodeAt(0) === 0xfe_ff) {
				text = text.slice(1);
				this.consumed++;
			}
		}

		const records: CsvRecord[] = [];
		const {delimiter} = this;
		let index = 0;
		const length = text.length;
		while (index < length) {
			const code = text.charCodeAt(index);
			switch (this.state) {
				case 'after-cr': {
					// A CR ended the record; swallow the LF of a CRLF pair.
					this.state = 'field-start';
					if (code === 10) {
						index++;
					}

					break;
				}

				case 'field-start': {
					if (code === 34) {
						this.state = 'quoted';
						index++;
					} else {
						this.state = 'unquoted';
					}

					break;
				}

				case 'unquoted': {
					// Copy the run of plain characters in one slice.
					let end = index;
					while (end < length) {
						const c = text.charCodeAt(end);
						if (c === delimiter || c === 10 || c === 13 || c === 34) {
							break;
						}

						end++;
					}

					this.field += text.slice(index, end);
					index = end;
					if (index >= length) {
						break;
					}

					const c = text.charCodeAt(index);
					if (c === 34) {
						this.broken ??= 'a quote inside an unquoted field (quote the whole field and double the quote)';
						this.field += '"';
						index++;
					} else if (c === delimiter) {
						this.endField();
						this.state = 'field-start';
						index++;
					} else {
						this.endRecord(records);
						this.state = c === 13 ? 'after-cr' : 'field-start';
						index++;
					}

					break;
				}

				case 'quoted': {
					const end = text.indexOf('"', index);
					const stop = end === -1 ? length : end;
					const part = text.slice(index, stop);
					for (let i = 0; i < part.length; i++) {
						// Line breaks inside a quoted field: CR, LF or CRLF each count once, even across chunks.
						const c = part.charCodeAt(i);
						if (c === 13 || (c === 10 && !this.lastWasCr)) {
							this.line++;
						}

						this.lastWasCr = c === 13;
					}

					this.field += part;
					index = stop;
					if (end !== -1) {
						this.state = 'quote-in-quoted';
						index++;
					}

					break;
				}

				case 'quote-in-quoted': {
					if (code === 34) {
						this.field += '"';
						this.state = 'quoted';
						index++;
					} else if (code === delimiter) {
						this.endField();
						this.state = 'field-start';
						index++;
					} else if (code === 10 || code === 13) {
						this.endRecord(records);
						this.state = code === 13 ? 'after-cr' : 'field-start';
						index++;
					} else {
						this.broken ??= 'text after a closing quote (a field that starts with a quote must end with one)';
						this.state = 'unquoted';
					}

					break;
				}
			}
		}

		this.consumed += text.length;
		return records;
	}

	end(): CsvRecord[] {
		const records: CsvRecord[] = [];
		if (this.state === 'quoted') {
			this.broken ??= 'a quoted field is never closed (missing closing quote)';
		}

		if (
			this.fields.length > 0 ||
			this.field.length > 0 ||
			this.state === 'quote-in-quoted' ||
			this.state === 'quoted' ||
			this.state === 'unquoted'
		) {
			this.endRecord(records);
		}

		this.state = 'field-start';
		return records;
	}

	private endField(): void {
		this.fields.push(this.field);
		this.field = '';
	}

	private endRecord(records: CsvRecord[]): void {
		this.endField();
		const fields = this.fields;
		this.fields = [];
		if (this.broken) {
			this.problems.push({line: this.recordLine, message: this.broken});
			this.broken = undefined;
		} else if (!(fields.length === 1 && fields[0] === '')) {
			records.push({fields, line: this.recordLine});
		}

		this.line++;
		this.recordLine = this.line;
	}
}

/** Parses a whole text at once (tests, small files). */
export function parseCsv(text: string, options: CsvOptions = {}): {records: CsvRecord[]; problems: CsvProblem[]} {
	const parser = new CsvParser(options);
	const records = [...parser.push(text), ...parser.end()];
	return {records, problems: parser.problems};
}
