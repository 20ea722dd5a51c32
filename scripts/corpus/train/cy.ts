import type { LanguagePack } from '../generate';

export const cy: LanguagePack = {
  language: 'cy',
  latin: true,
  slots: {
    item: [
      'boeler',
      'tap yn y gegin',
      'golau yn yr ystafell ymolchi',
      'clo drws ffrynt',
      'ffenest yn y lolfa',
      'toiled',
      'gwres canolog',
    ],
    period: ['pythefnos', 'tair wythnos', 'mis', 'deufis'],
    n: ['tair', 'pedair', 'sawl'],
  },
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        "Dyma'r drydedd waith i mi ffonio am y {item} a does neb wedi dod",
        "Dw i wedi bod yn aros ers {period} i rywun drwsio'r {item}",
        'Addawoch chi y byddai rhywun yn dod ddydd Llun, ddaeth neb',
        "Arhosais i mewn drwy'r dydd a ddaeth neb",
        "Dw i ddim yn hapus o gwbl, mae'r {item} dal wedi torri ar ôl {period}",
        'Roedd y contractwr yn anghwrtais iawn ac wedi gadael llanast',
        'Mae hyn yn warthus, dim byd wedi newid ers {period}',
        'Gwych, wythnos arall heb wres',
        'Dw i wedi cwyno am y cymdogion {n} gwaith a dych chi wedi gwneud dim byd',
        "Neb yn ateb y ffôn, neb yn ffonio'n ôl, dw i wedi cael llond bol",
      ],
    },
    {
      intent: 'complaint',
      dissatisfied: true,
      flags: ['explicit_complaint'],
      templates: ['Dw i eisiau gwneud cwyn am y {item}', 'Hoffwn i gwyno am y ffordd y deliwyd â fy atgyweiriad'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        "Mae'r {item} wedi torri, all rhywun ddod i edrych?",
        "Dyw'r {item} ddim yn gweithio",
        'Hoffwn i riportio bod y {item} yn gollwng',
        "Plis anfonwch rywun i drwsio'r {item}",
        'Dw i ddim yn cwyno, dim ond rhoi gwybod bod y {item} wedi torri',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: [
        "Dw i'n gallu arogli nwy yn y gegin",
        "Mae dŵr yn llifo drwy'r nenfwd",
        'Does dim gwres a mae gen i fabi newydd',
        "Mae'r soced yn y gegin yn gwreichioni",
        'Mae larwm carbon monocsid yn canu',
      ],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: [
        "Diolch yn fawr am drwsio'r {item} mor gyflym",
        'Roedd y plymwr yn wych, diolch o galon',
        'Gwaith da iawn gan y tîm, diolch',
      ],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ["Byddai'n dda cael neges cyn i'r peiriannydd gyrraedd", 'Awgrym: rhowch fainc yn yr ardd gymunedol'],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: [
        "Sut dw i'n gwneud cais am drosglwyddiad?",
        "Pryd mae'r biniau'n cael eu casglu?",
        'Unrhyw newyddion am y {item}?',
      ],
    },
    {
      intent: 'status_check',
      dissatisfied: false,
      templates: ['Oes diweddariad ar fy nghwyn?', "Beth sy'n digwydd gyda fy nghwyn plis?"],
    },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: [
        "Dw i ddim yn hapus gyda'r ymateb i fy nghwyn, dw i eisiau ei uwchgyfeirio",
        'Dw i ddim yn derbyn y penderfyniad, adolygwch fy nghwyn plis',
      ],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: [
        "Mae'r cymdogion yn chwarae cerddoriaeth uchel bob nos",
        'Mae pobl yn gwerthu cyffuriau ar y grisiau',
      ],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ["Dw i eisiau copi o'r wybodaeth sydd gennych amdana i", 'Cais am fy nata personol os gwelwch yn dda'],
    },
    { intent: 'human', dissatisfied: false, templates: ['Ga i siarad â rhywun go iawn?', 'Ffoniwch fi plis'] },
    { intent: 'other', dissatisfied: false, templates: ['Helo', 'Bore da', 'Iawn diolch'] },
  ],
};
