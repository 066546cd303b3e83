import type {Message, TicketSnapshot} from './model.ts';
import {isClosingMessage} from './text.ts';

export type ThreadFacts = {
	customerMessages: number;
	agentMessages: number;
	internalNotes: number;
	/** The oldest customer message no public agent reply has answered yet (ISO-8601), if any. */
	unansweredSince?: string | undefined;
	lastCustomerAt?: string | undefined;
};

const isPublic = (message: Message): boolean => !message.internal;

/** Plain counts and waiting facts of a thread, for display; the engine does the judging. */
export function threadFacts(snapshot: Pick<TicketSnapshot, 'messages'>): ThreadFacts {
	let customerMessages = 0;
	let agentMessages = 0;
	let internalNotes = 0;
	let unansweredSince: string | undefined;
	let lastCustomerAt: string | undefined;
	for (const message of snapshot.messages) {
		if (message.internal) {
			internalNotes++;
			continue;
		}

		if (message.role === 'customer') {
			customerMessages++;
			lastCustomerAt = message.at ?? lastCustomerAt;
			// "Thanks, that fixed it" asks for no reply
			if (!isClosingMessage(message.text)) {
				unansweredSince ??= message.at;
			}
		} else if (message.role === 'agent' && isPublic(message)) {
			agentMessages++;
			unansweredSince = undefined;
		}
	}

	return {customerMessages, agentMessages, internalNotes, unansweredSince, lastCustomerAt};
}

/** "3 h 20 min", "2 days 4 h", "12 min": a duration as an agent reads it. */
export function formatDuration(ms: number): string {
	const minutes = Math.max(0, Math.floor(ms / 60_000));
	if (minutes < 60) {
		return `${minutes} min`;
	}

	const hours = Math.floor(minutes / 60);
	if (hours < 48) {
		const rest = minutes % 60;
		return rest > 0 && hours < 10 ? `${hours} h ${rest} min` : `${hours} h`;
	}

	const days = Math.floor(hours / 24);
	const restHours = hours % 24;
	return restHours > 0 ? `${days} days ${restHours} h` : `${days} days`;
}
