// The signal table in core/signals/README.md, written from the descriptors (core/signals/registry.ts)
// and the ranking's situation rules. `npm run docs` rewrites it; a unit test fails while it is stale.
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {signalDescriptors, type SignalId} from '../../core/signals/registry.ts';
import {situationRules} from '../../core/templates/rank.ts';
import type {Condition, Situation} from '../../core/templates/template.ts';

export const readmePath = path.resolve(import.meta.dirname, '../../core/signals/README.md');
const start = '<!-- signal table: written by `npm run docs` from the descriptors; do not edit by hand -->';
const end = '<!-- end of signal table -->';

function signalsIn(condition: Condition): SignalId[] {
	if ('signal' in condition) {
		return [condition.signal];
	}

	if ('not' in condition) {
		return []; // A signal that rules a situation out does not open it
	}

	if ('all' in condition || 'any' in condition) {
		return ('all' in condition ? condition.all : condition.any).flatMap(inner => signalsIn(inner));
	}

	return [];
}

/** The template situations each signal opens (the ranking's gates, templates/rank.ts). */
export function situationsBySignal(): Map<SignalId, Situation[]> {
	const opens = new Map<SignalId, Situation[]>();
	for (const [situation, rule] of Object.entries(situationRules) as Array<[Situation, (typeof situationRules)[Situation]]>) {
		for (const id of new Set((rule.gate ?? []).flatMap(condition => signalsIn(condition)))) {
			opens.set(id, [...(opens.get(id) ?? []), situation]);
		}
	}

	return opens;
}

const cell = (text: string) => text.replaceAll('|', String.raw`\|`);

export function signalTable(): string {
	const situations = situationsBySignal();
	const rows = signalDescriptors.map(signal => {
		const triggers =
			Object.entries(signal.triggers)
				.map(([trigger, amount]) => `${trigger} ${amount}`)
				.join(', ') || '—';
		const path = signal.path ? `${signal.path.to}${signal.path.first ? ' (first)' : ''}` : '—';
		return `| \`${signal.id}\` | ${cell(signal.label)} | ${signal.weight} | ${cell(signal.reason)} | ${triggers} | ${signal.evidence} | ${path} | ${situations.get(signal.id)?.join(', ') ?? '—'} |`;
	});
	return [
		start,
		'| id | label | weight | why this weight | points at triggers | evidence | escalation path | opens template situations |',
		'| --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows,
		end,
	].join('\n');
}

/** The README with its table brought up to date. */
export function readmeWithTable(readme: string): string {
	const from = readme.indexOf(start);
	const to = readme.indexOf(end);
	if (from === -1 || to === -1) {
		throw new Error(`${readmePath} has lost its table markers`);
	}

	return `${readme.slice(0, from)}${signalTable()}${readme.slice(to + end.length)}`;
}

if (process.argv.includes('--write')) {
	const readme = readFileSync(readmePath, 'utf8');
	const next = readmeWithTable(readme);
	writeFileSync(readmePath, next);
	console.log(next === readme ? 'core/signals/README.md was up to date' : 'wrote core/signals/README.md');
}
