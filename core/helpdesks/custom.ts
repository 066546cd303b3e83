import type {Message, Role, TicketSnapshot} from '../model.ts';
import {defineAdapter, defineHelpdesk, isoOf, typeInto, type Adapter, type InsertOutcome, type ListRow} from './adapter.ts';
import {parseShownDate} from './dates.ts';
import {bridgeEditors, isBridgeEditor, type BridgeEditor} from './editors.ts';
import {
	attributeOf,
	bodyText,
	distinctTexts,
	pageLocale,
	queryAll,
	queryAllDeep,
	queryOne,
	queryOneDeep,
	shownValue,
	textContentOf,
} from './dom.ts';

// `custom`: any other helpdesk or in-house tool, read with selectors the user enters in the options
// page (a plain JSON object, checked by validateCustomConfig before use).

export type CustomConfig = {
	/** Shown in the popup. @default 'Custom helpdesk' */
	name?: string | undefined;
	/**
	 * Ticket page URLs: a glob over the whole URL with `*` and one `{id}` (the ticket id), e.g.
	 * `https://help.example.com/tickets/{id}`, or a regular expression written `/…/` whose first group is the id.
	 */
	ticketUrl?: string | undefined;
	/** List page URLs, same forms as `ticketUrl` (no `{id}` needed). */
	listUrl?: string | undefined;
	/** The active ticket's container when several are mounted; the first match is read. @default the page */
	ticketRoot?: string | undefined;
	/** Element whose text (or `ticketIdAttribute`) is the ticket id; used when the URL has none, and checked against it. */
	ticketId?: string | undefined;
	ticketIdAttribute?: string | undefined;
	/** Every message (customer, agent, note, system event), in page order. Required. */
	message?: string | undefined;
	/** Messages matching these are the customer's / an agent's / system events (tested with element.matches). */
	customerMessage?: string | undefined;
	agentMessage?: string | undefined;
	systemMessage?: string | undefined;
	/** Alternatively, an attribute of the message whose value names the role… */
	roleAttribute?: string | undefined;
	/** …with the values for each role (compared case-insensitively). */
	customerValues?: string[] | undefined;
	agentValues?: string[] | undefined;
	systemValues?: string[] | undefined;
	/** A message matching or containing this is an internal note. */
	internalMarker?: string | undefined;
	/** Inside a message: */
	author?: string | undefined;
	time?: string | undefined;
	/** Attribute holding a machine-readable time on the `time` element. @default 'datetime' */
	timeAttribute?: string | undefined;
	body?: string | undefined;
	/** Inside a body: quoted history and signatures to drop. */
	quote?: string | undefined;
	/** Page order of messages. @default 'oldest-first' */
	order?: 'oldest-first' | 'newest-first' | undefined;
	/** Ticket fields (inside ticketRoot, else the page). */
	subject?: string | undefined;
	status?: string | undefined;
	priority?: string | undefined;
	requester?: string | undefined;
	requesterEmail?: string | undefined;
	assignee?: string | undefined;
	group?: string | undefined;
	tag?: string | undefined;
	/** The reply box (textarea or contenteditable). */
	editor?: string | undefined;
	/** Name the editor framework when it ignores DOM edits. @default typing into the element */
	editorKind?: BridgeEditor | undefined;
	/** List pages. */
	listRow?: string | undefined;
	/** Inside a row: element whose text (or `listIdAttribute`) is the ticket id. @default the row */
	listId?: string | undefined;
	listIdAttribute?: string | undefined;
	listSubject?: string | undefined;
	listRequester?: string | undefined;
	listTime?: string | undefined;
};

const selectorKeys = [
	'ticketRoot',
	'ticketId',
	'message',
	'customerMessage',
	'agentMessage',
	'systemMessage',
	'internalMarker',
	'author',
	'time',
	'body',
	'quote',
	'subject',
	'status',
	'priority',
	'requester',
	'requesterEmail',
	'assignee',
	'group',
	'tag',
	'editor',
	'listRow',
	'listId',
	'listSubject',
	'listRequester',
	'listTime',
] as const;
const attributeKeys = ['ticketIdAttribute', 'roleAttribute', 'timeAttribute', 'listIdAttribute'] as const;
const valueListKeys = ['customerValues', 'agentValues', 'systemValues'] as const;
const otherKeys = ['name', 'ticketUrl', 'listUrl', 'order', 'editorKind'] as const;
const knownKeys = /* @__PURE__ */ new Set<string>([...selectorKeys, ...attributeKeys, ...valueListKeys, ...otherKeys]);

