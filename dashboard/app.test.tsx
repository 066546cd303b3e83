// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import {cleanup, fireEvent, render, screen} from '@testing-library/preact';
import {Dexie} from 'dexie';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import type {TicketSnapshot} from '../core/model.ts';
import {openDb, type DefuseDb} from '../core/store/db.ts';
import {recordObservation} from '../core/store/writes.ts';
import {App} from './app.tsx';
import {stubCanvas} from '../test/helpers/canvas.ts';
import {inProcessClient} from './client.ts';
import {createSession} from './session/session.ts';
import {openNodeDatabase} from './worker/node-database.ts';

let db: DefuseDb | undefined;

beforeEach(() => {
	stubCanvas();
});

afterEach(async () => {
	cleanup();
	vi.restoreAllMocks();
	vi.unstubAllGlobals();
	if (db) {
		db.close();
		await Dexie.delete(db.name);
		db = undefined;
	}
});

const state = () => document.querySelector('main.dashboard')?.getAttribute('data-state');

function ticket(id: string, minute: number): TicketSnapshot {
	return {
		helpdesk: 'demo',
		ticketId: id,
		url: `http://127.0.0.1:5178/agent/tickets/${id}`,
		requester: {id: `u-${id}`},
		assignee: 'Dana',
		status: 'Open',
		priority: 'High',
		messages: [
			{
				id: `${id}-1`,
				role: 'customer',
				text: 'Charged twice, refund please',
				at: `2026-11-02T08:${String(minute).padStart(2, '0')}:00.000Z`,
			},
			{id: `${id}-2`, role: 'agent', text: 'Looking into it', at: '2026-11-02T09:30:00.000Z', author: 'Dana'},
		],
	};
}

test('the static site starts empty and says how to get data; the demo fills every view, reachable by keyboard', async () => {
	const session = createSession(async () => openNodeDatabase());
	render(<App client={inProcessClient(session)} />);
	await vi.waitFor(() => expect(state()).toBe('empty'));
	expect(screen.getByRole('heading', {name: 'No data yet'})).toBeTruthy();
	expect(screen.queryByRole('tab', {name: 'Tickets'})).toBeNull();

	fireEvent.click(screen.getAllByRole('button', {name: 'Load demo data'})[0]!);
	await vi.waitFor(() => expect(state()).toBe('ready'), {timeout: 15_000});
	await vi.waitFor(() => expect(document.querySelectorAll('[data-kpi]')).toHaveLength(18));
	const summary = await session.reload();
	const [all] = session.kpis({from: '2026-06-01', to: summary.lastDay!, filters: {}, fcr: 'one-touch'});
	expect(document.querySelector('[data-kpi="tickets"]')?.getAttribute('data-value')).toBe(String(all!.tickets));
	await vi.waitFor(() => expect(document.querySelectorAll('[data-chart] .uplot')).toHaveLength(3));

	// Arrow keys move between tabs.
	const overview = screen.getByRole('tab', {name: 'Overview'});
	overview.focus();
	fireEvent.keyDown(overview, {key: 'ArrowRight'});
	const breakdowns = screen.getByRole('tab', {name: 'Breakdowns'});
	expect(breakdowns.getAttribute('aria-selected')).toBe('true');
	expect(document.activeElement).toBe(breakdowns);
	const table = await screen.findByRole('table', {name: 'KPIs by trigger'});
	expect(table.querySelectorAll('tbody tr').length).toBeGreaterThan(3);

	// Filtering by one agent narrows the headline numbers.
	fireEvent.keyDown(breakdowns, {key: 'Home'});
	fireEvent.change(screen.getByRole('combobox', {name: 'Agent'}), {target: {value: 'Ana Ruiz'}});
	const [ana] = session.kpis({from: '2026-06-01', to: summary.lastDay!, filters: {agent: ['Ana Ruiz']}, fcr: 'one-touch'});
	await vi.waitFor(() => expect(document.querySelector('[data-kpi="tickets"]')?.getAttribute('data-value')).toBe(String(ana!.tickets)));
	expect(ana!.tickets).toBeLessThan(all!.tickets);
}, 30_000);

