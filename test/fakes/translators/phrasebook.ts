// Deterministic "translations" for the translator fakes: a few phrases the multilingual tests
// use, in every test language, plus a crude script/diacritic language guess for anything else.
// Unknown text comes back as "[<marker>→<to>] <text>" so a test can see the fake was called.

export const TEST_LANGUAGES = ['en', 'ar', 'ur', 'bn', 'pa', 'pl', 'cy', 'ro', 'so'] as const;
export type TestLanguage = (typeof TEST_LANGUAGES)[number];

export const PHRASES: Record<string, Record<TestLanguage, string>> = {
  boilerComplaint: {
    en: 'My boiler has been broken for three weeks and nobody has come.',
    ar: 'غلايتي معطلة منذ ثلاثة أسابيع ولم يأتِ أحد.',
    ur: 'میرا بوائلر تین ہفتوں سے خراب ہے اور کوئی نہیں آیا۔',
    bn: 'আমার বয়লার তিন সপ্তাহ ধরে নষ্ট এবং কেউ আসেনি।',
    pa: 'ਮੇਰਾ ਬਾਇਲਰ ਤਿੰਨ ਹਫ਼ਤਿਆਂ ਤੋਂ ਖ਼ਰਾਬ ਹੈ ਅਤੇ ਕੋਈ ਨਹੀਂ ਆਇਆ।',
    pl: 'Mój piec jest zepsuty od trzech tygodni i nikt nie przyszedł.',
    cy: 'Mae fy moeler wedi torri ers tair wythnos a does neb wedi dod.',
    ro: 'Centrala mea termică este stricată de trei săptămâni și nu a venit nimeni.',
    so: 'Kuleyliyaha gurigayga wuu jabay saddex toddobaad, qofna ma iman.',
  },
  leakComplaint: {
    en: 'The kitchen ceiling is leaking and nobody has called me back.',
    ar: 'سقف المطبخ يسرب الماء ولم يتصل بي أحد.',
    ur: 'باورچی خانے کی چھت ٹپک رہی ہے اور کسی نے مجھے واپس فون نہیں کیا۔',
    bn: 'রান্নাঘরের ছাদ দিয়ে পানি পড়ছে এবং কেউ আমাকে ফোন করেনি।',
    pa: 'ਰਸੋਈ ਦੀ ਛੱਤ ਚੋ ਰਹੀ ਹੈ ਅਤੇ ਕਿਸੇ ਨੇ ਮੈਨੂੰ ਵਾਪਸ ਫ਼ੋਨ ਨਹੀਂ ਕੀਤਾ।',
    pl: 'Sufit w kuchni przecieka i nikt do mnie nie oddzwonił.',
    cy: "Mae nenfwd y gegin yn gollwng a does neb wedi fy ffonio'n ôl.",
    ro: 'Tavanul din bucătărie curge și nimeni nu m-a sunat înapoi.',
    so: 'Saqafka jikada ayaa biyo ka daadanaya, qofna dib iima soo wicin.',
  },
  staffReply: {
    en: 'We will send a surveyor on Monday.',
    ar: 'سنرسل مُعاينًا يوم الاثنين.',
    ur: 'ہم پیر کے دن ایک معائنہ کار بھیجیں گے۔',
    bn: 'আমরা সোমবার একজন সার্ভেয়ার পাঠাব।',
    pa: 'ਅਸੀਂ ਸੋਮਵਾਰ ਨੂੰ ਇੱਕ ਸਰਵੇਅਰ ਭੇਜਾਂਗੇ।',
    pl: 'W poniedziałek wyślemy rzeczoznawcę.',
    cy: 'Byddwn yn anfon syrfëwr ddydd Llun.',
    ro: 'Vom trimite un inspector luni.',
    so: 'Isniinta waxaan soo diri doonnaa kormeere.',
  },
  stageResponse: {
    en: 'We have upheld your complaint and will replace the boiler by Friday.',
    ar: 'لقد قبلنا شكواك وسنستبدل الغلاية بحلول يوم الجمعة.',
    ur: 'ہم نے آپ کی شکایت درست تسلیم کی ہے اور جمعہ تک بوائلر تبدیل کر دیں گے۔',
    bn: 'আমরা আপনার অভিযোগ গ্রহণ করেছি এবং শুক্রবারের মধ্যে বয়লার বদলে দেব।',
    pa: 'ਅਸੀਂ ਤੁਹਾਡੀ ਸ਼ਿਕਾਇਤ ਨੂੰ ਸਹੀ ਮੰਨਿਆ ਹੈ ਅਤੇ ਸ਼ੁੱਕਰਵਾਰ ਤੱਕ ਬਾਇਲਰ ਬਦਲ ਦੇਵਾਂਗੇ।',
    pl: 'Uznaliśmy Twoją skargę i wymienimy piec do piątku.',
    cy: 'Rydym wedi cadarnhau eich cwyn a byddwn yn newid y boeler erbyn dydd Gwener.',
    ro: 'Am admis reclamația dumneavoastră și vom înlocui centrala până vineri.',
    so: 'Cabashadaada waan aqbalnay, kuleyliyahana waan beddeli doonnaa ka hor Jimcaha.',
  },
};

