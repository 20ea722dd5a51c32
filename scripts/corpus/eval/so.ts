import type { LanguagePack } from '../generate';

export const so: LanguagePack = {
  language: 'so',
  latin: true,
  slots: {},
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'Farsamoyaqaankii mar kale ma iman, anigoo shaqada fasax ka qaatay',
        'Waan ka xumahay inaan ku celiyo laakiin bil ayaan sugayay jawaab',
        'Ninkii wuu edeb lahaa laakiin marawaxadda weli ma shaqaynayso',
        'Waxaan ka cabanayay jaarka shan jeer waxba lama qaban',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: ['Marawaxadda jikada way istaagtay, fadlan qof soo dir', 'Albaabka hore qufulkiisa waa jaban yahay'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: ['Urta gaaska ayaa aad uga badan barxadda', 'Kuleyl ma jiro waxaana guriga jooga hooyo waayeel ah'],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: ['Aad baad u mahadsan tihiin, korontoyaqaanku si fiican ayuu u shaqeeyay'],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ['Way fiicnaan lahayd haddii dayactirka online laga codsan karo'],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: ['Goorma ayaa kirada la bixiyaa?', 'Berri qof ma imanayaa daaqadda?'],
    },
    { intent: 'status_check', dissatisfied: false, templates: ['Cabashadayda xaggee ayay marayaa?'] },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['Jawaabta cabashadayda kuma qanacsani, fadlan heerka labaad u gudbi'],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['Dhalinyaro ayaa habeen walba jaranjarada daroogo ku cabba'],
    },
    { intent: 'data_request', dissatisfied: false, templates: ['Ii soo dir dhammaan macluumaadka aad iga haysaan'] },
    { intent: 'human', dissatisfied: false, templates: ['Waxaan doonayaa inaan la hadlo qof shaqaale ah'] },
  ],
};
