import {useState} from 'preact/hooks';
import {triggers} from '../../core/model.ts';
import {checkTemplate} from '../../core/settings-schema.ts';
import {situations} from '../../core/settings.ts';
import {templateLibrary} from '../../core/templates/library.ts';
import {
	labelOf,
	placeholderInfo,
	placeholdersIn,
	render,
	situationLabels,
	type Placeholder,
	type Template,
} from '../../core/templates/template.ts';
import {Checkbox, Select, TextArea, TextField} from './fields.tsx';
import type {Draft, SectionProps, Update} from './state.ts';

const languages = [
	['en', 'English'],
	['es', 'Spanish'],
	['de', 'German'],
	['fr', 'French'],
	['pt', 'Portuguese'],
] as const;

/** Values for the preview: an invented ticket, plus the agent's own name and signature. */
export function sampleValues(agent: {name: string; signature: string}): Record<string, string> {
	return {
		...Object.fromEntries(Object.entries(placeholderInfo).flatMap(([key, info]) => (info.hint ? [[key, info.hint]] : []))),
		'customer.firstName': 'Dana',
		'customer.name': 'Dana Whitfield',
		'ticket.id': '#48213',
		'ticket.subject': 'Charged twice for the annual plan',
		'agent.name': agent.name,
		'agent.signature': agent.signature,
		eta: '3 pm today',
		team: 'Billing',
		'next.step': 'ask our billing team to reverse the second charge',
		status: 'the refund has been approved and is on its way',
	};
}

/** Placeholders for a body: the ones it uses, keeping what was declared for each, required by default. */
export function placeholdersFor(body: string, declared: readonly Placeholder[]): Placeholder[] {
	return placeholdersIn(body).map(key => declared.find(placeholder => placeholder.key === key) ?? {key, required: true});
}

function newTemplate(language: string, existing: readonly Template[]): Template {
	let index = 1;
	while (existing.some(template => template.id === `my-template-${index}`)) {
		index++;
	}

	return {
		id: `my-template-${index}`,
		title: '',
		language,
		trigger: 'any',
		situation: 'angry-first-reply',
		body: 'Hi {{customer.firstName}},\n\n\n\n{{agent.name}}',
		placeholders: [
			{key: 'customer.firstName', required: false, fallback: 'there'},
			{key: 'agent.name', required: true},
		],
	};
}

type Agent = {name: string; signature: string};
type SetPlaceholder = (key: string, patch: Partial<Placeholder>) => void;

/** A template being edited; its placeholders follow its body, a blank fallback is none. */
function useTemplateDraft(template: Template): {draft: Template; set: (patch: Partial<Template>) => void; setPlaceholder: SetPlaceholder} {
	const [draft, setDraft] = useState(template);
	const set = (patch: Partial<Template>) =>
		setDraft(current => {
			const next = {...current, ...patch};
			return {...next, placeholders: placeholdersFor(next.body, current.placeholders)};
		});
	const setPlaceholder: SetPlaceholder = (key, patch) =>
		setDraft(current => ({
			...current,
			placeholders: current.placeholders.map(placeholder => {
				if (placeholder.key !== key) {
					return placeholder;
				}

				const next: Placeholder = {...placeholder, ...patch};
				if (next.fallback === '' || next.fallback === undefined) {
					delete next.fallback;
				}

				return next;
			}),
		}));
	return {draft, set, setPlaceholder};
}

/** Id (of a new template), title, language, situation and trigger. */
function TemplateFields({
	draft,
	isNew,
	fieldError,
	set,
}: {
	draft: Template;
	isNew: boolean;
	fieldError: (name: string) => string | undefined;
	set: (patch: Partial<Template>) => void;
}) {
	return (
		<div class="grid">
			{isNew ? <TextField label="Id" name="template-id" value={draft.id} error={fieldError('id')} onChange={id => set({id})} /> : null}
			<TextField label="Title" name="template-title" value={draft.title} error={fieldError('title')} onChange={title => set({title})} />
			<Select label="Language" name="template-language" value={draft.language} options={languages} onChange={language => set({language})} />
			<Select
				label="Situation"
				name="template-situation"
				value={draft.situation}
				options={situations.map(situation => [situation, situationLabels[situation]] as const)}
				onChange={situation => set({situation})}
			/>
			<Select
				label="Trigger"
				name="template-trigger"
				value={draft.trigger}
				options={[['any', 'any'], ...triggers.map(trigger => [trigger, trigger.replaceAll('-', ' ')] as const)]}
				onChange={trigger => set({trigger})}
			/>
		</div>
	);
}

