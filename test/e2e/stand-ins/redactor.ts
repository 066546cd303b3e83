// Redactor stand-in, initialised on its source textarea (osTicket: textarea#response; Help Scout: the
// textarea in .redactor_box), with the editable beside it. Two generations of its API:
// - api=$R (Redactor 3): `$R(selector, 'insertion.insertText', text)`, `'source.getCode'`.
// - api=jquery (Redactor 9): `$(textarea).redactor('insertText', text)`, `'get'`;
//   api=jquery-10 (Redactor 10): `$(textarea).redactor('insert.text', text)`, `'code.get'`. The instance
//   lives in the textarea's jQuery data, other elements have none, and an unknown call name is an error.
import {jQuery, type Collection} from './jquery.ts';
import {modelEditor, paragraphsFromHtml, standInOptions, type ModelEditor} from './model.ts';

const {targets, api} = standInOptions(import.meta.url);
const apps = new Map<Element, ModelEditor>();
for (const source of targets) {
	const editable = source.closest('.redactor-box, .redactor_box')?.querySelector<HTMLElement>('[contenteditable="true"]');
	if (!editable) {
		continue;
	}

	apps.set(
		source,
		modelEditor(editable, 'redactor', api, model => {
			(source as HTMLTextAreaElement).value = model.html();
		}),
	);
}

if (api === '$R') {
	const redactorGlobal = (selector: string | Element, method?: string, ...args: unknown[]): unknown => {
		const elements = typeof selector === 'string' ? [...document.querySelectorAll(selector)] : [selector];
		let result: unknown;
		for (const element of elements) {
			const app = apps.get(element);
			if (!app) {
				throw new Error('redactor stand-in: Redactor is not started on this element');
			}

			if (method === 'insertion.insertText') {
				app.insert('$R:insertion.insertText', paragraphsFromHtml(String(args[0]).replaceAll('\n', '<br>')));
			} else if (method === 'source.getCode') {
				result = app.html();
			} else if (method !== undefined) {
				throw new Error(`redactor stand-in: no method ${method}`);
			}
		}

		return result;
	};

	(globalThis as unknown as {$R?: unknown}).$R = redactorGlobal;
} else {
	for (const [source, app] of apps) {
		const insertText = (call: string) => (text: unknown) =>
			app.insert(`jquery:${call}`, paragraphsFromHtml(String(text).replaceAll('\n', '<br>')));
		jQuery.data(
			source,
			'redactor',
			api === 'jquery-10'
				? {insert: {text: insertText('insert.text')}, code: {get: () => app.html()}}
				: {insertText: insertText('insertText'), get: () => app.html()},
		);
	}

	jQuery.fn['redactor'] = function (this: Collection, method: unknown, ...args: unknown[]) {
		let result: unknown;
		for (const element of this.elements) {
			const instance = jQuery.data(element, 'redactor') as Record<string, unknown> | undefined;
			if (typeof method !== 'string') {
				continue;
			}

			if (!instance) {
				throw new TypeError(`Cannot read properties of undefined (reading '${method}')`);
			}

			// 'insert.text' is instance.insert.text, as Redactor 10 resolves it
			const call = method.split('.').reduce<unknown>((scope, key) => (scope as Record<string, unknown> | undefined)?.[key], instance);
			if (typeof call !== 'function') {
				jQuery.error(`No such method "${method}" for Redactor`);
			}

			result = (call as (...values: unknown[]) => unknown)(...args) ?? result;
		}

		return result ?? this;
	};
}
