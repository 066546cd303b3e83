import {useRef, useState} from 'preact/hooks';
import type {ImportIssue} from '../../core/import/common.ts';
import type {SurveyKind} from '../../core/metrics/dataset.ts';
import type {MetricsClient} from '../client.ts';
import {callback} from '../client.ts';
import type {ImportKind} from '../session/detect.ts';
import {importKindLabels, importKinds} from '../session/detect.ts';
import type {ImportSettings, Progress, SourceInfo} from '../session/session.ts';
import {formatNumber, textLocale} from '../../core/format.ts';
import {ProgressBar} from './progress-bar.tsx';

export type FileOutcome = {name: string; ok: true; text: string} | {name: string; ok: false; summary: string; issues: ImportIssue[]};

function issueText(issue: ImportIssue): string {
	return `${issue.line > 0 ? `Line ${issue.line}` : 'File'}${issue.column ? `, column “${issue.column}”` : ''}: ${issue.message}`;
}

/** Saves bytes or text as a file through a temporary Blob URL. */
export function download(content: BlobPart, name: string, type: string): void {
	const url = URL.createObjectURL(new Blob([content], {type}));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function stamp(): string {
	return new Date().toISOString().slice(0, 16).replace(':', '');
}

export type DataPanelProps = {
	client: MetricsClient;
	sources: SourceInfo[];
	/** Something can be exported (data is loaded). */
	loaded: boolean;
	/** Busy elsewhere (a reload): imports wait. */
	busy: boolean;
	defaultTimezone: string;
	/** Sources changed: reload the metrics. */
	onChanged: () => Promise<void>;
	onDemo?: (() => Promise<void>) | undefined;
};

/** Imports (with progress and row-level errors), the session's sources, and exports. */
export function DataPanel({client, sources, loaded, busy, defaultTimezone, onChanged, onDemo}: DataPanelProps) {
	const input = useRef<HTMLInputElement>(null);
	const [kind, setKind] = useState<ImportKind | 'auto'>('auto');
	const [timezone, setTimezone] = useState(defaultTimezone);
	const [host, setHost] = useState('');
	const [surveyKind, setSurveyKind] = useState<SurveyKind | ''>('');
	const [csatScale, setCsatScale] = useState('');
	const [progress, setProgress] = useState<Progress | undefined>();
	const [importing, setImporting] = useState(false);
	const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
	const [details, setDetails] = useState(false);
	const [exporting, setExporting] = useState<string | undefined>();
	const [exportError, setExportError] = useState<string | undefined>();

	async function importFiles(files: File[]): Promise<void> {
		setImporting(true);
		setOutcomes([]);
		const settings: ImportSettings = {
			kind,
			timezone: timezone.trim() || undefined,
			host: host.trim() || undefined,
			surveyKind: surveyKind || undefined,
			csatScale: csatScale === '' ? undefined : Number(csatScale),
		};
		const results: FileOutcome[] = [];
		let changed = false;
		for (const file of files) {
			setProgress({label: `Reading ${file.name}`, done: 0, total: file.size});
			try {
				const outcome = await client.importFile(file.name, file, settings, callback(setProgress));
				if (outcome.ok) {
					changed = true;
					const what =
						outcome.source.kind === 'survey'
							? `${formatNumber(outcome.source.rows, textLocale)} survey responses`
							: `${formatNumber(outcome.source.tickets, textLocale)} tickets`;
					results.push({
						name: file.name,
						ok: true,
						text: `${what} from ${formatNumber(outcome.source.rows, textLocale)} rows${outcome.replaced ? ' (replaced the earlier import of this file)' : ''}${outcome.source.warnings.length > 0 ? `. Note: ${outcome.source.warnings.join(' ')}` : ''}`,
					});
				} else {
					const count = `${outcome.issues.length} problem${outcome.issues.length === 1 ? '' : 's'}`;
					const summary =
						outcome.issues.length > 1 || (outcome.issues[0]?.line ?? 0) > 0
							? `nothing imported (${count}${outcome.summary.includes('showing the first') ? ', showing the first ones' : ''}):`
							: outcome.summary.replace(`${file.name}: `, '');
					results.push({name: file.name, ok: false, summary, issues: outcome.issues});
				}
			} catch (error) {
				results.push({
					name: file.name,
					ok: false,
					summary: `nothing imported. ${error instanceof Error ? error.message : String(error)}`,
					issues: [],
				});
			}

			setOutcomes([...results]);
		}

		setProgress(undefined);
		setImporting(false);
		if (input.current) {
			input.current.value = '';
		}

		if (changed) {
			await onChanged();
		}
	}

	async function remove(id: string): Promise<void> {
		await client.removeSource(id);
		await onChanged();
	}

	async function exportAs(what: 'snapshot' | 'csv' | 'sqlite'): Promise<void> {
		setExporting(what);
		setExportError(undefined);
		try {
			if (what === 'snapshot') {
				download(await client.exportSnapshot(details ? 'details' : 'aggregates'), `defuse-snapshot-${stamp()}.json`, 'application/json');
			} else if (what === 'csv') {
				download((await client.exportCsvBundle()) as Uint8Array<ArrayBuffer>, `defuse-metrics-${stamp()}.zip`, 'application/zip');
			} else {
				download((await client.exportSqlite()) as Uint8Array<ArrayBuffer>, `defuse-metrics-${stamp()}.sqlite`, 'application/vnd.sqlite3');
			}
		} catch (error) {
			setExportError(error instanceof Error ? error.message : String(error));
		} finally {
			setExporting(undefined);
		}
	}

	return (
		<section class="panel data" aria-labelledby="data-title">
			<h2 id="data-title">Data</h2>
			<div class="data-grid">
				<div>
					<h3>Import</h3>
					<p class="hint">
						Zendesk ticket CSV export, Freshdesk ticket export, survey CSVs (CSAT, NPS, CES) or Defuse snapshots (JSON). Each file is read
						on this computer and kept in this browser until you remove it; a file with any problem is not imported at all. Importing the
						same file again changes nothing.
					</p>
					<div class="import-options">
						<label>
							Kind of file
							<select value={kind} onChange={event => setKind(event.currentTarget.value as ImportKind | 'auto')}>
								<option value="auto">Detect from the header</option>
								{importKinds.map(option => (
									<option key={option} value={option}>
										{importKindLabels[option]}
									</option>
								))}
							</select>
						</label>
						<label>
							Time zone of the export
							<input type="text" value={timezone} onInput={event => setTimezone(event.currentTarget.value)} spellcheck={false} />
						</label>
						<label>
							Helpdesk host (optional)
							<input
								type="text"
								value={host}
								placeholder="acme.zendesk.com"
								onInput={event => setHost(event.currentTarget.value)}
								spellcheck={false}
							/>
						</label>
						<label>
							Survey type (when the file has no type column)
							<select value={surveyKind} onChange={event => setSurveyKind(event.currentTarget.value as SurveyKind | '')}>
								<option value="">From the file</option>
								<option value="csat">CSAT</option>
								<option value="nps">NPS</option>
								<option value="ces">CES</option>
							</select>
						</label>
						<label>
							CSAT scale of numeric scores
							<select value={csatScale} onChange={event => setCsatScale(event.currentTarget.value)} data-role="csat-scale">
								<option value="">From the scores (Zendesk), else 5 points</option>
								<option value="2">2 points (2 is good)</option>
								<option value="3">3 points (3 is good)</option>
								<option value="5">5 points (4 and 5 are good)</option>
							</select>
						</label>
					</div>
					<label class="file-button">
						Choose files to import
						<input
							ref={input}
							type="file"
							multiple
							accept=".csv,.json,text/csv,application/json"
							disabled={importing || busy}
							data-role="import-input"
							onChange={event => {
								const files = [...(event.currentTarget.files ?? [])];
								if (files.length > 0) {
									void importFiles(files);
								}
							}}
						/>
					</label>
					{onDemo && (
						<button type="button" data-role="load-demo" disabled={importing || busy} onClick={() => void onDemo()}>
							Load demo data
						</button>
					)}
					{importing && <ProgressBar progress={progress} label="Importing" />}
					{outcomes.length > 0 && (
						<ul class="outcomes" aria-live="polite">
							{outcomes.map(outcome => (
								<li key={outcome.name} class={outcome.ok ? 'ok' : 'failed'} data-import={outcome.name} data-ok={String(outcome.ok)}>
									<strong>{outcome.name}</strong>: {outcome.ok ? `imported ${outcome.text}.` : outcome.summary}
									{!outcome.ok && outcome.issues.length > 0 && (
										<ul class="issues" role="alert">
											{outcome.issues.map(issue => (
												<li key={`${issue.line}-${issue.column ?? ''}-${issue.message}`} data-line={issue.line}>
													{issueText(issue)}
												</li>
											))}
										</ul>
									)}
								</li>
							))}
						</ul>
					)}
				</div>
				<div>
					<h3>Loaded now</h3>
					{sources.length === 0 ? (
						<p class="empty">Nothing yet.</p>
					) : (
						<ul class="sources">
							{sources.map(source => (
								<li key={source.id} data-source={source.kind} data-failed={source.error === undefined ? undefined : 'true'}>
									{source.error === undefined ? (
										<>
											{source.name}: {formatNumber(source.tickets, textLocale)} tickets
											{source.rows !== source.tickets ? `, ${formatNumber(source.rows, textLocale)} rows` : ''}
										</>
									) : (
										<>
											<strong>{source.name}</strong>: not loaded,{' '}
											<span class="error" data-role="source-error">
												{source.error}
											</span>
											{source.kind === 'store' ? ' (Delete everything in the options clears it.)' : ''}
										</>
									)}
									{source.kind !== 'store' && (
										<button type="button" class="link" aria-label={`Remove ${source.name}`} onClick={() => void remove(source.id)}>
											Remove
										</button>
									)}
								</li>
							))}
						</ul>
					)}
					<h3>Export</h3>
					<p class="hint" data-role="export-contents">
						Every export holds per-ticket measures, escalations, flags, feedback, template uses, survey scores and agent names. Customers
						are replaced by pseudonyms and there is no customer text; themes are kept only when at least three customers share them and they
						contain no sensitive or name-like word. The CSV bundle and the SQLite file hold exactly what a snapshot without details holds.
						Snapshots merge across agents without double counting.
					</p>
					<label class="check">
						<input
							type="checkbox"
							checked={details}
							onChange={event => setDetails(event.currentTarget.checked)}
							data-role="export-details"
						/>
						Include details (timeline and customer text)
					</label>
					{details && (
						<p class="warning" role="alert">
							Details add every ticket's timeline (without customer names) and what customers wrote, and keep every theme. Links, e-mail
							addresses, phone numbers, IBANs and long numbers are masked, but names and other personal facts in the text are not detected.
							Share such a file only where customer data may go. Details apply to the snapshot only.
						</p>
					)}
					<div class="buttons">
						<button
							type="button"
							data-role="export-snapshot"
							disabled={!loaded || exporting !== undefined}
							onClick={() => void exportAs('snapshot')}
						>
							Snapshot (JSON)
						</button>
						<button type="button" data-role="export-csv" disabled={!loaded || exporting !== undefined} onClick={() => void exportAs('csv')}>
							CSV bundle (ZIP)
						</button>
						<button
							type="button"
							data-role="export-sqlite"
							disabled={!loaded || exporting !== undefined}
							onClick={() => void exportAs('sqlite')}
						>
							SQLite file
						</button>
					</div>
					{exporting && <p role="status">Preparing the {exporting} export…</p>}
					{exportError && (
						<p class="error" role="alert">
							{exportError}
						</p>
					)}
				</div>
			</div>
		</section>
	);
}
