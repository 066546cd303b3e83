import {useState} from 'preact/hooks';
import type {TicketContext} from '../../core/messages.ts';
import type {Assessment, EscalationPath, Level, Suggestion, SuggestionField, TicketSnapshot, Trigger} from '../../core/model.ts';
import type {ReplyDeadline} from '../../core/sla-deadline.ts';
import type {DraftIssue} from '../../core/signals/draft.ts';
import {formatDuration, formatWeekdayTime, textLocale} from '../../core/format.ts';
import type {ThreadFacts} from '../../core/thread.ts';
import type {MarkBox} from './draft.ts';
import {dockAt, type Dock, type Placement} from './layout.ts';
import type {PlacedMark} from './queue.ts';

export type DraftState = {
	issues: DraftIssue[];
	/** How the issues are marked in the reply box: painted by the browser, or boxes drawn here. */
	marked: 'highlight' | 'boxes' | 'none';
	boxes: MarkBox[];
};

export type TicketView = {
	kind: 'ticket';
	helpdeskName: string;
	snapshot: TicketSnapshot;
	facts: ThreadFacts;
	assessment: Assessment;
	context?: TicketContext | undefined;
	/** The check of the agent's unsent reply. */
	draft: DraftState;
	/** What the agent typed into placeholder fields on this ticket, by placeholder key. */
	typed: Record<string, string>;
	/** The reply target the ticket runs against (the default SLA policy unless set in the options). */
	deadline?: ReplyDeadline | undefined;
	now: number;
	stored: 'pending' | 'saved' | 'failed';
};

export type ListMark = {
	ticketId: string;
	subject?: string | undefined;
	level?: Level | undefined;
	breachAt?: string | undefined;
	/** Why the row is marked, in words. */
	reasons: string[];
	/** seen: Defuse read the ticket earlier; list: only what the list shows. */
	source: 'seen' | 'list';
	href?: string | undefined;
};

export type ListView = {kind: 'list'; helpdeskName: string; marks: ListMark[]; placed: PlacedMark[]; now: number};

export type OverlayState =
	| {kind: 'waiting'; helpdeskName: string}
	| ListView
	| {kind: 'unreadable'; helpdeskName: string; missing: string[]; detail: string}
	| TicketView;

export type ActionResult = {ok: boolean; message: string};

export type InsertMode = 'insert' | 'replace';

export type OverlayActions = {
	/** Marks the evidence of a signal in the thread. */
	highlight(signalIndex: number): void;
	/** The template filled with the ticket's values and what the agent typed. */
	fill(templateId: string, typed: Record<string, string>): Pick<Suggestion, 'text' | 'missing' | 'fields'> | undefined;
	/** Keeps a typed placeholder value for this ticket (for as long as the page lives). */
	setValue(key: string, value: string): void;
	insert(templateId: string, text: string, mode: InsertMode): Promise<ActionResult>;
	copy(text: string): Promise<ActionResult>;
	feedback(verdict: 'agree' | 'disagree', reason?: string): Promise<ActionResult>;
	snooze(until: Date): Promise<ActionResult>;
	escalate(escalation: 'functional' | 'hierarchical', team: string): Promise<ActionResult>;
	/** Rewrites a draft issue in the reply box with its fix. */
	applyFix(issue: DraftIssue): Promise<ActionResult>;
	openOptions(): Promise<ActionResult>;
	/** Remembers where the agent put the panel (for this helpdesk). */
	setDock(dock: Dock): void;
	/** Collapses the panel and gives focus back to where it was. */
	close(): void;
};

type Trust = (event: Event) => boolean;

