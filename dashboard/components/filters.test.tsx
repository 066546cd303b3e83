// @vitest-environment happy-dom
import {cleanup, fireEvent, render, screen} from '@testing-library/preact';
import {afterEach, expect, test, vi} from 'vitest';
import {Filters} from './filters.tsx';
import type {DashboardFilters} from './period.ts';
import {effectivePeriod, grainFor, lastDays, noFilters, previousPeriod, queryOf} from './period.ts';

afterEach(cleanup);

const options = {
	helpdesk: ['freshdesk', 'zendesk'],
	agent: ['Ana Ruiz', 'Ben Okafor'],
	group: ['Billing'],
	priority: ['high', 'low'],
	channel: [],
};
const start: DashboardFilters = {from: '2026-06-01', to: '2026-06-30', fields: noFilters(), fcr: 'one-touch', grain: 'day'};

function setup(value: DashboardFilters = start) {
	const onChange = vi.fn<(next: DashboardFilters) => void>();
	render(<Filters value={value} options={options} firstDay="2026-04-02" lastDay="2026-06-30" onChange={onChange} />);
	return onChange;
}

test('periods: the previous one has the same length and ends the day before', () => {
	expect(previousPeriod({from: '2026-06-01', to: '2026-06-30'})).toEqual({from: '2026-05-02', to: '2026-05-31'});
	expect(previousPeriod({from: '2026-03-01', to: '2026-03-01'})).toEqual({from: '2026-02-28', to: '2026-02-28'});
	expect(lastDays(7, '2026-04-02', '2026-06-30')).toEqual({from: '2026-06-24', to: '2026-06-30'});
	expect(lastDays(90, '2026-06-01', '2026-06-30')).toEqual({from: '2026-06-01', to: '2026-06-30'});
	expect([
		grainFor({from: '2026-01-01', to: '2026-01-31'}),
		grainFor({from: '2026-01-01', to: '2026-06-30'}),
		grainFor({from: '2024-01-01', to: '2026-06-30'}),
	]).toEqual(['day', 'week', 'month']);
	expect(queryOf({...start, fields: {...noFilters(), agent: 'Ana Ruiz'}, fcr: 'no-follow-up'})).toEqual({
		from: '2026-06-01',
		to: '2026-06-30',
		filters: {agent: ['Ana Ruiz']},
		fcr: 'no-follow-up',
	});
});

test('each ticket filter lists the loaded values, and choosing one narrows the query', () => {
	const onChange = setup();
	const agent = screen.getByRole('combobox', {name: 'Agent'}) as HTMLSelectElement;
	expect([...agent.options].map(option => option.textContent)).toEqual(['All agents', 'Ana Ruiz', 'Ben Okafor']);
	fireEvent.change(agent, {target: {value: 'Ben Okafor'}});
	expect(onChange).toHaveBeenLastCalledWith({...start, fields: {...noFilters(), agent: 'Ben Okafor'}});
	// No values: nothing to choose.
	expect((screen.getByRole('combobox', {name: 'Channel'}) as HTMLSelectElement).disabled).toBe(true);
	expect((screen.getByRole('button', {name: 'Clear filters'}) as HTMLButtonElement).disabled).toBe(true);
});

test('presets and dates set the period; a reversed or empty range is refused with a message', () => {
	const onChange = setup();
	const period = screen.getByRole('combobox', {name: 'Period'}) as HTMLSelectElement;
	expect(period.value).toBe('30');
	fireEvent.change(period, {target: {value: '7'}});
	expect(onChange).toHaveBeenLastCalledWith({...start, from: '2026-06-24', to: '2026-06-30'});
	fireEvent.change(period, {target: {value: 'all'}});
	expect(onChange).toHaveBeenLastCalledWith({...start, from: '2026-04-02', to: '2026-06-30'});
	const from = screen.getByLabelText('From') as HTMLInputElement;
	fireEvent.change(from, {target: {value: '2026-06-15'}});
	expect(onChange).toHaveBeenLastCalledWith({...start, from: '2026-06-15'});
	onChange.mockClear();
	fireEvent.change(from, {target: {value: '2026-07-15'}});
	expect(onChange).not.toHaveBeenCalled();
	expect(screen.getByRole('alert').textContent).toBe(
		'The range is reversed: From (2026-07-15) is after To (2026-06-30). Swap them or pick another day.',
	);
	expect(from.getAttribute('aria-invalid')).toBe('true');
	fireEvent.change(from, {target: {value: '2026-01-01'}});
	// 2026-01-01 to 2026-06-30 has data: applied.
	expect(onChange).toHaveBeenLastCalledWith({...start, from: '2026-01-01'});
	onChange.mockClear();
	fireEvent.change(screen.getByLabelText('To') as HTMLInputElement, {target: {value: '2026-01-31'}});
	expect(onChange).not.toHaveBeenCalled();
	expect(screen.getByRole('alert').textContent).toBe('No data from 2026-01-01 to 2026-01-31: the data runs from 2026-04-02 to 2026-06-30.');
	expect(screen.getByText('30 days, compared with the 30 days before')).toBeTruthy();
});

test('days still being worked on can be left out', () => {
	const onChange = vi.fn<(next: DashboardFilters) => void>();
	render(
		<Filters
			value={start}
			options={options}
			firstDay="2026-04-02"
			lastDay="2026-06-30"
			onChange={onChange}
			settlement={{lastDay: '2026-06-30', settleDays: 5, settledThrough: '2026-06-25'}}
		/>,
	);
	fireEvent.click(screen.getByRole('checkbox', {name: /Leave out days after 2026-06-25/}));
	expect(onChange).toHaveBeenLastCalledWith({...start, complete: true});
	expect(effectivePeriod({...start, complete: true}, '2026-06-25')).toEqual({from: '2026-06-01', to: '2026-06-25'});
	expect(effectivePeriod(start, '2026-06-25')).toEqual({from: '2026-06-01', to: '2026-06-30'});
	expect(effectivePeriod({...start, from: '2026-06-28', complete: true}, '2026-06-25')).toBeUndefined();
});

test('the FCR variant and the trend grain are selectable; clear resets only the ticket filters', () => {
	const onChange = setup({...start, fields: {...noFilters(), helpdesk: 'zendesk'}});
	fireEvent.change(screen.getByRole('combobox', {name: 'First contact resolution'}), {target: {value: 'no-follow-up'}});
	expect(onChange).toHaveBeenLastCalledWith({...start, fields: {...noFilters(), helpdesk: 'zendesk'}, fcr: 'no-follow-up'});
	fireEvent.change(screen.getByRole('combobox', {name: 'Trend by'}), {target: {value: 'week'}});
	expect(onChange).toHaveBeenLastCalledWith({...start, fields: {...noFilters(), helpdesk: 'zendesk'}, grain: 'week'});
	fireEvent.click(screen.getByRole('button', {name: 'Clear filters'}));
	expect(onChange).toHaveBeenLastCalledWith(start);
});

test('a one-day period is said in words, not "1 days"', () => {
	setup({...start, from: '2026-06-30', to: '2026-06-30'});
	expect(screen.getByText('One day, compared with the day before')).toBeTruthy();
});
