// @vitest-environment happy-dom
import {expect, test} from 'vitest';
import {mutate, robustnessFailures, seededRandom, snapshotProblems} from './mutate.ts';

const page = () =>
	new DOMParser().parseFromString(
		'<html><body><div id="a"><p class="x">one</p><p>two</p></div><span>three</span></body></html>',
		'text/html',
	);

test('the same seed gives the same mutations', () => {
	const first = page();
	const second = page();
	expect(mutate(first, seededRandom(7), 20)).toEqual(mutate(second, seededRandom(7), 20));
	expect(first.body.innerHTML).toBe(second.body.innerHTML);
});

test('mutations change the page', () => {
	const copy = page();
	mutate(copy, seededRandom(3), 10);
	expect(copy.body.innerHTML).not.toBe(page().body.innerHTML);
});

test('a reader that throws is reported, a sound one is not', () => {
	const failing = robustnessFailures({
		page: page(),
		states: 20,
		seed: 1,
		chain: 4,
		read(copy) {
			if (!copy.querySelector('#a p.x')) {
				throw new Error('boom');
			}

			return [];
		},
	});
	expect(failing.length).toBeGreaterThan(0);
	expect(failing[0]).toMatch(/threw Error: boom/);
	expect(robustnessFailures({page: page(), states: 20, seed: 1, read: () => []})).toEqual([]);
});

test('snapshotProblems flags non-string fields and bad roles', () => {
	expect(snapshotProblems({helpdesk: 'x', ticketId: '1', messages: [{role: 'customer', text: 'hi'}]})).toEqual([]);
	const bad = {helpdesk: 'x', ticketId: '1', subject: 3, messages: [{role: 'bot', text: 'hi', at: 'never'}]} as unknown as Parameters<
		typeof snapshotProblems
	>[0];
	expect(snapshotProblems(bad)).toEqual(['subject is not a string', 'message 0: role bot', 'message 0: at is not a date']);
});
