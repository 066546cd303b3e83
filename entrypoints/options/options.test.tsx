// @vitest-environment happy-dom
import {cleanup, fireEvent, render, screen, waitFor, within} from '@testing-library/preact';
import {afterEach, expect, test, vi} from 'vitest';
import type {CustomConfig} from '../../core/helpdesks/custom.ts';
import type {SelectorTestResult} from '../../core/messages.ts';
import type {ResponseOf} from '../../core/protocol.ts';
import {defaultSettings, type Settings} from '../../core/settings.ts';
import {templateLibrary} from '../../core/templates/library.ts';
import {Options} from './options.tsx';
import type {OptionsApi} from './state.ts';

afterEach(cleanup);

function fakeApi(overrides: Partial<OptionsApi> = {}) {
	const saved: Settings[] = [];
	const api: OptionsApi = {
		save: vi.fn(async (settings: Settings) => {
			saved.push(settings);
		}),
		requestSite: vi.fn(async () => true),
		hasSite: vi.fn(async () => false),
		testSelectors: vi.fn(async (): Promise<ResponseOf<'test-selectors'>> => ({ok: false, error: 'no tab'})),
		deleteEverything: vi.fn(async (): Promise<ResponseOf<'delete-everything'>> => ({ok: true})),
		...overrides,
	};
	return {api, saved};
}

const start = (api: OptionsApi, initial: Settings = structuredClone(defaultSettings)) => render(<Options initial={initial} api={api} />);
const type = (label: string | RegExp, value: string, scope: HTMLElement = document.body) =>
	fireEvent.input(within(scope).getByLabelText(label), {target: {value}});
const save = () => fireEvent.click(screen.getByTestId('save'));

test('thresholds: a value out of order is named beside its field and nothing is saved; fixed, it saves', async () => {
	const {api, saved} = fakeApi();
	start(api);
	type('Watch', '0.6');
	const high = screen.getByLabelText('High');
	expect(high.getAttribute('aria-invalid')).toBe('true');
	expect(screen.getByText('High must be above Watch (0.6)').id).toBe(high.getAttribute('aria-describedby'));
	save();
	await screen.findByText(/Not saved: one field needs fixing/);
	expect(api.save).not.toHaveBeenCalled();
	expect(document.activeElement).toBe(high);

	type('High', '0.7');
	type('Critical', '0.9');
	save();
	await screen.findByText(/^Saved\./);
	expect(saved).toHaveLength(1);
	expect(saved[0]!.risk.thresholds).toEqual({watch: 0.6, high: 0.7, critical: 0.9});
});

test('a number field keeps what is typed ("0.50", "abc") and the validator names text that is not a number', () => {
	const {api} = fakeApi();
	start(api);
	type('Minutes before the breach', 'abc');
	expect((screen.getByLabelText('Minutes before the breach') as HTMLInputElement).value).toBe('abc');
	expect(screen.getByText('Warning time before a breach must be a whole number of minutes')).toBeTruthy();
	type('Watch', '0.50');
	expect((screen.getByLabelText('Watch') as HTMLInputElement).value).toBe('0.50');
});

test('SLA: business hours per weekday, bad hours named on the day, empty target means none', async () => {
	const {api, saved} = fakeApi();
	start(api);
	fireEvent.change(screen.getByLabelText('Count time in'), {target: {value: 'business'}});
	type('Time zone', 'Europe/Lisbon');
	type('Saturday', '10:00-14:00');
	type('Monday', '9 to 5');
	expect(screen.getByText("Monday, hours 1: bad start time '9 to 5'")).toBeTruthy();
	type('Monday', '08:30-12:00, 13:00-17:30');
	type('Holidays', '2026-12-25\n2026-01-01\n');
	type('Periodic update, Low', '');
	save();
	await screen.findByText(/^Saved\./);
	expect(saved[0]!.sla.hours).toBe('business');
	expect(saved[0]!.sla.calendar.timezone).toBe('Europe/Lisbon');
	expect(saved[0]!.sla.calendar.weekly.mon).toEqual([
		['08:30', '12:00'],
		['13:00', '17:30'],
	]);
	expect(saved[0]!.sla.calendar.weekly.sat).toEqual([['10:00', '14:00']]);
	expect(saved[0]!.sla.calendar.holidays).toEqual(['2026-01-01', '2026-12-25']);
	expect(saved[0]!.sla.targets.low.periodicUpdateMinutes).toBeNull();
});

