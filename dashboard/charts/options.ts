// uPlot option builders, one idea each. Colours follow the page's light or dark scheme.
import uPlot from 'uplot';

export type Scheme = 'light' | 'dark';

export type SeriesSpec = {
	label: string;
	/** Which y scale: series sharing a scale share an axis. */
	scale: string;
	/** Value as shown in the legend. */
	format: (value: number) => string;
};

const palettes: Record<Scheme, string[]> = {
	light: ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#0a7c86'],
	dark: ['#58a6ff', '#ff7b72', '#3fb950', '#d29922', '#bc8cff', '#39c5cf'],
};

const ink: Record<Scheme, {text: string; grid: string}> = {
	light: {text: '#3d4752', grid: 'rgba(0,0,0,0.08)'},
	dark: {text: '#c9d1d9', grid: 'rgba(255,255,255,0.10)'},
};

export function seriesColor(index: number, scheme: Scheme): string {
	const palette = palettes[scheme];
	return palette[index % palette.length]!;
}

function axis(scheme: Scheme, scale: string, side: 0 | 1 | 2 | 3, format?: (value: number) => string): uPlot.Axis {
	return {
		scale,
		side,
		stroke: ink[scheme].text,
		grid: {stroke: ink[scheme].grid, width: 1, show: side !== 1},
		ticks: {stroke: ink[scheme].grid, width: 1},
		...(format ? {values: (_chart: uPlot, values: number[]) => values.map(value => format(value)), size: 60} : {}),
	};
}

export type LineExtras = {
	/** Draw every value as a point (few points, or values with gaps around them that no line would join). */
	points?: boolean | undefined;
	/** x (seconds) from which the buckets are incomplete: shaded to the right edge. */
	incompleteFrom?: number | undefined;
};

const shade: Record<Scheme, string> = {light: 'rgba(212, 167, 44, 0.16)', dark: 'rgba(158, 122, 28, 0.25)'};

/** A hook that shades the plot from x = `from` to the right edge (drawn under the series). */
function shadeFrom(from: number, scheme: Scheme): (chart: uPlot) => void {
	return chart => {
		const left = Math.max(chart.bbox.left, chart.valToPos(from, 'x', true));
		const right = chart.bbox.left + chart.bbox.width;
		if (left < right) {
			chart.ctx.save();
			chart.ctx.fillStyle = shade[scheme];
			chart.ctx.fillRect(left, chart.bbox.top, right - left, chart.bbox.height);
			chart.ctx.restore();
		}
	};
}

/** Lines over time (x in seconds, days in UTC as the metrics number them); up to two y scales. */
export function lineOptions(series: SeriesSpec[], scheme: Scheme, height = 220, extras: LineExtras = {}): uPlot.Options {
	const scales = [...new Set(series.map(spec => spec.scale))];
	return {
		width: 600,
		height,
		tzDate: seconds => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
		scales: {x: {time: true}, ...Object.fromEntries(scales.map(scale => [scale, {auto: true}]))},
		series: [
			{label: 'Day', value: '{YYYY}-{MM}-{DD}'},
			...series.map((spec, index): uPlot.Series => ({
				label: spec.label,
				scale: spec.scale,
				stroke: seriesColor(index, scheme),
				width: 2,
				spanGaps: false,
				points: {show: extras.points === true, size: 6},
				value: (_chart, value) => (value === null || value === undefined ? '–' : spec.format(value)),
			})),
		],
		axes: [
			axis(scheme, 'x', 2),
			...scales.map((scale, index) => {
				const first = series.find(spec => spec.scale === scale)!;
				return axis(scheme, scale, index === 0 ? 3 : 1, first.format);
			}),
		],
		legend: {live: true},
		cursor: {drag: {x: false, y: false}},
		...(extras.incompleteFrom === undefined ? {} : {hooks: {drawAxes: [shadeFrom(extras.incompleteFrom, scheme)]}}),
	};
}
