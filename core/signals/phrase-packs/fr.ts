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
		'payment-dispute': ['opposition {bancaire|sur le paiement|au prélèvement|au prelevement}', 'rétrofacturation', 'retrofacturation', 'chargeback', 'contester {le|ce} {paiement|prélèvement|prelevement|débit|debit} auprès de ma banque', 'faire opposition'],
		billing: [
			'{débité|debite|prélevé|preleve|facturé|facture} deux fois', 'double {prélèvement|prelevement|facturation|débit|debit}', '{prélèvement|prelevement|débit|debit|facture} {injustifié*|incorrect*|erroné*|errone*}',
			'{pas|jamais} {encore}? {reçu|recu} {mon|le} remboursement', 'toujours pas {remboursé|rembourse|remboursée}', 'trop {facturé|facture|prélevé|preleve}',
		],
		'non-delivery': [
			'{colis|commande|livraison|carte} {n\'est|n\'a} {toujours}? {pas|jamais} {arrivé*|arrive*|été livré*|ete livre*|été reçu*}', 'jamais {arrivé*|reçu*|recu*|livré*}',
			'{pas|jamais} {encore}? {reçu|recu} {mon|ma|mes|le|la|les} {colis|commande|carte|livraison|article|produit}', '{colis|commande} {perdu*|égaré*|egare*}', '{où|ou} est {mon|ma} {colis|commande}',
		],
		faulty: ['{arrivé*|arrive|reçu*|recu*|livré*} {cassé*|casse|endommagé*|endommage|abîmé*|abime*|défectueu*|defectueu*}', 'défectueu*', 'defectueu*', 'ce n\'est pas ce que j\'ai commandé'],
		'not-working': [
			'{ne|n\'} {fonctionne|marche} {pas|plus}', '{ça|ca|cela} {fonctionne|marche} pas', 'impossible de {me connecter|se connecter|payer|accéder|acceder|valider}', 'plante {sans arrêt|tout le temps|constamment}',
			'message d\'erreur', 'paiement {refusé|refuse|rejeté|rejete}',
		],
		outage: ['panne*', '{site|service|serveur|application|appli|système|systeme} {est}? {en panne|hors service|inaccessible|indisponible}', 'coupure*'],
		'broken-promise': ['on m\'a {dit|promis|assuré|assure}', 'vous {m\'aviez|aviez|m\'avez} {promis|dit|assuré|assure}', '{devait|devaient|était censé*|etait cense*} {arriver|être|etre}'],
		waiting: ['j\'attends {toujours|encore|depuis}', 'toujours {pas de|aucune} {réponse|reponse|nouvelles}', 'aucune {réponse|reponse|nouvelle}', 'sans {réponse|reponse|nouvelles}'],
		insult: ['incompétent*', 'incompetent*', 'nuls', 'scandale*', 'honte', 'arnaque*', 'escroc*', 'voleurs', 'merde', 'foutage de gueule', 'se moquer de moi', 'vous moquez'],
	},
};
