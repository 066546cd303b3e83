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
		'payment-dispute': ['contracargo', 'retrocargo', 'devolución del cargo', 'devolucion del cargo', 'disputar el cargo', 'reclamar al banco', 'disputa con {mi|el} banco', 'anular el cargo {con|en} {mi|el} banco'],
		billing: [
			'{cobrado|cobrada|cobrados|cargado} {dos veces|de más|de mas|doble}', '{cobro|cargo} {doble|duplicado|indebido|incorrecto|desconocido}', 'me {cobraron|han cobrado|cobrasteis|habéis cobrado|habeis cobrado} {dos veces|de más|de mas|doble}',
			'no {he recibido|recibí|recibi|me ha llegado|me llegó|me llego} {el|mi} reembolso', 'factura {incorrecta|errónea|erronea}', 'todavía no {me}? {han devuelto|devolvieron} {el dinero|mi dinero}',
		],
		'non-delivery': [
			'no {me}? {ha llegado|llegó|llego|han llegado|ha sido entregado|fue entregado}', 'no {he recibido|recibí|recibi|hemos recibido} {mi|el|nuestro|la|mis|los} {pedido|paquete|envío|envio|producto|tarjeta}',
			'{pedido|paquete|envío|envio} {perdido|extraviado|retrasado}', '{dónde|donde} {está|esta} mi {pedido|paquete|envío|envio}', 'seguimiento {no se mueve|parado|sin cambios}',
		],
		faulty: ['{llegó|llego|ha llegado|vino} {roto|rota|dañado|dañada|danado|danada|defectuoso|defectuosa|abierto}', '{roto|rota|dañado|dañada|defectuoso|defectuosa} {al llegar|de fábrica|de fabrica}', 'producto defectuoso', 'no es lo que pedí', 'no es lo que pedi'],
		'not-working': [
			'no funciona*', '{ha dejado|dejó|dejo} de funcionar', 'no {puedo|podemos} {entrar|acceder|iniciar sesión|iniciar sesion|pagar|conectar*}', 'no me deja', 'se {cuelga|bloquea} {constantemente|siempre|todo el rato}?',
			'mensaje de error', 'da error', 'sale un error', '{pago|transferencia|tarjeta} {rechazad*|fallid*|denegad*}',
		],
		outage: ['{servicio|web|página|pagina|app|aplicación|aplicacion|sistema|plataforma} {está|esta} caíd*', '{servicio|web|página|pagina|app|aplicación|aplicacion|sistema|plataforma} {está|esta} caid*', 'caída* del servicio', 'caida* del servicio', 'sin {servicio|conexión|conexion|internet|luz} {desde|otra vez|de nuevo}', '{otra|tercera|nueva} caída', '{otra|tercera|nueva} caida'],
		'broken-promise': ['me {dijeron|dijisteis|habían dicho|habian dicho|prometieron|prometisteis|aseguraron|asegurasteis}', '{debía|debia|tenía que|tenia que|iba a} {llegar|estar|recibir}'],
		waiting: ['{sigo|seguimos} esperando', '{llevo|llevamos} {días|dias|semanas|meses|horas} esperando', 'sin respuesta', 'todavía no {he recibido|tengo|hay} {respuesta|noticias}', 'todavia no {he recibido|tengo|hay} {respuesta|noticias}', 'nadie {me}? {responde|contesta}'],
		insult: ['inútiles', 'inutiles', 'incompetentes', 'vergüenza', 'verguenza', 'estafa*', 'ladrones', 'mierda', 'una broma'],
	},
};
