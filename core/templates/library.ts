// The built-in English template library. Each reply acknowledges the feeling first, names one
// owner ("I will"), states the next step and when the customer hears back, explains rules instead
// of hiding behind them, and makes no promise an agent cannot keep.
import type {Placeholder, Template} from './template.ts';

const firstName: Placeholder = {key: 'customer.firstName', required: false, fallback: 'there'};
const agent: Placeholder = {key: 'agent.name', required: true};
const ticket: Placeholder = {key: 'ticket.id', required: false, fallback: 'your request'};
const eta: Placeholder = {key: 'eta', required: true};
const team: Placeholder = {key: 'team', required: true};
const reason: Placeholder = {key: 'policy.reason', required: true};
const alternative: Placeholder = {key: 'alternative', required: true};
const request: Placeholder = {key: 'request.summary', required: true};

const t = (id: string, title: string, trigger: Template['trigger'], situation: Template['situation'], body: string, placeholders: Placeholder[]): Template => ({id, title, language: 'en', trigger, situation, body, placeholders});

export const templateLibrary: readonly Template[] = [
	// First reply to an angry customer
	t('angry-first-reply-ownership', 'Angry first message: acknowledge and own', 'any', 'angry-first-reply',
		'Hi {{customer.firstName}},\n\nI understand why this is frustrating, and I\'m sorry it has come to this. I\'m {{agent.name}} and I will personally look after {{ticket.id}} from here.\n\nMy next step is to {{next.step}}, and I will update you by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, ticket, {key: 'next.step', required: true}, eta]),
	t('angry-first-reply-short', 'Angry first message: short and direct', 'any', 'angry-first-reply',
		'Hi {{customer.firstName}},\n\nThank you for telling us plainly. You\'re right to expect better, and I\'m on it now. I will come back to you by {{eta}} with a clear answer.\n\n{{agent.name}}',
		[firstName, agent, eta]),
	t('angry-quality-first-reply', 'Angry about a faulty product', 'poor-quality', 'angry-first-reply',
		'Hi {{customer.firstName}},\n\nI\'m sorry the product let you down; that is not what you paid for. I have logged the fault under {{ticket.id}} and I will {{next.step}}. You will hear from me by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, ticket, {key: 'next.step', required: true}, eta]),
	t('angry-frontline-first-reply', 'Angry about an earlier reply', 'frontline-response', 'frontline-recovery',
		'Hi {{customer.firstName}},\n\nI\'ve read the whole conversation, and I understand why the earlier replies were frustrating. I\'m sorry. I\'m taking this over myself, and here is what I will do: {{next.step}}. I will update you by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, {key: 'next.step', required: true}, eta]),
	t('frontline-recovery-apology', 'Recover after a poor earlier answer', 'frontline-response', 'frontline-recovery',
		'Hi {{customer.firstName}},\n\nYou should have had a clear answer the first time, and I\'m sorry you didn\'t. To put it right: {{answer}}\n\nIf anything is still unclear, reply here and it comes straight to me.\n\n{{agent.name}}',
		[firstName, agent, {key: 'answer', required: true}]),

	// Repeat contact
	t('repeat-contact-ownership', 'Repeat contact: one owner from now on', 'any', 'repeat-contact',
		'Hi {{customer.firstName}},\n\nI can see you\'ve had to contact us several times about this, and I\'m sorry; you shouldn\'t have had to. I\'m {{agent.name}}, and I will stay on {{ticket.id}} until it is resolved, so you won\'t need to explain it again.\n\nNext step: {{next.step}}. I will update you by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, ticket, {key: 'next.step', required: true}, eta]),
	t('repeat-contact-recap', 'Repeat contact: recap what we know', 'poor-quality', 'repeat-contact',
		'Hi {{customer.firstName}},\n\nThank you for your patience with this, and I\'m sorry it is still not fixed. So you don\'t have to repeat yourself, here is what I have: {{request.summary}}.\n\nI have now {{next.step}}, and I will confirm the outcome by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, request, {key: 'next.step', required: true}, eta]),
	t('repeat-contact-escalated', 'Repeat contact: moved to a specialist', 'poor-quality', 'functional-escalation',
		'Hi {{customer.firstName}},\n\nThis has taken far too many messages, and I\'m sorry. I have passed {{ticket.id}} to our {{team}} team, who can fix the cause rather than the symptom. I will stay your contact and tell you what they find by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, ticket, team, eta]),

	// Long wait
	t('long-wait-apology-eta', 'Long wait: apology with an honest ETA', 'long-wait', 'long-wait',
		'Hi {{customer.firstName}},\n\nI\'m sorry you\'ve waited so long for an answer; that isn\'t the service we aim for. Here is where things stand: {{status}}.\n\nI expect to have this resolved by {{eta}}, and I will update you then, or sooner if anything changes.\n\n{{agent.name}}',
		[firstName, agent, {key: 'status', required: true}, eta]),
	t('long-wait-first-reply', 'Long wait for a first reply', 'long-wait', 'long-wait',
		'Hi {{customer.firstName}},\n\nThank you for waiting, and I\'m sorry it took us this long to reply. I\'ve picked up {{ticket.id}} now and I\'m working on it. You will have an answer from me by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, ticket, eta]),
	t('long-wait-delay-explained', 'Long wait: explain the delay', 'long-wait', 'long-wait',
		'Hi {{customer.firstName}},\n\nI understand how frustrating it is to wait without news. The delay is because {{delay.reason}}. That is our problem, not yours, and I\'m sorry.\n\nWhat happens next: {{next.step}}. Expected by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, {key: 'delay.reason', required: true}, {key: 'next.step', required: true}, eta]),
	t('periodic-update', 'Promised update (no news yet)', 'long-wait', 'periodic-update',
		'Hi {{customer.firstName}},\n\nAs promised, here is an update on {{ticket.id}}: {{status}}. There is no final answer yet, and I know that is not what you hoped to hear. My next update will be by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, ticket, {key: 'status', required: true}, eta]),

	// Policy with an alternative
	t('policy-explain-alternative', 'Explain the rule and offer an alternative', 'rigid-policy', 'policy-alternative',
		'Hi {{customer.firstName}},\n\nI understand why this feels unfair. I can\'t {{refused.action}}, because {{policy.reason}}. What I can do instead is {{alternative}}. If you\'d like that, reply here and I will set it up straight away.\n\n{{agent.name}}',
		[firstName, agent, {key: 'refused.action', required: true}, reason, alternative]),
	t('policy-exception-review', 'Ask for an exception on the customer\'s behalf', 'rigid-policy', 'hierarchical-escalation',
		'Hi {{customer.firstName}},\n\nI hear you, and I think your situation deserves a second look. The usual rule is there because {{policy.reason}}, but I have asked {{team}} to review an exception for you. I will tell you their decision by {{eta}}, whatever it is.\n\n{{agent.name}}',
		[firstName, agent, reason, team, eta]),
	t('policy-partial-solution', 'Policy: what is possible now', 'rigid-policy', 'policy-alternative',
		'Hi {{customer.firstName}},\n\nThank you for explaining. I\'d like to be straight with you: a full {{refused.action}} isn\'t possible here because {{policy.reason}}. Two things I can do today: {{alternative}}. Tell me which you prefer and I will take care of it.\n\n{{agent.name}}',
		[firstName, agent, {key: 'refused.action', required: true}, reason, alternative]),

	// Legal threat
	t('legal-threat-neutral', 'Legal threat: calm and factual', 'any', 'legal-threat',
		'Hi {{customer.firstName}},\n\nThank you for your message. I understand you are considering further steps, and that is your right. I have recorded your concerns on {{ticket.id}} and passed them to {{team}}, who will respond to you in writing by {{eta}}.\n\nIn the meantime, I will keep working on the underlying problem.\n\n{{agent.name}}',
		[firstName, agent, ticket, team, eta]),
	t('legal-chargeback', 'Chargeback or bank dispute mentioned', 'any', 'legal-threat',
		'Hi {{customer.firstName}},\n\nI understand you want this payment put right. I\'m checking the charge on {{ticket.id}} now. If a refund is due, I will confirm it in writing by {{eta}}, which may be quicker for you than a bank dispute. You are of course free to contact your bank either way.\n\n{{agent.name}}',
		[firstName, agent, ticket, eta]),
	t('legal-regulator', 'Regulator or ombudsman mentioned', 'any', 'legal-threat',
		'Hi {{customer.firstName}},\n\nI\'m sorry this has reached the point where you feel you need outside help. I have logged your complaint formally on {{ticket.id}}. Our {{team}} team will send you a written response by {{eta}}, which will also explain how to take it further if you are not satisfied.\n\n{{agent.name}}',
		[firstName, agent, ticket, team, eta]),

	// Manager request
	t('manager-request-accept', 'Manager request: agree and hand over', 'any', 'manager-request',
		'Hi {{customer.firstName}},\n\nOf course. I have asked {{supervisor.name}}, who can make decisions on this, to contact you by {{eta}}. I\'ve given them the full history so you won\'t need to repeat anything.\n\n{{agent.name}}',
		[firstName, agent, {key: 'supervisor.name', required: false, fallback: 'my team lead'}, eta]),
	t('manager-request-offer-first', 'Manager request: offer a fix while escalating', 'any', 'manager-request',
		'Hi {{customer.firstName}},\n\nI understand, and I have passed your request to {{supervisor.name}}. So you are not kept waiting meanwhile: {{offer}}. If you\'d still like to speak with them, they will contact you by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, {key: 'supervisor.name', required: false, fallback: 'my team lead'}, {key: 'offer', required: true}, eta]),
	t('hierarchical-escalation-explained', 'Escalating to someone with authority', 'any', 'hierarchical-escalation',
		'Hi {{customer.firstName}},\n\nThis needs a decision I\'m not able to make myself, so I have escalated {{ticket.id}} to {{team}}, who can. I\'ve explained the situation fully. They will reply by {{eta}}, and I will check that they do.\n\n{{agent.name}}',
		[firstName, agent, ticket, team, eta]),

	// Churn save
	t('churn-save-listen', 'Cancellation: listen first', 'any', 'churn-save',
		'Hi {{customer.firstName}},\n\nI\'m sorry we\'ve let you down enough that you want to leave. I can process the cancellation if that is what you decide. Before you do, would you tell me what would need to change? If it is {{issue}}, I can {{offer}} today.\n\n{{agent.name}}',
		[firstName, agent, {key: 'issue', required: true}, {key: 'offer', required: true}]),
	t('churn-save-respect', 'Cancellation: respect the decision', 'any', 'churn-save',
		'Hi {{customer.firstName}},\n\nUnderstood, and I\'m sorry it didn\'t work out. I will process the cancellation of {{account}} and confirm by {{eta}}. If you ever want to come back, reply to this thread and it comes straight to me.\n\n{{agent.name}}',
		[firstName, agent, {key: 'account', required: false, fallback: 'your account'}, eta]),
	t('churn-competitor', 'Switching to a competitor', 'poor-quality', 'churn-save',
		'Hi {{customer.firstName}},\n\nThank you for being honest with us. I understand why you\'re looking elsewhere after {{issue}}. I\'d like one chance to put it right: {{offer}}. If that doesn\'t change your mind, I will make leaving as easy as possible.\n\n{{agent.name}}',
		[firstName, agent, {key: 'issue', required: true}, {key: 'offer', required: true}]),

	// Miscommunication
	t('miscommunication-restate', 'Misunderstanding: restate, then answer', 'miscommunication', 'miscommunication',
		'Hi {{customer.firstName}},\n\nI\'m sorry, I answered the wrong question. Let me check I have it right this time: you asked {{request.summary}}.\n\nThe answer is: {{answer}}\n\n{{agent.name}}',
		[firstName, agent, request, {key: 'answer', required: true}]),
	t('miscommunication-confirm', 'Misunderstanding: confirm before acting', 'miscommunication', 'miscommunication',
		'Hi {{customer.firstName}},\n\nThank you for clarifying, and sorry for the confusion. To make sure I get it right: you would like {{request.summary}}. If that\'s correct, I will do it by {{eta}}; if not, tell me what I\'ve missed.\n\n{{agent.name}}',
		[firstName, agent, request, eta]),
	t('miscommunication-conflicting-info', 'Conflicting answers from us', 'miscommunication', 'frontline-recovery',
		'Hi {{customer.firstName}},\n\nYou\'re right that you were given different answers, and I\'m sorry for the confusion that caused. The correct position is: {{answer}}. I have noted this on {{ticket.id}} so everyone here gives you the same answer.\n\n{{agent.name}}',
		[firstName, agent, ticket, {key: 'answer', required: true}]),

	// Quality and functional escalation
	t('quality-specialist', 'Fault passed to a specialist', 'poor-quality', 'functional-escalation',
		'Hi {{customer.firstName}},\n\nI\'m sorry about the trouble with {{product}}. I have passed {{ticket.id}} to our {{team}} specialists, who can fix this properly. I will remain your contact and update you by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, ticket, team, eta, {key: 'product', required: false, fallback: 'this'}]),
	t('quality-replacement', 'Faulty item: replacement or refund', 'poor-quality', 'quality-issue',
		'Hi {{customer.firstName}},\n\nI\'m sorry the item arrived in that state. You don\'t need to send anything back first: I can {{offer}}. Let me know which you prefer and I will arrange it by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, {key: 'offer', required: true}, eta]),
	t('quality-known-issue', 'Known issue affecting many customers', 'poor-quality', 'quality-issue',
		'Hi {{customer.firstName}},\n\nThank you for reporting this, and I\'m sorry for the disruption. You\'re not alone: we are aware of a problem with {{issue}} and our {{team}} team is working on a fix. I will let you know as soon as it is resolved, and no later than {{eta}} with an update.\n\n{{agent.name}}',
		[firstName, agent, {key: 'issue', required: true}, team, eta]),
	t('functional-escalation-explained', 'Escalating to an expert tier', 'any', 'functional-escalation',
		'Hi {{customer.firstName}},\n\nTo get this fixed properly, I\'ve escalated {{ticket.id}} to our {{team}} team, who specialise in exactly this. They have the full history. I will follow up with you by {{eta}} with what they find.\n\n{{agent.name}}',
		[firstName, agent, ticket, team, eta]),

	// Public exposure
	t('public-exposure-resolve', 'Review or social media threat', 'any', 'public-exposure',
		'Hi {{customer.firstName}},\n\nI understand you want others to know about your experience, and that is your choice. What matters to me is fixing it for you. Here is what I will do: {{next.step}}, by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, {key: 'next.step', required: true}, eta]),

	// Automatic / SLA
	t('sla-breach-apology', 'We missed our own response target', 'long-wait', 'long-wait',
		'Hi {{customer.firstName}},\n\nWe didn\'t reply within the time we promise, and I\'m sorry. I\'ve prioritised {{ticket.id}} and I\'m working on it now. You will hear from me by {{eta}}.\n\n{{agent.name}}',
		[firstName, agent, ticket, eta]),
	t('insult-boundary', 'Abusive language: stay calm, keep helping', 'frontline-response', 'angry-first-reply',
		'Hi {{customer.firstName}},\n\nI can tell how angry you are, and I want to help fix this. To do that quickly, I need {{info.needed}}. As soon as I have it, I will {{next.step}}.\n\n{{agent.name}}',
		[firstName, agent, {key: 'info.needed', required: true}, {key: 'next.step', required: true}]),
];
