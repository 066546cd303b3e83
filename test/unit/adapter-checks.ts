// Checks every adapter test runs the same way: URL detectors against every fixture folder's urls.json,
// an execCommand stand-in (happy-dom has no editing commands), and the mutated-page robustness run.
import {describe, expect, test} from 'vitest';
import type {Adapter} from '../../core/helpdesks/adapter.ts';
import {exampleUrls, fixtureUrl, loadFixture} from '../fixtures.ts';
import {listProblems, robustnessFailures, snapshotProblems} from './mutate.ts';

/** Own ticket/list URLs are recognised; every other helpdesk's URLs are rejected by both detectors. */
export function describeUrlDetectors(adapter: Adapter, own = adapter.id): void {
	const examples = exampleUrls();
	const mine = examples[own];
	describe(`${adapter.id} URL detectors`, () => {
		test('has example URLs', () => {
			expect(mine?.ticket.length).toBeGreaterThan(0);
			expect(mine?.list.length).toBeGreaterThan(0);
		});
		test.each(mine?.ticket ?? [])('ticket page: %s', url => {
			expect(adapter.isTicketPage(new URL(url))).toBe(true);
			expect(adapter.isListPage(new URL(url))).toBe(false);
		});
		test.each(mine?.list ?? [])('list page: %s', url => {
			expect(adapter.isListPage(new URL(url))).toBe(true);
			expect(adapter.isTicketPage(new URL(url))).toBe(false);
		});
		const others = Object.entries(examples)
			.filter(([id]) => id !== own)
			.flatMap(([id, urls]) => [...urls.ticket, ...urls.list].map(url => [id, url] as const));
		test.each(others)('rejects %s URL %s', (_id, url) => {
			expect(adapter.isTicketPage(new URL(url))).toBe(false);
			expect(adapter.isListPage(new URL(url))).toBe(false);
		});
	});
}

export type TypedText = {target: Element | null; text: string};

/**
 * Gives a parsed page an execCommand('insertText') that behaves like a browser's: it inserts at the
 * focused editable and fires a bubbling input event. Returns the log of what was typed where.
 */
export function stubExecCommand(page: Document): TypedText[] {
	const typed: TypedText[] = [];
	Object.defineProperty(page, 'execCommand', {
		configurable: true,
		value(command: string, _ui: boolean, value: string) {
			const target = page.activeElement;
			if (command !== 'insertText' || !(target instanceof page.defaultView!.HTMLElement) || !target.isContentEditable) {
				return false;
			}

			target.append(page.createTextNode(value));
			target.dispatchEvent(new page.defaultView!.InputEvent('input', {bubbles: true, inputType: 'insertText', data: value}));
			typed.push({target, text: value});
			return true;
		},
	});
	return typed;
}

/**
 * Feeds `states` randomly mutated states of each fixture (removed, shuffled, duplicated and emptied nodes,
 * odd attributes, huge and script-looking text) to readTicket, readList and insertReply: no exception may
 * escape, and everything that comes out is plain data. Long-thread fixtures (`*long*`) get `longStates`:
 * the same markup repeated, where one read costs ~100x more in happy-dom.
 */
// 300 states for each of the 37 ordinary fixtures plus 40 for each long thread: over 11,000 mutated
// pages per run, in about a fifth of the time 1,000 each took. DEFUSE_FUZZ_STATES raises it for a deeper run.
const defaultStates = Number(process.env['DEFUSE_FUZZ_STATES'] ?? 300);

export function describeRobustness(
	adapter: Adapter,
	folder: string,
	files: readonly string[],
	states = defaultStates,
	longStates = 40,
): void {
	describe(`${adapter.id} on mutated pages`, () => {
		test.each(files)(
			'%s',
			file => {
				const page = loadFixture(folder, file);
				const url = fixtureUrl(folder, file);
				const failures = robustnessFailures({
					page,
					states: file.includes('long') ? longStates : states,
					seed: [...file].reduce((sum, char) => sum + char.charCodeAt(0), 0),
					read(copy) {
						const snapshot = adapter.readTicket(copy, url);
						const outcome = adapter.insertReply(copy, '<b>Hello</b> & welcome');
						const outcomeOk = outcome.ok
							? ['insert-text', 'value'].includes(outcome.via)
							: outcome.via === 'bridge'
								? typeof outcome.editor === 'string' && typeof outcome.selector === 'string'
								: typeof outcome.reason === 'string';
						return [
							...snapshotProblems(snapshot),
							...listProblems(adapter.readList(copy, url)),
							...(outcomeOk ? [] : ['insertReply outcome malformed']),
						];
					},
				});
				expect(failures.slice(0, 5)).toEqual([]);
			},
			90_000,
		); // A long thread's 40 states take about 5 s alone, and a busy machine can take four times that
	});
}
