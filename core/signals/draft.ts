// The agent's own draft: phrasing known to escalate, each with a calmer alternative.
// Rules use the phrase-pack syntax (see phrase-packs/en.ts) and are plain data.
import {compilePhrase} from './phrases.ts';

export type DraftRule = {id: string; patterns: string[]; suggestion: string};

export type DraftIssue = {start: number; end: number; phrase: string; ruleId: string; suggestion: string};

export const draftRules: readonly DraftRule[] = [
	{id: 'nothing-i-can-do', patterns: ['{there is|there\'s|there isn\'t|there is not}? nothing {more|else}? {i|we} can do', 'nothing {more|else}? {i|we} can do', '{i|we} can\'t do anything', '{i|we} cannot do anything', 'out of {my|our} hands'], suggestion: 'Say what you can do: "Here is what I can do for you: ..."'},
	{id: 'as-i-said', patterns: ['as {i|we} {already|previously|have}? {said|stated|mentioned|explained|told you}', 'as {previously|already} {stated|mentioned|explained}', 'as stated {in|above|before}', 'like i said', 'i already told you'], suggestion: 'Recap without blame: "To recap where we are: ..."'},
	{id: 'calm-down', patterns: ['calm down', 'relax', 'no need to {shout|yell|be rude|get upset}', 'there is no need to be'], suggestion: 'Acknowledge the feeling: "I understand why this is frustrating, and I want to get it sorted."'},
	{id: 'per-policy', patterns: ['{per|as per|according to|due to|it\'s|it is|that\'s|that is} {our|company|the company|store}? policy', 'policy {states|says|does not allow|doesn\'t allow}', 'rules are rules', 'i\'m just following {the|our}? {rules|policy|procedure}'], suggestion: 'Explain the reason and offer an alternative: "The rule exists because ...; what I can do instead is ..."'},
	{id: 'you-should-have', patterns: ['you should have', 'you should\'ve', 'you must have', 'you failed to', 'you didn\'t read', 'if you had read', 'your fault'], suggestion: 'Describe the situation, not the customer: "It looks like ... Here is how we fix it."'},
	{id: 'not-my-job', patterns: ['{not|isn\'t} my {job|department|problem|responsibility}', 'not {our|my} fault', 'we are not responsible', 'we\'re not responsible', 'nothing to do with us', 'another department'], suggestion: 'Own the handover: "I will pass this to our ... team myself and stay on it until you have an answer."'},
	{id: 'we-will-try', patterns: ['{we|the team|they} will try', '{we|the team|they}\'ll try', 'we might be able', 'hopefully {someone|the team}'], suggestion: 'Make a concrete promise: "I will ... and update you by {time}."'},
	{id: 'i-dont-know', patterns: ['i {don\'t|do not} know', 'no idea', 'i\'m not sure what', 'not sure why'], suggestion: 'Find out and commit: "Let me check that and come back to you by {time}."'},
	{id: 'you-are-wrong', patterns: ['you {are|\'re} wrong', 'you misunderstood', 'you {are|\'re} mistaken', 'that is not what i said', 'you {are|\'re} confused', 'you {don\'t|do not} understand'], suggestion: 'Take the misunderstanding on yourself: "I may not have explained that clearly. What I meant is ..."'},
	{id: 'be-patient', patterns: ['{please|kindly} be patient', 'you {will|\'ll} have to wait', 'you need to wait', 'just wait'], suggestion: 'Thank and give a time: "Thank you for bearing with us; I will update you by {time}."'},
	{id: 'generic-apology', patterns: ['{sorry|apologi*} for any inconvenience', 'we apologi* for the inconvenience', 'sorry you feel that way', 'sorry if you {feel|felt}'], suggestion: 'Apologise for the specific thing: "I\'m sorry the refund has taken two weeks."'},
	{id: 'impossible', patterns: ['{that\'s|that is|it\'s|it is} impossible', 'no way {we|i} can', '{we|i} {can\'t|cannot|won\'t|will not} {do|make} {that|an exception|exceptions}', 'the system {doesn\'t|does not|won\'t|will not} {let|allow}'], suggestion: 'Pair the no with a yes: "I can\'t do that, but I can ..."'},
	{id: 'dismissive', patterns: ['obviously', 'clearly you', 'with all due respect', 'you have to understand', 'to be fair', 'i have other customers', 'you are not the only'], suggestion: 'Drop it; it reads as condescending.'},
];

type CompiledRule = {rule: DraftRule; regexes: RegExp[]};
const compiled: CompiledRule[] = draftRules.map(rule => ({rule, regexes: rule.patterns.map(pattern => compilePhrase(pattern))}));

/** Phrasing in the agent's draft that tends to escalate, in text order, with a suggested rewording. */
export function checkDraft(text: string): DraftIssue[] {
	if (typeof text !== 'string' || text.trim() === '') {
		return [];
	}

	const issues: DraftIssue[] = [];
	for (const {rule, regexes} of compiled) {
		for (const regex of regexes) {
			regex.lastIndex = 0;
			for (let match = regex.exec(text); match; match = regex.exec(text)) {
				const start = match.index;
				const end = start + match[0].length;
				if (end === start) {
					regex.lastIndex++;
				} else if (!issues.some(issue => start < issue.end && issue.start < end)) {
					issues.push({start, end, phrase: match[0], ruleId: rule.id, suggestion: rule.suggestion});
				}
			}
		}
	}

	return issues.sort((a, b) => a.start - b.start);
}
