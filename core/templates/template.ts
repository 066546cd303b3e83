// De-escalation reply templates: plain JSON-compatible data, rendered to plain text.
// Values are stripped of markup and invisible characters, so customer text never becomes markup,
// and a missing required value stays visible as {{key}} and is reported, never guessed.
// A part in [[ ... ]] is kept only when every placeholder inside it has a value, so a sentence
// such as "[[ (reference {{ticket.id}})]]" disappears cleanly when the ticket has no number.
import type {EscalationPath, Trigger} from '../model.ts';
import type {SignalId} from '../signals/registry.ts';
import type {CueId} from './cues.ts';
import {stripInvisible} from '../text.ts';

export const situations = [
	'angry-first-reply',
	'repeat-contact',
	'long-wait',
	'periodic-update',
	'third-party-wait',
	'policy-alternative',
	'final-refusal',
	'legal-threat',
	'payment-dispute',
	'billing-error',
	'manager-request',
	'churn-save',
	'vip-at-risk',
	'miscommunication',
	'wrong-information',
	'own-mistake',
	'quality-issue',
	'non-delivery',
	'outage',
	'functional-escalation',
	'hierarchical-escalation',
	'frontline-recovery',
	'public-exposure',
	'abuse',
	'data-request',
	'vulnerable-customer',
	'language-mismatch',
] as const;

export type Situation = (typeof situations)[number];

/** How a situation reads in the options page and in a suggestion's "why". */
export const situationLabels: Readonly<Record<Situation, string>> = {
	'angry-first-reply': 'Upset customer',
	'repeat-contact': 'Repeat contact',
	'long-wait': 'Long wait',
	'periodic-update': 'Update due',
	'third-party-wait': 'Waiting on a third party',
	'policy-alternative': 'Policy limits what you can do',
	'final-refusal': 'Final answer on a policy',
	'legal-threat': 'Legal threat',
	'payment-dispute': 'Chargeback or bank dispute',
	'billing-error': 'Billing error',
	'manager-request': 'Asked for a manager',
	'churn-save': 'Wants to cancel',
	'vip-at-risk': 'Renewal or key account at risk',
	miscommunication: 'Misunderstanding',
	'wrong-information': 'Given wrong or conflicting information',
	'own-mistake': 'Our own mistake',
	'quality-issue': 'Faulty product or service',
	'non-delivery': 'Order not delivered',
	outage: 'Outage',
	'functional-escalation': 'Needs a specialist',
	'hierarchical-escalation': 'Needs someone with authority',
	'frontline-recovery': 'Unhappy with earlier replies',
	'public-exposure': 'Public review or social media',
	abuse: 'Abusive language',
	'data-request': 'Personal data request',
	'vulnerable-customer': 'Vulnerable customer or risk of harm',
	'language-mismatch': 'Wrote in another language',
};

export type Placeholder = {
	/** e.g. 'customer.firstName', 'eta' */
	key: string;
	required: boolean;
	/** Used when no value is given; a required placeholder with a fallback is never missing. */
	fallback?: string | undefined;
	/** What the agent is asked for, in words ("When you will update them"); built-in keys have one. */
	label?: string | undefined;
	/** An example value ("3 pm today"). */
	hint?: string | undefined;
};

/**
 * When a template fits, beyond its situation (built-in templates; the team's own may leave it out).
 * Plain data, so templates stay JSON.
 */
export type Condition =
	| {signal: SignalId; messages?: number | undefined}
	| {cue: CueId}
	| {trigger: Trigger}
	| {path: EscalationPath}
	| {reply: 'first' | 'follow-up'}
	| {agentReplies: number}
	| {inserted: string}
	| {not: Condition}
	| {any: Condition[]}
	| {all: Condition[]};

export type Template = {
	id: string;
	title: string;
	language: string;
	trigger: Trigger | 'any';
	situation: Situation;
	/** Plain text with {{key}} placeholders and optional [[ ... ]] parts. */
	body: string;
	placeholders: Placeholder[];
	/** Every condition must hold for the template to be suggested. */
	requires?: Condition[] | undefined;
	/** Each condition that holds ranks the template higher among its situation's templates. */
	prefers?: Condition[] | undefined;
};

export type Rendered = {text: string; missing: string[]};

const placeholderPattern = /\{\{\s*([\w.-]+)\s*\}\}/g;
const segmentPattern = /\[\[([\s\S]*?)\]\]/g;
const maxValueLength = 300;

