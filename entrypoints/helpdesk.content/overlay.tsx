import {useState} from 'preact/hooks';
import type {TicketContext} from '../../core/messages.ts';
import type {Assessment, EscalationPath, Level, TicketSnapshot, Trigger} from '../../core/model.ts';
import type {ReplyDeadline} from '../../core/sla-deadline.ts';
import type {DraftIssue} from '../../core/signals/draft.ts';
import {cleanValue} from '../../core/templates/template.ts';
import {formatDuration, type ThreadFacts} from '../../core/thread.ts';
import type {PlacedMark} from './queue.ts';

export type TicketView = {
	kind: 'ticket';
	helpdeskName: string;
	snapshot: TicketSnapshot;
	facts: ThreadFacts;
	assessment: Assessment;
	context?: TicketContext | undefined;
	/** Escalating phrasing in the agent's unsent reply. */
	draftIssues: DraftIssue[];
	/** The reply target the ticket runs against (the default SLA policy unless set in the options). */
	deadline?: ReplyDeadline | undefined;
	now: number;
	stored: 'pending' | 'saved' | 'failed';
};

export type ListMark = {ticketId: string; subject?: string | undefined; level?: Level | undefined; breachAt?: string | undefined};

export type ListView = {kind: 'list'; helpdeskName: string; marks: ListMark[]; placed: PlacedMark[]};

export type OverlayState =
	| {kind: 'waiting'; helpdeskName: string}
	| ListView
	| {kind: 'unreadable'; helpdeskName: string; missing: string[]; detail: string}
	| TicketView;

export type ActionResult = {ok: boolean; message: string};

export type OverlayActions = {
	/** Marks the evidence of a signal in the thread. */
	highlight(signalIndex: number): void;
	insert(templateId: string, text: string): Promise<ActionResult>;
	copy(text: string): Promise<ActionResult>;
	feedback(verdict: 'agree' | 'disagree', reason?: string): Promise<ActionResult>;
	snooze(until: Date): Promise<ActionResult>;
	escalate(escalation: 'functional' | 'hierarchical', team: string): Promise<ActionResult>;
	/** Rewrites a draft issue in the reply box; the rewording comes from the rule's suggestion. */
	applyRewording(issue: DraftIssue): ActionResult;
};

function DraftCheck({issues, actions}: {issues: DraftIssue[]; actions: OverlayActions}) {
	const [result, setResult] = useState<ActionResult>();
	if (issues.length === 0) {
		return result ? <p class={`result ${result.ok ? 'ok' : 'error'}`} role="status">{result.message}</p> : null;
	}

	return (
		<section class="draft" aria-labelledby="defuse-draft">
			<h3 id="defuse-draft">Your draft</h3>
			<ul class="draft-issues">
				{issues.map(issue => (
					<li key={`${issue.ruleId}-${issue.start}`} data-rule={issue.ruleId}>
						<q>{issue.phrase}</q> can escalate. {issue.suggestion}
						<div class="actions"><button type="button" data-action="apply" onClick={() => setResult(actions.applyRewording(issue))}>Apply rewording</button></div>
					</li>
				))}
			</ul>
			{result ? <p class={`result ${result.ok ? 'ok' : 'error'}`} role="status">{result.message}</p> : null}
		</section>
	);
}

const disagreeReasons = ['The customer is not upset', 'Sarcasm or a joke', 'Already being handled', 'Quoted or forwarded text', 'Other'];

function snoozeOptions(now: number): Array<{label: string; until: Date}> {
	const tomorrow = new Date(now);
	tomorrow.setDate(tomorrow.getDate() + 1);
	tomorrow.setHours(9, 0, 0, 0);
	return [
		{label: '1 hour', until: new Date(now + 3_600_000)},
		{label: '4 hours', until: new Date(now + (4 * 3_600_000))},
		{label: 'Tomorrow 9:00', until: tomorrow},
	];
}

const timeOf = (iso: string) => new Date(iso).toLocaleString([], {weekday: 'short', hour: '2-digit', minute: '2-digit'});

