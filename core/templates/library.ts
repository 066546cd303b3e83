// The built-in English template library (design.md section 5b). Each reply acknowledges the feeling
// first without blaming anyone, names one owner ("I will"), states the next step and when the customer
// hears back, explains a rule instead of hiding behind it, and promises nothing the agent cannot keep:
// on legal, chargeback and cancellation tickets it stays factual and leaves the customer's own routes
// (their bank, a regulator, leaving) open. Ids of templates that existed before are kept, so the
// dashboard's template history stays continuous.
//
// One grammatical form per placeholder across the library (template.ts placeholderInfo):
// {{next.step}}, {{offer}}, {{alternative}}, {{refused.action}} follow "I will" / "I can" ("ask the
// carrier to trace your parcel"); {{eta}} follows "by" ("3 pm today"); {{team}} is a team's name
// ("Billing"); {{answer}} is one or more whole sentences; {{status}} and {{request.summary}} are
// phrases ("the carrier has opened a trace", "a refund for the second charge").
import {describedTemplate, type Condition, type Placeholder, type Template} from './template.ts';

const firstName: Placeholder = {key: 'customer.firstName', required: false, fallback: 'there'};
const agent: Placeholder = {key: 'agent.name', required: true};
const signature: Placeholder = {key: 'agent.signature', required: false};
const ticket: Placeholder = {key: 'ticket.id', required: false};
const eta: Placeholder = {key: 'eta', required: true};
const nextStep: Placeholder = {key: 'next.step', required: true};
const team: Placeholder = {key: 'team', required: true};
const reason: Placeholder = {key: 'policy.reason', required: true};
const refused: Placeholder = {key: 'refused.action', required: true};
const alternative: Placeholder = {key: 'alternative', required: true};
const request: Placeholder = {key: 'request.summary', required: true};
const answer: Placeholder = {key: 'answer', required: true};
const status: Placeholder = {key: 'status', required: true};
const offer: Placeholder = {key: 'offer', required: true};
const supervisor: Placeholder = {key: 'supervisor.name', required: false, fallback: 'my team lead'};
const optional = (key: string): Placeholder => ({key, required: false});

const greeting = 'Hi {{customer.firstName}},\n\n';
const signOff = '\n\n{{agent.name}}[[\n{{agent.signature}}]]';

type Fit = {requires?: Condition[]; prefers?: Condition[]};

const t = (
	id: string,
	title: string,
	trigger: Template['trigger'],
	situation: Template['situation'],
	body: string,
	placeholders: Placeholder[],
	fit: Fit = {},
): Template =>
	describedTemplate({
		id,
		title,
		language: 'en',
		trigger,
		situation,
		body: `${greeting}${body}${signOff}`,
		placeholders: [firstName, ...placeholders, agent, signature],
		...fit,
	});

const first: Condition = {reply: 'first'};
const followUp: Condition = {reply: 'follow-up'};

// Built in a function marked pure, so a bundle that never reads the library (a helpdesk page, which
// gets the templates in use from the background) leaves all of it out.
export const templateLibrary: readonly Template[] = /* @__PURE__ */ library();