/** Labels and examples for the built-in placeholder keys: one grammatical form per key across the library. */
export const placeholderInfo: Readonly<Record<string, {label: string; hint?: string}>> = {
	'customer.firstName': {label: "Customer's first name", hint: 'Dana'},
	'customer.name': {label: "Customer's name", hint: 'Dana Whitfield'},
	'ticket.id': {label: 'Ticket number', hint: '#48213'},
	'ticket.subject': {label: 'Ticket subject'},
	'ticket.language': {label: 'Language the customer wrote in', hint: 'Spanish'},
	'agent.name': {label: 'Your name', hint: 'Sam Okafor'},
	'agent.signature': {label: 'Your signature', hint: 'Sam Okafor, Customer Care'},
	eta: {label: 'When you will update them', hint: '3 pm today'},
	'next.step': {label: 'What you will do next', hint: 'ask the carrier to trace your parcel'},
	team: {label: 'Team you are passing it to', hint: 'Billing'},
	'supervisor.name': {label: 'Who will decide', hint: 'Maria Lopez, our support lead'},
	'policy.reason': {label: 'Why the rule exists', hint: 'opened items cannot be resold'},
	'refused.action': {label: 'What you cannot do', hint: 'refund an opened item'},
	alternative: {label: 'What you can do instead', hint: 'exchange it for store credit'},
	'request.summary': {label: 'What they asked for, in your words', hint: 'a refund for the second charge'},
	answer: {label: 'Your answer', hint: 'The refund went back to your card on Monday.'},
	status: {label: 'Where things stand', hint: 'the carrier has opened a trace'},
	offer: {label: 'What you can offer', hint: 'send a replacement today'},
	'offer.other': {label: 'A second option, if there is one', hint: 'a full refund'},
	issue: {label: 'What the problem is with', hint: 'the mobile app'},
	product: {label: 'The product', hint: 'your headphones'},
	'info.needed': {label: 'What you need from them', hint: 'your order number'},
	account: {label: 'Account or plan', hint: 'your team plan'},
	'third.party': {label: 'Who you are waiting on', hint: 'the carrier'},
	'wrong.info': {label: 'What they were told', hint: 'that returns take five days'},
	'billing.finding': {label: 'What you found on the account', hint: 'two payments of $480 on 3 March'},
	'data.request': {label: 'What they asked to be done with their data', hint: 'delete your account and personal data'},
	'appeal.route': {label: 'How they can ask for a review', hint: 'reply to this email and ask for a review by our complaints team'},
	'account.manager': {label: 'Who looks after their account', hint: 'Priya, your account manager'},
	'support.line': {label: 'A support line they can call', hint: 'the Samaritans on 116 123'},
	'contact.route': {label: 'How they can contact us again', hint: 'support@example.com'},
};

