import type { LanguagePack } from '../generate';

export const bn: LanguagePack = {
  language: 'bn',
  latin: false,
  slots: {
    item: ['বয়লার', 'রান্নাঘরের কল', 'বাথরুমের লাইট', 'দরজার তালা', 'জানালা', 'হিটার'],
    period: ['দুই সপ্তাহ', 'তিন সপ্তাহ', 'এক মাস', 'দুই মাস'],
    n: ['তিন বার', 'চার বার', 'অনেক বার'],
  },
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'আমি {item} নিয়ে {n} ফোন করেছি কিন্তু কেউ আসেনি',
        '{period} ধরে অপেক্ষা করছি, এটা অগ্রহণযোগ্য',
        'আপনারা কথা দিয়েছিলেন সোমবার কেউ আসবে, কেউ আসেনি',
        'সারাদিন বাসায় অপেক্ষা করলাম বৃথা',
        'এখনও কেউ {item} ঠিক করেনি, আমি বিরক্ত',
        'মিস্ত্রি অভদ্র ছিল আর নোংরা করে গেছে',
        '{period} ধরে কিছুই বদলায়নি, কেউ উত্তর দেয় না',
        'প্রতিবেশীদের নিয়ে {n} অভিযোগ করেছি কিন্তু আপনারা কিছু করেননি',
        'তৃতীয়বার লিখছি কোনো উত্তর নেই',
      ],
    },
    {
      intent: 'complaint',
      dissatisfied: true,
      flags: ['explicit_complaint'],
      templates: ['আমি অভিযোগ করতে চাই, {item} {period} ধরে নষ্ট', 'আমি আপনাদের সেবায় একদম খুশি নই'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        '{item} কাজ করছে না, কেউ কি আসতে পারবেন?',
        'জানাতে চাই যে {item} লিক করছে',
        'দয়া করে {item} ঠিক করতে কাউকে পাঠান',
        'অভিযোগ করছি না, শুধু জানাচ্ছি যে {item} নষ্ট',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: [
        'রান্নাঘরে গ্যাসের গন্ধ পাচ্ছি',
        'ছাদ থেকে পানি পড়ছে সব জায়গায় পানি',
        'হিটিং নেই আর বাসায় ছোট শিশু আছে',
        'সকেট থেকে স্পার্ক হচ্ছে',
      ],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: ['দ্রুত মেরামতের জন্য অনেক ধন্যবাদ', 'মিস্ত্রি খুব ভালো ছিলেন, আপনাদের ধন্যবাদ', 'চমৎকার কাজ, আমি খুব খুশি'],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ['আসার আগে একটা মেসেজ দিলে ভালো হবে', 'আমার পরামর্শ বাগানে একটা বেঞ্চ দিন'],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: ['বাসা বদলের জন্য কিভাবে আবেদন করব?', 'ময়লা কখন নেওয়া হয়?', 'মেরামতের কোনো খবর আছে?'],
    },
    {
      intent: 'status_check',
      dissatisfied: false,
      templates: ['আমার অভিযোগের কোনো আপডেট আছে?', 'আমার অভিযোগের কী হলো?'],
    },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['আমার অভিযোগের উত্তর মানি না, পুনর্বিবেচনা চাই', 'সিদ্ধান্ত মানি না, দ্বিতীয় ধাপে নিন'],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['প্রতিবেশীরা প্রতি রাতে জোরে গান বাজায়', 'সিঁড়িতে কেউ মাদক বিক্রি করছে'],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['আমার ব্যক্তিগত তথ্যের কপি চাই', 'আমার কোন তথ্য আপনাদের কাছে আছে?'],
    },
    { intent: 'human', dissatisfied: false, templates: ['আমি একজন মানুষের সাথে কথা বলতে চাই', 'আমাকে ফোন করুন প্লিজ'] },
    { intent: 'other', dissatisfied: false, templates: ['হ্যালো', 'আসসালামু আলাইকুম', 'ঠিক আছে ধন্যবাদ'] },
  ],
};
