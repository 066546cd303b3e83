// `npm run eval [-- --test] [-- --mistakes N]`: the engine against vader-sentiment on real, human-labelled
// text nobody on the team wrote (test/eval/README.md lists the sources and how to fetch them).
// The development split is the default. Thresholds are fixed in the engine's source on that split;
// the test split is scored only with `--test`, and mistakes are never listed for it.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import vader from 'vader-sentiment';
import {assess, dissatisfiedTone} from '../../core/assess.ts';
import {triggers as allTriggers} from '../../core/model.ts';
import {scoreTone} from '../../core/tone.ts';
import {MissingData, loaders, type Dataset, type Split} from './datasets.ts';
import {auc, bootstrap, classify, pearson, pick, spearman, type Interval} from './stats.ts';

const split: Split = process.argv.includes('--test') ? 'test' : 'dev';
const mistakesAt = process.argv.indexOf('--mistakes');
const mistakes = mistakesAt === -1 ? 0 : Number(process.argv[mistakesAt + 1] ?? 10);
if (split === 'test' && mistakes > 0) {
	console.error('Mistakes are listed for the dev split only: reading test items would tune the engine on them.');
	process.exit(2);
}

/** vader's own cut-off for a negative compound score (its README). */
const vaderNegative = -0.05;

type SystemResult = {
	name: string;
	tone: number[];
	dissatisfied: boolean[];
	/** Higher = more dissatisfied; ranks items for the AUC. */
	rank: number[];
	messagesPerSecond: number;
};

function runEngine(dataset: Dataset): SystemResult & {topTrigger: Array<string | undefined>} {
	const tone: number[] = [];
	const dissatisfied: boolean[] = [];
	const topTrigger: Array<string | undefined> = [];
	const start = performance.now();
	for (const item of dataset.items) {
		tone.push(scoreTone(item.text));
		const result = assess({helpdesk: 'eval', ticketId: item.id, messages: [{role: 'customer', text: item.text}]});
		dissatisfied.push(result.messages[0]?.dissatisfied ?? false);
		// Triggers are named only above 'none'; one message rarely gets there, so ask with the watch level at 0.001
		const ranked = item.trigger
			? assess(
					{helpdesk: 'eval', ticketId: item.id, messages: [{role: 'customer', text: item.text}]},
					{settings: {thresholds: {watch: 0.001, high: 0.55, critical: 0.8}}},
				)
			: result;
		topTrigger.push(ranked.triggers[0]?.trigger);
	}

	const seconds = (performance.now() - start) / 1000;
	return {
		name: 'engine',
		tone,
		dissatisfied,
		rank: tone.map(value => -value),
		messagesPerSecond: Math.round(dataset.items.length / seconds),
		topTrigger,
	};
}

function runVader(dataset: Dataset): SystemResult {
	const tone: number[] = [];
	const start = performance.now();
	for (const item of dataset.items) {
		tone.push(vader.SentimentIntensityAnalyzer.polarity_scores(item.text).compound);
	}

	const seconds = (performance.now() - start) / 1000;
	return {
		name: 'vader',
		tone,
		dissatisfied: tone.map(value => value <= vaderNegative),
		rank: tone.map(value => -value),
		messagesPerSecond: Math.round(dataset.items.length / seconds),
	};
}

type Row = {
	system: string;
	toneItems: number;
	pearson?: Interval;
	spearman?: number;
	classItems: number;
	positives: number;
	precision: number;
	recall: number;
	f1?: Interval;
	auc?: Interval;
	messagesPerSecond: number;
};

function score(dataset: Dataset, system: SystemResult): Row {
	const toneIndexes = dataset.items.flatMap((item, index) => (item.tone === undefined ? [] : [index]));
	const classIndexes = dataset.items.flatMap((item, index) => (item.dissatisfied === undefined ? [] : [index]));
	const humanTone = dataset.items.map(item => item.tone ?? 0);
	const actual = dataset.items.map(item => item.dissatisfied ?? false);
	const row: Row = {
		system: system.name,
		toneItems: toneIndexes.length,
		classItems: classIndexes.length,
		positives: classIndexes.filter(index => actual[index]).length,
		precision: 0,
		recall: 0,
		messagesPerSecond: system.messagesPerSecond,
	};
	if (toneIndexes.length > 1) {
		row.pearson = bootstrap(toneIndexes.length, sample => {
			const indexes = pick(toneIndexes, sample);
			return pearson(pick(system.tone, indexes), pick(humanTone, indexes));
		});
		row.spearman = spearman(pick(system.tone, toneIndexes), pick(humanTone, toneIndexes));
	}

	if (classIndexes.length > 1) {
		const whole = classify(pick(system.dissatisfied, classIndexes), pick(actual, classIndexes));
		row.precision = whole.precision;
		row.recall = whole.recall;
		row.f1 = bootstrap(classIndexes.length, sample => {
			const indexes = pick(classIndexes, sample);
			return classify(pick(system.dissatisfied, indexes), pick(actual, indexes)).f1;
		});
		row.auc = bootstrap(
			classIndexes.length,
			sample => {
				const indexes = pick(classIndexes, sample);
				return auc(pick(system.rank, indexes), pick(actual, indexes));
			},
			300,
		);
	}

	return row;
}

