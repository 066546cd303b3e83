import {defineUnlistedScript} from '#imports';
import {scrubbedPage} from '../../core/helpdesks/scrub.ts';
import type {SavedPage} from '../../core/messages.ts';

// Injected by the popup into the helpdesk tab on "Save this page for a bug report" (the click grants the
// tab to the extension), so the scrubbing code never rides along in the content scripts. What to write in
// the header is handed over in a global of the isolated world just before; main() returns the copy.
const requestKey = 'defuseScrubRequest';

export default defineUnlistedScript((): SavedPage => {
	const holder = globalThis as Record<string, unknown>;
	const request = holder[requestKey] as {helpdesk?: unknown; missing?: unknown} | undefined;
	delete holder[requestKey];
	try {
		const helpdesk = typeof request?.helpdesk === 'string' && /^[a-z]{1,20}$/.test(request.helpdesk) ? request.helpdesk : 'unknown';
		const missing = Array.isArray(request?.missing)
			? (request.missing.filter(part => typeof part === 'string' && /^\w{1,40}$/.test(part)) as string[])
			: [];
		const savedAt = new Date();
		const html = scrubbedPage(document, {url: new URL(location.href), helpdesk, missing, savedAt});
		return {ok: true, html, fileName: `defuse-${helpdesk}-${savedAt.toISOString().slice(0, 19).replaceAll(':', '-')}.html`};
	} catch (error) {
		return {ok: false, error: `the page could not be copied: ${String(error)}`};
	}
});
