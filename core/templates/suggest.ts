// From an assessment to 1-3 filled-in suggestions: the ticket's own values (first name, ticket number,
// language), the agent's settings (name, signature), situation cues and the ranking.
import type {EscalationPath, Signal, Suggestion, SuggestionField, TicketSnapshot, Trigger} from '../model.ts';
import {detectLanguages} from '../signals/phrases.ts';
import type {PreparedTicket} from '../signals/types.ts';
import {findCuesWith, labelsOf, type Cue} from './cues.ts';
import {chooseTemplates, needsReplyHelp, type RankFacts} from './rank.ts';
import {readableKey, render, valueFor, type Template} from './template.ts';

const titles = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|frau|sr|sra|mme|m)\.?$/i;

/** The first name people use: "Smith, John" is John; titles and e-mail addresses are skipped. */
export function firstNameOf(name: string | undefined): string | undefined {
	const trimmed = name?.trim();
	if (!trimmed || trimmed.includes('@')) {
		return undefined;
	}

	// "Last, First" (directories, CRM exports) puts the given name after the comma.
	const ordered = /^[^,]+,\s*[^,]+$/.test(trimmed) ? trimmed.split(',')[1]!.trim() : trimmed;
	const words = ordered.split(/\s+/).filter(word => !titles.test(word));
	const first = words[0];
	// An initial ("J.") is not a name to greet someone by.
	return first && /\p{L}{2}/u.test(first) ? first.replace(/[.,;:]+$/, '') : undefined;
}

const languageNames: Readonly<Record<string, string>> = {en: 'English', es: 'Spanish', de: 'German', fr: 'French', pt: 'Portuguese'};
const englishWords = new Set([
	'the',
	'and',
	'is',
	'to',
	'my',
	'i',
	'you',
	'it',
	'not',
	'for',
	'this',
	'that',
	'was',
	'have',
	'with',
	'of',
	'on',
	'please',
	'what',
	'your',
	'are',
	'me',
	'can',
	'be',
	'an',
]);

/** The language the customer writes in: English unless another language's common words clearly dominate. */
export function ticketLanguage(text: string): string {
	const [other] = detectLanguages(text);
	if (!other) {
		return 'en';
	}

	const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
	const english = words.filter(word => englishWords.has(word)).length;
	return english / Math.max(1, words.length) >= 0.12 ? 'en' : other;
}

export type SuggestInput = {
	snapshot: TicketSnapshot;
	prepared: PreparedTicket;
	level: string;
	signals: readonly Signal[];
	triggers: ReadonlyArray<{trigger: Trigger; confidence: number}>;
	escalationPath?: EscalationPath | undefined;
	templates: readonly Template[];
	agent?: {name?: string | undefined; signature?: string | undefined} | undefined;
	/** Values typed by the agent or given by the caller, by placeholder key. */
	values?: Readonly<Record<string, string>> | undefined;
	/** Template ids the agent already inserted on this ticket. */
	inserted?: readonly string[] | undefined;
	/** The situation cues to look for (cues.ts; a helpdesk page gets them from the background). */
	cues?: readonly Cue[] | undefined;
	max: number;
};

function recentText(prepared: PreparedTicket, agent: boolean): string {
	const messages = prepared.messages
		.filter(message => (agent ? message.role === 'agent' : message.role === 'customer' && !message.internal))
		.slice(-6);
	return messages
		.map(message => message.kept.map(range => message.text.slice(range.start, Math.min(range.end, range.start + 3000))).join(' '))
		.join('\n');
}

