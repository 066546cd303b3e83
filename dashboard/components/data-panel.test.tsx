// @vitest-environment happy-dom
import {cleanup, fireEvent, render, screen, within} from '@testing-library/preact';
import {afterEach, expect, test, vi} from 'vitest';
import {inProcessClient} from '../client.ts';
import {createSession} from '../session/session.ts';
import {openNodeDatabase} from '../worker/node-database.ts';
import {DataPanel} from './data-panel.tsx';
import {ProgressBar} from './progress-bar.tsx';

afterEach(() => {
	cleanup();
	vi.restoreAllMocks();
});

const header =
	'Id,Requester,Requester id,Assignee,Group,Subject,Status,Priority,Via,Created at,Solved at,Replies,Reopens,First reply time in minutes';
const rows = (count: number) =>
	Array.from(
		{length: count},
		(_, index) =>
			`${index + 1},Customer ${index},${9000 + index},Ana Ruiz,Billing,Question ${index},Solved,Normal,Mail,2026-03-02 09:15:00,2026-03-02 11:15:00,1,0,30`,
	);

function choose(input: HTMLInputElement, files: File[]): void {
	Object.defineProperty(input, 'files', {value: files, configurable: true});
	fireEvent.change(input);
}

function setup(loaded = false) {
	const session = createSession(async () => openNodeDatabase());
	let release: () => void = () => undefined;
	const gate = new Promise<void>(resolve => {
		release = resolve;
	});
	// The real session, with each import held back until the test lets it finish (to see the progress).
	const client = inProcessClient({
		...session,
		importFile: async (...args: Parameters<typeof session.importFile>) => {
			const outcome = await session.importFile(...args);
			await gate;
			return outcome;
		},
	});
	const onChanged = vi.fn(async () => undefined);
	render(<DataPanel client={client} sources={[]} loaded={loaded} busy={false} defaultTimezone="UTC" onChanged={onChanged} />);
	const input = document.querySelector<HTMLInputElement>('[data-role="import-input"]')!;
	return {session, release, onChanged, input};
}

test('the progress bar says what is read and how far', () => {
	render(<ProgressBar progress={{label: 'Reading big.csv', done: 250, total: 1000}} label="Importing" />);
	const status = screen.getByRole('status');
	expect(status.textContent).toBe('Reading big.csv 25%');
	const bar = status.querySelector('progress')!;
	expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['250', '1000']);
	cleanup();
	render(<ProgressBar progress={undefined} label="Loading" />);
	expect(screen.getByRole('status').textContent).toBe('Loading…');
	expect(screen.getByRole('status').querySelector('progress')!.hasAttribute('value')).toBe(false);
});

test('a CSV import shows its progress while it runs, then what was imported; the same file again replaces it', async () => {
	const {session, release, onChanged, input} = setup();
	const text = [header, ...rows(2000)].join('\n');
	choose(input, [new File([text], 'tickets.csv')]);
	const status = await screen.findByRole('status');
	// Every stage shows: reading, checking, keeping a copy, done.
	await vi.waitFor(() => expect(status.textContent).toBe('Imported tickets.csv 100%'));
	expect(input.disabled).toBe(true);
	release();
	const done = await screen.findByText(/imported 2,000 tickets from 2,000 rows/);
	expect(done.closest('li')?.getAttribute('data-ok')).toBe('true');
	expect(screen.queryByRole('status')).toBeNull();
	expect(onChanged).toHaveBeenCalledTimes(1);
	expect((await session.sources()).map(source => source.tickets)).toEqual([2000]);

	choose(input, [new File([text], 'tickets.csv', {lastModified: 5})]);
	choose(input, [new File([text], 'tickets.csv', {lastModified: 5})]);
	await screen.findByText(/replaced the earlier import/);
	expect((await session.sources()).length).toBe(2);
});

