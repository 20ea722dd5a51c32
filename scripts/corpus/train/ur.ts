import type { LanguagePack } from '../generate';

export const ur: LanguagePack = {
  language: 'ur',
  latin: false,
  slots: {
    item: ['بوائلر', 'کچن کا نل', 'باتھ روم کی لائٹ', 'دروازے کا تالا', 'کھڑکی', 'ہیٹر'],
    period: ['دو ہفتے', 'تین ہفتے', 'ایک مہینہ', 'دو مہینے'],
    n: ['تین بار', 'چار بار', 'کئی بار'],
  },
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'میں نے {item} کے بارے میں {n} فون کیا لیکن کوئی نہیں آیا',
        '{period} سے انتظار کر رہی ہوں، یہ ناقابل قبول ہے',
        'آپ نے وعدہ کیا تھا کہ پیر کو کوئی آئے گا، کوئی نہیں آیا',
        'سارا دن گھر پر انتظار کیا بیکار',
        'ابھی تک کسی نے {item} ٹھیک نہیں کیا، میں تنگ آ گیا ہوں',
        'مستری بدتمیز تھا اور گندگی چھوڑ گیا',
        '{period} سے کچھ نہیں بدلا، کوئی جواب نہیں دیتا',
        'پڑوسیوں کی شکایت {n} کی لیکن آپ نے کچھ نہیں کیا',
        'تیسری بار لکھ رہا ہوں کوئی جواب نہیں',
      ],
    },
    {
      intent: 'complaint',
      dissatisfied: true,
      flags: ['explicit_complaint'],
      templates: ['میں شکایت درج کرنا چاہتا ہوں، {item} {period} سے خراب ہے', 'میں آپ کی سروس سے بالکل خوش نہیں ہوں'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        '{item} کام نہیں کر رہا، کیا کوئی آ سکتا ہے؟',
        'میں رپورٹ کرنا چاہتا ہوں کہ {item} لیک ہو رہا ہے',
        'براہ کرم {item} ٹھیک کرنے کے لیے کسی کو بھیج دیں',
        'شکایت نہیں کر رہا، بس بتا رہا ہوں کہ {item} خراب ہے',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: [
        'کچن میں گیس کی بو آ رہی ہے',
        'چھت سے پانی گر رہا ہے',
        'ہیٹنگ نہیں ہے اور گھر میں چھوٹا بچہ ہے',
        'ساکٹ سے چنگاریاں نکل رہی ہیں',
        'کاربن مونو آکسائیڈ کا الارم بج رہا ہے',
      ],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: ['جلدی مرمت کرنے کا بہت شکریہ', 'مستری بہت اچھا تھا، آپ کا شکریہ', 'زبردست کام، میں بہت خوش ہوں'],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ['اچھا ہوگا اگر آنے سے پہلے میسج کر دیں', 'میری تجویز ہے کہ باغ میں بینچ لگائیں'],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: ['گھر تبدیل کرنے کے لیے درخواست کیسے دوں؟', 'کچرا کب اٹھایا جاتا ہے؟', 'مرمت کے بارے میں کوئی خبر؟'],
    },
    {
      intent: 'status_check',
      dissatisfied: false,
      templates: ['میری شکایت پر کوئی اپڈیٹ ہے؟', 'میری شکایت کا کیا ہوا؟'],
    },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['میری شکایت کا جواب قبول نہیں، نظرثانی چاہتا ہوں', 'فیصلہ قبول نہیں، دوسرے مرحلے میں لے جائیں'],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['پڑوسی ہر رات اونچی آواز میں موسیقی چلاتے ہیں', 'سیڑھیوں پر کوئی منشیات بیچ رہا ہے'],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['مجھے اپنی ذاتی معلومات کی کاپی چاہیے', 'آپ کے پاس میرا کون سا ڈیٹا ہے؟'],
    },
    { intent: 'human', dissatisfied: false, templates: ['میں کسی انسان سے بات کرنا چاہتا ہوں', 'مجھے فون کریں پلیز'] },
    { intent: 'other', dissatisfied: false, templates: ['السلام علیکم', 'ہیلو', 'ٹھیک ہے شکریہ'] },
  ],
};
