// `npm test`: typecheck, lint, unit tests (once more with the clock a year ahead), the demo builds,
// and the end-to-end tests in Chromium and Firefox.
// Prints one closing line summing every suite: "N passed, N failed, N skipped".
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, rmSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'test/artifacts');
mkdirSync(reports, {recursive: true});
const bin = (name: string) => join(root, 'node_modules/.bin', name);

type Tally = {passed: number; failed: number; skipped: number};
const total: Tally = {passed: 0, failed: 0, skipped: 0};
const lines: string[] = [];

function run(command: string, args: string[], env: Record<string, string> = {}): number {
	console.log(`\n> ${[command.replace(`${root}/`, ''), ...args].join(' ')}`);
	const result = spawnSync(command, args, {cwd: root, stdio: 'inherit', env: {...process.env, ...env}});
	return result.status ?? 1;
}

/** A check that is one test: passes when the command exits 0. */
function check(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
	const ok = run(command, args, env) === 0;
	total[ok ? 'passed' : 'failed']++;
	lines.push(`${name}: ${ok ? 'passed' : 'FAILED'}`);
	return ok;
}

type VitestJson = {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
	numTodoTests: number;
	numFailedTestSuites: number;
	success: boolean;
};

/** A vitest run, counted test by test from its JSON report; a suite that fails to load counts as failed. */
function vitest(name: string, args: string[], env: Record<string, string> = {}): void {
	const output = join(reports, `${name.replaceAll(/\W+/g, '-')}.json`);
	rmSync(output, {force: true});
	const status = run(bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${output}`], env);
	if (!existsSync(output)) {
		total.failed++;
		lines.push(`${name}: FAILED to run (exit ${status})`);
		return;
	}

	const report = JSON.parse(readFileSync(output, 'utf8')) as VitestJson;
	const tally: Tally = {
		passed: report.numPassedTests,
		failed:
			report.numFailedTests +
			report.numFailedTestSuites +
			(status !== 0 && report.numFailedTests + report.numFailedTestSuites === 0 ? 1 : 0),
		skipped: report.numPendingTests + report.numTodoTests,
	};
	total.passed += tally.passed;
	total.failed += tally.failed;
	total.skipped += tally.skipped;
	lines.push(`${name}: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
}

const only = process.argv.slice(2);
const wants = (part: string) => only.length === 0 || only.includes(part);

if (wants('typecheck')) {
	check('typecheck', bin('tsc'), ['--noEmit']);
}

if (wants('lint')) {
	// The formatter's check first (npm run format fixes what it finds), then the linter.
	check('format', bin('prettier'), ['--check', '{core,entrypoints,dashboard,test}/**/*.{ts,tsx}', '*.{ts,js}']);
	check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
}

if (wants('unit')) {
	vitest('unit', []);
}

// No test may depend on today's date: the suites that deal in dates run again with the system clock a
// year ahead (test/unit/clock-ahead.ts), and test/unit/clock-ahead.test.ts proves the clock moved.
if (wants('clock-ahead')) {
	vitest(
		'unit, clock a year ahead',
		[
			'dashboard',
			'core/metrics',
			'core/import',
			'core/snapshot',
			'core/store',
			'core/calendar',
			'core/sla',
			'core/signals',
			'core/helpdesks/dates',
			'entrypoints/background',
			'entrypoints/popup',
			'test/cross-check',
			'test/unit/clock-ahead',
		],
		{DEFUSE_CLOCK_AHEAD_DAYS: '365'},
	);
}

if (wants('e2e')) {
	if (check('build (demo extension)', bin('wxt'), ['build'], {DEFUSE_DEMO: '1'})) {
		vitest('e2e', ['--config', 'test/e2e/vitest.config.ts']);
	} else {
		total.failed++;
		lines.push('e2e: not run, the build failed');
	}
}

if (wants('e2e-firefox')) {
	if (check('build (Firefox demo extension)', bin('wxt'), ['build', '-b', 'firefox'], {DEFUSE_DEMO: '1'})) {
		vitest('e2e (Firefox)', ['--config', 'test/e2e-firefox/vitest.config.ts']);
	} else {
		total.failed++;
		lines.push('e2e (Firefox): not run, the build failed');
	}
}

console.log(`\n${lines.join('\n')}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 ? 1 : 0;
