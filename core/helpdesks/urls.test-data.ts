// Example URLs per adapter, shared by every adapter's URL-detector tests: each detector must accept
// its own ticket/list URLs and reject everyone else's (github-url-detection style). Append rows for
// your adapter; keep them realistic (hosted domains, or self-hosted path shapes on example hosts).
export type UrlExamples = {
	ticket: readonly string[];
	list: readonly string[];
};

export const exampleUrls: Readonly<Record<string, UrlExamples>> = {
	zendesk: {
		ticket: ['https://acme.zendesk.com/agent/tickets/4821', 'https://acme.zendesk.com/agent/tickets/4821?commentId=99'],
		list: ['https://acme.zendesk.com/agent/filters/360001234567', 'https://acme.zendesk.com/agent/dashboard', 'https://acme.zendesk.com/agent/views/7'],
	},
	freshdesk: {
		ticket: ['https://acme.freshdesk.com/a/tickets/812', 'https://acme.myfreshworks.com/a/tickets/812'],
		list: ['https://acme.freshdesk.com/a/tickets/filters/all_tickets', 'https://acme.freshworks.com/a/tickets'],
	},
	helpscout: {
		ticket: ['https://secure.helpscout.net/conversation/2345678901/1456?folderId=7781', 'https://app.helpscout.com/conversations/2345678977/1490'],
		list: ['https://secure.helpscout.net/mailbox/8a7b6c5d4e3f2a10/'],
	},
	intercom: {
		ticket: ['https://app.intercom.com/a/inbox/abc123de/inbox/conversation/184467', 'https://app.intercom.com/a/inbox/abc123de/inbox/admin/5512/conversation/184467?view=List'],
		list: ['https://app.intercom.com/a/inbox/abc123de/inbox/shared/all'],
	},
	front: {
		ticket: [
			'https://app.frontapp.com/open/cnv_7k2l9x',
			'https://app.frontapp.com/inboxes/teams/folders/7256583/unassigned/120537545061',
			'https://app.frontapp.com/inboxes/teammates/20999898/inbox/all/117421069338',
			'https://acme.frontapp.com/open/cnv_1jdgxx0l',
		],
		list: ['https://app.frontapp.com/inboxes/teams/folders/1234', 'https://app.frontapp.com/inboxes/teams/folders/7256583/unassigned'],
	},
	zammad: {
		ticket: [
			'https://support.example.org/#ticket/zoom/812',
			'https://support.example.org/#ticket/zoom/812/4410',
			'https://helpdesk.example.net/zammad/#ticket/zoom/77',
			'https://support.example.org/desktop/tickets/812',
			'https://support.example.org/mobile/tickets/812',
		],
		list: [
			'https://support.example.org/#ticket/view/all_open',
			'https://support.example.org/#ticket/view/my_assigned/2',
			'https://support.example.org/desktop/tickets/view/all_open',
		],
	},
	freescout: {
		ticket: ['https://desk.example.com/conversation/1543', 'https://desk.example.com/conversation/1543#thread-88211', 'https://desk.example.com/conversation/1543?folder_id=12'],
		list: ['https://desk.example.com/mailbox/3', 'https://desk.example.com/mailbox/3/17', 'https://desk.example.com/mailbox/3/17?page=2'],
	},
	chatwoot: {
		ticket: [
			'https://app.chatwoot.com/app/accounts/41/conversations/2987',
			'https://chat.example.com/app/accounts/2/inbox/5/conversations/120',
			'https://chat.example.com/app/accounts/2/label/billing/conversations/120',
			'https://chat.example.com/app/accounts/2/team/3/conversations/120',
		],
		list: [
			'https://app.chatwoot.com/app/accounts/41/dashboard',
			'https://chat.example.com/app/accounts/2/inbox/5',
			'https://chat.example.com/app/accounts/2/label/billing',
			'https://chat.example.com/app/accounts/2/team/3',
		],
	},
	osticket: {
		ticket: ['https://tickets.example.edu/scp/tickets.php?id=1207', 'https://tickets.example.edu/support/scp/tickets.php?id=9#reply'],
		list: ['https://tickets.example.edu/scp/tickets.php', 'https://tickets.example.edu/scp/tickets.php?queue=2', 'https://tickets.example.edu/scp/index.php'],
	},
};