test('row-level errors are listed with their line numbers and nothing from the file is kept', async () => {
	const {session, release, onChanged, input} = setup();
	release();
	const text = [
		header,
		...rows(3),
		'4,Kim Lee,9100,Ana Ruiz,Billing,Refund,Solved,Normal,Mail,the day before,,1,0,30',
		'5,Ida Ray,9101,Ana Ruiz,Billing,Refund,Solved,Normal,Mail,2026-03-03 09:00:00,,one,0,30',
	].join('\n');
	choose(input, [new File([text], 'broken.csv')]);
	await vi.waitFor(() => expect(document.querySelector('[data-import="broken.csv"]')?.getAttribute('data-ok')).toBe('false'));
	expect(document.querySelector('[data-import="broken.csv"]')?.firstChild?.textContent).toBe('broken.csv');
	expect(document.querySelector('[data-import="broken.csv"]')?.textContent).toMatch(/^broken\.csv: nothing imported \(2 problems\):Line 5/);
	const issues = within(screen.getByRole('alert'))
		.getAllByRole('listitem')
		.map(issue => issue.textContent);
	expect(issues).toHaveLength(2);
	expect(issues[0]).toMatch(/^Line 5, column "?.*Created at.*"?: /);
	expect(issues[1]).toMatch(/^Line 6/);
	expect(onChanged).not.toHaveBeenCalled();
	expect(await session.sources()).toEqual([]);
});

test('exports: aggregates by default; details only after a clear warning', async () => {
	const session = createSession(async () => openNodeDatabase());
	await session.loadDemo({days: 7, ticketsPerDay: 5});
	await session.reload();
	const blobs: Blob[] = [];
	vi.spyOn(URL, 'createObjectURL').mockImplementation(blob => {
		blobs.push(blob as Blob);
		return 'blob:test';
	});
	render(
		<DataPanel
			client={inProcessClient(session)}
			sources={await session.sources()}
			loaded
			busy={false}
			defaultTimezone="UTC"
			onChanged={async () => undefined}
		/>,
	);
	expect(screen.getByText(/Demo team history/)).toBeTruthy();
	fireEvent.click(screen.getByRole('button', {name: 'Snapshot (JSON)'}));
	await vi.waitFor(() => expect(blobs).toHaveLength(1));
	expect(JSON.parse(await blobs[0]!.text())).toMatchObject({format: 'defuse-snapshot', detail: 'aggregates'});

	expect(screen.queryByRole('alert')).toBeNull();
	fireEvent.click(screen.getByRole('checkbox', {name: /Include details/}));
	expect(screen.getByRole('alert').textContent).toMatch(/names and other personal facts in the text are not detected/);
	fireEvent.click(screen.getByRole('button', {name: 'Snapshot (JSON)'}));
	await vi.waitFor(() => expect(blobs).toHaveLength(2));
	expect(JSON.parse(await blobs[1]!.text())).toMatchObject({detail: 'details'});

	fireEvent.click(screen.getByRole('button', {name: 'SQLite file'}));
	await vi.waitFor(() => expect(blobs).toHaveLength(3));
	const header = new TextDecoder().decode(new Uint8Array(await blobs[2]!.arrayBuffer()).slice(0, 15));
	expect(header).toBe('SQLite format 3');
	session.close();
});

test('a source that could not be loaded is listed with its error and can be removed', async () => {
	const session = createSession(async () => openNodeDatabase());
	await session.loadDemo({days: 3, ticketsPerDay: 2});
	const removed: string[] = [];
	const client = inProcessClient({
		...session,
		removeSource: async (id: string) => {
			removed.push(id);
			return session.removeSource(id);
		},
	});
	const failed = {
		id: 'snapshot:team.json:9:9',
		name: 'team.json',
		kind: 'snapshot' as const,
		rows: 4,
		tickets: 4,
		warnings: [],
		error: 'could not be loaded together with the other sources: boom',
	};
	render(
		<DataPanel
			client={client}
			sources={[...(await session.sources()), failed]}
			loaded
			busy={false}
			defaultTimezone="UTC"
			onChanged={async () => undefined}
		/>,
	);
	const item = document.querySelector('[data-failed="true"]')!;
	expect(item.textContent).toMatch(/team\.json: not loaded, could not be loaded together with the other sources: boom/);
	fireEvent.click(within(item as HTMLElement).getByRole('button', {name: 'Remove team.json'}));
	await vi.waitFor(() => expect(removed).toEqual(['snapshot:team.json:9:9']));
	session.close();
});

test('a progress bar that does not move for long says the page may be out of memory and names the command line', async () => {
	render(<ProgressBar progress={{label: 'Measuring and loading tickets', done: 10, total: 1000}} label="Loading" stallAfterMs={30} />);
	expect(screen.queryByText(/Nothing has moved/)).toBeNull();
	expect((await screen.findByText(/Nothing has moved for 0 seconds/)).textContent).toMatch(/npx defuse kpis/);
});
