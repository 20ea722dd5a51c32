import type { LanguagePack } from '../generate';

export const pt: LanguagePack = {
  language: 'pt',
  latin: true,
  slots: {
    item: [
      'a caldeira',
      'a torneira da cozinha',
      'a luz da casa de banho',
      'a fechadura da porta',
      'a janela da sala',
      'o radiador',
      'o chuveiro',
    ],
    period: ['duas semanas', 'três semanas', 'um mês', 'dois meses'],
    n: ['três', 'quatro', 'cinco', 'várias'],
  },
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'Já liguei {n} vezes por causa de {item} e ninguém veio',
        'Estou à espera há {period}, é inaceitável',
        'Prometeram que vinha alguém na segunda e ninguém apareceu',
        'Esperei o dia todo em casa para nada',
        'Ainda ninguém arranjou {item}, estou farta',
        'O canalizador foi mal educado e deixou tudo sujo',
        'Nada mudou há {period}, ninguém atende',
        'Ótimo, mais uma semana sem aquecimento',
        'Já reclamei dos vizinhos {n} vezes e não fizeram nada',
        'É a terceira vez que escrevo e sem resposta',
        'O técnico foi simpático mas ninguém voltou para acabar o trabalho',
        'Desculpe incomodar outra vez mas {item} continua avariada',
      ],
    },
    {
      intent: 'complaint',
      dissatisfied: true,
      flags: ['explicit_complaint'],
      templates: [
        'Quero fazer uma reclamação, {item} não funciona há {period}',
        'Estou muito insatisfeito com o serviço',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        '{item} não funciona, pode alguém vir ver?',
        'Quero reportar que {item} está a pingar',
        'Por favor enviem alguém para reparar {item}',
        'Não estou a reclamar, só aviso que {item} avariou',
        '{item} está avariada, preciso de reparação',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: [
        'Cheira a gás na cozinha',
        'Está a cair água do teto',
        'Não temos aquecimento e tenho um bebé',
        'A tomada está a deitar faíscas',
        'O alarme de monóxido está a tocar',
      ],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: [
        'Muito obrigada pela reparação rápida',
        'O técnico foi muito simpático, obrigado',
        'Bom trabalho, estou muito satisfeita',
      ],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ['Seria bom receber uma mensagem antes da visita', 'Tenho uma sugestão: um banco no jardim'],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: [
        'Como posso pedir uma troca de casa?',
        'Quando é a recolha do lixo?',
        'Alguma novidade sobre a reparação?',
      ],
    },
    {
      intent: 'status_check',
      dissatisfied: false,
      templates: ['Há novidades sobre a minha reclamação?', 'O que se passa com a minha queixa?'],
    },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: [
        'Não aceito a resposta à minha reclamação, quero que seja revista',
        'Discordo da decisão, quero a segunda fase',
      ],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['Os vizinhos põem música alta todas as noites', 'Há alguém a vender droga nas escadas'],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['Quero uma cópia dos meus dados pessoais', 'Que dados têm sobre mim?'],
    },
    { intent: 'human', dissatisfied: false, templates: ['Quero falar com uma pessoa', 'Liguem-me por favor'] },
    { intent: 'other', dissatisfied: false, templates: ['Olá', 'Bom dia', 'Ok obrigado'] },
  ],
};
