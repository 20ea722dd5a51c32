import type { LanguagePack } from '../generate';

export const pa: LanguagePack = {
  language: 'pa',
  latin: false,
  slots: {},
  groups: [
    {
      intent: 'complaint',
      dissatisfied: true,
      templates: [
        'ਮਿਸਤਰੀ ਫਿਰ ਨਹੀਂ ਆਇਆ ਤੇ ਮੈਂ ਕੰਮ ਤੋਂ ਛੁੱਟੀ ਲਈ ਸੀ',
        'ਮਾਫ਼ ਕਰਨਾ ਮੁੜ ਲਿਖ ਰਹੀ ਹਾਂ ਪਰ ਇੱਕ ਮਹੀਨੇ ਤੋਂ ਕੋਈ ਈਮੇਲ ਦਾ ਜਵਾਬ ਨਹੀਂ ਦਿੰਦਾ',
        'ਬੰਦਾ ਬਹੁਤ ਚੰਗਾ ਸੀ ਪਰ ਪੱਖਾ ਅਜੇ ਵੀ ਨਹੀਂ ਚੱਲਦਾ',
        'ਗੁਆਂਢੀ ਦੀ ਸ਼ਿਕਾਇਤ ਪੰਜ ਵਾਰ ਕੀਤੀ ਪਰ ਤੁਸੀਂ ਕੋਈ ਕਾਰਵਾਈ ਨਹੀਂ ਕੀਤੀ',
      ],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      templates: ['ਬਾਥਰੂਮ ਦੀਆਂ ਟਾਈਲਾਂ ਡਿੱਗ ਗਈਆਂ ਹਨ, ਕੀ ਠੀਕ ਹੋ ਸਕਦੀਆਂ ਹਨ?', 'ਰਸੋਈ ਦਾ ਪੱਖਾ ਬੰਦ ਹੋ ਗਿਆ ਹੈ'],
    },
    {
      intent: 'service_request',
      dissatisfied: false,
      flags: ['urgent_safety'],
      templates: ['ਗਲਿਆਰੇ ਵਿੱਚ ਗੈਸ ਦੀ ਤੇਜ਼ ਬੋ ਹੈ', 'ਸੌਣ ਵਾਲੇ ਕਮਰੇ ਦੇ ਸਾਕਟ ਵਿੱਚੋਂ ਧੂੰਆਂ ਨਿਕਲ ਰਿਹਾ ਹੈ'],
    },
    { intent: 'compliment', dissatisfied: false, templates: ['ਬਿਜਲੀ ਵਾਲੇ ਦਾ ਧੰਨਵਾਦ, ਕੰਮ ਜਲਦੀ ਤੇ ਸਾਫ਼ ਕੀਤਾ'] },
    { intent: 'comment', dissatisfied: false, templates: ['ਚੰਗਾ ਹੋਵੇਗਾ ਜੇ ਮੁਰੰਮਤ ਆਨਲਾਈਨ ਬੁੱਕ ਹੋ ਸਕੇ'] },
    { intent: 'enquiry', dissatisfied: false, templates: ['ਕੀ ਕੱਲ੍ਹ ਕੋਈ ਖਿੜਕੀ ਲਈ ਆਵੇਗਾ?', 'ਕਿਰਾਇਆ ਕਿੱਥੇ ਭਰਾਂ?'] },
    { intent: 'status_check', dissatisfied: false, templates: ['ਮੇਰੀ ਸ਼ਿਕਾਇਤ ਕਿਸ ਪੜਾਅ ਤੇ ਹੈ?'] },
    { intent: 'stage2_request', dissatisfied: true, templates: ['ਸ਼ਿਕਾਇਤ ਦੇ ਜਵਾਬ ਤੋਂ ਸੰਤੁਸ਼ਟ ਨਹੀਂ, ਕਿਰਪਾ ਕਰਕੇ ਅੱਗੇ ਭੇਜੋ'] },
    { intent: 'asb_report', dissatisfied: false, templates: ['ਮੁੰਡੇ ਹਰ ਰਾਤ ਪੌੜੀਆਂ ਵਿੱਚ ਨਸ਼ਾ ਕਰਦੇ ਹਨ'] },
    { intent: 'data_request', dissatisfied: false, templates: ['ਮੇਰੇ ਬਾਰੇ ਤੁਹਾਡੇ ਕੋਲ ਜੋ ਜਾਣਕਾਰੀ ਹੈ ਉਹ ਸਾਰੀ ਭੇਜ ਦਿਓ'] },
    { intent: 'human', dissatisfied: false, templates: ['ਮੈਂ ਕਿਸੇ ਮੁਲਾਜ਼ਮ ਨਾਲ ਗੱਲ ਕਰਨਾ ਚਾਹਾਂਗੀ'] },
  ],
};
