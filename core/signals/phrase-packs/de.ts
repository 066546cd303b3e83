import type {PhrasePack} from '../phrases.ts';

export const de: PhrasePack = {
	id: 'de',
	language: 'de',
	negators: ['nicht', 'kein', 'keine', 'keinen', 'keiner', 'nie', 'niemals', 'ohne', 'weder', 'nicht nötig', 'nicht notwendig'],
	conditionals: ['wenn', 'falls', 'sofern', 'solange'],
	families: {
		manager: [
			'{vorgesetzte*|vorgesetzten|teamleiter*|teamleitung|chef|chefin|geschäftsführ*|geschaeftsfuehr*|abteilungsleiter*|verantwortliche*|führungskraft|fuehrungskraft}',
			'{eskalieren|eskaliert|eskalation}', 'jemand {kompetenten|zuständigen|zustaendigen|anderen}? sprechen', 'offizielle beschwerde', 'formelle beschwerde', 'dienstaufsichtsbeschwerde',
		],
		legal: [
			'anwalt', 'anwältin', 'anwaeltin', 'rechtsanwalt*', 'anwälte*', 'anwaelte*', 'klage*', 'verklagen', 'gericht*', 'rechtliche schritte', 'juristische schritte',
			'verbraucherzentrale', 'verbraucherschutz', 'schlichtungsstelle', 'bundesnetzagentur', 'bafin', 'ombudsmann', 'ombudsstelle', 'datenschutzbehörde',
			'rückbuchung', 'rueckbuchung', 'lastschrift zurück*', 'chargeback', 'abmahnung', 'strafanzeige', 'anzeige erstatten',
		],
		churn: [
			'{kündige|kündigen|kuendige|kuendigen|kündigung|kuendigung} *', '{vertrag|abo|abonnement|konto|mitgliedschaft} {kündigen|kuendigen|beenden|auflösen|aufloesen|löschen|loeschen}',
			'{wechsle|wechseln|wechsel} zu{r|m}? {konkurrenz|anderen anbieter|einem anderen anbieter}', 'konkurrenz', 'anderen anbieter', 'nie wieder', 'sonderkündigung*',
		],
		repeat: [
			'{zweite*|dritte*|vierte*|fünfte*|fuenfte*|x-te*|zigste*} mal', 'nicht das erste mal', 'schon wieder', 'immer wieder', 'wie oft noch', 'wie oft',
			'{immer noch|noch immer|weiterhin} {nicht|kein|keine|kaputt|defekt|fehlerhaft|das gleiche|dasselbe}', 'wie {ich}? bereits {gesagt|geschrieben|erwähnt|erwaehnt|erklärt|erklaert|mitgeteilt}',
			'habe {ich}? {bereits|schon} {mehrfach|mehrmals|zweimal|dreimal}? {geschrieben|angerufen|gemeldet|erklärt|erklaert|mitgeteilt}', 'niemand {antwortet|meldet sich|hat geantwortet}',
		],
		urgency: ['dringend*', 'sofort', 'umgehend', 'unverzüglich', 'unverzueglich', 'so schnell wie möglich', 'asap', 'eilig'],
		insult: ['unfähig*', 'unfaehig*', 'inkompetent*', 'frechheit', 'unverschämt*', 'unverschaemt*', 'scheiß*', 'scheiss*', 'scheiße', 'abzocke', 'betrüger*', 'betrueger*', 'idiot*', 'witz'],
	},
};
