import {expect, test} from 'vitest';
import {checkDraft} from './draft.ts';

test.each([
	['I am afraid there is nothing I can do about it.', 'nothing-i-can-do', 'there is nothing I can do'],
	['As I already said, the refund takes 10 days.', 'as-i-said', 'As I already said'],
	['Please calm down, sir.', 'calm-down', 'calm down'],
	['Per our policy we cannot refund opened items.', 'per-policy', 'Per our policy'],
	['You should have read the terms.', 'you-should-have', 'You should have'],
	['That is not my department.', 'not-my-job', 'not my department'],
	['We apologize for any inconvenience.', 'generic-apology', 'apologize for any inconvenience'],
])('%s', (text, ruleId, phrase) => {
	const issues = checkDraft(text);
	expect(issues.map(issue => issue.ruleId)).toContain(ruleId);
	const issue = issues.find(item => item.ruleId === ruleId)!;
	expect(text.slice(issue.start, issue.end)).toBe(phrase);
	expect(issue.phrase).toBe(phrase);
	expect(issue.suggestion.length).toBeGreaterThan(10);
});

test('a good draft has no issues', () => {
	expect(checkDraft('Hi Dana, I understand why this is frustrating. I have refunded the second charge myself and will confirm by 3 pm today. Anna')).toEqual([]);
});

test('issues come back in text order and do not overlap', () => {
	const issues = checkDraft('Calm down. As I said, per our policy there is nothing I can do.');
	expect(issues.map(issue => issue.ruleId)).toEqual(['calm-down', 'as-i-said', 'per-policy', 'nothing-i-can-do']);
});

test('empty and odd input', () => {
	expect(checkDraft('')).toEqual([]);
	expect(checkDraft('<b>calm down</b>')[0]?.ruleId).toBe('calm-down');
});
