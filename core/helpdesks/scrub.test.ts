// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {attachDeclarativeShadowRoots, fixtureHtml, fixtureUrl, loadFixture} from '../../test/fixtures.ts';
import freshdesk from './freshdesk.ts';
import intercom from './intercom.ts';
import {neutralUrl, scrubbedPage, scrubText} from './scrub.ts';
import zendesk from './zendesk.ts';

const savedAt = new Date('2026-12-01T10:00:00Z');
const parse = (html: string) => {
	const document = new DOMParser().parseFromString(html, 'text/html');
	attachDeclarativeShadowRoots(document);
	return document;
};

/** Every word of the fixture's visible people: none may survive scrubbing. */
const people = [
	'Aiko',
	'Tanaka',
	'aiko.tanaka@example.org',
	'Bruno',
	'Silva',
	'Kofi',
	'Mensah',
	'Northwind',
	'INV-2291',
	'4400112',
	'FIN-7781',
	'finance@acme.example',
];

describe('scrubText', () => {
	test.each([
		['Hi Aiko, call me on +44 7700 900123!', 'Xx Xxxx, xxxx xx on +00 0000 000000!'],
		['aiko.tanaka@example.org wrote', 'person@example.invalid wrote'],
		['Status: Open · Priority: High', 'Status: Open · Priority: High'],
		['Ärger über Café 3 €', 'Xxxxx xxxx Xxxx 0 €'],
	])('%j', (text, expected) => {
		expect(scrubText(text)).toBe(expected);
	});
});

describe('scrubbedPage', () => {
	test('a Freshdesk page: no person, address or number left; structure, shadow roots and roles kept, so it reads as a fixture', () => {
		const url = fixtureUrl('freshdesk', 'ticket-open.html');
		const html = scrubbedPage(loadFixture('freshdesk', 'ticket-open.html'), {url, helpdesk: 'freshdesk', missing: ['item'], savedAt});
		for (const word of people) {
			expect(html, word).not.toContain(word);
		}

		expect(html.split('\n')[0]).toBe(
			'<!-- url: https://example.freshdesk.com/a/tickets/812 · saved by Defuse for a bug report, 2026-12-01 · adapter: freshdesk · missing: item · scrubbed: every text, form value and free-text attribute replaced letter by letter (x/X/0); addresses, links, scripts, media and frames neutralised or removed -->',
		);
		expect(html).toContain('<template shadowrootmode="open">');
		expect(html).toContain('<title>[#812] ');

		const original = freshdesk.readTicket(loadFixture('freshdesk', 'ticket-open.html'), url);
		const copy = freshdesk.readTicket(parse(html), new URL('https://example.freshdesk.com/a/tickets/812'));
		expect(copy?.messages.map(message => [message.id, message.role, message.internal ?? false])).toEqual(
			original?.messages.map(message => [message.id, message.role, message.internal ?? false]),
		);
		expect(copy?.status).toBe('open');
		expect(copy?.messages[1]?.text).toBe(
			'Xxxxx Xxxx, X xxx xxx xxxx xxxxxxx and xxxx xxxxx xxx xxxxxxx xxxx to xxxxxx xxx.\n\nXxxxxxx,\nXxxxx',
		);
	});

	test('Zendesk and Intercom pages keep what their adapters read', () => {
		for (const [adapter, folder, file] of [
			[zendesk, 'zendesk', 'ticket-two-tabs.html'],
			[intercom, 'intercom', 'ticket-2026.html'],
		] as const) {
			const url = fixtureUrl(folder, file);
			const copy = parse(scrubbedPage(loadFixture(folder, file), {url, helpdesk: folder, savedAt}));
			const before = adapter.readTicket(loadFixture(folder, file), url);
			const after = adapter.readTicket(copy, new URL(neutralUrl(url)));
			expect(
				after?.messages.map(message => message.role),
				folder,
			).toEqual(before?.messages.map(message => message.role));
			expect(after?.ticketId, folder).toBe(before?.ticketId);
		}
	});

	test('scripts, handlers, frames, media and comments go; links keep their path on the neutral host; form values are scrubbed', () => {
		const page =
			parse(`<html><head><title>Help</title><script>steal()</script><link rel="stylesheet" href="https://cdn.example/x.css"></head><body>
			<!-- Aiko's secret -->
			<a href="/a/tickets/812?token=abc" onclick="steal()">Ticket</a> <a href="/a/contacts/4400112">contact</a> <a href="https://evil.example/p?u=aiko">x</a> <a href="mailto:aiko@example.org">mail</a>
			<img src="https://cdn.example/aiko.png" alt="Aiko Tanaka"><iframe srcdoc="<p>Aiko</p>"></iframe>
			<input value="Aiko Tanaka" placeholder="Name"><textarea>Dear Aiko</textarea>
			<div data-test-id="user-name" data-account-name="Tanaka Imports" data-album="note_9100005" title="Aiko Tanaka">Aiko</div>
			<div style="margin-left: auto; background: url(https://tracker.example/a.png)">x</div></body></html>`);
		const html = scrubbedPage(page, {url: new URL('https://acme.freshdesk.com/a/tickets/812?x=1#top'), helpdesk: 'freshdesk', savedAt});
		for (const word of ['Aiko', 'Tanaka', 'steal', 'token', 'evil', 'cdn.example', 'tracker', 'secret', 'acme']) {
			expect(html, word).not.toContain(word);
		}

		expect(html).toContain('href="/a/tickets/812"');
		expect(html).toContain('href="/a/contacts/0000000"');
		expect(html).toContain('href="https://example.invalid/"');
		expect(html).toContain('href="mailto:person@example.invalid"');
		expect(html).toContain('data-test-id="user-name"');
		expect(html).toContain('data-album="note_9100005"');
		expect(html).toContain('data-account-name="Xxxxxx Xxxxxxx"');
		expect(html).toContain('<iframe></iframe>');
		expect(html).toContain('style="margin-left: auto; background: none"');
		expect(html).not.toContain('<script');
	});

	test('a huge page is cut off and says so', () => {
		const page = parse(`<html><body>${'<p>Aiko</p>'.repeat(500)}</body></html>`);
		const html = scrubbedPage(page, {
			url: new URL('https://acme.zendesk.com/agent/tickets/1'),
			helpdesk: 'zendesk',
			savedAt,
			maxElements: 100,
		});
		expect(html.split('\n')[0]).toContain('cut off after 100 elements');
		expect(html.match(/<p>/g)).toHaveLength(97); // html, head, body and 97 paragraphs
	});

	test('neutral addresses drop the company and the query, keep the path', () => {
		expect(neutralUrl(new URL('https://acme.zendesk.com/agent/tickets/4821?commentId=9'))).toBe(
			'https://example.zendesk.com/agent/tickets/4821',
		);
		expect(neutralUrl(new URL('https://support.example.org/#ticket/zoom/812'))).toBe('https://example.example.org/#ticket/zoom/812');
		expect(neutralUrl(new URL('https://secure.helpscout.net/conversation/1/2'))).toBe('https://example.helpscout.net/conversation/1/2');
		expect(neutralUrl(new URL('http://127.0.0.1:5178/a/tickets/812'))).toBe('http://127.0.0.1:5178/a/tickets/812');
		expect(neutralUrl(new URL('http://localhost:8080/a/tickets/812'))).toBe('http://localhost:8080/a/tickets/812');
	});

	test('the fixtures used here hold those people to begin with', () => {
		expect(people.filter(word => !fixtureHtml('freshdesk', 'ticket-open.html').includes(word))).toEqual([]);
	});
});
