// CKEditor 5 from npm, as an inline editor on the helpdesk's own editable (as Zendesk mounts it):
// the element keeps its attributes and gets `ckeditorInstance`.
import {Bold, Essentials, InlineEditor, Italic, Paragraph} from 'ckeditor5';
import {mountPoint, ready, targetOf, textOfHtml} from './page.ts';

const element = mountPoint(targetOf(document.currentScript));
element.replaceChildren();
void InlineEditor.create(element, {licenseKey: 'GPL', plugins: [Essentials, Paragraph, Bold, Italic], toolbar: []}).then(editor => {
	ready({editor: 'ckeditor5', text: () => textOfHtml(editor.getData())});
});
