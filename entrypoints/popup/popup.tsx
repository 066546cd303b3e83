import {useState} from 'preact/hooks';
import {namedHelpdesks} from '../../core/helpdesks/registry.ts';
import type {Countdown, PendingWriteStatus, TabStatus} from '../../core/messages.ts';
import {formatDuration, formatShortDuration, textLocale} from '../../core/format.ts';

export type PopupView = {kind: 'loading'} | {kind: 'no-helpdesk'; url?: string | undefined} | {kind: 'status'; status: TabStatus};

/** 'A, B and C' */
const listed = (names: readonly string[]): string =>
	names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;

function describe(status: TabStatus): {title: string; detail: string} {
	switch (status.state) {
		case 'ticket': {
			const unknown = status.unknownMessages ?? 0;
			return {
				title: `${status.helpdeskName}: ticket #${status.ticketId}`,
				detail: `${status.subject ? `"${status.subject}". ` : ''}Read ${status.customerMessages} customer and ${status.agentMessages} agent messages${status.internalNotes > 0 ? ` and ${status.internalNotes} internal notes` : ''}${status.fromApi ? ` from the ${status.helpdeskName} API (the page itself could not be read)` : ''}.${unknown > 0 ? ` ${unknown} ${unknown === 1 ? 'message does' : 'messages do'} not show who wrote ${unknown === 1 ? 'it' : 'them'}: left out of the tone signals.` : ''}`,
			};
		}

		case 'list': {
			return {title: `${status.helpdeskName}: ticket list`, detail: `${status.rows} tickets on this page.`};
		}

		case 'waiting': {
			return {title: `${status.helpdeskName}: reading`, detail: 'The ticket is still loading.'};
		}

		case 'unreadable': {
			return {
				title: 'Defuse cannot read this page',
				detail: `${status.detail}${status.missing.length > 0 ? ` Missing: ${status.missing.join(', ')}.` : ''} This was recorded so it shows in the dashboard.`,
			};
		}

		case 'other-page': {
			return {title: status.helpdeskName, detail: 'Open a ticket to see its escalation risk.'};
		}
	}
}

function Countdowns({countdowns, now}: {countdowns: Countdown[]; now: number}) {
	if (countdowns.length === 0) {
		return null;
	}

	return (
		<section class="countdowns" aria-labelledby="countdowns-title">
			<h2 id="countdowns-title">SLA countdowns</h2>
			<ul>
				{countdowns.map(countdown => {
					const left = Date.parse(countdown.breachAt) - now;
					return (
						<li key={countdown.ticketKey} data-ticket={countdown.ticketId} class={left <= 0 ? 'breached' : ''}>
							<strong>#{countdown.ticketId}</strong> {countdown.subject ?? ''}{' '}
							<span class="due">
								{countdown.metric === 'first-reply' ? 'first reply' : 'reply'}{' '}
								{left <= 0 ? `overdue ${formatDuration(-left, textLocale)}` : `due in ${formatDuration(left, textLocale)}`}
							</span>
						</li>
					);
				})}
			</ul>
		</section>
	);
}

/** Whether the page is worth a bug report: it could not be read, or was read only in part. */
function needsReport(view: PopupView): boolean {
	return (
		view.kind === 'status' &&
		(view.status.state === 'unreadable' ||
			(view.status.state === 'ticket' && ((view.status.unknownMessages ?? 0) > 0 || view.status.fromApi === true)))
	);
}

/** "Save this page for a bug report": a scrubbed copy of the page, saved on this machine; says where it went. */
function BugReport({onSavePage}: {onSavePage: () => Promise<string>}) {
	const [state, setState] = useState<{busy: boolean; message?: string | undefined}>({busy: false});
	async function save(): Promise<void> {
		setState({busy: true});
		setState({busy: false, message: await onSavePage()});
	}

	return (
		<section class="report" aria-labelledby="report-title">
			<h2 id="report-title">Help fix this</h2>
			<p>
				Save a copy of this page with every customer text, name and address replaced, so it can become a test page. It stays on this
				computer until you send it.
			</p>
			<button type="button" class="secondary" data-testid="save-page" disabled={state.busy} onClick={() => void save()}>
				Save this page for a bug report
			</button>
			{state.message ? (
				<p role="status" data-testid="save-page-result">
					{state.message}
				</p>
			) : null}
		</section>
	);
}

