import {useState} from 'preact/hooks';
import type {MetricId} from '../../core/metrics/definitions.ts';
import {definitionOf} from '../../core/metrics/definitions.ts';

/** A "?" button that shows a metric's definition, formula and sources right below it. */
export function MetricHelp({metric, id}: {metric: MetricId; id: string}) {
	const [open, setOpen] = useState(false);
	const definition = definitionOf(metric);
	const panelId = `help-${id}`;
	return (
		<>
			<button
				type="button"
				class="help-button"
				aria-expanded={open}
				aria-controls={panelId}
				aria-label={`Definition of ${definition.name}`}
				title={`Definition of ${definition.name}`}
				onClick={() => setOpen(!open)}
				onKeyDown={event => {
					if (event.key === 'Escape') {
						setOpen(false);
					}
				}}
			>
				?
			</button>
			{open && (
				<div id={panelId} class="help" role="region" aria-label={`${definition.name}: definition`}>
					<p>{definition.definition}</p>
					<p>
						<strong>How it is computed:</strong> {definition.formula}
					</p>
					<p>
						<strong>Counted on:</strong> {definition.anchor}
					</p>
					{definition.variants && (
						<p>
							<strong>Variants:</strong> {definition.variants.join('; ')}
						</p>
					)}
					<p>
						<strong>Sources:</strong>
					</p>
					<ul>
						{definition.sources.map(source => (
							<li key={source.title}>
								{source.url ? (
									<a href={source.url} target="_blank" rel="noreferrer">
										{source.title}
									</a>
								) : (
									source.title
								)}
							</li>
						))}
					</ul>
				</div>
			)}
		</>
	);
}