const probeResult: SelectorTestResult = {
	url: 'https://help.example.org/tickets/7',
	isTicketPage: true,
	isListPage: false,
	counts: [{name: 'message', selector: '.entry', count: 2}],
	missing: [],
	listRows: 0,
	snapshot: {
		helpdesk: 'custom',
		ticketId: '7',
		subject: 'Refund <b>now</b>',
		messages: [
			{role: 'customer', author: 'Dana', text: '<img src=x onerror=alert(1)> I want a manager'},
			{role: 'agent', internal: true, text: 'Checking'},
		],
	},
};

test('sites: an address is checked, access is requested from the click, and custom selectors are tested on the open tab', async () => {
	let tested: CustomConfig | undefined;
	const {api, saved} = fakeApi({
		async testSelectors(_origin, config) {
			tested = config;
			return {ok: true, selectorTest: probeResult};
		},
	});
	start(api);
	const add = screen.getByRole('group', {name: 'Add a site'});
	type('Site address', 'help.example.org', add);
	fireEvent.click(within(add).getByRole('button', {name: 'Add and allow access'}));
	expect(screen.getByText('Enter an address such as https://help.example.org')).toBeTruthy();
	expect(api.requestSite).not.toHaveBeenCalled();

	type('Site address', 'https://help.example.org/', add);
	fireEvent.click(within(add).getByRole('button', {name: 'Add and allow access'}));
	expect(api.requestSite).toHaveBeenCalledWith('https://help.example.org');
	await screen.findByText('Defuse may now read https://help.example.org. Save to start using it.');
	const site = document.querySelector<HTMLElement>('[data-origin="https://help.example.org"]')!;
	// Without a message selector the custom site cannot be saved.
	expect(within(site).getByText('message: required (a selector matching every message)')).toBeTruthy();
	type('Every message (required)', '.timeline > .entry', site);
	type('Values for customers', 'Kunde, Customer', site);
	fireEvent.click(within(site).getByRole('button', {name: 'Test these selectors on the open tab'}));
	const result = await screen.findByTestId('selector-test-result');
	expect(tested).toMatchObject({
		message: '.timeline > .entry',
		customerValues: ['Kunde', 'Customer'],
		ticketUrl: 'https://help.example.org/tickets/{id}',
	});
	// Page text is shown as text, never as markup.
	expect(result.querySelector('img, b')).toBeNull();
	expect(result.textContent).toContain('customer, Dana: <img src=x onerror=alert(1)> I want a manager');
	expect(result.textContent).toContain('agent (internal): Checking');
	expect(within(result).getByText('Ticket 7: Refund <b>now</b> (2 messages)')).toBeTruthy();

	save();
	await screen.findByText(/^Saved\./);
	expect(saved[0]!.sites).toEqual({
		'https://help.example.org': {
			adapter: 'custom',
			custom: {ticketUrl: 'https://help.example.org/tickets/{id}', message: '.timeline > .entry', customerValues: ['kunde', 'customer']},
		},
	});
});

