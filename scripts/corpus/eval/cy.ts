import type { LanguagePack } from '../generate';

export const cy: LanguagePack = {
  language: 'cy',
  latin: true,
  slots: {},
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        "Mae'r peiriannydd wedi methu'r apwyntiad eto, dyma'r ail dro y mis yma",
        "Roedd y plymwr yn ddigon clên ond mae'r sinc yn dal i ollwng ar ôl pythefnos",
        "Mae'n ddrwg gen i gwyno ond does neb wedi ateb fy e-byst ers mis",
        'Grêt, penwythnos arall heb ddŵr poeth',
        'Dw i wedi dweud wrthoch chi am y cymydog sawl gwaith a does dim byd wedi newid',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        'Mae handlen drws y gegin wedi dod i ffwrdd',
        'Allech chi drefnu rhywun i edrych ar y ffan yn yr ystafell ymolchi?',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: ['Mae oglau nwy cryf ar y landin', 'Does dim gwres yn y tŷ ac mae Mam yn 88 oed'],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: ["Diolch o galon i'r tîm am y gegin newydd, mae'n hyfryd"],
    },
    { intent: 'comment', dissatisfied: false, templates: ["Syniad: byddai'n braf cael hysbysfwrdd yn y cyntedd"] },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: ['Pryd mae fy rhent yn codi eleni?', "Oes rhywun yn dod i drwsio'r ffenest wythnos yma?"],
    },
    {
      intent: 'status_check',
      dissatisfied: false,
      templates: ['Allwch chi ddweud wrtha i ble mae fy nghwyn wedi cyrraedd?'],
    },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ["Dw i ddim yn fodlon gyda'r ateb i fy nghwyn, plis ewch â hi i gam 2"],
    },
    { intent: 'asb_report', dissatisfied: false, templates: ['Mae cŵn y tŷ drws nesa yn cyfarth drwy’r nos'] },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['Hoffwn weld y wybodaeth bersonol sydd gennych amdana i'],
    },
    { intent: 'human', dissatisfied: false, templates: ['Dw i eisiau siarad efo person, nid robot'] },
  ],
};
