import type {Adapter, AdapterId} from './adapter.ts';

/** A WebExtension match pattern (`https://*.zendesk.com/*`) as a test on a URL. Ports are ignored, as browsers do. */
export function matchesPattern(pattern: string, url: URL): boolean {
	const parsed = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
	if (!parsed) {
		return false;
	}

	const [, scheme = '', host = '', path = ''] = parsed;
	const protocol = url.protocol.slice(0, -1);
	if (scheme === '*' ? !['http', 'https'].includes(protocol) : scheme !== protocol) {
		return false;
	}

	const hostname = url.hostname.toLowerCase();
	if (host !== '*') {
		const bare = host.toLowerCase().replace(/^\*\./, '');
		const hostOk = host.startsWith('*.') ? hostname === bare || hostname.endsWith(`.${bare}`) : hostname === bare;
		if (!hostOk) {
			return false;
		}
	}

	const escaped = path
		.split('*')
		.map(part => part.replaceAll(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${escaped}$`).test(url.pathname + url.search);
}

/**
 * The adapter for a page: the user's own origin mapping first (custom domains, self-hosted helpdesks),
 * then the adapters' default host patterns.
 */
export function pickAdapter(
	url: URL,
	adapters: readonly Adapter[],
	originMap: Readonly<Record<string, AdapterId>> = {},
): Adapter | undefined {
	const mapped = originMap[url.origin];
	if (mapped) {
		return adapters.find(adapter => adapter.id === mapped);
	}

	return adapters.find(adapter => adapter.hosts.some(pattern => matchesPattern(pattern, url)));
}
