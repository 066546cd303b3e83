// Summernote from npm (the lite build, with jQuery) on the helpdesk's textarea, as FreeScout mounts it;
// the pre-rendered editor of the saved page is removed first.
import {mountPoint, ready, targetOf, textOfHtml} from './page.ts';

type Summernote = (command?: string | Record<string, unknown>, value?: string) => unknown;
type JQuery = (selector: string | Element) => {summernote: Summernote};

const selector = targetOf(document.currentScript);
const textarea = mountPoint(selector);
textarea.parentElement?.querySelector('.note-editor')?.remove();
const {jQuery} = globalThis as unknown as {jQuery: JQuery};
jQuery(textarea).summernote({height: 150, toolbar: []});
ready({editor: 'summernote', text: () => textOfHtml(String(jQuery(textarea).summernote('code')))});
