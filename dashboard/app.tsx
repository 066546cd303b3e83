import {liveQuery} from 'dexie';
import {useEffect, useRef, useState} from 'preact/hooks';
import type {BusinessHours} from '../core/metrics/time.ts';
import type {DefuseDb} from '../core/store/db.ts';
import type {MetricsClient} from './client.ts';
import {callback} from './client.ts';
import {Breakdowns} from './components/breakdowns.tsx';
import {DataPanel} from './components/data-panel.tsx';
import {EarlyWarning} from './components/early-warning.tsx';
import {Filters} from './components/filters.tsx';
import {formatNumber, textLocale} from '../core/format.ts';
import {Overview} from './components/overview.tsx';
import type {DashboardFilters} from './components/period.ts';
import {effectivePeriod, grainFor, lastDays, noFilters, queryOf} from './components/period.ts';
import {ProgressBar} from './components/progress-bar.tsx';
import type {Tab} from './components/tabs.tsx';
import type {TemplateNames} from './components/template-names.ts';
import {DrillPanel} from './components/drill-panel.tsx';
import type {Dimension} from '../core/metrics/kpis.ts';
import type {DrillState, UrlState, ViewId} from './url-state.ts';
import {filtersFromUrl, readUrlState, writeUrlState} from './url-state.ts';
import {TabPanel, Tabs} from './components/tabs.tsx';
import {Themes} from './components/themes.tsx';
import {TicketsView} from './components/tickets-view.tsx';
import type {LoadSummary, Progress, SourceInfo} from './session/session.ts';

export {TicketTable} from './components/tickets-view.tsx';

/** Where the dashboard state is kept: the page's address (tests pass their own). */
export type AddressBar = {search(): string; replace(search: string): void};

const browserAddress: AddressBar = {
	search: () => location.search,
	replace(search) {
		if (search !== location.search) {
			history.replaceState(history.state, '', `${search}${location.hash}`);
		}
	},
};

export type AppProps = {
	client: MetricsClient;
	/** The extension's own store (extension page); absent on the static site, which is fed by imports. */
	store?: DefuseDb | undefined;
	/** Business hours for the business-hours measures (the SLA calendar of the settings). */
	businessHours?: BusinessHours | undefined;
	/** Load the demo history at once (?demo=1). */
	demo?: boolean | undefined;
	/** Wait this long after the store changes before recomputing. @default 1500 */
	storeDebounceMs?: number | undefined;
	/** Template titles by id. @default the built-in library's */
	templateNames?: TemplateNames | undefined;
	/** @default the page's address */
	address?: AddressBar | undefined;
};

/** Filters that fit the loaded data: the same ones when they still do (or the address's, on the first load), else the last 30 days. */
export function fitFilters(
	previous: DashboardFilters | undefined,
	summary: LoadSummary,
	fromAddress?: UrlState,
): DashboardFilters | undefined {
	const {firstDay, lastDay} = summary;
	if (!firstDay || !lastDay || summary.tickets === 0) {
		return undefined;
	}

	if (!previous && fromAddress) {
		const wanted = filtersFromUrl(fromAddress, firstDay, lastDay, summary.options, {fcr: 'one-touch', grain: 'day'});
		if (wanted) {
			return {...wanted, grain: fromAddress.filters?.grain ?? grainFor(wanted)};
		}
	}

	if (previous && previous.from >= firstDay && previous.to <= lastDay) {
		const fields = {...previous.fields};
		for (const field of Object.keys(fields) as Array<keyof typeof fields>) {
			if (fields[field] !== '' && !summary.options[field].includes(fields[field])) {
				fields[field] = '';
			}
		}

		return {...previous, fields};
	}

	const period = lastDays(30, firstDay, lastDay);
	return {...period, fields: noFilters(), fcr: previous?.fcr ?? 'one-touch', grain: grainFor(period)};
}

/** A cheap fingerprint of the store: it changes whenever the background writes something the metrics read. */
async function storeSignature(db: DefuseDb): Promise<string> {
	const [tickets, messages, events, last] = await Promise.all([
		db.tickets.count(),
		db.messages.count(),
		db.events.count(),
		db.tickets.orderBy('lastSeenAt').last(),
	]);
	return `${tickets}:${messages}:${events}:${last?.lastSeenAt ?? ''}`;
}

