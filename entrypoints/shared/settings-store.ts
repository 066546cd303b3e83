import {browser, type Browser} from '#imports';
import {settingsFromStorage, validateSettings, type SettingsError} from '../../core/settings-schema.ts';
import {defaultSettings, settingsKey, type Settings} from '../../core/settings.ts';

// Settings live in the extension's storage.local under one key, read and checked here by the
// background, the options page and the dashboard. Helpdesk pages do not load this module (nor the
// schema): they get the settings validated from the background (helpdesk.content/page-setup.ts) and
// only watch the key to ask again when it changes.

export {settingsKey};

function parse(raw: unknown): Settings {
	const {settings, errors} = settingsFromStorage(raw);
	if (errors.length > 0) {
		console.warn('Defuse: the stored settings are not valid; using the defaults.', errors);
	}

	return settings;
}

/** The saved settings, migrated and validated; the defaults when nothing (valid) is stored. */
export async function loadSettings(): Promise<Settings> {
	try {
		const stored = await browser.storage.local.get(settingsKey);
		return parse(stored[settingsKey]);
	} catch (error) {
		console.warn('Defuse: could not read the settings; using the defaults.', error);
		return defaultSettings;
	}
}

/** Calls back with the new (validated) settings whenever they are saved; returns the unsubscribe function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
	const listener = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
		const change = changes[settingsKey];
		if (area === 'local' && change) {
			callback(parse(change.newValue));
		}
	};

	browser.storage.onChanged.addListener(listener);
	return () => browser.storage.onChanged.removeListener(listener);
}

/** Writes the settings only when they are valid; otherwise returns why not and writes nothing. */
export async function saveSettings(value: unknown): Promise<{ok: true; settings: Settings} | {ok: false; errors: SettingsError[]}> {
	const check = validateSettings(value);
	if (check.ok) {
		await browser.storage.local.set({[settingsKey]: check.settings});
	}

	return check;
}

export async function resetSettings(): Promise<void> {
	await browser.storage.local.remove(settingsKey);
}
