import {describe, expect, test} from 'vitest';
import {
	builtInPacks,
	compilePack,
	detectLanguages,
	detectPhrases,
	findPhrases,
	phraseFamilies,
	validatePhrasePack,
	type PhraseFamily,
	type PhrasePack,
} from './phrases.ts';
import type {PreparedMessage, PreparedTicket} from './types.ts';

const allPacks = Object.values(builtInPacks);

function families(text: string, packs: readonly PhrasePack[] = allPacks, disabled: ReadonlySet<string> = new Set()): string[] {
	return findPhrases(text, [{start: 0, end: text.length}], packs, disabled)
		.filter(match => !match.negated)
		.map(match => match.family);
}

describe('English families', () => {
	test.each<[string, PhraseFamily]>([
		['Let me speak to your supervisor.', 'manager'],
		['I want a manager now', 'manager'],
		['Please escalate this immediately', 'manager'],
		['I am filing a formal complaint', 'manager'],
		['My lawyer will hear about this', 'legal'],
		['I will file a chargeback with my bank', 'payment-dispute'],
		['I am reporting you to the FTC', 'legal'],
		['Next stop is the ombudsman', 'legal'],
		['Cancel my subscription today', 'churn'],
		['We are switching to a competitor', 'churn'],
		['I will never order from you again', 'churn'],
		['This is the third time I am asking', 'repeat'],
		['It is still not fixed', 'repeat'],
		['As I already said, the tracking number is wrong', 'repeat'],
		['I have contacted you four times', 'repeat'],
		['I will leave a one star review everywhere', 'public'],
		['Posting this on Twitter', 'public'],
		['This is urgent', 'urgency'],
		['Our production is down', 'urgency'],
		['You people are useless', 'insult'],
		['what the fuck', 'insult'],
	])('%s -> %s', (text, family) => {
		expect(families(text)).toContain(family);
	});

	test.each([
		"I don't want to cancel my subscription, I just want it to work.",
		'No need for a manager, thanks, you solved it.',
		'I am not going to sue anyone.',
		'Thanks, no rush on this.',
		'Great service, I will recommend you to friends.',
		'Could you check my invoice from March?',
		'I canceled the old order by mistake, can you restore it?',
		'I need the report for my manager by Friday',
	])('no escalation family in: %s', text => {
		expect(families(text).filter(family => family !== 'urgency')).toEqual([]);
	});

	test('a negator in an earlier clause does not cancel a match', () => {
		expect(families('No, I want to cancel my subscription.')).toContain('churn');
		expect(families('I did not like the reply, so let me speak to your supervisor')).toContain('manager');
	});

	test('a negation inside a condition does not cancel the threat', () => {
		expect(families('If this is not fixed today we are moving to another provider.')).toContain('churn');
		expect(families("Unless you don't reply by Monday I will call my lawyer")).toContain('legal');
	});

	test('offsets point at the phrase', () => {
		const text = 'Hello. Let me speak to your supervisor!';
		const [match] = findPhrases(text, [{start: 0, end: text.length}], allPacks);
		expect(text.slice(match!.start, match!.end)).toBe('speak to your supervisor');
	});

	test('only the given ranges are searched', () => {
		const text = 'Fine now.\n> I will sue you';
		expect(findPhrases(text, [{start: 0, end: 9}], allPacks)).toEqual([]);
	});
});

describe('other languages (first four families)', () => {
	test.each<[string, PhraseFamily[]]>([
		['Quiero hablar con un supervisor. Voy a cancelar mi cuenta.', ['manager', 'churn']],
		['Es la tercera vez que escribo, llamaré a mi abogado', ['repeat', 'legal']],
		['Ich möchte Ihren Vorgesetzten sprechen, sonst gehe ich zum Anwalt', ['manager', 'legal']],
		['Ich kündige meinen Vertrag, es ist immer noch nicht gelöst', ['churn', 'repeat']],
		['Je veux parler à un responsable, sinon je porte plainte', ['manager', 'legal']],
		["Je vais résilier mon abonnement, c'est la troisième fois", ['churn', 'repeat']],
		['Quero falar com o gerente, vou ao Procon', ['manager', 'legal']],
		['Vou cancelar minha assinatura, já liguei três vezes', ['churn', 'repeat']],
	])('%s', (text, expected) => {
		const found = families(text);
		for (const family of expected) {
			expect(found).toContain(family);
		}
	});

	test('negation in German and Spanish', () => {
		expect(families('Ich will nicht kündigen', [builtInPacks.de!])).toEqual([]);
		expect(families('No quiero cancelar mi cuenta', [builtInPacks.es!])).toEqual([]);
	});

	test('every built-in pack has the first four families', () => {
		for (const pack of allPacks) {
			for (const family of phraseFamilies.slice(0, 4)) {
				expect(pack.families[family]?.length, `${pack.id}:${family}`).toBeGreaterThan(0);
			}
		}
	});

	test('detectLanguages', () => {
		expect(detectLanguages('Hola, todavía no he recibido mi pedido y quiero una solución')).toContain('es');
		expect(detectLanguages('Hallo, ich habe immer noch keine Antwort bekommen, bitte')).toContain('de');
		expect(detectLanguages('Hi, I still have not received my order')).toEqual([]);
	});
});