/**
 * Why `selector` is not a valid CSS selector, or undefined when it is. With `probe` (any element or
 * document) the browser's own parser decides; without, a small structural check runs.
 */
export function selectorProblem(selector: string, probe?: ParentNode): string | undefined {
	if (selector.trim() === '') {
		return 'is empty';
	}

	if (probe) {
		try {
			probe.querySelector(selector);
			return undefined;
		} catch {
			return 'is not a valid CSS selector';
		}
	}

	const stack: string[] = [];
	let quote = '';
	for (let index = 0; index < selector.length; index++) {
		const char = selector[index]!;
		if (char === '\\') {
			index++;
			continue;
		}

		if (quote) {
			quote = char === quote ? '' : quote;
			continue;
		}

		if (char === '"' || char === "'") {
			quote = char;
		} else if (char === '[' || char === '(') {
			stack.push(char === '[' ? ']' : ')');
		} else if (char === ']' || char === ')') {
			if (stack.pop() !== char) {
				return `has an unmatched "${char}"`;
			}
		}
	}

	if (quote || stack.length > 0) {
		return quote ? 'has an unclosed quote' : `is missing "${stack.at(-1)!}"`;
	}

	const outside = selector.replaceAll(/\\./g, 'x').replaceAll(/"[^"]*"|'[^']*'|\[[^\]]*\]|\([^)]*\)/g, 'x');
	if (/(^|,)\s*(,|$)/.test(outside) || /[>+~]\s*(,|$)/.test(outside) || /^\s*[>+~]/.test(outside)) {
		return 'has an empty part or a dangling combinator';
	}

	if (/[{};]/.test(outside) || /(^|[\s>+~,])[.#](\s|$|[>+~,])/.test(outside)) {
		return 'is not a valid CSS selector';
	}

	return undefined;
}

type Matcher = {test(url: URL): boolean; id(url: URL): string | undefined};

/** Compiles a `ticketUrl` / `listUrl` setting; throws with a reason when it cannot be used. */
function urlMatcher(pattern: string): Matcher {
	let regex: RegExp;
	const literal = /^\/(.+)\/([a-z]*)$/.exec(pattern);
	if (literal) {
		regex = new RegExp(literal[1]!, literal[2]!.replaceAll(/[gy]/g, ''));
	} else {
		const parts = pattern.split(/(\{id\}|\*)/);
		// Any query string or fragment may follow
		regex = new RegExp(
			`^${parts
				.map(part => {
					if (part === '{id}') {
						return '([^/?#&]+)';
					}

					return part === '*' ? '.*' : part.replaceAll(/[.+?^${}()|[\]\\]/g, '\\$&');
				})
				.join('')}(?:[?#].*)?$`,
		);
	}

	return {
		test: url => regex.test(url.href),
		id(url) {
			const match = regex.exec(url.href);
			return match?.[1] ? decodeURIComponent(match[1]) : undefined;
		},
	};
}

export type CustomConfigCheck = {ok: true; config: CustomConfig} | {ok: false; errors: string[]};

/**
 * Checks settings from storage or the options form. Every problem is reported by its setting name.
 * Pass `probe` (e.g. the options page's document) to have the browser's parser check selectors.
 */
export function validateCustomConfig(value: unknown, probe?: ParentNode): CustomConfigCheck {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return {ok: false, errors: ['settings must be an object']};
	}

	const input = value as Record<string, unknown>;
	const errors: string[] = [];
	const config: Record<string, unknown> = {};
	for (const [key, setting] of Object.entries(input)) {
		if (!knownKeys.has(key)) {
			errors.push(`${key}: unknown setting`);
			continue;
		}

		if (setting === undefined || setting === null || setting === '') {
			continue;
		}

		if ((valueListKeys as readonly string[]).includes(key)) {
			if (!Array.isArray(setting) || !setting.every(item => typeof item === 'string')) {
				errors.push(`${key}: must be a list of texts`);
			} else {
				config[key] = setting.map(item => item.trim().toLowerCase()).filter(Boolean);
			}

			continue;
		}

		if (typeof setting !== 'string') {
			errors.push(`${key}: must be text`);
			continue;
		}

		const text = setting.trim();
		if ((selectorKeys as readonly string[]).includes(key)) {
			const problem = selectorProblem(text, probe);
			if (problem) {
				errors.push(`${key}: "${text}" ${problem}`);
				continue;
			}
		} else if ((attributeKeys as readonly string[]).includes(key) && !/^[A-Za-z_:][\w:.-]*$/.test(text)) {
			errors.push(`${key}: "${text}" is not an attribute name`);
			continue;
		} else if (key === 'ticketUrl' || key === 'listUrl') {
			try {
				urlMatcher(text);
			} catch {
				errors.push(`${key}: "${text}" is not a valid pattern`);
				continue;
			}

			if (key === 'ticketUrl' && !text.startsWith('/') && !text.includes('{id}')) {
				errors.push(`${key}: "${text}" needs {id} where the ticket id is`);
				continue;
			}
		} else if (key === 'order' && text !== 'oldest-first' && text !== 'newest-first') {
			errors.push(`${key}: must be oldest-first or newest-first`);
			continue;
		} else if (key === 'editorKind' && !isBridgeEditor(text)) {
			errors.push(`${key}: must be one of ${bridgeEditors.join(', ')}`);
			continue;
		}

		config[key] = text;
	}

	if (!config.message && !errors.some(error => error.startsWith('message:'))) {
		errors.push('message: required (a selector matching every message)');
	}

	return errors.length > 0 ? {ok: false, errors} : {ok: true, config: config as CustomConfig};
}

