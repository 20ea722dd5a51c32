// Safety risks found by co-occurring concepts rather than fixed phrases, in every supported
// language at once and whatever language was identified: "strong gas smell", "olor fuerte a
// gas" and "ਗੈਸ ਦੀ ਤੇਜ਼ ਬੋ" all put a GAS word and a SMELL word in one message. Missing a gas
// leak costs far more than an extra check, so these concepts are deliberately broad.
import type { CueKind } from './lexicons/types';
import { foldText } from './text';

// Latin entries are word starts (stems) matched after a space; entries in other scripts are
// substrings. All are written folded: lower case, no diacritics.
const CONCEPTS = {
  gas: ['gas', 'gass', 'gaz', 'nwy', 'duj', 'gaas', 'غاز', 'گیس', 'ਗੈਸ', 'গ্যাস'],
  smell: ['smell', 'whiff', 'stink', 'stench', 'reek', 'odour', 'odor', 'fumes', 'arogl', 'ogla', 'oglau', 'gwynt', 'drewi', 'zapach', 'czuc', 'czuj', 'smierd', 'smrod', 'miros', 'pute', 'kvap', 'kvep', 'dvok', 'jauc', 'cheir', 'olor', 'huel', 'odeur', 'sent ', 'sens ', 'puant', 'ur ', 'urta', 'رائح', 'ريح', ' بو ', 'بدبو', 'ਬੋ', 'ਬਦਬੂ', 'ਮੁਸ਼ਕ', 'ਗੰਧ', 'গন্ধ'],
  leak: ['leak', 'escap', 'hiss', 'ulatn', 'wyciek', 'ucieka', 'scurg', 'nutek', 'nutet', 'fuga', 'vazam', 'fuite', 'daadan', 'gollwng', 'تسرب', 'يتسرب', 'لیک', 'اخراج', 'ਲੀਕ', 'লিক'],
  monoxide: ['carbon monox', 'monox', 'monoks', 'monocsid', 'czad', 'tlen', 'smalk', 'اول اكسيد', 'مونو', 'ਮੋਨੋ', 'মনোক্সাইড'],
  floodWord: ['flood', 'inund', 'zalan', 'zalew', 'llifog', 'powodz', 'potvyn', 'uzlie', 'alag', 'fatahaad', 'daad ', 'فيضان', 'غرق', 'سیلاب', 'ਹੜ੍ਹ', 'বন্যা', 'degat des eaux', 'degats des eaux'],
  water: ['water', 'dwr', 'woda', 'wody', 'wode', 'apa ', 'apei', 'vand', 'agua', 'eau', "l'eau", "d'eau", 'biyo', 'ماء', 'مياه', 'الماء', 'المياه', 'پانی', 'ਪਾਣੀ', 'পানি', 'জল'],
  ingress: ['pour', 'gush', 'overflow', 'cascad', 'stream', 'ceiling', 'light fitting', 'everywhere', 'burst', 'coming through', 'through the', 'nenfwd', 'llifo', 'arllwys', 'sufit', 'leje', 'tavan', 'curge', 'lub', 'teto', 'techo', 'plafond', 'saqaf', 'meel walba', 'السقف', 'كل مكان', 'چھت', 'ہر جگہ', 'ਛੱਤ', 'ਹਰ ਥਾਂ', 'ছাদ', 'সব জায়গায়', 'partout', 'wszedzie', 'peste tot', 'visur', 'todo o lado', 'todas partes', 'ym mhobman'],
  torrent: ['pouring', 'gushing', 'overflow', 'cascading', 'flowing in', 'streaming in', 'pissing down through'],
  burst: ['burst', 'bust', 'pekl', 'peka', 'spart', 'truk', 'sprog', 'rebent', 'revent', 'estour', 'eclat', 'qarax', 'byrst', 'انفجر', 'انفجار', 'پھٹ', 'ਫਟ', 'ফেটে'],
  pipe: ['pipe', 'rur', 'teav', 'vamzd', 'cano', 'tuberia', 'tuyau', 'tuub', 'pibell', 'انبوب', 'أنبوب', 'ماسور', 'پائپ', 'ਪਾਈਪ', 'পাইপ'],
  electricThing: ['socket', 'plug', 'wire', 'wiring', 'cable', 'fuse', 'consumer unit', 'switch', 'light fitting', 'electric', 'outlet', 'soced', 'gwifr', 'trydan', 'gniazd', 'przewod', 'kabel', 'kabl', 'prad', 'elektry', 'priz', 'cablu', 'lizd', 'laid', 'elektr', 'tomada', 'fios', 'eletric', 'enchufe', 'cables', 'prise', 'fils', 'korontad', 'koronto', 'silig', 'fiilo', 'المقبس', 'الفيش', 'اسلاك', 'أسلاك', 'كهرب', 'ساکٹ', 'تار', 'بجلی', 'ਸਾਕਟ', 'ਤਾਰ', 'ਬਿਜਲੀ', 'সকেট', 'তার', 'বিদ্যুৎ'],
  electricDanger: ['spark', 'bang', 'burn', 'smok', 'smould', 'black mark', 'scorch', 'melt', 'buzz', 'exposed', 'bare', 'hanging out', 'sticking out', 'shock', 'fire', 'flame', 'fizz', 'crackl', 'gwreich', 'llosg', 'mwg', 'iskr', 'dym', 'pali', 'spalen', 'gole', 'odslon', 'porazi', 'scante', 'fum', 'arde', 'ars ', 'dezgol', 'kibirk', 'dum', 'deg', 'plik', 'nutrenk', 'faisc', 'queim', 'choque', 'chispa', 'humo', 'quemad', 'descarg', 'etincel', 'brul', 'denud', 'a nu', 'nus ', 'apparent', 'dhimbil', 'qiiq', 'dab ', 'banaan', 'qaawan', 'شرار', 'دخان', 'حريق', 'يحترق', 'مكشوف', 'عاري', 'صعق', 'چنگار', 'دھواں', 'ننگی', 'کرنٹ', 'ਚੰਗਿਆੜ', 'ਧੂੰਆਂ', 'ਸੜ', 'ਨੰਗੀ', 'ਕਰੰਟ', 'স্পার্ক', 'ধোঁয়া', 'পোড়া', 'খোলা', 'শক'],
  heat: ['heat', 'hot water', 'boiler', 'radiator', 'warm', 'gwres', 'dwr poeth', 'boeler', 'ogrzew', 'ciepl', 'kaloryfer', 'piec', 'caldur', 'incalz', 'centrala', 'apa calda', 'sild', 'karst', 'silt', 'katil', 'aquec', 'agua quente', 'caldeira', 'calefac', 'agua caliente', 'caldera', 'chauff', 'eau chaude', 'chaudiere', 'kuley', 'kulay', 'biyo kulul', 'تدفئ', 'ساخن', 'الغلاي', 'سخان', 'ہیٹ', 'گرم پانی', 'بوائلر', 'ਹੀਟ', 'ਗਰਮ ਪਾਣੀ', 'ਬੋਇਲਰ', 'হিটিং', 'হিটার', 'গরম পানি', 'বয়লার'],
  loss: ['no ', 'not', 'off', 'broken', 'broke', 'died', 'dead', 'cold', 'freez', 'without', "isn't", "won't", "doesn't", 'stopped', 'packed', 'dim ', 'heb ', 'ddim', 'brak', 'nie ', 'bez ', 'zimn', 'nu ', 'fara', 'frig', 'nera', 'neveik', 'salt', 'sem ', 'nao', 'frio', 'sin ', 'pas ', 'plus', 'sans', 'froid', 'panne', 'ma ', "la'aan", 'qabow', 'لا ', 'بدون', 'بلا', 'معطل', 'برد', 'نہیں', 'بغیر', 'خراب', 'بند', 'ٹھنڈ', 'ਨਹੀਂ', 'ਬਿਨਾਂ', 'ਖਰਾਬ', 'ਬੰਦ', 'ਠੰਡ', 'নেই', 'ছাড়া', 'নষ্ট', 'বন্ধ', 'ঠান্ডা'],
  coAlarm: ['alarm', 'detector', 'monitor', 'larwm', 'czujnik', 'alarma', 'detector', 'daviklis', 'jutiklis', 'alarme', 'detetor', 'detecteur'],
} as const;

