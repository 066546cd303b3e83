import type {Progress} from '../session/session.ts';

/** A labelled progress bar; without a total it shows an indeterminate bar. */
export function ProgressBar({progress, label}: {progress: Progress | undefined; label: string}) {
	const known = progress !== undefined && progress.total > 0;
	const percent = known ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : undefined;
	return (
		<div class="progress" role="status" aria-live="polite">
			<span class="progress-label">{progress?.label ?? label}{percent === undefined ? '…' : ` ${percent}%`}</span>
			{known ? <progress max={progress.total} value={progress.done} aria-label={progress.label} /> : <progress aria-label={label} />}
		</div>
	);
}