test('the extension page reads its own store, keeps the ticket list, and follows the store as the background writes', async () => {
	db = openDb({name: `app-${Math.random()}`});
	await recordObservation(
		db,
		ticket('1', 0),
		{level: 'high', score: 0.7, signalIds: ['phrase.manager'], trigger: 'rigid-policy'},
		new Date('2026-11-02T10:00:00Z'),
	);
	// The session reads the store itself (in the extension it runs in the worker); the page only passes it for the ticket list.
	const opened = openDb({name: db.name});
	const session = createSession(async () => openNodeDatabase(), {}, {openStore: () => opened, now: () => new Date('2026-11-02T12:00:00Z')});
	render(<App client={inProcessClient(session)} store={db} storeDebounceMs={10} />);
	await vi.waitFor(() => expect(state()).toBe('ready'), {timeout: 10_000});
	await vi.waitFor(() => expect(document.querySelector('[data-kpi="tickets"]')?.getAttribute('data-value')).toBe('1'));
	expect(screen.getByRole('tab', {name: 'Tickets'})).toBeTruthy();
	// The ticket list is there even before its tab is chosen (hidden until then).
	await vi.waitFor(() => expect(document.querySelector('tr[data-ticket-key="demo:127.0.0.1:1"]')).not.toBeNull());

	await recordObservation(db, ticket('2', 30), {level: 'none', score: 0, signalIds: []}, new Date('2026-11-02T10:05:00Z'));
	await vi.waitFor(() => expect(document.querySelector('[data-kpi="tickets"]')?.getAttribute('data-value')).toBe('2'), {timeout: 10_000});
	expect((await session.sources()).map(source => [source.kind, source.tickets])).toEqual([['store', 2]]);
}, 30_000);

test('the address carries view, period, filters and an open drill-down; reopening it shows the same', async () => {
	const session = createSession(async () => openNodeDatabase());
	await session.loadDemo({days: 40, ticketsPerDay: 15});
	let search = '?demo=1';
	const address = {
		search: () => search,
		replace: (next: string) => {
			search = next;
		},
	};
	render(<App client={inProcessClient(session)} address={address} />);
	await vi.waitFor(() => expect(state()).toBe('ready'), {timeout: 15_000});
	await vi.waitFor(() => expect(search).toMatch(/view=overview/));
	expect(new URLSearchParams(search).get('demo')).toBe('1');
	fireEvent.change(screen.getByRole('combobox', {name: 'Priority'}), {target: {value: 'high'}});
	await vi.waitFor(() => expect(new URLSearchParams(search).get('priority')).toBe('high'));
	// A card's tickets: the drill-down lists them with links into the helpdesk.
	const button = await screen.findByRole('button', {name: 'Show the tickets behind Escalation rate'});
	fireEvent.click(button);
	const panel = await screen.findByRole('region', {name: /Behind “Escalation rate”/});
	await vi.waitFor(() => expect(panel.querySelectorAll('tbody tr').length).toBeGreaterThan(0));
	const escalation = session.kpis({...Object.fromEntries(new URLSearchParams(search)), filters: {priority: ['high']}})[0]!.escalationRate;
	expect(panel.querySelector('[data-role="drill-count"]')?.textContent).toContain(
		`${escalation.denominator} tickets, ${escalation.numerator} escalated`,
	);
	expect(panel.querySelector('tbody a')?.getAttribute('href')).toMatch(
		/^https:\/\/northwind\.(zendesk|freshdesk)\.com\/(agent|a)\/tickets\/\d+$/,
	);
	fireEvent.click(screen.getByRole('tab', {name: 'Breakdowns'}));
	fireEvent.change(await screen.findByRole('combobox', {name: 'By'}), {target: {value: 'agent'}});
	await vi.waitFor(() => expect(new URLSearchParams(search).get('by')).toBe('agent'));
	const shared = search;
	expect(Object.fromEntries(new URLSearchParams(shared))).toMatchObject({
		view: 'breakdowns',
		priority: 'high',
		by: 'agent',
		drill: 'escalationRate',
	});
	cleanup();

	// Reopened from the link in a fresh page.
	let reopened = shared;
	render(
		<App
			client={inProcessClient(session)}
			address={{
				search: () => reopened,
				replace: next => {
					reopened = next;
				},
			}}
		/>,
	);
	await vi.waitFor(() => expect(state()).toBe('ready'), {timeout: 15_000});
	expect(screen.getByRole('tab', {name: 'Breakdowns'}).getAttribute('aria-selected')).toBe('true');
	expect((screen.getByRole('combobox', {name: 'Priority'}) as HTMLSelectElement).value).toBe('high');
	expect(await screen.findByRole('table', {name: 'KPIs by agent'})).toBeTruthy();
	expect(await screen.findByRole('region', {name: /Behind “Escalation rate”/})).toBeTruthy();
	expect(new URLSearchParams(reopened).toString()).toBe(new URLSearchParams(shared).toString());
}, 60_000);
