// Engine speed: assess() on 20- and 200-message threads, scoreTone throughput, and two baselines on
// the same messages in the same run: the raw `sentiment` library (AFINN-165) and vader-sentiment
// (the evaluation's baseline). The targets are checked as ratios to vader in this run.
import Sentiment from 'sentiment';
import vader from 'vader-sentiment';
import {assess} from '../../core/assess.ts';
import {clearAnalysisCache} from '../../core/signals/prepare.ts';
import type {Message, TicketSnapshot} from '../../core/model.ts';
import {scoreTone} from '../../core/tone.ts';

const customerLines = [
	'Hi, my order #{n} has not arrived yet. Could you check where it is?',
	'I was charged twice for my subscription this month. Can you refund one of the charges?',
	'It is still not fixed. This is the third time I am writing about order {n}!',
	'Thanks, that worked perfectly :)',
	'This is ridiculous. Let me speak to your supervisor or I will file a chargeback.',
	'Great, another week of waiting. Thanks for nothing.',
	'Could you please tell me how to export the report as CSV? Thanks in advance.',
	'The app crashes every time I open the settings page since version {n}.',
	"I don't want to cancel my account, I just want the sync to work again.",
	'Any update? I have been waiting {n} days for a reply.\n\nOn Mon, 2 Mar 2026, Support <help@example.com> wrote:\n> We are looking into it.\n> Kind regards',
];

const agentLines = [
	'Hi, thanks for reaching out. I have checked ticket {n} and passed it to our billing team.',
	'Sorry about the trouble. Could you send a screenshot of the error?',
	'I have refunded the duplicate charge; it should show within 5 days.',
	'Thanks for your patience, I will update you by tomorrow.',
];

function thread(length: number, seed: number): TicketSnapshot {
	const messages: Message[] = [];
	for (let i = 0; i < length; i++) {
		const customer = i % 2 === 0;
		const lines = customer ? customerLines : agentLines;
		const text = lines[(i * 7 + seed) % lines.length]!.replaceAll('{n}', String(1000 + i + seed));
		messages.push({role: customer ? 'customer' : 'agent', text, at: new Date(Date.UTC(2026, 2, 1) + i * 3_600_000).toISOString()});
	}

	return {helpdesk: 'demo', ticketId: String(seed), subject: 'Order problem', requester: {name: 'Dana Reyes'}, messages};
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medianMs(make: (seed: number) => TicketSnapshot, runs: number, cold = true): number {
	const tickets = Array.from({length: 16}, (_, seed) => make(seed));
	for (let i = 0; i < 30; i++) {
		assess(tickets[i % tickets.length]!);
	}

	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const ticket = tickets[i % tickets.length]!;
		if (cold) {
			clearAnalysisCache(); // Cold: no message of this thread seen before
		}

		const start = performance.now();
		assess(ticket);
		times.push(performance.now() - start);
	}

	return Math.round(median(times) * 1000) / 1000;
}

function throughput(score: (text: string) => unknown, texts: string[], minimumMs: number): number {
	for (const text of texts) {
		score(text);
	}

	let count = 0;
	const start = performance.now();
	let elapsed = 0;
	while (elapsed < minimumMs) {
		for (const text of texts) {
			score(text);
		}

		count += texts.length;
		elapsed = performance.now() - start;
	}

	return Math.round(count / (elapsed / 1000));
}

export async function run(): Promise<Record<string, unknown>> {
	const texts = Array.from(
		{length: 2000},
		(_, i) => customerLines[i % customerLines.length]!.replaceAll('{n}', String(i)) + (i % 3 === 0 ? ' Please help.' : ''),
	);
	const library = new Sentiment();
	const result = {
		assess20MedianMs: medianMs(seed => thread(20, seed), 2000),
		assess200MedianMs: medianMs(seed => thread(200, seed), 400),
		// The overlay's case: the same thread assessed again after a change (message analyses remembered).
		assess200WarmMedianMs: medianMs(seed => thread(200, seed), 400, false),
		scoreToneMessagesPerSecond: throughput(scoreTone, texts, 1500),
		sentimentLibraryMessagesPerSecond: throughput(text => library.analyze(text).score, texts, 1500),
		vaderMessagesPerSecond: throughput(text => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound, texts, 1500),
		targets: {assess200MedianMs: 2, scoreToneMessagesPerSecond: 50_000},
		notes:
			'assess() median over many runs of 16 different generated threads, cold (message analyses forgotten before each run) and warm; throughput over 2,000 varied customer messages; the sentiment library (AFINN-165) and vader-sentiment run on the same texts as baselines. ratios: assess on 200 messages against vader scoring the same number of messages once, and scoreTone throughput against vader; targetsAsVaderRatios are the fixed targets in the same units.',
	};
	// Ratios to vader in this run: the time vader needs for the 200 messages (the target is 2 ms), and
	// scoreTone's throughput against vader's (the target is 50k msg/s)
	const vader200Ms = (200 / result.vaderMessagesPerSecond) * 1000;
	return {
		...result,
		ratios: {
			assess200ToVader200Messages: Math.round((result.assess200MedianMs / vader200Ms) * 100) / 100,
			vader200MessagesMs: Math.round(vader200Ms * 1000) / 1000,
			scoreToneToVaderThroughput: Math.round((result.scoreToneMessagesPerSecond / result.vaderMessagesPerSecond) * 100) / 100,
			targetsAsVaderRatios: {
				assess200MedianMs: Math.round((2 / vader200Ms) * 100) / 100,
				scoreToneMessagesPerSecond: Math.round((50_000 / result.vaderMessagesPerSecond) * 100) / 100,
			},
		},
	};
}
