import {beforeEach, expect, test, vi} from 'vitest';
import {fakeBrowser} from 'wxt/testing/fake-browser';
import {defaultSettings, type Settings} from '../../core/settings.ts';
import {loadSettings, resetSettings, saveSettings, settingsKey, watchSettings} from './settings-store.ts';

beforeEach(() => {
	fakeBrowser.reset();
	vi.restoreAllMocks();
});

const raised = (): Settings => ({
	...structuredClone(defaultSettings),
	risk: {thresholds: {watch: 0.5, high: 0.7, critical: 0.9}, alertBudget: {maxFlagsPerAgentHour: 2, minLevel: 'critical'}},
});

test('nothing stored: the defaults', async () => {
	expect(await loadSettings()).toEqual(defaultSettings);
});

test('saved settings load back; invalid ones are not written', async () => {
	expect((await saveSettings(raised())).ok).toBe(true);
	expect((await loadSettings()).risk.thresholds).toEqual({watch: 0.5, high: 0.7, critical: 0.9});
	const bad = raised();
	bad.risk.thresholds.high = 0.2;
	const result = await saveSettings(bad);
	expect(result.ok).toBe(false);
	expect((await loadSettings()).risk.thresholds.high).toBe(0.7);
});

test('an invalid stored value falls back to the defaults and says so', async () => {
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
	await fakeBrowser.storage.local.set({[settingsKey]: {risk: {thresholds: {watch: 'high'}}}});
	expect(await loadSettings()).toEqual(defaultSettings);
	expect(warn).toHaveBeenCalledOnce();
});

test('older settings are migrated on load', async () => {
	await fakeBrowser.storage.local.set({[settingsKey]: {agent: {name: 'Ana Ruiz'}}});
	const settings = await loadSettings();
	expect(settings.agent.name).toBe('Ana Ruiz');
	expect(settings.sla).toEqual(defaultSettings.sla);
});

test('watchSettings reports each save until unsubscribed, and a reset as the defaults', async () => {
	const seen: Settings[] = [];
	const stop = watchSettings(settings => seen.push(settings));
	await saveSettings(raised());
	await fakeBrowser.storage.local.set({unrelated: 1});
	await resetSettings();
	stop();
	await saveSettings(raised());
	expect(seen.map(settings => settings.risk.thresholds.watch)).toEqual([0.5, defaultSettings.risk.thresholds.watch]);
});
