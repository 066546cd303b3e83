// KPI rows grouped by day, week or month -> uPlot's columns: x in seconds, then one column per series.
import type uPlot from 'uplot';
import type {KpiRow} from '../../core/metrics/kpis.ts';

/** Seconds at the start of a group label ('YYYY-MM-DD' or 'YYYY-MM'), days numbered in UTC. */
export function secondsOf(group: string): number {
	const iso = /^\d{4}-\d{2}$/.test(group) ? `${group}-01` : group;
	return Date.parse(`${iso}T00:00:00Z`) / 1000;
}

/** Time-ordered columns; rows whose group is not a date are left out. */
export function kpiColumns(rows: readonly KpiRow[], pick: ReadonlyArray<(row: KpiRow) => number | null>): uPlot.AlignedData {
	const dated = rows
		.map(row => ({row, x: secondsOf(row.group)}))
		.filter(({x}) => Number.isFinite(x))
		.sort((a, b) => a.x - b.x);
	return [dated.map(({x}) => x), ...pick.map(read => dated.map(({row}) => read(row)))];
}

/** True when some value has no neighbour on either side (a line would not show it) or there are few points. */
export function needsPoints(data: uPlot.AlignedData, few = 16): boolean {
	const [xs, ...columns] = data;
	if (xs.length <= few) {
		return true;
	}

	return columns.some(column =>
		column.some(
			(value, index) =>
				value !== null && value !== undefined && (column[index - 1] ?? null) === null && (column[index + 1] ?? null) === null,
		),
	);
}
