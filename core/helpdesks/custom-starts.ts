// Starting points for the options page's own-selectors editor on a hosted helpdesk: Defuse's built-in
// selectors for that helpdesk, written as custom settings the user can test on the open tab and patch
// one by one when the helpdesk changes its markup, without waiting for a release. Only the options page
// imports this file.
import type {AdapterId} from './adapter.ts';
import type {CustomConfig} from './custom.ts';
import {selectors as freshdesk} from './freshdesk.ts';
import {selectors as front} from './front.ts';
import {selectors as helpscout} from './helpscout.ts';
import {selectors as intercom} from './intercom.ts';
import {selectors as zendesk} from './zendesk.ts';

const escape = (text: string) => text.replaceAll(/[.+?^${}()|[\]\\/]/g, '\\$&');
const groupOf = (category: number, extra = '') =>
	`[data-part-group-category="${category}"], [data-part-group-category="${category}"] *${extra}`;

const starts: Partial<Record<AdapterId, (origin: string) => CustomConfig>> = {
	zendesk: origin => ({
		name: 'Zendesk (my selectors)',
		ticketUrl: `${origin}/agent/tickets/{id}`,
		listUrl: `${origin}/agent/filters/*`,
		ticketRoot: `[data-is-active="true"] ${zendesk.pane}, .ticket-panes-grid-layout.active ${zendesk.pane}`,
		message: `${zendesk.article}:not([aria-hidden="true"])`,
		customerMessage: `:has(${zendesk.message}[type="end-user"])`,
		agentMessage: `:has(${zendesk.message}[type="agent"]), :has(${zendesk.message}[type="internal"])`,
		internalMarker: `${zendesk.internalTag}, ${zendesk.message}[type="internal"]`,
		author: zendesk.sender,
		time: zendesk.time,
		body: `${zendesk.content}, ${zendesk.body}`,
		quote: `${zendesk.quote}, ${zendesk.signature}`,
		subject: zendesk.subject,
		status: zendesk.status,
		priority: zendesk.priority,
		requester: zendesk.requester,
		assignee: zendesk.assignee,
		group: zendesk.assigneeGroup,
		tag: zendesk.tag,
		editor: zendesk.editor,
		editorKind: 'ckeditor5',
		listRow: zendesk.listRow,
		listId: zendesk.listId,
		listSubject: zendesk.listSubject,
		listRequester: zendesk.listRequester,
		listTime: zendesk.listTime,
	}),
	freshdesk: origin => ({
		name: 'Freshdesk (my selectors)',
		ticketUrl: `${origin}/a/tickets/{id}`,
		message: `${freshdesk.item}:not(:has(${freshdesk.replyBox}))`,
		customerMessage: `${freshdesk.requestor}:not(${freshdesk.privateNote})`,
		agentMessage: `${freshdesk.item}:not(${freshdesk.requestor})`,
		internalMarker: `${freshdesk.privateNote}:not(:has(${freshdesk.emailed}))`,
		author: `${freshdesk.author} b`,
		time: freshdesk.time,
		timeAttribute: 'aria-label',
		body: freshdesk.body,
		quote: freshdesk.quote,
		subject: freshdesk.subject,
		requester: freshdesk.contactName,
		requesterEmail: freshdesk.contactEmail,
		tag: freshdesk.tag,
		editor: freshdesk.editor,
		editorKind: 'froala',
	}),
	helpscout: origin => ({
		name: 'Help Scout (my selectors)',
		ticketUrl: `/^${escape(origin)}\\/conversations?\\/(\\d+)/`,
		listUrl: `${origin}/mailbox/*`,
		message: `#tkContent > ${helpscout.thread}:not(.draft):not(.fwdDraft):not(.hidden)`, // Not the earlier conversations inside #previousConvo
		customerMessage: `${helpscout.thread}.customer, ${helpscout.thread}.voicemail`,
		agentMessage: `${helpscout.thread}.user, ${helpscout.thread}.note, ${helpscout.thread}.forward, ${helpscout.thread}.phone`,
		systemMessage: `${helpscout.thread}.singleLine, ${helpscout.thread}.bounce`,
		internalMarker: '.note, .forward',
		author: helpscout.author,
		time: helpscout.time,
		body: helpscout.body,
		quote: `${helpscout.quote}, ${helpscout.signature}`,
		order: 'newest-first',
		subject: `${helpscout.subject}, ${helpscout.legacySubject}`,
		requesterEmail: helpscout.customerEmail,
		tag: `${helpscout.tag}, ${helpscout.legacyTag}`,
		editor: helpscout.editor,
	}),
	intercom: origin => ({
		name: 'Intercom (my selectors)',
		ticketUrl: `/^${escape(origin)}\\/a\\/(?:inbox|apps)\\/.*\\/conversations?\\/(\\d+)/`,
		message: `${intercom.part
			.split(', ')
			.map(part => `${part}:not(:has(${intercom.part}))`)
			.join(', ')}`,
		customerMessage: groupOf(1, ', [data-author-type="user"]'),
		agentMessage: `${groupOf(3)}, ${groupOf(4)}, ${groupOf(5)}, [data-author-type="admin"]`,
		systemMessage: groupOf(20),
		internalMarker: `${groupOf(4)}, ${intercom.notePart}`,
		author: intercom.author,
		time: intercom.time,
		body: intercom.body,
		quote: intercom.quote,
		requester: intercom.title,
		editor: intercom.editor,
		editorKind: 'prosemirror',
	}),
	front: origin => ({
		name: 'Front (my selectors)',
		ticketUrl: `/^${escape(origin)}\\/(?:open\\/|conversations\\/|inboxes\\/(?:[^/]+\\/)+)((?:cnv_)?[\\da-z]+)\\/?$/`, // The id as the address shows it
		ticketRoot: front.viewer,
		message: front.message,
		customerMessage: `:has(${front.account})`,
		author: `${front.sender} > div:first-child`,
		time: front.date,
		body: `${front.body}, ${front.blurb}`,
		quote: `${front.quote}, ${front.signature}`,
		subject: front.subject,
		editor: front.composer,
	}),
};

/** The hosted helpdesks that have a starting point. */
export const startableAdapters = Object.keys(starts) as AdapterId[];

/** Defuse's own selectors for `adapter`, as custom settings for `origin`; undefined when there is no start. */
export function customStart(adapter: AdapterId, origin: string): CustomConfig | undefined {
	return starts[adapter]?.(origin);
}
