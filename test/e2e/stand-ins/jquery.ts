// The little of jQuery that the Summernote and Redactor stand-ins and Defuse's bridge use: `$(selector |
// element)`, plugins on `$.fn`, per-element data and `$.error`. Installed as window.jQuery and window.$.

export type Collection = {
	length: number;
	elements: Element[];
	[plugin: string]: unknown;
};

type Plugin = (this: Collection, ...args: unknown[]) => unknown;

type JQuery = {
	(input: string | Element | Collection): Collection;
	fn: Record<string, Plugin>;
	data(element: Element, key: string, value?: unknown): unknown;
	error(message: string): never;
};

const store = new WeakMap<Element, Map<string, unknown>>();

function create(): JQuery {
	const fn: Record<string, Plugin> = {};
	const jquery = ((input: string | Element | Collection): Collection => {
		const elements =
			typeof input === 'string' ? [...document.querySelectorAll(input)] : input instanceof Element ? [input] : [...input.elements];
		const collection: Collection = Object.create(fn) as Collection;
		collection.elements = elements;
		collection.length = elements.length;
		return collection;
	}) as JQuery;
	jquery.fn = fn;
	jquery.data = (element, key, value) => {
		const data = store.get(element) ?? new Map<string, unknown>();
		store.set(element, data);
		if (value !== undefined) {
			data.set(key, value);
		}

		return data.get(key);
	};

	jquery.error = message => {
		throw new Error(message);
	};

	return jquery;
}

const page = globalThis as unknown as {jQuery?: JQuery; $?: JQuery};
export const jQuery: JQuery = page.jQuery ?? create();
page.jQuery = jQuery;
page.$ = jQuery;
