// @vitest-environment happy-dom
// A page saved from the popup for a bug report becomes a fixture: checked, relabelled, counted.
import {describe, expect, test} from 'vitest';
import {helpdesk as zendeskHelpdesk, selectors} from '../../core/helpdesks/zendesk.ts';
import zendesk from '../../core/helpdesks/zendesk.ts';
import {scrubbedPage} from '../../core/helpdesks/scrub.ts';
import {fixtureHtml, fixtureUrl, loadFixture} from '../fixtures.ts';
import {selectorCounts} from '../fixtures/zendesk/counts.ts';
import {fixtureText, readSavedPage, selectorCountRow} from '../fixtures/from-bug-report.ts';

const savedAt = new Date('2026-12-01T10:00:00Z');
const saved = scrubbedPage(loadFixture('zendesk', 'ticket-open.html'), {
	url: fixtureUrl('zendesk', 'ticket-open.html'),
	helpdesk: 'zendesk',
	missing: ['log'],
	savedAt,
});

describe('a saved Zendesk page', () => {
	const page = readSavedPage(saved);

	test('names its helpdesk and neutral address', () => {
		expect(page.helpdesk).toBe('zendesk');
		expect(page.url.href).toBe('https://example.zendesk.com/agent/tickets/4821');
		expect(zendeskHelpdesk.isTicketPage(page.url)).toBe(true);
	});

	test('becomes a fixture labelled as a scrubbed capture, otherwise unchanged', () => {
		const fixture = fixtureText(page);
		expect(fixture.split('\n')[0]).toMatch(
			/^<!-- scrubbed capture · url: https:\/\/example\.zendesk\.com\/agent\/tickets\/4821 · saved by Defuse for a bug report, 2026-12-01 · adapter: zendesk · missing: log · /,
		);
		expect(fixture.slice(fixture.indexOf('\n'))).toBe(saved.slice(saved.indexOf('\n')));
	});

	test('counts every selector: the structure is the fixture it was saved from', () => {
		const row = selectorCountRow(zendesk, fixtureText(page));
		expect(Object.keys(row)).toEqual(Object.keys(selectors));
		expect(row).toEqual(selectorCounts['ticket-open.html']);
	});
});

describe('refused, saying why', () => {
	test.each([
		[
			'a page that was not scrubbed (a fixture as committed)',
			() =>
				fixtureHtml('zendesk', 'ticket-open.html').replace(
					/^<!-- synthetic · url: (\S+) [^\n]*-->/,
					'<!-- url: $1 · saved by Defuse for a bug report, 2026-12-01 · adapter: zendesk -->',
				),
			/still holds text that was not scrubbed/,
		],
		['a page without the header', () => saved.slice(saved.indexOf('\n') + 1), /not a page saved by Defuse for a bug report/],
		['an unknown helpdesk', () => saved.replace('adapter: zendesk', 'adapter: acmedesk'), /no adapter for \("acmedesk"\)/],
		[
			'a page where Defuse could not tell the helpdesk',
			() => saved.replace('adapter: zendesk', 'adapter: unknown'),
			/no adapter for \("unknown"\)/,
		],
	])('%s', (_name, html, message) => {
		expect(() => readSavedPage(html())).toThrow(message);
	});
});
