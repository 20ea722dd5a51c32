// Text normalisation and tokenisation shared by language identification, cue matching and
// the classifier. Tenants write SMS: no accents, doubled letters, abbreviations, emoji.
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import PorterStemmerEs from 'natural/lib/natural/stemmers/porter_stemmer_es';
import PorterStemmerFr from 'natural/lib/natural/stemmers/porter_stemmer_fr';
import PorterStemmerPt from 'natural/lib/natural/stemmers/porter_stemmer_pt';
import { BoundedMemo } from './boundedMemo';

// Emoji carry meaning in this register: map them to words the cue lexicons know.
const EMOJI_WORDS: Array<[RegExp, string]> = [
  [/[\u{1F620}\u{1F621}\u{1F92C}\u{1F624}\u{1F47F}\u{1F595}]/gu, ' emoangry '],
  [
    /[\u{1F612}\u{1F644}\u{1F611}\u{1F610}\u{1F62B}\u{1F629}\u{1F61E}\u{1F614}\u{1F622}\u{1F62D}\u{1F625}\u{1F61F}\u{1F92F}\u{1F926}\u{1F937}]/gu,
    ' emoupset ',
  ],
  [
    /[\u{1F60A}\u{1F600}\u{1F601}\u{1F603}\u{1F604}\u{1F642}\u{1F970}\u{1F60D}\u{2764}\u{1F499}\u{1F49A}\u{1F49C}\u{1F64F}\u{1F44D}\u{1F31F}\u{2B50}\u{1F389}\u{1F917}]/gu,
    ' emohappy ',
  ],
  [/\u{1F44F}/gu, ' emoclap '],
];

// Common SMS spellings, folded to the forms the English lexicon uses.
const SMS_WORDS: Record<string, string> = {
  u: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  plse: 'please',
  thx: 'thanks',
  thnx: 'thanks',
  cant: "can't",
  dont: "don't",
  didnt: "didn't",
  doesnt: "doesn't",
  isnt: "isn't",
  wont: "won't",
  havent: "haven't",
  hasnt: "hasn't",
  wasnt: "wasn't",
  im: "i'm",
  ppl: 'people',
  b4: 'before',
  '2day': 'today',
  tmrw: 'tomorrow',
  tmw: 'tomorrow',
  wk: 'week',
  wks: 'weeks',
  hrs: 'hours',
  mins: 'minutes',
  cos: 'because',
  coz: 'because',
  bc: 'because',
  msg: 'message',
  txt: 'text',
  yr: 'year',
  yrs: 'years',
  nd: 'and',
  n: 'and',
  wat: 'what',
  wot: 'what',
  gd: 'good',
  tho: 'though',
  v: 'very',
  sum1: 'someone',
  some1: 'someone',
  no1: 'no one',
  any1: 'anyone',
  every1: 'everyone',
  nobodys: 'nobody has',
  "nobody's": 'nobody has',
  "one's": 'one has',
  "someone's": 'someone has',
  "they've": 'they have',
  "you've": 'you have',
  "i've": 'i have',
  ive: 'i have',
  "i'd": 'i would',
  "we've": 'we have',
  "it's": 'it is',
  its: 'it is',
  "that's": 'that is',
  "what's": 'what is',
  "there's": 'there is',
  "i'll": 'i will',
  "you'll": 'you will',
  "won't": "won't",
  noone: 'no one',
  aint: "ain't",
  m8: 'mate',
  gr8: 'great',
  l8: 'late',
  l8r: 'later',
  asap: 'asap',
  pple: 'people',
  wen: 'when',
  cud: 'could',
  shud: 'should',
  wud: 'would',
  luv: 'love',
  ta: 'thanks',
  x: '',
  xx: '',
  xxx: '',
};

// A Map, not the object: an object lookup would find "constructor" on Object.prototype.
const SMS_EXPANSIONS = new Map(Object.entries(SMS_WORDS));

const SPECIAL_FOLDS: Record<string, string> = { ł: 'l', Ł: 'l', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ı: 'i' };

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case, no diacritics on Latin letters, unified Arabic-script variants, emoji as words. */
export function foldText(text: string): string {
  // Most messages are plain ASCII, where normalising, emoji, diacritics and Arabic letters
  // change nothing: only letter case, the backtick and repeated letters remain to fold.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(/`/g, "'").replace(/([a-z])\1{2,}/g, '$1$1');
  let out = text.normalize('NFKC');
  for (const [pattern, word] of EMOJI_WORDS) out = out.replace(pattern, word);
  out = out.toLowerCase();
  out = out.replace(/[łßøæœđı]/g, (c) => SPECIAL_FOLDS[c] ?? c);
  // Strip combining marks from Latin letters only: Bengali and Gurmukhi vowel signs are letters.
  out = out
    .normalize('NFD')
    .replace(/([a-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC');
  out = out
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '') // Arabic harakat and tatweel
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىيی]/g, 'ي')
    .replace(/[كک]/g, 'ك')
    .replace(/[ۀہھةه]/g, 'ه')
    .replace(/[\u200c\u200d]/g, '');
  out = out.replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"');
  // "sooo", "pleeease": at most two of the same letter.
  out = out.replace(/(\p{L})\1{2,}/gu, '$1$1');
  return out;
}

const wordTokenizer = new RegexpTokenizer({ pattern: /[\p{L}\p{M}\p{N}]+(?:'[\p{L}]+)?/gu, gaps: false });

/** Word tokens of folded text (natural's RegexpTokenizer with a Unicode word pattern). */
export function tokenise(folded: string): string[] {
  return wordTokenizer.tokenize(folded) ?? [];
}

/** English SMS spellings ("u", "pls", "cos") expanded; only for English, where they mean that. */
export function expandSms(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of raw) {
    const expanded = SMS_EXPANSIONS.get(token);
    if (expanded === undefined) out.push(token);
    else if (expanded) out.push(...expanded.split(' '));
  }
  return out;
}

/** The text the cue lexicons are matched against: folded, abbreviations expanded, single spaces. */
export function cueText(tokens: string[]): string {
  return ` ${tokens.join(' ')} `;
}

const STEMMERS: Record<string, { stem(token: string): string }> = {
  en: PorterStemmer,
  es: PorterStemmerEs,
  fr: PorterStemmerFr,
  pt: PorterStemmerPt,
};

// Stemming is the slowest step per token and tenants reuse a small vocabulary: remember results.
const STEMS = new BoundedMemo<string>(50_000);

/** natural's Porter stemmers where it has one; elsewhere a prefix, which suits inflected languages well enough. */
export function stem(token: string, language: string): string {
  return STEMS.get(`${language}:${token}`, () => stemUncached(token, language));
}

function stemUncached(token: string, language: string): string {
  const stemmer = STEMMERS[language];
  if (stemmer && /^[a-z']+$/.test(token)) return stemmer.stem(token);
  const chars = Array.from(token);
  return chars.length > 6 ? chars.slice(0, 5).join('') : token;
}

export { PorterStemmer };
