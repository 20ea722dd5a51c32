import type { LanguagePack } from '../generate';

export const lt: LanguagePack = {
  language: 'lt',
  latin: true,
  slots: {
    item: ['katilas', 'virtuvės čiaupas', 'vonios šviesa', 'durų spyna', 'langas svetainėje', 'radiatorius', 'dušas'],
    period: ['dvi savaites', 'tris savaites', 'mėnesį', 'du mėnesius'],
    n: ['tris', 'keturis', 'penkis', 'kelis'],
  },
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'Jau {n} kartus skambinau dėl to, kad {item} neveikia, niekas neatėjo',
        'Laukiu jau {period}, tai nepriimtina',
        'Žadėjote, kad kas nors ateis pirmadienį, niekas neatėjo',
        'Laukiau visą dieną namie veltui',
        'Vis dar niekas nesutaisė, man jau gana',
        'Santechnikas buvo nemandagus ir paliko netvarką',
        'Niekas nepasikeitė, niekas neatsiliepia',
        'Puiku, dar viena savaitė be šildymo',
        'Skundžiausi dėl kaimynų {n} kartus, o jūs nieko nedarote',
        'Trečią kartą rašau ir jokio atsakymo',
      ],
    },
    {
      intent: 'complaint',
      dissatisfied: true,
      flags: ['explicit_complaint'],
      templates: ['Noriu pateikti skundą, {item} neveikia jau {period}', 'Esu labai nepatenkinta aptarnavimu'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        '{item} neveikia, ar gali kas nors ateiti?',
        'Noriu pranešti, kad {item} teka',
        'Prašau atsiųsti ką nors sutaisyti, {item} sugedo',
        'Nesiskundžiu, tik pranešu kad {item} sugedo',
        'Reikia sutaisyti, {item} neveikia',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: [
        'Virtuvėje jaučiu dujų kvapą',
        'Vanduo bėga iš lubų',
        'Nėra šildymo, o namuose kūdikis',
        'Lizdas kibirkščiuoja',
        'Smalkių daviklis pypsi',
      ],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: [
        'Labai ačiū, kad taip greitai sutaisėte',
        'Santechnikas buvo labai malonus, ačiū',
        'Puikus darbas, esu labai patenkinta',
      ],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ['Būtų gerai gauti žinutę prieš vizitą', 'Turiu pasiūlymą: suoliukas kieme'],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: [
        'Kaip galiu pateikti prašymą keisti butą?',
        'Kada išvežamos šiukšlės?',
        'Ar yra naujienų dėl remonto?',
      ],
    },
    {
      intent: 'status_check',
      dissatisfied: false,
      templates: ['Ar yra naujienų dėl mano skundo?', 'Kas vyksta su mano skundu?'],
    },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['Nesutinku su atsakymu į mano skundą, prašau peržiūrėti', 'Nepriimu sprendimo, noriu antro etapo'],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['Kaimynai kiekvieną naktį garsiai leidžia muziką', 'Laiptinėje kažkas prekiauja narkotikais'],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['Prašau mano asmens duomenų kopijos', 'Kokius duomenis apie mane turite?'],
    },
    { intent: 'human', dissatisfied: false, templates: ['Noriu pakalbėti su žmogumi', 'Paskambinkite man prašau'] },
    { intent: 'other', dissatisfied: false, templates: ['Laba diena', 'Gerai ačiū', 'Labas'] },
  ],
};
