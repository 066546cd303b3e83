// @vitest-environment happy-dom
import {cleanup, fireEvent, render, screen} from '@testing-library/preact';
import {afterEach, expect, test, vi} from 'vitest';
import type {TabStatus} from '../../core/messages.ts';
import {Popup} from './popup.tsx';

afterEach(cleanup);

const unreadable: TabStatus = {
	state: 'unreadable',
	helpdesk: 'freshdesk',
	helpdeskName: 'Freshdesk',
	missing: ['item', 'body'],
	detail: 'The page does not have the parts Defuse reads.',
};
const ticket: TabStatus = {
	state: 'ticket',
	helpdesk: 'front',
	helpdeskName: 'Front',
	ticketId: 'cnv_1',
	customerMessages: 2,
	agentMessages: 1,
	internalNotes: 0,
};

test('cannot read: the parts that failed, and a scrubbed copy saved on request with the outcome shown', async () => {
	const onSavePage = vi.fn(async () => 'Saved defuse-freshdesk.html to your downloads.');
	render(<Popup view={{kind: 'status', status: unreadable}} onOpenDashboard={() => undefined} onSavePage={onSavePage} />);
	expect(screen.getByTestId('popup-title').textContent).toBe('Defuse cannot read this page');
	expect([...screen.getByTestId('popup-missing').querySelectorAll('li')].map(item => item.textContent)).toEqual(['item', 'body']);
	fireEvent.click(screen.getByRole('button', {name: 'Save this page for a bug report'}));
	expect((await screen.findByTestId('save-page-result')).textContent).toBe('Saved defuse-freshdesk.html to your downloads.');
	expect(onSavePage).toHaveBeenCalledTimes(1);
});

test('no helpdesk: the helpdesks the registry names (not the demo, not custom sites), in its order', () => {
	render(<Popup view={{kind: 'no-helpdesk'}} onOpenDashboard={() => undefined} />);
	expect(screen.getByTestId('popup-title').textContent).toBe('Not a helpdesk Defuse knows');
	expect(screen.getByTestId('popup-detail').textContent).toBe(
		'Defuse runs on Zendesk, Freshdesk, Help Scout, Intercom, Front, Zammad, FreeScout, Chatwoot and osTicket pages, and on domains you add in the options.',
	);
});

test('a ticket read in part: the messages of unknown authorship are named and the report is offered; a clean read offers nothing', () => {
	const {unmount} = render(
		<Popup
			view={{kind: 'status', status: {...ticket, unknownMessages: 3}}}
			onOpenDashboard={() => undefined}
			onSavePage={async () => ''}
		/>,
	);
	expect(screen.getByTestId('popup-detail').textContent).toBe(
		'Read 2 customer and 1 agent messages. 3 messages do not show who wrote them: left out of the tone signals.',
	);
	expect(screen.getByRole('button', {name: 'Save this page for a bug report'})).toBeDefined();
	unmount();
	render(<Popup view={{kind: 'status', status: ticket}} onOpenDashboard={() => undefined} onSavePage={async () => ''} />);
	expect(screen.queryByRole('button', {name: 'Save this page for a bug report'})).toBeNull();
});

test('read from the API alone: says so', () => {
	render(
		<Popup
			view={{kind: 'status', status: {...ticket, helpdeskName: 'Freshdesk', fromApi: true}}}
			onOpenDashboard={() => undefined}
			onSavePage={async () => ''}
		/>,
	);
	expect(screen.getByTestId('popup-detail').textContent).toBe(
		'Read 2 customer and 1 agent messages from the Freshdesk API (the page itself could not be read).',
	);
});
