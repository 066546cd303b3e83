// Runs in the demo helpdesk page (not in the extension): appends messages as they arrive, and
// posts the agent's reply, the way a real helpdesk's app would.
type LiveMessage = {id: string; type: 'end-user' | 'agent' | 'internal'; author: string; at: string; body: string[]};

const script = document.currentScript;
const ticketId = script?.dataset['ticket'] ?? '';
const pane = document.querySelector(`[data-side-conversations-anchor-id="${CSS.escape(ticketId)}"]`);
const log = pane?.querySelector('[data-test-id="omni-log-container"]');
const roleLabel = {'end-user': 'Customer', agent: 'Agent', internal: 'Internal note'};

function element(tag: string, attributes: Record<string, string>, text?: string): HTMLElement {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		node.setAttribute(name, value);
	}

	if (text !== undefined) {
		node.textContent = text;
	}

	return node;
}

function append(message: LiveMessage): void {
	if (!log || log.querySelector(`[data-comment-id="${CSS.escape(message.id)}"]`)) {
		return;
	}

	const article = element('article', {
		'data-test-id': 'omni-log-comment-item',
		'data-comment-id': message.id,
		class: `comment comment--${message.type} comment--new`,
	});
	const header = element('header', {});
	header.append(
		element('div', {'data-test-id': 'omni-log-item-sender', class: 'sender'}, message.author),
		element('span', {class: 'role'}, roleLabel[message.type]),
		element('time', {datetime: message.at}, 'just now'),
	);
	const body = element('div', {class: 'zd-comment'});
	for (const paragraph of message.body) {
		body.append(element('p', {}, paragraph));
	}

	const wrapper = element('div', {'data-test-id': 'omni-log-item-message', type: message.type});
	wrapper.append(body);
	article.append(header, wrapper);
	log.append(article);
	article.scrollIntoView({block: 'nearest'});
}

if (ticketId && log) {
	const source = new EventSource(`/agent/tickets/${encodeURIComponent(ticketId)}/live`);
	source.addEventListener('message', event => {
		append(JSON.parse(event.data as string) as LiveMessage);
	});

	const editor = pane?.querySelector<HTMLElement>('[data-test-id="omnicomposer-rich-text-ckeditor"]');
	pane?.querySelector('[data-test-id="submit_button-button"]')?.addEventListener('click', async () => {
		const text = editor?.innerText.trim() ?? '';
		if (!text || !editor) {
			return;
		}

		const response = await fetch(`/agent/tickets/${encodeURIComponent(ticketId)}/comments`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({text}),
		});
		if (response.ok) {
			editor.textContent = '';
		}
	});
}
