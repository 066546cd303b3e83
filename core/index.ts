// The public core API (design.md section 4). Other code and evaluations import from here.
export type {
	Role,
	Message,
	Requester,
	TicketSnapshot,
	Level,
	Trigger,
	EscalationPath,
	Evidence,
	Signal,
	Suggestion,
	Assessment,
	Observation,
	DefuseEvent,
} from './model.ts';
export {levels, triggers, escalationPaths, ticketKeyOf} from './model.ts';