type Concept = keyof typeof CONCEPTS;

function isLatin(entry: string): boolean {
  return /^[a-z' ]+$/.test(entry);
}

function compile(entries: readonly string[]): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = entries.map((e) => {
    const folded = foldText(e);
    return isLatin(e) ? ` ${escape(folded)}` : escape(folded);
  });
  return new RegExp(`(?:${parts.join('|')})`);
}

const PATTERNS = Object.fromEntries(Object.entries(CONCEPTS).map(([name, entries]) => [name, compile(entries)])) as Record<Concept, RegExp>;

// Old age written as a number: "my mum is 91", "bunica are 90 de ani", "Mam yn 88 oed".
const OLD_AGE = /(?:^|\D)(?:6[5-9]|[7-9]\d|10\d)(?: ?(?:years?|yrs?|yo|y\/o|oed|ani|anos|años|ans|lat|metu|metų|sano|jir|سال|سنة|عام|ਸਾਲ|বছর)|(?=\D*$))/i;
// "I'm 82", "she is 90", "aged 79": a stated age, whoever it is.
const STATED_OLD_AGE = /(?:i'?m|i am|aged|age|he'?s|she'?s|he is|she is|they'?re|mam yn|mum is|dad is|nan is|are|is)\s+(?:6[5-9]|[7-9]\d|10\d)\b/i;
const ELDERLY_RELATIVE = /(?:mum|mam|mother|dad|father|nan|nana|gran|granny|grandma|grandad|grandmother|grandfather|bunic|babci|dziad|abuel|avó|avô|grand-m|grand-p|mociut|senel|hooyo|nain|taid)/i;

/** Concept hits for `text` (cue text: folded tokens joined by single spaces, padded). */
export function safetyCues(cueText: string, rawText: string): Set<CueKind> {
  const has = (c: Concept) => PATTERNS[c].test(cueText);
  const found = new Set<CueKind>();
  if (has('gas') && (has('smell') || has('leak'))) found.add('hazard_gas');
  if (has('monoxide') || (/\bCO\b/.test(rawText) && has('coAlarm'))) found.add('hazard_co');
  if (has('floodWord') || has('torrent') || (has('water') && has('ingress')) || (has('burst') && (has('pipe') || has('water')))) found.add('hazard_flood');
  if (has('electricThing') && has('electricDanger')) found.add('hazard_electric');
  if (has('heat') && has('loss')) found.add('no_heat_water');
  if (STATED_OLD_AGE.test(rawText) || (ELDERLY_RELATIVE.test(rawText) && OLD_AGE.test(rawText))) found.add('vulnerable');
  else if (OLD_AGE.test(rawText) && /(?:years?|yrs?|yo|oed|ani|anos|años|ans|lat|metų|sano|سال|سنة|ਸਾਲ|বছর)/i.test(rawText) && has('heat')) found.add('vulnerable');
  return found;
}
