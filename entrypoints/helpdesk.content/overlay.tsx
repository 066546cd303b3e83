import {useState} from 'preact/hooks';
import type {Level, TicketSnapshot} from '../../core/model.ts';
import {formatDuration, type ThreadFacts} from '../../core/thread.ts';

export type OverlayState =
	| {kind: 'waiting'; helpdeskName: string}
	| {kind: 'unreadable'; helpdeskName: string; missing: string[]; detail: string}
	| {kind: 'ticket'; helpdeskName: string; snapshot: TicketSnapshot; facts: ThreadFacts; level: Level; now: number; stored: 'pending' | 'saved' | 'failed'};

const levelLabel: Record<Level, string> = {none: 'No risk', watch: 'Watch', high: 'High risk', critical: 'Critical'};

function Facts({state}: {state: Extract<OverlayState, {kind: 'ticket'}>}) {
	const {snapshot, facts, now} = state;
	const waiting = facts.unansweredSince ? now - Date.parse(facts.unansweredSince) : undefined;
	return (
		<dl class="facts">
			<dt>Ticket</dt>
			<dd data-fact="ticket">#{snapshot.ticketId}{snapshot.subject ? ` ${snapshot.subject}` : ''}</dd>
			{snapshot.requester?.name ? <><dt>Customer</dt><dd data-fact="requester">{snapshot.requester.name}</dd></> : null}
			{snapshot.status ? <><dt>Status</dt><dd data-fact="status">{snapshot.status}{snapshot.priority ? `, ${snapshot.priority} priority` : ''}</dd></> : null}
			<dt>Messages</dt>
			<dd data-fact="messages">
				<span data-count="customer">{facts.customerMessages}</span> from the customer, <span data-count="agent">{facts.agentMessages}</span> agent {facts.agentMessages === 1 ? 'reply' : 'replies'}
				{facts.internalNotes > 0 ? <>, <span data-count="internal">{facts.internalNotes}</span> internal</> : null}
			</dd>
			<dt>Waiting</dt>
			<dd data-fact="waiting">{waiting === undefined || Number.isNaN(waiting) ? 'Nobody is waiting for a reply' : `Customer waiting ${formatDuration(waiting)}`}</dd>
		</dl>
	);
}

export function Overlay({state}: {state: OverlayState}) {
	const [expanded, setExpanded] = useState(false);
	const level = state.kind === 'ticket' ? state.level : undefined;
	const badgeText = state.kind === 'ticket' ? levelLabel[state.level] : (state.kind === 'waiting' ? 'Reading' : 'Cannot read');
	return (
		<div class={`overlay ${expanded ? 'is-expanded' : ''}`} data-state={state.kind}>
			<button
				type="button"
				class={`badge level-${level ?? 'unknown'}`}
				aria-expanded={expanded}
				aria-controls="defuse-panel"
				aria-label={`Defuse: ${badgeText}. ${expanded ? 'Collapse' : 'Expand'} details`}
				onClick={() => setExpanded(!expanded)}
			>
				<span class="dot" aria-hidden="true" />
				<span class="brand">Defuse</span>
				<span class="badge-text">{badgeText}</span>
			</button>
			{expanded
				? (
					<section id="defuse-panel" class="panel" aria-label="Defuse details">
						<header class="panel-head">{state.helpdeskName}</header>
						{state.kind === 'ticket' ? <Facts state={state} /> : null}
						{state.kind === 'waiting' ? <p class="note">Waiting for the ticket to finish loading.</p> : null}
						{state.kind === 'unreadable'
							? (
								<p class="note" role="status">
									Defuse cannot read this page. {state.detail}
									{state.missing.length > 0 ? ` Missing: ${state.missing.join(', ')}.` : ''}
								</p>
							)
							: null}
						{state.kind === 'ticket' && state.stored === 'failed' ? <p class="note">This view could not be saved for the dashboard.</p> : null}
					</section>
				)
				: null}
		</div>
	);
}