const normalise = (text: string): string => text.trim().replace(/\s+/g, ' ');

/** The phrase and language a text is, if it is one of ours. */
export function findPhrase(text: string): { id: string; language: TestLanguage } | undefined {
  const wanted = normalise(text);
  for (const [id, versions] of Object.entries(PHRASES)) {
    for (const language of TEST_LANGUAGES) {
      if (normalise(versions[language]) === wanted) return { id, language };
    }
  }
  return undefined;
}

/** A rough guess good enough for tests: script first, then a few tell-tale letters or words. */
export function guessLanguage(text: string): { language: string; score: number } {
  const known = findPhrase(text);
  if (known) return { language: known.language, score: 1 };
  if (/[\u0980-\u09FF]/.test(text)) return { language: 'bn', score: 0.9 };
  if (/[\u0A00-\u0A7F]/.test(text)) return { language: 'pa', score: 0.9 };
  if (/[\u0600-\u06FF]/.test(text)) {
    // Letters Urdu uses and Arabic does not.
    return /[ےںہٹڈڑۓ]/.test(text) ? { language: 'ur', score: 0.8 } : { language: 'ar', score: 0.8 };
  }
  if (/[ąćęłńśźż]/i.test(text)) return { language: 'pl', score: 0.7 };
  if (/[ășțşţ]/i.test(text)) return { language: 'ro', score: 0.7 };
  if (/[ŵŷ]/i.test(text) || /\b(mae|dw i|yn|ddim|diolch|does)\b/i.test(text)) return { language: 'cy', score: 0.6 };
  return { language: 'en', score: 0.5 };
}

/**
 * The fake's translation of `text` into `to`, line by line: known phrases (whole lines or inside
 * a line, e.g. "Reasons: <phrase>") are replaced by their version in `to`; a line with none is
 * returned as "[<marker>→<to>] <line>", so composed notices show both the translated phrase and
 * that the rest passed through the fake.
 */
export function fakeTranslate(text: string, to: string, marker: string): string {
  const target = to.toLowerCase().split('-')[0];
  const known = (TEST_LANGUAGES as readonly string[]).includes(target) ? (target as TestLanguage) : undefined;
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line;
      let out = line;
      if (known) {
        for (const versions of Object.values(PHRASES)) {
          for (const language of TEST_LANGUAGES) {
            if (out.includes(versions[language])) out = out.split(versions[language]).join(versions[known]);
          }
        }
      }
      return out === line && !(known && findPhrase(line)) ? `[${marker}→${to}] ${line}` : out;
    })
    .join('\n');
}
