// The `sentiment` package's English word list (AFINN-165). @types/sentiment covers only its class API.
declare module 'sentiment/languages/en/index.js' {
	const language: {labels: Record<string, number>};
	export default language;
}