function Feedback({state, actions}: {state: TicketView; actions: OverlayActions}) {
	const [mode, setMode] = useState<'none' | 'disagree' | 'snooze' | 'escalate'>('none');
	const [reason, setReason] = useState(disagreeReasons[0]!);
	const [escalation, setEscalation] = useState<'functional' | 'hierarchical'>(state.assessment.escalationPath === 'functional' ? 'functional' : 'hierarchical');
	const [team, setTeam] = useState('');
	const [result, setResult] = useState<ActionResult>();
	const {context} = state;
	const run = async (action: Promise<ActionResult>) => {
		const outcome = await action;
		setResult(outcome);
		if (outcome.ok) {
			setMode('none');
		}
	};

	return (
		<section class="feedback" aria-labelledby="defuse-feedback">
			<h3 id="defuse-feedback">Your call</h3>
			{context?.escalated ? <p class="note" data-fact="escalated">Marked escalated ({context.escalated.escalation}{context.escalated.team ? `, ${context.escalated.team}` : ''}).</p> : null}
			{context?.snoozedUntil ? <p class="note" data-fact="snoozed">Snoozed until {timeOf(context.snoozedUntil)}.</p> : null}
			{context?.feedback ? <p class="note" data-fact="feedback">You {context.feedback === 'agree' ? 'agreed with' : 'disagreed with'} this warning.</p> : null}
			<div class="actions">
				{state.assessment.level === 'none'
					? null
					: (
						<>
							<button type="button" data-action="agree" aria-pressed={context?.feedback === 'agree'} onClick={() => void run(actions.feedback('agree'))}>Agree</button>
							<button type="button" data-action="disagree" aria-expanded={mode === 'disagree'} onClick={() => setMode(mode === 'disagree' ? 'none' : 'disagree')}>Disagree</button>
							<button type="button" data-action="snooze" aria-expanded={mode === 'snooze'} onClick={() => setMode(mode === 'snooze' ? 'none' : 'snooze')}>Snooze</button>
						</>
					)}
				<button type="button" data-action="escalate" aria-expanded={mode === 'escalate'} onClick={() => setMode(mode === 'escalate' ? 'none' : 'escalate')}>Mark escalated</button>
			</div>
			{mode === 'disagree'
				? (
					<form class="subform" onSubmit={event => {
						event.preventDefault();
						void run(actions.feedback('disagree', reason));
					}}>
						<label>Why <select name="reason" value={reason} onChange={event => setReason((event.currentTarget as HTMLSelectElement).value)}>{disagreeReasons.map(option => <option key={option}>{option}</option>)}</select></label>
						<button type="submit">Send</button>
					</form>
				)
				: null}
			{mode === 'snooze'
				? (
					<div class="subform" role="group" aria-label="Snooze for">
						{snoozeOptions(state.now).map(option => <button key={option.label} type="button" data-snooze={option.label} onClick={() => void run(actions.snooze(option.until))}>{option.label}</button>)}
					</div>
				)
				: null}
			{mode === 'escalate'
				? (
					<form class="subform" onSubmit={event => {
						event.preventDefault();
						void run(actions.escalate(escalation, team));
					}}>
						<label>Type <select name="escalation" value={escalation} onChange={event => setEscalation((event.currentTarget as HTMLSelectElement).value as 'functional' | 'hierarchical')}>
							<option value="functional">Functional (to a specialist team)</option>
							<option value="hierarchical">Hierarchical (to a supervisor)</option>
						</select></label>
						<label>Team <input name="team" type="text" value={team} placeholder="e.g. Payments" onInput={event => setTeam((event.currentTarget as HTMLInputElement).value)} /></label>
						<button type="submit">Save</button>
					</form>
				)
				: null}
			{result ? <p class={`result ${result.ok ? 'ok' : 'error'}`} role="status">{result.message}</p> : null}
		</section>
	);
}

const levelLabel: Record<Level, string> = {none: 'No risk', watch: 'Watch', high: 'High risk', critical: 'Critical'};
const triggerLabel: Record<Trigger, string> = {
	'poor-quality': 'poor product or service quality',
	'frontline-response': 'unsatisfactory frontline response',
	'long-wait': 'long wait',
	miscommunication: 'miscommunication',
	'rigid-policy': 'rigid policy',
};
const pathLabel: Record<EscalationPath, string> = {
	functional: 'Functional: to a specialist who can fix it',
	hierarchical: 'Hierarchical: to someone with the authority to decide',
	automatic: 'Automatic: the SLA rule escalates it',
};

const placeholderPattern = /\{\{\s*([\w.-]+)\s*\}\}/g;

