// The real editors from npm on the fixture pages: each editor's page script (test/e2e/real-editors/)
// is bundled with esbuild when first asked for, and the editors' own files (TinyMCE's themes and skins,
// jQuery and Summernote, style sheets) are served from node_modules. Test-only; nothing here ships.
import {existsSync, readFileSync} from 'node:fs';
import {dirname, extname, join, normalize, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type RealEditor = 'ckeditor5' | 'tiptap' | 'prosemirror' | 'quill' | 'tinymce' | 'summernote';

/** A real editor mounted on the element `target` selects in the fixture page (only on `file`, when given). */
export type RealEditorMount = {editor: RealEditor; target: string; file?: string};

export const editorPrefix = '/__defuse-test/editors/';
export const vendorPrefix = '/__defuse-test/vendor/';

// Only these folders of node_modules are served.
const vendorRoots = ['tinymce', join('summernote', 'dist'), join('jquery', 'dist'), join('ckeditor5', 'dist'), join('quill', 'dist')];

/** Files an editor needs in the page before its own script: global libraries and style sheets. */
const needs: Record<RealEditor, {scripts?: string[]; styles?: string[]}> = {
	ckeditor5: {styles: ['ckeditor5/dist/ckeditor5.css']},
	tiptap: {},
	prosemirror: {},
	quill: {styles: ['quill/dist/quill.snow.css']},
	tinymce: {scripts: ['tinymce/tinymce.min.js']},
	summernote: {
		scripts: ['jquery/dist/jquery.min.js', 'summernote/dist/summernote-lite.min.js'],
		styles: ['summernote/dist/summernote-lite.min.css'],
	},
};

const bundles = new Map<RealEditor, Promise<string>>();

/** The editor's page script as one classic script (bundled once per test run). */
export async function editorBundle(editor: RealEditor): Promise<string> {
	let bundle = bundles.get(editor);
	if (!bundle) {
		bundle = build({
			entryPoints: [join(root, 'test/e2e/real-editors', `${editor}.ts`)],
			bundle: true,
			write: false,
			format: 'iife',
			platform: 'browser',
			target: 'es2022',
			charset: 'utf8',
			logLevel: 'silent',
		}).then(result => result.outputFiles[0]!.text);
		bundles.set(editor, bundle);
	}

	return bundle;
}

const types: Record<string, string> = {
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.json': 'application/json',
};

/** A file of an editor's package, when it is one of the served folders. */
export function vendorFile(relative: string): {body: Buffer; type: string} | undefined {
	const path = normalize(join(root, 'node_modules', relative));
	const allowed = vendorRoots.some(folder => path.startsWith(join(root, 'node_modules', folder) + sep));
	if (!allowed || !existsSync(path)) {
		return undefined;
	}

	return {body: readFileSync(path), type: types[extname(path)] ?? 'application/octet-stream'};
}

/** The tags that load the editors into a page, for the end of its body. */
export function editorTags(mounts: readonly RealEditorMount[]): string {
	return mounts
		.map(mount => {
			const {scripts = [], styles = []} = needs[mount.editor];
			return [
				...styles.map(style => `<link rel="stylesheet" href="${vendorPrefix}${style}">`),
				...scripts.map(script => `<script src="${vendorPrefix}${script}"></script>`),
				`<script src="${editorPrefix}${mount.editor}.js?target=${encodeURIComponent(mount.target)}"></script>`,
			].join('\n');
		})
		.join('\n');
}
