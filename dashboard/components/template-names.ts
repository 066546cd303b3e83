// Template ids as the people who use them know them: the built-in library's titles, plus the team's
// own templates where the page can read them (the extension's settings).
import {templateLibrary} from '../../core/templates/library.ts';

export type TemplateNames = Readonly<Record<string, string>>;

export const libraryTemplateNames: TemplateNames = Object.fromEntries(templateLibrary.map(template => [template.id, template.title]));

/** The template's title, or its id marked as one this page has no title for (a colleague's own template). */
export function templateName(id: string, names: TemplateNames = libraryTemplateNames): string {
	return names[id] ?? `${id} (own template; no title here)`;
}
