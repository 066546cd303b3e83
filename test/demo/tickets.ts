// Invented customers and conversations for the demo helpdesk. Times are relative to "now" so that a
// long-waiting ticket is always long-waiting, whenever the demo starts.

export type DemoRole = 'end-user' | 'agent' | 'internal';

export type DemoMessage = {
	id: string;
	type: DemoRole;
	author: string;
	/** Minutes before the demo started. */
	minutesAgo: number;
	/** Paragraphs; a paragraph starting with "> " is quoted history. */
	body: string[];
};

export type DemoTicket = {
	id: string;
	subject: string;
	status: 'new' | 'open' | 'pending' | 'hold' | 'solved';
	priority: 'low' | 'normal' | 'high' | 'urgent';
	requester: {id: string; name: string; email: string};
	assignee: string;
	group: string;
	tags: string[];
	channel: 'email' | 'web' | 'chat';
	/** What this ticket shows in the demo: calm, angry, long-waiting, repeat-contact... */
	kind: string;
	messages: DemoMessage[];
	/** Customer messages the demo sends while the page is open (seconds after the page opens). */
	live?: Array<{afterSeconds: number; author: string; body: string[]}>;
};

const hour = 60;
const day = 24 * hour;

export const demoTickets: DemoTicket[] = [
	{
		id: '1001',
		kind: 'calm',
		subject: "How do I export last quarter's invoices?",
		status: 'open',
		priority: 'low',
		requester: {id: 'u-201', name: 'Priya Natarajan', email: 'priya.natarajan@example.com'},
		assignee: 'Sam Okafor',
		group: 'Billing',
		tags: ['invoices', 'export'],
		channel: 'email',
		messages: [
			{
				id: 'c-10011',
				type: 'end-user',
				author: 'Priya Natarajan',
				minutesAgo: 5 * hour,
				body: [
					'Hello,',
					'our accountant needs the invoices for July to September as one file. Is there a way to export them all at once?',
					'Thanks a lot,',
					'Priya',
				],
			},
			{
				id: 'c-10012',
				type: 'agent',
				author: 'Sam Okafor',
				minutesAgo: 4 * hour,
				body: [
					'Hi Priya,',
					'yes: open Billing > Invoices, choose the date range and click "Export as ZIP". Each invoice comes as a PDF.',
					'Best,',
					'Sam',
				],
			},
			{
				id: 'c-10013',
				type: 'end-user',
				author: 'Priya Natarajan',
				minutesAgo: 3 * hour,
				body: ['That worked perfectly, no problem at all. Thank you for the quick answer!'],
			},
		],
	},
	{
		id: '1002',
		kind: 'angry',
		subject: 'Charged twice for my annual plan',
		status: 'open',
		priority: 'high',
		requester: {id: 'u-202', name: 'Marcus Feld', email: 'marcus.feld@example.net'},
		assignee: 'Dana Whitfield',
		group: 'Billing',
		tags: ['billing', 'double-charge', 'refund'],
		channel: 'email',
		messages: [
			{
				id: 'c-10021',
				type: 'end-user',
				author: 'Marcus Feld',
				minutesAgo: 2 * day,
				body: ['Hi, I renewed my annual plan yesterday and my card was charged twice ($480 each). Please refund the duplicate.'],
			},
			{
				id: 'c-10022',
				type: 'agent',
				author: 'Dana Whitfield',
				minutesAgo: 2 * day - 3 * hour,
				body: ['Hello Marcus, thanks for reaching out. Refunds are processed per our policy within 10 business days.'],
			},
			{
				id: 'c-10023',
				type: 'internal',
				author: 'Dana Whitfield',
				minutesAgo: 2 * day - 3 * hour + 5,
				body: ['Payments shows two captures. Asked finance whether we can speed this up.'],
			},
			{
				id: 'c-10024',
				type: 'end-user',
				author: 'Marcus Feld',
				minutesAgo: day,
				body: ['10 business days?? You took $960 from me in one second and I have to wait two weeks for my own money. That is ridiculous.'],
			},
			{
				id: 'c-10025',
				type: 'agent',
				author: 'Dana Whitfield',
				minutesAgo: day - 2 * hour,
				body: ['I understand, but as I said, there is nothing I can do to speed up the refund.'],
			},
			{
				id: 'c-10026',
				type: 'end-user',
				author: 'Marcus Feld',
				minutesAgo: 90,
				body: [
					'This is UNACCEPTABLE. I want to speak to a manager today. If the money is not back by Friday I will file a chargeback with my bank and leave a review everywhere I can!!!',
					'> On Tuesday, Dana Whitfield wrote:',
					'> Refunds are processed per our policy within 10 business days.',
				],
			},
		],
	},
	{
		id: '1003',
		kind: 'long-waiting',
		subject: 'Order #55821 never arrived',
		status: 'open',
		priority: 'normal',
		requester: {id: 'u-203', name: 'Ines Carvalho', email: 'ines.carvalho@example.org'},
		assignee: 'Sam Okafor',
		group: 'Shipping',
		tags: ['shipping', 'lost-parcel'],
		channel: 'web',
		messages: [
			{
				id: 'c-10031',
				type: 'end-user',
				author: 'Ines Carvalho',
				minutesAgo: 31 * hour,
				body: [
					'Hello, my order #55821 was supposed to arrive last Monday. Tracking has not moved for six days. Could you check with the carrier please?',
				],
			},
			{
				id: 'c-10032',
				type: 'end-user',
				author: 'Ines Carvalho',
				minutesAgo: 7 * hour,
				body: ['Hi again, any news? It was a birthday present and the party is on Saturday.'],
			},
		],
		live: [{afterSeconds: 40, author: 'Ines Carvalho', body: ['Still no answer after more than a day. Is anyone reading these messages?']}],
	},
	{
		id: '1004',
		kind: 'repeat-contact',
		subject: 'Calendar sync broken again',
		status: 'open',
		priority: 'normal',
		requester: {id: 'u-204', name: 'Tomasz Wrona', email: 'tomasz.wrona@example.com'},
		assignee: 'Lea Brandt',
		group: 'Tier 1',
		tags: ['sync', 'calendar', 'repeat'],
		channel: 'email',
		messages: [
			{
				id: 'c-10041',
				type: 'end-user',
				author: 'Tomasz Wrona',
				minutesAgo: 20 * hour,
				body: [
					'This is the third time I am writing about this. Calendar sync stopped again after your update, exactly like in March and again two weeks ago.',
					'As I already said in my last two tickets, I have reinstalled the app and reconnected the account. It is still not fixed.',
				],
			},
			{
				id: 'c-10042',
				type: 'agent',
				author: 'Lea Brandt',
				minutesAgo: 18 * hour,
				body: ['Hi Tomasz, have you tried reinstalling the app and reconnecting your calendar account?'],
			},
			{
				id: 'c-10043',
				type: 'end-user',
				author: 'Tomasz Wrona',
				minutesAgo: 16 * hour,
				body: ['Did you even read my message? Yes. Twice. Great, another week without a working calendar.'],
			},
		],
	},
	{
		id: '1005',
		kind: 'churn',
		subject: 'Cancel our team account',
		status: 'open',
		priority: 'urgent',
		requester: {id: 'u-205', name: 'Helen Achterberg', email: 'helen@achterberg-design.example'},
		assignee: 'Dana Whitfield',
		group: 'Accounts',
		tags: ['cancellation', 'team-plan'],
		channel: 'email',
		messages: [
			{
				id: 'c-10051',
				type: 'end-user',
				author: 'Helen Achterberg',
				minutesAgo: 6 * hour,
				body: [
					'We have had three outages this month during client presentations. I am done. Please cancel our team account (14 seats) at the end of the billing period; we are moving to another provider.',
					'If the pro-rated refund is refused again, our lawyer will be in touch.',
					'--',
					'Helen Achterberg',
					'Achterberg Design Studio',
					'Sent from my iPhone',
				],
			},
		],
	},
	{
		id: '1006',
		kind: 'miscommunication',
		subject: 'Wrong size sent, need exchange not refund',
		status: 'pending',
		priority: 'normal',
		requester: {id: 'u-206', name: 'Kwame Mensah', email: 'kwame.mensah@example.com'},
		assignee: 'Lea Brandt',
		group: 'Returns',
		tags: ['returns', 'exchange'],
		channel: 'chat',
		messages: [
			{
				id: 'c-10061',
				type: 'end-user',
				author: 'Kwame Mensah',
				minutesAgo: 9 * hour,
				body: ['Hi, I received the jacket in M but ordered L. I would like to exchange it for an L, please.'],
			},
			{
				id: 'c-10062',
				type: 'agent',
				author: 'Lea Brandt',
				minutesAgo: 8 * hour,
				body: ['Hi Kwame, I have started your refund; you will see the money within 5 days.'],
			},
			{
				id: 'c-10063',
				type: 'end-user',
				author: 'Kwame Mensah',
				minutesAgo: 7 * hour,
				body: [
					'No, I did not ask for a refund. I asked for an EXCHANGE. I still want the jacket, just in the right size. That is not what I said at all.',
				],
			},
		],
	},
	{
		id: '1007',
		kind: 'near-breach',
		subject: 'Checkout fails with error 502',
		status: 'new',
		priority: 'urgent',
		requester: {id: 'u-207', name: 'Sofia Lindqvist', email: 'sofia@lindqvist-ceramics.example'},
		assignee: 'Sam Okafor',
		group: 'Tier 1',
		tags: ['checkout', 'error'],
		channel: 'web',
		messages: [
			{
				id: 'c-10071',
				type: 'end-user',
				author: 'Sofia Lindqvist',
				minutesAgo: 20,
				body: [
					'Hi, since this morning our shop checkout shows "502 Bad Gateway" after the payment step. Customers cannot complete orders. Could you look into it?',
				],
			},
		],
	},
];

/** Earlier, solved tickets of the repeat-contact requester, shown on the list page. */
export const solvedHistory = [
	{id: '0931', subject: 'Calendar not syncing after update', requesterId: 'u-204', minutesAgo: 75 * day},
	{id: '0988', subject: 'Sync stopped again', requesterId: 'u-204', minutesAgo: 14 * day},
];
