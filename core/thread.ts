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
