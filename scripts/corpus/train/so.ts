import type { LanguagePack } from '../generate';

export const so: LanguagePack = {
  language: 'so',
  latin: true,
  slots: {
    item: ['kuleyliyaha', 'tuubada jikada', 'nalka musqusha', 'qufulka albaabka', 'daaqadda qolka', 'musqusha'],
    period: ['laba toddobaad', 'saddex toddobaad', 'bil', 'laba bilood'],
    n: ['saddex', 'afar', 'shan', 'dhowr'],
  },
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'Waxaan soo wacay {n} jeer {item} awgeed qofna ma iman',
        'Waxaan sugayay {period}, tani lama aqbali karo',
        'Waxaad ii ballan qaaday in qof imanayo isniinta, qofna ma iman',
        'Maalintii oo dhan guriga ayaan sugayay cidna ma iman',
        'Weli qofna ma hagaajin {item}, waan ka daalay',
        'Shaqaalihii wuxuu ahaa edeb daro wuxuuna ka tagay wasakh',
        'Waxba iskama beddelin {period}, cidna ma jawaabto',
        'Waxaan ka cabanayay deriska {n} jeer waxba lama qaban',
        'Markii saddexaad ayaan qorayaa jawaab ma jirto',
      ],
    },
    {
      intent: 'complaint',
      dissatisfied: true,
      flags: ['explicit_complaint'],
      templates: ['Waxaan rabaa inaan cabasho sameeyo, {item} ma shaqaynayo {period}', 'Kuma faraxsani adeegga'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        '{item} ma shaqaynayo, qof ma iman karaa?',
        'Waxaan rabaa inaan soo sheego in {item} daadanayo',
        'Fadlan qof soo dir si uu u hagaajiyo {item}',
        'Ma cabanayo, kaliya waxaan sheegayaa in {item} jaban yahay',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: [
        'Ur gaas ayaa jikada ka imanaya',
        'Biyo ayaa ka soo daadanaya saqafka',
        'Kuleyl ma jiro waxaana haysta ilmo yar',
        'Siligga korontada waa banaan yahay dhimbil ayaa ka soo baxaya',
      ],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: [
        'Mahadsanid aad u badan dayactirka degdegga ah',
        'Farsamayaqaanku aad buu u fiicnaa, mahadsanid',
        'Shaqo wanaagsan, waan ku faraxsanahay',
      ],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: [
        'Way fiicnaan lahayd in fariin la ii soo diro ka hor booqashada',
        'Talo ayaan haystaa: kursi beerta lagu dhigo',
      ],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: [
        'Sidee ayaan u codsadaa guri kale?',
        'Goorma ayaa qashinka la qaadaa?',
        'Wax war ah oo ku saabsan dayactirka?',
      ],
    },
    {
      intent: 'status_check',
      dissatisfied: false,
      templates: ['Wax war ah ma ka haysaa cabashadayda?', 'Maxaa ka dhacay cabashadayda?'],
    },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: [
        'Ma aqbalayo jawaabta cabashadayda, waxaan rabaa dib u eegis',
        'Kuma qanacsani jawaabta, heerka labaad u gudbi',
      ],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['Deriska ayaa habeen walba muusig sare daara', 'Qof ayaa daroogo ka iibinaya jaranjarada'],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['Waxaan rabaa nuqul xogtayda ah', 'Macluumaadka aad iga haysaan maxay yihiin?'],
    },
    {
      intent: 'human',
      dissatisfied: false,
      templates: ['Waxaan rabaa inaan la hadlo qof dhab ah', 'Fadlan i soo wac'],
    },
    { intent: 'other', dissatisfied: false, templates: ['Salaan', 'Haye mahadsanid', 'Iska warran'] },
  ],
};
