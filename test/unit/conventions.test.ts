// Every registered helpdesk keeps the project's conventions (test/unit/conventions.ts): adapter file with
// its descriptor, content script, unit test, fixture pages labelled synthetic (a ticket, a list and a long
// thread), a selector count for every selector on every page, example URLs that its detectors accept and
// every other helpdesk's detectors reject, an evidence tag on every selector, and a row in the README.
// The checks below take one piece away at a time and must see it named.
import {describe, expect, test} from 'vitest';
import type {AdapterParts, Helpdesk} from '../../core/helpdesks/adapter.ts';
import {helpdesks} from '../../core/helpdesks/registry.ts';
import {fixtureHtml} from '../fixtures.ts';
import {longThread} from '../fixtures/generate-long.ts';
import {longFixturesByHelpdesk} from '../fixtures/write-long.ts';
import {conventionProblems, edited, realProject, untaggedSelectors, without, type Project} from './conventions.ts';

const project = realProject();

test('every registered helpdesk keeps the conventions', async () => {
	expect(await conventionProblems(project)).toEqual([]);
});

test('every helpdesk but the demo has a long-thread renderer, and its committed fixtures are what the renderers write', () => {
	for (const [id, fixtures] of longFixturesByHelpdesk()) {
		expect(fixtures.length, `${id}: renderers in test/fixtures/generate-long.ts or render-long.ts`).toBeGreaterThan(0);
		for (const {folder, file, render} of fixtures) {
			expect(render(longThread()) === fixtureHtml(folder, file), `${folder}/${file} is what test/fixtures/write-long.ts writes`).toBe(true);
		}
	}

	expect([...longFixturesByHelpdesk().keys()]).toEqual(helpdesks.filter(helpdesk => helpdesk.kind !== 'demo').map(helpdesk => helpdesk.id));
});