/** Runs `handler` only for events a person caused (never for events a page script made up). */
function guarded<E extends Event>(trust: Trust, handler: (event: E) => void): (event: E) => void {
	return event => {
		if (trust(event)) {
			handler(event);
		}
	};
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
const sourceLabel: Record<SuggestionField['source'], string> = {
	ticket: 'from the ticket',
	settings: 'from your settings',
	typed: 'typed',
	default: 'default wording',
	empty: 'to fill in',
};

function DraftCheck({draft, actions, trust}: {draft: DraftState; actions: OverlayActions; trust: Trust}) {
	const [result, setResult] = useState<ActionResult>();
	const status = result ? (
		<p class={`result ${result.ok ? 'ok' : 'error'}`} role="status">
			{result.message}
		</p>
	) : null;
	if (draft.issues.length === 0) {
		return status;
	}

	return (
		<section class="draft" aria-labelledby="defuse-draft">
			<h3 id="defuse-draft">
				Your draft: {draft.issues.length} {draft.issues.length === 1 ? 'phrase' : 'phrases'} to check
			</h3>
			{draft.marked === 'none' ? null : <p class="note">Marked in your reply box.</p>}
			<ul class="draft-issues">
				{draft.issues.map(issue => (
					<li key={`${issue.ruleId}-${issue.start}`} data-rule={issue.ruleId}>
						<q>{issue.phrase}</q> can escalate. {issue.suggestion}
						{issue.fix ? (
							<div class="actions">
								<button
									type="button"
									data-action="apply"
									aria-label={issue.fix.kind === 'drop' ? `Remove it: “${issue.phrase}”` : `Apply rewording of “${issue.phrase}”`}
									onClick={guarded(trust, () => {
										void actions.applyFix(issue).then(setResult);
									})}
								>
									{issue.fix.kind === 'drop' ? 'Remove it' : 'Apply rewording'}
								</button>
								{issue.fix.preview === '' ? null : (
									<span class="becomes">
										Becomes: <q>{issue.fix.preview}</q>
									</span>
								)}
							</div>
						) : null}
					</li>
				))}
			</ul>
			{status}
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
		{label: '4 hours', until: new Date(now + 4 * 3_600_000)},
		{label: 'Tomorrow 9:00', until: tomorrow},
	];
}

// A date on its own follows the browser's language and time zone.
const timeOf = (iso: string) => formatWeekdayTime(iso, {locale: navigator.language});

type FeedbackMode = 'none' | 'disagree' | 'snooze' | 'escalate';
type EscalationType = 'functional' | 'hierarchical';
type Run = (action: Promise<ActionResult>) => Promise<void>;

/** An action's outcome, announced. */
function ResultStatus({result}: {result: ActionResult | undefined}) {
	return result ? (
		<p class={`result ${result.ok ? 'ok' : 'error'}`} role="status">
			{result.message}
		</p>
	) : null;
}

/** What the agent already did on this ticket. */
function FeedbackFacts({context}: {context: TicketContext | undefined}) {
	return (
		<>
			{context?.escalated ? (
				<p class="note" data-fact="escalated">
					Marked escalated ({context.escalated.escalation}
					{context.escalated.team ? `, ${context.escalated.team}` : ''}).
				</p>
			) : null}
			{context?.snoozedUntil ? (
				<p class="note" data-fact="snoozed">
					Snoozed until {timeOf(context.snoozedUntil)}.
				</p>
			) : null}
			{context?.feedback ? (
				<p class="note" data-fact="feedback">
					You {context.feedback === 'agree' ? 'agreed with' : 'disagreed with'} this warning.
				</p>
			) : null}
		</>
	);
}

function FeedbackButtons({
	state,
	mode,
	toggle,
	run,
	actions,
	trust,
}: {
	state: TicketView;
	mode: FeedbackMode;
	toggle: (next: FeedbackMode) => (event: Event) => void;
	run: Run;
	actions: OverlayActions;
	trust: Trust;
}) {
	return (
		<div class="actions">
			{state.assessment.level === 'none' ? null : (
				<>
					<button
						type="button"
						data-action="agree"
						aria-pressed={state.context?.feedback === 'agree'}
						onClick={guarded(trust, () => void run(actions.feedback('agree')))}
					>
						Agree
					</button>
					<button type="button" data-action="disagree" aria-expanded={mode === 'disagree'} onClick={toggle('disagree')}>
						Disagree
					</button>
					<button type="button" data-action="snooze" aria-expanded={mode === 'snooze'} onClick={toggle('snooze')}>
						Snooze
					</button>
				</>
			)}
			<button type="button" data-action="escalate" aria-expanded={mode === 'escalate'} onClick={toggle('escalate')}>
				Mark escalated
			</button>
		</div>
	);
}

function DisagreeForm({
	reason,
	setReason,
	run,
	actions,
	trust,
}: {
	reason: string;
	setReason: (reason: string) => void;
	run: Run;
	actions: OverlayActions;
	trust: Trust;
}) {
	return (
		<form
			class="subform"
			onSubmit={event => {
				event.preventDefault();
				if (trust(event)) {
					// Read from the form when it is sent: the agent's choice, however it was made.
					const chosen = (event.currentTarget as HTMLFormElement).elements.namedItem('reason') as HTMLSelectElement | null;
					void run(actions.feedback('disagree', chosen?.value ?? reason));
				}
			}}
		>
			<label>
				Why{' '}
				<select name="reason" value={reason} onChange={event => setReason((event.currentTarget as HTMLSelectElement).value)}>
					{disagreeReasons.map(option => (
						<option key={option}>{option}</option>
					))}
				</select>
			</label>
			<button type="submit">Send</button>
		</form>
	);
}

function SnoozeChoices({now, run, actions, trust}: {now: number; run: Run; actions: OverlayActions; trust: Trust}) {
	return (
		<div class="subform" role="group" aria-label="Snooze for">
			{snoozeOptions(now).map(option => (
				<button
					key={option.label}
					type="button"
					data-snooze={option.label}
					onClick={guarded(trust, () => void run(actions.snooze(option.until)))}
				>
					{option.label}
				</button>
			))}
		</div>
	);
}

function EscalateForm({
	escalation,
	setEscalation,
	team,
	setTeam,
	run,
	actions,
	trust,
}: {
	escalation: EscalationType;
	setEscalation: (escalation: EscalationType) => void;
	team: string;
	setTeam: (team: string) => void;
	run: Run;
	actions: OverlayActions;
	trust: Trust;
}) {
	return (
		<form
			class="subform"
			onSubmit={event => {
				event.preventDefault();
				if (trust(event)) {
					const form = (event.currentTarget as HTMLFormElement).elements;
					const type = (form.namedItem('escalation') as HTMLSelectElement | null)?.value === 'functional' ? 'functional' : 'hierarchical';
					void run(actions.escalate(type, (form.namedItem('team') as HTMLInputElement | null)?.value ?? team));
				}
			}}
		>
			<label>
				Type{' '}
				<select
					name="escalation"
					value={escalation}
					onChange={event => setEscalation((event.currentTarget as HTMLSelectElement).value as EscalationType)}
				>
					<option value="functional">Functional (to a specialist team)</option>
					<option value="hierarchical">Hierarchical (to a supervisor)</option>
				</select>
			</label>
			<label>
				Escalated to team{' '}
				<input
					name="team"
					type="text"
					value={team}
					placeholder="e.g. Payments"
					onInput={event => setTeam((event.currentTarget as HTMLInputElement).value)}
				/>
			</label>
			<button type="submit">Save</button>
		</form>
	);
}

function Feedback({state, actions, trust}: {state: TicketView; actions: OverlayActions; trust: Trust}) {
	const [mode, setMode] = useState<FeedbackMode>('none');
	const [reason, setReason] = useState(disagreeReasons[0]!);
	const [escalation, setEscalation] = useState<EscalationType>(
		state.assessment.escalationPath === 'functional' ? 'functional' : 'hierarchical',
	);
	const [team, setTeam] = useState('');
	const [result, setResult] = useState<ActionResult>();
	const run = async (action: Promise<ActionResult>) => {
		const outcome = await action;
		setResult(outcome);
		if (outcome.ok) {
			setMode('none');
		}
	};

	const toggle = (next: FeedbackMode) => guarded(trust, () => setMode(mode === next ? 'none' : next));
	return (
		<section class="feedback" aria-labelledby="defuse-feedback">
			<h3 id="defuse-feedback">Your call</h3>
			<FeedbackFacts context={state.context} />
			<FeedbackButtons state={state} mode={mode} toggle={toggle} run={run} actions={actions} trust={trust} />
			{mode === 'disagree' ? <DisagreeForm reason={reason} setReason={setReason} run={run} actions={actions} trust={trust} /> : null}
			{mode === 'snooze' ? <SnoozeChoices now={state.now} run={run} actions={actions} trust={trust} /> : null}
			{mode === 'escalate' ? (
				<EscalateForm
					escalation={escalation}
					setEscalation={setEscalation}
					team={team}
					setTeam={setTeam}
					run={run}
					actions={actions}
					trust={trust}
				/>
			) : null}
			<ResultStatus result={result} />
		</section>
	);
}

function Field({
	field,
	value,
	suggestionIndex,
	title,
	onValue,
	trust,
}: {
	field: SuggestionField;
	value: string;
	suggestionIndex: number;
	title: string;
	onValue: (value: string) => void;
	trust: Trust;
}) {
	const id = `defuse-field-${suggestionIndex}-${field.key.replaceAll(/[^\w-]/g, '-')}`;
	const needed = field.required && value.trim() === '' && field.source !== 'default';
	return (
		<div class={`field${needed ? ' is-needed' : ''}`} data-key={field.key}>
			<label for={id}>
				{field.label}
				<span class="visually-hidden"> for “{title}”</span>
			</label>
			<span class={`source source-${needed ? 'needed' : field.source}`}>{needed ? 'needed' : sourceLabel[field.source]}</span>
			<input
				id={id}
				type="text"
				name={field.key}
				value={value}
				placeholder={field.source === 'default' ? field.value : field.hint ? `e.g. ${field.hint}` : ''}
				required={field.required && field.source !== 'default'}
				aria-invalid={needed}
				onInput={guarded(trust, event => {
					const input = event.currentTarget as HTMLInputElement;
					// The page's undo (Ctrl+Z in the reply box) walks the document's one undo history and reaches
					// this field too (focusing it): an undo is never taken as the agent's value.
					if ((event as InputEvent).inputType?.startsWith('history')) {
						input.value = value;
						return;
					}

					onValue(input.value);
				})}
			/>
		</div>
	);
}

/** The placeholder fields of one suggested reply. */
function SuggestionFields({
	fields,
	index,
	title,
	typed,
	actions,
	trust,
}: {
	fields: SuggestionField[];
	index: number;
	title: string;
	typed: Record<string, string>;
	actions: OverlayActions;
	trust: Trust;
}) {
	return (
		<fieldset class="fields">
			<legend>Fields</legend>
			{fields.map(field => (
				<Field
					key={field.key}
					field={field}
					value={typed[field.key] ?? (field.source === 'default' || field.source === 'empty' ? '' : field.value)}
					suggestionIndex={index}
					title={title}
					trust={trust}
					onValue={value => actions.setValue(field.key, value)}
				/>
			))}
		</fieldset>
	);
}

/** Insert, replace and copy for one suggested reply. */
function SuggestionActions({
	templateId,
	text,
	title,
	ready,
	blocked,
	run,
	actions,
}: {
	templateId: string;
	text: string;
	title: string;
	ready: boolean;
	blocked: string | undefined;
	run: (action: () => Promise<ActionResult>) => (event: Event) => void;
	actions: OverlayActions;
}) {
	return (
		<div class="actions">
			<button
				type="button"
				class="primary"
				data-action="insert"
				disabled={!ready}
				title={blocked ?? 'Insert at the caret, as its own paragraph'}
				aria-label={`Insert “${title}” into your reply`}
				onClick={run(async () => actions.insert(templateId, text, 'insert'))}
			>
				Insert
			</button>
			<button
				type="button"
				data-action="replace"
				disabled={!ready}
				title={blocked ?? "Replace your whole draft with this reply (your editor's undo brings it back)"}
				aria-label={`Replace draft with “${title}”`}
				onClick={run(async () => actions.insert(templateId, text, 'replace'))}
			>
				Replace draft
			</button>
			<button type="button" data-action="copy" aria-label={`Copy “${title}”`} onClick={run(async () => actions.copy(text))}>
				Copy
			</button>
		</div>
	);
}

function SuggestionCard({
	suggestion,
	index,
	typed,
	open,
	onOpen,
	actions,
	trust,
}: {
	suggestion: Suggestion;
	index: number;
	typed: Record<string, string>;
	open: boolean;
	onOpen: () => void;
	actions: OverlayActions;
	trust: Trust;
}) {
	const [result, setResult] = useState<ActionResult>();
	const filled = actions.fill(suggestion.templateId, typed) ?? suggestion;
	const fields = filled.fields ?? [];
	const title = suggestion.title ?? suggestion.templateId;
	const ready = filled.missing.length === 0;
	const blocked = ready
		? undefined
		: `Fill in: ${fields
				.filter(field => filled.missing.includes(field.key))
				.map(field => field.label.toLowerCase())
				.join(', ')}`;
	const bodyId = `defuse-suggestion-${index}`;
	const run = (action: () => Promise<ActionResult>) =>
		guarded(trust, () => {
			void action().then(setResult);
		});
	return (
		<li class={`suggestion${open ? ' is-open' : ''}`} data-template={suggestion.templateId}>
			<button type="button" class="suggestion-head" aria-expanded={open} aria-controls={bodyId} onClick={guarded(trust, onOpen)}>
				<span class="suggestion-title">{title}</span>
				{suggestion.why ? <span class="why">{suggestion.why}</span> : null}
			</button>
			{open ? (
				<div class="suggestion-body" id={bodyId}>
					{fields.length > 0 ? (
						<SuggestionFields fields={fields} index={index} title={title} typed={typed} actions={actions} trust={trust} />
					) : null}
					<pre class="suggestion-text" aria-label={`Reply text of “${title}”`}>
						{filled.text}
					</pre>
					<SuggestionActions
						templateId={suggestion.templateId}
						text={filled.text}
						title={title}
						ready={ready}
						blocked={blocked}
						run={run}
						actions={actions}
					/>
					{blocked ? <p class="note">{blocked}.</p> : null}
					<ResultStatus result={result} />
				</div>
			) : null}
		</li>
	);
}

function Replies({state, actions, trust}: {state: TicketView; actions: OverlayActions; trust: Trust}) {
	const [open, setOpen] = useState(0);
	const [prompt, setPrompt] = useState<ActionResult>();
	const {suggestions} = state.assessment;
	if (suggestions.length === 0) {
		return null;
	}

	// The agent's name signs every reply: ask once, and say where it is kept.
	const nameMissing =
		!state.typed['agent.name']?.trim() &&
		suggestions.some(suggestion => suggestion.fields?.some(field => field.key === 'agent.name' && field.source === 'empty'));
	return (
		<section aria-labelledby="defuse-replies">
			<h3 id="defuse-replies">Suggested replies</h3>
			{nameMissing ? (
				<div class="first-run" data-fact="first-run">
					<p>
						Replies are signed with your name. Add your name and signature once in Defuse's options, or type them below for this ticket.
					</p>
					<button
						type="button"
						data-action="open-options"
						onClick={guarded(trust, () => {
							void actions.openOptions().then(setPrompt);
						})}
					>
						Open Defuse options
					</button>
					{prompt ? (
						<span class={`result ${prompt.ok ? 'ok' : 'error'}`} role="status">
							{prompt.message}
						</span>
					) : null}
				</div>
			) : null}
			<ol class="suggestions">
				{suggestions.map((suggestion, index) => (
					<SuggestionCard
						key={suggestion.templateId}
						suggestion={suggestion}
						index={index}
						typed={state.typed}
						open={open === index}
						onOpen={() => setOpen(open === index ? -1 : index)}
						actions={actions}
						trust={trust}
					/>
				))}
			</ol>
		</section>
	);
}

function slaText(deadline: ReplyDeadline, now: number): string {
	const what = deadline.metric === 'first-reply' ? 'First reply' : 'Next reply';
	const target = formatDuration(deadline.targetMinutes * 60_000, textLocale);
	const {breachAt, breached, paused} = deadline.clock;
	if (paused) {
		return `${what} target ${target}: paused`;
	}

	if (breachAt === undefined) {
		return `${what} target ${target}`;
	}

	return breached
		? `${what} target ${target}: breached ${formatDuration(now - breachAt, textLocale)} ago`
		: `${what} due in ${formatDuration(breachAt - now, textLocale)} (target ${target})`;
}

const shownReasons = 3;

/** The signals behind the score (the first few, or all), each showing its evidence in the thread. */
function Reasons({assessment, actions, trust}: {assessment: Assessment; actions: OverlayActions; trust: Trust}) {
	const [allReasons, setAllReasons] = useState(false);
	const reasons = allReasons ? assessment.signals : assessment.signals.slice(0, shownReasons);
	return assessment.signals.length > 0 ? (
		<section aria-labelledby="defuse-why">
			<h3 id="defuse-why">Why</h3>
			<ul class="reasons" id="defuse-reasons">
				{reasons.map((signal, index) => (
					<li key={signal.id}>
						<button
							type="button"
							class="reason"
							data-signal={signal.id}
							disabled={signal.evidence.length === 0}
							onClick={guarded(trust, () => actions.highlight(index))}
							title={signal.evidence.length > 0 ? 'Show in the conversation' : undefined}
						>
							<span class="weight" aria-label={`weight ${signal.weight.toFixed(2)}`}>
								+{signal.weight.toFixed(2)}
							</span>{' '}
							{signal.label}
						</button>
					</li>
				))}
			</ul>
			{assessment.signals.length > shownReasons ? (
				<button
					type="button"
					class="more"
					aria-expanded={allReasons}
					aria-controls="defuse-reasons"
					onClick={guarded(trust, () => setAllReasons(!allReasons))}
				>
					{allReasons ? 'Show fewer reasons' : `Show all ${assessment.signals.length} reasons`}
				</button>
			) : null}
		</section>
	) : (
		<p class="note">Nothing in this conversation points to an escalation.</p>
	);
}

/** The ticket's facts: subject, customer, status, messages, waiting time and SLA. */
function TicketFacts({state}: {state: TicketView}) {
	const {snapshot, facts, now} = state;
	const waiting = facts.unansweredSince ? now - Date.parse(facts.unansweredSince) : undefined;
	return (
		<dl class="facts">
			<dt>Ticket</dt>
			<dd data-fact="ticket">
				#{snapshot.ticketId}
				{snapshot.subject ? ` ${snapshot.subject}` : ''}
			</dd>
			{snapshot.requester?.name ? (
				<>
					<dt>Customer</dt>
					<dd data-fact="requester">{snapshot.requester.name}</dd>
				</>
			) : null}
			{snapshot.status ? (
				<>
					<dt>Status</dt>
					<dd data-fact="status">
						{snapshot.status}
						{snapshot.priority ? `, ${snapshot.priority} priority` : ''}
					</dd>
				</>
			) : null}
			<dt>Messages</dt>
			<dd data-fact="messages">
				<span data-count="customer">{facts.customerMessages}</span> from the customer, <span data-count="agent">{facts.agentMessages}</span>{' '}
				agent {facts.agentMessages === 1 ? 'reply' : 'replies'}
				{facts.internalNotes > 0 ? (
					<>
						, <span data-count="internal">{facts.internalNotes}</span> internal
					</>
				) : null}
			</dd>
			<dt>Waiting</dt>
			<dd data-fact="waiting">
				{waiting === undefined || Number.isNaN(waiting)
					? 'Nobody is waiting for a reply'
					: `Customer waiting ${formatDuration(waiting, textLocale)}`}
			</dd>
			{state.deadline ? (
				<>
					<dt>SLA</dt>
					<dd data-fact="sla" class={state.deadline.clock.breached ? 'breached' : ''}>
						{slaText(state.deadline, now)}
					</dd>
				</>
			) : null}
		</dl>
	);
}

function TicketPanel({state, actions, trust}: {state: TicketView; actions: OverlayActions; trust: Trust}) {
	const {assessment} = state;
	const topTrigger = assessment.triggers[0];
	return (
		<>
			<DraftCheck draft={state.draft} actions={actions} trust={trust} />
			<p class="score">
				Escalation risk <strong data-fact="score">{assessment.score.toFixed(2)}</strong> ({levelLabel[assessment.level].toLowerCase()})
			</p>
			<Reasons assessment={assessment} actions={actions} trust={trust} />
			{topTrigger ? (
				<p class="trigger" data-fact="trigger">
					Likely trigger: <strong>{triggerLabel[topTrigger.trigger]}</strong> ({Math.round(topTrigger.confidence * 100)}%)
				</p>
			) : null}
			{assessment.escalationPath ? (
				<p class="path" data-fact="path">
					{pathLabel[assessment.escalationPath]}
				</p>
			) : null}
			<Replies state={state} actions={actions} trust={trust} />
			<TicketFacts state={state} />
			<Feedback state={state} actions={actions} trust={trust} />
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
		parts.push(left <= 0 ? 'SLA breached' : `SLA due in ${formatDuration(left, textLocale)}`);
	}

	return parts.join(', ');
}

/** The words a marker says about its row: level and SLA, then why. */
export function markDescription(mark: ListMark, now: number): string {
	const head = markLabel(mark, now) || 'Worth a look';
	const from = mark.source === 'list' ? 'From the list' : 'Last seen';
	return `${head}. ${from}: ${mark.reasons.join('; ') || 'at risk'}`;
}

function Legend() {
	return (
		<ul class="legend" aria-label="What the markers mean">
			<li>
				<span class="queue-dot level-critical" aria-hidden="true" /> Critical
			</li>
			<li>
				<span class="queue-dot level-high" aria-hidden="true" /> High risk
			</li>
			<li>
				<span class="queue-dot level-watch" aria-hidden="true" /> Watch
			</li>
			<li>
				<span class="queue-dot is-due" aria-hidden="true" /> SLA due soon
			</li>
			<li class="note">Dotted: judged from the list only (ticket not opened yet).</li>
		</ul>
	);
}

function QueuePanel({state}: {state: ListView}) {
	return (
		<>
			<Legend />
			<ul class="queue">
				{state.marks.map(mark => (
					<li key={mark.ticketId} data-ticket={mark.ticketId} class={`level-${mark.level ?? 'unknown'} from-${mark.source}`}>
						{mark.href ? (
							<a href={mark.href}>
								<strong>#{mark.ticketId}</strong> {mark.subject ?? ''}
							</a>
						) : (
							<span>
								<strong>#{mark.ticketId}</strong> {mark.subject ?? ''}
							</span>
						)}
						<span class="mark-label">{markDescription(mark, state.now)}</span>
					</li>
				))}
			</ul>
		</>
	);
}

function QueueMarkers({state}: {state: ListView}) {
	return (
		<div class="queue-layer">
			{state.placed.map(mark => {
				const words = markDescription(mark, state.now);
				const short = mark.breachAt && !mark.level ? 'SLA' : levelLabel[mark.level ?? 'watch'];
				const className = `queue-mark level-${mark.level ?? 'unknown'}${mark.breachAt ? ' is-due' : ''} from-${mark.source}`;
				const style = {top: `${mark.top}px`, left: `${mark.left}px`, height: `${mark.height}px`};
				return mark.href ? (
					<a
						key={mark.ticketId}
						class={className}
						data-ticket={mark.ticketId}
						href={mark.href}
						title={`Defuse: ${words}`}
						aria-label={`Open ticket #${mark.ticketId}: ${words}`}
						style={style}
					>
						<span class="queue-dot" aria-hidden="true" />
						{short}
					</a>
				) : (
					<span
						key={mark.ticketId}
						class={className}
						data-ticket={mark.ticketId}
						title={`Defuse: ${words}`}
						role="img"
						aria-label={`Ticket #${mark.ticketId}: ${words}`}
						style={style}
					>
						<span class="queue-dot" aria-hidden="true" />
						{short}
					</span>
				);
			})}
		</div>
	);
}

function MarkLayer({boxes}: {boxes: MarkBox[]}) {
	if (boxes.length === 0) {
		return null;
	}

	return (
		<div class="mark-layer" aria-hidden="true">
			{boxes.map((box, index) => (
				<span
					key={index}
					class="draft-mark"
					data-rule={box.ruleId}
					style={{left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px`}}
				/>
			))}
		</div>
	);
}

function rootStyle(placement: Placement, preview: Dock | undefined): Record<string, string> {
	if (placement.mode === 'sidebar') {
		return {left: `${placement.left}px`, top: `${placement.top}px`, width: `${placement.width}px`, height: `${placement.height}px`};
	}

	if (placement.mode === 'sheet') {
		return {left: '0px', right: '0px', [placement.edge]: '0px', '--sheet-height': `${placement.height}px`};
	}

	const side = preview?.side ?? placement.side;
	const width = preview?.width ?? placement.width;
	return {top: `${preview?.top ?? placement.top}px`, [side]: '16px', width: `${width}px`, '--panel-max-height': `${placement.maxHeight}px`};
}

type Drag = {kind: 'move' | 'resize'; pointerId: number; startX: number; startY: number; dock: Dock};

/** Moving the docked panel by its header and widening it by its edge (pointer or arrow keys): shown as a preview, kept on release. */
function usePanelDrag(placement: Placement, actions: OverlayActions, trust: Trust) {
	const [drag, setDrag] = useState<Drag>();
	const [preview, setPreview] = useState<Dock>();
	const viewport = () => ({width: document.documentElement.clientWidth || innerWidth, height: innerHeight});

	const startDrag = (kind: Drag['kind']) =>
		guarded(trust, (event: PointerEvent) => {
			if (placement.mode !== 'docked' || event.button !== 0 || (kind === 'move' && (event.target as Element).closest('button'))) {
				return;
			}

			(event.currentTarget as Element).setPointerCapture(event.pointerId);
			setDrag({
				kind,
				pointerId: event.pointerId,
				startX: event.clientX,
				startY: event.clientY,
				dock: {side: placement.side, top: placement.top, width: placement.width},
			});
		});
	const moveDrag = (event: PointerEvent) => {
		if (!drag || event.pointerId !== drag.pointerId || !trust(event)) {
			return;
		}

		if (drag.kind === 'move') {
			setPreview(dockAt(drag.dock, event.clientX, drag.dock.top + (event.clientY - drag.startY), viewport()));
		} else {
			const delta = event.clientX - drag.startX;
			setPreview({...drag.dock, width: Math.max(260, drag.dock.width + (drag.dock.side === 'right' ? -delta : delta))});
		}
	};

	const endDrag = (event: PointerEvent) => {
		if (drag && event.pointerId === drag.pointerId) {
			setDrag(undefined);
			if (preview) {
				actions.setDock(preview);
			}

			setPreview(undefined);
		}
	};

	const onResizeKey = guarded(trust, (event: KeyboardEvent) => {
		if (placement.mode !== 'docked' || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) {
			return;
		}

		event.preventDefault();
		const wider = (event.key === 'ArrowLeft') === (placement.side === 'right');
		actions.setDock({side: placement.side, top: placement.top, width: Math.max(260, placement.width + (wider ? 20 : -20))});
	});
	return {drag, preview, startDrag, moveDrag, endDrag, onResizeKey};
}

/** The collapsed overlay: the level (or the page's state), the draft's count and the snooze, as one button. */
function Badge({state, expanded, onToggle, trust}: {state: OverlayState; expanded: boolean; onToggle: () => void; trust: Trust}) {
	const level = state.kind === 'ticket' ? state.assessment.level : undefined;
	const draftCount = state.kind === 'ticket' ? state.draft.issues.length : 0;
	const badgeText =
		state.kind === 'ticket'
			? levelLabel[state.assessment.level]
			: state.kind === 'list'
				? `${state.marks.length} to watch`
				: state.kind === 'waiting'
					? 'Reading'
					: 'Cannot read';
	return (
		<button
			type="button"
			class={`badge level-${level ?? 'unknown'}`}
			aria-expanded={expanded}
			aria-controls="defuse-panel"
			aria-keyshortcuts="Alt+Shift+D"
			onClick={guarded(trust, onToggle)}
		>
			{/* The accessible name is the visible text plus hidden words, in reading order. */}
			<span class="dot" aria-hidden="true" />
			<span class="brand">Defuse</span>
			<span class="badge-text">{badgeText}</span>
			{state.kind === 'ticket' && state.assessment.level !== 'none' ? (
				<span class="badge-score">{state.assessment.score.toFixed(2)}</span>
			) : null}
			{draftCount > 0 ? (
				<span class="badge-draft" data-fact="draft-count" title="Phrases to check in your draft">
					<span aria-hidden="true">✎ </span>
					{draftCount}
					<span class="visually-hidden">{draftCount === 1 ? ' phrase to check in your draft' : ' phrases to check in your draft'}</span>
				</span>
			) : null}
			{state.kind === 'ticket' && state.context?.snoozedUntil ? <span class="badge-snoozed">snoozed</span> : null}
			<span class="visually-hidden">{`${expanded ? 'Collapse' : 'Expand'} details (Alt+Shift+D)`}</span>
		</button>
	);
}

/** What the open panel shows for the page's state. */
function PanelBody({state, actions, trust}: {state: OverlayState; actions: OverlayActions; trust: Trust}) {
	return (
		<div class="panel-body">
			{state.kind === 'ticket' ? <TicketPanel state={state} actions={actions} trust={trust} /> : null}
			{state.kind === 'list' ? <QueuePanel state={state} /> : null}
			{state.kind === 'waiting' ? <p class="note">Waiting for the ticket to finish loading.</p> : null}
			{state.kind === 'unreadable' ? (
				<p class="note" role="status">
					Defuse cannot read this page. {state.detail}
					{state.missing.length > 0 ? ` Missing: ${state.missing.join(', ')}.` : ''}
				</p>
			) : null}
		</div>
	);
}

type PanelDrag = ReturnType<typeof usePanelDrag>;

/** The panel's header: the helpdesk's name, the dock buttons (when docked) and close; dragged to move the panel. */
function PanelHead({
	helpdeskName,
	placement,
	dock,
	drag,
	actions,
	trust,
}: {
	helpdeskName: string;
	placement: Placement;
	dock: Dock;
	drag: PanelDrag;
	actions: OverlayActions;
	trust: Trust;
}) {
	const docked = placement.mode === 'docked';
	return (
		<header
			class="panel-head"
			onPointerDown={drag.startDrag('move')}
			onPointerMove={drag.moveDrag}
			onPointerUp={drag.endDrag}
			onPointerCancel={drag.endDrag}
			title={docked ? 'Drag to move the panel' : undefined}
		>
			<span class="panel-title">{helpdeskName}</span>
			{docked ? (
				<>
					<button
						type="button"
						class="icon"
						data-action="dock-left"
						aria-label="Dock the panel on the left"
						aria-pressed={placement.side === 'left'}
						onClick={guarded(trust, () => actions.setDock({...dock, side: 'left'}))}
					>
						⇤
					</button>
					<button
						type="button"
						class="icon"
						data-action="dock-right"
						aria-label="Dock the panel on the right"
						aria-pressed={placement.side === 'right'}
						onClick={guarded(trust, () => actions.setDock({...dock, side: 'right'}))}
					>
						⇥
					</button>
				</>
			) : null}
			<button
				type="button"
				class="icon"
				data-action="close"
				aria-label="Close the panel (Escape)"
				onClick={guarded(trust, () => actions.close())}
			>
				×
			</button>
		</header>
	);
}

/** The docked panel's edge: dragged or moved with the arrow keys to change its width. */
function ResizeHandle({width, drag}: {width: number; drag: PanelDrag}) {
	return (
		<div
			class="resize"
			role="separator"
			tabIndex={0}
			aria-orientation="vertical"
			aria-label="Panel width (arrow keys)"
			aria-valuenow={width}
			aria-valuemin={260}
			aria-valuemax={1200}
			onPointerDown={drag.startDrag('resize')}
			onPointerMove={drag.moveDrag}
			onPointerUp={drag.endDrag}
			onPointerCancel={drag.endDrag}
			onKeyDown={drag.onResizeKey}
		/>
	);
}

export function Overlay({
	state,
	actions,
	expanded,
	theme,
	placement,
	dock,
	onToggle,
	trust = event => event.isTrusted,
}: {
	state: OverlayState;
	actions: OverlayActions;
	expanded: boolean;
	theme: 'light' | 'dark';
	placement: Placement;
	dock: Dock;
	onToggle: () => void;
	/** Which events count as the agent's own (default: trusted ones; tests pass their own). */
	trust?: Trust;
}) {
	const panelDrag = usePanelDrag(placement, actions, trust);
	const {drag, preview} = panelDrag;
	const docked = placement.mode === 'docked';
	return (
		<div
			class={`overlay ${expanded ? 'is-expanded' : ''} mode-${placement.mode} side-${preview?.side ?? (docked ? placement.side : 'right')}${drag ? ' is-dragging' : ''}`}
			data-state={state.kind}
			data-theme={theme}
			data-mode={placement.mode}
			style={rootStyle(placement, preview)}
			onKeyDown={guarded(trust, (event: KeyboardEvent) => {
				if (event.key === 'Escape' && expanded) {
					event.stopPropagation();
					actions.close();
				}
			})}
		>
			<Badge state={state} expanded={expanded} onToggle={onToggle} trust={trust} />
			{expanded ? (
				<section id="defuse-panel" class="panel" aria-label="Defuse details">
					<PanelHead helpdeskName={state.helpdeskName} placement={placement} dock={dock} drag={panelDrag} actions={actions} trust={trust} />
					<PanelBody state={state} actions={actions} trust={trust} />
					{docked ? <ResizeHandle width={preview?.width ?? placement.width} drag={panelDrag} /> : null}
				</section>
			) : null}
			{state.kind === 'list' ? <QueueMarkers state={state} /> : null}
			{state.kind === 'ticket' ? <MarkLayer boxes={state.draft.boxes} /> : null}
		</div>
	);
}
