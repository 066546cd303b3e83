import {expect, test} from 'vitest';
import {definitionOf, metricDefinitions} from './definitions.ts';

test('every metric has a definition, a formula and a source, and ids are unique', () => {
	expect(new Set(metricDefinitions.map(definition => definition.id)).size).toBe(metricDefinitions.length);
	for (const definition of metricDefinitions) {
		expect(definition.definition.length, definition.id).toBeGreaterThan(30);
		expect(definition.formula.length, definition.id).toBeGreaterThan(5);
		expect(definition.sources.length, definition.id).toBeGreaterThan(0);
		for (const source of definition.sources) {
			if (source.url !== undefined) {
				expect(source.url, definition.id).toMatch(/^https:\/\//);
			}
		}
	}
});

test("the design's section 6 metrics are all there", () => {
	for (const id of [
		'firstReply',
		'nextReply',
		'firstResolution',
		'fullResolution',
		'resolutionRate',
		'reopenRate',
		'fcr',
		'escalationRate',
		'slaCompliance',
		'csat',
		'nps',
		'ces',
		'churn',
	] as const) {
		expect(definitionOf(id).name.length).toBeGreaterThan(2);
	}

	expect(definitionOf('fcr').variants).toHaveLength(2);
});

test('help texts are complete where they are read: no pointer to source files or READMEs', () => {
	for (const definition of metricDefinitions) {
		const text = [
			definition.definition,
			definition.formula,
			definition.anchor,
			...(definition.variants ?? []),
			...definition.sources.map(source => source.title),
		].join(' ');
		expect(text, definition.id).not.toMatch(/README|\.tsx?\b|core\/|dashboard\/|in the (Defuse )?sources/i);
	}
});
