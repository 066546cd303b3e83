import type {PhrasePack} from '../phrases.ts';

export const fr: PhrasePack = {
	id: 'fr',
	language: 'fr',
	negators: ['ne', 'pas', "n'", 'jamais', 'sans', 'aucun', 'aucune', 'ni', 'pas besoin', 'pas question'],
	conditionals: ['si', 'tant'],
	families: {
		manager: [
			'{parler|parle|m\'adresser} {à|a|avec} {un|une|le|la|votre|ton|quelqu\'un de}? {responsable|superviseur|supérieur|superieur|manager|directeur|directrice|chef|hiérarchie|hierarchie}',
			'{votre|un|une|le|la} {responsable|superviseur|supérieur|superieur|manager|directeur|directrice}', '{escalader|remonter} {ce dossier|ma demande|le problème|le probleme|ma réclamation}',
			'réclamation {formelle|officielle}', 'reclamation {formelle|officielle}', 'service {réclamation|reclamation|réclamations|reclamations}',
		],
		legal: [
			'avocat*', 'plainte', 'porter plainte', 'poursuite*', 'poursuivre', 'tribunal', 'justice', 'action en justice', 'mise en demeure', 'médiateur', 'mediateur',
			'répression des fraudes', 'repression des fraudes', 'dgccrf', 'association de consommateurs', 'ufc que choisir', '60 millions', 'cnil', 'arcep',
			'opposition {bancaire|sur le paiement|au prélèvement|au prelevement}', 'rétrofacturation', 'retrofacturation', 'chargeback',
		],
		churn: [
			'{résilier|resilier|résilie|resilie|résiliation|resiliation|annuler|annule} {mon|ma|mes|le|la|l\'}? {abonnement|contrat|compte|forfait|souscription}?',
			'{passer|partir|aller|changer} {chez|pour} {la concurrence|un concurrent|un autre}', 'concurrent*', 'la concurrence', 'plus jamais', 'ne {plus jamais|jamais plus} {commander|acheter|utiliser}',
		],
		repeat: [
			'{deuxième|deuxieme|troisième|troisieme|quatrième|quatrieme|énième|enieme|nième|nieme} fois', 'pas la première fois', 'pas la premiere fois', 'encore une fois', 'à nouveau', 'de nouveau',
			'combien de fois', '{toujours|encore} {pas|rien|aucune|en panne|cassé|casse|bloqué|bloque|le même|le meme}', 'comme je {l\'ai}? {déjà|deja} {dit|expliqué|explique|écrit|ecrit|mentionné|mentionne|signalé|signale}',
			'j\'ai {déjà|deja} {écrit|ecrit|appelé|appele|expliqué|explique|envoyé|envoye|signalé|signale|contacté|contacte}', 'personne ne {répond|repond|me répond|me repond}',
		],
		urgency: ['urgent*', 'immédiatement', 'immediatement', 'au plus vite', 'dès que possible', 'des que possible', 'tout de suite', 'sans délai'],
		insult: ['incompétent*', 'incompetent*', 'nuls', 'scandale*', 'honte', 'arnaque*', 'escroc*', 'voleurs', 'merde', 'foutage de gueule', 'se moquer de moi', 'vous moquez'],
	},
};
