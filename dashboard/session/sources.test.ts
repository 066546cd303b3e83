import {expect, test} from 'vitest';
import {generateDemoDataset} from '../../core/metrics/demo-data.ts';
import {heldOf, loadTolerant, restored, type Held} from './sources.ts';

const info = (id: string) => ({id, name: `${id}.csv`, kind: 'zendesk' as const, rows: 1, tickets: 1, warnings: []});
const held = (id: string): Held => ({info: info(id), dataset: generateDemoDataset({days: 1, ticketsPerDay: 1})});

/** A loader that fails whenever one of `bad` is among the sources (alone or not), or when `together` are all there. */
function loader(bad: string[], together: string[] = []) {
	const calls: string[][] = [];
	return {
		calls,
		async load(sources: readonly Held[]) {
			const ids = sources.map(source => source.info.id);
			calls.push(ids);
			const failing = ids.find(id => bad.includes(id));
			if (failing) {
				throw new Error(`${failing} is broken`);
			}

			if (together.length > 0 && together.every(id => ids.includes(id))) {
				throw new Error('too much at once');
			}

			return ids;
		},
	};
}

test('sources that load together are loaded once', async () => {
	const {load, calls} = loader([]);
	expect(await loadTolerant([held('a'), held('b')], load)).toEqual(['a', 'b']);
	expect(calls).toEqual([['a', 'b']]);
});

test('a source that fails on its own is marked and left out; the rest loads', async () => {
	const sources = [held('a'), held('b'), held('c')];
	const {load, calls} = loader(['b']);
	expect(await loadTolerant(sources, load)).toEqual(['a', 'c']);
	expect(calls).toEqual([['a', 'b', 'c'], ['a'], ['b'], ['c'], ['a', 'c']]);
	expect(sources.map(source => source.info.error)).toEqual([undefined, 'b is broken', undefined]);
});

test('when only the combination fails, every source is marked and nothing loads', async () => {
	const sources = [held('a'), held('b')];
	const {load, calls} = loader([], ['a', 'b']);
	expect(await loadTolerant(sources, load)).toEqual([]);
	expect(calls.at(-1)).toEqual([]);
	expect(sources.every(source => source.info.error === 'could not be loaded together with the other sources: too much at once')).toBe(true);
});

test('nothing to load that still fails: the error is thrown', async () => {
	await expect(
		loadTolerant([], async () => {
			throw new Error('no database');
		}),
	).rejects.toThrow('no database');
});

test('a parsed file becomes a source named by kind, name, size and date, or says why nothing was kept', () => {
	const dataset = generateDemoDataset({days: 3});
	let checked = 0;
	const file = {size: 120, lastModified: 7};
	const kept = heldOf('team.csv', file, {kind: 'zendesk', result: {ok: true, rows: 4, dataset, warnings: ['one']}}, () => checked++);
	expect(kept).toMatchObject({
		info: {id: 'zendesk:team.csv:120:7', kind: 'zendesk', rows: 4, tickets: dataset.tickets.length, warnings: ['one']},
	});
	expect(checked).toBe(1);
	const bad = heldOf(
		'bad.csv',
		file,
		{kind: 'zendesk', result: {ok: false, rows: 2, issues: [{line: 2, message: 'no id'}], summary: 'bad.csv: nothing imported'}},
		() => checked++,
	);
	expect(bad).toEqual({
		ok: false,
		name: 'bad.csv',
		kind: 'zendesk',
		rows: 2,
		issues: [{line: 2, message: 'no id'}],
		summary: 'bad.csv: nothing imported',
	});
	const broken = heldOf(
		'broken.csv',
		file,
		{
			kind: 'zendesk',
			result: {ok: true, rows: 1, dataset: {...dataset, tickets: [{...dataset.tickets[0]!, createdAt: Number.NaN}]}, warnings: []},
		},
		() => checked++,
	);
	expect(broken).toMatchObject({ok: false, summary: expect.stringMatching(/^broken\.csv: nothing imported\. /) as string});
});

test('a kept import whose description or data is damaged is not restored', () => {
	expect(() => restored({id: 'x', savedAt: 1, info: {...info('y')}, data: {dataset: {}}})).toThrow('its description is damaged');
	expect(() => restored({id: 'x', savedAt: 1, info: info('x'), data: {other: 1}})).toThrow('it holds neither a dataset nor a snapshot');
	expect(() => restored({id: 'x', savedAt: 1, info: info('x'), data: {dataset: {tickets: 'no'}}})).toThrow();
});
