// @vitest-environment happy-dom
import {cleanup, fireEvent, render, screen, within} from '@testing-library/preact';
import {afterEach, expect, test} from 'vitest';
import {definitionOf} from '../../core/metrics/definitions.ts';
import {emptyKpiRow, ratio, type KpiRow} from '../../core/metrics/kpis.ts';
import {handDataset} from '../../test/helpers/metrics.ts';
import {createSession} from '../session/session.ts';
import {openNodeDatabase} from '../worker/node-database.ts';
import {formatDecimalDuration, textLocale} from '../../core/format.ts';
import {KpiCards} from './kpi-cards.tsx';
import {kpiCards} from './kpi-model.ts';

afterEach(cleanup);

function row(patch: Partial<KpiRow>): KpiRow {
	return {...emptyKpiRow('all', true), ...patch};
}

test('period-over-period changes: lower durations and escalation rates are better, higher CSAT is better', () => {
	const current = row({
		tickets: 120,
		escalationRate: ratio(12, 120),
		csat: ratio(45, 50),
		durations: {...emptyKpiRow('all', true).durations, firstReply: {count: 100, mean: 3_600_000, median: 2_700_000, p90: 7_200_000}},
	});
	const previous = row({
		tickets: 100,
		escalationRate: ratio(8, 100),
		csat: ratio(40, 50),
		durations: {...emptyKpiRow('all', true).durations, firstReply: {count: 90, mean: 3_600_000, median: 3_600_000, p90: 7_200_000}},
	});
	const cards = new Map(kpiCards(current, previous).map(card => [card.id, card]));
	expect(cards.get('first-reply')).toMatchObject({
		value: 2_700_000,
		text: '45 min',
		previousText: '60 min',
		change: {text: '−25% vs previous', tone: 'better'},
		detail: 'median of 100 · p90 2.0 h',
	});
	expect(cards.get('escalation-rate')).toMatchObject({
		text: '10.0%',
		change: {text: '+2.0 pp vs previous', tone: 'worse'},
		detail: '12 of 120 tickets',
	});
	expect(cards.get('csat')?.change).toEqual({text: '+10.0 pp vs previous', tone: 'better'});
	expect(cards.get('tickets')?.change).toEqual({text: '+20 vs previous', tone: 'neutral'});
	expect(cards.get('nps')).toMatchObject({
		text: '–',
		change: {text: 'no previous data', tone: 'none'},
		detail: 'no responses in the period',
	});
	expect(kpiCards(current, undefined).find(card => card.id === 'first-reply')?.change.tone).toBe('none');
});

test('every metric of the design has a card, and the cards show what the metric SQL computed', async () => {
	const session = createSession(async () => openNodeDatabase());
	await session.setStoreDataset(handDataset());
	await session.reload();
	const [current] = session.kpis();
	render(<KpiCards current={current!} previous={undefined} fcr="no-follow-up" />);
	const ids = [...document.querySelectorAll('[data-kpi]')].map(card => card.getAttribute('data-kpi'));
	expect(ids).toEqual([
		'tickets',
		'first-reply',
		'first-reply-business',
		'next-reply',
		'first-resolution',
		'full-resolution',
		'resolution-rate',
		'fcr',
		'reopen-rate',
		'escalation-rate',
		'escalation-functional',
		'escalation-hierarchical',
		'escalation-automatic',
		'sla',
		'csat',
		'nps',
		'ces',
		'churn',
	]);
	const card = (id: string) => document.querySelector<HTMLElement>(`[data-kpi="${id}"]`)!;
	expect(within(card('tickets')).getByText(String(current!.tickets))).toBeTruthy();
	expect(card('first-reply').querySelector('[data-role="value"]')?.textContent).toBe(
		formatDecimalDuration(current!.durations.firstReply.median, textLocale),
	);
	expect(Number(card('escalation-rate').dataset['value'])).toBe(current!.escalationRate.value);
	expect(within(card('fcr')).getByRole('heading').textContent).toContain('no customer follow-up');
	expect(card('sla').querySelectorAll('tr[data-sla]')).toHaveLength(6);
	session.close();
});

