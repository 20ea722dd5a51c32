import type { LanguagePack } from '../generate';

export const pa: LanguagePack = {
  language: 'pa',
  latin: false,
  slots: {
    item: ['ਬੋਇਲਰ', 'ਰਸੋਈ ਦੀ ਟੂਟੀ', 'ਬਾਥਰੂਮ ਦੀ ਲਾਈਟ', 'ਦਰਵਾਜ਼ੇ ਦਾ ਤਾਲਾ', 'ਖਿੜਕੀ', 'ਹੀਟਰ'],
    period: ['ਦੋ ਹਫ਼ਤੇ', 'ਤਿੰਨ ਹਫ਼ਤੇ', 'ਇੱਕ ਮਹੀਨਾ', 'ਦੋ ਮਹੀਨੇ'],
    n: ['ਤਿੰਨ ਵਾਰ', 'ਚਾਰ ਵਾਰ', 'ਕਈ ਵਾਰ'],
  },
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'ਮੈਂ {item} ਬਾਰੇ {n} ਫ਼ੋਨ ਕੀਤਾ ਪਰ ਕੋਈ ਨਹੀਂ ਆਇਆ',
        '{period} ਤੋਂ ਉਡੀਕ ਕਰ ਰਹੀ ਹਾਂ, ਇਹ ਮਨਜ਼ੂਰ ਨਹੀਂ',
        'ਤੁਸੀਂ ਵਾਅਦਾ ਕੀਤਾ ਸੀ ਕਿ ਸੋਮਵਾਰ ਕੋਈ ਆਵੇਗਾ, ਕੋਈ ਨਹੀਂ ਆਇਆ',
        'ਸਾਰਾ ਦਿਨ ਘਰ ਉਡੀਕ ਕੀਤੀ ਬੇਕਾਰ',
        'ਅਜੇ ਵੀ ਕਿਸੇ ਨੇ {item} ਠੀਕ ਨਹੀਂ ਕੀਤਾ, ਮੈਂ ਤੰਗ ਆ ਗਿਆ ਹਾਂ',
        'ਮਿਸਤਰੀ ਬਦਤਮੀਜ਼ ਸੀ ਅਤੇ ਗੰਦ ਛੱਡ ਗਿਆ',
        '{period} ਤੋਂ ਕੁਝ ਨਹੀਂ ਬਦਲਿਆ, ਕੋਈ ਜਵਾਬ ਨਹੀਂ',
        'ਗੁਆਂਢੀਆਂ ਦੀ ਸ਼ਿਕਾਇਤ {n} ਕੀਤੀ ਪਰ ਤੁਸੀਂ ਕੁਝ ਨਹੀਂ ਕੀਤਾ',
        'ਤੀਜੀ ਵਾਰ ਲਿਖ ਰਿਹਾ ਹਾਂ ਕੋਈ ਜਵਾਬ ਨਹੀਂ',
      ],
    },
    {
      intent: 'complaint',
      dissatisfied: true,
      flags: ['explicit_complaint'],
      templates: ['ਮੈਂ ਸ਼ਿਕਾਇਤ ਦਰਜ ਕਰਨੀ ਚਾਹੁੰਦਾ ਹਾਂ, {item} {period} ਤੋਂ ਖਰਾਬ ਹੈ', 'ਮੈਂ ਤੁਹਾਡੀ ਸੇਵਾ ਤੋਂ ਬਿਲਕੁਲ ਖੁਸ਼ ਨਹੀਂ'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: [
        '{item} ਕੰਮ ਨਹੀਂ ਕਰ ਰਿਹਾ, ਕੀ ਕੋਈ ਆ ਸਕਦਾ ਹੈ?',
        'ਮੈਂ ਦੱਸਣਾ ਚਾਹੁੰਦਾ ਹਾਂ ਕਿ {item} ਲੀਕ ਹੋ ਰਿਹਾ ਹੈ',
        'ਕਿਰਪਾ ਕਰਕੇ {item} ਠੀਕ ਕਰਨ ਲਈ ਕਿਸੇ ਨੂੰ ਭੇਜ ਦਿਓ',
        'ਸ਼ਿਕਾਇਤ ਨਹੀਂ ਕਰ ਰਿਹਾ, ਬੱਸ ਦੱਸ ਰਿਹਾ ਹਾਂ ਕਿ {item} ਖਰਾਬ ਹੈ',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: [
        'ਰਸੋਈ ਵਿੱਚ ਗੈਸ ਦੀ ਬੋ ਆ ਰਹੀ ਹੈ',
        'ਛੱਤ ਤੋਂ ਪਾਣੀ ਡਿੱਗ ਰਿਹਾ ਹੈ',
        'ਹੀਟਿੰਗ ਨਹੀਂ ਹੈ ਅਤੇ ਘਰ ਵਿੱਚ ਛੋਟਾ ਬੱਚਾ ਹੈ',
        'ਸਾਕਟ ਵਿੱਚੋਂ ਚੰਗਿਆੜੇ ਨਿਕਲ ਰਹੇ ਹਨ',
      ],
    },
    {
      intent: 'compliment',
      dissatisfied: false,
      templates: ['ਜਲਦੀ ਮੁਰੰਮਤ ਲਈ ਬਹੁਤ ਧੰਨਵਾਦ', 'ਮਿਸਤਰੀ ਬਹੁਤ ਵਧੀਆ ਸੀ, ਤੁਹਾਡਾ ਧੰਨਵਾਦ', 'ਵਧੀਆ ਕੰਮ, ਮੈਂ ਬਹੁਤ ਖੁਸ਼ ਹਾਂ'],
    },
    {
      intent: 'comment',
      dissatisfied: false,
      templates: ['ਚੰਗਾ ਹੋਵੇਗਾ ਜੇ ਆਉਣ ਤੋਂ ਪਹਿਲਾਂ ਮੈਸੇਜ ਕਰ ਦਿਓ', 'ਮੇਰਾ ਸੁਝਾਅ ਹੈ ਕਿ ਬਾਗ ਵਿੱਚ ਬੈਂਚ ਲਾਓ'],
    },
    {
      intent: 'enquiry',
      dissatisfied: false,
      templates: ['ਘਰ ਬਦਲਣ ਲਈ ਅਰਜ਼ੀ ਕਿਵੇਂ ਦੇਵਾਂ?', 'ਕੂੜਾ ਕਦੋਂ ਚੁੱਕਿਆ ਜਾਂਦਾ ਹੈ?', 'ਮੁਰੰਮਤ ਬਾਰੇ ਕੋਈ ਖ਼ਬਰ?'],
    },
    { intent: 'status_check', dissatisfied: false, templates: ['ਮੇਰੀ ਸ਼ਿਕਾਇਤ ਬਾਰੇ ਕੋਈ ਅੱਪਡੇਟ?', 'ਮੇਰੀ ਸ਼ਿਕਾਇਤ ਦਾ ਕੀ ਬਣਿਆ?'] },
    {
      intent: 'stage2_request',
      dissatisfied: true,
      templates: ['ਮੇਰੀ ਸ਼ਿਕਾਇਤ ਦਾ ਜਵਾਬ ਮਨਜ਼ੂਰ ਨਹੀਂ, ਮੁੜ ਵਿਚਾਰ ਕਰੋ', 'ਫੈਸਲਾ ਮਨਜ਼ੂਰ ਨਹੀਂ, ਦੂਜੇ ਪੜਾਅ ਵਿੱਚ ਭੇਜੋ'],
    },
    {
      intent: 'asb_report',
      dissatisfied: false,
      templates: ['ਗੁਆਂਢੀ ਹਰ ਰਾਤ ਉੱਚੀ ਆਵਾਜ਼ ਵਿੱਚ ਸੰਗੀਤ ਲਾਉਂਦੇ ਹਨ', 'ਪੌੜੀਆਂ ਤੇ ਕੋਈ ਨਸ਼ੇ ਵੇਚ ਰਿਹਾ ਹੈ'],
    },
    {
      intent: 'data_request',
      dissatisfied: false,
      templates: ['ਮੈਨੂੰ ਆਪਣੀ ਨਿੱਜੀ ਜਾਣਕਾਰੀ ਦੀ ਕਾਪੀ ਚਾਹੀਦੀ ਹੈ', 'ਤੁਹਾਡੇ ਕੋਲ ਮੇਰਾ ਡਾਟਾ ਕੀ ਹੈ?'],
    },
    { intent: 'human', dissatisfied: false, templates: ['ਮੈਂ ਕਿਸੇ ਇਨਸਾਨ ਨਾਲ ਗੱਲ ਕਰਨੀ ਚਾਹੁੰਦਾ ਹਾਂ', 'ਮੈਨੂੰ ਫ਼ੋਨ ਕਰੋ ਜੀ'] },
    { intent: 'other', dissatisfied: false, templates: ['ਸਤ ਸ੍ਰੀ ਅਕਾਲ', 'ਹੈਲੋ', 'ਠੀਕ ਹੈ ਧੰਨਵਾਦ'] },
  ],
};
