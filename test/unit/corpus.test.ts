// The team's corpus as a regression suite (test/corpus), by source: rows the team invented, and the
// team's rewording of mistakes seen on the evaluation's dev split. The floors are the results when
// the corpus became a regression suite, less a margin: they catch a regression, they do not measure
// quality (that is `npm run eval`, on text the team did not write). A floor is raised when a fix
// lifts a result, and is never lowered to let a change through without saying so in its commit.
import {expect, test} from 'vitest';
import {evaluate, table} from '../corpus/evaluate.ts';
import {labelledMessages} from '../corpus/messages.ts';
import {labelledThreads} from '../corpus/threads.ts';

const floors: Record<'team' | 'real-failure', Record<string, {precision: number; recall: number}>> = {
	team: {
		'phrase.manager': {precision: 0.95, recall: 0.9},
		'phrase.legal': {precision: 0.95, recall: 0.9},
		'phrase.churn': {precision: 0.95, recall: 0.9},
		'phrase.repeat': {precision: 0.95, recall: 0.85},
		'phrase.public': {precision: 0.95, recall: 0.6},
		'phrase.urgency': {precision: 0.95, recall: 0.75},
		'phrase.insult': {precision: 0.95, recall: 0.85},
		'phrase.payment-dispute': {precision: 0.75, recall: 0.95},
		dissatisfied: {precision: 0.9, recall: 0.85},
		'thread.flag': {precision: 0.95, recall: 0.95},
		'thread.high': {precision: 0.95, recall: 0.75},
	},
	'real-failure': {
		'phrase.billing': {precision: 0.95, recall: 0.8},
		'phrase.not-working': {precision: 0.95, recall: 0.95},
		dissatisfied: {precision: 0.7, recall: 0.85},
	},
};

test('the corpus keeps both sources', () => {
	expect(labelledMessages.filter(message => message.source === 'team').length).toBeGreaterThanOrEqual(300);
	expect(labelledMessages.filter(message => message.source === 'real-failure').length).toBeGreaterThanOrEqual(20);
	expect(labelledThreads.length).toBeGreaterThanOrEqual(50);
});

for (const source of ['team', 'real-failure'] as const) {
	const result = evaluate(source);
	console.log(`corpus, ${source}\n${table(result)}`);
	test.each(Object.entries(floors[source]))(`${source}: %s stays at its floor`, (name, floor) => {
		const score = result.signals[name];
		expect(score, name).toBeDefined();
		expect(score!.precision).toBeGreaterThanOrEqual(floor.precision);
		expect(score!.recall).toBeGreaterThanOrEqual(floor.recall);
	});
}

test('top trigger matches the label on most flagged team threads', () => {
	expect(evaluate('team').triggerAccuracy).toBeGreaterThanOrEqual(0.6);
});
