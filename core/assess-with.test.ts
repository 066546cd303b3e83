import {shippedToneLexicon} from './tone.ts';
import {expect, test} from 'vitest';
import {assess, assessWith} from './assess.ts';
import type {AssessSettings} from './context.ts';
import type {TicketSnapshot} from './model.ts';
import {builtInPackIds, builtInPacks} from './signals/phrases.ts';
import {en} from './signals/phrase-packs/en.ts';
import {templateLibrary} from './templates/library.ts';

const german: TicketSnapshot = {
	helpdesk: 'demo',
	ticketId: '1',
	messages: [
		{
			role: 'customer',
			text: 'Das ist jetzt das dritte Mal. Ich möchte sofort mit Ihrem Vorgesetzten sprechen, und zwar heute noch.',
			at: '2026-03-02T10:00:00Z',
		},
	],
};

test('the built-in pack ids name exactly the built-in packs', () => {
	expect([...builtInPackIds].sort()).toEqual(Object.keys(builtInPacks).sort());
});

test('assessWith uses only the packs it is given; assess has them all', () => {
	const withAll = assess(german, {now: '2026-03-02T10:05:00Z'});
	expect(withAll.signals.map(signal => signal.id)).toContain('phrase.manager');
	const englishOnly = assessWith(
		german,
		{now: '2026-03-02T10:05:00Z'},
		{packs: {en}, templates: templateLibrary, tone: shippedToneLexicon},
	);
	expect(englishOnly.signals.map(signal => signal.id)).not.toContain('phrase.manager');
	const withGerman = assessWith(
		german,
		{now: '2026-03-02T10:05:00Z'},
		{packs: {en, de: builtInPacks['de']!}, templates: templateLibrary, tone: shippedToneLexicon},
	);
	expect(withGerman).toEqual(withAll);
});

test('assessWith suggests from the templates it is given', () => {
	const angry: TicketSnapshot = {
		helpdesk: 'demo',
		ticketId: '2',
		messages: [
			{role: 'customer', text: 'This is the third time I am writing. I want to speak to your manager today.', at: '2026-03-02T10:00:00Z'},
		],
	};
	expect(
		assessWith(angry, {now: '2026-03-02T10:05:00Z'}, {packs: builtInPacks, templates: [], tone: shippedToneLexicon}).suggestions,
	).toEqual([]);
	expect(
		assessWith(angry, {now: '2026-03-02T10:05:00Z'}, {packs: builtInPacks, templates: templateLibrary, tone: shippedToneLexicon})
			.suggestions.length,
	).toBeGreaterThan(0);
});

test('remembered phrase matches follow the packs and the families switched off', () => {
	const angry: TicketSnapshot = {
		helpdesk: 'demo',
		ticketId: '3',
		messages: [{role: 'customer', text: 'I want to speak to your manager today.', at: '2026-03-02T10:00:00Z'}],
	};
	const ids = (disabled: AssessSettings['disabledPhraseFamilies']) =>
		assess(angry, {now: '2026-03-02T10:05:00Z', settings: {disabledPhraseFamilies: disabled}}).signals.map(signal => signal.id);
	expect(ids([])).toContain('phrase.manager');
	expect(ids(['manager'])).not.toContain('phrase.manager');
	expect(ids(['en:manager'])).not.toContain('phrase.manager');
	expect(ids([])).toContain('phrase.manager');
});
