// De-escalation reply templates: plain JSON-compatible data, rendered to plain text.
// Values are stripped of markup and invisible characters, so customer text never becomes markup,
// and a missing required value stays visible as {{key}} and is reported, never guessed.
import type {Trigger} from '../model.ts';
import {stripInvisible} from '../text.ts';

export type Situation =
	| 'angry-first-reply'
	| 'repeat-contact'
	| 'long-wait'
	| 'policy-alternative'
	| 'legal-threat'
	| 'manager-request'
	| 'churn-save'
	| 'miscommunication'
	| 'quality-issue'
	| 'functional-escalation'
	| 'hierarchical-escalation'
	| 'frontline-recovery'
	| 'public-exposure'
	| 'periodic-update';

export type Placeholder = {
	/** e.g. 'customer.firstName', 'eta' */
	key: string;
	required: boolean;
	/** Used when no value is given; a required placeholder with a fallback is never missing. */
	fallback?: string | undefined;
};

export type Template = {
	id: string;
	title: string;
	language: string;
	trigger: Trigger | 'any';
	situation: Situation;
	/** Plain text with {{key}} placeholders. */
	body: string;
	placeholders: Placeholder[];
};

export type Rendered = {text: string; missing: string[]};

const placeholderPattern = /\{\{\s*([\w.-]+)\s*\}\}/g;
const maxValueLength = 300;

/** A value as safe single-line plain text: no tags, no angle brackets, no control or bidi characters. */
export function cleanValue(value: string): string {
	const text = stripInvisible(value)
		.replaceAll(/<[^>]*>/g, ' ')
		.replaceAll(/[<>]/g, ' ')
		.replaceAll(/\{\{|\}\}/g, ' ')
		.replaceAll(/\s+/g, ' ')
		.trim();
	return text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text;
}

export function render(template: Template, values: Readonly<Record<string, string | undefined>>): Rendered {
	const declared = new Map(template.placeholders.map(placeholder => [placeholder.key, placeholder]));
	const missing: string[] = [];
	const text = template.body.replaceAll(placeholderPattern, (whole, key: string) => {
		const raw = values[key];
		const value = raw === undefined ? '' : cleanValue(raw);
		if (value !== '') {
			return value;
		}

		const placeholder = declared.get(key) ?? {key, required: true};
		if (placeholder.fallback !== undefined) {
			return cleanValue(placeholder.fallback);
		}

		if (placeholder.required) {
			if (!missing.includes(key)) {
				missing.push(key);
			}

			return whole.replaceAll(/\s/g, '');
		}

		return '';
	});
	const tidy = stripInvisible(text)
		.replaceAll(/[ \t]+([,.!?;:])/g, '$1')
		.replaceAll(/[ \t]{2,}/g, ' ')
		.replaceAll(/\n{3,}/g, '\n\n')
		.trim();
	return {text: tidy, missing};
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

	const placeholders = Array.isArray(record.placeholders) ? record.placeholders as unknown[] : undefined;
	if (!placeholders || !placeholders.every(item => typeof item === 'object' && item !== null && typeof (item as Placeholder).key === 'string' && typeof (item as Placeholder).required === 'boolean')) {
		errors.push('placeholders must be a list of {key, required, fallback?}');
	}

	return errors.length > 0 ? {ok: false, errors} : {ok: true, template: value as Template};
}

/** Placeholder keys used in a body, in order of first use. */
export function placeholdersIn(body: string): string[] {
	return [...new Set([...body.matchAll(placeholderPattern)].map(match => match[1]!))];
}
