import type {Weekday} from '../../core/calendar.ts';
import {formatDuration, textLocale} from '../../core/format.ts';
import {priorities, targetKeys, targetLabels} from '../../core/settings.ts';
import {NumberField, Select, TextArea, TextField, type Errors} from './fields.tsx';
import type {Draft, SectionProps, Update} from './state.ts';

const weekdays: ReadonlyArray<[Weekday, string]> = [
	['mon', 'Monday'],
	['tue', 'Tuesday'],
	['wed', 'Wednesday'],
	['thu', 'Thursday'],
	['fri', 'Friday'],
	['sat', 'Saturday'],
	['sun', 'Sunday'],
];
const priorityNames = {urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low'} as const;

/** "09:00-12:00, 13:00-17:00" as ranges; text that is not in that form is kept whole so the validator names it. */
export function parseHours(text: string): Array<[string, string]> {
	return text
		.split(',')
		.map(part => part.trim())
		.filter(Boolean)
		.map(part => {
			const match = /^(\S+)\s*[-–]\s*(\S+)$/.exec(part);
			return match ? ([match[1]!, match[2]!] as [string, string]) : ([part, ''] as [string, string]);
		});
}

const splitList = (text: string) =>
	text
		.split(/[\n,]/)
		.map(day => day.trim())
		.filter(Boolean);

export const formatHours = (ranges: ReadonlyArray<readonly [string, string]> | undefined): string =>
	(ranges ?? []).map(([start, end]) => `${start}-${end}`).join(', ');

// Written as the overlay writes a target: 90 -> '= 1 h 30 min'.
const duration = (minutes: unknown): string | undefined =>
	typeof minutes === 'number' && minutes >= 60 ? `= ${formatDuration(minutes * 60_000, textLocale)}` : undefined;

type SlaProps = {sla: Draft['sla']; errors: Errors; update: Update};

/** The targets per priority, one number field per priority and target. */
function TargetsTable({sla, errors, update}: SlaProps) {
	return (
		<table class="targets">
			<caption>Targets in minutes; leave a field empty for no target</caption>
			<thead>
				<tr>
					<th scope="col">Priority</th>
					{targetKeys.map(key => (
						<th key={key} scope="col">
							{targetLabels[key]}
						</th>
					))}
				</tr>
			</thead>
			<tbody>
				{priorities.map(priority => (
					<tr key={priority}>
						<th scope="row">{priorityNames[priority]}</th>
						{targetKeys.map(key => {
							const value = sla.targets[priority][key];
							return (
								<td key={key}>
									<NumberField
										label={`${targetLabels[key]}, ${priorityNames[priority]}`}
										name={`sla-${priority}-${key}`}
										value={value}
										empty={null}
										hint={duration(value)}
										error={errors[`sla.targets.${priority}.${key}`]}
										onChange={next => update(['sla', 'targets', priority, key], next)}
									/>
								</td>
							);
						})}
					</tr>
				))}
			</tbody>
		</table>
	);
}

/** Time zone, opening hours per weekday and holidays; disabled while time is counted in calendar hours. */
function BusinessHours({sla, errors, update}: SlaProps) {
	const business = sla.hours === 'business';
	return (
		<fieldset disabled={!business} aria-describedby="calendar-note">
			<legend>Business hours</legend>
			<p id="calendar-note" class="hint">
				{business ? 'Only these hours count towards the targets.' : 'Used when time is counted in business hours.'}
			</p>
			<TextField
				label="Time zone"
				name="sla-timezone"
				value={sla.calendar.timezone}
				placeholder="Europe/Berlin"
				error={errors['sla.calendar.timezone']}
				hint="An IANA time zone name, e.g. America/New_York"
				onChange={value => update(['sla', 'calendar', 'timezone'], value.trim())}
			/>
			<div class="grid">
				{weekdays.map(([day, name]) => (
					<TextField
						key={day}
						label={name}
						name={`sla-${day}`}
						value={formatHours(sla.calendar.weekly[day])}
						placeholder="closed"
						error={errors[`sla.calendar.weekly.${day}`]}
						normalize={text => formatHours(parseHours(text))}
						onChange={value => update(['sla', 'calendar', 'weekly', day], parseHours(value))}
					/>
				))}
			</div>
			{errors['sla.calendar.weekly'] ? (
				<p class="error" role="alert">
					{errors['sla.calendar.weekly']}
				</p>
			) : null}
			<TextArea
				label="Holidays"
				name="sla-holidays"
				rows={3}
				value={sla.calendar.holidays.join('\n')}
				hint="One date per line as YYYY-MM-DD"
				error={errors['sla.calendar.holidays']}
				normalize={text => splitList(text).join('\n')}
				onChange={value => update(['sla', 'calendar', 'holidays'], splitList(value))}
			/>
			{errors['sla.calendar'] ? <p class="error">{errors['sla.calendar']}</p> : null}
		</fieldset>
	);
}

export function SlaSection({draft, errors, update}: SectionProps) {
	const {sla} = draft;
	return (
		<>
			<Select
				label="Count time in"
				name="sla-hours"
				value={sla.hours}
				error={errors['sla.hours']}
				options={[
					['calendar', 'Calendar hours (around the clock)'],
					['business', 'Business hours (your opening hours)'],
				]}
				onChange={value => update(['sla', 'hours'], value)}
			/>
			<TargetsTable sla={sla} errors={errors} update={update} />
			<p class="hint">Tickets without a priority Defuse can read use the Normal targets.</p>
			<BusinessHours sla={sla} errors={errors} update={update} />
		</>
	);
}