function fill(text: string, values: Record<string, string>): string {
	return text.replaceAll(placeholderPattern, (whole, key: string) => {
		const value = cleanValue(values[key] ?? '');
		return value === '' ? whole : value;
	});
}

function Suggestion({suggestion, index, actions}: {suggestion: Assessment['suggestions'][number]; index: number; actions: OverlayActions}) {
	const [values, setValues] = useState<Record<string, string>>({});
	const [result, setResult] = useState<ActionResult>();
	const text = fill(suggestion.text, values);
	const unfilled = suggestion.missing.filter(key => cleanValue(values[key] ?? '') === '');
	const titleId = `suggestion-${index}`;
	return (
		<li class="suggestion" data-template={suggestion.templateId}>
			<pre class="suggestion-text" id={titleId}>{text}</pre>
			{suggestion.missing.length > 0
				? (
					<fieldset class="placeholders">
						<legend>Fill in before inserting</legend>
						{suggestion.missing.map(key => (
							<label key={key}>
								<span>{key}</span>
								<input
									type="text"
									name={key}
									value={values[key] ?? ''}
									required
									aria-describedby={titleId}
									onInput={event => setValues({...values, [key]: (event.currentTarget as HTMLInputElement).value})}
								/>
							</label>
						))}
					</fieldset>
				)
				: null}
			<div class="actions">
				<button type="button" class="primary" data-action="insert" disabled={unfilled.length > 0} title={unfilled.length > 0 ? `Fill in: ${unfilled.join(', ')}` : 'Insert into the reply box'} onClick={async () => setResult(await actions.insert(suggestion.templateId, text))}>Insert</button>
				<button type="button" data-action="copy" onClick={async () => setResult(await actions.copy(text))}>Copy</button>
				{result ? <span class={`result ${result.ok ? 'ok' : 'error'}`} role="status">{result.message}</span> : null}
			</div>
		</li>
	);
}

function slaText(deadline: ReplyDeadline, now: number): string {
	const what = deadline.metric === 'first-reply' ? 'First reply' : 'Next reply';
	const target = formatDuration(deadline.targetMinutes * 60_000);
	const {breachAt, breached, paused} = deadline.clock;
	if (paused) {
		return `${what} target ${target}: paused`;
	}

	if (breachAt === undefined) {
		return `${what} target ${target}`;
	}

	return breached
		? `${what} target ${target}: breached ${formatDuration(now - breachAt)} ago`
		: `${what} due in ${formatDuration(breachAt - now)} (target ${target})`;
}

function TicketPanel({state, actions}: {state: TicketView; actions: OverlayActions}) {
	const {snapshot, facts, assessment, now} = state;
	const waiting = facts.unansweredSince ? now - Date.parse(facts.unansweredSince) : undefined;
	const topTrigger = assessment.triggers[0];
	return (
		<>
			<p class="score">Escalation risk <strong data-fact="score">{assessment.score.toFixed(2)}</strong> ({levelLabel[assessment.level].toLowerCase()})</p>
			{assessment.signals.length > 0
				? (
					<section aria-labelledby="defuse-why">
						<h3 id="defuse-why">Why</h3>
						<ul class="reasons">
							{assessment.signals.map((signal, index) => (
								<li key={signal.id}>
									<button type="button" class="reason" data-signal={signal.id} disabled={signal.evidence.length === 0} onClick={() => actions.highlight(index)} title={signal.evidence.length > 0 ? 'Show in the conversation' : undefined}>
										<span class="weight" aria-label={`weight ${signal.weight.toFixed(2)}`}>+{signal.weight.toFixed(2)}</span> {signal.label}
									</button>
								</li>
							))}
						</ul>
					</section>
				)
				: <p class="note">Nothing in this conversation points to an escalation.</p>}
			{topTrigger
				? (
					<p class="trigger" data-fact="trigger">Likely trigger: <strong>{triggerLabel[topTrigger.trigger]}</strong> ({Math.round(topTrigger.confidence * 100)}%)</p>
				)
				: null}
			{assessment.escalationPath ? <p class="path" data-fact="path">{pathLabel[assessment.escalationPath]}</p> : null}
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
				{state.deadline ? <><dt>SLA</dt><dd data-fact="sla" class={state.deadline.clock.breached ? 'breached' : ''}>{slaText(state.deadline, now)}</dd></> : null}
			</dl>
			{assessment.suggestions.length > 0
				? (
					<section aria-labelledby="defuse-replies">
						<h3 id="defuse-replies">Suggested replies</h3>
						<ol class="suggestions">
							{assessment.suggestions.map((suggestion, index) => <Suggestion key={suggestion.templateId} suggestion={suggestion} index={index} actions={actions} />)}
						</ol>
					</section>
				)
				: null}
			<DraftCheck issues={state.draftIssues} actions={actions} />
			<Feedback state={state} actions={actions} />
			{state.stored === 'failed' ? <p class="note">This view could not be saved for the dashboard.</p> : null}
		</>
	);
}

