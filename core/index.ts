// The public core API (design.md section 4). Other code and evaluations import from here.
export type {
	Role,
	Message,
	Requester,
	TicketSnapshot,
	Level,
	Trigger,
	EscalationPath,
	Evidence,
	Signal,
	Suggestion,
	Assessment,
	Observation,
	DefuseEvent,
} from './model.ts';
export {levels, triggers, escalationPaths, ticketKeyOf} from './model.ts';
export {assess} from './assess.ts';
export {scoreTone} from './tone.ts';
export {checkDraft, draftRules} from './signals/draft.ts';
export type {DraftIssue, DraftRule} from './signals/draft.ts';
export {addBusinessMillis, businessMillisBetween, isBusinessTime, validateCalendar} from './calendar.ts';
export type {BusinessCalendar, Weekday} from './calendar.ts';
export {defaultSettings} from './context.ts';
export type {AssessContext, AssessSettings, AlertBudget, Thresholds, EarlierTicket, ThemeCount} from './context.ts';
export {defaultSlaPolicy, slaClock, targetsFor} from './sla.ts';
export type {SlaPolicy, SlaTargets, SlaClock, PauseInterval} from './sla.ts';
export {mayAlert} from './risk.ts';
export {signalDescriptors} from './signals/registry.ts';
export type {SignalId} from './signals/registry.ts';
export type {SignalDescriptor} from './signals/signal.ts';
export {builtInPacks, phraseFamilies, validatePhrasePack} from './signals/phrases.ts';
export type {PhraseFamily, PhrasePack} from './signals/phrases.ts';
export {templateLibrary} from './templates/library.ts';
export {render, validateTemplate} from './templates/template.ts';
export type {Template, Placeholder, Situation, Rendered} from './templates/template.ts';
