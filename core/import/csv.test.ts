import {describe, expect, test} from 'vitest';
import {CsvParser, parseCsv} from './csv.ts';

const fields = (text: string): string[][] => parseCsv(text).records.map(record => record.fields);

describe('RFC 4180 records', () => {
	test.each([
		[
			'plain',
			'a,b,c\n1,2,3\n',
			[
				['a', 'b', 'c'],
				['1', '2', '3'],
			],
		],
		[
			'no final line break',
			'a,b\n1,2',
			[
				['a', 'b'],
				['1', '2'],
			],
		],
		[
			'CRLF',
			'a,b\r\n1,2\r\n',
			[
				['a', 'b'],
				['1', '2'],
			],
		],
		[
			'old Mac CR',
			'a,b\r1,2\r',
			[
				['a', 'b'],
				['1', '2'],
			],
		],
		[
			'empty fields',
			',,\na,,b\n',
			[
				['', '', ''],
				['a', '', 'b'],
			],
		],
		['quoted delimiter', '"a,b",c\n', [['a,b', 'c']]],
		['quoted field after a delimiter', 'x,"a,b",y\n', [['x', 'a,b', 'y']]],
		['doubled quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
		['embedded CRLF and LF', '"line 1\r\nline 2\nline 3",x\n', [['line 1\r\nline 2\nline 3', 'x']]],
		['empty quoted field', '"",a\n', [['', 'a']]],
		[
			'byte-order mark',
			'\uFEFFId,Subject\n1,Hi\n',
			[
				['Id', 'Subject'],
				['1', 'Hi'],
			],
		],
		['blank lines are skipped', 'a\n\n\nb\n', [['a'], ['b']]],
		['trailing delimiter', 'a,b,\n', [['a', 'b', '']]],
	])('%s', (_name, text, expected) => {
		expect(fields(text)).toEqual(expected);
	});

	test('line numbers count the lines inside quoted fields', () => {
		const {records} = parseCsv('h1,h2\n"two\nlines",x\r\n"three\r\nmore\rlines",y\nlast,z\n');
		expect(records.map(record => record.line)).toEqual([1, 2, 4, 7]);
	});
});

describe('chunks may split anywhere', () => {
	const text = '\uFEFFId,Subject,Body\r\n1,"Refund, please","He said ""no""\r\nthen left"\r\n2,plain,"x"\n3,,\r\n';
	const expected = parseCsv(text);

	test('every split into two chunks gives the same records', () => {
		for (let at = 0; at <= text.length; at++) {
			const parser = new CsvParser();
			const records = [...parser.push(text.slice(0, at)), ...parser.push(text.slice(at)), ...parser.end()];
			expect(records, `split at ${at}`).toEqual(expected.records);
		}
	});

	test('one character at a time', () => {
		const parser = new CsvParser();
		const records = [...[...text].flatMap(character => parser.push(character)), ...parser.end()];
		expect(records).toEqual(expected.records);
		expect(records).toHaveLength(4);
	});
});

describe('malformed records are reported with their line and skipped', () => {
	test.each([
		['a stray quote', 'a,b\nsay "hi",x\nok,1\n', 2, /quote inside an unquoted field/],
		['text after a closing quote', 'a,b\n"x"y,1\nok,1\n', 2, /after a closing quote/],
		['an unterminated quote', 'a,b\nok,1\n"never closed,1\n', 3, /never closed/],
	])('%s', (_name, text, line, message) => {
		const {records, problems} = parseCsv(text);
		expect(problems).toHaveLength(1);
		expect(problems[0]!.line).toBe(line);
		expect(problems[0]!.message).toMatch(message);
		expect(records.some(record => record.fields[0] === 'ok')).toBe(line !== 3 || records.length === 2);
	});
});

test('a custom delimiter', () => {
	expect(parseCsv('a;b\n"1;2";3\n', {delimiter: ';'}).records.map(record => record.fields)).toEqual([
		['a', 'b'],
		['1;2', '3'],
	]);
});
