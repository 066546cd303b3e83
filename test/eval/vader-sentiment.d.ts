// The npm port of VADER (Hutto & Gilbert 2014) ships no types; this is the part the evaluation and the bench use.
declare module 'vader-sentiment' {
	const vader: {
		SentimentIntensityAnalyzer: {
			polarity_scores(text: string): {neg: number; neu: number; pos: number; compound: number};
		};
	};
	export default vader;
}