function matchesSafely(element: Element, selector: string | undefined): boolean {
	if (!selector) {
		return false;
	}

	try {
		return element.matches(selector);
	} catch {
		return false;
	}
}

function roleOf(element: Element, config: CustomConfig): Role | undefined {
	if (config.roleAttribute) {
		const value = element.getAttribute(config.roleAttribute)?.trim().toLowerCase() ?? '';
		if (config.customerValues?.includes(value)) {
			return 'customer';
		}

		if (config.agentValues?.includes(value)) {
			return 'agent';
		}

		if (config.systemValues?.includes(value)) {
			return 'system';
		}
	}

	if (matchesSafely(element, config.systemMessage)) {
		return 'system';
	}

	if (matchesSafely(element, config.customerMessage)) {
		return 'customer';
	}

	if (matchesSafely(element, config.agentMessage)) {
		return 'agent';
	}

	// With a customer rule only, everything else is the agents' side (and vice versa)
	if (config.customerMessage && !config.agentMessage && !config.roleAttribute) {
		return 'agent';
	}

	return config.agentMessage && !config.customerMessage && !config.roleAttribute ? 'customer' : undefined;
}

function readMessage(element: Element, config: CustomConfig, locale: string | undefined): Message | undefined {
	const role = roleOf(element, config);
	if (!role) {
		return undefined;
	}

	const internal = Boolean(
		config.internalMarker && (matchesSafely(element, config.internalMarker) || queryOne(element, config.internalMarker)),
	);
	const timeNode = config.time ? queryOne(element, config.time) : null;
	const machine =
		isoOf(attributeOf(timeNode, config.timeAttribute ?? 'datetime')) ??
		parseShownDate(attributeOf(timeNode, config.timeAttribute ?? 'datetime'), {locale});
	const shown = machine ?? parseShownDate(attributeOf(timeNode, 'title') ?? textContentOf(timeNode), {locale});
	const body = config.body ? queryOne(element, config.body) : element;
	return {
		id: attributeOf(element, 'id') ?? attributeOf(element, 'data-id'),
		role,
		...(internal ? {internal: true} : {}),
		author: config.author ? textContentOf(queryOne(element, config.author)) : undefined,
		text: bodyText(
			body,
			[config.quote, config.body ? '' : [config.author, config.time].filter(Boolean).join(', ')].filter(Boolean).join(', '),
		),
		at: shown,
	};
}

// Page-level lookups go through open shadow roots (hosted helpdesks keep fields there); inside a message, plain.
function field(scope: ParentNode, selector: string | undefined): string | undefined {
	return selector ? shownValue(queryOneDeep(scope, selector)) : undefined;
}

/** Any other helpdesk: its name and pages come from the user's settings (see customAdapter), its editor may be any. */
export const helpdesk = defineHelpdesk({
	id: 'custom',
	name: 'Custom helpdesk',
	kind: 'custom',
	hosts: [], // Always a user-granted origin
	editors: bridgeEditors,
	isTicketPage: () => false,
	isListPage: () => false,
});