function markLabel(mark: {level?: string | undefined; breachAt?: string | undefined}, now: number): string {
	const parts: string[] = [];
	if (mark.level) {
		parts.push(levelLabel[mark.level as Level] ?? mark.level);
	}

	if (mark.breachAt) {
		const left = Date.parse(mark.breachAt) - now;
		parts.push(left <= 0 ? 'SLA breached' : `SLA due in ${formatDuration(left)}`);
	}

	return parts.join(', ');
}

function QueuePanel({state}: {state: ListView}) {
	const now = Date.now();
	return (
		<ul class="queue">
			{state.marks.map(mark => (
				<li key={mark.ticketId} data-ticket={mark.ticketId}><strong>#{mark.ticketId}</strong> {mark.subject ?? ''} <span class="mark-label">{markLabel(mark, now)}</span></li>
			))}
		</ul>
	);
}

function QueueMarkers({state}: {state: ListView}) {
	const now = Date.now();
	return (
		<div class="queue-layer" aria-hidden="true">
			{state.placed.map(mark => (
				<span key={mark.ticketId} class={`queue-mark level-${mark.level ?? 'unknown'}${mark.breachAt ? ' is-due' : ''}`} data-ticket={mark.ticketId} title={`Defuse: ${markLabel(mark, now)}`} style={{top: `${mark.top}px`, left: `${mark.left}px`}} />
			))}
		</div>
	);
}

export function Overlay({state, actions, expanded, theme, onToggle}: {state: OverlayState; actions: OverlayActions; expanded: boolean; theme: 'light' | 'dark'; onToggle: () => void}) {
	const level = state.kind === 'ticket' ? state.assessment.level : undefined;
	const badgeText = state.kind === 'ticket'
		? levelLabel[state.assessment.level]
		: (state.kind === 'list' ? `${state.marks.length} to watch` : (state.kind === 'waiting' ? 'Reading' : 'Cannot read'));
	return (
		<div class={`overlay ${expanded ? 'is-expanded' : ''}`} data-state={state.kind} data-theme={theme}>
			<button
				type="button"
				class={`badge level-${level ?? 'unknown'}`}
				aria-expanded={expanded}
				aria-controls="defuse-panel"
				aria-keyshortcuts="Alt+Shift+D"
				aria-label={`Defuse: ${badgeText}. ${expanded ? 'Collapse' : 'Expand'} details (Alt+Shift+D)`}
				onClick={onToggle}
			>
				<span class="dot" aria-hidden="true" />
				<span class="brand">Defuse</span>
				<span class="badge-text">{badgeText}</span>
				{state.kind === 'ticket' && state.assessment.level !== 'none' ? <span class="badge-score">{state.assessment.score.toFixed(2)}</span> : null}
				{state.kind === 'ticket' && state.context?.snoozedUntil ? <span class="badge-snoozed">snoozed</span> : null}
			</button>
			{expanded
				? (
					<section id="defuse-panel" class="panel" aria-label="Defuse details">
						<header class="panel-head">{state.helpdeskName}</header>
						{state.kind === 'ticket' ? <TicketPanel state={state} actions={actions} /> : null}
						{state.kind === 'list' ? <QueuePanel state={state} /> : null}
						{state.kind === 'waiting' ? <p class="note">Waiting for the ticket to finish loading.</p> : null}
						{state.kind === 'unreadable'
							? (
								<p class="note" role="status">
									Defuse cannot read this page. {state.detail}
									{state.missing.length > 0 ? ` Missing: ${state.missing.join(', ')}.` : ''}
								</p>
							)
							: null}
					</section>
				)
				: null}
			{state.kind === 'list' ? <QueueMarkers state={state} /> : null}
		</div>
	);
}