test('a definition with its sources is one click (or Enter) away, and Escape closes it', async () => {
	const current = row({tickets: 3, csat: ratio(2, 3)});
	render(<KpiCards current={current} previous={undefined} fcr="one-touch" />);
	const button = screen.getByRole('button', {name: 'Definition of CSAT'});
	expect(button.getAttribute('aria-expanded')).toBe('false');
	fireEvent.click(button);
	const help = await screen.findByRole('region', {name: 'CSAT: definition'});
	expect(button.getAttribute('aria-expanded')).toBe('true');
	expect(button.getAttribute('aria-controls')).toBe(help.id);
	expect(help.textContent).toContain(definitionOf('csat').definition);
	expect(help.textContent).toContain(definitionOf('csat').formula);
	const source = within(help).getByRole('link', {name: /Zendesk API: Satisfaction Ratings/});
	expect(source.getAttribute('href')).toMatch(/^https:\/\/developer\.zendesk\.com\//);
	expect(source.getAttribute('rel')).toBe('noreferrer');
	fireEvent.keyDown(button, {key: 'Escape'});
	expect(screen.queryByRole('region', {name: 'CSAT: definition'})).toBeNull();
});

test('small samples: no colour for a change from too few, and the card says so', () => {
	const current = row({tickets: 40, escalationRate: ratio(10, 40), nps: {responses: 2, promoters: 0, detractors: 2, score: -100}});
	const previous = row({tickets: 12, escalationRate: ratio(1, 12), nps: {responses: 30, promoters: 12, detractors: 6, score: 20}});
	const cards = new Map(kpiCards(current, previous).map(card => [card.id, card]));
	// NPS -100 from two answers: too few to tell.
	expect(cards.get('nps')).toMatchObject({
		text: '-100.0',
		change: {text: 'too few to compare (2 responses)', tone: 'none'},
		note: 'Only 2 responses: too few to tell (a change is judged from 20).',
	});
	// 40 tickets now, but only 12 before: the change is shown uncoloured.
	expect(cards.get('escalation-rate')).toMatchObject({
		change: {text: '+16.7 pp vs previous', tone: 'same'},
		note: 'The previous period has only 12 tickets: the change is not judged.',
	});
	render(<KpiCards current={current} previous={previous} fcr="one-touch" />);
	expect(document.querySelector('[data-kpi="nps"] [data-role="note"]')?.textContent).toBe(
		'Only 2 responses: too few to tell (a change is judged from 20).',
	);
});

test('an incomplete period: ticket-cohort changes uncoloured with a note; surveys unaffected; churn says it ignores filters', () => {
	const current = row({tickets: 400, resolutionRate: ratio(200, 400), csat: ratio(90, 100), churn: ratio(3, 100)});
	const previous = row({tickets: 400, resolutionRate: ratio(380, 400), csat: ratio(80, 100), churn: ratio(2, 100)});
	const cards = new Map(
		kpiCards(current, previous, 'one-touch', {completeness: 'settling', settledThrough: '2026-06-24', filtered: ['agent']}).map(card => [
			card.id,
			card,
		]),
	);
	expect(cards.get('resolution-rate')).toMatchObject({
		change: {text: '−45.0 pp vs previous', tone: 'same'},
		note: 'Not final: tickets created after 2026-06-24 are still being worked on.',
	});
	expect(cards.get('csat')).toMatchObject({change: {tone: 'better'}});
	expect(cards.get('csat')!.note).toBeUndefined();
	expect(cards.get('churn')!.note).toBe(
		"Not filtered by agent: churn counts the whole team's customers (a customer has no single agent, group or priority).",
	);
	const complete = new Map(kpiCards(current, previous).map(card => [card.id, card]));
	expect(complete.get('resolution-rate')).toMatchObject({change: {tone: 'worse'}});
	expect(complete.get('resolution-rate')!.note).toBeUndefined();
});
