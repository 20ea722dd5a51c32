import type { LanguagePack } from '../generate';

export const ro: LanguagePack = {
  language: 'ro',
  latin: true,
  slots: {
    item: [
      'centrala',
      'robinetul din bucătărie',
      'lumina din baie',
      'yala de la ușă',
      'geamul din sufragerie',
      'caloriferul',
      'dușul',
    ],
    period: ['două săptămâni', 'trei săptămâni', 'o lună', 'două luni'],
    n: ['trei', 'patru', 'cinci', 'multe'],
  },
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'Am sunat de {n} ori pentru {item} și nu a venit nimeni',
        'Aștept de {period} să fie reparat, e inacceptabil',
        'Ați promis că vine cineva luni, nu a venit nimeni',
        'Am așteptat toată ziua acasă degeaba',
        'Încă nu s-a reparat {item}, m-am săturat',
        'Instalatorul a fost nepoliticos și a lăsat mizerie',
        'Nu s-a schimbat nimic de {period}, nimeni nu răspunde',
        'Super, încă o săptămână fără căldură',
        'Am raportat vecinii de {n} ori și nu ați făcut nimic',
        'A treia oară când scriu și niciun răspuns',
        'Instalatorul a fost amabil dar nimeni nu a revenit să termine lucrarea',
        'Scuze că vă deranjez din nou dar {item} tot nu merge',
      ],
    },
    {
      intent: 'complaint',
      dissatisfied: true,
      flags: ['explicit_complaint'],
      templates: ['Vreau să fac o plângere, {item} nu merge de {period}', 'Sunt foarte nemulțumită de serviciu'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        '{item} nu funcționează, poate veni cineva?',
        'Vreau să raportez că {item} curge',
        'Vă rog trimiteți pe cineva să repare {item}',
        'Nu mă plâng, doar anunț că {item} s-a stricat',
        'S-a stricat {item}, am nevoie de reparație',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: [
        'Miroase a gaz în bucătărie',
        'Curge apa din tavan',
        'Nu avem căldură și am un bebeluș',
        'Priza scoate scântei',
        'Alarma de monoxid sună',
      ],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: [
        'Vă mulțumesc mult pentru repararea rapidă a {item}',
        'Instalatorul a fost foarte amabil, mulțumesc',
        'Treabă bună, sunt foarte mulțumită',
      ],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ['Ar fi bine să primim un SMS înainte de vizită', 'Am o propunere: o bancă în grădină'],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: [
        'Cum pot aplica pentru un schimb de locuință?',
        'Când se ridică gunoiul?',
        'Vreo noutate despre {item}?',
      ],
    },
    {
      intent: 'status_check',
      dissatisfied: false,
      templates: ['Există vreo noutate despre plângerea mea?', 'Ce se întâmplă cu plângerea mea?'],
    },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: [
        'Nu accept răspunsul la plângerea mea, vreau o revizuire',
        'Nu sunt de acord cu decizia, vreau etapa a doua',
      ],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['Vecinii dau muzica tare în fiecare noapte', 'Cineva vinde droguri pe scară'],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['Vreau o copie a datelor mele personale', 'Ce date aveți despre mine?'],
    },
    { intent: 'human', dissatisfied: false, templates: ['Vreau să vorbesc cu o persoană', 'Sunați-mă vă rog'] },
    { intent: 'other', dissatisfied: false, templates: ['Bună ziua', 'Ok mersi', 'Alo'] },
  ],
};
