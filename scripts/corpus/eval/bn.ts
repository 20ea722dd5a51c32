import type { LanguagePack } from '../generate';

export const bn: LanguagePack = {
  language: 'bn',
  latin: false,
  slots: {},
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'মিস্ত্রি আবার আসেনি অথচ আমি কাজ থেকে ছুটি নিয়েছিলাম',
        'দুঃখিত বারবার লিখছি কিন্তু এক মাস ধরে কেউ ইমেইলের উত্তর দিচ্ছে না',
        'লোকটা খুব ভদ্র ছিল কিন্তু ফ্যানটা এখনও চলে না',
        'প্রতিবেশীর ব্যাপারে পাঁচবার অভিযোগ করেছি কিন্তু আপনারা কোনো ব্যবস্থা নেননি',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: ['বাথরুমের টাইলস খুলে পড়েছে, ঠিক করা যাবে?', 'রান্নাঘরের ফ্যান বন্ধ হয়ে গেছে'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: ['করিডোরে গ্যাসের তীব্র গন্ধ', 'শোবার ঘরের সকেট থেকে ধোঁয়া বের হচ্ছে'],
    },
    { intent: 'compliment', dissatisfied: false, templates: ['ইলেকট্রিশিয়ানকে ধন্যবাদ, দ্রুত আর পরিষ্কারভাবে কাজ করেছেন'] },
    { intent: 'comment', dissatisfied: false, templates: ['অনলাইনে মেরামত বুক করা গেলে ভালো হতো'] },
    { intent: 'enquiry', dissatisfied: false, templates: ['কাল কি কেউ জানালার জন্য আসবে?', 'ভাড়া কোথায় দেব?'] },
    { intent: 'status_check', dissatisfied: false, templates: ['আমার অভিযোগ এখন কোন পর্যায়ে আছে?'] },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['অভিযোগের উত্তরে আমি সন্তুষ্ট নই, দয়া করে উপরের পর্যায়ে পাঠান'],
    },
    { intent: 'asb_report', dissatisfied: false, templates: ['ছেলেরা প্রতি রাতে সিঁড়িতে নেশা করে'] },
    { intent: 'data_request', dissatisfied: false, templates: ['আমার সম্পর্কে আপনাদের কাছে যত তথ্য আছে সব পাঠান'] },
    { intent: 'human', dissatisfied: false, templates: ['আমি একজন কর্মীর সাথে কথা বলতে চাই'] },
  ],
};
