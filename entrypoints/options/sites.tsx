import {useEffect, useState} from 'preact/hooks';
import type {CustomConfig} from '../../core/helpdesks/custom.ts';
import {bridgeEditors} from '../../core/helpdesks/editors.ts';
import {customStart, startableAdapters} from '../../core/helpdesks/custom-starts.ts';
import type {AdapterId} from '../../core/helpdesks/adapter.ts';
import {helpdeskOf, helpdesks} from '../../core/helpdesks/registry.ts';
import {matchesPattern} from '../../core/helpdesks/pick.ts';
import type {SelectorTestResult} from '../../core/messages.ts';
import {parseOrigin, type SiteSetting} from '../../core/settings.ts';
import {errorsUnder, Select, TextField} from './fields.tsx';
import type {Draft, OptionsApi, SectionProps} from './state.ts';

const adapterOptions = helpdesks
	.filter(helpdesk => helpdesk.kind !== 'demo')
	.map(helpdesk => [helpdesk.id, helpdesk.kind === 'custom' ? 'Other (my own selectors)' : helpdesk.name] as const)
	.sort((a, b) => (a[0] === 'custom' ? 1 : b[0] === 'custom' ? -1 : a[1].localeCompare(b[1])));

type ConfigKey = Exclude<keyof CustomConfig, 'customerValues' | 'agentValues' | 'systemValues' | 'order' | 'editorKind'>;
type ListKey = 'customerValues' | 'agentValues' | 'systemValues';

const configGroups: ReadonlyArray<{title: string; fields: ReadonlyArray<[ConfigKey | ListKey, string, string?]>}> = [
	{
		title: 'Pages',
		fields: [
			['name', 'Name shown in Defuse'],
			['ticketUrl', 'Ticket page address', 'e.g. https://help.example.org/tickets/{id}'],
			['listUrl', 'Ticket list address', 'e.g. https://help.example.org/queues/*'],
		],
	},
	{
		title: 'Messages',
		fields: [
			['message', 'Every message (required)'],
			['customerMessage', 'Customer messages'],
			['agentMessage', 'Agent messages'],
			['systemMessage', 'System events'],
			['internalMarker', 'Internal note marker'],
			['author', 'Author, inside a message'],
			['time', 'Time, inside a message'],
			['body', 'Text, inside a message'],
			['quote', 'Quoted history to drop'],
		],
	},
	{
		title: 'Roles from an attribute',
		fields: [
			['roleAttribute', 'Attribute naming the role'],
			['customerValues', 'Values for customers', 'comma-separated'],
			['agentValues', 'Values for agents', 'comma-separated'],
			['systemValues', 'Values for system events', 'comma-separated'],
		],
	},
	{
		title: 'Ticket',
		fields: [
			['ticketRoot', 'Active ticket container'],
			['ticketId', 'Ticket number'],
			['subject', 'Subject'],
			['status', 'Status'],
			['priority', 'Priority'],
			['requester', 'Requester name'],
			['requesterEmail', 'Requester email'],
			['assignee', 'Assignee'],
			['group', 'Group'],
			['tag', 'Tags'],
		],
	},
	{
		title: 'Reply box and lists',
		fields: [
			['editor', 'Reply editor'],
			['listRow', 'List row'],
			['listId', 'Ticket number in a row'],
			['listSubject', 'Subject in a row'],
			['listRequester', 'Requester in a row'],
			['listTime', 'Time in a row'],
		],
	},
];

const startOptions = startableAdapters.map(id => [id, helpdeskOf(id)?.name ?? id] as const).sort((a, b) => a[1].localeCompare(b[1]));

