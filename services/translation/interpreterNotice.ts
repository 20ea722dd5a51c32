// What a tenant is told when staff words reach them untranslated: how to get an interpreter.
// A landlord's policy pack may carry its own text (with its phone number), per language; these
// defaults are used for languages the pack does not cover. They make no promise about cost,
// since some landlords' policies (e.g. Twenty11 6.9.3) do not fund interpreters in every case.
// The default wording should be checked by a professional translator before go-live.
import { baseLanguage } from './languages';

export const DEFAULT_INTERPRETER_NOTICES: Readonly<Record<string, string>> = {
  en: 'Our replies may be in English because automatic translation is not set up. If you need an interpreter, tell us your language and we will arrange help. A friend or family member can also help you.',
  ar: 'قد تكون ردودنا باللغة الإنجليزية لأن الترجمة الآلية غير مفعّلة. إذا كنت بحاجة إلى مترجم، أخبرنا بلغتك وسنرتب المساعدة. يمكن أيضًا لصديق أو أحد أفراد العائلة مساعدتك.',
  ur: 'ہمارے جوابات انگریزی میں ہو سکتے ہیں کیونکہ خودکار ترجمہ دستیاب نہیں ہے۔ اگر آپ کو ترجمان کی ضرورت ہے تو ہمیں اپنی زبان بتائیں، ہم مدد کا انتظام کریں گے۔ کوئی دوست یا گھر کا فرد بھی آپ کی مدد کر سکتا ہے۔',
  bn: 'স্বয়ংক্রিয় অনুবাদ চালু না থাকায় আমাদের উত্তর ইংরেজিতে হতে পারে। আপনার দোভাষীর প্রয়োজন হলে আপনার ভাষা আমাদের জানান, আমরা সাহায্যের ব্যবস্থা করব। কোনো বন্ধু বা পরিবারের সদস্যও আপনাকে সাহায্য করতে পারেন।',
  pa: 'ਸਾਡੇ ਜਵਾਬ ਅੰਗਰੇਜ਼ੀ ਵਿੱਚ ਹੋ ਸਕਦੇ ਹਨ ਕਿਉਂਕਿ ਆਟੋਮੈਟਿਕ ਅਨੁਵਾਦ ਚਾਲੂ ਨਹੀਂ ਹੈ। ਜੇ ਤੁਹਾਨੂੰ ਦੁਭਾਸ਼ੀਏ ਦੀ ਲੋੜ ਹੈ, ਤਾਂ ਸਾਨੂੰ ਆਪਣੀ ਭਾਸ਼ਾ ਦੱਸੋ ਅਤੇ ਅਸੀਂ ਮਦਦ ਦਾ ਪ੍ਰਬੰਧ ਕਰਾਂਗੇ। ਕੋਈ ਦੋਸਤ ਜਾਂ ਪਰਿਵਾਰ ਦਾ ਮੈਂਬਰ ਵੀ ਤੁਹਾਡੀ ਮਦਦ ਕਰ ਸਕਦਾ ਹੈ।',
  so: 'Jawaabahayagu waxay noqon karaan Ingiriisi sababtoo ah turjumaadda tooska ah lama dejin. Haddii aad u baahan tahay turjubaan, noo sheeg luqaddaada, caawimaad ayaan kuu diyaarin doonnaa. Saaxiib ama qof qoyskaaga ka mid ah ayaa sidoo kale ku caawin kara.',
  pl: 'Nasze odpowiedzi mogą być po angielsku, ponieważ automatyczne tłumaczenie nie jest włączone. Jeśli potrzebujesz tłumacza, podaj nam swój język, a zorganizujemy pomoc. Może Ci też pomóc przyjaciel lub ktoś z rodziny.',
  cy: "Efallai y bydd ein hatebion yn Saesneg gan nad oes cyfieithu awtomatig ar gael. Os oes angen cyfieithydd arnoch, dywedwch wrthym pa iaith rydych yn ei siarad a byddwn yn trefnu help. Gall ffrind neu aelod o'r teulu eich helpu hefyd.",
  ro: 'Este posibil ca răspunsurile noastre să fie în engleză, deoarece traducerea automată nu este activată. Dacă aveți nevoie de un interpret, spuneți-ne limba dumneavoastră și vom organiza ajutor. Vă poate ajuta și un prieten sau un membru al familiei.',
  fa: 'ممکن است پاسخ‌های ما به زبان انگلیسی باشد، چون ترجمه خودکار فعال نیست. اگر به مترجم شفاهی نیاز دارید، زبان خود را به ما بگویید تا کمک را ترتیب دهیم. یکی از دوستان یا اعضای خانواده هم می‌تواند به شما کمک کند.',
  pt: 'As nossas respostas podem estar em inglês porque a tradução automática não está ativa. Se precisar de um intérprete, diga-nos a sua língua e organizaremos ajuda. Um amigo ou familiar também o pode ajudar.',
  es: 'Es posible que nuestras respuestas estén en inglés porque la traducción automática no está activada. Si necesita un intérprete, díganos su idioma y organizaremos ayuda. Un amigo o familiar también puede ayudarle.',
  fr: "Nos réponses peuvent être en anglais car la traduction automatique n'est pas activée. Si vous avez besoin d'un interprète, indiquez-nous votre langue et nous organiserons de l'aide. Un ami ou un membre de votre famille peut aussi vous aider.",
  tr: 'Otomatik çeviri etkin olmadığı için yanıtlarımız İngilizce olabilir. Tercümana ihtiyacınız varsa bize dilinizi söyleyin, yardım ayarlayalım. Bir arkadaşınız veya aile üyeniz de size yardımcı olabilir.',
  zh: '由于未启用自动翻译，我们的回复可能是英文。如果您需要口译员，请告诉我们您使用的语言，我们会安排帮助。您的朋友或家人也可以帮助您。',
};

/**
 * The interpreter text for a tenant's language. `packNotices` is the policy pack's text keyed
 * by language (at least "en" when the landlord sets one). When the pack has no text in the
 * tenant's language, the default in their language comes first and the pack's English (which
 * carries the landlord's own contact details) follows it.
 */
export function interpreterNotice(language: string, packNotices: Readonly<Record<string, string>> = {}): string {
  const lang = baseLanguage(language) || 'en';
  const fromPack = packNotices[lang];
  if (fromPack) return fromPack;
  const localDefault = DEFAULT_INTERPRETER_NOTICES[lang] ?? DEFAULT_INTERPRETER_NOTICES.en;
  const packEnglish = packNotices.en;
  if (!packEnglish) return localDefault;
  if (lang === 'en') return packEnglish;
  return `${localDefault}\n${packEnglish}`;
}
