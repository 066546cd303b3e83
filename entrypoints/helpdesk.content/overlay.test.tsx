// @vitest-environment happy-dom
import {cleanup, fireEvent, render, screen, waitFor} from '@testing-library/preact';
import {afterEach, expect, test, vi} from 'vitest';
import {assess} from '../../core/assess.ts';
import type {TicketSnapshot} from '../../core/model.ts';
import {checkDraft} from '../../core/signals/draft.ts';
import {templateLibrary} from '../../core/templates/library.ts';
import {fillTemplate, knownValues} from '../../core/templates/suggest.ts';
import {threadFacts} from '../../core/thread.ts';
import {defaultDock, type Placement} from './layout.ts';
import {markDescription, Overlay, type ListView, type OverlayActions, type TicketView} from './overlay.tsx';

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
		{
			role: 'customer',
			text: 'This is UNACCEPTABLE. I want to speak to a manager today or I will file a chargeback!!!',
			at: '2026-11-02T11:00:00Z',
		},
	],
};
const docked: Placement = {mode: 'docked', side: 'right', top: 64, width: 340, maxHeight: 600};
// Unit tests fire synthetic events; the real overlay acts on trusted ones only (tested below).
const anyEvent = () => true;

function view(extra: Partial<TicketView> = {}): TicketView {
	return {
		kind: 'ticket',
		helpdeskName: 'Demo helpdesk',
		snapshot,
		facts: threadFacts(snapshot),
		assessment: assess(snapshot, {now}),
		draft: {issues: [], marked: 'none', boxes: []},
		typed: {},
		now,
		stored: 'saved',
		...extra,
	};
}

function actions(typed: Record<string, string> = {}): OverlayActions {
	const ok = async () => ({ok: true, message: 'Done'});
	const known = knownValues(snapshot, undefined, 'en');
	return {
		highlight: vi.fn(),
		insert: vi.fn(ok),
		copy: vi.fn(ok),
		feedback: vi.fn(ok),
		snooze: vi.fn(ok),
		escalate: vi.fn(ok),
		openOptions: vi.fn(ok),
		setDock: vi.fn(),
		close: vi.fn(),
		fill: vi.fn((id: string, values: Record<string, string>) =>
			fillTemplate(
				templateLibrary.find(template => template.id === id)!,
				known,
				{...typed, ...values},
			),
		),
		setValue: vi.fn((key: string, value: string) => {
			typed[key] = value;
		}),
		applyFix: vi.fn(async () => ({ok: true, message: 'Reworded'})),
	};
}

const show = (
	state: TicketView | ListView,
	spy: OverlayActions,
	expanded = true,
	extra: {theme?: 'light' | 'dark'; placement?: Placement; trust?: (event: Event) => boolean} = {},
) =>
	render(
		<Overlay
			state={state}
			actions={spy}
			expanded={expanded}
			theme={extra.theme ?? 'light'}
			placement={extra.placement ?? docked}
			dock={defaultDock}
			onToggle={() => {}}
			trust={extra.trust ?? anyEvent}
		/>,
	);

test('collapsed: a badge with the level and score, labelled for screen readers', () => {
	show(view(), actions(), false);
	const badge = screen.getByRole('button', {name: /^Defuse Critical 0\.\d+ Expand details \(Alt\+Shift\+D\)$/});
	expect(badge.getAttribute('aria-expanded')).toBe('false');
	expect(badge.textContent).toContain('0.');
	expect(screen.queryByRole('region', {name: 'Defuse details'})).toBeNull();
});

test('expanded: reasons with their weights; clicking one asks for its evidence to be shown', () => {
	const spy = actions();
	show(view(), spy, true, {theme: 'dark'});
	const reason = screen.getByRole('button', {name: /asked for a manager/});
	fireEvent.click(reason);
	const state = view();
	expect(spy.highlight).toHaveBeenCalledWith(state.assessment.signals.findIndex(signal => signal.id === 'phrase.manager'));
	expect(screen.getByText(/Likely trigger/)).toBeTruthy();
	expect(document.querySelector('.overlay')?.getAttribute('data-theme')).toBe('dark');
});

