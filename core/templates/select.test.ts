import {expect, test} from 'vitest';
import {templateLibrary} from './library.ts';
import {selectTemplates, situationsFor} from './select.ts';

test('threats come before triggers, with a general fallback last', () => {
	expect(situationsFor(['phrase.manager', 'tone.negative', 'phrase.legal'], ['rigid-policy'])).toEqual(['legal-threat', 'manager-request', 'policy-alternative', 'hierarchical-escalation', 'angry-first-reply']);
	expect(situationsFor([], [])).toEqual(['angry-first-reply']);
});

test('one template per situation, preferring the top trigger', () => {
	const chosen = selectTemplates(templateLibrary, ['repeat-contact', 'long-wait', 'angry-first-reply', 'churn-save'], 'poor-quality', 3);
	expect(chosen.map(template => template.id)).toEqual(['repeat-contact-recap', 'long-wait-apology-eta', 'angry-quality-first-reply']);
});

test('unknown situations are skipped', () => {
	expect(selectTemplates([], ['long-wait'], undefined, 3)).toEqual([]);
});
