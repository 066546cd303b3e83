import {useMemo, useRef, useState} from 'preact/hooks';
import {validateSettings} from '../../core/settings-schema.ts';
import {defaultSettings, type Settings} from '../../core/settings.ts';
import {Section, type Errors} from './fields.tsx';
import {AgentSection, DataSection, RiskSection} from './general.tsx';
import {PhrasesSection} from './phrases.tsx';
import {SitesSection} from './sites.tsx';
import {SlaSection} from './sla.tsx';
import {setIn, type Draft, type OptionsApi, type SectionProps, type Update} from './state.ts';
import {TemplatesSection} from './templates.tsx';

const sections = [
	['sites', 'Sites'],
	['sla', 'SLA policies'],
	['risk', 'Risk and alerts'],
	['phrases', 'Phrase packs'],
	['templates', 'Templates'],
	['agent', 'Name and signature'],
	['data', 'Data'],
] as const;

export function errorMap(draft: Draft): Errors {
	const check = validateSettings(draft);
	const errors: Record<string, string> = {};
	if (!check.ok) {
		for (const {path, message} of check.errors) {
			errors[path] = errors[path] ? `${errors[path]} ${message}` : message;
		}
	}

	return errors;
}

type Status = {kind: 'ok' | 'error' | 'info'; text: string};

/** The draft being edited with its saved copy, status line and the save, discard and reset actions. */
function useSettingsDraft(initial: Settings, api: OptionsApi) {
	const [draft, setDraft] = useState<Draft>(initial);
	const [saved, setSaved] = useState(JSON.stringify(initial));
	const [status, setStatus] = useState<Status | undefined>();
	const form = useRef<HTMLFormElement>(null);
	const errors = useMemo(() => errorMap(draft), [draft]);
	const update: Update = (path, value) => {
		setDraft(current => setIn(current, path, value));
		setStatus(undefined);
	};

	async function save(event?: Event): Promise<void> {
		event?.preventDefault();
		const check = validateSettings(draft);
		if (!check.ok) {
			setStatus({
				kind: 'error',
				text: `Not saved: ${check.errors.length === 1 ? 'one field needs' : `${check.errors.length} fields need`} fixing (marked below).`,
			});
			form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
			return;
		}

		try {
			await api.save(check.settings);
			setDraft(check.settings);
			setSaved(JSON.stringify(check.settings));
			setStatus({kind: 'ok', text: 'Saved. Open helpdesk tabs use the new settings right away.'});
		} catch (error) {
			setStatus({kind: 'error', text: `Not saved: ${String(error)}`});
		}
	}

	const discard = () => {
		setDraft(JSON.parse(saved) as Settings);
		setStatus({kind: 'info', text: 'Changes discarded.'});
	};

	const reset = () => {
		setDraft(defaultSettings);
		setSaved(JSON.stringify(defaultSettings));
	};

	return {draft, errors, update, status, form, save, discard, reset, dirty: JSON.stringify(draft) !== saved};
}

function OptionsHeader() {
	return (
		<header>
			<h1>Defuse settings</h1>
			<nav aria-label="Sections">
				<ul>
					{sections.map(([id, title]) => (
						<li key={id}>
							<a href={`#${id}`}>{title}</a>
						</li>
					))}
				</ul>
			</nav>
		</header>
	);
}

function SaveBar({
	status,
	problems,
	dirty,
	onDiscard,
}: {
	status: Status | undefined;
	problems: number;
	dirty: boolean;
	onDiscard: () => void;
}) {
	return (
		<footer class="savebar">
			<button type="submit" data-testid="save">
				Save
			</button>
			<button type="button" class="secondary" disabled={!dirty} onClick={onDiscard}>
				Discard changes
			</button>
			<p role="status" class={status?.kind ?? (problems > 0 ? 'error' : '')} data-testid="save-status">
				{status?.text ??
					(problems > 0
						? `${problems === 1 ? 'One field needs' : `${problems} fields need`} fixing before you can save.`
						: dirty
							? 'Unsaved changes.'
							: '')}
			</p>
		</footer>
	);
}

function OptionsSections({api, onDeleted, ...props}: SectionProps & {api: OptionsApi; onDeleted: () => void}) {
	return (
		<>
			<Section
				id="sites"
				title="Sites and custom domains"
				intro="Self-hosted helpdesks and helpdesks on your own domain: add the address, choose the helpdesk, and allow Defuse to read it."
			>
				<SitesSection {...props} api={api} />
			</Section>
			<Section
				id="sla"
				title="SLA policies"
				intro="Reply and resolution targets per ticket priority, for the countdowns and breach warnings."
			>
				<SlaSection {...props} />
			</Section>
			<Section
				id="risk"
				title="Risk thresholds and alert budget"
				intro="When a conversation counts as Watch, High or Critical, and how often Defuse may interrupt you."
			>
				<RiskSection {...props} />
			</Section>
			<Section
				id="phrases"
				title="Phrase packs"
				intro="The customer phrases that signal an escalation, per language. Turn families off, or add your own."
			>
				<PhrasesSection {...props} />
			</Section>
			<Section
				id="templates"
				title="Templates"
				intro="De-escalation replies Defuse suggests. Edit the built-in ones, write your own, or share them as JSON."
			>
				<TemplatesSection {...props} />
			</Section>
			<Section id="agent" title="Your name and signature">
				<AgentSection {...props} />
			</Section>
			<Section id="data" title="Data" intro="Everything Defuse stores stays on this computer.">
				<DataSection {...props} api={api} onDeleted={onDeleted} />
			</Section>
		</>
	);
}

export function Options({initial, api}: {initial: Settings; api: OptionsApi}) {
	const {draft, errors, update, status, form, save, discard, reset, dirty} = useSettingsDraft(initial, api);
	return (
		<div class="options">
			<OptionsHeader />
			<form ref={form} onSubmit={event => void save(event)} noValidate>
				<OptionsSections draft={draft} errors={errors} update={update} api={api} onDeleted={reset} />
				<SaveBar status={status} problems={Object.keys(errors).length} dirty={dirty} onDiscard={discard} />
			</form>
		</div>
	);
}
