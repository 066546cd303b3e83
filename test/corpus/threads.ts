// Invented conversations with human labels: would a team lead want this flagged as heading for an
// escalation (escalate), and what triggered it. Messages: 'c:' customer, 'a:' agent, 'n:' internal
// note, 's:' system. All invented by the team: a regression suite, not a measure of quality.
import type {Message, TicketSnapshot, Trigger} from '../../core/model.ts';

export type LabelledThread = {id: string; ticket: TicketSnapshot; escalate: boolean; trigger?: Trigger | undefined};

type Row = {escalate: boolean; trigger?: Trigger; subject: string; messages: string[]};

const rows: Row[] = [
	{
		escalate: true,
		trigger: 'long-wait',
		subject: 'Refund not received',
		messages: [
			'c:Hi, I returned the jacket two weeks ago and still no refund.',
			'a:Sorry about that, I have asked finance to check.',
			'c:It has been another week. Still nothing. This is ridiculous.',
			'a:Finance is still looking into it.',
			'c:Third time asking. I want to speak to a manager or I will dispute the charge with my bank.',
		],
	},
	{
		escalate: false,
		subject: 'Change of address',
		messages: ['c:Hi, I moved, can you update my delivery address?', 'a:Done! Anything else?', 'c:No, that is all, thanks a lot!'],
	},
	{
		escalate: true,
		trigger: 'poor-quality',
		subject: 'App crashes',
		messages: [
			'c:The app crashes every time I open the camera.',
			'a:Could you reinstall it?',
			'c:Reinstalled. Still crashing.',
			'a:Please clear the cache and try again.',
			'c:Same problem again. This is the third fix that does not work. I am switching to a competitor.',
		],
	},
	{
		escalate: false,
		subject: 'Invoice copy',
		messages: ['c:Could you send me the invoice for March?', 'a:Sure, attached.', 'c:Perfect, thank you.'],
	},
	{
		escalate: true,
		trigger: 'frontline-response',
		subject: 'Rude agent',
		messages: [
			'c:The agent on the phone yesterday was rude and hung up on me.',
			'a:I am sorry to hear that.',
			'c:Sorry is not enough. Nobody listens. Your colleague clearly did not read my ticket. I want a supervisor.',
		],
	},
	{
		escalate: false,
		subject: 'Password reset',
		messages: [
			'c:I cannot reset my password, the email does not arrive.',
			'a:I have sent it again, please check spam.',
			'c:Found it in spam, works now. No problem at all!',
		],
	},
	{
		escalate: true,
		trigger: 'rigid-policy',
		subject: 'Return refused',
		messages: [
			'c:I want to return an unopened blender, 32 days after purchase.',
			'a:Per our policy, returns are only accepted within 30 days.',
			'c:Two days late for an unopened item? That policy is ridiculous.',
			'a:Unfortunately I cannot make an exception.',
			'c:Then I am done with your store and I will leave a review on Trustpilot so others know.',
		],
	},
	{
		escalate: false,
		subject: 'Feature question',
		messages: ['c:Does the Pro plan include API access?', 'a:Yes, with 10k calls a month.', 'c:Great, thanks!'],
	},
	{
		escalate: true,
		trigger: 'miscommunication',
		subject: 'Wrong answer',
		messages: [
			'c:I asked how to export invoices as CSV.',
			'a:To change your billing plan, go to Settings > Plan.',
			'c:That is not what I asked. I asked about exporting invoices.',
			'a:You can upgrade to get more invoices.',
			'c:You clearly did not read my message. How many times do I have to explain this?',
		],
	},
	{
		escalate: false,
		subject: 'Late delivery',
		messages: [
			'c:My parcel is a day late, any news?',
			'a:The courier had a delay, it arrives tomorrow.',
			'c:Ok, no worries, thanks for checking.',
		],
	},
	{
		escalate: true,
		trigger: 'long-wait',
		subject: 'No response',
		messages: [
			'c:Hello, my account is locked and I cannot work.',
			'c:Any update? It has been two days.',
			'c:Still waiting. Nobody has replied to my three emails. This is unacceptable.',
		],
	},
	{
		escalate: false,
		subject: 'Polite complaint',
		messages: [
			'c:I would appreciate it if you could look into the slow dashboard, it takes a minute to load.',
			'a:Thanks for flagging, our team is on it.',
			'c:Thank you, I appreciate the update.',
		],
	},
	{
		escalate: true,
		trigger: 'poor-quality',
		subject: 'Broken on arrival',
		messages: [
			'c:The TV arrived with a cracked screen.',
			'a:Sorry! We will send a replacement.',
			'c:The replacement is also broken. Unbelievable. I want a full refund and I am cancelling my membership.',
		],
	},
	{
		escalate: false,
		subject: 'Cancel order',
		messages: ['c:I ordered the wrong colour, can I cancel the order and reorder?', 'a:Cancelled, you can reorder now.', 'c:Thanks, done.'],
	},
	{
		escalate: true,
		trigger: 'rigid-policy',
		subject: 'Late fee',
		messages: [
			'c:Why was I charged a late fee? The payment failed on your side.',
			'a:According to our terms, late fees apply to all failed payments.',
			'c:So I pay for your error? I am contacting my lawyer.',
		],
	},
	{
		escalate: false,
		subject: 'Quoted angry history',
		messages: [
			'c:Thanks, the refund arrived.\n\nOn Mon, 2 Mar 2026, Dana <dana@example.com> wrote:\n> This is the third time! I will sue you!',
			'a:Glad it arrived. Have a nice day!',
		],
	},
	{
		escalate: true,
		trigger: 'frontline-response',
		subject: 'Copy paste answers',
		messages: [
			'c:My sync is broken since the update.',
			'a:Please restart the app.',
			'c:I did. It is still broken.',
			'a:Please restart the app and check your connection.',
			'c:Another canned response. Are you even reading what I write? Useless support.',
		],
	},
	{
		escalate: false,
		subject: 'Upgrade',
		messages: ['c:How do I upgrade to the annual plan?', 'a:Go to Billing > Change plan.', 'c:Got it, thank you!'],
	},
	{
		escalate: true,
		trigger: 'long-wait',
		subject: 'Urgent outage',
		messages: [
			'c:URGENT: our online shop is down, customers cannot pay!',
			'c:Hello?? We are losing money every hour.',
			'c:Nobody answers. If this is not fixed today we are moving to another provider.',
		],
	},
	{
		escalate: false,
		subject: 'Sarcasm-free thanks',
		messages: [
			'c:The export fails with error 500.',
			'a:Fixed on our side, please try again.',
			'c:Works perfectly now, you are a lifesaver :)',
		],
	},
	{
		escalate: true,
		trigger: 'poor-quality',
		subject: 'Sarcastic',
		messages: [
			'c:The update deleted all my notes.',
			'a:We are looking into it.',
			'c:Oh great. Two days and still no fix. Thanks for nothing.',
		],
	},
	{
		escalate: false,
		subject: 'Negated churn',
		messages: [
			"c:I don't want to cancel my subscription, I just want to pause it for the summer.",
			'a:You can pause it in Settings.',
			'c:Perfect, thanks.',
		],
	},
	{
		escalate: true,
		trigger: 'miscommunication',
		subject: 'Conflicting info',
		messages: [
			'c:Your colleague told me the upgrade was free, now I see a charge.',
			'a:The upgrade has always been paid.',
			'c:I was told something else. You contradict each other. I want this escalated to someone who can decide.',
		],
	},
	{
		escalate: false,
		subject: 'Simple bug',
		messages: [
			'c:The date picker jumps to 1970 when I type a date.',
			'a:Thanks, we logged the bug and will fix it in the next release.',
			'c:Great, thanks for the quick answer.',
		],
	},
	{
		escalate: true,
		trigger: 'rigid-policy',
		subject: 'Refund refused',
		messages: [
			'c:I cancelled within an hour but you refuse to refund the annual plan?',
			'a:Per our policy all sales are final.',
			'c:That is not allowed under consumer law. I will report you to consumer protection.',
		],
	},
	{
		escalate: false,
		subject: 'Internal note only',
		messages: [
			'c:Hi, could you confirm my booking for Friday?',
			'n:Customer was angry last year, threatened legal action, be careful',
			'a:Confirmed for Friday at 10.',
			'c:Thank you!',
		],
	},
	{
		escalate: true,
		trigger: 'long-wait',
		subject: 'Repeated follow-ups',
		messages: [
			'c:When will my replacement ship?',
			'a:Next week.',
			'c:It is next week. Any update?',
			'a:Checking with the warehouse.',
			'c:Weeks later and still nothing. I have asked four times.',
			'a:Still checking.',
			'c:This is a joke. Cancel my order and refund me.',
		],
	},
	{
		escalate: false,
		subject: 'Mild disappointment',
		messages: [
			'c:A bit disappointed the colour looks different from the photo, but it is fine.',
			'a:Sorry about that! Would you like a discount code for next time?',
			'c:That is kind, thank you.',
		],
	},
	{
		escalate: true,
		trigger: 'frontline-response',
		subject: 'Insults',
		messages: [
			'c:Your agent told me to calm down. Who does he think he is?',
			'a:I apologise for that.',
			'c:You people are incompetent. Get me your boss.',
		],
	},
	{
		escalate: false,
		subject: 'Status check',
		messages: [
			'c:Just checking on my ticket from Monday, no rush.',
			'a:It is with our tech team, expect news by Thursday.',
			'c:Ok, thanks!',
		],
	},
	{
		escalate: true,
		trigger: 'poor-quality',
		subject: 'Data loss',
		messages: [
			'c:Since your update, our invoices are missing from the system.',
			'a:We are investigating.',
			'c:This is critical, we cannot bill our customers. It is the second outage this month. Escalate this now.',
		],
	},
	{
		escalate: false,
		subject: 'Spanish thanks',
		messages: ['c:Hola, ¿pueden enviarme la factura de abril?', 'a:Claro, adjunta.', 'c:Muchas gracias.'],
	},
	{
		escalate: true,
		trigger: 'long-wait',
		subject: 'German repeat',
		messages: [
			'c:Mein Paket ist immer noch nicht angekommen.',
			'a:Wir prüfen das.',
			'c:Es ist das dritte Mal, dass ich schreibe. Ich kündige meinen Vertrag.',
		],
	},
	{
		escalate: false,
		subject: 'French question',
		messages: ['c:Bonjour, comment changer mon mot de passe ?', 'a:Dans Paramètres > Sécurité.', 'c:Merci beaucoup !'],
	},
	{
		escalate: true,
		trigger: 'poor-quality',
		subject: 'Portuguese churn',
		messages: [
			'c:O aparelho chegou quebrado.',
			'a:Vamos enviar outro.',
			'c:O segundo também veio com defeito. Quero cancelar e vou reclamar no Procon.',
		],
	},
	{
		escalate: false,
		subject: 'No need for manager',
		messages: [
			'c:The discount was not applied.',
			'a:I applied it manually and refunded the difference.',
			'c:No need for a manager then, thank you, that was quick.',
		],
	},
	{
		escalate: true,
		trigger: 'rigid-policy',
		subject: 'Warranty',
		messages: [
			'c:My laptop broke after 13 months.',
			'a:The warranty is 12 months, so we cannot repair it for free.',
			'c:One month over and you will not help at all? Rules are rules I guess. Never buying from you again.',
		],
	},
	{
		escalate: false,
		subject: 'Problem description only',
		messages: ['c:Hi, since yesterday the login page shows an error and I cannot access my reports. Could you check?'],
	},
	{
		escalate: true,
		trigger: 'frontline-response',
		subject: 'Ignored',
		messages: ['c:I sent all documents last week.', 'a:Please send the documents.', 'c:I ALREADY SENT THEM. Read the ticket!!!'],
	},
	{
		escalate: false,
		subject: 'Polite follow-up',
		messages: ['c:Could you let me know the status of my refund?', 'a:It was processed today.', 'c:Wonderful, thank you for your help.'],
	},
	{
		escalate: true,
		trigger: 'long-wait',
		subject: 'On hold forever',
		messages: [
			'c:I was on hold for two hours yesterday and got disconnected.',
			'a:Sorry for the wait.',
			'c:Still no callback. I will post this on Twitter if nobody calls me today.',
		],
	},
	{
		escalate: false,
		subject: 'Hardware question',
		messages: ['c:Is the charger compatible with the old model?', 'a:Yes, both use USB-C.', 'c:Great, thanks.'],
	},
	{
		escalate: true,
		trigger: 'poor-quality',
		subject: 'Chargeback',
		messages: [
			'c:You charged me for a product that never arrived.',
			'a:The tracking shows delivered.',
			'c:It did not arrive. I am filing a chargeback.',
		],
	},
	{escalate: false, subject: 'Not urgent', messages: ['c:Not urgent, but the footer has a typo.', 'a:Thanks, fixed!', 'c:Nice, thanks.']},
	{
		escalate: true,
		trigger: 'miscommunication',
		subject: 'Still misunderstood',
		messages: [
			'c:I want to merge two accounts, not delete one.',
			'a:I have deleted the second account as requested.',
			'c:I never asked you to delete it! Now my data is gone. I want to speak to a supervisor.',
		],
	},
	{
		escalate: false,
		subject: 'Sorted',
		messages: ['c:The invoice address is wrong.', 'a:Corrected and resent.', 'c:All sorted, you can close the ticket.'],
	},
	{
		escalate: true,
		trigger: 'long-wait',
		subject: 'Reopened',
		messages: [
			'c:My order is still not here.',
			'a:It should arrive today.',
			's:Ticket solved',
			'c:It did not arrive.',
			's:Ticket reopened',
			'c:This is the third time this ticket is reopened. Unacceptable.',
		],
	},
	{
		escalate: false,
		subject: 'Positive review',
		messages: ['c:Thanks, great help! I will leave you a 5-star review.', 'a:Thank you so much!'],
	},
	{
		escalate: true,
		trigger: 'rigid-policy',
		subject: 'Fee dispute',
		messages: [
			'c:Why do I have to pay a cancellation fee when you moved my appointment?',
			'a:The fee applies according to our terms and conditions.',
			'c:Your terms do not apply when you cancel. I am disputing this with my bank.',
		],
	},
	{
		escalate: false,
		subject: 'Question about plan',
		messages: ['c:Hi, quick question: can I add a second user to my plan?', 'a:Yes, in Team settings.', 'c:Thanks!'],
	},
];

function message(line: string): Message {
	const kind = line.slice(0, 2);
	const text = line.slice(2);
	if (kind === 'a:') {
		return {role: 'agent', text};
	}

	if (kind === 'n:') {
		return {role: 'agent', internal: true, text};
	}

	return kind === 's:' ? {role: 'system', text} : {role: 'customer', text};
}

export const labelledThreads: LabelledThread[] = rows.map((row, index) => ({
	id: `t${index + 1}`,
	ticket: {
		helpdesk: 'demo',
		ticketId: String(1000 + index),
		subject: row.subject,
		requester: {name: 'Alex Morgan'},
		messages: row.messages.map(line => message(line)),
	},
	escalate: row.escalate,
	trigger: row.trigger,
}));
