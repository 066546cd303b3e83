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
			'abmahnung', 'strafanzeige', 'anzeige erstatten',
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
		'payment-dispute': ['rückbuchung', 'rueckbuchung', 'lastschrift zurück*', 'lastschrift zurueck*', 'chargeback', 'zahlung {zurückbuchen|zurueckbuchen|zurückholen|zurueckholen}', 'lastschrift widerrufen', 'bei meiner bank {widersprechen|reklamieren}'],
		billing: [
			'{doppelt|zweimal} {abgebucht|belastet|berechnet|bezahlt}', '{falsche|fehlerhafte|doppelte} {rechnung|abbuchung|belastung}', 'zu viel {berechnet|abgebucht}',
			'erstattung {ist}? {noch}? nicht {angekommen|eingegangen|erfolgt}', 'keine erstattung', 'geld {noch}? nicht zurück', 'geld {noch}? nicht zurueck',
		],
		'non-delivery': [
			'{bestellung|paket|lieferung|sendung|karte|ware} {ist|wurde|sind}? {noch}? {nicht|nie} {angekommen|geliefert|eingetroffen|zugestellt}', '{nicht|nie} {angekommen|zugestellt}',
			'paket {verloren|verschwunden}', 'wo bleibt {meine|mein} {bestellung|paket|lieferung}',
		],
		faulty: ['{kaputt|beschädigt|beschaedigt|defekt} {angekommen|geliefert}', 'defekt*', 'beschädigt*', 'beschaedigt*', 'kaputt'],
		'not-working': ['funktioniert {nicht|immer noch nicht|nicht mehr|gar nicht}', 'geht nicht mehr', '{stürzt|stuerzt} {ständig|staendig|immer}? ab', 'kann mich nicht {anmelden|einloggen}', 'fehlermeldung', 'zahlung {abgelehnt|fehlgeschlagen}'],
		outage: ['{störung|stoerung|ausfall|ausfälle|ausfaelle}', '{server|seite|website|app|system|dienst} {ist|sind}? {down|offline|nicht erreichbar}'],
		'broken-promise': ['mir wurde {gesagt|versprochen|zugesagt}', 'sie haben {mir}? versprochen', 'hätte {schon}? {längst}? {ankommen|kommen|geliefert werden} sollen'],
		waiting: ['{warte|warten} {immer noch|noch immer|seit}', 'keine {antwort|rückmeldung|rueckmeldung|reaktion}', 'noch {keine|immer keine} antwort'],
		insult: ['unfähig*', 'unfaehig*', 'inkompetent*', 'frechheit', 'unverschämt*', 'unverschaemt*', 'scheiß*', 'scheiss*', 'scheiße', 'abzocke', 'betrüger*', 'betrueger*', 'idiot*', 'witz'],
	},
};
