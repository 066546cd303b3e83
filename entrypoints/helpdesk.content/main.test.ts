import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import type {AdapterId} from '../../core/helpdesks/adapter.ts';
import {adapters} from '../../core/helpdesks/index.ts';
import {defaultSettings, type Settings} from '../../core/settings.ts';
import {isOwnPage} from './main.ts';

const withSites = (sites: Settings['sites']): Settings => ({...structuredClone(defaultSettings), sites});
const zendesk = {id: 'zendesk' as AdapterId, matches: ['https://*.zendesk.com/*']};
const freescout = {id: 'freescout' as AdapterId, matches: []};

test.each([
	['a hosted helpdesk on its own host', zendesk, 'https://acme.zendesk.com/agent/tickets/7', {}, true],
	['a hosted helpdesk elsewhere', zendesk, 'https://help.example.org/tickets/7', {}, false],
	[
		'a hosted origin the user mapped to other selectors',
		zendesk,
		'https://acme.zendesk.com/agent/tickets/7',
		{'https://acme.zendesk.com': {adapter: 'custom', custom: {message: '.m'}}},
		false,
	],
	[
		'a self-hosted helpdesk on its mapped origin',
		freescout,
		'https://help.example.org/conversation/9',
		{'https://help.example.org': {adapter: 'freescout'}},
		true,
	],
	[
		'the same host on a port mapped to another helpdesk',
		freescout,
		'https://help.example.org:8443/conversation/9',
		{'https://help.example.org': {adapter: 'freescout'}, 'https://help.example.org:8443': {adapter: 'zammad'}},
		false,
	],
	[
		'the same host on a port nobody mapped',
		freescout,
		'https://help.example.org:8443/conversation/9',
		{'https://help.example.org': {adapter: 'freescout'}},
		false,
	],
] as const)('%s', (_name, script, url, sites, expected) => {
	expect(isOwnPage(script, new URL(url), withSites(sites as Settings['sites']))).toBe(expected);
});

// Each helpdesk's page loads its own script: one entry per adapter, named after it, running on the
// adapter's own hosts (or registered per site when it has none).
describe('every adapter has its own content script', () => {
	const entries = readdirSync(join(import.meta.dirname, '..')).filter(name => name.endsWith('.content.ts'));
	test('one entry file per adapter, and no other helpdesk entries', () => {
		expect(entries.map(name => name.replace('.content.ts', '')).sort()).toEqual(adapters.map(adapter => adapter.id).sort());
	});

	test.each(adapters.map(adapter => [adapter.id, adapter] as const))('%s', async (id, adapter) => {
		const entry = ((await import(`../${id}.content.ts`)) as {default: {matches?: string[]; registration?: string}}).default;
		if (id === 'demo') {
			expect(entry.matches).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
		} else {
			expect(entry.matches).toEqual([...adapter.hosts]);
		}

		expect(entry.registration).toBe(entry.matches?.length ? 'manifest' : 'runtime');
	});
});
