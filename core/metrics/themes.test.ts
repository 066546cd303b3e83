import {expect, test} from 'vitest';
import {clausesOf, extractThemes, keyPhrasesOf} from './themes.ts';

test('key phrases: lowercase words without stop words, plurals folded, pairs within a clause', () => {
	expect(clausesOf('Hi team, my REFUNDS for order #88123 are missing! Mail me at dana@example.com')).toEqual([
		['refund', 'order', 'missing'],
		['mail'],
	]);
	expect([...keyPhrasesOf('Password reset link expired.')].sort()).toEqual([
		'expired',
		'link',
		'link expired',
		'password',
		'password reset',
		'reset',
		'reset link',
	]);
});

test('tickets about the same thing form one theme; unrelated text stays unthemed', () => {
	const documents = [
		'Password reset link expired again',
		'The password reset email never arrives',
		'Cannot login, password reset is broken',
		'Password reset does not work on mobile',
		'I was charged twice this month, please refund',
		'Refund for the double charge please',
		'Charged twice for my subscription, refund needed',
		'Where is my refund for the duplicate charge',
		'Love the new dashboard colours',
	].map((text, index) => ({id: `t${index}`, text}));
	const {themes, assignments} = extractThemes(documents, {minSupport: 3});
	const themeOf = (id: string): string | undefined => assignments.get(id);
	expect(new Set([0, 1, 2, 3].map(index => themeOf(`t${index}`)))).toEqual(new Set(['password reset']));
	expect(new Set([4, 5, 6, 7].map(index => themeOf(`t${index}`))).size).toBe(1);
	expect(themeOf('t4')).toMatch(/refund|charge/);
	expect(themeOf('t8')).toBeUndefined();
	expect(themes.find(theme => theme.id === 'password reset')?.documents).toBe(4);
	// Deterministic.
	expect(extractThemes(documents, {minSupport: 3})).toEqual({themes, assignments});
});

test('function words of the other supported languages are not themes: Spanish and German complaints cluster on their subject', () => {
	expect(clausesOf('Hola, todavía no he recibido el reembolso de mi pedido')).toEqual([['recibido', 'reembolso', 'pedido']]);
	expect(clausesOf('Ich warte seit einer Woche auf die Rückerstattung')).toEqual([['warte', 'seit', 'ruckerstattung']]);
	const documents = [
		'Hola, todavía no he recibido el reembolso de mi pedido',
		'Necesito el reembolso de mi pedido, por favor',
		'El reembolso del pedido no llega, gracias',
		'Ich warte auf die Rückerstattung für meine Bestellung',
		'Die Rückerstattung für die Bestellung fehlt noch',
		'Wann kommt die Rückerstattung der Bestellung? Danke',
	].map((text, index) => ({id: `d${index}`, text}));
	const {themes, assignments} = extractThemes(documents, {minSupport: 3, maxShare: 0.6});
	expect(themes.map(theme => theme.id).sort()).toEqual(['reembolso pedido', 'ruckerstattung bestellung'].sort());
	expect(new Set([0, 1, 2].map(index => assignments.get(`d${index}`)))).toEqual(new Set(['reembolso pedido']));
	expect(new Set([3, 4, 5].map(index => assignments.get(`d${index}`)))).toEqual(new Set(['ruckerstattung bestellung']));
});

test('a large set is themed from an even sample, then every document is assigned (the same themes here)', () => {
	const texts = [
		'Refund not received for my order',
		'Cannot log in after the password reset',
		'Invoice address is wrong on the invoice',
		'Export button gives an empty file',
	];
	const documents = Array.from({length: 4000}, (_value, index) => ({
		id: `d${index}`,
		text: `${texts[index % texts.length]!} ${index % 7 === 0 ? 'again' : ''}`,
	}));
	const whole = extractThemes(documents, {sampleSize: 10_000});
	const sampled = extractThemes(documents, {sampleSize: 400});
	expect(whole.themes.length).toBe(4);
	expect(sampled.themes.map(theme => [theme.id, theme.documents])).toEqual(whole.themes.map(theme => [theme.id, theme.documents]));
	expect(sampled.assignments).toEqual(whole.assignments);
	expect(sampled.assignments.size).toBe(4000);
});