/** What the ranking reads: the assessment's signals, cues from the thread, the reply count, the language. */
export function rankFactsOf(
	input: Omit<SuggestInput, 'templates' | 'max' | 'agent' | 'values'> & {templates?: readonly Template[]},
): RankFacts {
	const {prepared, signals} = input;
	const customerText = recentText(prepared, false);
	const list = input.cues ?? [];
	const cues = findCuesWith(list, customerText, recentText(prepared, true));
	const language = ticketLanguage(customerText);
	if (language !== 'en' && !(input.templates ?? []).some(template => template.language === language)) {
		cues.set('other-language', languageNames[language] ?? language);
	}

	const evidenceMessages = (item: Signal) => new Set(item.evidence.map(evidence => evidence.messageIndex)).size;
	return {
		signals: signals.map(item => ({id: item.id, weight: item.weight, label: item.label, messages: evidenceMessages(item)})),
		triggers: input.triggers,
		escalationPath: input.escalationPath,
		cues,
		cueLabels: labelsOf(list),
		agentReplies: prepared.messages.filter(message => message.role === 'agent' && !message.internal).length,
		language,
		inserted: input.inserted ?? [],
	};
}

/** The values a ticket and the agent's settings give, each with where it came from. */
export function knownValues(
	snapshot: TicketSnapshot,
	agent: SuggestInput['agent'],
	language: string,
): Record<string, {value: string; source: SuggestionField['source']}> {
	const known: Record<string, {value: string; source: SuggestionField['source']}> = {};
	const put = (key: string, value: string | undefined, source: SuggestionField['source']) => {
		if (value?.trim()) {
			known[key] = {value: value.trim(), source};
		}
	};

	put('customer.firstName', firstNameOf(snapshot.requester?.name), 'ticket');
	put('customer.name', snapshot.requester?.name, 'ticket');
	// Customers know the number the helpdesk shows them, not its internal id.
	const number = snapshot.ticketNumber ?? snapshot.ticketId;
	put('ticket.id', number ? `#${number.replace(/^#/, '')}` : undefined, 'ticket');
	put('ticket.subject', snapshot.subject, 'ticket');
	put('ticket.language', languageNames[language] ?? language, 'ticket');
	put('agent.name', agent?.name, 'settings');
	put('agent.signature', agent?.signature, 'settings');
	return known;
}

/** Fills a template: the text, what is still missing, and every field with its label and source. */
export function fillTemplate(
	template: Template,
	known: ReturnType<typeof knownValues>,
	typed: Readonly<Record<string, string>> = {},
): Pick<Suggestion, 'text' | 'missing' | 'fields'> {
	const values: Record<string, string> = {};
	for (const [key, entry] of Object.entries(known)) {
		values[key] = entry.value;
	}

	for (const [key, value] of Object.entries(typed)) {
		if (value.trim() !== '') {
			values[key] = value;
		}
	}

	const {text, missing} = render(template, values);
	const fields: SuggestionField[] = template.placeholders.map(placeholder => {
		const typedValue = typed[placeholder.key]?.trim();
		const source: SuggestionField['source'] = typedValue
			? 'typed'
			: (known[placeholder.key]?.source ?? (placeholder.fallback === undefined ? 'empty' : 'default'));
		const value = valueFor(placeholder, placeholder.key, values[placeholder.key]);
		const {hint} = placeholder; // Labels and examples come with the template (describedTemplate)
		return {
			key: placeholder.key,
			label: placeholder.label ?? readableKey(placeholder.key),
			value,
			source,
			required: placeholder.required,
			...(hint ? {hint} : {}),
		};
	});
	return {text, missing, fields};
}

/** 1-3 suggestions for the assessment, or none when the ticket needs no help with its reply. */
export function suggestReplies(input: SuggestInput): Suggestion[] {
	const facts = rankFactsOf(input);
	if (input.level === 'none' && !needsReplyHelp(facts)) {
		return [];
	}

	const known = knownValues(input.snapshot, input.agent, facts.language);
	return chooseTemplates(input.templates, facts, Math.max(1, Math.min(3, input.max))).map(({template, why}) => ({
		templateId: template.id,
		title: template.title,
		why,
		...fillTemplate(template, known, input.values),
	}));
}
