import {browser} from '#imports';
import {render} from 'preact';
import {backgroundSender} from '../../core/protocol.ts';
import {sitePattern} from '../../core/settings.ts';
import {loadSettings, saveSettings} from '../shared/settings-store.ts';
import {Options} from './options.tsx';
import type {OptionsApi} from './state.ts';
import './options.css';

const send = backgroundSender(async request => browser.runtime.sendMessage(request));

const api: OptionsApi = {
	async save(settings) {
		const result = await saveSettings(settings);
		if (!result.ok) {
			throw new Error(result.errors.map(error => error.message).join(' '));
		}
	},
	async requestSite(origin) {
		return browser.permissions.request({origins: [sitePattern(origin)]});
	},
	async hasSite(origin) {
		return browser.permissions.contains({origins: [sitePattern(origin)]});
	},
	async testSelectors(origin, config) {
		return send({type: 'test-selectors', origin, config});
	},
	async deleteEverything() {
		return send({type: 'delete-everything'});
	},
};

async function main(): Promise<void> {
	const initial = await loadSettings();
	render(<Options initial={initial} api={api} />, document.querySelector('#app')!);
}

void main();
