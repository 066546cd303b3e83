// Markers of broken text: what a reply or a reworded draft must never contain. Shared by the draft
// check's and the template library's table tests.
const markers: ReadonlyArray<[RegExp, string]> = [
	[/[{}]|\[\[|\]\]/, 'a leftover placeholder'],
	[/ {2,}/, 'a doubled space'],
	[/\s[,.;:!?]/, 'a space before punctuation'],
	[/[,;:]\s*[,.;:!?]/, 'dangling punctuation'],
	[/\.\.(?!\.)/, 'a doubled full stop'],
	[/\(\s*\)/, 'empty brackets'],
	[/(?:^|[.!?]\s+|\n)\p{Ll}/u, 'a sentence starting in lower case'],
	[/^(?:Hi|Hello|Dear) [\p{L} ]+, (?!I\b)\p{Lu}/mu, "a capital after the greeting's comma"],
	[/^\s|\s$/, 'leading or trailing space'],
	[/\b(\w+)\s+\1\b/i, 'a doubled word'],
];

export function grammarProblems(text: string): string[] {
	return markers.filter(([pattern]) => pattern.test(text)).map(([, name]) => name);
}
