// @vitest-environment happy-dom
import {expect, test} from 'vitest';
import {defaultDock, dockAt, findSidebar, luminanceOf, panelMaxHeight, placePanel, validDock} from './layout.ts';

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
	const rect = (left: number, top: number, width: number, height: number) => () =>
		({left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON() {}}) as DOMRect;
	document.querySelector<HTMLElement>('#editor')!.getBoundingClientRect = rect(260, 600, 1000, 90);
	document.querySelector<HTMLElement>('#side')!.getBoundingClientRect = rect(0, 300, 200, 90); // Left column: not under the panel
	expect(panelMaxHeight(document, {left: 914, right: 1264, top: 100}, 860)).toBe(492);
	document.querySelector<HTMLElement>('#editor')!.getBoundingClientRect = rect(260, 600, 500, 90); // Ends left of the panel
	expect(panelMaxHeight(document, {left: 914, right: 1264, top: 100}, 860)).toBe(744);
	document.querySelector<HTMLElement>('#editor')!.getBoundingClientRect = rect(260, 150, 1000, 90); // Would leave too little room
	expect(panelMaxHeight(document, {left: 914, right: 1264, top: 100}, 860)).toBe(180);
});

const box = (left: number, top: number, width: number, height: number) => () =>
	({left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON() {}}) as DOMRect;

test('a stored dock is checked; odd values fall back', () => {
	expect(validDock({side: 'left', top: 120.4, width: 400})).toEqual({side: 'left', top: 120, width: 400});
	expect(validDock({side: 'up', top: 'x', width: 10})).toEqual({...defaultDock, width: 260});
	expect(validDock(null)).toEqual(defaultDock);
});

test('dragging the header docks to the nearer side at that height', () => {
	expect(dockAt(defaultDock, 100, 300, {width: 1280, height: 860})).toEqual({side: 'left', top: 300, width: 340});
	expect(dockAt(defaultDock, 900, 5000, {width: 1280, height: 860})).toEqual({side: 'right', top: 740, width: 340});
});

test('wide windows: docked where the agent put it, ending above the reply box', () => {
	document.body.innerHTML = '<div contenteditable="true" id="editor"></div>';
	document.querySelector<HTMLElement>('#editor')!.getBoundingClientRect = box(260, 600, 1000, 90);
	expect(placePanel(document, {width: 1280, height: 860}, {side: 'right', top: 64, width: 340}).mode).toBe('docked');
	const placed = placePanel(document, {width: 1280, height: 860}, {side: 'left', top: 64, width: 900});
	expect(placed).toMatchObject({mode: 'docked', side: 'left', width: 640});
	expect(placed.mode === 'docked' && placed.maxHeight).toBe(600 - 8 - 104 - 40);
});

test("800 px and narrower: the panel takes the helpdesk's sidebar, or a sheet away from the reply box", () => {
	document.body.innerHTML =
		'<aside class="properties" id="side"></aside><section id="thread"></section><div contenteditable="true" id="editor"></div>';
	document.querySelector<HTMLElement>('#side')!.getBoundingClientRect = box(0, 90, 240, 900);
	document.querySelector<HTMLElement>('#editor')!.getBoundingClientRect = box(250, 620, 540, 100);
	expect(placePanel(document, {width: 800, height: 760}, defaultDock)).toEqual({
		mode: 'sidebar',
		left: 0,
		top: 90,
		width: 240,
		height: 670,
	});
	document.querySelector('#side')!.remove();
	expect(placePanel(document, {width: 800, height: 760}, defaultDock)).toEqual({mode: 'sheet', edge: 'top', height: 319});
	document.querySelector<HTMLElement>('#editor')!.getBoundingClientRect = box(250, 60, 540, 100);
	expect(placePanel(document, {width: 800, height: 760}, defaultDock)).toMatchObject({mode: 'sheet', edge: 'bottom'});
});

test('a column holding the reply box is not a sidebar', () => {
	document.body.innerHTML = '<aside id="side"><textarea></textarea></aside>';
	document.querySelector<HTMLElement>('#side')!.getBoundingClientRect = box(0, 90, 240, 900);
	expect(findSidebar(document, {width: 800, height: 760})).toBeUndefined();
});
