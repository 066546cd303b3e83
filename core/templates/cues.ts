// Situation cues: words in the thread that tell which reply fits, for situations the risk signals do
// not name (a data request, a competitor, a renewal, a third party the agent is waiting on). They
// choose templates only; they never add risk. Where a risk signal names the same thing
// (phrase.payment-dispute, phrase.non-delivery, ...), ranking reads the signal first and a cue is the
// fallback. Patterns use the phrase-pack syntax (signals/phrase-packs/en.ts).
import {compilePhrase} from '../signals/phrases.ts';

export type Cue = {
	id: string;
	/** Read from the customer's own words, or from the agent's replies and internal notes. */
	from: 'customer' | 'agent';
	label: string;
	patterns: string[];
};

// Built in a function marked pure: a helpdesk page gets the cues from the background as data.
export const cues: readonly Cue[] = /* @__PURE__ */ builtInCues();

/** A cue a template condition or a situation's gate may name: a built-in one, or the ticket's language (suggest.ts). */
export type CueId = ReturnType<typeof builtInCues>[number]['id'] | 'other-language';

function builtInCues() {
	return [
		{
			id: 'chargeback',
			from: 'customer',
			label: 'payment dispute',
			patterns: [
				'chargeback*',
				'charge back',
				'{dispute|disputing} the {charge|payment|transaction}',
				'{file|raise|open|opening} a dispute',
				'reverse the {charge|payment}',
				'my bank {will|to} {dispute|reverse|recover}',
				'{call|calling|contact|contacting} my bank',
			],
		},
		{
			id: 'billing',
			from: 'customer',
			label: 'billing error',
			patterns: [
				'{charged|billed} {twice|double|two times|wrongly|incorrectly|again|the wrong amount}',
				'double {charge|charged|billing|payment}',
				'duplicate {charge|payment|transaction}',
				'overcharged',
				'wrong amount',
				"refund {not received|never arrived|still not here|has not arrived|hasn't arrived}",
				"{haven't|have not|still have not|never} {received|got|seen} {my|the} refund",
				'{two|2} {charges|payments}',
			],
		},
		{
			id: 'non-delivery',
			from: 'customer',
			label: 'order not delivered',
			patterns: [
				'never {arrived|came|turned up|showed up}',
				"{hasn't|has not|didn't|did not|still hasn't|still has not} {arrived|come|been delivered|turned up}",
				'{parcel|package|order|delivery} {is|was|went} {missing|lost}',
				'not {been}? delivered',
				"tracking {has not|hasn't|has} {moved|changed|updated}",
				'where is my {order|parcel|package|delivery}',
				'{lost|missing} {parcel|package|order|delivery}',
			],
		},
		{
			id: 'faulty',
			from: 'customer',
			label: 'faulty item',
			patterns: [
				'arrived {broken|damaged|cracked|faulty|defective|smashed}',
				'{broken|damaged|cracked|faulty|defective|torn|scratched|dented|smashed} {item|product|parcel|screen|one|unit|box}',
				'{is|was|came} {broken|damaged|cracked|faulty|defective}',
				'{stopped|stops} working after',
				'poor quality',
				'falling apart',
			],
		},
		{
			id: 'not-working',
			from: 'customer',
			label: 'not working',
			patterns: [
				"{doesn't|does not|won't|will not|isn't|is not|stopped|keeps|still not} {work|working|load|loading|sync|syncing|connecting|crashing|freezing|opening}",
				'error message',
				"{can't|cannot|unable to} {log in|login|sign in|access|open|connect}",
				'{bug|crash|crashes|glitch}',
			],
		},
		{
			id: 'outage',
			from: 'customer',
			label: 'outage',
			patterns: [
				'outage',
				'{site|service|app|system|platform|website|server|servers|everything} {is|are|has been|seems|went|goes} down',
				'down for {everyone|all of us|hours|the whole team}',
				"{everyone|all our users|our whole team|nobody|none of us} {can't|cannot|is unable|are unable|can}",
				'status page',
				'{offline|unavailable} {for|since}',
			],
		},
		{
			id: 'regulator',
			from: 'customer',
			label: 'regulator or ombudsman',
			patterns: [
				'ombudsman',
				'regulator*',
				'trading standards',
				'consumer {protection|rights|agency|council|affairs}',
				'ftc',
				'cfpb',
				'fca',
				'ofcom',
				'ofgem',
				'attorney general',
				'better business bureau',
				'data protection {authority|commissioner}',
			],
		},
		{
			id: 'competitor',
			from: 'customer',
			label: 'switching to a competitor',
			patterns: [
				'competitor*',
				'{switch|switching|move|moving|go|going} {to|over to} {another|a different|a cheaper} {provider|company|service|tool|supplier|vendor}',
				'{another|other} {provider|company|supplier} {offers|is cheaper|gives}',
			],
		},
		{
			id: 'renewal',
			from: 'customer',
			label: 'renewal at stake',
			patterns: [
				'renewal',
				'{renew|renewing} {our|my|the} {contract|subscription|plan|licence|license|account}',
				'{contract|subscription|plan|licence|license} {is up|ends|expires|runs out|is due}',
				"{won't|will not|not going to|not} renew",
			],
		},
		{
			id: 'cancel-firm',
			from: 'customer',
			label: 'has decided to cancel',
			patterns: [
				'cancel {it|my account|the account|my subscription|our subscription|everything} {now|today|immediately|right now}',
				'{just|please just} cancel',
				"{i have|i've|we have|we've} {decided|made up my mind|made up our minds}",
				'my decision is final',
				"{do not|don't} try to {keep|change my mind|talk me out}",
				'no {offers|discounts|deals} please',
				'confirm the cancellation',
			],
		},
		{
			id: 'data-request',
			from: 'customer',
			label: 'personal data request',
			patterns: [
				'{delete|erase|remove|wipe} {my|all my|our|all our} {data|personal data|personal information|information|details|account and data}',
				'right to {be forgotten|erasure|access}',
				'{subject access|data access|data subject access|data subject} request',
				'gdpr',
				'ccpa',
				'what {data|personal data|information} do you {have|hold|store|keep}',
				'{copy|export} of {my|all my|our} {data|personal data|information}',
			],
		},
		{
			id: 'harm',
			from: 'customer',
			label: 'risk of harm',
			patterns: [
				'kill myself',
				'end my life',
				'suicid*',
				'self-harm',
				'self harm',
				'hurt myself',
				"{don't|do not} want to {live|be here} {anymore|any more}",
				"{can't|cannot} go on",
			],
		},
		{
			id: 'threat',
			from: 'customer',
			label: 'threat of violence',
			patterns: [
				'{hurt|harm|kill|beat up|hit} {you|someone|your staff|them|somebody|your agent}',
				'i know where you {work|live}',
				'{come|coming} {down|round|over} there and',
			],
		},
		{
			id: 'vulnerable',
			from: 'customer',
			label: 'in a hard situation',
			patterns: [
				'{passed away|died|bereave*|funeral}',
				'{lost|losing} my job',
				"{can't|cannot} afford {food|to eat|rent|my rent|the rent|medication|my medication|to pay}",
				'{in|at|from} {the}? hospital',
				'{disabled|disability|wheelchair|carer|caring for}',
				'{dementia|terminally ill|cancer}',
				'domestic {abuse|violence}',
			],
		},
		{
			id: 'exception',
			from: 'customer',
			label: 'asks for an exception',
			patterns: [
				'{make|making} an exception',
				'exception {for me|in my case|this time}',
				'bend the rules',
				'just this once',
				'{special|exceptional} {case|circumstances}',
				'gesture of goodwill',
				'goodwill {gesture|refund|credit}',
			],
		},
		{
			id: 'told-before',
			from: 'customer',
			label: 'was told something different',
			patterns: [
				'i was told',
				'{you|your colleague|your agent|the agent|someone|your team|they} {told|promised|assured} me',
				'was promised',
				'{conflicting|contradictory|different} {information|answers|replies}',
				'you said * but',
				'that is not what {you|your colleague} said',
			],
		},
		{
			id: 'confused',
			from: 'customer',
			label: 'unsure what we meant',
			patterns: ['what do you mean', "{i don't|i do not} understand", 'confus*', "{not|isn't|is not} clear", 'unclear', 'can you explain'],
		},
		{
			id: 'third-party',
			from: 'agent',
			label: 'waiting on a third party',
			patterns: [
				'waiting {on|for} {the|our}? {carrier|courier|supplier|manufacturer|warehouse|bank|partner|vendor|payment provider|third party|airline|landlord}',
				'{chased|asked|contacted|emailed|called} the {carrier|courier|supplier|manufacturer|warehouse|vendor|partner|bank}',
				"{carrier|courier|supplier|manufacturer|vendor|partner} {has not|hasn't|is still|still}",
			],
		},
		{
			id: 'own-mistake',
			from: 'agent',
			label: 'our own mistake',
			patterns: [
				'{my|our} mistake',
				'i {gave|sent|told} {you|the customer|them} the wrong',
				'agent error',
				'i got it wrong',
				'{i|we} made {a|an} {mistake|error}',
				'my error',
				'{i|we} {gave|sent} {the}? wrong {information|address|details|item}',
			],
		},
	] as const satisfies Cue[];
}

const compiledCues = new WeakMap<readonly Cue[], Array<{cue: Cue; regex: RegExp}>>();

/** Cues found in the text, with the words that matched. */
export function findCues(customerText: string, agentText: string): Map<string, string> {
	return findCuesWith(cues, customerText, agentText);
}

/** findCues with the cues given (a helpdesk page gets them from the background). */
export function findCuesWith(list: readonly Cue[], customerText: string, agentText: string): Map<string, string> {
	let compiled = compiledCues.get(list);
	if (!compiled) {
		compiled = list.map(cue => ({cue, regex: compilePhrase(`{${cue.patterns.join('|')}}`)}));
		compiledCues.set(list, compiled);
	}

	const found = new Map<string, string>();
	for (const {cue, regex} of compiled) {
		regex.lastIndex = 0;
		const match = regex.exec(cue.from === 'customer' ? customerText : agentText);
		if (match) {
			found.set(cue.id, match[0]);
		}
	}

	return found;
}

/** The words for each cue, by id. */
export function labelsOf(list: readonly Cue[]): Record<string, string> {
	return Object.fromEntries(list.map(cue => [cue.id, cue.label]));
}
