import type {Countdown, TabStatus} from '../../core/messages.ts';
import {formatDuration} from '../../core/thread.ts';

export type PopupView =
	| {kind: 'loading'}
	| {kind: 'no-helpdesk'; url?: string | undefined}
	| {kind: 'status'; status: TabStatus};

function describe(status: TabStatus): {title: string; detail: string} {
	switch (status.state) {
		case 'ticket': {
			return {
				title: `${status.helpdeskName}: ticket #${status.ticketId}`,
				detail: `${status.subject ? `"${status.subject}". ` : ''}Read ${status.customerMessages} customer and ${status.agentMessages} agent messages${status.internalNotes > 0 ? ` and ${status.internalNotes} internal notes` : ''}.`,
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
							<span class="due">{countdown.metric === 'first-reply' ? 'first reply' : 'reply'} {left <= 0 ? `overdue ${formatDuration(-left)}` : `due in ${formatDuration(left)}`}</span>
						</li>
					);
				})}
			</ul>
		</section>
	);
}

export function Popup({view, countdowns = [], now = Date.now(), onOpenDashboard}: {view: PopupView; countdowns?: Countdown[]; now?: number; onOpenDashboard: () => void}) {
	let title = 'Looking at this tab';
	let detail = '';
	if (view.kind === 'no-helpdesk') {
		title = 'Not a helpdesk Defuse knows';
		detail = 'Defuse runs on Zendesk, Freshdesk, Help Scout, Intercom, Front, Zammad, FreeScout, Chatwoot and osTicket pages, and on domains you add in the options.';
	} else if (view.kind === 'status') {
		({title, detail} = describe(view.status));
	}

	return (
		<main class="popup" data-view={view.kind} data-state={view.kind === 'status' ? view.status.state : undefined}>
			<h1>Defuse</h1>
			<section aria-live="polite">
				<h2 data-testid="popup-title">{title}</h2>
				{detail ? <p data-testid="popup-detail">{detail}</p> : null}
			</section>
			<Countdowns countdowns={countdowns} now={now} />
			<button type="button" onClick={onOpenDashboard}>Open dashboard</button>
		</main>
	);
}
