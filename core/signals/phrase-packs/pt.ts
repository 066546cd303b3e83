import type {PhrasePack} from '../phrases.ts';

export const pt: PhrasePack = {
	id: 'pt',
	language: 'pt',
	negators: ['não', 'nao', 'nunca', 'jamais', 'sem', 'nem', 'não quero', 'nao quero', 'não precisa', 'nao precisa'],
	conditionals: ['se', 'enquanto', 'caso'],
	families: {
		manager: [
			'{falar|conversar} com {o|a|um|uma|seu|sua|vosso|algum}? {supervisor*|gerente|responsável|responsavel|superior|chefe|coordenador*|diretor*}',
			'{quero|exijo|preciso} {de}? {um|uma|o|a|seu|sua}? {supervisor*|gerente|responsável|responsavel|superior|chefe}',
			'{escalar|escalem|escalonar} {isso|este caso|o caso|o problema|a reclamação|a reclamacao}?', 'alguém {com autoridade|superior|competente|responsável}', 'reclamação formal', 'reclamacao formal',
		],
		legal: [
			'advogado*', 'processo', 'processar', 'ação judicial', 'acao judicial', 'justiça', 'justica', 'tribunal', 'juizado', 'procon', 'reclame aqui', 'consumidor.gov',
			'anatel', 'banco central', 'ouvidoria', 'defesa do consumidor', 'código de defesa', 'codigo de defesa',
		],
		churn: [
			'{cancelar|cancelo|cancelamento|encerrar|rescindir} {minha|meu|a|o}? {conta|assinatura|contrato|plano|serviço|servico}?',
			'{mudar|trocar|ir|passar} {para|pra} {a concorrência|a concorrencia|outra empresa|outro fornecedor|outra operadora|o concorrente}', 'concorrência', 'concorrencia', 'concorrente*', 'nunca mais',
		],
		repeat: [
			'{segunda|terceira|quarta|quinta|enésima|enesima} vez', 'não é a primeira vez', 'nao e a primeira vez', 'de novo', 'novamente', 'mais uma vez', 'quantas vezes',
			'{continua|continuam|ainda} {sem|não|nao|com problema|quebrado|parado|esperando|aguardando}', 'como {eu}? já {disse|falei|expliquei|informei|mencionei}',
			'já {liguei|escrevi|enviei|expliquei|reclamei|abri} *', 'ninguém {responde|me responde|resolve}', 'ninguem {responde|me responde|resolve}',
		],
		urgency: ['urgente*', 'imediatamente', 'o quanto antes', 'o mais rápido possível', 'o mais rapido possivel', 'agora mesmo'],
		'payment-dispute': ['chargeback', 'contestar a {compra|cobrança|cobranca}', 'estorno no cartão', 'estorno no cartao', 'contestar {no|com o} banco'],
		billing: [
			'cobrado duas vezes', '{cobrança|cobranca} {duplicada|indevida|errada}', 'cobraram {duas vezes|a mais|em dobro}', '{não|nao} {recebi|recebemos} {o|meu} {reembolso|estorno}', 'fatura {errada|incorreta}',
		],
		'non-delivery': [
			'{não|nao} {chegou|chegaram|foi entregue|foram entregues}', '{não|nao} {recebi|recebemos} {o|a|meu|minha|os|as} {pedido|encomenda|pacote|produto|cartão|cartao}',
			'{pedido|encomenda|pacote} {extraviado|perdido|atrasado}', '{cadê|cade} {meu|minha} {pedido|encomenda}', '{onde está|onde esta} {meu|minha} {pedido|encomenda}',
		],
		faulty: ['{chegou|veio} {quebrado|quebrada|danificado|danificada|com defeito|defeituoso|defeituosa}', 'com defeito', 'defeituos*'],
		'not-working': ['{não|nao} {funciona|está funcionando|esta funcionando}', '{não|nao} consigo {entrar|acessar|pagar|logar}', 'parou de funcionar', 'mensagem de erro', '{dá|da} erro', 'pagamento {recusado|negado}'],
		outage: ['{sistema|site|serviço|servico|aplicativo|app} {caiu|fora do ar|está fora do ar|esta fora do ar}', 'fora do ar', 'instabilidade', 'sem {sinal|internet|serviço|servico|luz} {desde|de novo|novamente}'],
		'broken-promise': ['me {disseram|prometeram|garantiram}', '{era|deveria|devia} {para}? {chegar|ter chegado|ser entregue}'],
		waiting: ['continuo {esperando|aguardando}', 'ainda {estou}? {esperando|aguardando}', 'sem resposta', '{ninguém|ninguem} {responde|me responde}', 'aguardando {há|ha} {dias|semanas}'],
		insult: ['incompetente*', 'inúteis', 'inuteis', 'vergonha', 'palhaçada', 'palhacada', 'golpe', 'ladrões', 'ladroes', 'merda', 'absurdo'],
	},
};
