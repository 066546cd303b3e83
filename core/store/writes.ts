// The only code that writes to the store. Every write is an idempotent upsert keyed by content,
// so viewing the same ticket twice (or a retried message after a killed service worker) never
// duplicates anything, and each write is one transaction: all of it lands or none of it.
import {contentHashOf, hashString} from '../hash.ts';
import type {AssessmentSummary, DeadlineSummary} from '../messages.ts';
import {levels, requesterKeyOf, ticketKeyOf, type AdapterMissPart, type AgentAction, type TicketSnapshot} from '../model.ts';
import type {DefuseDb, EventRow, MessageRow, TicketRow} from './db.ts';

function hostOf(url: string | undefined): string {
	try {
		return url ? new URL(url).hostname : '';
	} catch {
		return '';
	}
}

export function messageKeysOf(ticketKey: string, snapshot: TicketSnapshot): string[] {
	const seen = new Map<string, number>();
	return snapshot.messages.map(message => {
		const base = message.id ?? hashString(`${message.role}|${message.at ?? ''}|${message.text}`);
		const occurrence = seen.get(base) ?? 0;
		seen.set(base, occurrence + 1);
		return `${ticketKey}#${base}${occurrence > 0 ? `~${occurrence}` : ''}`;
	});
}

export type ObserveResult = {ticketKey: string; observationId: string; created: boolean};

export async function recordObservation(
	db: DefuseDb,
	snapshot: TicketSnapshot,
	assessment: AssessmentSummary | undefined,
	now: Date,
	deadline?: DeadlineSummary,
): Promise<ObserveResult> {
	const at = now.toISOString();
	const ticketKey = ticketKeyOf(snapshot);
	const host = hostOf(snapshot.url);
	const contentHash = contentHashOf(snapshot);
	const observationId = `${ticketKey}@${contentHash}`;
	const keys = messageKeysOf(ticketKey, snapshot);

	return db.transaction('rw', [db.tickets, db.messages, db.observations, db.events], async () => {
		const previous = await db.tickets.get(ticketKey);
		// A flag is raised when the level rises above what this ticket last showed; the metrics measure
		// how well flags precede escalations, so one per rise, keyed by content to survive repeats.
		if (assessment && levels.indexOf(assessment.level) > levels.indexOf(previous?.lastLevel ?? 'none')) {
			const flagId = `flag-raised:${ticketKey}@${contentHash}`;
			if (!(await db.events.get(flagId))) {
				const flag: EventRow<'flag-raised'> = {
					id: flagId,
					type: 'flag-raised',
					ticketKey,
					helpdesk: snapshot.helpdesk,
					at,
					count: 1,
					data: {level: assessment.level, score: assessment.score, signalIds: assessment.signalIds},
				};
				await db.events.add(flag);
			}
		}

		const ticket: TicketRow = {
			key: ticketKey,
			helpdesk: snapshot.helpdesk,
			ticketId: snapshot.ticketId,
			host,
			url: snapshot.url,
			subject: snapshot.subject,
			status: snapshot.status,
			priority: snapshot.priority,
			requester: snapshot.requester,
			requesterKey: requesterKeyOf(snapshot),
			assignee: snapshot.assignee,
			group: snapshot.group,
			tags: snapshot.tags,
			createdAt: snapshot.createdAt ?? previous?.createdAt,
			firstSeenAt: previous?.firstSeenAt ?? at,
			lastSeenAt: at,
			messageCount: snapshot.messages.length,
			customerMessages: snapshot.messages.filter(message => message.role === 'customer' && !message.internal).length,
			agentMessages: snapshot.messages.filter(message => message.role === 'agent' && !message.internal).length,
			internalNotes: snapshot.messages.filter(message => message.internal).length,
			lastLevel: assessment?.level ?? previous?.lastLevel,
			lastScore: assessment?.score ?? previous?.lastScore,
			replyDueAt: deadline?.breachAt,
			lastTrigger: assessment?.trigger ?? previous?.lastTrigger,
		};
		await db.tickets.put(ticket);

		// The timeline the metrics need, as far as a page shows it: status, assignee and group changes
		// seen between two visits, and the reply targets and breaches the SLA clock found.
		const changes: EventRow[] = [];
		const seen = (type: string) => ({id: `${type}:${ticketKey}@${contentHash}`, ticketKey, helpdesk: snapshot.helpdesk, at, count: 1});
		if (previous && previous.status !== snapshot.status) {
			changes.push({
				...seen('status-change'),
				type: 'status-change',
				data: {status: snapshot.status ?? null, from: previous.status ?? null},
			});
		}

		if (previous && previous.assignee !== snapshot.assignee) {
			changes.push({...seen('assign'), type: 'assign', data: {agent: snapshot.assignee ?? null, from: previous.assignee ?? null}});
		}

		if (previous && previous.group !== snapshot.group) {
			changes.push({...seen('group-change'), type: 'group-change', data: {group: snapshot.group ?? null, from: previous.group ?? null}});
		}

		if (deadline) {
			const id = `${ticketKey}:${deadline.metric}:${deadline.since}`;
			changes.push({
				id: `sla-target:${id}`,
				type: 'sla-target',
				ticketKey,
				helpdesk: snapshot.helpdesk,
				at: deadline.since,
				count: 1,
				data: {metric: deadline.metric, targetMinutes: deadline.targetMinutes},
			});
			if (deadline.breachAt && Date.parse(deadline.breachAt) <= now.getTime()) {
				changes.push({
					id: `sla-breach:${id}`,
					type: 'sla-breach',
					ticketKey,
					helpdesk: snapshot.helpdesk,
					at: deadline.breachAt,
					count: 1,
					data: {metric: deadline.metric},
				});
			}
		}

		const known = new Set((await db.events.bulkGet(changes.map(event => event.id))).flatMap(event => (event ? [event.id] : [])));
		await db.events.bulkAdd(changes.filter(event => !known.has(event.id)));

		const existing = await db.messages.bulkGet(keys);
		// The thread as the helpdesk shows it now is the truth: a message deleted or redacted there (a
		// card number removed) leaves the store in this same transaction. Only from the first message still
		// shown onwards, though: a page may leave older messages unrendered ("+3 conversations", "load
		// earlier"), and those are hidden, not deleted.
		const current = new Set(keys);
		const shownBefore = existing.flatMap(row => (row ? [row.position] : []));
		const firstShown = shownBefore.length > 0 ? Math.min(...shownBefore) : Number.POSITIVE_INFINITY;
		const gone = (await db.messages.where('ticketKey').equals(ticketKey).toArray())
			.filter(row => !current.has(row.key) && row.position > firstShown)
			.map(row => row.key);
		const rows: MessageRow[] = snapshot.messages.map((message, position) => ({
			...message,
			key: keys[position] ?? '',
			ticketKey,
			position,
			firstSeenAt: existing[position]?.firstSeenAt ?? at,
		}));
		await db.messages.bulkPut(rows);
		await db.messages.bulkDelete(gone);

		const observation = await db.observations.get(observationId);
		if (observation) {
			await db.observations.update(observationId, {lastSeenAt: at, seenCount: observation.seenCount + 1});
			return {ticketKey, observationId, created: false};
		}

		await db.observations.add({
			id: observationId,
			ticketKey,
			helpdesk: snapshot.helpdesk,
			contentHash,
			firstSeenAt: at,
			lastSeenAt: at,
			seenCount: 1,
			messageCount: snapshot.messages.length,
			level: assessment?.level,
			score: assessment?.score,
			signalIds: assessment?.signalIds,
		});
		return {ticketKey, observationId, created: true};
	});
}