describe('a missing piece is named', () => {
	const problemsOf = async (doctored: Project, id: string) =>
		(await conventionProblems(doctored)).filter(problem => problem.startsWith(`${id}:`));

	test.each([
		[
			'example URLs',
			'test/fixtures/front/urls.json',
			'front: no example URLs (test/fixtures/front/urls.json: {"ticket": [...], "list": [...]}, at least one each)',
		],
		['the list page', 'test/fixtures/intercom/list.html', 'intercom: no list page fixture in test/fixtures/intercom/'],
		[
			'the long thread',
			'test/fixtures/osticket/ticket-long.html',
			'osticket: no long-thread (*long*.html) fixture in test/fixtures/osticket/',
		],
		['the count table', 'test/fixtures/zammad/counts.ts', 'zammad: no selector counts (test/fixtures/zammad/counts.ts)'],
		[
			'the content script',
			'entrypoints/freescout.content.ts',
			'freescout: no content script entrypoints/freescout.content.ts loading its adapter',
		],
		['the unit test', 'core/helpdesks/chatwoot.test.ts', 'chatwoot: no unit test core/helpdesks/chatwoot.test.ts'],
		['the adapter file', 'core/helpdesks/helpscout.ts', 'helpscout: no adapter file core/helpdesks/helpscout.ts'],
	])('without %s', async (_piece, path, problem) => {
		const id = problem.slice(0, problem.indexOf(':'));
		expect(await problemsOf(project, id)).toEqual([]);
		expect(await problemsOf(without(project, path), id)).toContain(problem);
	});

	test('a fixture page without a count row, and a row for a page that is gone', async () => {
		const problems = await conventionProblems({
			...project,
			counts: async id => {
				const counts = await project.counts(id);
				return id === 'zendesk' && counts
					? {...Object.fromEntries(Object.entries(counts).filter(([page]) => page !== 'list.html')), 'gone.html': counts['list.html']!}
					: counts;
			},
		});
		expect(problems).toContain('zendesk: test/fixtures/zendesk/counts.ts has no row for list.html');
		expect(problems).toContain('zendesk: test/fixtures/zendesk/counts.ts counts pages that do not exist: gone.html');
	});

	test('a selector without its evidence tag', async () => {
		const doctored = edited(project, 'core/helpdesks/freshdesk.ts', source =>
			source.replace(/(\ttitle: 'title',) \/\/ .*/, '$1 // The page title'),
		);
		expect(await problemsOf(doctored, 'freshdesk')).toEqual([
			'freshdesk: core/helpdesks/freshdesk.ts: selectors without an evidence tag: title',
		]);
	});

	test('a fixture page not labelled synthetic', async () => {
		const doctored = edited(project, 'test/fixtures/front/ticket-open.html', html => html.replace('<!-- synthetic · ', '<!-- '));
		expect(await problemsOf(doctored, 'front')).toEqual([
			'front: test/fixtures/front/ticket-open.html is not labelled "synthetic" or "scrubbed capture" in its header',
		]);
	});

	test('the README row', async () => {
		const doctored = edited(project, 'README.md', readme => readme.replace(/^\| Zendesk \|.*\n/m, ''));
		expect(await problemsOf(doctored, 'zendesk')).toEqual(["zendesk: no row `| Zendesk | `zendesk` | ...` in the README's helpdesk table"]);
	});

	test("a URL detector that takes another helpdesk's pages", async () => {
		const greedy = project.adapters.map(adapter =>
			adapter.id === 'freescout' ? {...adapter, isTicketPage: (url: URL) => /\/conversations?\/\d+/.test(url.pathname)} : adapter,
		);
		const problems = await problemsOf({...project, adapters: greedy}, 'freescout');
		expect(problems).toContain(
			"freescout: does not reject helpscout's URL https://secure.helpscout.net/conversation/2345678901/1456?folderId=7781",
		);
	});

	test('an adapter left out of core/helpdesks/index.ts', async () => {
		const problems = await conventionProblems({...project, adapters: project.adapters.filter(adapter => adapter.id !== 'front')});
		expect(problems).toContain('front: no adapter in core/helpdesks/index.ts');
		expect(problems.some(problem => problem.startsWith('registry: core/helpdesks/index.ts lists'))).toBe(true);
	});

	test('a helpdesk registered and nothing else: every piece is asked for', async () => {
		const acme: Helpdesk<string> = {
			id: 'acmedesk',
			name: 'Acme Desk',
			kind: 'helpdesk',
			hosts: ['https://*.acme-desk.example/*'],
			editors: [],
			isTicketPage: url => /^\/t\/\d+$/.test(url.pathname),
			isListPage: url => url.pathname === '/t',
		};
		const adapter: Helpdesk<string> & AdapterParts = {
			...acme,
			selectors: {},
			required: [],
			readTicket: () => undefined,
			readList: () => [],
			insertReply: () => ({ok: false, via: 'none', reason: 'none'}),
		};
		const problems = await conventionProblems({
			...project,
			helpdesks: [...project.helpdesks, acme],
			adapters: [...project.adapters, adapter],
		});
		expect(problems.filter(problem => problem.startsWith('acmedesk:'))).toEqual([
			'acmedesk: no fixture pages in test/fixtures/acmedesk/',
			'acmedesk: no example URLs (test/fixtures/acmedesk/urls.json: {"ticket": [...], "list": [...]}, at least one each)',
			'acmedesk: no adapter file core/helpdesks/acmedesk.ts',
			"acmedesk: no row `| Acme Desk | `acmedesk` | ...` in the README's helpdesk table",
		]);
	});
});

describe('evidence tags', () => {
	const source = (header: string, body: string) => `${header}\nexport const selectors = {\n${body}\n} as const;\n`;
	const legend = '// Evidence:\n//   [ck 2026-03] a browser extension';

	test.each([
		['its own line', "\ta: '.a', // Thing [ck 2026-03]", []],
		['a general kind', "\ta: '.a', // [UNVERIFIED] a guess", []],
		['a group heading up to the next blank line', "\t// Group [§10]\n\ta: '.a',\n\tb: '.b', // Plain note\n\n\tc: '.c',", ['c']],
		['a key the legend does not declare', "\ta: '.a', // [zz 2026]", ['a']],
		['brackets inside the selector only', '\ta: \'[data-x="1"]\', // Attribute', ['a']],
		['no comment at all', "\ta: '.a',", ['a']],
	])('%s', (_name, body, untagged) => {
		expect(untaggedSelectors(source(legend, body))).toEqual(untagged);
	});

	test('a file-wide default tag covers every selector', () => {
		expect(
			untaggedSelectors(source('// All selectors [SRC somewhere @ abc123] unless tagged.', "\ta: '.a',\n\tb: '.b', // [UNVERIFIED]")),
		).toEqual([]);
	});
});
