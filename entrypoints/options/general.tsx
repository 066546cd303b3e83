import {useState} from 'preact/hooks';
import {Checkbox, NumberField, Select, TextArea, TextField} from './fields.tsx';
import type {OptionsApi, SectionProps} from './state.ts';

export function RiskSection({draft, errors, update}: SectionProps) {
	const {thresholds, alertBudget} = draft.risk;
	return (
		<>
			<fieldset>
				<legend>Levels start at these scores (0 to 1)</legend>
				<div class="grid">
					<NumberField
						label="Watch"
						name="threshold-watch"
						value={thresholds.watch}
						step={0.05}
						error={errors['risk.thresholds.watch']}
						onChange={value => update(['risk', 'thresholds', 'watch'], value)}
					/>
					<NumberField
						label="High"
						name="threshold-high"
						value={thresholds.high}
						step={0.05}
						error={errors['risk.thresholds.high']}
						onChange={value => update(['risk', 'thresholds', 'high'], value)}
					/>
					<NumberField
						label="Critical"
						name="threshold-critical"
						value={thresholds.critical}
						step={0.05}
						error={errors['risk.thresholds.critical']}
						onChange={value => update(['risk', 'thresholds', 'critical'], value)}
					/>
				</div>
				<p class="hint">Higher numbers mean fewer, surer warnings.</p>
			</fieldset>
			<fieldset>
				<legend>Alert budget</legend>
				<div class="grid">
					<NumberField
						label="Alerts per hour, at most"
						name="budget-max"
						value={alertBudget.maxFlagsPerAgentHour}
						hint="0 turns alerts off; flags still show in the overlay"
						error={errors['risk.alertBudget.maxFlagsPerAgentHour']}
						onChange={value => update(['risk', 'alertBudget', 'maxFlagsPerAgentHour'], value)}
					/>
					<Select
						label="Lowest level that alerts"
						name="budget-level"
						value={alertBudget.minLevel}
						error={errors['risk.alertBudget.minLevel']}
						options={[
							['watch', 'Watch'],
							['high', 'High'],
							['critical', 'Critical'],
						]}
						onChange={value => update(['risk', 'alertBudget', 'minLevel'], value)}
					/>
				</div>
			</fieldset>
			<fieldset>
				<legend>SLA notifications</legend>
				<Checkbox
					label="Notify me before a ticket I have open breaches its SLA"
					name="notify-enabled"
					checked={draft.notifications.enabled}
					onChange={checked => update(['notifications', 'enabled'], checked)}
				/>
				<NumberField
					label="Minutes before the breach"
					name="notify-lead"
					value={draft.notifications.leadMinutes}
					error={errors['notifications.leadMinutes']}
					onChange={value => update(['notifications', 'leadMinutes'], value)}
				/>
			</fieldset>
		</>
	);
}

export function AgentSection({draft, errors, update}: SectionProps) {
	return (
		<div class="grid">
			<TextField
				label="Your name"
				name="agent-name"
				value={draft.agent.name}
				hint="Fills {{agent.name}} in replies"
				error={errors['agent.name']}
				onChange={value => update(['agent', 'name'], value)}
			/>
			<TextArea
				label="Signature"
				name="agent-signature"
				rows={3}
				value={draft.agent.signature}
				hint="Fills {{agent.signature}} in replies"
				error={errors['agent.signature']}
				onChange={value => update(['agent', 'signature'], value)}
			/>
		</div>
	);
}

export function DataSection({draft, errors, update, api, onDeleted}: SectionProps & {api: OptionsApi; onDeleted: () => void}) {
	const [confirming, setConfirming] = useState(false);
	const [message, setMessage] = useState('');
	async function deleteAll(): Promise<void> {
		setConfirming(false);
		const response = await api.deleteEverything();
		setMessage(
			response.ok
				? 'Everything Defuse stored has been deleted, and the settings are back to their defaults.'
				: `Nothing was deleted: ${response.error}`,
		);
		if (response.ok) {
			onDeleted();
		}
	}

	return (
		<>
			<NumberField
				label="Keep data for (days)"
				name="retention-days"
				value={draft.data.retentionDays}
				hint="Once a day, tickets not seen for longer (with their messages, observations and events), files imported into the dashboard longer ago, and SLA countdowns that ended before then are deleted. 0 keeps everything."
				error={errors['data.retentionDays']}
				onChange={value => update(['data', 'retentionDays'], value)}
			/>
			<div class="danger">
				<p>
					Delete every ticket, message, observation and event Defuse stored on this computer, the files imported into its dashboard, the SLA
					countdowns with their alarms and notifications, and reset all settings.
				</p>
				{confirming ? (
					<div class="row" role="group" aria-label="Confirm deleting everything">
						<button type="button" class="destructive" onClick={() => void deleteAll()}>
							Yes, delete everything
						</button>
						<button type="button" class="secondary" onClick={() => setConfirming(false)}>
							Cancel
						</button>
					</div>
				) : (
					<button type="button" class="destructive" onClick={() => setConfirming(true)}>
						Delete everything…
					</button>
				)}
				<p aria-live="polite" data-testid="delete-status">
					{message}
				</p>
			</div>
		</>
	);
}