function library(): Template[] {
	return [
		// An upset customer, nothing more specific known
		t(
			'angry-first-reply-ownership',
			'Upset customer: acknowledge and take ownership',
			'any',
			'angry-first-reply',
			"I'm sorry this has been so frustrating, and thank you for telling us plainly. I'm {{agent.name}}, and I will look after this myself from here[[ (reference {{ticket.id}})]].\n\nI will {{next.step}}, and I will update you by {{eta}}.",
			[ticket, nextStep, eta],
			{prefers: [first, {signal: 'tone.negative'}]},
		),

		// Faulty product or service
		t(
			'angry-quality-first-reply',
			'Product let them down: log it and own the fix',
			'poor-quality',
			'quality-issue',
			"I'm sorry {{product}} let you down; that is not what you paid for. I have logged the fault[[ under {{ticket.id}}]], and I will {{next.step}}. You will hear from me by {{eta}}.",
			[{key: 'product', required: false, fallback: 'the product'}, ticket, nextStep, eta],
			{
				requires: [{not: {any: [{signal: 'phrase.faulty'}, {signal: 'phrase.not-working'}, {cue: 'faulty'}, {cue: 'not-working'}]}}],
				prefers: [first],
			},
		),
		t(
			'quality-replacement',
			'Arrived damaged or faulty: replacement or refund',
			'poor-quality',
			'quality-issue',
			"I'm sorry the item arrived in that state. I can {{offer}}[[, or {{offer.other}} if you prefer]]. Reply to let me know, and I will arrange it by {{eta}}.",
			[offer, optional('offer.other'), eta],
			{requires: [{any: [{signal: 'phrase.faulty'}, {cue: 'faulty'}]}]},
		),
		t(
			'quality-not-working',
			'Not working: what you need to fix it',
			'poor-quality',
			'quality-issue',
			"I'm sorry it isn't working; I know how frustrating that is when you need it. To find the cause quickly, I need {{info.needed}}. As soon as I have it, I will {{next.step}}, and I will update you by {{eta}}.",
			[{key: 'info.needed', required: true}, nextStep, eta],
			{requires: [{any: [{signal: 'phrase.not-working'}, {cue: 'not-working'}]}]},
		),

		// Order not delivered
		t(
			'non-delivery-trace',
			'Order not arrived: trace it and set a date',
			'poor-quality',
			'non-delivery',
			"I'm sorry your order hasn't arrived; I know how disappointing that is. I am asking {{third.party}} to trace it today, and I will tell you what they find by {{eta}}. If it cannot be found, I will arrange a replacement or a refund, whichever you prefer.",
			[{key: 'third.party', required: false, fallback: 'the carrier'}, eta],
			{prefers: [first]},
		),
		t(
			'non-delivery-resolve',
			'Still not arrived: stop the waiting',
			'poor-quality',
			'non-delivery',
			"Your order still hasn't arrived, and I'm sorry you are still waiting. I don't want you to wait any longer, so I will {{offer}} and confirm it in writing by {{eta}}.",
			[offer, eta],
			{requires: [followUp]},
		),

		// Billing
		t(
			'billing-error-check',
			'Charged wrongly: check and put it right',
			'any',
			'billing-error',
			"I'm sorry about the charge; I understand how worrying it is to see money taken that shouldn't have been. [[I can already see {{billing.finding}}. ]]I'm checking your account now[[ (reference {{ticket.id}})]], and I will confirm by {{eta}} what happened and what I have done to put it right.",
			[optional('billing.finding'), ticket, eta],
			{prefers: [first]},
		),
		t(
			'billing-refund-update',
			'Refund not received yet: where it stands',
			'any',
			'billing-error',
			"Thank you for bearing with us on the refund, and I'm sorry it hasn't reached you yet. Here is where it stands: {{status}}. I will check again and write to you by {{eta}}, whether or not it has arrived.",
			[status, eta],
			{requires: [followUp]},
		),
		t(
			'legal-chargeback',
			'Chargeback or bank dispute: respect their route',
			'any',
			'payment-dispute',
			'I understand you want this payment put right. You are entitled to raise it with your bank, and that is entirely your decision. Separately, I am looking into the charge myself[[ (reference {{ticket.id}})]], and I will write to you by {{eta}} with what I find. Whichever route you choose, I will keep you informed here.',
			[ticket, eta],
		),

		// Legal threat
		t(
			'legal-threat-neutral',
			'Legal threat: calm and factual',
			'any',
			'legal-threat',
			'Thank you for your message. I understand you are considering further steps, and that is your right. I have recorded your concerns[[ under {{ticket.id}}]] and shared them with our {{team}} team.\n\nI will write to you by {{eta}} with where things stand. Until then, I will keep working on the problem itself.',
			[ticket, {key: 'team', required: false, fallback: 'complaints'}, eta],
			{requires: [{not: {cue: 'regulator'}}]},
		),
		t(
			'legal-regulator',
			'Regulator or ombudsman mentioned',
			'any',
			'legal-threat',
			"I'm sorry this has reached the point where you feel you need outside help. I have logged your complaint formally[[ under {{ticket.id}}]]. You will receive a written response, which also explains how to take the complaint further if you are not satisfied. I will write to you by {{eta}} with that response or, if it is not ready, with when it will be.",
			[ticket, eta],
			{requires: [{cue: 'regulator'}]},
		),

		// Manager request and hierarchical escalation
		t(
			'manager-request-accept',
			'Asked for a manager: agree and hand over',
			'any',
			'manager-request',
			"Of course. I have asked {{supervisor.name}}, who can make decisions on this, to contact you, and I have given them the full history so you won't need to repeat anything. I will let you know by {{eta}} when to expect to hear from them.",
			[supervisor, eta],
			{prefers: [{trigger: 'frontline-response'}, {trigger: 'rigid-policy'}]},
		),
		t(
			'manager-request-offer-first',
			'Asked for a manager: hand over and offer a fix now',
			'any',
			'manager-request',
			'I understand, and I have passed your request to {{supervisor.name}}. So you are not left waiting in the meantime, I can {{offer}}. If you would still like to speak with them, tell me and I will arrange it; I will update you by {{eta}} either way.',
			[supervisor, offer, eta],
			{prefers: [{any: [{trigger: 'poor-quality'}, {trigger: 'long-wait'}]}]},
		),
		t(
			'hierarchical-escalation-explained',
			'Needs a decision above you: say who decides',
			'any',
			'hierarchical-escalation',
			"This needs a decision I'm not able to make myself, so I have passed it[[ ({{ticket.id}})]] to {{supervisor.name}}, who can. I have explained the situation in full, so you won't need to repeat it. I will update you by {{eta}} with their decision, or with where it stands if they need longer.",
			[ticket, supervisor, eta],
			{requires: [{not: {trigger: 'rigid-policy'}}]},
		),
		t(
			'policy-exception-review',
			'Policy: ask for an exception, with a route to the answer',
			'rigid-policy',
			'hierarchical-escalation',
			'I hear you, and I think your situation deserves a second look. The usual rule is there because {{policy.reason}}. I have asked {{supervisor.name}} to decide whether an exception is possible in your case.\n\nI will tell you their decision by {{eta}}. If the answer is no, I will explain why and what I can offer instead.',
			[reason, supervisor, eta],
			{requires: [{trigger: 'rigid-policy'}], prefers: [{cue: 'exception'}]},
		),

		// Policy
		t(
			'policy-explain-alternative',
			'Policy: explain the rule and offer what you can',
			'rigid-policy',
			'policy-alternative',
			"I understand why this feels unfair. I can't {{refused.action}}, because {{policy.reason}}. What I can do is {{alternative}}. If you'd like that, reply here and I will set it up straight away.",
			[refused, reason, alternative],
			{prefers: [first]},
		),
		t(
			'policy-final-refusal',
			'Final answer, with the route to a review',
			'rigid-policy',
			'final-refusal',
			"I have looked at this again carefully, and I'm sorry: the answer is still that I can't {{refused.action}}, because {{policy.reason}}. I know that is not what you hoped for.\n\nIf you disagree with this decision, you can {{appeal.route}}, and someone who was not involved will review it.[[ In the meantime, I can still {{alternative}}.]]",
			[
				refused,
				reason,
				{key: 'appeal.route', required: false, fallback: 'reply to this message and ask for a review'},
				optional('alternative'),
			],
			{
				requires: [
					followUp,
					{any: [{signal: 'phrase.repeat'}, {signal: 'shape.back-and-forth'}, {agentReplies: 2}, {signal: 'phrase.manager'}]},
				],
				prefers: [{signal: 'phrase.repeat'}, {agentReplies: 2}],
			},
		),

		// Cancellation
		t(
			'churn-save-listen',
			'Wants to cancel: listen first',
			'any',
			'churn-save',
			"I'm sorry we've let you down enough that you want to leave. I can cancel {{account}} for you, and I will if that is your decision. Before I do, would you tell me what went wrong? If it is something I can fix, I would like the chance to. Reply here either way, and it comes straight to me.",
			[{key: 'account', required: false, fallback: 'your account'}],
			{requires: [{not: {cue: 'cancel-firm'}}, {not: {cue: 'competitor'}}], prefers: [first]},
		),
		t(
			'churn-save-respect',
			'Has decided to cancel: respect it and confirm',
			'any',
			'churn-save',
			"Understood, and I'm sorry it didn't work out. I will cancel {{account}} and confirm in writing by {{eta}}, with the date it ends and anything still to be paid or refunded. If you ever want to come back, reply to this thread and it comes straight to me.",
			[{key: 'account', required: false, fallback: 'your account'}, eta],
			{requires: [{any: [{cue: 'cancel-firm'}, followUp]}], prefers: [{cue: 'cancel-firm'}]},
		),
		t(
			'churn-competitor',
			'Moving to a competitor: one honest offer',
			'any',
			'churn-save',
			"Thank you for being honest with us. I understand why you're looking elsewhere after the trouble with {{issue}}. Before you decide, I'd like one chance to put it right: I can {{offer}}. If that doesn't change your mind, I will make leaving as simple as I can.",
			[{key: 'issue', required: true}, offer],
			{requires: [{cue: 'competitor'}]},
		),
		t(
			'renewal-at-risk',
			'Renewal or key account at risk: bring in the account owner',
			'any',
			'vip-at-risk',
			'Thank you for raising this before your renewal; I understand it needs to be sorted first. I have shared your message with {{account.manager}}, and together we will {{next.step}}. I will update you by {{eta}}.',
			[{key: 'account.manager', required: false, fallback: 'your account manager'}, nextStep, eta],
		),

		// Repeat contact
		t(
			'repeat-contact-ownership',
			'Repeat contact: one owner from now on',
			'any',
			'repeat-contact',
			"I can see you've had to contact us about this more than once, and I'm sorry; you shouldn't have had to. I'm {{agent.name}}, and I will stay on this[[ ({{ticket.id}})]] until it is resolved, so you won't need to explain it again.\n\nI will {{next.step}}, and I will update you by {{eta}}.",
			[ticket, nextStep, eta],
			{prefers: [{any: [{signal: 'history.repeat-contact'}, {signal: 'phrase.repeat'}]}]},
		),
		t(
			'repeat-contact-recap',
			'Long thread: recap what we know',
			'any',
			'repeat-contact',
			"Thank you for your patience with this, and I'm sorry it still isn't fixed. So you don't have to explain it again, here is what I understand: you would like {{request.summary}}.\n\nI will {{next.step}}, and I will confirm the outcome by {{eta}}.",
			[request, nextStep, eta],
			{requires: [followUp], prefers: [{signal: 'shape.back-and-forth'}, {agentReplies: 2}]},
		),

		// Waiting
		t(
			'long-wait-first-reply',
			'Long wait for a first reply: apology and a time',
			'long-wait',
			'long-wait',
			"I'm sorry it has taken us this long to reply; that isn't the service we aim for. I'm looking at your request[[ ({{ticket.id}})]] now, and you will have an answer from me by {{eta}}.",
			[ticket, eta],
			{requires: [first]},
		),
		t(
			'long-wait-apology-eta',
			'Long wait: apology with an honest time',
			'long-wait',
			'long-wait',
			"I'm sorry you've waited so long for news. Here is where things stand: {{status}}.\n\nI will update you by {{eta}}, or sooner if anything changes.",
			[status, eta],
			{requires: [followUp]},
		),
		t(
			'periodic-update',
			'Update due: where things stand, and the next update',
			'long-wait',
			'periodic-update',
			'I want to keep you up to date, so here is where things stand[[ on {{ticket.id}}]]: {{status}}. There is no final answer yet, and I know that is not what you hoped to hear. My next update will be by {{eta}}, whether or not there is news.',
			[ticket, status, eta],
			{requires: [followUp], prefers: [{any: [{signal: 'wait.due'}, {signal: 'phrase.urgency'}]}]},
		),
		t(
			'third-party-wait',
			'Waiting on a third party: say who, and when you will chase',
			'long-wait',
			'third-party-wait',
			"I'm sorry this is taking so long. The delay is with {{third.party}}: {{status}}. I have chased them today, and I will update you by {{eta}} whether or not they have answered by then.",
			[{key: 'third.party', required: false, fallback: 'our partner'}, status, eta],
		),

		// Misunderstanding and wrong information
		t(
			'miscommunication-restate',
			'Answered the wrong question: restate, then answer',
			'miscommunication',
			'miscommunication',
			"I'm sorry, I answered the wrong question. Let me make sure I have it right this time: you would like {{request.summary}}.\n\n{{answer}}",
			[request, answer],
			{prefers: [{signal: 'phrase.misread'}]},
		),
		t(
			'miscommunication-confirm',
			'Unclear request: confirm before acting',
			'miscommunication',
			'miscommunication',
			"Thank you for clarifying, and I'm sorry for the confusion. To make sure I get it right: you would like {{request.summary}}. If that's correct, I will do it by {{eta}}; if not, tell me what I've missed and I will put it right.",
			[request, eta],
			{prefers: [{cue: 'confused'}, {not: {signal: 'phrase.misread'}}]},
		),
		t(
			'miscommunication-conflicting-info',
			'Told something different before: one clear answer',
			'miscommunication',
			'wrong-information',
			"You're right that you were told something different[[: {{wrong.info}}]], and I'm sorry for the confusion that caused. The correct position is this. {{answer}}\n\nI have noted it on your request[[ ({{ticket.id}})]] so that everyone here gives you the same answer.",
			[optional('wrong.info'), answer, ticket],
		),
		t(
			'own-mistake',
			'Our own mistake: say so and correct it',
			'any',
			'own-mistake',
			"I made a mistake in my earlier reply, and I'm sorry.[[ I told you {{wrong.info}}, and that was wrong.]] {{answer}}[[\n\nI will also {{next.step}}, and I will confirm by {{eta}}.]]",
			[optional('wrong.info'), answer, optional('next.step'), optional('eta')],
		),

		// Unhappy with earlier replies
		t(
			'angry-frontline-first-reply',
			'Unhappy with earlier replies: take it over',
			'frontline-response',
			'frontline-recovery',
			"I've read the whole conversation, and I understand why the earlier replies were frustrating. I'm sorry. I'm taking this over myself, and I will {{next.step}}. I will update you by {{eta}}.",
			[nextStep, eta],
			{prefers: [{agentReplies: 2}, {signal: 'shape.reassigned'}]},
		),
		t(
			'frontline-recovery-apology',
			'Earlier answer did not help: give it properly',
			'frontline-response',
			'frontline-recovery',
			"I'm sorry: the earlier reply did not give you the answer you needed. Here it is properly.\n\n{{answer}}\n\nIf anything is still unclear, reply here and it comes straight to me.",
			[answer],
			{requires: [followUp]},
		),

		// Public exposure
		t(
			'public-exposure-resolve',
			'Review or social media threat: put it right',
			'any',
			'public-exposure',
			"I'm sorry it has come to this. You are free to share your experience, and whatever you decide, I want to put this right for you. I will {{next.step}}, and I will update you by {{eta}}.",
			[nextStep, eta],
		),

		// Specialists
		t(
			'quality-specialist',
			'Needs a specialist: say who and why',
			'poor-quality',
			'functional-escalation',
			"I'm sorry about the trouble[[ with {{product}}]]. To fix it properly, I have passed it[[ ({{ticket.id}})]] to our {{team}} specialists, who work on exactly this, with the full history. I will stay your contact and update you by {{eta}} with what they find.",
			[optional('product'), ticket, team, eta],
		),

		// Abuse: a real boundary, then a last warning, then the end of the conversation
		t(
			'insult-boundary',
			'Insults: set the boundary, keep helping',
			'any',
			'abuse',
			'I can see how angry you are, and I want to help sort this out. I can only do that if we keep the conversation free of insults, so please keep to the problem from here on, and I will keep working on it.\n\nTo move forward, I need {{info.needed}}. As soon as I have it, I will {{next.step}}.',
			[{key: 'info.needed', required: true}, nextStep],
			{requires: [{signal: 'phrase.insult'}]},
		),
		t(
			'abuse-final-warning',
			'Repeated abuse: last warning',
			'any',
			'abuse',
			'I still want to help with this, and I have asked you before to keep our messages free of insults. This is my last request: if the next message contains abuse, I will close this conversation. Your request will stay open[[ under {{ticket.id}}]], and you can contact us again[[ at {{contact.route}}]].',
			[ticket, optional('contact.route')],
			{requires: [{signal: 'phrase.insult', messages: 2}]},
		),
		t(
			'abuse-end-conversation',
			'Abuse continued: end the conversation',
			'any',
			'abuse',
			'I have asked you to keep this conversation free of abuse and threats, and it has continued, so I am ending this conversation now. Your request stays open[[ under {{ticket.id}}]], and we will reply to you in writing by {{eta}}. If you contact us again, we will help you as long as the conversation stays respectful.',
			[ticket, eta],
			{requires: [{any: [{inserted: 'abuse-final-warning'}, {signal: 'phrase.insult', messages: 3}, {cue: 'threat'}]}]},
		),

		// Personal data
		t(
			'data-request',
			'Personal data request: log it and state the time limit',
			'any',
			'data-request',
			'Thank you for your request to {{data.request}}. I have logged it[[ under {{ticket.id}}]] and passed it to our privacy team, who handle these requests. We must respond within the time the law allows, which is one month in most cases, and I will confirm by {{eta}} that it is in progress. We may ask you to confirm your identity first, to protect your data.',
			[{key: 'data.request', required: true}, ticket, eta],
		),

		// Vulnerable customer or risk of harm
		t(
			'vulnerable-customer',
			'Hard personal situation: slow down and offer help',
			'any',
			'vulnerable-customer',
			"Thank you for telling me, and I'm so sorry you're going through this. There is no rush on your side, and I will do what I can to make this easier. I will {{next.step}}, and I will update you by {{eta}}. If it would help to talk by phone, or to have someone deal with us on your behalf, just tell me.[[ You can also reach {{support.line}}.]]",
			[nextStep, eta, optional('support.line')],
			{requires: [{cue: 'vulnerable'}, {not: {cue: 'harm'}}]},
		),
		t(
			'risk-of-harm',
			'Risk of harm: safety first',
			'any',
			'vulnerable-customer',
			"I'm concerned by what you wrote, and I want to make sure you are safe. If you are in danger or thinking of harming yourself, please contact your local emergency services now.[[ You can also call {{support.line}} at any time.]]\n\nYour request matters too, and I am looking after it personally. I will update you by {{eta}}.",
			[optional('support.line'), eta],
			{requires: [{cue: 'harm'}]},
		),

		// Language
		t(
			'language-mismatch',
			'Wrote in another language: reply plainly, offer their language',
			'any',
			'language-mismatch',
			"Thank you for your message.[[ I can see you wrote in {{ticket.language}}.]] I'm replying in English so that nothing gets lost, and I will keep my wording simple. You are welcome to keep writing in your own language; I will use a translation tool to make sure I understand you.\n\nI will {{next.step}}, and I will update you by {{eta}}.",
			[optional('ticket.language'), nextStep, eta],
		),

		// Outage and known issues
		t(
			'outage-update',
			'Outage: acknowledge, no guessed fix time, set the next update',
			'poor-quality',
			'outage',
			"I'm sorry for the disruption; I know it stops you getting on with your work. We are aware of the problem with {{issue}}, and our {{team}} team is working on it now. I can't give you a fix time yet, and I don't want to guess one. I will update you by {{eta}}, and keep updating you until it is resolved.",
			[{key: 'issue', required: true}, {key: 'team', required: false, fallback: 'engineering'}, eta],
			{requires: [{any: [{signal: 'phrase.outage'}, {cue: 'outage'}]}]},
		),
		t(
			'quality-known-issue',
			'Known issue affecting many customers',
			'poor-quality',
			'outage',
			"Thank you for reporting this, and I'm sorry for the trouble. You're not alone: other customers have reported the same problem with {{issue}}, and our {{team}} team is working on a fix. I will let you know as soon as it is resolved, and I will update you by {{eta}} in any case.",
			[{key: 'issue', required: true}, {key: 'team', required: false, fallback: 'engineering'}, eta],
			{requires: [{signal: 'spike.theme'}]},
		),
	];
}
