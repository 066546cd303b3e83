// JavaScript loaded into a helpdesk page by the shipped build: the helpdesk's own content script plus
// the main-world editor bridge that runs beside it, gzipped (level 9, as stores and servers compress).
// Budget: 60 KiB per helpdesk page. The settings, the templates, the English phrase pack, the draft
// check's rules, the situation and trigger cues and the tone lexicon's word lists come from the background as data
// when the page starts (other languages' packs when a ticket needs them); that message is measured
// too (`setupData`, JSON as the browser serialises it, gzipped for comparison with the script).
import {spawnSync} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {defaultSettings, templatesOf} from '../../core/settings.ts';
import {draftRules} from '../../core/signals/draft.ts';
import {builtInPacks} from '../../core/signals/phrases.ts';
import {cues} from '../../core/templates/cues.ts';
import {toneWordLists} from '../../core/tone.ts';
import {triggerCues} from '../../core/triggers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const budgetKiB = 60;
const gzipBytes = (file: string) => gzipSync(readFileSync(file), {level: 9}).length;
const kib = (bytes: number) => Number((bytes / 1024).toFixed(1));

export async function run(): Promise<Record<string, unknown>> {
	const results: Record<string, unknown> = {budgetKiB};
	// What the background answers to a page's first 'page-setup' (entrypoints/background/index.ts).
	const setup = JSON.stringify({
		settings: defaultSettings,
		templates: templatesOf(defaultSettings),
		packs: [builtInPacks['en']],
		draftRules,
		cues,
		triggerCues,
		tone: toneWordLists,
	});
	results['setupData'] = {jsonKiB: kib(Buffer.byteLength(setup)), gzipKiB: kib(gzipSync(setup, {level: 9}).length)};
	for (const [browser, folder] of [
		['chrome', 'chrome-mv3'],
		['firefox', 'firefox-mv2'],
	] as const) {
		const build = spawnSync(path.join(root, 'node_modules/.bin/wxt'), ['build', '-b', browser], {
			cwd: root,
			env: {...process.env, DEFUSE_DEMO: '0'},
			stdio: 'ignore',
		});
		if (build.status !== 0) {
			throw new Error(`the ${browser} build failed`);
		}

		const scripts = path.join(root, '.output', folder, 'content-scripts');
		const bridge = gzipBytes(path.join(scripts, 'editor-bridge.js'));
		const pages: Record<string, unknown> = {};
		let largest = 0;
		for (const file of readdirSync(scripts)
			.filter(name => name.endsWith('.js') && name !== 'editor-bridge.js')
			.sort()) {
			const own = gzipBytes(path.join(scripts, file));
			const total = own + bridge;
			largest = Math.max(largest, total);
			pages[file.replace(/\.js$/, '')] = {
				scriptGzipKiB: kib(own),
				withBridgeKiB: kib(total),
				toBudget: Number((total / 1024 / budgetKiB).toFixed(3)),
				withinBudget: total <= budgetKiB * 1024,
			};
		}

		results[browser] = {bridgeGzipKiB: kib(bridge), largestPageKiB: kib(largest), allWithinBudget: largest <= budgetKiB * 1024, pages};
	}

	return results;
}
