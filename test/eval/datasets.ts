// Loaders for the evaluation's datasets: real text, labelled by people, that nobody on the team wrote.
// They are fetched into a folder outside the repository (see README.md here) and never committed.
// Each loader maps the dataset's own labels onto what the engine predicts, by rules fixed here
// before any engine output was looked at on that dataset.
import {existsSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseCsv} from '../../core/import/csv.ts';
import type {Trigger} from '../../core/model.ts';

export type Split = 'dev' | 'test';

export type Item = {
	id: string;
	text: string;
	/** Mean human rating on -1..1, where the dataset allows one. */
	tone?: number;
	/** Human label: the writer is dissatisfied / complaining. Undefined when the label does not decide. */
	dissatisfied?: boolean;
	/** The complaint's reason as a trigger, where the dataset's labels say it. */
	trigger?: Trigger;
	/** The dataset's own class name (for the confusion tables). */
	label?: string;
};

export type Dataset = {
	id: string;
	title: string;
	/** What "dissatisfied" and "tone" mean on this dataset. */
	labels: string;
	split: Split;
	items: Item[];
};

export const dataFolder = process.env.DEFUSE_EVAL_DATA ?? path.join(os.homedir(), '.cache', 'defuse-eval');

export class MissingData extends Error {}

function read(relative: string): string {
	const file = path.join(dataFolder, relative);
	if (!existsSync(file)) {
		throw new MissingData(`${relative} is missing in ${dataFolder} (set DEFUSE_EVAL_DATA; test/eval/README.md says how to fetch it)`);
	}

	return readFileSync(file, 'utf8');
}

// DynaSent round 1 (Potts et al. 2021; CC BY 4.0): sentences from real Yelp reviews, each rated
// positive / negative / neutral / mixed by five crowd workers. Their own dev and test splits.
type DynaSentRow = {text_id: string; sentence: string; gold_label: string | null; label_distribution: Record<string, string[]>};

export function loadDynaSent(split: Split): Dataset {
	const items: Item[] = [];
	for (const line of read(`dynasent/round01-yelp-${split}.jsonl`).split('\n')) {
		if (line.trim() === '') {
			continue;
		}

		const row = JSON.parse(line) as DynaSentRow;
		const votes = row.label_distribution;
		const count = (name: string) => votes[name]?.length ?? 0;
		const total = count('positive') + count('negative') + count('neutral') + count('mixed');
		if (total === 0) {
			continue;
		}

		const item: Item = {
			id: row.text_id,
			text: row.sentence,
			tone: (count('positive') - count('negative')) / total,
			label: row.gold_label ?? 'no majority',
		};
		if (row.gold_label !== null) {
			item.dissatisfied = row.gold_label === 'negative';
		}

		items.push(item);
	}

	return {
		id: 'dynasent-yelp',
		title: 'DynaSent r1: Yelp review sentences',
		labels: 'tone = mean of 5 raters (+1 positive, -1 negative, 0 neutral/mixed); dissatisfied = majority says negative',
		split,
		items,
	};
}

// GoEmotions (Demszky et al. 2020; Apache-2.0): Reddit comments with 27 emotions + neutral by raters;
// the published train/dev/test split.
const goPositive = new Set([
	'admiration',
	'amusement',
	'approval',
	'caring',
	'desire',
	'excitement',
	'gratitude',
	'joy',
	'love',
	'optimism',
	'pride',
	'relief',
]);
const goNegative = new Set([
	'anger',
	'annoyance',
	'disappointment',
	'disapproval',
	'disgust',
	'embarrassment',
	'fear',
	'grief',
	'nervousness',
	'remorse',
	'sadness',
]);
/** The emotions of a dissatisfied customer, as the issue names them. */
const goDissatisfied = new Set(['anger', 'annoyance', 'disappointment', 'disapproval']);

export function loadGoEmotions(split: Split | 'train'): Dataset {
	const names = read('goemotions/labels.txt')
		.split('\n')
		.map(name => name.trim())
		.filter(Boolean);
	const items: Item[] = [];
	for (const line of read(`goemotions/${split}.tsv`).split('\n')) {
		const [text, ids, id] = line.split('\t');
		if (!text || !ids || !id) {
			continue;
		}

		const emotions = ids.split(',').map(index => names[Number(index)] ?? '');
		const positive = emotions.some(name => goPositive.has(name));
		const negative = emotions.some(name => goNegative.has(name));
		items.push({
			id,
			text,
			tone: positive === negative ? 0 : positive ? 1 : -1,
			dissatisfied: emotions.some(name => goDissatisfied.has(name)),
			label: emotions.join('+'),
		});
	}

	return {
		id: 'goemotions',
		title: 'GoEmotions: Reddit comments',
		labels:
			'tone = +1 only positive emotions, -1 only negative, 0 otherwise; dissatisfied = anger, annoyance, disappointment or disapproval',
		split: split === 'train' ? 'dev' : split,
		items,
	};
}

