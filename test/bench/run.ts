// Runs every test/bench/*.bench.ts and merges their results into test/bench/results.json,
// keyed by bench file name, with the machine and date. Usage: npx tsx test/bench/run.ts [filter]
import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

type Bench = {run(): Promise<Record<string, unknown>>};

const folder = import.meta.dirname;
const output = path.join(folder, 'results.json');
const filter = process.argv[2];

let results: Record<string, unknown> = {};
try {
	results = JSON.parse(readFileSync(output, 'utf8')) as Record<string, unknown>;
} catch {
	results = {};
}

const machine = {
	platform: `${os.platform()} ${os.release()}`,
	cpu: os.cpus()[0]?.model ?? 'unknown',
	cores: os.cpus().length,
	memoryGb: Math.round(os.totalmem() / 1024 ** 3),
	node: process.version,
};

for (const file of readdirSync(folder)
	.filter(name => name.endsWith('.bench.ts'))
	.sort()) {
	if (filter && !file.includes(filter)) {
		continue;
	}

	const name = file.replace(/\.bench\.ts$/, '');
	const module = (await import(pathToFileURL(path.join(folder, file)).href)) as Partial<Bench>;
	if (typeof module.run !== 'function') {
		console.warn(`${file}: no run() export, skipped`);
		continue;
	}

	console.log(`running ${file}`);
	const started = Date.now();
	const result = await module.run();
	results[name] = {date: new Date().toISOString(), durationMs: Date.now() - started, machine, result};
	console.log(JSON.stringify(result, null, 2));
}

writeFileSync(output, `${JSON.stringify(results, null, '\t')}\n`);
console.log(`wrote ${path.relative(process.cwd(), output)}`);