test('a suggestion shows its title and why; required fields, labelled in words, must be filled before it can be inserted', async () => {
	const typed: Record<string, string> = {};
	const spy = actions(typed);
	const {rerender} = show(view(), spy);
	const first = document.querySelector('.suggestion')!;
	expect(first.querySelector('.suggestion-title')?.textContent).toBe('Chargeback or bank dispute: respect their route');
	expect(first.querySelector('.why')?.textContent).toMatch(/^Chargeback or bank dispute: '/);
	const insert = first.querySelector<HTMLButtonElement>('[data-action="insert"]')!;
	expect(insert.disabled).toBe(true);
	expect(screen.getByLabelText(/^When you will update them/)).toBeTruthy();
	expect(screen.getByLabelText(/^Your name/)).toBeTruthy();
	expect(first.querySelector('.field[data-key="customer.firstName"] .source')?.textContent).toBe('from the ticket');
	expect(first.querySelector('.field[data-key="eta"] .source')?.textContent).toBe('needed');
	for (const input of first.querySelectorAll<HTMLInputElement>('.fields input[required]')) {
		fireEvent.input(input, {target: {value: `<b>${input.name}</b>`}});
	}

	expect(spy.setValue).toHaveBeenCalledWith('eta', '<b>eta</b>');
	rerender(
		<Overlay
			state={view({typed: {...typed}})}
			actions={spy}
			expanded
			theme="light"
			placement={docked}
			dock={defaultDock}
			onToggle={() => {}}
			trust={anyEvent}
		/>,
	);
	expect(insert.disabled).toBe(false);
	fireEvent.click(insert);
	await waitFor(() => expect(spy.insert).toHaveBeenCalledTimes(1));
	const [, text, mode] = vi.mocked(spy.insert).mock.calls[0]!;
	expect(mode).toBe('insert');
	expect(text).not.toContain('{{');
	expect(text).not.toContain('<b>'); // Typed values are cleaned to plain text
	fireEvent.click(first.querySelector('[data-action="replace"]')!);
	await waitFor(() => expect(vi.mocked(spy.insert).mock.calls[1]?.[2]).toBe('replace'));
});

test("the agent's name is asked for once, with a way to the options", async () => {
	const spy = actions();
	show(view(), spy);
	expect(document.querySelector('[data-fact="first-run"]')?.textContent).toContain('Replies are signed with your name');
	fireEvent.click(screen.getByRole('button', {name: 'Open Defuse options'}));
	await waitFor(() => expect(spy.openOptions).toHaveBeenCalledTimes(1));
	cleanup();
	show(view({typed: {'agent.name': 'Sam Okafor'}}), actions({'agent.name': 'Sam Okafor'}));
	expect(document.querySelector('[data-fact="first-run"]')).toBeNull();
});

test('every control has its own accessible name', () => {
	show(view(), actions());
	for (const header of document.querySelectorAll<HTMLButtonElement>('.suggestion-head:not([aria-expanded="true"])')) {
		fireEvent.click(header); // Opens each in turn; only one is open at a time
	}

	const names = [...document.querySelectorAll('button, input, select, [role="separator"]')].map(element => {
		const labelled =
			element.getAttribute('aria-label') ?? (element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : undefined);
		return (labelled ?? element.textContent ?? '').replaceAll(/\s+/g, ' ').trim();
	});
	expect(names.filter(name => name === '')).toEqual([]);
	expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
});

test('feedback: disagree with a reason, snooze and mark escalated go to the actions', async () => {
	const spy = actions();
	show(view(), spy);
	fireEvent.click(screen.getByRole('button', {name: 'Disagree'}));
	fireEvent.change(screen.getByRole('combobox', {name: /Why/}), {target: {value: 'Sarcasm or a joke'}});
	fireEvent.click(screen.getByRole('button', {name: 'Send'}));
	await waitFor(() => expect(spy.feedback).toHaveBeenCalledWith('disagree', 'Sarcasm or a joke'));
	fireEvent.click(screen.getByRole('button', {name: 'Snooze'}));
	fireEvent.click(screen.getByRole('button', {name: '1 hour'}));
	await waitFor(() => expect(spy.snooze).toHaveBeenCalledWith(new Date(now + 3_600_000)));
	fireEvent.click(screen.getByRole('button', {name: 'Mark escalated'}));
	fireEvent.input(screen.getByRole('textbox', {name: /Escalated to team/}), {target: {value: 'Payments'}});
	fireEvent.click(screen.getByRole('button', {name: 'Save'}));
	await waitFor(() => expect(spy.escalate).toHaveBeenCalledWith('hierarchical', 'Payments'));
});

test('customer text is shown as text, never as markup', () => {
	const hostile = {...snapshot, subject: '<img src=x onerror=alert(1)>', requester: {name: '<script>alert(1)</script>'}};
	show({...view(), snapshot: hostile}, actions());
	expect(document.querySelector('img, script')).toBeNull();
	expect(screen.getByText('<script>alert(1)</script>')).toBeTruthy();
});

test('the draft check: first in the panel, counted on the badge, Apply only where a fix exists', async () => {
	const spy = actions();
	const text = 'Hi Marcus, calm down. Per our policy the refund takes ten days.';
	const issues = checkDraft(text);
	show(view({draft: {issues, marked: 'highlight', boxes: []}}), spy);
	expect(document.querySelector('.panel-body')?.firstElementChild?.classList.contains('draft')).toBe(true);
	expect(screen.getByRole('button', {name: /^Defuse Critical 0\.\d+ 2 phrases to check in your draft Collapse details/})).toBeTruthy();
	expect(document.querySelector('[data-fact="draft-count"]')?.textContent).toBe('✎ 2 phrases to check in your draft');
	expect(document.querySelector('[data-rule="per-policy"] [data-action="apply"]')).toBeNull();
	fireEvent.click(screen.getByRole('button', {name: 'Apply rewording of “calm down”'}));
	expect(spy.applyFix).toHaveBeenCalledWith(issues[0]);
	await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Reworded'));
	cleanup();
	show(view({draft: {issues, marked: 'none', boxes: []}}), actions(), false);
	expect(document.querySelector('[data-fact="draft-count"]')?.textContent).toMatch(/^✎ 2/); // Seen while collapsed too
});

test("marks over a text field are drawn in the overlay's own layer", () => {
	show(
		view({
			draft: {issues: checkDraft('Calm down.'), marked: 'boxes', boxes: [{left: 10, top: 20, width: 60, height: 16, ruleId: 'calm-down'}]},
		}),
		actions(),
		false,
	);
	const mark = document.querySelector<HTMLElement>('.mark-layer .draft-mark')!;
	expect([mark.style.left, mark.style.top, mark.style.width, mark.dataset['rule']]).toEqual(['10px', '20px', '60px', 'calm-down']);
});

test('Escape, the close button and the dock buttons', () => {
	const spy = actions();
	show(view(), spy);
	fireEvent.keyDown(screen.getByRole('button', {name: /Insert “/}), {key: 'Escape'});
	expect(spy.close).toHaveBeenCalledTimes(1);
	fireEvent.click(screen.getByRole('button', {name: 'Close the panel (Escape)'}));
	expect(spy.close).toHaveBeenCalledTimes(2);
	fireEvent.click(screen.getByRole('button', {name: 'Dock the panel on the left'}));
	expect(spy.setDock).toHaveBeenCalledWith({...defaultDock, side: 'left'});
	fireEvent.keyDown(screen.getByRole('separator', {name: /Panel width/}), {key: 'ArrowLeft'});
	expect(spy.setDock).toHaveBeenLastCalledWith({side: 'right', top: 64, width: 360});
});

test("narrow windows: over the helpdesk's sidebar, no dock controls", () => {
	show(view(), actions(), true, {placement: {mode: 'sidebar', left: 0, top: 80, width: 240, height: 600}});
	const root = document.querySelector<HTMLElement>('.overlay')!;
	expect(root.dataset['mode']).toBe('sidebar');
	expect([root.style.left, root.style.top, root.style.width]).toEqual(['0px', '80px', '240px']);
	expect(screen.queryByRole('button', {name: /Dock the panel/})).toBeNull();
});

test('events a page script makes up do nothing', () => {
	const spy = actions();
	show(view(), spy, true, {trust: event => event.isTrusted});
	fireEvent.click(screen.getByRole('button', {name: 'Close the panel (Escape)'}));
	fireEvent.click(screen.getByRole('button', {name: /asked for a manager/}));
	fireEvent.keyDown(screen.getByRole('button', {name: 'Close the panel (Escape)'}), {key: 'Escape'});
	expect(spy.close).not.toHaveBeenCalled();
	expect(spy.highlight).not.toHaveBeenCalled();
});

test('queue: a legend, entries that link to their ticket, markers that say why', () => {
	const marks: ListView['marks'] = [
		{
			ticketId: '1002',
			subject: 'Charged twice',
			level: 'critical',
			reasons: ['as Defuse last saw the ticket'],
			source: 'seen',
			href: 'http://127.0.0.1/agent/tickets/1002',
		},
		{
			ticketId: '1005',
			subject: 'Cancel our team account',
			level: 'watch',
			reasons: ['no update for 2 days'],
			source: 'list',
			href: 'http://127.0.0.1/agent/tickets/1005',
		},
	];
	show(
		{
			kind: 'list',
			helpdeskName: 'Demo helpdesk',
			marks,
			placed: marks.map((mark, index) => ({...mark, top: 100 + index * 40, left: 300, height: 18})),
			now,
		},
		actions(),
	);
	expect(screen.getByRole('list', {name: 'What the markers mean'})).toBeTruthy();
	expect(screen.getByRole('link', {name: /#1002 Charged twice/}).getAttribute('href')).toBe('http://127.0.0.1/agent/tickets/1002');
	const marker = screen.getByRole('link', {name: 'Open ticket #1005: Watch. From the list: no update for 2 days'});
	expect(marker.getAttribute('title')).toBe('Defuse: Watch. From the list: no update for 2 days');
	expect(markDescription({...marks[0]!, breachAt: new Date(now + 40 * 60_000).toISOString()}, now)).toBe(
		'Critical, SLA due in 40 min. Last seen: as Defuse last saw the ticket',
	);
});
