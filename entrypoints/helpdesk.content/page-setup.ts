// What a helpdesk page gets from the background instead of carrying it: the settings (validated
// there, the only place that needs the validators), the templates in use, the built-in phrase
// packs, the draft check's rules, the situation cues, the trigger cues and the tone lexicon's word lists, as data.
// English (with the tone lexicon) comes with the settings when the page starts; another language's
// pack when a ticket's customer writes in it. The page's script carries code only.
import {browser, type Browser} from '#imports';
import type {EngineData} from '../../core/assess.ts';
import type {PageSetup} from '../../core/messages.ts';
import {send} from './send.ts';
import type {Message} from '../../core/model.ts';
import {defaultSettings, settingsKey, type Settings} from '../../core/settings.ts';
import {builtInPackIds, detectLanguages} from '../../core/signals/phrases.ts';
import {toneLexicon, type ToneLexicon} from '../../core/tone-scan.ts';

export type PageData = {settings: Settings; engine: EngineData};

async function requestSetup(languages: readonly string[]): Promise<PageSetup | undefined> {
	const response = await send({type: 'page-setup', languages: [...languages]});
	return response.ok ? response.setup : undefined; // Not when the extension was reloaded or updated under this page
}

// Without the background's word lists (it did not answer) every message reads as neutral in tone.
const noTone: ToneLexicon = new Map();

function pageDataOf(setup: PageSetup, packs: EngineData['packs'], tone: ToneLexicon): PageData {
	const merged = {...packs};
	for (const pack of setup.packs) {
		merged[pack.id] = pack;
	}

	return {
		settings: setup.settings,
		engine: {
			packs: merged,
			templates: setup.templates,
			draftRules: setup.draftRules,
			cues: setup.cues,
			triggerCues: setup.triggerCues,
			tone: setup.tone ? toneLexicon(setup.tone) : tone,
		},
	};
}

/**
 * The page's settings and engine data, kept current: when the settings are saved elsewhere and when a
 * ticket needs another language's pack, `onChange` gets the new data.
 */
export async function loadPageData(): Promise<
	PageData & {
		/** Asks for the packs of the languages `messages` are written in that the page does not have yet. */
		needLanguagesOf(messages: readonly Message[]): void;
		/** Calls back whenever the data changes; returns the unsubscribe function. */
		watch(onChange: (data: PageData) => void): () => void;
	}
> {
	let data: PageData;
	const setup = await requestSetup(['en']);
	if (setup) {
		data = pageDataOf(setup, {}, noTone);
	} else {
		console.warn('Defuse: the extension did not answer; using the default settings, without phrase packs or suggestions.');
		data = {settings: defaultSettings, engine: {packs: {}, templates: [], draftRules: [], cues: [], triggerCues: [], tone: noTone}};
	}

	const asked = new Set<string>(setup ? ['en'] : []);
	const listeners = new Set<(data: PageData) => void>();
	const update = (next: PageSetup | undefined) => {
		if (next) {
			data = pageDataOf(next, data.engine.packs, data.engine.tone);
			for (const listener of listeners) {
				listener(data);
			}
		}
	};

	const onStorage = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
		if (area === 'local' && settingsKey in changes) {
			void requestSetup([]).then(update);
		}
	};

	return {
		get settings() {
			return data.settings;
		},
		get engine() {
			return data.engine;
		},
		needLanguagesOf(messages) {
			let sample = '';
			for (const message of messages) {
				if (message.role === 'customer' && !message.internal) {
					sample += `${message.text.slice(0, 1000)}\n`;
					if (sample.length > 3000) {
						break;
					}
				}
			}

			const missing = ['en', ...detectLanguages(sample)].filter(
				language => builtInPackIds.has(language) && !Object.hasOwn(data.engine.packs, language) && !asked.has(language),
			);
			if (missing.length > 0) {
				for (const language of missing) {
					asked.add(language);
				}

				void requestSetup(missing).then(update);
			}
		},
		watch(onChange) {
			if (listeners.size === 0) {
				browser.storage.onChanged.addListener(onStorage);
			}

			listeners.add(onChange);
			return () => {
				listeners.delete(onChange);
				if (listeners.size === 0) {
					browser.storage.onChanged.removeListener(onStorage);
				}
			};
		},
	};
}

export type LoadedPageData = Awaited<ReturnType<typeof loadPageData>>;
