import type { LanguagePack } from '../generate';

export const ar: LanguagePack = {
  language: 'ar',
  latin: false,
  slots: {},
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'الفني لم يحضر مرة أخرى وأنا أخذت إجازة من العمل',
        'آسف على الإلحاح لكن منذ شهر لا أحد يرد على رسائلي',
        'العامل كان مهذبا لكن مروحة الشفط ما زالت لا تعمل',
        'رائع، عطلة أخرى بدون ماء ساخن',
        'اشتكيت من الجار خمس مرات ولم تتخذوا أي إجراء',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: ['بلاط الحمام سقط، هل يمكن إصلاحه؟', 'مروحة المطبخ توقفت عن العمل'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: ['توجد رائحة غاز قوية في الممر', 'يخرج دخان من المقبس في غرفة النوم'],
    },
    { intent: 'compliment', dissatisfied: false, templates: ['شكرا للكهربائي، أنجز العمل بسرعة ونظافة'] },
    { intent: 'comment', dissatisfied: false, templates: ['سيكون من المفيد حجز الإصلاحات عبر الإنترنت'] },
    { intent: 'enquiry', dissatisfied: false, templates: ['هل سيأتي أحد غدا بخصوص النافذة؟', 'أين أدفع الإيجار؟'] },
    { intent: 'status_check', dissatisfied: false, templates: ['في أي مرحلة شكواي الآن؟'] },
    { intent: 'stage2_request', dissatisfied: true, templates: ['الرد على شكواي غير مرض، أرجو تصعيدها'] },
    { intent: 'asb_report', dissatisfied: false, templates: ['شباب يدخنون المخدرات على الدرج كل ليلة'] },
    { intent: 'data_request', dissatisfied: false, templates: ['أرسلوا لي كل المعلومات التي لديكم عني'] },
    { intent: 'human', dissatisfied: false, templates: ['أفضل التحدث مع موظف'] },
  ],
};