/** Whether each placeholder must be filled, and what to use otherwise. */
function PlaceholderTable({placeholders, setPlaceholder}: {placeholders: readonly Placeholder[]; setPlaceholder: SetPlaceholder}) {
	return (
		<table class="placeholders">
			<caption>Placeholders</caption>
			<thead>
				<tr>
					<th scope="col">Placeholder</th>
					<th scope="col">Must be filled</th>
					<th scope="col">Otherwise use</th>
				</tr>
			</thead>
			<tbody>
				{placeholders.map(placeholder => (
					<tr key={placeholder.key}>
						<td>
							<code>{`{{${placeholder.key}}}`}</code> <span class="hint">{labelOf(placeholder)}</span>
						</td>
						<td>
							<Checkbox
								label={`${placeholder.key} is required`}
								checked={placeholder.required}
								onChange={required => setPlaceholder(placeholder.key, {required})}
							/>
						</td>
						<td>
							<TextField
								label={`Fallback for ${placeholder.key}`}
								value={placeholder.fallback ?? ''}
								onChange={fallback => setPlaceholder(placeholder.key, {fallback})}
							/>
						</td>
					</tr>
				))}
			</tbody>
		</table>
	);
}

/** The template filled in for an invented ticket, and what would still be missing. */
function TemplatePreview({draft, agent}: {draft: Template; agent: Agent}) {
	const preview = render(draft, sampleValues(agent));
	return (
		<div class="preview">
			<h3>Preview with a sample ticket</h3>
			<pre data-testid="template-preview">{preview.text}</pre>
			{preview.missing.length > 0 ? (
				<p class="hint" data-testid="template-missing">
					To fill in before sending: {preview.missing.join(', ')}
				</p>
			) : null}
		</div>
	);
}

function Editor({
	template,
	agent,
	onSave,
	onCancel,
	isNew,
}: {
	template: Template;
	agent: Agent;
	onSave: (template: Template) => string[];
	onCancel: () => void;
	isNew: boolean;
}) {
	const {draft, set, setPlaceholder} = useTemplateDraft(template);
	const [problems, setProblems] = useState<string[]>([]);
	const fieldError = (name: string) => problems.find(problem => problem.startsWith(`${name} `));
	// Problems with a field of their own are shown beside it; the rest above the buttons.
	const otherProblems = problems.filter(problem => !/^(id|title|body) /.test(problem) || (!isNew && problem.startsWith('id ')));
	return (
		<div class="editor" role="group" aria-label={isNew ? 'New template' : `Edit ${template.title}`}>
			<TemplateFields draft={draft} isNew={isNew} fieldError={fieldError} set={set} />
			<TextArea
				label="Reply"
				name="template-body"
				rows={8}
				value={draft.body}
				hint="Plain text; {{customer.firstName}}, {{ticket.id}}, {{agent.name}}, {{agent.signature}}, {{eta}} … are filled in. A part in [[ … ]] is left out when a placeholder inside it has no value."
				error={fieldError('body')}
				onChange={body => set({body})}
			/>
			{draft.placeholders.length > 0 ? <PlaceholderTable placeholders={draft.placeholders} setPlaceholder={setPlaceholder} /> : null}
			<TemplatePreview draft={draft} agent={agent} />
			{otherProblems.length > 0 ? (
				<ul class="error" role="alert">
					{otherProblems.map(problem => (
						<li key={problem}>{problem}</li>
					))}
				</ul>
			) : null}
			<div class="row">
				<button type="button" onClick={() => setProblems(onSave(draft))}>
					Keep this template
				</button>
				<button type="button" class="secondary" onClick={onCancel}>
					Cancel
				</button>
			</div>
		</div>
	);
}

/** Templates from pasted or loaded JSON (one or a list), each checked. */
export function parseTemplates(text: string): {templates: Template[]; errors: string[]} {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return {templates: [], errors: ['This is not JSON. Paste what Export produced, or one template object.']};
	}

	const list = Array.isArray(value) ? (value as unknown[]) : [value];
	const templates: Template[] = [];
	const errors: string[] = [];
	for (const [index, item] of list.entries()) {
		const check = checkTemplate(item);
		if (check.ok) {
			templates.push(check.template);
		} else {
			errors.push(`Template ${index + 1}: ${check.errors.join('; ')}`);
		}
	}

	return {templates, errors};
}

/** The templates listed for a language: the built-in ones (as edited, if they were), then the user's own. */
function templatesIn(language: string, user: readonly Template[], builtInIds: ReadonlySet<string>): Template[] {
	return [
		...templateLibrary
			.filter(template => template.language === language)
			.map(template => user.find(mine => mine.id === template.id) ?? template),
		...user.filter(template => template.language === language && !builtInIds.has(template.id)),
	];
}

