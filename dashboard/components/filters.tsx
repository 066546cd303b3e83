import {useEffect, useState} from 'preact/hooks';
import type {FcrVariant, FilterField, TimeGrain} from '../../core/metrics/kpis.ts';
import type {Settlement} from '../../core/metrics/periods.ts';
import {filterFields} from '../../core/metrics/kpis.ts';
import {fcrLabels} from './kpi-model.ts';
import type {DashboardFilters} from './period.ts';
import {lastDays, lengthInDays, noFilters, rangeProblem} from './period.ts';

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
	/** Which days' tickets are settled: offers to leave out the others. */
	settlement?: Settlement | undefined;
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
export function Filters({value, options, firstDay, lastDay, onChange, settlement}: FiltersProps) {
	const set = (patch: Partial<DashboardFilters>) => onChange({...value, ...patch});
	const preset = presetOf(value, firstDay, lastDay);
	// Days as typed: a reversed or empty range is refused with a message and the last good one stays.
	const [draft, setDraft] = useState({from: value.from, to: value.to});
	useEffect(() => setDraft({from: value.from, to: value.to}), [value.from, value.to]);
	const problem = draft.from === value.from && draft.to === value.to ? undefined : rangeProblem(draft.from, draft.to, firstDay, lastDay);
	const setDay = (patch: {from?: string; to?: string}) => {
		const next = {...draft, ...patch};
		setDraft(next);
		if (rangeProblem(next.from, next.to, firstDay, lastDay) === undefined) {
			set(next);
		}
	};

	const unsettled = settlement !== undefined && settlement.settleDays > 0;
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
					{presets.map(days => (
						<option key={days} value={String(days)}>
							Last {days} days
						</option>
					))}
					<option value="all">All data</option>
					<option value="custom">Custom</option>
				</select>
			</label>
			<label>
				From
				<input
					type="date"
					value={draft.from}
					min={firstDay}
					max={lastDay}
					required
					aria-invalid={problem ? true : undefined}
					aria-describedby={problem ? 'range-problem' : undefined}
					onChange={event => setDay({from: event.currentTarget.value})}
				/>
			</label>
			<label>
				To
				<input
					type="date"
					value={draft.to}
					min={firstDay}
					max={lastDay}
					required
					aria-invalid={problem ? true : undefined}
					aria-describedby={problem ? 'range-problem' : undefined}
					onChange={event => setDay({to: event.currentTarget.value})}
				/>
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
						{options[field].map(option => (
							<option key={option} value={option}>
								{option}
							</option>
						))}
					</select>
				</label>
			))}
			<label>
				First contact resolution
				<select value={value.fcr} onChange={event => set({fcr: event.currentTarget.value as FcrVariant})}>
					{(Object.keys(fcrLabels) as FcrVariant[]).map(variant => (
						<option key={variant} value={variant}>
							{fcrLabels[variant]}
						</option>
					))}
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
			<button type="button" onClick={() => set({fields: noFilters()})} disabled={Object.values(value.fields).every(field => field === '')}>
				Clear filters
			</button>
			{unsettled && (
				<label class="check">
					<input
						type="checkbox"
						checked={value.complete === true}
						data-role="complete-only"
						onChange={event => set({complete: event.currentTarget.checked})}
					/>
					Leave out days after {settlement.settledThrough} (their tickets are still being worked on)
				</label>
			)}
			{problem && (
				<p class="error period-note" id="range-problem" role="alert" data-role="range-problem">
					{problem}
				</p>
			)}
			<p class="period-note">
				{lengthInDays(value) === 1
					? 'One day, compared with the day before'
					: `${lengthInDays(value)} days, compared with the ${lengthInDays(value)} days before`}
			</p>
		</form>
	);
}
