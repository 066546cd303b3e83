import {browser} from '#imports';
import {render} from 'preact';
import {backgroundSender, tabSender} from '../../core/protocol.ts';
import {statusRequest, type Countdown, type PendingWriteStatus, type SavedPage} from '../../core/messages.ts';
import {Popup, type PopupView} from './popup.tsx';
import './popup.css';

const app = document.querySelector('#app')!;
const openDashboard = () => {
	void browser.tabs.create({url: browser.runtime.getURL('/dashboard.html')});
	window.close();
};

let countdowns: Countdown[] = [];
let writes: PendingWriteStatus[] = [];
let current: PopupView = {kind: 'loading'};
let tabId: number | undefined;
const scrubRequestKey = 'defuseScrubRequest'; // = entrypoints/page-scrub

/**
 * Copies the tab's page with the people scrubbed out (entrypoints/page-scrub, injected now rather than
 * carried by every content script) and saves it as a file on this machine; says what happened.
 */
async function savePage(): Promise<string> {
	try {
		const status = current.kind === 'status' ? current.status : undefined;
		const request = {helpdesk: status?.helpdesk, missing: status?.state === 'unreadable' ? status.missing : []};
		if (tabId === undefined) {
			return 'Not saved: no tab to copy.';
		}

		const target = {tabId};
		await browser.scripting.executeScript({
			target,
			func: (key: string, value: unknown) => {
				(globalThis as Record<string, unknown>)[key] = value;
			},
			args: [scrubRequestKey, request],
		});
		const [injection] = await browser.scripting.executeScript({target, files: ['/page-scrub.js']});
		const saved = injection?.result as SavedPage | undefined;
		if (!saved?.ok) {
			return `Not saved: ${saved?.error ?? 'the page did not answer; reload it and try again'}.`;
		}

		const link = document.createElement('a');
		link.href = URL.createObjectURL(new Blob([saved.html], {type: 'text/html'}));
		link.download = saved.fileName;
		link.click();
		setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
		return `Saved ${saved.fileName} to your downloads. Look it over, then attach it to a bug report.`;
	} catch (error) {
		return `Not saved: ${String(error)}`;
	}
}

const show = (view: PopupView) => {
	current = view;
	render(
		<Popup
			view={view}
			countdowns={countdowns}
			writes={writes}
			now={Date.now()}
			onOpenDashboard={openDashboard}
			onSavePage={savePage}
			onDismissWrites={ids => void dismissWrites(ids)}
		/>,
		app,
	);
};

// A background that is restarting answers {ok: false}: the lists show next time.
const send = backgroundSender(async request => browser.runtime.sendMessage(request));

async function loadCountdowns(): Promise<void> {
	const response = await send({type: 'countdowns'});
	countdowns = response.ok ? response.countdowns : [];
	show(current);
}

async function loadWrites(): Promise<void> {
	const response = await send({type: 'write-status'});
	writes = response.ok ? response.writes : [];
	show(current);
}

/** Forgets writes the background gave up on; the list shows what is left. */
async function dismissWrites(ids: string[]): Promise<void> {
	const response = await send({type: 'dismiss-writes', ids});
	if (response.ok) {
		writes = response.writes;
		show(current);
	}
}

async function main(): Promise<void> {
	show({kind: 'loading'});
	void loadCountdowns();
	void loadWrites();
	// Tests open the popup as a page and name the tab to look at.
	const requested = Number(new URLSearchParams(location.search).get('tab'));
	const [tab] = requested ? [await browser.tabs.get(requested)] : await browser.tabs.query({active: true, currentWindow: true});
	if (tab?.id === undefined) {
		show({kind: 'no-helpdesk'});
		return;
	}

	const {id} = tab;
	tabId = id;
	const toTab = tabSender(async request => browser.tabs.sendMessage(id, request));
	const status = await toTab(statusRequest);
	show(status ? {kind: 'status', status} : {kind: 'no-helpdesk', url: tab.url}); // None: no Defuse content script in that tab
}

void main();
