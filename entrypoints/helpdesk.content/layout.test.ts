// @vitest-environment happy-dom
import {expect, test} from 'vitest';
import {luminanceOf, panelMaxHeight} from './layout.ts';

test.each([
	['rgb(255, 255, 255)', 1],
	['rgb(0, 0, 0)', 0],
	['rgba(0, 0, 0, 0)', undefined],
	['transparent', undefined],
])('luminance of %s', (color, expected) => {
	expect(luminanceOf(color)).toBe(expected);
});

test('dark backgrounds read as dark', () => {
	expect(luminanceOf('rgb(28, 33, 40)')).toBeLessThan(0.35);
	expect(luminanceOf('rgb(243, 245, 247)')).toBeGreaterThan(0.35);
});

test('the panel ends above a reply box it would cover, and only then', () => {
	document.body.innerHTML = '<div contenteditable="true" id="editor"></div><textarea id="side"></textarea>';
	const rect = (left: number, top: number, width: number, height: number) => () => ({left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON() {}}) as DOMRect;
	document.querySelector<HTMLElement>('#editor')!.getBoundingClientRect = rect(260, 600, 1000, 90);
	document.querySelector<HTMLElement>('#side')!.getBoundingClientRect = rect(0, 300, 200, 90); // Left column: not under the panel
	expect(panelMaxHeight(document, {left: 914, right: 1264, top: 100}, 860)).toBe(492);
	document.querySelector<HTMLElement>('#editor')!.getBoundingClientRect = rect(260, 600, 500, 90); // Ends left of the panel
	expect(panelMaxHeight(document, {left: 914, right: 1264, top: 100}, 860)).toBe(744);
	document.querySelector<HTMLElement>('#editor')!.getBoundingClientRect = rect(260, 150, 1000, 90); // Would leave too little room
	expect(panelMaxHeight(document, {left: 914, right: 1264, top: 100}, 860)).toBe(180);
});
