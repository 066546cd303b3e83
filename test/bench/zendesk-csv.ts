// A Zendesk ticket CSV export of any size, invented row by row and written as a stream (the bench's
// big inputs: 100 MB is about 600,000 tickets). Columns as Zendesk's export writes them.
import {createWriteStream} from 'node:fs';
import {once} from 'node:events';

const header = [
	'Id',
	'Requester',
	'Requester id',
	'Requester email',
	'Assignee',
	'Group',
	'Subject',
	'Tags',
	'Status',
	'Priority',
	'Via',
	'Ticket type',
	'Created at',
	'Updated at',
	'Solved at',
	'Satisfaction Score',
	'Replies',
	'Reopens',
	'First reply time in minutes',
	'First reply time in minutes within business hours',
	'First resolution time in minutes',
	'First resolution time in minutes within business hours',
	'Full resolution time in minutes',
	'Full resolution time in minutes within business hours',
].join(',');

const agents = [
	'Ana Ruiz',
	'Ben Okafor',
	'Chloé Martin',
	'Dev Patel',
	'Emma Larsen',
	'Farid Haddad',
	'Grace Kim',
	'Hugo Silva',
	'Ines Costa',
	'Jonas Berg',
	'Kemal Aydın',
	'Lena Vogel',
];
const groups = ['Billing', 'Technical', 'Frontline', 'Accounts'];
const subjects = [
	'Charged twice for my subscription',
	'Cannot log in after password reset',
	'Export to CSV is empty',
	'Invoice shows the wrong address',
	'App crashes when uploading photos',
	'Refund still not received',
	'How do I add a team member',
	'Sync stopped working on mobile',
	'Order arrived damaged',
	'Please cancel my account',
	'Two-factor code never arrives',
	'Report totals do not match',
];
const vias = ['Mail', 'Web form', 'Chat', 'Phone call (incoming)', 'API', 'Messaging'];
const priorities = ['Low', 'Normal', 'Normal', 'High', 'Urgent'];
const satisfaction = ['', '', '', 'Offered', 'Offered', '5', '5', '4', '4', '3', '2', '1', 'Unoffered'];

function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const pad = (value: number) => String(value).padStart(2, '0');
const stamp = (ms: number) => {
	const date = new Date(ms);
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
};

/** One export row per ticket, tickets spread over `days` days before `end`. */
export function* zendeskRows(tickets: number, options: {seed?: number; days?: number; end?: number} = {}): Generator<string> {
	const random = seeded(options.seed ?? 16);
	const days = options.days ?? 365;
	const end = options.end ?? Date.UTC(2026, 5, 30, 23, 59);
	const start = end - days * 86_400_000;
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	yield header;
	for (let index = 0; index < tickets; index++) {
		const created = start + Math.floor((index / tickets) * (end - start)) + Math.floor(random() * 60_000);
		const solved = random() < 0.85;
		const firstReply = Math.floor(random() * random() * 1440);
		const resolution = firstReply + Math.floor(random() * random() * 7200);
		const solvedAt = created + resolution * 60_000;
		const status = !solved || solvedAt > end ? (random() < 0.5 ? 'Open' : 'Pending') : random() < 0.6 ? 'Closed' : 'Solved';
		const done = status === 'Closed' || status === 'Solved';
		const requester = 100_000 + Math.floor(random() * tickets * 0.6);
		const subject = pick(subjects);
		yield [
			String(1_000_000 + index),
			`Customer ${requester}`,
			String(requester),
			`customer${requester}@example.org`,
			pick(agents),
			pick(groups),
			random() < 0.1 ? `"${subject}, again"` : subject,
			'billing refund',
			status,
			pick(priorities),
			pick(vias),
			'question',
			stamp(created),
			stamp(done ? solvedAt : created),
			done ? stamp(solvedAt) : '',
			done ? pick(satisfaction) : '',
			String(Math.floor(random() * 5)),
			String(random() < 0.1 ? 1 : 0),
			String(firstReply),
			String(Math.floor(firstReply * 0.7)),
			done ? String(resolution) : '',
			done ? String(Math.floor(resolution * 0.6)) : '',
			done ? String(resolution) : '',
			done ? String(Math.floor(resolution * 0.6)) : '',
		].join(',');
	}
}

/** Writes the export to `path`; returns its size in bytes. */
export async function writeZendeskCsv(path: string, tickets: number, options: {seed?: number; days?: number} = {}): Promise<number> {
	const out = createWriteStream(path);
	let bytes = 0;
	let batch: string[] = [];
	for (const row of zendeskRows(tickets, options)) {
		batch.push(row);
		if (batch.length === 2000) {
			const text = `${batch.join('\n')}\n`;
			bytes += Buffer.byteLength(text);
			if (!out.write(text)) {
				await once(out, 'drain');
			}

			batch = [];
		}
	}

	const text = batch.length > 0 ? `${batch.join('\n')}\n` : '';
	bytes += Buffer.byteLength(text);
	out.end(text);
	await once(out, 'finish');
	return bytes;
}
