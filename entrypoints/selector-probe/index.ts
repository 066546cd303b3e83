import {defineUnlistedScript} from '#imports';
import {validateCustomConfig} from '../../core/helpdesks/custom.ts';
import {probeCustomConfig} from './probe.ts';

// Injected by the background into the helpdesk tab being set up ("Test these selectors on the open
// tab"). The config is handed over in a global of the extension's isolated world just before; the
// value main() returns is what scripting.executeScript reports back.
const probeConfigKey = 'defuseSelectorProbeConfig';

export default defineUnlistedScript(() => {
	const holder = globalThis as Record<string, unknown>;
	const config = holder[probeConfigKey];
	delete holder[probeConfigKey];
	const check = validateCustomConfig(config, document);
	return check.ok
		? {ok: true, result: probeCustomConfig(check.config, document, new URL(location.href))}
		: {ok: false, error: check.errors.join('; ')};
});
