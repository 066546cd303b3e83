// TinyMCE from npm (its own files served from the package), on the helpdesk's textarea: it edits in an
// iframe and keeps the textarea as the source.
import {mountPoint, ready, targetOf} from './page.ts';

type TinyEditor = {getContent(options: {format: 'text'}): string};
type TinyMce = {init(options: Record<string, unknown>): Promise<TinyEditor[]>};

const textarea = mountPoint(targetOf(document.currentScript));
textarea.id ||= 'reply-box';
const {tinymce} = globalThis as unknown as {tinymce: TinyMce};
void tinymce
	.init({
		target: textarea,
		license_key: 'gpl',
		base_url: '/__defuse-test/vendor/tinymce',
		suffix: '.min',
		menubar: false,
		toolbar: false,
		statusbar: false,
		promotion: false,
		branding: false,
		height: 180,
	})
	.then(([editor]) => {
		ready({
			editor: 'tinymce',
			text: () =>
				editor!
					.getContent({format: 'text'})
					.replaceAll(/\n{3,}/g, '\n\n')
					.trim(),
		});
	});
