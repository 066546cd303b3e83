// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {attachDeclarativeShadowRoots} from '../../test/fixtures.ts';
import {
	attributeOf,
	bodyText,
	numberIn,
	openShadowRoots,
	pageLocale,
	queryAll,
	queryAllDeep,
	queryOne,
	queryOneDeep,
	safeText,
	selectorFor,
	shownValue,
	stripQuotedText,
	textsOf,
} from './dom.ts';

const page = (html: string, lang = 'de') =>
	new DOMParser().parseFromString(`<html lang="${lang}"><body>${html}</body></html>`, 'text/html');

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
		const doc = page(
			'<div id="b"><p>Hello,</p><p>still broken.<span class="sig"></span><br>Jane Doe<br>ACME</p><blockquote>old mail</blockquote></div>',
		);
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

describe('open shadow roots', () => {
	// Two hosts in the page, one nested host inside the first, one closed root, and a template that is not a root.
	const html = `<p class="x">light</p>
		<ticket-details><template shadowrootmode="open"><h2 class="x">in the first root</h2>
			<inner-panel><template shadowrootmode="open"><span class="x">nested</span></template></inner-panel></template></ticket-details>
		<mfe-application><template shadowrootmode="open"><p class="x">second root</p></template></mfe-application>
		<secret-panel><template shadowrootmode="closed"><p class="x">closed</p></template></secret-panel>
		<template><p class="x">inert template</p></template>`;
	const build = () => {
		const doc = page(html);
		attachDeclarativeShadowRoots(doc);
		return doc;
	};

	test('reads the page first, then open roots outermost first; never closed roots or inert templates', () => {
		const doc = build();
		expect(doc.querySelectorAll('.x')).toHaveLength(1);
		expect(queryAllDeep(doc, '.x').map(node => node.textContent)).toEqual(['light', 'in the first root', 'second root', 'nested']);
		expect(queryOneDeep(doc, 'h2')?.textContent).toBe('in the first root');
		expect(queryOneDeep(doc, '.x')?.textContent).toBe('light');
		expect(queryOneDeep(doc, 'span.x')?.textContent).toBe('nested');
		expect(queryOneDeep(doc, 'span[')).toBeNull();
		expect(queryAllDeep(undefined, '.x')).toEqual([]);
	});

	test('a host given as the root is entered too', () => {
		const doc = build();
		expect(queryAllDeep(doc.querySelector('ticket-details'), '.x').map(node => node.textContent)).toEqual(['in the first root', 'nested']);
	});

	test('depth, root count and element budget bound the search', () => {
		const doc = build();
		expect(openShadowRoots(doc)).toHaveLength(3);
		expect(openShadowRoots(doc, {maxDepth: 1})).toHaveLength(2);
		expect(queryAllDeep(doc, '.x', {maxDepth: 1}).map(node => node.textContent)).toEqual(['light', 'in the first root', 'second root']);
		expect(openShadowRoots(doc, {maxRoots: 1})).toHaveLength(1);
		expect(openShadowRoots(doc, {maxElements: 3})).toHaveLength(0); // html, head, body: the hosts come later
	});

	test('a deep chain of hosts costs at most the depth limit', () => {
		const doc = page('<div id="top"></div>');
		let host = doc.querySelector('#top')!;
		for (let level = 0; level < 50; level++) {
			const shadow = host.attachShadow({mode: 'open'});
			host = doc.createElement('div');
			host.className = 'x';
			shadow.append(host);
		}

		expect(openShadowRoots(doc)).toHaveLength(4);
		expect(queryAllDeep(doc, '.x')).toHaveLength(4);
	});
});
