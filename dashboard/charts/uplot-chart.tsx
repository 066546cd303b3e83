import {useEffect, useRef} from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type ChartProps = {
	/** Columns: x ascending (seconds on time scales), then one array per series; null for gaps. */
	data: uPlot.AlignedData;
	/** Width comes from the chart's box; the options' width is only the first guess. */
	options: uPlot.Options;
	/** What the chart shows, for screen readers (the numbers are also in a table beside it). */
	label: string;
};

/** The one uPlot wrapper: creates the chart, feeds it data, follows its box's width, destroys it. */
export function UplotChart({data, options, label}: ChartProps) {
	const host = useRef<HTMLDivElement>(null);
	const chart = useRef<uPlot | undefined>(undefined);
	const latest = useRef(data);
	latest.current = data;

	useEffect(() => {
		const element = host.current;
		if (!element) {
			return undefined;
		}

		const width = element.clientWidth > 0 ? element.clientWidth : options.width;
		const created = new uPlot({...options, width}, latest.current, element);
		chart.current = created;
		const observer =
			typeof ResizeObserver === 'function'
				? new ResizeObserver(() => {
						if (element.clientWidth > 0 && element.clientWidth !== created.width) {
							created.setSize({width: element.clientWidth, height: options.height});
						}
					})
				: undefined;
		observer?.observe(element);
		return () => {
			observer?.disconnect();
			created.destroy();
			chart.current = undefined;
		};
	}, [options]);

	useEffect(() => {
		chart.current?.setData(data);
	}, [data]);

	return <div class="chart" ref={host} role="img" aria-label={label} />;
}
