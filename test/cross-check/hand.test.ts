// The metric SQL against values worked out by hand (the same cases as ./kpis.test.ts), with facts
// derived in JavaScript (production) and by the SQL derivation (./derive-sql.ts).
import {describe, expect, test} from 'vitest';
import {deriveFacts} from '../../core/metrics/facts.ts';
import {berlinHolidayOffice, businessDataset, differences, handDataset, handKpiCases, valueAt} from '../helpers/metrics.ts';
import {loadDataset} from '../../dashboard/worker/load.ts';
import {openNodeDatabase} from '../../dashboard/worker/node-database.ts';
import {earlyWarning, kpis, templateEffectiveness, themeSummary} from '../../dashboard/worker/queries.ts';
import {loadDatasetDerivingInSql} from './load-sql.ts';
import {computeEarlyWarning, computeTemplateEffectiveness, computeThemeSummary} from './reports.ts';

const loaders = {js: loadDataset, sql: loadDatasetDerivingInSql};

describe.each(['js', 'sql'] as const)('facts derived in %s', derive => {
	const load = loaders[derive];
	describe.each(handKpiCases)('$name', ({dataset, timezone, query, rows, expected}) => {
		test('matches the hand-computed values', async () => {
			const db = await openNodeDatabase();
			if (dataset === 'hand') {
				load(db, handDataset(), {timezone});
			} else {
				load(db, businessDataset(), {timezone, businessHours: {calendar: berlinHolidayOffice}});
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
		load(db, handDataset());
		const facts = deriveFacts(handDataset());
		// The JavaScript versions are checked against hand values in ./reports.test.ts.
		expect(earlyWarning(db)).toEqual(computeEarlyWarning(facts));
		expect(earlyWarning(db).levels[1]).toMatchObject({
			level: 'high',
			flagged: 1,
			truePositives: 1,
			precision: {value: 1},
			recall: {value: 0.5},
			medianLeadMs: 40 * 60_000,
			leadTime: {count: 1, median: 40 * 60_000},
		});
		expect(templateEffectiveness(db)).toEqual(computeTemplateEffectiveness(facts));
		expect(themeSummary(db)).toEqual(computeThemeSummary(facts));
		db.close();
	});
});
