import type { LanguagePack } from '../generate';

export const ar: LanguagePack = {
  language: 'ar',
  latin: false,
  slots: {
    item: ['الغلاية', 'حنفية المطبخ', 'ضوء الحمام', 'قفل الباب', 'نافذة الصالة', 'المدفأة'],
    period: ['أسبوعين', 'ثلاثة أسابيع', 'شهر', 'شهرين'],
    n: ['ثلاث مرات', 'أربع مرات', 'عدة مرات'],
  },
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'اتصلت {n} بخصوص {item} ولم يأت أحد',
        'أنتظر منذ {period} وهذا غير مقبول',
        'وعدتم أن يأتي أحد يوم الاثنين ولم يأت أحد',
        'انتظرت طوال اليوم في البيت بدون فائدة',
        'ما زال لم يصلح أحد {item}، طفح الكيل',
        'العامل كان وقح وترك أوساخ في كل مكان',
        'لم يتغير شيء منذ {period} ولا أحد يرد',
        'اشتكيت من الجيران {n} ولم تفعلوا شيئا',
        'للمرة الثالثة أكتب ولا رد',
      ],
    },
    {
      intent: 'complaint',
      dissatisfied: true,
      flags: ['explicit_complaint'],
      templates: ['أريد تقديم شكوى، {item} لا يعمل منذ {period}', 'أنا غير راض عن الخدمة أبدا'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        '{item} لا يعمل، هل يمكن أن يأتي أحد؟',
        'أريد الإبلاغ عن تسريب في {item}',
        'الرجاء إرسال أحد لإصلاح {item}',
        'لا أشتكي، فقط أخبركم أن {item} معطل',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: [
        'هناك رائحة غاز في المطبخ',
        'الماء ينزل من السقف',
        'لا توجد تدفئة وعندي طفل رضيع',
        'المقبس يطلق شرار',
        'إنذار أول أكسيد الكربون يرن',
      ],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: ['شكرا جزيلا على الإصلاح السريع', 'الفني كان ممتاز، شكرا لكم', 'عمل رائع، أنا سعيد جدا'],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ['سيكون من الجيد إرسال رسالة قبل الزيارة', 'عندي اقتراح: مقعد في الحديقة'],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: ['كيف أقدم طلب تبديل سكن؟', 'متى يتم جمع القمامة؟', 'هل هناك أي جديد بخصوص الإصلاح؟'],
    },
    {
      intent: 'status_check',
      dissatisfied: false,
      templates: ['هل هناك تحديث على شكواي؟', 'ماذا حدث مع الشكوى رقم المرجع؟'],
    },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['لا أقبل الرد على شكواي وأريد إعادة النظر', 'أريد تصعيد الشكوى إلى المرحلة الثانية'],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['الجيران يشغلون موسيقى عالية كل ليلة', 'هناك من يبيع مخدرات على الدرج'],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['أريد نسخة من بياناتي الشخصية', 'ما هي البيانات التي لديكم عني؟'],
    },
    { intent: 'human', dissatisfied: false, templates: ['أريد التحدث مع شخص حقيقي', 'اتصلوا بي من فضلك'] },
    { intent: 'other', dissatisfied: false, templates: ['مرحبا', 'السلام عليكم', 'تمام شكرا'] },
  ],
};
