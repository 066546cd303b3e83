// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {attributeOf, bodyText, numberIn, pageLocale, queryAll, queryOne, safeText, selectorFor, shownValue, stripQuotedText, textsOf} from './dom.ts';

const page = (html: string, lang = 'de') => new DOMParser().parseFromString(`<html lang="${lang}"><body>${html}</body></html>`, 'text/html');

describe('safe queries', () => {
	const doc = page('<ul><li class="a"> one </li><li class="a">two</li><li class="a">one</li></ul>');

	test('invalid selectors and missing roots give nothing instead of throwing', () => {
		expect(queryOne(doc, 'li[')).toBeNull();
		expect(queryAll(doc, ':::')).toEqual([]);
		expect(queryOne(undefined, 'li')).toBeNull();
		expect(safeText(doc, '')).toBeUndefined();
	});

	test('texts are collapsed, distinct and in order', () => {
		expect(safeText(doc, '.a')).toBe('one');
		expect(textsOf(doc, '.a')).toEqual(['one', 'two']);
		expect(attributeOf(doc.querySelector('li'), 'class')).toBe('a');
		expect(attributeOf(null, 'class')).toBeUndefined();
	});

	test('shownValue reads selects, inputs and plain elements', () => {
		const form = page('<select><option>x</option><option selected>High</option></select><input value=" Returns "><span> Open </span>');
		expect(shownValue(form.querySelector('select'))).toBe('High');
		expect(shownValue(form.querySelector('input'))).toBe('Returns');
		expect(shownValue(form.querySelector('span'))).toBe('Open');
		expect(shownValue(null)).toBeUndefined();
	});

	test('pageLocale from a document or any node in it', () => {
		const doc2 = page('<p>x</p>', 'pt-BR');
		expect(pageLocale(doc2)).toBe('pt-BR');
		expect(pageLocale(doc2.querySelector('p'))).toBe('pt-BR');
		expect(pageLocale(undefined)).toBeUndefined();
	});

	test('selectorFor prefers a plain id', () => {
		const doc2 = page('<div id="reply-1"></div><div id="a b"></div><div id="9x"></div><div></div>');
		const [plain, spaced, digit, none] = [...doc2.querySelectorAll('div')];
		expect(selectorFor(plain!, '.fallback')).toBe('#reply-1');
		expect(selectorFor(spaced!, '.fallback')).toBe('[id="a b"]');
		expect(selectorFor(digit!, '.fallback')).toBe('[id="9x"]');
		expect(selectorFor(none!, '.fallback')).toBe('.fallback');
		expect(doc2.querySelector(selectorFor(spaced!, '.fallback'))).toBe(spaced);
	});

	test('numberIn', () => {
		expect(numberIn('Ticket #482913')).toBe('482913');
		expect(numberIn('# HL-2041')).toBe('HL-2041');
		expect(numberIn('none')).toBeUndefined();
	});
});

describe('bodyText', () => {
	test('drops marked quotes and everything after a signature marker; the page is untouched', () => {
		const doc = page('<div id="b"><p>Hello,</p><p>still broken.<span class="sig"></span><br>Jane Doe<br>ACME</p><blockquote>old mail</blockquote></div>');
		const body = doc.querySelector('#b')!;
		expect(bodyText(body, 'blockquote', '.sig')).toBe('Hello,\n\nstill broken.');
		expect(body.textContent).toContain('old mail');
	});

	test('script-looking text stays text', () => {
		const doc = page('<div id="b">&lt;script&gt;alert(1)&lt;/script&gt;<script>var x = 1;</script></div>');
		expect(bodyText(doc.querySelector('#b'))).toBe('<script>alert(1)</script>');
	});

	test('missing body gives an empty string', () => {
		expect(bodyText(null)).toBe('');
	});
});

describe('stripQuotedText', () => {
	test.each([
		['Thanks!\n\nOn Mon, Nov 2, 2026 at 10:02 AM Lena wrote:\n> earlier', 'Thanks!'],
		['Danke.\nAm 03.11.2026 schrieb Jonas Weber:\nfrüher', 'Danke.'],
		['Merci.\nLe 3 nov. 2026, Jonas a écrit :\navant', 'Merci.'],
		['Gracias.\nEl 3 nov 2026, Jonas escribió:\nantes', 'Gracias.'],
		['Yes.\n-----Original Message-----\nFrom: x', 'Yes.'],
		['Top reply\n> quoted line\nmore', 'Top reply\nmore'],
		['Body\n-- \nJane\nACME', 'Body'],
		['From: the start is kept\nbody', 'From: the start is kept\nbody'],
		['> only quoted', '> only quoted'], // Nothing else to keep: the text stays
	])('%j', (text, expected) => {
		expect(stripQuotedText(text)).toBe(expected);
	});
});
