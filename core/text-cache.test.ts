import {expect, test} from 'vitest';
import {textCache} from './text-cache.ts';

test('keeps the most recent texts, forgets the oldest first, and clears', () => {
	const cache = textCache<number>(2);
	cache.set('a', 1);
	cache.set('b', 2);
	cache.set('c', 3);
	expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
	cache.clear();
	expect(cache.get('c')).toBeUndefined();
});
