import {liveQuery} from 'dexie';
import {useEffect, useState} from 'preact/hooks';
import type {DefuseDb, EventRow, TicketRow} from '../../core/store/db.ts';
import {listTickets, recentEvents} from '../../core/store/reads.ts';
import {formatDateTime} from '../../core/format.ts';

type Loaded = {tickets: TicketRow[]; misses: Array<EventRow<'adapter-miss'>>};

/** Re-renders whenever the background writes (Dexie tells every open page of the extension). */
function useStore(db: DefuseDb): Loaded | undefined {
	const [data, setData] = useState<Loaded>();
	useEffect(() => {
		const subscription = liveQuery(async () => ({
			tickets: await listTickets(db),
			misses: await recentEvents(db, 'adapter-miss', 50),
		})).subscribe({next: setData, error: error => console.error('Defuse dashboard:', error)});
		return () => subscription.unsubscribe();
	}, [db]);
	return data;
}

// A date on its own follows the browser's language and time zone.
const when = (iso: string) => formatDateTime(iso, {locale: navigator.language});

export function TicketTable({tickets}: {tickets: TicketRow[]}) {
	if (tickets.length === 0) {
		return <p class="empty">No tickets yet. Open a ticket in your helpdesk with Defuse installed, and it shows up here.</p>;
	}

	return (
		<div class="table-scroll">
			<table class="tickets">
				<caption>Tickets Defuse has seen, most recent first</caption>
				<thead>
					<tr>
						<th scope="col">Helpdesk</th>
						<th scope="col">Ticket</th>
						<th scope="col">Subject</th>
						<th scope="col">Customer</th>
						<th scope="col">Status</th>
						<th scope="col">Messages</th>
						<th scope="col">Risk</th>
						<th scope="col">Last seen</th>
					</tr>
				</thead>
				<tbody>
					{tickets.map(ticket => (
						<tr key={ticket.key} data-ticket-key={ticket.key}>
							<td>{ticket.helpdesk}</td>
							<td>
								{ticket.url ? (
									<a href={ticket.url} target="_blank" rel="noreferrer">
										#{ticket.ticketId}
									</a>
								) : (
									`#${ticket.ticketId}`
								)}
							</td>
							<td>{ticket.subject ?? ''}</td>
							<td>{ticket.requester?.name ?? ''}</td>
							<td>{ticket.status ?? ''}</td>
							<td data-col="messages">
								{ticket.customerMessages} customer / {ticket.agentMessages} agent
								{ticket.internalNotes > 0 ? ` / ${ticket.internalNotes} internal` : ''}
							</td>
							<td>{ticket.lastLevel ?? ''}</td>
							<td>{when(ticket.lastSeenAt)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

function MissList({misses}: {misses: Array<EventRow<'adapter-miss'>>}) {
	if (misses.length === 0) {
		return null;
	}

	return (
		<section class="misses">
			<h2>Pages Defuse could not read</h2>
			<ul>
				{misses.map(miss => (
					<li key={miss.id}>
						{miss.helpdesk}: {miss.data.url} ({miss.data.part}, {miss.count}x): {miss.data.detail}
					</li>
				))}
			</ul>
		</section>
	);
}

/** The tickets this browser's Defuse has seen, live from the store. */
export function TicketsView({db}: {db: DefuseDb}) {
	const data = useStore(db);
	return data ? (
		<>
			<TicketTable tickets={data.tickets} />
			<MissList misses={data.misses} />
		</>
	) : (
		<p class="empty" role="status">
			Loading…
		</p>
	);
}
