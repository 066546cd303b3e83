import type {ComponentChildren} from 'preact';
import {useEffect, useId, useRef, useState} from 'preact/hooks';

// Labelled form controls with their validation message right beside them (aria-invalid +
// aria-describedby, so a screen reader reads the message with the field).

export type Errors = Readonly<Record<string, string>>;

type Common = {label: string; error?: string | undefined; hint?: string | undefined; name?: string | undefined};

function Described({id, error, hint}: {id: string; error?: string | undefined; hint?: string | undefined}) {
	return (
		<>
			{hint ? (
				<small class="hint" id={`${id}-hint`}>
					{hint}
				</small>
			) : null}
			{error ? (
				<small class="error" id={`${id}-error`} role="alert">
					{error}
				</small>
			) : null}
		</>
	);
}

function describedBy(id: string, error: string | undefined, hint: string | undefined): string | undefined {
	const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
	return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * For fields whose text is parsed into the settings ("09:00-17:00, …", one date per line): keeps what
 * the user is typing, and takes the settings' value only when it changes from elsewhere. Effects run
 * after paint, so with fast typing an effect may still see the value of an earlier keystroke: every
 * value this field sent and has not seen come back yet is an echo, not a change from elsewhere.
 */
function useLocalText(
	value: string,
	onChange: (value: string) => void,
	normalize: ((text: string) => string) | undefined,
): [string, (text: string) => void] {
	const [text, setText] = useState(value);
	const sent = useRef<string[]>([]);
	useEffect(() => {
		if (!normalize) {
			return;
		}

		const echo = sent.current.indexOf(value);
		if (echo === -1) {
			sent.current = [];
			setText(value);
		} else {
			sent.current = sent.current.slice(echo + 1);
		}
	}, [value]);
	if (!normalize) {
		return [value, onChange];
	}

	return [
		text,
		next => {
			setText(next);
			sent.current = [...sent.current.slice(-99), normalize(next)];
			onChange(next);
		},
	];
}

type Normalize = {normalize?: ((text: string) => string) | undefined};

export function TextField({
	label,
	error,
	hint,
	name,
	value,
	onChange,
	placeholder,
	wide,
	normalize,
}: Common & Normalize & {value: string; onChange: (value: string) => void; placeholder?: string | undefined; wide?: boolean | undefined}) {
	const id = useId();
	const [text, setText] = useLocalText(value, onChange, normalize);
	return (
		<div class={`field${wide ? ' wide' : ''}`}>
			<label for={id}>{label}</label>
			<input
				id={id}
				name={name}
				type="text"
				value={text}
				placeholder={placeholder}
				spellcheck={false}
				aria-invalid={error ? 'true' : undefined}
				aria-describedby={describedBy(id, error, hint)}
				onInput={event => setText(event.currentTarget.value)}
			/>
			<Described id={id} error={error} hint={hint} />
		</div>
	);
}

export function TextArea({
	label,
	error,
	hint,
	name,
	value,
	onChange,
	rows,
	normalize,
}: Common & Normalize & {value: string; onChange: (value: string) => void; rows?: number | undefined}) {
	const id = useId();
	const [text, setText] = useLocalText(value, onChange, normalize);
	return (
		<div class="field wide">
			<label for={id}>{label}</label>
			<textarea
				id={id}
				name={name}
				rows={rows ?? 4}
				value={text}
				aria-invalid={error ? 'true' : undefined}
				aria-describedby={describedBy(id, error, hint)}
				onInput={event => setText(event.currentTarget.value)}
			/>
			<Described id={id} error={error} hint={hint} />
		</div>
	);
}

/** What a number input holds: a number, an empty field, or text that is not a number (left for the validator to name). */
export function parseNumber(text: string, empty: number | null | string): number | null | string {
	const trimmed = text.trim();
	if (trimmed === '') {
		return empty;
	}

	return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function NumberField({
	label,
	error,
	hint,
	name,
	value,
	onChange,
	step,
	min,
	max,
	empty = '',
}: Common & {
	value: unknown;
	onChange: (value: number | null | string) => void;
	step?: number | undefined;
	min?: number | undefined;
	max?: number | undefined;
	empty?: number | null | string;
}) {
	const id = useId();
	const shown = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
	const [text, setText] = useLocalText(
		shown,
		next => onChange(parseNumber(next, empty)),
		next => {
			const parsed = parseNumber(next, empty);
			return parsed === null ? '' : String(parsed);
		},
	);
	return (
		<div class="field number">
			<label for={id}>{label}</label>
			<input
				id={id}
				name={name}
				type="text"
				inputMode="decimal"
				data-step={step}
				data-min={min}
				data-max={max}
				value={text}
				aria-invalid={error ? 'true' : undefined}
				aria-describedby={describedBy(id, error, hint)}
				onInput={event => setText(event.currentTarget.value)}
			/>
			<Described id={id} error={error} hint={hint} />
		</div>
	);
}

export function Select<T extends string>({
	label,
	error,
	hint,
	name,
	value,
	options,
	onChange,
}: Common & {value: T; options: ReadonlyArray<readonly [T, string]>; onChange: (value: T) => void}) {
	const id = useId();
	return (
		<div class="field">
			<label for={id}>{label}</label>
			<select
				id={id}
				name={name}
				value={value}
				aria-invalid={error ? 'true' : undefined}
				aria-describedby={describedBy(id, error, hint)}
				onChange={event => onChange(event.currentTarget.value as T)}
			>
				{options.map(([key, text]) => (
					<option key={key} value={key}>
						{text}
					</option>
				))}
			</select>
			<Described id={id} error={error} hint={hint} />
		</div>
	);
}

export function Checkbox({
	label,
	checked,
	onChange,
	name,
	hint,
}: {
	label: string;
	checked: boolean;
	onChange: (checked: boolean) => void;
	name?: string | undefined;
	hint?: string | undefined;
}) {
	const id = useId();
	return (
		<div class="field checkbox">
			<input
				id={id}
				name={name}
				type="checkbox"
				checked={checked}
				aria-describedby={hint ? `${id}-hint` : undefined}
				onChange={event => onChange(event.currentTarget.checked)}
			/>
			<label for={id}>{label}</label>
			{hint ? (
				<small class="hint" id={`${id}-hint`}>
					{hint}
				</small>
			) : null}
		</div>
	);
}

export function Section({
	id,
	title,
	intro,
	children,
}: {
	id: string;
	title: string;
	intro?: string | undefined;
	children: ComponentChildren;
}) {
	return (
		<section id={id} class="card" aria-labelledby={`${id}-title`}>
			<h2 id={`${id}-title`}>{title}</h2>
			{intro ? <p class="intro">{intro}</p> : null}
			{children}
		</section>
	);
}

/** Errors whose path starts with `prefix`, for a summary under a group of fields. */
export function errorsUnder(errors: Errors, prefix: string): string[] {
	return Object.entries(errors)
		.filter(([path]) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`))
		.map(([, message]) => message);
}
