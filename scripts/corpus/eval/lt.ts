import type { LanguagePack } from '../generate';

export const lt: LanguagePack = {
  language: 'lt',
  latin: true,
  slots: {},
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'Meistras vėl neatėjo, o aš pasiėmiau laisvą dieną',
        'Atsiprašau, kad rašau, bet jau mėnesį niekas neatsako į mano laiškus',
        'Darbuotojas buvo mandagus, bet ventiliatorius vis dar neveikia',
        'Puiku, dar vienas savaitgalis be karšto vandens',
        'Dėl kaimyno skundžiausi penkis kartus, o jūs nieko nepadarėte',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: ['Vonioje atšoko plytelės, ar galima sutaisyti?', 'Virtuvės ventiliatorius nustojo veikti'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: ['Laiptinėje stipriai kvepia dujomis', 'Iš lizdo miegamajame eina dūmai'],
    },
    { intent: 'compliment', dissatisfied: false, templates: ['Ačiū elektrikui, viską padarė greitai ir tvarkingai'] },
    { intent: 'comment', dissatisfied: false, templates: ['Būtų patogu remontą užsisakyti internetu'] },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: ['Ar kas nors ateis rytoj dėl lango?', 'Kur galiu sumokėti nuomą?'],
    },
    { intent: 'status_check', dissatisfied: false, templates: ['Kokiame etape yra mano skundas?'] },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['Atsakymas į skundą manęs netenkina, prašau perduoti aukštesniam lygiui'],
    },
    { intent: 'asb_report', dissatisfied: false, templates: ['Jaunuoliai kiekvieną vakarą rūko laiptinėje'] },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['Atsiųskite man visą informaciją, kurią apie mane turite'],
    },
    { intent: 'human', dissatisfied: false, templates: ['Norėčiau pasikalbėti su konsultantu'] },
  ],
};
