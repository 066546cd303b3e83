// JavaScript loaded into a helpdesk page by the shipped build: the helpdesk's own content script plus
// the main-world editor bridge that runs beside it, gzipped (level 9, as stores and servers compress).
// Budget: 60 KiB per helpdesk page. Other languages' phrase packs and the templates come later, as
// data from the background, and are not JavaScript.
import {spawnSync} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {gzipSync} from 'node:zlib';

const root = path.resolve(import.meta.dirname, '../..');
const budgetKiB = 60;
const gzipBytes = (file: string) => gzipSync(readFileSync(file), {level: 9}).length;
const kib = (bytes: number) => Number((bytes / 1024).toFixed(1));

export async function run(): Promise<Record<string, unknown>> {
	const results: Record<string, unknown> = {budgetKiB};
	for (const [browser, folder] of [['chrome', 'chrome-mv3'], ['firefox', 'firefox-mv2']] as const) {
		const build = spawnSync(path.join(root, 'node_modules/.bin/wxt'), ['build', '-b', browser], {cwd: root, env: {...process.env, DEFUSE_DEMO: '0'}, stdio: 'ignore'});
		if (build.status !== 0) {
			throw new Error(`the ${browser} build failed`);
		}

		const scripts = path.join(root, '.output', folder, 'content-scripts');
		const bridge = gzipBytes(path.join(scripts, 'editor-bridge.js'));
		const pages: Record<string, unknown> = {};
		let largest = 0;
		for (const file of readdirSync(scripts).filter(name => name.endsWith('.js') && name !== 'editor-bridge.js').sort()) {
			const own = gzipBytes(path.join(scripts, file));
			const total = own + bridge;
			largest = Math.max(largest, total);
			pages[file.replace(/\.js$/, '')] = {scriptGzipKiB: kib(own), withBridgeKiB: kib(total), toBudget: Number((total / 1024 / budgetKiB).toFixed(3)), withinBudget: total <= budgetKiB * 1024};
		}

		results[browser] = {bridgeGzipKiB: kib(bridge), largestPageKiB: kib(largest), allWithinBudget: largest <= budgetKiB * 1024, pages};
	}

	return results;
}
