import type {FcrVariant, FilterField, TimeGrain} from '../../core/metrics/kpis.ts';
import {filterFields} from '../../core/metrics/kpis.ts';
import {fcrLabels} from './kpi-model.ts';
import type {DashboardFilters} from './period.ts';
import {lastDays, lengthInDays, noFilters} from './period.ts';

const fieldLabels: Readonly<Record<FilterField, [label: string, all: string]>> = {
	helpdesk: ['Helpdesk', 'All helpdesks'],
	agent: ['Agent', 'All agents'],
	group: ['Group', 'All groups'],
	priority: ['Priority', 'All priorities'],
	channel: ['Channel', 'All channels'],
};

const presets = [7, 30, 90] as const;

export type FiltersProps = {
	value: DashboardFilters;
	options: Record<FilterField, string[]>;
	firstDay: string;
	lastDay: string;
	onChange: (next: DashboardFilters) => void;
};

function presetOf(value: DashboardFilters, firstDay: string, lastDay: string): string {
	if (value.from === firstDay && value.to === lastDay) {
		return 'all';
	}

	const match = presets.find(days => {
		const period = lastDays(days, firstDay, lastDay);
		return period.from === value.from && period.to === value.to;
	});
	return match ? String(match) : 'custom';
}

/** Date range, the five ticket filters, the FCR variant and the trend grain. */
export function Filters({value, options, firstDay, lastDay, onChange}: FiltersProps) {
	const set = (patch: Partial<DashboardFilters>) => onChange({...value, ...patch});
	const preset = presetOf(value, firstDay, lastDay);
	return (
		<form class="filters" aria-label="Filters" onSubmit={event => event.preventDefault()}>
			<label>
				Period
				<select
					value={preset}
					onChange={event => {
						const choice = event.currentTarget.value;
						if (choice === 'all') {
							set({from: firstDay, to: lastDay});
						} else if (choice !== 'custom') {
							set(lastDays(Number(choice), firstDay, lastDay));
						}
					}}
				>
					{presets.map(days => <option key={days} value={String(days)}>Last {days} days</option>)}
					<option value="all">All data</option>
					<option value="custom">Custom</option>
				</select>
			</label>
			<label>
				From
				<input type="date" value={value.from} min={firstDay} max={value.to} required onChange={event => {
					const from = event.currentTarget.value;
					if (from && from <= value.to) {
						set({from});
					}
				}} />
			</label>
			<label>
				To
				<input type="date" value={value.to} min={value.from} max={lastDay} required onChange={event => {
					const to = event.currentTarget.value;
					if (to && to >= value.from) {
						set({to});
					}
				}} />
			</label>
			{filterFields.map(field => (
				<label key={field}>
					{fieldLabels[field][0]}
					<select
						name={field}
						value={value.fields[field]}
						disabled={options[field].length === 0}
						onChange={event => set({fields: {...value.fields, [field]: event.currentTarget.value}})}
					>
						<option value="">{fieldLabels[field][1]}</option>
						{options[field].map(option => <option key={option} value={option}>{option}</option>)}
					</select>
				</label>
			))}
			<label>
				First contact resolution
				<select value={value.fcr} onChange={event => set({fcr: event.currentTarget.value as FcrVariant})}>
					{(Object.keys(fcrLabels) as FcrVariant[]).map(variant => <option key={variant} value={variant}>{fcrLabels[variant]}</option>)}
				</select>
			</label>
			<label>
				Trend by
				<select value={value.grain} onChange={event => set({grain: event.currentTarget.value as TimeGrain})}>
					<option value="day">Day</option>
					<option value="week">Week</option>
					<option value="month">Month</option>
				</select>
			</label>
			<button type="button" onClick={() => set({fields: noFilters()})} disabled={Object.values(value.fields).every(field => field === '')}>Clear filters</button>
			<p class="period-note">{lengthInDays(value) === 1 ? 'One day, compared with the day before' : `${lengthInDays(value)} days, compared with the ${lengthInDays(value)} days before`}</p>
		</form>
	);
}
