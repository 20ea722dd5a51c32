import type { LanguagePack } from '../generate';

export const ur: LanguagePack = {
  language: 'ur',
  latin: false,
  slots: {},
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'مستری پھر نہیں آیا اور میں نے کام سے چھٹی لی تھی',
        'معاف کیجیے بار بار لکھ رہی ہوں لیکن ایک مہینے سے کوئی ای میل کا جواب نہیں دیتا',
        'آدمی بہت اچھا تھا لیکن پنکھا اب بھی نہیں چل رہا',
        'پڑوسی کی شکایت پانچ بار کی لیکن آپ نے کوئی قدم نہیں اٹھایا',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: ['باتھ روم کی ٹائلیں گر گئی ہیں، کیا ٹھیک ہو سکتی ہیں؟', 'کچن کا پنکھا بند ہو گیا ہے'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: ['راہداری میں گیس کی تیز بو ہے', 'سونے کے کمرے کے ساکٹ سے دھواں نکل رہا ہے'],
    },
    { intent: 'compliment', dissatisfied: false, templates: ['الیکٹریشن کا شکریہ، کام جلدی اور صاف کیا'] },
    { intent: 'comment', dissatisfied: false, templates: ['اچھا ہوگا اگر مرمت آن لائن بک ہو سکے'] },
    { intent: 'enquiry', dissatisfied: false, templates: ['کیا کل کوئی کھڑکی کے لیے آئے گا؟', 'کرایہ کہاں ادا کروں؟'] },
    { intent: 'status_check', dissatisfied: false, templates: ['میری شکایت کس مرحلے پر ہے؟'] },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['شکایت کے جواب سے مطمئن نہیں ہوں، براہ کرم آگے بڑھائیں'],
    },
    { intent: 'asb_report', dissatisfied: false, templates: ['لڑکے ہر رات سیڑھیوں پر نشہ کرتے ہیں'] },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['میرے بارے میں آپ کے پاس جو معلومات ہیں وہ سب بھیج دیں'],
    },
    { intent: 'human', dissatisfied: false, templates: ['میں کسی نمائندے سے بات کرنا چاہوں گی'] },
  ],
};