const fixed = (value: number | undefined, digits = 3) =>
	value === undefined || !Number.isFinite(value) ? '   -  ' : value.toFixed(digits);
const interval = (value: Interval | undefined) =>
	value ? `${fixed(value.value)} [${fixed(value.low)}, ${fixed(value.high)}]` : '-'.padEnd(21);

function triggerTable(dataset: Dataset, predicted: Array<string | undefined>): string[] {
	const labelled = dataset.items.flatMap((item, index) =>
		item.trigger ? [{expected: item.trigger, got: predicted[index] ?? 'none'}] : [],
	);
	if (labelled.length === 0) {
		return [];
	}

	const columns = [...allTriggers, 'none'];
	const lines = [
		`  top trigger on ${labelled.length} labelled problem reports (rows: expected; columns: engine)`,
		`  ${''.padEnd(20)}${columns.map(name => name.slice(0, 12).padStart(13)).join('')}`,
	];
	for (const expected of allTriggers) {
		const row = labelled.filter(entry => entry.expected === expected);
		if (row.length > 0) {
			lines.push(
				`  ${expected.padEnd(20)}${columns.map(name => String(row.filter(entry => entry.got === name).length).padStart(13)).join('')}`,
			);
		}
	}

	const correct = labelled.filter(entry => entry.got === entry.expected).length;
	const named = labelled.filter(entry => entry.got !== 'none');
	lines.push('  (triggers asked with the watch threshold at 0.001, so any signal names one)');
	lines.push(
		`  top-1 accuracy ${fixed(correct / labelled.length)} of all; ${fixed(named.length === 0 ? Number.NaN : named.filter(entry => entry.got === entry.expected).length / named.length)} of the ${named.length} where the engine named one`,
	);
	return lines;
}

function listMistakes(dataset: Dataset, engine: SystemResult, count: number): string[] {
	const lines: string[] = [];
	for (const kind of ['missed', 'false alarm'] as const) {
		const found = dataset.items.flatMap((item, index) => {
			const wrong =
				kind === 'missed'
					? item.dissatisfied === true && !engine.dissatisfied[index]
					: item.dissatisfied === false && engine.dissatisfied[index];
			return wrong ? [`    ${fixed(engine.tone[index], 2)} ${item.label ?? ''}: ${item.text.slice(0, 140).replaceAll('\n', ' ')}`] : [];
		});
		// Spread over the file rather than its first rows (files are often sorted by label)
		const step = Math.max(1, Math.floor(found.length / count));
		lines.push(`  ${kind} (${found.length}):`, ...found.filter((_, index) => index % step === 0).slice(0, count));
	}

	return lines;
}

const report: Record<string, unknown> = {split, dissatisfiedTone, vaderNegative};
const output: string[] = [
	`Defuse evaluation, ${split} split. Thresholds fixed on the dev split before the test split was scored:`,
	`engine dissatisfied = assess().messages[i].dissatisfied (tone <= ${dissatisfiedTone} or a dissatisfaction phrase family); vader dissatisfied = compound <= ${vaderNegative}.`,
	'Intervals: 95% percentile bootstrap (1,000 resamples for r and F1, 300 for AUC; seed 11).',
	'',
];
const header = `  ${'system'.padEnd(7)} ${'n'.padStart(5)}  ${'Pearson r [95% CI]'.padEnd(22)} ${'Spearman'.padStart(8)}  ${'n'.padStart(5)} ${'pos'.padStart(5)} ${'P'.padStart(6)} ${'R'.padStart(6)}  ${'F1 [95% CI]'.padEnd(22)} ${'AUC [95% CI]'.padEnd(22)} ${'msg/s'.padStart(8)}`;
for (const load of loaders) {
	let dataset: Dataset;
	try {
		dataset = load(split);
	} catch (error) {
		if (error instanceof MissingData) {
			output.push(`skipped: ${error.message}`, '');
			continue;
		}

		throw error;
	}

	const engine = runEngine(dataset);
	const baseline = runVader(dataset);
	const rows = [score(dataset, engine), score(dataset, baseline)];
	report[dataset.id] = {title: dataset.title, labels: dataset.labels, rows};
	output.push(`${dataset.title} (${dataset.id}, ${split}, ${dataset.items.length} items)`, `  labels: ${dataset.labels}`, header);
	for (const row of rows) {
		output.push(
			`  ${row.system.padEnd(7)} ${String(row.toneItems).padStart(5)}  ${interval(row.pearson).padEnd(22)} ${fixed(row.spearman).padStart(8)}  ${String(row.classItems).padStart(5)} ${String(row.positives).padStart(5)} ${fixed(row.precision).padStart(6)} ${fixed(row.recall).padStart(6)}  ${interval(row.f1).padEnd(22)} ${interval(row.auc).padEnd(22)} ${String(row.messagesPerSecond).padStart(8)}`,
		);
	}

	output.push(...triggerTable(dataset, engine.topTrigger));
	if (mistakes > 0) {
		output.push(...listMistakes(dataset, engine, mistakes));
	}

	output.push('');
}

console.log(output.join('\n'));
const folder = path.join(import.meta.dirname, '..', 'artifacts');
mkdirSync(folder, {recursive: true});
writeFileSync(path.join(folder, `eval-${split}.json`), `${JSON.stringify(report, null, '\t')}\n`);
