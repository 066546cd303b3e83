// The JavaScript KPIs against values worked out by hand (cases in test/helpers/metrics.ts).
import {describe, expect, test} from 'vitest';
import {baselineKpis} from './kpis.ts';
import {berlinHolidayOffice, businessDataset, differences, handDataset, handKpiCases, valueAt} from '../helpers/metrics.ts';

describe.each(handKpiCases)('$name', ({dataset, timezone, query, rows, expected}) => {
	const result =
		dataset === 'hand'
			? baselineKpis(handDataset(), query, {timezone})
			: baselineKpis(businessDataset(), query, {timezone, businessHours: {calendar: berlinHolidayOffice}});

	test('row count', () => {
		expect(result).toHaveLength(rows);
	});

	test.each(expected)('%s', (path, value) => {
		expect(differences(valueAt(result, path), value)).toEqual([]);
	});
});