test("sites: a hosted helpdesk read with your own selectors starts from Defuse's, ready to test and patch one selector", async () => {
	let tested: CustomConfig | undefined;
	const {api, saved} = fakeApi({
		async testSelectors(_origin, config) {
			tested = config;
			return {ok: true, selectorTest: probeResult};
		},
	});
	start(api);
	const add = screen.getByRole('group', {name: 'Add a site'});
	type('Site address', 'https://acme.zendesk.com', add);
	fireEvent.click(within(add).getByRole('button', {name: 'Add and allow access'}));
	await screen.findByText('Defuse may now read https://acme.zendesk.com. Save to start using it.');
	const site = document.querySelector<HTMLElement>('[data-origin="https://acme.zendesk.com"]')!;
	expect((within(site).getByLabelText('Ticket page address') as HTMLInputElement).value).toBe(
		'https://acme.zendesk.com/agent/tickets/{id}',
	);
	expect((within(site).getByLabelText('Every message (required)') as HTMLInputElement).value).toBe(
		'article[data-test-id="omni-log-comment-item"]:not([aria-hidden="true"])',
	);
	expect((within(site).getByLabelText("Start from Defuse's selectors for") as HTMLSelectElement).value).toBe('zendesk');
	// The helpdesk renamed one thing: patch that selector alone, then test on the open tab
	type('Status', '[data-test-id="ticket-status-v2"]', site);
	fireEvent.click(within(site).getByRole('button', {name: 'Test these selectors on the open tab'}));
	await screen.findByTestId('selector-test-result');
	expect(tested).toMatchObject({
		status: '[data-test-id="ticket-status-v2"]',
		editorKind: 'ckeditor5',
		author: '[data-test-id="omni-log-item-sender"]',
	});

	// Starting over from another helpdesk's selectors replaces the settings
	fireEvent.change(within(site).getByLabelText("Start from Defuse's selectors for"), {target: {value: 'freshdesk'}});
	fireEvent.click(within(site).getByRole('button', {name: "Replace these settings with Defuse's Freshdesk selectors"}));
	expect((within(site).getByLabelText('Ticket page address') as HTMLInputElement).value).toBe('https://acme.zendesk.com/a/tickets/{id}');
	fireEvent.change(within(site).getByLabelText("Start from Defuse's selectors for"), {target: {value: 'zendesk'}});
	fireEvent.click(within(site).getByRole('button', {name: "Replace these settings with Defuse's Zendesk selectors"}));
	save();
	await screen.findByText(/^Saved\./);
	expect(saved[0]!.sites['https://acme.zendesk.com']).toMatchObject({
		adapter: 'custom',
		custom: {name: 'Zendesk (my selectors)', ticketUrl: 'https://acme.zendesk.com/agent/tickets/{id}', editorKind: 'ckeditor5'},
	});
});

test('sites: a refused permission adds nothing; a known helpdesk needs no selectors', async () => {
	const {api} = fakeApi({requestSite: vi.fn(async () => false)});
	start(api);
	const add = screen.getByRole('group', {name: 'Add a site'});
	type('Site address', 'https://desk.example.net', add);
	fireEvent.change(within(add).getByLabelText('Helpdesk'), {target: {value: 'zammad'}});
	fireEvent.click(within(add).getByRole('button', {name: 'Add and allow access'}));
	await screen.findByText('Access to https://desk.example.net was not granted.');
	expect(document.querySelector('[data-origin]')).toBeNull();
});

test('phrase packs: list the built-in phrases, turn a family off, add your own', async () => {
	const {api, saved} = fakeApi();
	start(api);
	const urgency = document.querySelector<HTMLElement>('[data-family="urgency"]')!;
	expect(within(urgency).getByText(/built-in phrases/)).toBeTruthy();
	expect(urgency.querySelectorAll('.phrases li').length).toBeGreaterThan(3);
	fireEvent.click(within(urgency).getByLabelText('Detect "urgency" phrases in English'));
	const manager = document.querySelector<HTMLElement>('[data-family="manager"]')!;
	type('Your own phrases, one per line', 'head office\nregional director\n', manager);
	fireEvent.change(screen.getByLabelText('Language', {selector: '[name="phrase-language"]'}), {target: {value: 'de'}});
	fireEvent.click(screen.getByLabelText('Use the built-in German phrases'));
	save();
	await screen.findByText(/^Saved\./);
	expect(saved[0]!.phrases.disabledFamilies).toEqual(['en:urgency']);
	expect(saved[0]!.phrases.disabledPacks).toEqual(['de']);
	expect(saved[0]!.phrases.userPacks).toEqual([
		expect.objectContaining({id: 'mine-en', language: 'en', families: {manager: ['head office', 'regional director']}}),
	]);
});

