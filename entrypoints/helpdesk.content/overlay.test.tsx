// @vitest-environment happy-dom
import {cleanup, fireEvent, render, screen, waitFor} from '@testing-library/preact';
import {afterEach, expect, test, vi} from 'vitest';
import {assess} from '../../core/assess.ts';
import type {TicketSnapshot} from '../../core/model.ts';
import {threadFacts} from '../../core/thread.ts';
import {Overlay, type OverlayActions, type TicketView} from './overlay.tsx';

afterEach(cleanup);

const now = Date.parse('2026-11-02T12:00:00Z');
const snapshot: TicketSnapshot = {
	helpdesk: 'demo',
	ticketId: '1002',
	subject: 'Charged twice',
	requester: {name: 'Marcus Feld'},
	messages: [
		{role: 'customer', text: 'I was charged twice. Please refund the duplicate.', at: '2026-11-02T08:00:00Z'},
		{role: 'agent', text: 'Refunds take 10 business days per our policy.', at: '2026-11-02T09:00:00Z'},
		{role: 'customer', text: 'This is UNACCEPTABLE. I want to speak to a manager today or I will file a chargeback!!!', at: '2026-11-02T11:00:00Z'},
	],
};

function view(extra: Partial<TicketView> = {}): TicketView {
	return {kind: 'ticket', helpdeskName: 'Demo helpdesk', snapshot, facts: threadFacts(snapshot), assessment: assess(snapshot, {now}), draftIssues: [], now, stored: 'saved', ...extra};
}

function actions(): OverlayActions {
	const ok = async () => ({ok: true, message: 'Done'});
	return {highlight: vi.fn(), insert: vi.fn(ok), copy: vi.fn(ok), feedback: vi.fn(ok), snooze: vi.fn(ok), escalate: vi.fn(ok), applyRewording: vi.fn(() => ({ok: true, message: 'Reworded'}))};
}

test('collapsed: a badge with the level and score, labelled for screen readers', () => {
	render(<Overlay state={view()} actions={actions()} expanded={false} theme="light" onToggle={() => {}} />);
	const badge = screen.getByRole('button', {name: /Defuse: Critical/});
	expect(badge.getAttribute('aria-expanded')).toBe('false');
	expect(badge.textContent).toContain('0.');
	expect(screen.queryByRole('region', {name: 'Defuse details'})).toBeNull();
});

test('expanded: reasons with their weights; clicking one asks for its evidence to be shown', () => {
	const spy = actions();
	render(<Overlay state={view()} actions={spy} expanded theme="dark" onToggle={() => {}} />);
	const reason = screen.getByRole('button', {name: /asked for a manager/});
	fireEvent.click(reason);
	const state = view();
	expect(spy.highlight).toHaveBeenCalledWith(state.assessment.signals.findIndex(signal => signal.id === 'phrase.manager'));
	expect(screen.getByText(/Likely trigger/)).toBeTruthy();
	expect(document.querySelector('.overlay')?.getAttribute('data-theme')).toBe('dark');
});

test('a suggestion with required placeholders cannot be inserted until they are filled', async () => {
	const spy = actions();
	render(<Overlay state={view()} actions={spy} expanded theme="light" onToggle={() => {}} />);
	const first = document.querySelector('.suggestion')!;
	const insert = first.querySelector<HTMLButtonElement>('[data-action="insert"]')!;
	const inputs = [...first.querySelectorAll<HTMLInputElement>('.placeholders input')];
	expect(inputs.length).toBeGreaterThan(0);
	expect(insert.disabled).toBe(true);
	for (const input of inputs) {
		fireEvent.input(input, {target: {value: `<b>${input.name}</b>`}});
	}

	expect(insert.disabled).toBe(false);
	fireEvent.click(insert);
	await waitFor(() => expect(spy.insert).toHaveBeenCalledTimes(1));
	const text = vi.mocked(spy.insert).mock.calls[0]![1];
	expect(text).not.toContain('{{');
	expect(text).not.toContain('<b>'); // Typed values are cleaned to plain text
});

test('feedback: disagree with a reason, snooze and mark escalated go to the actions', async () => {
	const spy = actions();
	render(<Overlay state={view()} actions={spy} expanded theme="light" onToggle={() => {}} />);
	fireEvent.click(screen.getByRole('button', {name: 'Disagree'}));
	fireEvent.change(screen.getByRole('combobox', {name: /Why/}), {target: {value: 'Sarcasm or a joke'}});
	fireEvent.click(screen.getByRole('button', {name: 'Send'}));
	await waitFor(() => expect(spy.feedback).toHaveBeenCalledWith('disagree', 'Sarcasm or a joke'));
	fireEvent.click(screen.getByRole('button', {name: 'Snooze'}));
	fireEvent.click(screen.getByRole('button', {name: '1 hour'}));
	await waitFor(() => expect(spy.snooze).toHaveBeenCalledWith(new Date(now + 3_600_000)));
	fireEvent.click(screen.getByRole('button', {name: 'Mark escalated'}));
	fireEvent.input(screen.getByRole('textbox', {name: /Team/}), {target: {value: 'Payments'}});
	fireEvent.click(screen.getByRole('button', {name: 'Save'}));
	await waitFor(() => expect(spy.escalate).toHaveBeenCalledWith('hierarchical', 'Payments'));
});

test('customer text is shown as text, never as markup', () => {
	const hostile = {...snapshot, subject: '<img src=x onerror=alert(1)>', requester: {name: '<script>alert(1)</script>'}};
	render(<Overlay state={{...view(), snapshot: hostile}} actions={actions()} expanded theme="light" onToggle={() => {}} />);
	expect(document.querySelector('img, script')).toBeNull();
	expect(screen.getByText('<script>alert(1)</script>')).toBeTruthy();
});

test('the draft check offers a rewording', () => {
	const spy = actions();
	render(<Overlay state={view({draftIssues: [{start: 0, end: 9, phrase: 'as I said', ruleId: 'as-i-said', suggestion: 'Recap without blame: "To recap where we are: ..."'}]})} actions={spy} expanded theme="light" onToggle={() => {}} />);
	fireEvent.click(screen.getByRole('button', {name: 'Apply rewording'}));
	expect(spy.applyRewording).toHaveBeenCalledTimes(1);
	expect(screen.getByRole('status').textContent).toBe('Reworded');
});
