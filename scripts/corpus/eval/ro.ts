import type { LanguagePack } from '../generate';

export const ro: LanguagePack = {
  language: 'ro',
  latin: true,
  slots: {},
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'Meșterul nu a mai venit nici azi, am pierdut o zi de muncă degeaba',
        'Îmi pare rău că insist, dar de o lună nu primesc niciun răspuns la emailuri',
        'Omul a fost foarte politicos, dar ventilatorul tot nu merge',
        'Minunat, încă un weekend fără apă caldă',
        'Am reclamat vecinul de cinci ori și nu ați luat nicio măsură',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        'S-au desprins faianțele din baie, se pot repara?',
        'Ventilatorul din bucătărie s-a oprit, puteți trimite pe cineva?',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: ['Pe hol miroase puternic a gaz', 'Nu avem deloc căldură și bunica are 90 de ani'],
    },
    { intent: 'compliment', dissatisfied: false, templates: ['Mulțumesc electricianului, a lucrat repede și curat'] },
    { intent: 'comment', dissatisfied: false, templates: ['Ar fi util să putem programa reparațiile online'] },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: ['Vine cineva mâine pentru fereastră?', 'Unde pot plăti chiria?'],
    },
    { intent: 'status_check', dissatisfied: false, templates: ['În ce stadiu este plângerea mea?'] },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['Răspunsul la plângere nu mă mulțumește, vă rog să o escaladați'],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['Niște tineri fumează droguri pe scară în fiecare seară'],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['Vă rog să-mi trimiteți toate informațiile pe care le dețineți despre mine'],
    },
    { intent: 'human', dissatisfied: false, templates: ['Aș prefera să vorbesc cu un operator'] },
  ],
};