/** How a value is tidied so it fits the sentence it goes into ("by by 3 pm", "I will I will ask"). */
function normalizeValue(key: string, value: string): string {
	switch (key) {
		case 'eta': {
			return value.replace(/^(?:by|before|until|no later than)\s+/i, '');
		}

		case 'next.step':
		case 'offer':
		case 'offer.other':
		case 'alternative':
		case 'refused.action':
		case 'data.request': {
			return value.replace(/^(?:(?:I|we)(?:\s+will|'ll|’ll)|I\s+can|we\s+can|to)\s+/i, '').replace(/[.!;]+$/, '');
		}

		case 'team': {
			return value.replace(/^(?:the|our)\s+/i, '').replace(/\s+team$/i, '');
		}

		case 'policy.reason': {
			return value.replace(/^because\s+/i, '').replace(/[.!;]+$/, '');
		}

		case 'status':
		case 'request.summary':
		case 'issue':
		case 'wrong.info':
		case 'billing.finding':
		case 'info.needed':
		case 'appeal.route': {
			return value.replace(/[.!;]+$/, '');
		}

		case 'answer': {
			const text = value.charAt(0).toUpperCase() + value.slice(1);
			return /[.!?]$/.test(text) ? text : `${text}.`;
		}

		default: {
			return value;
		}
	}
}

/** A value as safe single-line plain text: no tags, no angle brackets, no control or bidi characters. */
export function cleanValue(value: string): string {
	const text = stripInvisible(value)
		.replaceAll(/<[^>]*>/g, ' ')
		.replaceAll(/[<>]/g, ' ')
		.replaceAll(/\{\{|\}\}|\[\[|\]\]/g, ' ')
		.replaceAll(/\s+/g, ' ')
		.trim();
	return text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text;
}

/** The value a placeholder gets: the given value (tidied), else its fallback, else ''. */
export function valueFor(placeholder: Placeholder | undefined, key: string, raw: string | undefined): string {
	const value = raw === undefined ? '' : normalizeValue(key, cleanValue(raw));
	if (value !== '') {
		return value;
	}

	return placeholder?.fallback === undefined ? '' : cleanValue(placeholder.fallback);
}

/** Tidies spacing and punctuation left by empty values. */
function tidy(text: string): string {
	return stripInvisible(text)
		.replaceAll(/[ \t]+([,.!?;:])/g, '$1')
		.replaceAll(/([,;:])(?=[,.!?;:])/g, '')
		.replaceAll(/\.{2,}/g, '.')
		.replaceAll(/[ \t]{2,}/g, ' ')
		.replaceAll(/[ \t]+\n/g, '\n')
		.replaceAll(/\n[ \t]+/g, '\n')
		.replaceAll(/\n{3,}/g, '\n\n')
		.trim();
}

export function render(template: Template, values: Readonly<Record<string, string | undefined>>): Rendered {
	const declared = new Map(template.placeholders.map(placeholder => [placeholder.key, placeholder]));
	const missing: string[] = [];
	const valueOf = (key: string) => valueFor(declared.get(key), key, values[key]);
	// Optional parts first: kept (without their brackets) only when all their placeholders have values.
	const body = template.body.replaceAll(segmentPattern, (_whole, inner: string) => {
		const keys = [...inner.matchAll(placeholderPattern)].map(match => match[1]!);
		return keys.every(key => valueOf(key) !== '') ? inner : '';
	});
	const text = body.replaceAll(placeholderPattern, (whole, key: string) => {
		const value = valueOf(key);
		if (value !== '') {
			return value;
		}

		const placeholder = declared.get(key) ?? {key, required: true};
		if (placeholder.required) {
			if (!missing.includes(key)) {
				missing.push(key);
			}

			return whole.replaceAll(/\s/g, '');
		}

		return '';
	});
	return {text: tidy(text), missing};
}

/** Checks an imported template. */
export function validateTemplate(value: unknown): {ok: true; template: Template} | {ok: false; errors: string[]} {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return {ok: false, errors: ['template must be an object']};
	}

	const record = value as Record<string, unknown>;
	const errors: string[] = [];
	for (const key of ['id', 'title', 'language', 'trigger', 'situation', 'body'] as const) {
		if (typeof record[key] !== 'string' || record[key] === '') {
			errors.push(`${key} must be a non-empty string`);
		}
	}

	const placeholders = Array.isArray(record.placeholders) ? (record.placeholders as unknown[]) : undefined;
	if (
		!placeholders ||
		!placeholders.every(
			item =>
				typeof item === 'object' &&
				item !== null &&
				typeof (item as Placeholder).key === 'string' &&
				typeof (item as Placeholder).required === 'boolean',
		)
	) {
		errors.push('placeholders must be a list of {key, required, fallback?}');
	}

	for (const key of ['requires', 'prefers'] as const) {
		if (record[key] !== undefined && !Array.isArray(record[key])) {
			errors.push(`${key} must be a list of conditions`);
		}
	}

	return errors.length > 0 ? {ok: false, errors} : {ok: true, template: value as Template};
}

/** Placeholder keys used in a body, in order of first use. */
export function placeholdersIn(body: string): string[] {
	return [...new Set([...body.matchAll(placeholderPattern)].map(match => match[1]!))];
}

/** The words an agent reads for a placeholder: its own label, the built-in one, or the key made readable. */
export function labelOf(placeholder: Pick<Placeholder, 'key' | 'label'>): string {
	return placeholder.label ?? placeholderInfo[placeholder.key]?.label ?? readableKey(placeholder.key);
}

/** A key in words: 'refund.amountDue' reads 'Refund amount due'. */
export function readableKey(key: string): string {
	const words = key
		.replaceAll(/[._-]+/g, ' ')
		.replaceAll(/([a-z])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The template with the built-in label and example on each placeholder that has none of its own, so
 * whoever shows its fields (a helpdesk page, which gets templates as data) needs no table of its own.
 */
export function describedTemplate(template: Template): Template {
	return {
		...template,
		placeholders: template.placeholders.map(placeholder => {
			const info = placeholderInfo[placeholder.key];
			return info
				? {
						...placeholder,
						label: placeholder.label ?? info.label,
						...((placeholder.hint ?? info.hint) ? {hint: placeholder.hint ?? info.hint} : {}),
					}
				: placeholder;
		}),
	};
}