/** One template of the list: on or off, edit, and undo or delete. */
function TemplateRow({
	template,
	builtIn,
	draft,
	update,
	onEdit,
}: {
	template: Template;
	builtIn: boolean;
	draft: Draft;
	update: Update;
	onEdit: () => void;
}) {
	const {user, disabled} = draft.templates;
	const edited = builtIn && user.some(mine => mine.id === template.id);
	const on = !disabled.includes(template.id);
	return (
		<li data-template={template.id}>
			<Checkbox
				label={`${template.title}${builtIn ? (edited ? ' (built-in, edited)' : ' (built-in)') : ' (yours)'}`}
				checked={on}
				onChange={checked =>
					update(['templates', 'disabled'], checked ? disabled.filter(id => id !== template.id) : [...disabled, template.id])
				}
			/>
			<span class="hint">
				{situationLabels[template.situation] ?? template.situation} · {template.trigger}
			</span>
			<button type="button" class="secondary" aria-label={`Edit ${template.title}`} onClick={onEdit}>
				Edit
			</button>
			{edited ? (
				<button
					type="button"
					class="secondary"
					onClick={() =>
						update(
							['templates', 'user'],
							user.filter(mine => mine.id !== template.id),
						)
					}
				>
					Undo my edits
				</button>
			) : null}
			{builtIn ? null : (
				<button
					type="button"
					class="secondary"
					aria-label={`Delete ${template.title}`}
					onClick={() =>
						update(
							['templates', 'user'],
							user.filter(mine => mine.id !== template.id),
						)
					}
				>
					Delete
				</button>
			)}
		</li>
	);
}

/** Import of pasted JSON, and export of the user's templates in a language (to copy or download). */
function TemplateTransfer({user, language, update}: {user: readonly Template[]; language: string; update: Update}) {
	const [transfer, setTransfer] = useState('');
	const [transferStatus, setTransferStatus] = useState<{ok: boolean; text: string} | undefined>();

	function importTemplates(): void {
		const {templates, errors: problems} = parseTemplates(transfer);
		if (templates.length > 0) {
			const ids = new Set(templates.map(template => template.id));
			update(['templates', 'user'], [...user.filter(template => !ids.has(template.id)), ...templates]);
		}

		setTransferStatus(
			problems.length > 0
				? {ok: false, text: `${templates.length} imported. ${problems.join(' ')}`}
				: {ok: true, text: `${templates.length} template${templates.length === 1 ? '' : 's'} imported. Save to keep them.`},
		);
	}

	function exportTemplates(): void {
		setTransfer(
			JSON.stringify(
				user.filter(template => template.language === language),
				null,
				'\t',
			),
		);
		setTransferStatus({ok: true, text: 'Your templates in this language are in the box below; copy them or download the file.'});
	}

	return (
		<fieldset>
			<legend>Import and export (JSON)</legend>
			<TextArea label="Templates as JSON" name="template-json" rows={5} value={transfer} onChange={setTransfer} />
			<div class="row">
				<button type="button" onClick={importTemplates}>
					Import
				</button>
				<button type="button" class="secondary" onClick={exportTemplates}>
					Export my templates
				</button>
				{transfer && transferStatus?.ok ? (
					<a download={`defuse-templates-${language}.json`} href={`data:application/json;charset=utf-8,${encodeURIComponent(transfer)}`}>
						Download as a file
					</a>
				) : null}
			</div>
			{transferStatus ? (
				<p class={transferStatus.ok ? 'status' : 'error'} aria-live="polite" data-testid="template-transfer-status">
					{transferStatus.text}
				</p>
			) : null}
		</fieldset>
	);
}

export function TemplatesSection({draft, errors, update}: SectionProps) {
	const [language, setLanguage] = useState('en');
	const [editing, setEditing] = useState<{template: Template; isNew: boolean} | undefined>();
	const {user} = draft.templates;
	const builtInIds = new Set(templateLibrary.map(template => template.id));
	const shown = templatesIn(language, user, builtInIds);

	function keep(template: Template): string[] {
		const check = checkTemplate(template);
		if (!check.ok) {
			return check.errors;
		}

		const others = user.filter(mine => mine.id !== check.template.id);
		if (editing?.isNew && (others.length !== user.length || builtInIds.has(check.template.id))) {
			return ['id is already used by another template'];
		}

		update(['templates', 'user'], [...others, check.template]);
		setEditing(undefined);
		return [];
	}

	const userErrors = Object.entries(errors).filter(([path]) => path.startsWith('templates.'));
	return (
		<>
			<div class="row">
				<Select label="Language" name="template-list-language" value={language} options={languages} onChange={setLanguage} />
				<button type="button" onClick={() => setEditing({template: newTemplate(language, user), isNew: true})}>
					New template
				</button>
			</div>
			{userErrors.length > 0 ? (
				<ul class="error" role="alert">
					{userErrors.map(([path, message]) => (
						<li key={path}>{message}</li>
					))}
				</ul>
			) : null}
			{editing ? (
				<Editor
					key={editing.template.id}
					template={editing.template}
					isNew={editing.isNew}
					agent={draft.agent}
					onSave={keep}
					onCancel={() => setEditing(undefined)}
				/>
			) : null}
			{shown.length === 0 ? <p>No templates in this language yet.</p> : null}
			<ul class="templates">
				{shown.map(template => (
					<TemplateRow
						key={template.id}
						template={template}
						builtIn={builtInIds.has(template.id)}
						draft={draft}
						update={update}
						onEdit={() => setEditing({template, isNew: false})}
					/>
				))}
			</ul>
			<TemplateTransfer user={user} language={language} update={update} />
		</>
	);
}