test('templates: write one with a live preview, edit a built-in, import and export JSON', async () => {
	const {api, saved} = fakeApi();
	start(api);
	type('Your name', 'Ana Ruiz');
	fireEvent.click(screen.getByRole('button', {name: 'New template'}));
	const editor = screen.getByRole('group', {name: 'New template'});
	type('Title', 'Refund on its way', editor);
	type('Reply', 'Hi {{customer.firstName}}, your refund for {{ticket.id}} is on its way, {{when}}.\n{{agent.name}}', editor);
	expect(within(editor).getByTestId('template-preview').textContent).toBe(
		'Hi Dana, your refund for #48213 is on its way, {{when}}.\nAna Ruiz',
	);
	expect(within(editor).getByTestId('template-missing').textContent).toBe('To fill in before sending: when');
	fireEvent.click(within(editor).getByLabelText('when is required'));
	expect(within(editor).queryByTestId('template-missing')).toBeNull();
	fireEvent.click(within(editor).getByRole('button', {name: 'Keep this template'}));
	expect(screen.getByText('Refund on its way (yours)')).toBeTruthy();

	const builtIn = templateLibrary[0]!;
	fireEvent.click(screen.getByRole('button', {name: `Edit ${builtIn.title}`}));
	const edit = screen.getByRole('group', {name: `Edit ${builtIn.title}`});
	type('Title', '', edit);
	fireEvent.click(within(edit).getByRole('button', {name: 'Keep this template'}));
	expect(within(edit).getByText('title must be a non-empty string')).toBeTruthy();
	type('Title', 'Angry first message (team version)', edit);
	fireEvent.click(within(edit).getByRole('button', {name: 'Keep this template'}));
	expect(screen.getByText('Angry first message (team version) (built-in, edited)')).toBeTruthy();

	fireEvent.click(screen.getByRole('button', {name: 'Export my templates'}));
	const exported = JSON.parse((screen.getByLabelText('Templates as JSON') as HTMLTextAreaElement).value) as Array<{title: string}>;
	expect(exported.map(template => template.title)).toEqual(['Refund on its way', 'Angry first message (team version)']);

	type('Templates as JSON', '{"id": "x"}');
	fireEvent.click(screen.getByRole('button', {name: 'Import'}));
	expect(screen.getByTestId('template-transfer-status').textContent).toContain('Template 1: title must be a non-empty string');
	type('Templates as JSON', JSON.stringify([{...exported[0], id: 'shared-1', title: 'Shared by a colleague'}]));
	fireEvent.click(screen.getByRole('button', {name: 'Import'}));
	expect(screen.getByTestId('template-transfer-status').textContent).toBe('1 template imported. Save to keep them.');

	save();
	await screen.findByText(/^Saved\./);
	expect(saved[0]!.templates.user.map(template => template.title)).toEqual([
		'Refund on its way',
		'Angry first message (team version)',
		'Shared by a colleague',
	]);
	expect(saved[0]!.templates.user[0]!.placeholders.find(placeholder => placeholder.key === 'when')).toEqual({key: 'when', required: false});
});

test('data: delete everything asks first, then resets the page to the defaults', async () => {
	const {api} = fakeApi();
	const initial = structuredClone(defaultSettings);
	initial.agent.name = 'Ana Ruiz';
	start(api, initial);
	fireEvent.click(screen.getByRole('button', {name: 'Delete everything…'}));
	expect(api.deleteEverything).not.toHaveBeenCalled();
	fireEvent.click(screen.getByRole('button', {name: 'Yes, delete everything'}));
	await waitFor(() => expect(api.deleteEverything).toHaveBeenCalledOnce());
	await screen.findByText(/Everything Defuse stored has been deleted/);
	expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('');
});

test('every form control has a label', () => {
	const {api} = fakeApi();
	start(api);
	const unlabelled = [...document.querySelectorAll('input, select, textarea')].filter(
		control => !control.id || !document.querySelector(`label[for="${control.id}"]`),
	);
	expect(unlabelled).toEqual([]);
});

test('SLA targets: the hint reads a target in minutes as the overlay writes durations', () => {
	const {api} = fakeApi();
	start(api);
	const hint = (label: string) => document.querySelector(`#${screen.getByLabelText(label).id}-hint`)?.textContent;
	type('First reply, High', '90');
	expect(hint('First reply, High')).toBe('= 1 h 30 min');
	type('Resolution, Low', '2880');
	expect(hint('Resolution, Low')).toBe('= 2 days');
	type('First reply, Urgent', '45');
	expect(hint('First reply, Urgent')).toBeUndefined();
});