const writeLabels: Record<string, string> = {
	observe: 'What Defuse read on a ticket',
	'adapter-miss': 'A page Defuse could not read',
	'agent-action': 'Your feedback or action',
};

/**
 * Writes the store refused so far: each with its last error and when it is tried again. One given up
 * stays until dismissed (what it held is not saved; a page sends what it shows again on its next change).
 */
function PendingWrites({
	writes,
	now,
	onDismiss,
}: {
	writes: PendingWriteStatus[];
	now: number;
	onDismiss?: ((ids: string[]) => void) | undefined;
}) {
	if (writes.length === 0) {
		return null;
	}

	const givenUp = writes.filter(write => write.failed).map(write => write.id);
	return (
		<section class="pending-writes" aria-labelledby="writes-title" data-testid="pending-writes">
			<h2 id="writes-title">Not saved yet</h2>
			<ul>
				{writes.map(write => {
					const label = `${writeLabels[write.type] ?? write.type}${write.ticketKey ? ` (${write.ticketKey.split(':').pop() ?? ''})` : ''}`;
					return (
						<li key={write.id} data-failed={String(write.failed)}>
							{label}:{' '}
							{write.failed
								? `gave up after ${write.attempts} attempts`
								: write.nextAt
									? `attempt ${write.attempts} failed, trying again in ${formatShortDuration(Date.parse(write.nextAt) - now, textLocale)}`
									: 'saving'}
							{write.lastError ? <span class="error"> ({write.lastError})</span> : null}
							{write.failed && onDismiss ? (
								<button type="button" class="link" aria-label={`Dismiss: ${label}, not saved`} onClick={() => onDismiss([write.id])}>
									Dismiss
								</button>
							) : null}
						</li>
					);
				})}
			</ul>
			{givenUp.length > 1 && onDismiss ? (
				<button type="button" class="secondary" onClick={() => onDismiss(givenUp)}>
					Dismiss all {givenUp.length} given up
				</button>
			) : null}
		</section>
	);
}

export function Popup({
	view,
	countdowns = [],
	writes = [],
	now = Date.now(),
	onOpenDashboard,
	onSavePage,
	onDismissWrites,
}: {
	view: PopupView;
	countdowns?: Countdown[];
	writes?: PendingWriteStatus[];
	now?: number;
	onOpenDashboard: () => void;
	onSavePage?: (() => Promise<string>) | undefined;
	onDismissWrites?: ((ids: string[]) => void) | undefined;
}) {
	let title = 'Looking at this tab';
	let detail = '';
	if (view.kind === 'no-helpdesk') {
		title = 'Not a helpdesk Defuse knows';
		detail = `Defuse runs on ${listed(namedHelpdesks.map(helpdesk => helpdesk.name))} pages, and on domains you add in the options.`;
	} else if (view.kind === 'status') {
		({title, detail} = describe(view.status));
	}

	return (
		<main class="popup" data-view={view.kind} data-state={view.kind === 'status' ? view.status.state : undefined}>
			<h1>Defuse</h1>
			<section aria-live="polite">
				<h2 data-testid="popup-title">{title}</h2>
				{detail ? <p data-testid="popup-detail">{detail}</p> : null}
				{view.kind === 'status' && view.status.state === 'unreadable' && view.status.missing.length > 0 ? (
					<ul class="missing" data-testid="popup-missing" aria-label="Parts not found">
						{view.status.missing.map(part => (
							<li key={part}>
								<code>{part}</code>
							</li>
						))}
					</ul>
				) : null}
			</section>
			{needsReport(view) && onSavePage ? <BugReport onSavePage={onSavePage} /> : null}
			<Countdowns countdowns={countdowns} now={now} />
			<PendingWrites writes={writes} now={now} onDismiss={onDismissWrites} />
			<button type="button" onClick={onOpenDashboard}>
				Open dashboard
			</button>
		</main>
	);
}