// BANKING77 (Casanueva et al. 2020; CC BY 4.0): online banking customer queries, each labelled with
// one of 77 intents. Intents are sorted here into problem reports (something went wrong: the
// implicit complaint "my card payment was declined") and information requests ("how do I top up?").
// Intents that mix both (card_arrival, pending_*, fees, lost or stolen cards) are left out.
// Each problem intent names the trigger a team lead would file it under.
export const bankingProblems: Readonly<Record<string, Trigger>> = {
	card_not_working: 'poor-quality',
	contactless_not_working: 'poor-quality',
	virtual_card_not_working: 'poor-quality',
	card_swallowed: 'poor-quality',
	pin_blocked: 'poor-quality',
	declined_card_payment: 'poor-quality',
	declined_cash_withdrawal: 'poor-quality',
	declined_transfer: 'poor-quality',
	failed_transfer: 'poor-quality',
	top_up_failed: 'poor-quality',
	top_up_reverted: 'poor-quality',
	'reverted_card_payment?': 'poor-quality',
	transaction_charged_twice: 'poor-quality',
	extra_charge_on_statement: 'poor-quality',
	wrong_amount_of_cash_received: 'poor-quality',
	card_payment_wrong_exchange_rate: 'poor-quality',
	wrong_exchange_rate_for_cash_withdrawal: 'poor-quality',
	card_payment_not_recognised: 'poor-quality',
	cash_withdrawal_not_recognised: 'poor-quality',
	direct_debit_payment_not_recognised: 'poor-quality',
	unable_to_verify_identity: 'poor-quality',
	Refund_not_showing_up: 'long-wait',
	balance_not_updated_after_bank_transfer: 'long-wait',
	balance_not_updated_after_cheque_or_cash_deposit: 'long-wait',
	transfer_not_received_by_recipient: 'long-wait',
	beneficiary_not_allowed: 'rigid-policy',
};

export const bankingInformation: ReadonlySet<string> = new Set([
	'activate_my_card',
	'age_limit',
	'apple_pay_or_google_pay',
	'atm_support',
	'automatic_top_up',
	'card_about_to_expire',
	'card_acceptance',
	'card_delivery_estimate',
	'card_linking',
	'change_pin',
	'country_support',
	'disposable_card_limits',
	'edit_personal_details',
	'exchange_charge',
	'exchange_rate',
	'exchange_via_app',
	'fiat_currency_support',
	'get_disposable_virtual_card',
	'get_physical_card',
	'getting_spare_card',
	'getting_virtual_card',
	'order_physical_card',
	'receiving_money',
	'supported_cards_and_currencies',
	'top_up_by_bank_transfer_charge',
	'top_up_by_cash_or_cheque',
	'top_up_limits',
	'topping_up_by_card',
	'transfer_into_account',
	'transfer_timing',
	'verify_my_identity',
	'verify_source_of_funds',
	'visa_or_mastercard',
	'why_verify_identity',
	'passcode_forgotten',
	'verify_top_up',
]);

/** BANKING77's own train file is the development split here; its test file is the test split. */
export function loadBanking(split: Split): Dataset {
	const {records, problems} = parseCsv(read(`banking77/${split === 'dev' ? 'train' : 'test'}.csv`));
	if (problems.length > 0) {
		throw new Error(`banking77 ${split}: ${problems.length} malformed lines, first at line ${problems[0]!.line}: ${problems[0]!.message}`);
	}

	const items: Item[] = [];
	for (const {fields, line} of records.slice(1)) {
		const [text, intent] = fields;
		if (!text || !intent) {
			continue;
		}

		const trigger = bankingProblems[intent];
		if (trigger) {
			items.push({id: `b${line}`, text, dissatisfied: true, trigger, label: intent});
		} else if (bankingInformation.has(intent)) {
			items.push({id: `b${line}`, text, dissatisfied: false, label: intent});
		}
	}

	return {
		id: 'banking77',
		title: 'BANKING77: online banking queries',
		labels: 'dissatisfied = the intent is a problem report (26 intents), not = an information request (36); 15 mixed intents left out',
		split,
		items,
	};
}

export const loaders: ReadonlyArray<(split: Split) => Dataset> = [loadDynaSent, loadGoEmotions, loadBanking];