/** The hosted helpdesk an origin belongs to (its host, whatever the path), when Defuse has a start for it. */
function hostedAdapterOf(origin: string): AdapterId | undefined {
	const url = new URL(`${origin}/`);
	return helpdesks.find(
		helpdesk =>
			startableAdapters.includes(helpdesk.id) &&
			helpdesk.hosts.some(pattern => matchesPattern(pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*'), url)),
	)?.id;
}

const isListKey = (key: string): key is ListKey => key === 'customerValues' || key === 'agentValues' || key === 'systemValues';

function TestResult({result}: {result: SelectorTestResult}) {
	const {snapshot} = result;
	return (
		<div class="test-result" data-testid="selector-test-result">
			<p>
				Read {result.url}:{' '}
				{result.isTicketPage
					? 'a ticket page'
					: result.isListPage
						? `a list page with ${result.listRows} rows`
						: 'neither a ticket nor a list page by the addresses above'}
				.
			</p>
			{result.missing.length > 0 ? <p class="error">Nothing matches: {result.missing.join(', ')}</p> : null}
			<table>
				<caption>Matches per selector</caption>
				<thead>
					<tr>
						<th scope="col">Setting</th>
						<th scope="col">Selector</th>
						<th scope="col">Matches</th>
					</tr>
				</thead>
				<tbody>
					{result.counts.map(entry => (
						<tr key={entry.name} data-selector={entry.name}>
							<td>{entry.name}</td>
							<td>
								<code>{entry.selector}</code>
							</td>
							<td data-count={entry.count}>{entry.error ?? entry.count}</td>
						</tr>
					))}
				</tbody>
			</table>
			{snapshot ? (
				<div>
					<p data-testid="selector-test-ticket">
						Ticket {snapshot.ticketId}
						{snapshot.subject ? `: ${snapshot.subject}` : ''} ({snapshot.messages.length} messages)
					</p>
					<ol class="messages">
						{snapshot.messages.map((message, index) => (
							<li key={index} data-role={message.role}>
								<strong>
									{message.role}
									{message.internal ? ' (internal)' : ''}
									{message.author ? `, ${message.author}` : ''}:
								</strong>{' '}
								{message.text}
							</li>
						))}
					</ol>
				</div>
			) : (
				<p>No ticket could be read with these settings on that page.</p>
			)}
		</div>
	);
}

type Update = SectionProps['update'];
type Errors = SectionProps['errors'];
type SetConfig = (key: string, value: unknown) => void;

/** The parts of a comma-separated list, trimmed, empty ones left out. */
const splitList = (text: string): string[] =>
	text
		.split(',')
		.map(part => part.trim())
		.filter(Boolean);

/** Replaces a site's selectors with the ones Defuse has for a hosted helpdesk. */
function CustomStart({origin, update}: {origin: string; update: Update}) {
	const [startFrom, setStartFrom] = useState<AdapterId>(() => hostedAdapterOf(origin) ?? startOptions[0]?.[0] ?? 'zendesk');
	const startName = startOptions.find(([id]) => id === startFrom)?.[1] ?? startFrom;
	return (
		<div class="row">
			<Select
				label="Start from Defuse's selectors for"
				name="custom-start"
				value={startFrom}
				options={startOptions}
				onChange={setStartFrom}
			/>
			<button type="button" class="secondary" onClick={() => update(['sites', origin, 'custom'], customStart(startFrom, origin))}>
				Replace these settings with Defuse's {startName} selectors
			</button>
		</div>
	);
}

/** One group of selector fields; the role value lists are edited as comma-separated text. */
function ConfigGroup({
	group,
	config,
	errors,
	base,
	set,
}: {
	group: (typeof configGroups)[number];
	config: CustomConfig;
	errors: Errors;
	base: string;
	set: SetConfig;
}) {
	return (
		<fieldset>
			<legend>{group.title}</legend>
			<div class="grid">
				{group.fields.map(([key, label, hint]) => {
					const raw = config[key];
					const value = isListKey(key) ? (config[key] ?? []).join(', ') : typeof raw === 'string' ? raw : '';
					return (
						<TextField
							key={key}
							name={`custom-${key}`}
							label={label}
							hint={hint}
							value={value}
							error={errors[`${base}.${key}`]}
							normalize={isListKey(key) ? text => splitList(text).join(', ') : undefined}
							onChange={text =>
								set(key, isListKey(key) ? (text.trim() === '' ? undefined : splitList(text)) : text === '' ? undefined : text)
							}
						/>
					);
				})}
			</div>
		</fieldset>
	);
}

/** How the thread is read: message order and the reply editor's kind. */
function ReadingOptions({config, errors, base, set}: {config: CustomConfig; errors: Errors; base: string; set: SetConfig}) {
	return (
		<div class="grid">
			<Select
				label="Message order"
				name="custom-order"
				value={config.order ?? 'oldest-first'}
				options={[
					['oldest-first', 'Oldest first'],
					['newest-first', 'Newest first'],
				]}
				onChange={value => set('order', value === 'oldest-first' ? undefined : value)}
			/>
			<Select
				label="Reply editor kind"
				name="custom-editorKind"
				value={config.editorKind ?? ''}
				error={errors[`${base}.editorKind`]}
				options={[['', 'Plain text box or contenteditable'], ...bridgeEditors.map(editor => [editor, editor] as const)]}
				onChange={value => set('editorKind', value === '' ? undefined : value)}
			/>
		</div>
	);
}

/** Tries the selectors on the open tab and shows what they read. */
function SelectorTest({origin, config, api}: {origin: string; config: CustomConfig; api: OptionsApi}) {
	const [test, setTest] = useState<{busy: boolean; result?: SelectorTestResult | undefined; error?: string | undefined}>({busy: false});
	async function runTest(): Promise<void> {
		setTest({busy: true});
		const response = await api.testSelectors(origin, config);
		setTest(response.ok ? {busy: false, result: response.selectorTest} : {busy: false, error: response.error});
	}

	return (
		<>
			<div class="row">
				<button type="button" onClick={() => void runTest()} disabled={test.busy}>
					Test these selectors on the open tab
				</button>
				<span class="hint">Open a ticket of {origin} in another tab first.</span>
			</div>
			<div aria-live="polite">
				{test.busy ? <p>Reading the page…</p> : null}
				{test.error ? (
					<p class="error" data-testid="selector-test-error">
						{test.error}
					</p>
				) : null}
				{test.result ? <TestResult result={test.result} /> : null}
			</div>
		</>
	);
}

function CustomEditor({
	origin,
	config,
	errors,
	update,
	api,
}: {
	origin: string;
	config: CustomConfig;
	errors: Errors;
	update: Update;
	api: OptionsApi;
}) {
	const base = `sites[${origin}].custom`;
	const set = (key: string, value: unknown) => update(['sites', origin, 'custom', key], value);
	const general = errors[base];
	return (
		<div class="custom">
			{general ? (
				<p class="error" role="alert">
					{general}
				</p>
			) : null}
			<CustomStart origin={origin} update={update} />
			{configGroups.map(group => (
				<ConfigGroup key={group.title} group={group} config={config} errors={errors} base={base} set={set} />
			))}
			<ReadingOptions config={config} errors={errors} base={base} set={set} />
			<SelectorTest origin={origin} config={config} api={api} />
		</div>
	);
}

type Allow = (site: string, onGranted?: () => void) => void;

/** Which sites Defuse may read, a way to ask for one, and what the last request came to. */
function useSiteAccess(origins: readonly string[], api: OptionsApi): {granted: Record<string, boolean>; status: string; allow: Allow} {
	const [status, setStatus] = useState('');
	const [granted, setGranted] = useState<Record<string, boolean>>({});

	useEffect(() => {
		let live = true;
		void Promise.all(origins.map(async site => [site, await api.hasSite(site)] as const)).then(entries => {
			if (live) {
				setGranted(Object.fromEntries(entries));
			}
		});
		return () => {
			live = false;
		};
	}, [origins.join('|')]);

	function allow(site: string, onGranted?: () => void): void {
		// The request must start in this click handler, before anything is awaited.
		void api.requestSite(site).then(ok => {
			setGranted(previous => ({...previous, [site]: ok}));
			if (ok) {
				onGranted?.();
			}

			setStatus(ok ? `Defuse may now read ${site}. Save to start using it.` : `Access to ${site} was not granted.`);
		});
	}

	return {granted, status, allow};
}

/** One site of the list: its helpdesk, access, removal, and its selectors when they are the user's own. */
function SiteRow({
	site,
	setting,
	granted,
	errors,
	update,
	api,
	allow,
}: {
	site: string;
	setting: SiteSetting;
	granted: boolean | undefined;
	errors: Errors;
	update: Update;
	api: OptionsApi;
	allow: Allow;
}) {
	return (
		<li data-origin={site}>
			<div class="row">
				<strong>{site}</strong>
				<Select
					label="Helpdesk"
					name="site-adapter"
					value={setting.adapter}
					error={errors[`sites[${site}].adapter`]}
					options={adapterOptions}
					onChange={value =>
						update(['sites', site], value === 'custom' ? {adapter: value, custom: setting.custom ?? {}} : {adapter: value})
					}
				/>
				<span class={granted ? 'badge ok' : 'badge warn'} data-testid="site-access">
					{granted ? 'Access granted' : 'No access yet'}
				</span>
				{granted ? null : (
					<button type="button" onClick={() => allow(site)}>
						Allow access
					</button>
				)}
				<button type="button" class="secondary" onClick={() => update(['sites', site], undefined)}>
					Remove {site}
				</button>
			</div>
			{errorsUnder(errors, `sites[${site}]`).length > 0 && setting.adapter !== 'custom' ? (
				<p class="error">{errorsUnder(errors, `sites[${site}]`).join(' ')}</p>
			) : null}
			{setting.adapter === 'custom' ? (
				<CustomEditor origin={site} config={setting.custom ?? {}} errors={errors} update={update} api={api} />
			) : null}
		</li>
	);
}

/** The form adding a site: its address and helpdesk, access asked for on the click. */
function AddSite({sites, update, allow}: {sites: Draft['sites']; update: Update; allow: Allow}) {
	const [origin, setOrigin] = useState('');
	const [adapter, setAdapter] = useState<AdapterId>('custom');
	const [addError, setAddError] = useState<string | undefined>();

	function add(): void {
		const parsed = parseOrigin(origin);
		if (!parsed.ok) {
			setAddError(parsed.message);
			return;
		}

		if (sites[parsed.origin]) {
			setAddError(`${parsed.origin} is already in the list`);
			return;
		}

		setAddError(undefined);
		allow(parsed.origin, () => {
			// A hosted helpdesk read with the user's own selectors starts from Defuse's, to test and patch
			const hosted = hostedAdapterOf(parsed.origin);
			const start = (hosted && customStart(hosted, parsed.origin)) ?? {ticketUrl: `${parsed.origin}/tickets/{id}`};
			update(['sites', parsed.origin], adapter === 'custom' ? {adapter, custom: start} : {adapter});
			setOrigin('');
		});
	}

	return (
		<fieldset>
			<legend>Add a site</legend>
			<div class="row">
				<TextField
					label="Site address"
					name="new-site"
					value={origin}
					placeholder="https://help.example.org"
					error={addError}
					onChange={setOrigin}
				/>
				<Select label="Helpdesk" name="new-site-adapter" value={adapter} options={adapterOptions} onChange={setAdapter} />
				<button type="button" onClick={add}>
					Add and allow access
				</button>
			</div>
		</fieldset>
	);
}

export function SitesSection({draft, errors, update, api}: SectionProps & {api: OptionsApi}) {
	const origins = Object.keys(draft.sites);
	const {granted, status, allow} = useSiteAccess(origins, api);
	return (
		<>
			{origins.length === 0 ? <p>No sites of your own yet. Defuse already runs on the hosted helpdesks it knows.</p> : null}
			<ul class="sites">
				{origins.map(site => (
					<SiteRow
						key={site}
						site={site}
						setting={draft.sites[site]!}
						granted={granted[site]}
						errors={errors}
						update={update}
						api={api}
						allow={allow}
					/>
				))}
			</ul>
			<AddSite sites={draft.sites} update={update} allow={allow} />
			<p aria-live="polite" class="status" data-testid="sites-status">
				{status}
			</p>
		</>
	);
}
