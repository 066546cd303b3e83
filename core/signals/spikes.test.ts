import {expect, test} from 'vitest';
import {prepareTicket} from './prepare.ts';
import {shippedToneLexicon} from '../tone.ts';
import {detectSpikes} from './spikes.ts';

const ticket = prepareTicket(
	{
		helpdesk: 'demo',
		ticketId: '1',
		subject: 'Cannot sign in',
		messages: [{role: 'customer', text: 'Hi, the login page shows an error since this morning.'}],
	},
	undefined,
	shippedToneLexicon,
);

test('a theme over the threshold that this ticket mentions', () => {
	const themes = [
		{theme: 'login', count: 14, keywords: ['sign in', 'log in']},
		{theme: 'billing', count: 30},
	];
	expect(detectSpikes(ticket, themes, 5)).toEqual([
		{
			id: 'spike.theme',
			label: "14 other customers reported 'login' problems today",
			strength: 14 / 15,
			evidence: [{messageIndex: 0, start: 8, end: 13}],
		},
	]);
});

test('below threshold or unrelated: nothing', () => {
	expect(detectSpikes(ticket, [{theme: 'login', count: 3}], 5)).toEqual([]);
	expect(detectSpikes(ticket, [{theme: 'shipping', count: 50}], 5)).toEqual([]);
	expect(detectSpikes(ticket, undefined, 5)).toEqual([]);
});

test('keywords are literal text', () => {
	expect(detectSpikes(ticket, [{theme: 'a.b', count: 9, keywords: ['(', '*']}], 5)).toEqual([]);
});