/** Records that an adapter could not read a page; repeats on the same day count up instead of piling up. */
export async function recordAdapterMiss(
	db: DefuseDb,
	miss: {helpdesk: string; url: string; part: AdapterMissPart; detail: string},
	now: Date,
): Promise<EventRow<'adapter-miss'>> {
	let page = miss.url;
	try {
		const url = new URL(miss.url);
		page = `${url.origin}${url.pathname}`;
	} catch {}

	const id = `adapter-miss:${miss.helpdesk}:${page}:${miss.part}:${now.toISOString().slice(0, 10)}`;
	return db.transaction('rw', db.events, async () => {
		const previous = await db.events.get(id);
		const row: EventRow<'adapter-miss'> = {
			id,
			type: 'adapter-miss',
			helpdesk: miss.helpdesk,
			at: previous?.at ?? now.toISOString(),
			count: (previous?.count ?? 0) + 1,
			data: {url: page, part: miss.part, detail: miss.detail, lastAt: now.toISOString()},
		};
		await db.events.put(row);
		return row;
	});
}

/** An agent's action as its stored event: the action's fields but its type and ticket are the event's data. */
function actionEvent(id: string, action: AgentAction, now: Date): EventRow {
	const base = {id, ticketKey: action.ticketKey, helpdesk: action.ticketKey.split(':')[0], at: now.toISOString(), count: 1};
	switch (action.type) {
		case 'feedback': {
			const {type, ticketKey: _ticketKey, ...data} = action;
			return {...base, type, data};
		}

		case 'snooze': {
			const {type, ticketKey: _ticketKey, ...data} = action;
			return {...base, type, data};
		}

		case 'escalated': {
			const {type, ticketKey: _ticketKey, ...data} = action;
			return {...base, type, data};
		}

		case 'template-inserted': {
			const {type, ticketKey: _ticketKey, ...data} = action;
			return {...base, type, data};
		}
	}
}

/** Stores an agent's action once, however often the message is retried. */
export async function recordAgentAction(db: DefuseDb, actionId: string, action: AgentAction, now: Date): Promise<{created: boolean}> {
	const id = `${action.type}:${actionId}`;
	return db.transaction('rw', db.events, async () => {
		if (await db.events.get(id)) {
			return {created: false};
		}

		await db.events.add(actionEvent(id, action, now));
		return {created: true};
	});
}
