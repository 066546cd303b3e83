// `npm start`: builds the demo extension (Chrome and Firefox) and serves the demo helpdesk on loopback.
import {spawnSync} from 'node:child_process';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {startDemoServer} from './server.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const wxt = join(root, 'node_modules/.bin/wxt');
const demoExtensionId = 'fhbjhdhledfeemcobknfjepfoclickfo'; // From the demo build's public key (wxt.config.ts)

for (const args of [['build'], ['build', '-b', 'firefox']]) {
	console.log(`Building the extension: wxt ${args.join(' ')}`);
	const result = spawnSync(wxt, args, {cwd: root, stdio: 'inherit', env: {...process.env, DEFUSE_DEMO: '1'}});
	if (result.status !== 0) {
		console.error('The build failed; see above.');
		process.exit(1);
	}
}

console.log('Building the static dashboard: vite build --config dashboard/vite.config.ts');
const dashboardBuild = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--config', 'dashboard/vite.config.ts'], {
	cwd: root,
	stdio: 'inherit',
});
if (dashboardBuild.status !== 0) {
	console.error('The dashboard build failed; see above.');
	process.exit(1);
}

const dashboardDir = join(root, 'dist/dashboard');
const port = Number(process.env['PORT'] ?? 5178);
const server = await startDemoServer({port, dashboardDir});

console.log(`
Defuse demo is running.

  Demo helpdesk (ticket list):  ${server.url}/
  An angry customer:            ${server.url}/agent/tickets/1002
  A long wait (live messages):  ${server.url}/agent/tickets/1003
  Dashboard (static site):      ${server.url}/dashboard/?demo=1   (90 days of demo team history)
  Dashboard (extension page):   chrome-extension://${demoExtensionId}/dashboard.html   (what you opened; ?demo=1 adds the demo history)

Load the extension once:
  Chrome/Chromium: open chrome://extensions, turn on "Developer mode", click "Load unpacked"
                   and choose ${join(root, '.output-demo/chrome-mv3')}
  Firefox:         open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on..."
                   and choose ${join(root, '.output-demo/firefox-mv2/manifest.json')}
Then open a ticket above: the Defuse badge appears at the top right of the page.
Press Ctrl+C to stop.`);

const stop = async () => {
	await server.close();
	process.exit(0);
};

process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
