import {describe, expect, test} from 'vitest';
import {createSnapshot} from '../snapshot/snapshot.ts';
import type {Dataset, DatasetTicket} from './dataset.ts';
import {looksLikeName, sensitiveWordOf, shareableThemes} from './themes-privacy.ts';

const day = 86_400_000;
const start = Date.UTC(2026, 2, 2, 9);

function ticket(index: number, customer: string, text: string): DatasetTicket {
	return {
		key: `zendesk:acme.zendesk.com:${index}`,
		helpdesk: 'zendesk',
		ticketId: String(index),
		createdAt: start + (index * day) / 10,
		requesterKey: `zendesk:acme.zendesk.com:email:${customer}`,
		agent: 'Ana Ruiz',
		group: null,
		priority: null,
		channel: null,
		status: 'open',
		trigger: null,
		customerText: text,
	};
}

// What an agent's store holds: a loyal customer who signs every mail, customers who name the same
// agent, customers who mention their insulin, and an ordinary shared complaint.
const tickets: DatasetTicket[] = [
	...[0, 1, 2, 3, 4].map(index =>
		ticket(index, 'margaret@example.com', `The parcel tracking page shows nothing.\nThanks, Margaret Okonkwo`),
	),
	...[5, 6, 7, 8].map(index =>
		ticket(index, `c${index}@example.com`, `Last week Priya promised a callback about my invoice and nobody called.`),
	),
	...[9, 10, 11, 12].map(index =>
		ticket(index, `c${index}@example.com`, `My insulin delivery is late again, the prescription runs out on Friday.`),
	),
	...[13, 14, 15, 16].map(index => ticket(index, `c${index}@example.com`, `The password reset link expired before I could use it.`)),
];
const dataset: Dataset = {tickets, events: [], surveys: [], customers: []};

describe('aggregates-only snapshots carry only themes that name a shared complaint', () => {
	test('no customer names, no health terms, no theme backed by one customer; shared complaints stay', async () => {
		const snapshot = await createSnapshot(dataset, {salt: 'team', createdAt: '2026-03-10T00:00:00.000Z'});
		const themes = new Set(snapshot.tickets.flatMap(row => row.themes));
		expect(JSON.stringify(snapshot)).not.toMatch(/margaret|okonkwo|priya|insulin|prescription/i);
		expect(themes.has('link expired')).toBe(true);
		// Margaret's five tickets are one customer: her theme stays home; the others keep neutral themes.
		expect(snapshot.tickets.filter(row => row.key.endsWith(':0') || row.key.endsWith(':4')).flatMap(row => row.themes)).toEqual([]);
		// Details carry the masked text anyway, and with it every theme.
		const details = await createSnapshot(dataset, {salt: 'team', detail: 'details'});
		expect(details.tickets.find(row => row.key.endsWith(':0'))!.themes).toHaveLength(1);
	});

	test('each withheld theme says why', () => {
		const rows = [
			{key: 'a', requesterKey: 'one', themes: ['parcel tracking'], text: 'The parcel tracking page'},
			...['b', 'c', 'd'].map(key => ({key, requesterKey: key, themes: ['insulin delivery'], text: 'My insulin delivery'})),
			...['e', 'f', 'g'].map(key => ({key, requesterKey: key, themes: ['priya promised'], text: 'and then Priya promised'})),
			...['h', 'i', 'j'].map(key => ({
				key,
				requesterKey: key,
				themes: ['password reset'],
				text: 'Password reset fails. The password reset link',
			})),
			...['k', 'l', 'm'].map(key => ({key, requesterKey: null, themes: ['anonymous thing'], text: 'anonymous thing'})),
		];
		const {shareable, withheld} = shareableThemes(rows);
		expect([...shareable]).toEqual(['password reset']);
		expect(withheld.map(verdict => [verdict.theme, verdict.reason])).toEqual([
			['anonymous thing', 'few-customers'],
			['insulin delivery', 'sensitive'],
			['parcel tracking', 'few-customers'],
			['priya promised', 'name-like'],
		]);
	});

	test('names are told by capitals inside sentences; sentence starts say nothing', () => {
		expect(looksLikeName('priya', ['I asked Priya twice.', 'and then priya said no'])).toBe(false); // One of two
		expect(looksLikeName('priya', ['I asked Priya twice.', 'Then Priya said no.'])).toBe(true);
		expect(looksLikeName('password', ['Password reset fails.', 'My password expired.'])).toBe(false);
		expect(looksLikeName('jose', ['Regards, José'])).toBe(true);
		expect(sensitiveWordOf('prescription refill')).toBe('prescription');
		expect(sensitiveWordOf('medicament livraison')).toBe('medicament');
		expect(sensitiveWordOf('password reset')).toBeUndefined();
	});
});
