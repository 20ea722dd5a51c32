import type { LanguagePack } from '../generate';

export const pt: LanguagePack = {
  language: 'pt',
  latin: true,
  slots: {},
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'O técnico faltou outra vez e eu tirei o dia de folga',
        'Desculpe insistir mas há um mês que ninguém responde aos meus emails',
        'O senhor foi muito educado mas o exaustor continua sem funcionar',
        'Que maravilha, mais um fim de semana sem água quente',
        'Já fiz queixa do vizinho cinco vezes e vocês não fizeram nada',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        'Os azulejos da casa de banho caíram, dá para arranjar?',
        'O exaustor da cozinha deixou de funcionar',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: ['Há um cheiro forte a gás no corredor', 'Sai fumo da tomada do quarto'],
    },
    { intent: 'compliment', dissatisfied: false, templates: ['Obrigada ao eletricista, fez tudo rápido e limpo'] },
    { intent: 'comment', dissatisfied: false, templates: ['Dava jeito poder marcar reparações pela internet'] },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: ['Vem alguém amanhã por causa da janela?', 'Onde posso pagar a renda?'],
    },
    { intent: 'status_check', dissatisfied: false, templates: ['Em que fase está a minha reclamação?'] },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['A resposta à minha reclamação não me satisfaz, peço que seja escalada'],
    },
    { intent: 'asb_report', dissatisfied: false, templates: ['Uns jovens fumam droga nas escadas todas as noites'] },
    { intent: 'data_request', dissatisfied: false, templates: ['Enviem-me toda a informação que têm sobre mim'] },
    { intent: 'human', dissatisfied: false, templates: ['Preferia falar com um assistente'] },
  ],
};
