// What one ticket cannot know about itself: the clock, SLA policy, the requester's history,
// today's theme counts, the team's settings and the agent's draft. Everything is optional.
import type {BusinessCalendar} from './calendar.ts';
import type {PhraseFamily, PhrasePack} from './signals/phrases.ts';
import type {SlaPolicy} from './sla.ts';
import type {Template} from './templates/template.ts';

export type Thresholds = {watch: number; high: number; critical: number};

export type AlertBudget = {
	/** Most flags that may alert one agent within any 60 minutes; further flags are shown but stay quiet. */
	maxFlagsPerAgentHour: number;
	/** Lowest level that alerts at all. */
	minLevel: 'watch' | 'high' | 'critical';
};

export type AssessSettings = {
	/** Score at which each level starts. @default {watch: 0.3, high: 0.55, critical: 0.8} */
	thresholds: Thresholds;
	alertBudget: AlertBudget;
	/** Phrase families to ignore: 'urgency' (all languages) or 'en:urgency' (one pack). */
	disabledPhraseFamilies: Array<PhraseFamily | `${string}:${PhraseFamily}`>;
	/** Built-in packs to leave out, by id. */
	disabledPhrasePacks: string[];
	/** User packs: a new id adds a language; a built-in id adds phrases to that pack. */
	extraPhrasePacks: PhrasePack[];
	/** 'auto' runs English plus any pack whose language the customer text looks like. @default 'auto' */
	languages: 'auto' | string[];
	/** Earlier tickets within this many days count as repeat contacts. @default 14 */
	historyWindowDays: number;
	/** Tickets on one theme today before it counts as a spike. @default 5 */
	spikeThreshold: number;
	/** Multipliers on the built-in signal weights, by signal id (feedback tuning). */
	weightMultipliers: Record<string, number>;
	/** How many suggestions to return. @default 3 */
	maxSuggestions: number;
};

export type EarlierTicket = {
	ticketId: string;
	/** ISO-8601 or epoch ms */
	createdAt: string | number;
	subject?: string | undefined;
	status?: string | undefined;
	themes?: string[] | undefined;
};

export type ThemeCount = {
	theme: string;
	/** Tickets about this theme today (other customers). */
	count: number;
	/** Words that put a ticket in this theme; the theme name itself always counts. */
	keywords?: string[] | undefined;
};

export type AssessContext = {
	/** ISO-8601 or epoch ms. Without it, "now" is the latest message time, so results stay deterministic. */
	now?: string | number | undefined;
	sla?: {policy: SlaPolicy; calendar?: BusinessCalendar | undefined} | undefined;
	/** Pending / on-hold stretches (ISO-8601 or epoch ms); a missing end means still paused. */
	pauses?: Array<{start: string | number; end?: string | number | undefined}> | undefined;
	/** Status history, if the adapter knows it; pending / on-hold stretches become pauses. */
	statusChanges?: Array<{at: string | number; status: string}> | undefined;
	/** Times the ticket was reopened / reassigned, when the helpdesk exposes it. */
	shape?: {reopens?: number | undefined; reassignments?: number | undefined} | undefined;
	/** The requester's other tickets (not this one). */
	history?: EarlierTicket[] | undefined;
	themes?: ThemeCount[] | undefined;
	settings?: Partial<AssessSettings> | undefined;
	agent?: {name?: string | undefined; signature?: string | undefined} | undefined;
	/** The agent's unsent reply. */
	draft?: string | undefined;
	/** Values for template placeholders the ticket cannot supply, e.g. {eta: 'by 3 pm today'}. */
	values?: Record<string, string> | undefined;
	/** The templates to suggest from (the team's own, from settings); the built-in library otherwise. */
	templates?: readonly Template[] | undefined;
	/** Template ids the agent already inserted on this ticket; they are not suggested again. */
	inserted?: readonly string[] | undefined;
};

export const defaultSettings: AssessSettings = {
	thresholds: {watch: 0.3, high: 0.55, critical: 0.8},
	alertBudget: {maxFlagsPerAgentHour: 4, minLevel: 'high'},
	disabledPhraseFamilies: [],
	disabledPhrasePacks: [],
	extraPhrasePacks: [],
	languages: 'auto',
	historyWindowDays: 14,
	spikeThreshold: 5,
	weightMultipliers: {},
	maxSuggestions: 3,
};

export function resolveSettings(settings: Partial<AssessSettings> | undefined): AssessSettings {
	return {
		...defaultSettings,
		...settings,
		thresholds: {...defaultSettings.thresholds, ...settings?.thresholds},
		alertBudget: {...defaultSettings.alertBudget, ...settings?.alertBudget},
	};
}

/** Epoch ms from ISO-8601 or a number; undefined when unusable. */
export function toMillis(value: string | number | undefined): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const ms = typeof value === 'number' ? value : Date.parse(value);
	return Number.isFinite(ms) ? ms : undefined;
}
