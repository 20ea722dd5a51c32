import type { LanguagePack } from '../generate';

export const pl: LanguagePack = {
  language: 'pl',
  latin: true,
  slots: {
    item: [
      'bojler',
      'kran w kuchni',
      'światło w łazience',
      'zamek w drzwiach',
      'okno w salonie',
      'kaloryfer',
      'prysznic',
    ],
    period: ['dwóch tygodni', 'trzech tygodni', 'miesiąca', 'dwóch miesięcy'],
    n: ['trzy', 'cztery', 'pięć', 'kilka'],
  },
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'Dzwoniłem już {n} razy w sprawie {item} i nikt nie przyszedł',
        'Czekam od {period} na naprawę, to jest skandal',
        'Obiecaliście, że ktoś przyjdzie w poniedziałek, nikt się nie pojawił',
        'Czekałam cały dzień w domu i nikt nie przyszedł',
        'Nadal nikt nie naprawił {item}, mam już dość',
        'Hydraulik był bardzo niegrzeczny i zostawił bałagan',
        'Nic się nie zmieniło od {period}, nikt nie odpowiada',
        'Świetnie, kolejny tydzień bez ogrzewania',
        'Zgłaszałam sąsiadów {n} razy i nic nie zrobiliście',
        'Po raz trzeci piszę i zero reakcji',
        'Pan hydraulik był miły, ale nikt nie wrócił dokończyć pracy',
        'Przepraszam, że znowu piszę, ale {item} nadal nie działa',
      ],
    },
    {
      intent: 'complaint',
      dissatisfied: true,
      flags: ['explicit_complaint'],
      templates: ['Chcę złożyć skargę, {item} nie działa od {period}', 'Jestem bardzo niezadowolona z obsługi'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        '{item} nie działa, czy ktoś może przyjść?',
        'Chciałbym zgłosić, że {item} przecieka',
        'Proszę przysłać kogoś do naprawy {item}',
        'Nie narzekam, tylko zgłaszam że {item} jest zepsuty',
        'Zepsuł się {item}, potrzebuję naprawy',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: [
        'Czuję gaz w kuchni',
        'Woda leje się z sufitu',
        'Nie ma ogrzewania a mam małe dziecko',
        'Gniazdko iskrzy i czuć spaleniznę',
        'Czujnik czadu piszczy',
      ],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: [
        'Bardzo dziękuję za szybką naprawę {item}',
        'Hydraulik był bardzo miły i pomocny, dziękuję',
        'Dobra robota, jestem bardzo zadowolona',
      ],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ['Byłoby dobrze dostać SMS przed wizytą', 'Mam pomysł: ławka w ogrodzie byłaby super'],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: [
        'Jak mogę złożyć wniosek o zamianę mieszkania?',
        'Kiedy jest wywóz śmieci?',
        'Czy coś wiadomo w sprawie naprawy {item}?',
      ],
    },
    {
      intent: 'status_check',
      dissatisfied: false,
      templates: ['Czy jest coś nowego w sprawie mojej skargi?', 'Co się dzieje z moją skargą?'],
    },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: [
        'Nie akceptuję odpowiedzi na moją skargę, proszę o ponowne rozpatrzenie',
        'Nie zgadzam się z decyzją, chcę drugi etap',
      ],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['Sąsiedzi puszczają głośną muzykę co noc', 'Na klatce ktoś handluje narkotykami'],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['Proszę o kopię moich danych osobowych', 'Jakie dane o mnie przechowujecie?'],
    },
    { intent: 'human', dissatisfied: false, templates: ['Chcę porozmawiać z człowiekiem', 'Proszę zadzwonić do mnie'] },
    { intent: 'other', dissatisfied: false, templates: ['Dzień dobry', 'Ok dzięki', 'Halo'] },
  ],
};