/** An Adapter reading a helpdesk through the given (validated) settings. Never throws into the page. */
export function customAdapter(config: CustomConfig): Adapter & {readonly id: 'custom'} {
	let ticketUrl: Matcher | undefined;
	let listUrl: Matcher | undefined;
	try {
		ticketUrl = config.ticketUrl ? urlMatcher(config.ticketUrl) : undefined;
		listUrl = config.listUrl ? urlMatcher(config.listUrl) : undefined;
	} catch {
		ticketUrl = undefined;
		listUrl = undefined;
	}

	const selectors: Record<string, string> = {};
	for (const key of selectorKeys) {
		const value = config[key];
		if (value) {
			selectors[key] = value;
		}
	}

	return defineAdapter(
		{
			...helpdesk,
			name: config.name ?? helpdesk.name,
			isTicketPage: url => Boolean(ticketUrl?.test(url)),
			isListPage: url => Boolean(listUrl?.test(url)) && !ticketUrl?.test(url),
		},
		{
			selectors,
			required: ['message', ...(config.ticketRoot ? ['ticketRoot'] : [])],
			readTicket(root, url): TicketSnapshot | undefined {
				try {
					if (!config.message || !ticketUrl?.test(url)) {
						return undefined;
					}

					const scope = config.ticketRoot ? queryOneDeep(root, config.ticketRoot) : root;
					if (!scope) {
						return undefined;
					}

					const idNode = config.ticketId ? queryOneDeep(scope, config.ticketId) : null;
					const shownId = config.ticketIdAttribute
						? attributeOf(idNode, config.ticketIdAttribute)
						: textContentOf(idNode)?.replace(/^#\s*/, '');
					const urlId = ticketUrl.id(url);
					if (urlId && shownId && urlId !== shownId) {
						return undefined; // The page still shows another ticket
					}

					const ticketId = urlId ?? shownId;
					const elements = queryAllDeep(scope, config.message);
					if (!ticketId || elements.length === 0) {
						return undefined;
					}

					const locale = pageLocale(root);
					const messages = elements.map(element => readMessage(element, config, locale)).filter(message => message !== undefined);
					if (config.order === 'newest-first') {
						messages.reverse();
					}

					const name = field(scope, config.requester) ?? field(root, config.requester);
					const email = field(scope, config.requesterEmail) ?? field(root, config.requesterEmail);
					const tags = config.tag ? distinctTexts(queryAllDeep(scope, config.tag)) : [];
					return {
						helpdesk: 'custom',
						ticketId,
						url: url.href,
						subject: field(scope, config.subject) ?? field(root, config.subject),
						status: field(scope, config.status) ?? field(root, config.status),
						priority: field(scope, config.priority) ?? field(root, config.priority),
						requester: name || email ? {name, email} : undefined,
						assignee: field(scope, config.assignee) ?? field(root, config.assignee),
						group: field(scope, config.group) ?? field(root, config.group),
						tags: tags.length > 0 ? tags : undefined,
						createdAt: messages.find(message => message.at)?.at,
						messages,
					};
				} catch {
					return undefined;
				}
			},
			readList(root): ListRow[] {
				try {
					if (!config.listRow) {
						return [];
					}

					return queryAll(root, config.listRow).flatMap(row => {
						const idNode = config.listId ? queryOne(row, config.listId) : row;
						const ticketId = config.listIdAttribute
							? attributeOf(idNode, config.listIdAttribute)
							: textContentOf(idNode)?.replace(/^#\s*/, '');
						if (!ticketId) {
							return [];
						}

						const timeNode = config.listTime ? queryOne(row, config.listTime) : null;
						return [
							{
								ticketId,
								subject: config.listSubject ? textContentOf(queryOne(row, config.listSubject)) : undefined,
								requester: config.listRequester ? textContentOf(queryOne(row, config.listRequester)) : undefined,
								at:
									isoOf(attributeOf(timeNode, config.timeAttribute ?? 'datetime')) ??
									parseShownDate(textContentOf(timeNode), {locale: pageLocale(root)}),
							},
						];
					});
				} catch {
					return [];
				}
			},
			insertReply(root, text, mode): InsertOutcome {
				try {
					if (!config.editor) {
						return {ok: false, via: 'none', reason: 'no reply editor selector in the custom settings'};
					}

					const scope = (config.ticketRoot ? queryOne(root, config.ticketRoot) : null) ?? root;
					const editor = queryOne(scope, config.editor);
					if (!editor) {
						return {ok: false, via: 'none', reason: `reply editor not found: ${config.editor}`};
					}

					return config.editorKind
						? {ok: false, via: 'bridge', editor: config.editorKind, selector: config.editor}
						: typeInto(editor, text, mode);
				} catch (error) {
					return {ok: false, via: 'none', reason: String(error)};
				}
			},
		},
	);
}

/** Without settings the custom adapter matches no page; the content script builds one per origin. */
// Pure: a script that only needs the types or the validator leaves the adapter out of its bundle.
export default /* @__PURE__ */ customAdapter({});

/* Fixtures: test/fixtures/custom/{ticket-open,ticket-two-tabs,list,ticket-long}.html with config.json
   (an invented in-house helpdesk, "Helpline"). Live: whatever origin the user maps in the options page. */