export function App({client, store, businessHours, demo, storeDebounceMs = 1500, templateNames, address = browserAddress}: AppProps) {
	const fromAddress = useRef<UrlState | undefined>(undefined);
	fromAddress.current ??= readUrlState(address.search());
	const [view, setView] = useState<ViewId>(
		fromAddress.current.view === 'tickets' && !store ? 'overview' : (fromAddress.current.view ?? 'overview'),
	);
	const [dimension, setDimension] = useState<Dimension>(fromAddress.current.by ?? 'trigger');
	const [drill, setDrill] = useState<DrillState | undefined>(fromAddress.current.drill);
	const [summary, setSummary] = useState<LoadSummary>();
	const [loading, setLoading] = useState(true);
	const [progress, setProgress] = useState<Progress>();
	const [error, setError] = useState<string>();
	/** Files imported on an earlier visit that could not be brought back (forgotten, to be imported again). */
	const [lost, setLost] = useState<string[]>([]);
	const [filters, setFilters] = useState<DashboardFilters>();
	const [version, setVersion] = useState(0);
	/** The session's sources, also after a failed step (so a source can always be removed). */
	const [sources, setSources] = useState<SourceInfo[]>([]);
	const queue = useRef<Promise<unknown>>(Promise.resolve());

	/** Runs one data step after another (a store change during an import waits its turn). */
	const serial = async (task: () => Promise<void>): Promise<void> => {
		const next = queue.current.then(async () => {
			setLoading(true);
			setProgress(undefined);
			try {
				await task();
				setError(undefined);
			} catch (failure) {
				setError(failure instanceof Error ? failure.message : String(failure));
				setSources(await client.sources().catch(() => []));
			} finally {
				setLoading(false);
			}
		});
		queue.current = next;
		return next;
	};

	const recompute = async (): Promise<void> => {
		const next = await client.reload(callback(setProgress));
		setSummary(next);
		setSources(next.sources);
		setFilters(current => fitFilters(current, next, fromAddress.current));
		setVersion(current => current + 1);
	};

	const readStore = async (): Promise<void> => {
		if (store) {
			setProgress({label: "Reading this browser's store", done: 0, total: 0});
			await client.readStore();
		}
	};

	useEffect(() => {
		void serial(async () => {
			await client.configure({businessHours});
			setProgress({label: 'Bringing back files imported earlier', done: 0, total: 0});
			setLost((await client.restoreImports()).problems);
			await readStore();
			if (demo) {
				setProgress({label: 'Generating the demo history', done: 0, total: 0});
				await client.loadDemo();
			}

			await recompute();
		});
	}, [client]);

	useEffect(() => {
		if (!store) {
			return undefined;
		}

		let seen: string | undefined;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const subscription = liveQuery(async () => storeSignature(store)).subscribe({
			next(signature) {
				if (seen !== undefined && signature !== seen) {
					clearTimeout(timer);
					timer = setTimeout(
						() =>
							void serial(async () => {
								await readStore();
								await recompute();
							}),
						storeDebounceMs,
					);
				}

				seen = signature;
			},
			error: failure => console.error('Defuse dashboard:', failure),
		});
		return () => {
			subscription.unsubscribe();
			clearTimeout(timer);
		};
	}, [store]);

	// The address follows what is shown (replaced, not pushed: Back leaves the dashboard).
	useEffect(() => {
		address.replace(writeUrlState({view, filters, by: dimension, drill}, address.search()));
	}, [view, filters, dimension, drill]);

	const refresh = async () =>
		serial(async () => {
			await readStore();
			await recompute();
		});
	const loadDemo = async () =>
		serial(async () => {
			setProgress({label: 'Generating the demo history', done: 0, total: 0});
			await client.loadDemo();
			await recompute();
		});

	const tabs: Array<Tab<ViewId>> = [
		{id: 'overview', label: 'Overview'},
		{id: 'breakdowns', label: 'Breakdowns'},
		{id: 'themes', label: 'Themes'},
		{id: 'warnings', label: 'Early warnings'},
		{id: 'data', label: 'Import and export'},
		...(store ? [{id: 'tickets' as const, label: 'Tickets'}] : []),
	];
	const hasData = summary !== undefined && summary.tickets > 0 && filters !== undefined;
	const settlement = summary?.settlement;
	const period = filters ? effectivePeriod(filters, settlement?.settledThrough) : undefined;
	const query = filters && period ? queryOf(filters, period) : undefined;

	const unsettledOnly =
		hasData && period === undefined ? (
			<p class="period-state" data-role="all-unsettled">
				Every day of this period is after {settlement?.settledThrough}, so leaving out unsettled days leaves nothing.
				<button type="button" onClick={() => setFilters({...filters, complete: false})}>
					Include them
				</button>
			</p>
		) : undefined;

	const empty = (
		<div class="empty-state" data-role="empty">
			<h2>No data yet</h2>
			<p>
				{store
					? 'Defuse has not stored any tickets in this browser yet. Open tickets in your helpdesk with Defuse installed, import a helpdesk export or snapshots, or look around with the demo data.'
					: 'This dashboard runs entirely in your browser: nothing is uploaded. Import a Zendesk or Freshdesk ticket export, survey responses, or Defuse snapshots from your agents, or look around with the demo data.'}
			</p>
			<div class="buttons">
				<button type="button" onClick={() => setView('data')}>
					Import files
				</button>
				<button type="button" data-role="load-demo" onClick={() => void loadDemo()} disabled={loading}>
					Load demo data
				</button>
			</div>
		</div>
	);

	return (
		<main class="dashboard" data-state={loading ? 'loading' : hasData ? 'ready' : 'empty'} data-version={version}>
			<header class="top">
				<div>
					<h1>Defuse</h1>
					<p class="subtitle">
						{store
							? 'Escalation metrics from this browser, computed and stored here only.'
							: 'Escalation metrics, computed in this browser; nothing is uploaded.'}
						{summary && summary.tickets > 0 && (
							<>
								{' '}
								{formatNumber(summary.tickets, textLocale)} tickets from{' '}
								{summary.sources
									.filter(source => source.error === undefined)
									.map(source => source.name)
									.join(', ')}
								. Days in {summary.timezone}.
							</>
						)}
					</p>
				</div>
				{store && (
					<button type="button" onClick={() => void refresh()} disabled={loading}>
						Refresh
					</button>
				)}
			</header>
			{loading && <ProgressBar progress={progress} label="Loading" />}
			{error && (
				<p class="error" role="alert">
					Something went wrong: {error}
				</p>
			)}
			{lost.length > 0 && (
				<div class="error" role="status" data-state="restore-problems">
					{lost.map(problem => (
						<p key={problem}>{problem}</p>
					))}
					<button type="button" onClick={() => setLost([])}>
						Dismiss
					</button>
				</div>
			)}
			{summary && summary.warnings.length > 0 && (
				<ul class="warnings">
					{summary.warnings.map(warning => (
						<li key={warning}>{warning}</li>
					))}
				</ul>
			)}
			{hasData && summary.firstDay && summary.lastDay && (
				<Filters
					value={filters}
					options={summary.options}
					firstDay={summary.firstDay}
					lastDay={summary.lastDay}
					onChange={setFilters}
					settlement={settlement}
				/>
			)}
			<Tabs tabs={tabs} selected={view} onSelect={setView} label="Dashboard views" />
			{drill && hasData && query && (
				<DrillPanel client={client} target={drill} query={query} version={version} onClose={() => setDrill(undefined)} />
			)}
			<TabPanel id="overview" selected={view === 'overview'}>
				{view === 'overview' &&
					(hasData && query && period ? (
						<Overview
							client={client}
							query={{...query, ...period}}
							grain={filters.grain}
							fcr={filters.fcr}
							version={version}
							settlement={settlement}
							onLeaveOutIncomplete={() => setFilters({...filters, complete: true})}
							onDrill={(metric, label) => setDrill({metric, label})}
						/>
					) : (
						!loading && (unsettledOnly ?? empty)
					))}
			</TabPanel>
			<TabPanel id="breakdowns" selected={view === 'breakdowns'}>
				{view === 'breakdowns' &&
					(hasData && query ? (
						<Breakdowns
							client={client}
							query={query}
							version={version}
							dimension={dimension}
							onDimension={setDimension}
							onDrill={(metric, label, group) => setDrill({metric, label, group})}
						/>
					) : (
						!loading && (unsettledOnly ?? empty)
					))}
			</TabPanel>
			<TabPanel id="themes" selected={view === 'themes'}>
				{view === 'themes' &&
					(hasData && query && period ? (
						<Themes client={client} query={{...query, ...period}} version={version} />
					) : (
						!loading && (unsettledOnly ?? empty)
					))}
			</TabPanel>
			<TabPanel id="warnings" selected={view === 'warnings'}>
				{view === 'warnings' &&
					(hasData && query ? (
						<EarlyWarning
							client={client}
							query={query}
							version={version}
							templateNames={templateNames}
							onDrill={(metric, label) => setDrill({metric, label})}
						/>
					) : (
						!loading && (unsettledOnly ?? empty)
					))}
			</TabPanel>
			<TabPanel id="data" selected={view === 'data'}>
				<DataPanel
					client={client}
					sources={sources}
					loaded={summary !== undefined && summary.tickets > 0}
					busy={loading}
					defaultTimezone={summary?.timezone ?? businessHours?.calendar.timezone ?? 'UTC'}
					onChanged={async () => serial(recompute)}
					onDemo={loadDemo}
				/>
			</TabPanel>
			{store && (
				// Always mounted: the ticket list follows the store even while another view is open.
				<TabPanel id="tickets" selected={view === 'tickets'}>
					<TicketsView db={store} />
				</TabPanel>
			)}
		</main>
	);
}
