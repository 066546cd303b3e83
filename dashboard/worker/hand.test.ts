// The metric SQL against values worked out by hand (the same cases as core/metrics/baseline.test.ts),
// with facts derived in JavaScript and in SQL.
import {describe, expect, test} from 'vitest';
import {deriveFacts} from '../../core/metrics/facts.ts';
import {computeEarlyWarning, computeTemplateEffectiveness, computeThemeSummary} from '../../core/metrics/reports.ts';
import {berlinHolidayOffice, businessDataset, differences, handDataset, handKpiCases, valueAt} from '../../test/helpers/metrics.ts';
import {loadDataset} from './load.ts';
import {openNodeDatabase} from './node-database.ts';
import {earlyWarning, kpis, templateEffectiveness, themeSummary} from './queries.ts';

describe.each(['js', 'sql'] as const)('facts derived in %s', derive => {
	describe.each(handKpiCases)('$name', ({dataset, timezone, query, rows, expected}) => {
		test('matches the hand-computed values', async () => {
			const db = await openNodeDatabase();
			if (dataset === 'hand') {
				loadDataset(db, handDataset(), {timezone, derive});
			} else {
				loadDataset(db, businessDataset(), {timezone, derive, businessHours: {calendar: berlinHolidayOffice}});
			}

			const result = kpis(db, query);
			db.close();
			expect(result).toHaveLength(rows);
			for (const [path, value] of expected) {
				expect(differences(valueAt(result, path), value), path).toEqual([]);
			}
		});
	});

	test('early warning, templates and themes', async () => {
		const db = await openNodeDatabase();
		loadDataset(db, handDataset(), {derive});
		const facts = deriveFacts(handDataset());
		// The JavaScript versions are checked against hand values in core/metrics/reports.test.ts.
		expect(earlyWarning(db)).toEqual(computeEarlyWarning(facts));
		expect(earlyWarning(db).levels[1]).toMatchObject({level: 'high', flagged: 1, truePositives: 1, precision: {value: 1}, recall: {value: 0.5}, medianLeadMs: 40 * 60_000, leadTime: {count: 1, median: 40 * 60_000}});
		expect(templateEffectiveness(db)).toEqual(computeTemplateEffectiveness(facts));
		expect(themeSummary(db)).toEqual(computeThemeSummary(facts));
		db.close();
	});
});
