import type {PhrasePack} from '../phrases.ts';

export const es: PhrasePack = {
	id: 'es',
	language: 'es',
	negators: ['no', 'nunca', 'jamás', 'jamas', 'sin', 'ni', 'tampoco', 'no quiero', 'no hace falta', 'no necesito'],
	conditionals: ['si', 'mientras'],
	families: {
		manager: [
			'{hablar|hablo|comunicarme} con {un|el|su|tu|algún|algun}? {supervisor|responsable|encargado|jefe|gerente|superior|director}',
			'{quiero|exijo|necesito|pido} {un|el|su|tu}? {supervisor|responsable|encargado|jefe|gerente|superior}',
			'{escalar|escalen|escale|escalad} {esto|el caso|mi caso|la incidencia|el problema}?', 'alguien {con autoridad|superior|competente|responsable}',
			'{hoja|libro} de reclamaciones', 'reclamación formal', 'reclamacion formal', 'queja formal',
		],
		legal: [
			'abogado*', 'denuncia*', 'denunciar*', 'demanda*', 'demandar*', 'acciones legales', 'acción legal', 'accion legal', 'vía judicial', 'via judicial',
			'tribunal*', 'juzgado', 'defensor del {consumidor|cliente|pueblo}', 'consumo', 'omic', 'profeco', 'oficina del consumidor', 'organismo regulador',
			'contracargo', 'devolución del cargo', 'disputar el cargo', 'reclamar al banco',
		],
		churn: [
			'{cancelar|cancelo|cancelaré|cancelare|dar de baja|darme de baja|me doy de baja|anular} {mi|la|el}? {cuenta|suscripción|suscripcion|contrato|servicio|plan|membresía|membresia}?',
			'{cambiarme|me cambio|me voy|me paso|irme} {a|con} {la|otra|otro|la competencia}', 'la competencia', 'otra compañía', 'otra compania', 'otro proveedor',
			'no {vuelvo|volveré|volvere} a {comprar|contratar|usar}', 'nunca más', 'nunca mas', 'baja inmediata',
		],
		repeat: [
			'{segunda|tercera|cuarta|quinta|enésima|enesima} vez', 'no es la primera vez', 'otra vez', 'de nuevo', 'una y otra vez', 'cuántas veces', 'cuantas veces',
			'{sigue|siguen|todavía|todavia|aún|aun} {sin|no|igual|roto|fallando|esperando}', 'como ya {dije|he dicho|expliqué|explique|comenté|comente|indiqué|indique}',
			'ya {les|te|le|os}? {dije|he dicho|expliqué|explique|escribí|escribi|llamé|llame|envié|envie}', 'nadie me {responde|contesta|ha respondido|ha contestado}',
		],
		urgency: ['urgente*', 'cuanto antes', 'lo antes posible', 'inmediatamente', 'ya mismo', 'de inmediato'],
		insult: ['inútiles', 'inutiles', 'incompetentes', 'vergüenza', 'verguenza', 'estafa*', 'ladrones', 'mierda', 'una broma'],
	},
};