describe('packs are editable data', () => {
	test('packs survive a JSON round trip and compile the same', () => {
		const copy = JSON.parse(JSON.stringify(builtInPacks.en)) as PhrasePack;
		expect(families('speak to a supervisor', [copy])).toEqual(['manager']);
	});

	test('an extra user pack adds phrases, with the syntax', () => {
		const custom: PhrasePack = {
			id: 'acme',
			language: 'en',
			negators: ['not'],
			families: {churn: ['{move|moving} to {globex|initech}', 'refund*me']},
		};
		expect(families('We are moving to Globex next month', [custom])).toEqual(['churn']);
		expect(families('We are not moving to Globex', [custom])).toEqual([]);
	});

	test('families can be disabled globally or per pack', () => {
		expect(families('This is urgent', allPacks, new Set(['urgency']))).toEqual([]);
		expect(families('This is urgent', [builtInPacks.en!], new Set(['en:urgency']))).toEqual([]);
		expect(families('This is urgent', [builtInPacks.en!], new Set(['de:urgency']))).toEqual(['urgency']);
	});

	test('compiled packs are cached per object', () => {
		expect(compilePack(builtInPacks.en!)).toBe(compilePack(builtInPacks.en!));
	});

	test('validatePhrasePack', () => {
		expect(validatePhrasePack({id: 'x', language: 'en', negators: [], families: {churn: ['leave']}}).ok).toBe(true);
		const bad = validatePhrasePack({id: '', language: 'english', families: {anger: ['x'], churn: [1]}});
		expect(bad.ok ? [] : bad.errors).toEqual([
			'id must be a non-empty string',
			'language must be a 2-3 letter code',
			'unknown family: anger',
			'churn must be a list of strings',
		]);
	});

	test('regex characters in user patterns are literal', () => {
		const custom: PhrasePack = {id: 'x', language: 'en', negators: [], families: {insult: ['(a+)+$', 'c.d']}};
		expect(families('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', [custom])).toEqual([]);
		expect(families('x (a+)+$ y', [custom])).toEqual(['insult']);
		expect(families('cxd', [custom])).toEqual([]);
	});
});

function prepared(texts: string[]): PreparedTicket {
	const messages: PreparedMessage[] = texts.map((text, index) => ({
		index,
		role: index % 2 === 0 ? 'customer' : 'agent',
		internal: false,
		text,
		kept: [{start: 0, end: text.length}],
		at: undefined,
		tone: 0,
		closing: false,
	}));
	return {
		ticket: {helpdesk: 'demo', ticketId: '1', messages: messages.map(({role, text}) => ({role, text}))},
		messages,
		customer: messages.filter(message => message.role === 'customer'),
		now: undefined,
	};
}

describe('detectPhrases', () => {
	test('one finding per family with evidence and recency', () => {
		const ticket = prepared([
			'I want to speak to a manager.',
			'Sure, one moment.',
			'Fine.',
			'Anything else?',
			'Still not fixed. Manager now!',
		]);
		const findings = detectPhrases(ticket, {packs: allPacks, disabled: new Set()});
		const manager = findings.find(finding => finding.id === 'phrase.manager');
		expect(manager?.evidence).toEqual([
			{messageIndex: 0, start: 10, end: 28},
			{messageIndex: 4, start: 17, end: 28},
		]);
		expect(manager?.strength).toBe(1);
		expect(manager?.label).toBe("asked for a manager or escalation: 'speak to a manager' (+1 more)");
		const repeat = findings.find(finding => finding.id === 'phrase.repeat');
		expect(repeat?.strength).toBe(1);
	});

	test('older phrases count less', () => {
		const findings = detectPhrases(prepared(['I will call my lawyer.', 'ok', 'Thanks, that works.']), {
			packs: allPacks,
			disabled: new Set(),
		});
		expect(findings.find(finding => finding.id === 'phrase.legal')?.strength).toBe(0.75);
	});

	test('agent messages are not scanned', () => {
		expect(detectPhrases(prepared(['Hi', 'Do you want to speak to a manager?']), {packs: allPacks, disabled: new Set()})).toEqual([]);
	});
});
