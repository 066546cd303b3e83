import type {ResponseOf} from '../../core/protocol.ts';
import type {CustomConfig} from '../../core/helpdesks/custom.ts';
import type {Settings} from '../../core/settings.ts';
import type {Errors} from './fields.tsx';

/** The settings being edited; fields may hold text that is not (yet) valid, which the validator names. */
export type Draft = Settings;
export type Path = ReadonlyArray<string | number>;
export type Update = (path: Path, value: unknown) => void;
export type SectionProps = {draft: Draft; errors: Errors; update: Update};

/** What the page needs from the extension; main.tsx supplies the real one, tests a fake. */
export type OptionsApi = {
	save(settings: Settings): Promise<void>;
	/** Must be called straight from a click: browsers only grant permissions on a user gesture. */
	requestSite(origin: string): Promise<boolean>;
	hasSite(origin: string): Promise<boolean>;
	testSelectors(origin: string, config: CustomConfig): Promise<ResponseOf<'test-selectors'>>;
	deleteEverything(): Promise<ResponseOf<'delete-everything'>>;
};

/** A copy of `value` with `path` set, leaving the original untouched. A value of undefined removes the key. */
export function setIn<T>(value: T, path: Path, next: unknown): T {
	if (path.length === 0) {
		return next as T;
	}

	const [head, ...rest] = path as [string | number, ...Array<string | number>];
	if (Array.isArray(value)) {
		const copy = [...value] as unknown[];
		copy[head as number] = setIn(copy[head as number], rest, next);
		return copy as T;
	}

	const record = {...(value as Record<string, unknown>)};
	const inner = setIn(record[head], rest, next);
	if (inner === undefined) {
		delete record[head];
	} else {
		record[head] = inner;
	}

	return record as T;
}
