// @vitest-environment happy-dom
import {cleanup, render} from '@testing-library/preact';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import type uPlot from 'uplot';
import {emptyKpiRow, type KpiRow} from '../../core/metrics/kpis.ts';
import {kpiColumns, secondsOf} from './columns.ts';
import {lineOptions} from './options.ts';
import type {DrawCalls} from '../../test/helpers/canvas.ts';
import {stubCanvas} from '../../test/helpers/canvas.ts';
import {UplotChart} from './uplot-chart.tsx';

let calls: DrawCalls;

beforeEach(() => {
	calls = stubCanvas();
});

afterEach(() => {
	cleanup();
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
});

const spec = [{label: 'Tickets', scale: 'n', format: (value: number) => String(value)}];
const day = (iso: string) => secondsOf(iso);

test('KPI rows become columns: x ascending in seconds, gaps as null, non-date groups left out', () => {
	const row = (group: string, tickets: number): KpiRow => ({...emptyKpiRow(group, false), tickets});
	const data = kpiColumns([row('2026-06-02', 5), row('2026-06-01', 3), row('(none)', 9)], [item => item.tickets, item => item.csat.value]);
	expect(data).toEqual([
		[day('2026-06-01'), day('2026-06-02')],
		[3, 5],
		[null, null],
	]);
	expect(secondsOf('2026-06')).toBe(Date.UTC(2026, 5, 1) / 1000);
	expect(secondsOf('2026-06-01') % 86_400).toBe(0);
});

test('the wrapper creates one chart, draws new data into it, rebuilds it for new options, and destroys it on unmount', async () => {
	const options = lineOptions(spec, 'light');
	const first: uPlot.AlignedData = [
		[day('2026-06-01'), day('2026-06-02'), day('2026-06-03')],
		[3, 5, 4],
	];
	const view = render(<UplotChart data={first} options={options} label="Tickets per day" />);
	const host = view.container.querySelector('[role="img"]')!;
	expect(host.getAttribute('aria-label')).toBe('Tickets per day');
	expect(host.querySelectorAll('.uplot')).toHaveLength(1);
	expect(host.querySelectorAll('canvas')).toHaveLength(1);
	// The legend lists the series with the options' labels.
	expect([...host.querySelectorAll('.u-legend .u-label')].map(label => label.textContent)).toEqual(['Day', 'Tickets']);

	// uPlot draws on the next microtask.
	await vi.waitFor(() => expect(calls.get('stroke') ?? 0).toBeGreaterThan(0));
	const drawn = calls.get('stroke')!;
	const second: uPlot.AlignedData = [
		[day('2026-06-01'), day('2026-06-02'), day('2026-06-03'), day('2026-06-04')],
		[3, 5, 4, 8],
	];
	view.rerender(<UplotChart data={second} options={options} label="Tickets per day" />);
	await vi.waitFor(() => expect(calls.get('stroke')).toBeGreaterThan(drawn));
	expect(host.querySelectorAll('.uplot')).toHaveLength(1);

	// Other options (dark scheme): a new chart replaces the old one, never beside it.
	view.rerender(<UplotChart data={second} options={lineOptions(spec, 'dark')} label="Tickets per day" />);
	expect(host.querySelectorAll('.uplot')).toHaveLength(1);

	view.unmount();
	expect(document.querySelectorAll('.uplot')).toHaveLength(0);
});

test('light and dark options differ only in colour; x is a UTC time scale', () => {
	const light = lineOptions([...spec, {label: 'Rate', scale: '%', format: value => `${value}%`}], 'light');
	const dark = lineOptions([...spec, {label: 'Rate', scale: '%', format: value => `${value}%`}], 'dark');
	expect(light.scales?.['x']?.time).toBe(true);
	expect(light.axes?.map(axis => axis.scale)).toEqual(['x', 'n', '%']);
	expect(light.series[1]?.stroke).not.toBe(dark.series[1]?.stroke);
	expect(light.tzDate?.(0).getHours()).toBe(0);
});
