import type { LanguagePack } from '../generate';

export const pl: LanguagePack = {
  language: 'pl',
  latin: true,
  slots: {},
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'Fachowiec znowu nie przyszedł, a wzięłam dzień wolny z pracy',
        'Przepraszam, że piszę, ale od miesiąca nikt nie odpowiada na moje maile',
        'Pan był bardzo uprzejmy, ale wentylator dalej nie działa',
        'Super, kolejny weekend bez ciepłej wody 👏',
        'Zgłaszałem problem z sąsiadem pięć razy i nic z tym nie zrobiliście',
        'To jest żenujące, trzy tygodnie czekam na wymianę zamka',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        'W łazience odpadły kafelki, można to naprawić?',
        'Nie jestem zły, po prostu wentylator w kuchni przestał działać',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: ['Na korytarzu mocno śmierdzi gazem', 'Z gniazdka w sypialni idzie dym'],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: ['Dziękuję panu elektrykowi, wszystko zrobione szybko i czysto'],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ['Fajnie by było, gdyby można było umawiać naprawy przez aplikację'],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: ['Czy ktoś przyjdzie jutro do tego okna?', 'Gdzie mogę zapłacić czynsz?'],
    },
    { intent: 'status_check', dissatisfied: false, templates: ['Na jakim etapie jest moja skarga?'] },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['Odpowiedź na skargę mnie nie satysfakcjonuje, proszę przekazać ją wyżej'],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['Młodzież pali trawkę na klatce schodowej każdego wieczoru'],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['Proszę przesłać mi wszystkie informacje, które o mnie macie'],
    },
    { intent: 'human', dissatisfied: false, templates: ['Wolałabym porozmawiać z konsultantem'] },
  ],
};
