import {useState} from 'preact/hooks';
import {builtInPacks, phraseSignals, type PhraseFamily, type PhrasePack} from '../../core/signals/phrases.ts';
import {Checkbox, Select, TextArea} from './fields.tsx';
import type {SectionProps} from './state.ts';

const languageNames: Record<string, string> = {en: 'English', es: 'Spanish', de: 'German', fr: 'French', pt: 'Portuguese'};
const userPackId = (language: string) => `mine-${language}`;
const splitLines = (text: string) =>
	text
		.split('\n')
		.map(line => line.trim())
		.filter(Boolean);

/** The user's pack for a language with one family's phrases replaced; negation words come from the built-in pack. */
export function withUserPhrases(packs: readonly PhrasePack[], language: string, family: PhraseFamily, phrases: string[]): PhrasePack[] {
	const id = userPackId(language);
	const builtIn = builtInPacks[language];
	const current = packs.find(pack => pack.id === id) ?? {
		id,
		language,
		negators: [...(builtIn?.negators ?? [])],
		...(builtIn?.conditionals ? {conditionals: [...builtIn.conditionals]} : {}),
		families: {},
	};
	const families = {...current.families, [family]: phrases};
	if (phrases.length === 0) {
		delete families[family];
	}

	const next = {...current, families};
	const others = packs.filter(pack => pack.id !== id);
	return Object.keys(families).length === 0 ? others : [...others, next];
}

type FamilyFieldsetProps = {
	signal: (typeof phraseSignals)[number];
	language: string;
	builtIn: readonly string[];
	/** The family is detected: neither it nor the language's built-in pack is turned off. */
	on: boolean;
	mine: readonly string[];
	onToggle: (on: boolean) => void;
	onPhrases: (phrases: string[]) => void;
};

/** One phrase family for the chosen language: its switch, the built-in phrases and the user's own. */
function FamilyFieldset({signal: {family, says, weight, reason}, language, builtIn, on, mine, onToggle, onPhrases}: FamilyFieldsetProps) {
	return (
		<fieldset data-family={family}>
			<legend>{says}</legend>
			<p class="hint">
				Risk weight {weight}: {reason}
			</p>
			<Checkbox
				label={`Detect "${family}" phrases in ${languageNames[language] ?? language}`}
				name={`family-${family}`}
				checked={on}
				onChange={onToggle}
			/>
			<details>
				<summary>{builtIn.length} built-in phrases</summary>
				<ul class="phrases">
					{builtIn.map(phrase => (
						<li key={phrase}>
							<code>{phrase}</code>
						</li>
					))}
				</ul>
			</details>
			<TextArea
				label="Your own phrases, one per line"
				name={`mine-${family}`}
				rows={2}
				value={mine.join('\n')}
				normalize={text => splitLines(text).join('\n')}
				onChange={text => onPhrases(splitLines(text))}
			/>
		</fieldset>
	);
}

export function PhrasesSection({draft, errors, update}: SectionProps) {
	const [language, setLanguage] = useState('en');
	const {disabledFamilies, disabledPacks, userPacks} = draft.phrases;
	const pack = builtInPacks[language];
	const packOn = !disabledPacks.includes(language);
	const mine = userPacks.find(candidate => candidate.id === userPackId(language));
	const mineIndex = userPacks.findIndex(candidate => candidate.id === userPackId(language));
	const toggleFamily = (family: PhraseFamily, on: boolean) => {
		const key = `${language}:${family}` as const;
		update(['phrases', 'disabledFamilies'], on ? disabledFamilies.filter(entry => entry !== key) : [...disabledFamilies, key]);
	};

	return (
		<>
			<Select
				label="Language"
				name="phrase-language"
				value={language}
				options={Object.keys(builtInPacks).map(code => [code, languageNames[code] ?? code] as const)}
				onChange={setLanguage}
			/>
			<Checkbox
				label={`Use the built-in ${languageNames[language] ?? language} phrases`}
				name="phrase-pack"
				checked={packOn}
				onChange={on =>
					update(['phrases', 'disabledPacks'], on ? disabledPacks.filter(id => id !== language) : [...disabledPacks, language])
				}
			/>
			{mineIndex >= 0 && errors[`phrases.userPacks.${mineIndex}`] ? (
				<p class="error" role="alert">
					{errors[`phrases.userPacks.${mineIndex}`]}
				</p>
			) : null}
			{errors['phrases.disabledFamilies'] ? (
				<p class="error" role="alert">
					{errors['phrases.disabledFamilies']}
				</p>
			) : null}
			<div class="families">
				{phraseSignals.map(signal => (
					<FamilyFieldset
						key={signal.family}
						signal={signal}
						language={language}
						builtIn={pack?.families[signal.family] ?? []}
						on={!disabledFamilies.includes(signal.family) && !disabledFamilies.includes(`${language}:${signal.family}`) && packOn}
						mine={mine?.families[signal.family] ?? []}
						onToggle={checked => toggleFamily(signal.family, checked)}
						onPhrases={phrases => update(['phrases', 'userPacks'], withUserPhrases(userPacks, language, signal.family, phrases))}
					/>
				))}
			</div>
			<p class="hint">
				Phrases match whole words in any case. {'{a|b}'} is a choice, a trailing ? makes a word optional, word* matches any ending, and a
				lone * skips up to three words. A phrase right after a negation ("not", "never") does not count.
			</p>
		</>
	);
}
