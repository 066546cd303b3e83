import {useEffect, useState} from 'preact/hooks';
import type {Progress} from '../session/session.ts';

/** After this long without any progress, the bar says the page may have run out of memory. */
export const stallMs = 90_000;

/** A labelled progress bar; without a total it shows an indeterminate bar. Says so when nothing moves for long. */
export function ProgressBar({
	progress,
	label,
	stallAfterMs = stallMs,
}: {
	progress: Progress | undefined;
	label: string;
	stallAfterMs?: number | undefined;
}) {
	const known = progress !== undefined && progress.total > 0;
	const percent = known ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : undefined;
	const [stalled, setStalled] = useState(false);
	useEffect(() => {
		setStalled(false);
		const timer = setTimeout(() => setStalled(true), stallAfterMs);
		return () => clearTimeout(timer);
	}, [progress?.label, progress?.done, progress?.total, stallAfterMs]);
	return (
		<div class="progress" role="status" aria-live="polite">
			<span class="progress-label">
				{progress?.label ?? label}
				{percent === undefined ? '…' : ` ${percent}%`}
			</span>
			{known ? <progress max={progress.total} value={progress.done} aria-label={progress.label} /> : <progress aria-label={label} />}
			{stalled && (
				<p class="error" data-role="stalled">
					Nothing has moved for {Math.round(stallAfterMs / 1000)} seconds. The page may have run out of memory for this much data: reload it
					and import a smaller file, or use the command line, which streams files of any size (npx defuse kpis export.csv).
				</p>
			)}
		</div>
	);
}
