// Offline language identification for short tenant messages: the script decides first
// (Bengali, Gurmukhi, Arabic-script), then, for Latin script, function words and letters.
import { foldText, tokenise } from './text';

export const SUPPORTED_LANGUAGES = ['en', 'cy', 'pl', 'ro', 'lt', 'pt', 'es', 'fr', 'ar', 'ur', 'pa', 'bn', 'so'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export function isSupportedLanguage(code: string): code is SupportedLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(code);
}

// Function words and very common message words, written folded (no diacritics), as tenants often type them.
const LATIN_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'is', 'my', 'i', 'you', 'to', 'it', 'of', 'in', 'for', 'not', 'have', 'has', 'been', 'was', 'this', 'that', 'with', 'no', 'can', 'please', 'me', 'are', 'still', 'again', 'they', 'your', 'what', 'when', 'nobody', 'someone', 'there', 'do', "don't", "i'm", "i've", "it's", 'is', 'on', 'at', 'just', 'about', 'any', 'hi', 'hello', 'thanks', 'thank', 'week', 'weeks', 'came', 'come', 'fix', 'fixed', 'why', 'how', 'will', 'would', 'could', 'be', 'get', 'got', 'an', 'a', 'so', 'up', 'all', 'but', 'now', 'who', 'yes', 'our', 'we', 'waiting', 'called', 'rang', 'still', 'update', 'time', 'times', 'working', 'broken', 'flat', 'house', 'neighbour', 'repair'],
  cy: ['galon', 'tim', 'gegin', 'newydd', 'hyfryd', 'maen', 'ir', 'syniad', 'byddai', 'braf', 'unrhyw', 'newyddion', 'drws', 'boeler', 'clo', 'dim', 'gwres', 'nwy', 'arogli', 'dwr', 'nenfwd', 'gyda', 'fod', 'iddo', 'ffonio', 'ddaeth', 'arall', 'gwych', 'diweddariad', 'nghwyn', 'cwyn', 'mae', 'yn', 'yr', 'wedi', 'ddim', 'dw', 'dwi', 'ond', 'fy', 'eich', 'chi', 'oes', 'gyda', 'hyn', 'yma', 'bod', 'roedd', 'mewn', 'heb', 'diolch', 'os', 'gwelwch', 'yw', 'ydy', 'nid', 'eto', 'byth', 'neb', 'wythnos', 'ty', 'hefyd', 'iawn', 'ein', 'ei', 'gan', 'hi', 'fe', 'fi', 'sydd', 'pryd', 'sut', 'beth', 'pam', 'efo', 'dros', 'ar', 'i', 'a', 'ac', 'y', 'ni', "i'n", "mae'r", "dw'n", 'gallwch', 'angen', 'cwyn', 'siarad', 'torri', 'dal', 'gwaith', 'wythnosau', 'cymydog', 'gwresogi', 'nwy', 'plis', 'bore', 'da', 'helo', 'shwmae', 'rhywun'],
  pl: ['halo', 'czesc', 'witam', 'gaz', 'woda', 'sufitu', 'cos', 'wiadomo', 'sprawie', 'naprawy', 'zglosic', 'kogos', 'przyjsc', 'nie', 'jest', 'sie', 'w', 'na', 'z', 'i', 'ze', 'to', 'do', 'mam', 'juz', 'od', 'ale', 'jak', 'po', 'tak', 'czy', 'mnie', 'moje', 'moj', 'moja', 'nikt', 'znowu', 'ciagle', 'dzien', 'tydzien', 'prosze', 'dziekuje', 'bylo', 'byl', 'mi', 'ktos', 'jeszcze', 'nic', 'dlaczego', 'kiedy', 'gdzie', 'co', 'ten', 'ta', 'tylko', 'bardzo', 'razy', 'tygodni', 'tygodnie', 'dzwonilem', 'dzwonilam', 'mieszkanie', 'sasiad', 'sasiedzi', 'naprawil', 'dzien', 'dobry', 'pan', 'pani', 'panstwo', 'moze', 'moge', 'chce', 'zeby', 'przez', 'dla', 'o'],
  ro: ['mersi', 'priza', 'scoate', 'vreo', 'noutate', 'despre', 'alo', 'salut', 'miroase', 'gaz', 'apa', 'tavan', 'nimeni', 'vina', 'cineva', 'acasa', 'si', 'nu', 'este', 'in', 'de', 'la', 'cu', 'pe', 'am', 'mi', 'un', 'o', 'ca', 'care', 'sunt', 'mai', 'din', 'pentru', 'dar', 'iar', 'deja', 'nimeni', 'inca', 'va', 'multumesc', 'ati', 'au', 'fost', 'vreau', 'cand', 'ce', 'cum', 'unde', 'apartament', 'vecin', 'vecinii', 'saptamani', 'saptamana', 'ori', 'nimic', 'functioneaza', 'buna', 'ziua', 'va rog', 'rog', 'meu', 'mea', 'sa', 'ma', 'se', 'ne', 'niciodata', 'venit', 'promis', 'sunat', 'plangere', 'foarte'],
  lt: ['labas', 'sveiki', 'kokius', 'duomenis', 'apie', 'turite', 'galiu', 'pateikti', 'keisti', 'laukiau', 'visa', 'namie', 'veltui', 'gerai', 'jauciu', 'vanduo', 'lubu', 'nera', 'kada', 'noriu', 'kvapa', 'ir', 'yra', 'ne', 'kad', 'mano', 'jau', 'bet', 'nera', 'su', 'man', 'buvo', 'kaip', 'dar', 'vis', 'niekas', 'prasau', 'aciu', 'savaite', 'savaites', 'jus', 'labai', 'nieko', 'neveikia', 'karta', 'kartus', 'kada', 'kodel', 'kur', 'kas', 'mes', 'jie', 'is', 'ar', 'per', 'tai', 'del', 'butas', 'bute', 'kaimynai', 'kaimynas', 'skambinau', 'atejo', 'sutaisyti', 'laba', 'diena', 'noriu', 'galite', 'galeciau', 'skundas', 'taip', 'nebuvo', 'niekada', 'dar', 'vel'],
  pt: ['alarme', 'tocar', 'alguem', 'vender', 'droga', 'escadas', 'liguem', 'dados', 'tem', 'sobre', 'mim', 'agua', 'teto', 'cheira', 'cozinha', 'ninguem', 'reclamacao', 'queixa', 'avariada', 'avariado', 'nao', 'e', 'de', 'o', 'a', 'que', 'em', 'um', 'uma', 'para', 'com', 'meu', 'minha', 'ja', 'ainda', 'ninguem', 'esta', 'por', 'favor', 'obrigado', 'obrigada', 'semana', 'semanas', 'vez', 'vezes', 'voce', 'voces', 'ha', 'nada', 'muito', 'tambem', 'mas', 'foi', 'estou', 'tenho', 'quando', 'como', 'onde', 'porque', 'vizinho', 'vizinhos', 'casa', 'apartamento', 'reparacao', 'reclamacao', 'liguei', 'veio', 'prometeram', 'bom', 'dia', 'ola', 'os', 'as', 'no', 'na', 'do', 'da', 'dos', 'das', 'isso', 'isto', 'ate', 'agora', 'falar', 'pessoa', 'queixa', 'aqui'],
  es: ['sale', 'humo', 'dormitorio', 'manana', 'ventana', 'envienme', 'toda', 'tienen', 'sobre', 'pasillo', 'olor', 'fuerte', 'agua', 'techo', 'cae', 'bueno', 'recibir', 'mensaje', 'antes', 'visita', 'huele', 'cocina', 'llamenme', 'alguien', 'arreglar', 'roto', 'rota', 'averiada', 'nadie', 'vecinos', 'hace', 'no', 'es', 'de', 'el', 'la', 'que', 'en', 'un', 'una', 'para', 'con', 'mi', 'ya', 'todavia', 'nadie', 'esta', 'por', 'favor', 'gracias', 'semana', 'semanas', 'vez', 'veces', 'usted', 'hay', 'nada', 'muy', 'pero', 'los', 'las', 'del', 'y', 'he', 'estoy', 'tengo', 'cuando', 'como', 'donde', 'porque', 'vecino', 'vecinos', 'casa', 'piso', 'reparacion', 'queja', 'llame', 'vino', 'prometieron', 'buenos', 'dias', 'hola', 'sigue', 'aun', 'muchas', 'arreglar', 'hablar', 'persona', 'quiero', 'puede', 'se', 'me', 'lo', 'al', 'ha', 'han', 'sin', 'hace', 'desde'],
  fr: ['fumee', 'sort', 'prise', 'chambre', 'demain', 'fenetre', 'jeunes', 'soirs', 'odeur', 'couloir', 'envoyez', 'allo', 'bonsoir', 'salut', 'sent', 'cuisine', 'alarme', 'sonne', 'plafond', 'eau', 'chauffage', 'fuite', 'voisins', 'rappelez', 'quelqu', 'je', "j'ai", 'ne', 'pas', 'le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'est', 'et', 'mon', 'ma', 'mes', 'il', 'elle', 'nous', 'vous', 'toujours', 'encore', 'personne', 'merci', 'depuis', 'semaine', 'semaines', 'fois', "c'est", "n'est", "qu'il", 'que', 'qui', 'pour', 'avec', 'chez', 'sont', 'suis', 'ai', 'au', 'aux', 'ce', 'cette', 'mais', 'ou', 'quand', 'comment', 'pourquoi', 'voisin', 'voisins', 'appartement', 'logement', 'reparation', 'plainte', 'appele', 'venu', 'promis', 'bonjour', 'rien', "n'ai", "m'a", "l'eau", 'parler', 'veux', 'voudrais', 'svp', 'plait', 'tres', 'jamais', 'y', 'a', 'en'],
  so: ['way', 'fiicnaan', 'lahayd', 'haddii', 'laga', 'karo', 'cabashadayda', 'xaggee', 'marayaa', 'ayay', 'berri', 'imanayaa', 'iska', 'warran', 'kuleyl', 'jiro', 'waxaana', 'haysta', 'ilmo', 'yar', 'kuma', 'faraxsani', 'adeegga', 'salaan', 'haye', 'qof', 'soo', 'wac', 'jaban', 'ur', 'gaas', 'jikada', 'saqafka', 'biyo', 'albaabka', 'daaqadda', 'waa', 'iyo', 'ma', 'aan', 'ku', 'ka', 'la', 'wax', 'waxaan', 'ayaa', 'qof', 'guriga', 'weli', 'mar', 'hadana', 'haddana', 'biyo', 'waan', 'ahay', 'tahay', 'maxaa', 'sidee', 'fadlan', 'mahadsanid', 'yimid', 'yimaadin', 'toddobaad', 'toddobaadyo', 'bil', 'ii', 'iga', 'uu', 'ay', 'u', 'kala', 'dhib', 'xafiiska', 'hagaag', 'aad', 'ah', 'wuu', 'wey', 'waxba', 'cidna', 'ciddi', 'deriska', 'dariska', 'saddex', 'jeer', 'goorma', 'kuleylka', 'kulaylka', 'shaqaynayo', 'shaqeyneyso', 'waxay', 'waxaa', 'maanta', 'weligey', 'dhibaato', 'cabasho', 'ka', 'badan', 'sida', 'caawin', 'caawimaad', 'hooyo', 'ilmaha', 'carruurta', 'qofka', 'la hadlo', 'la hadal', 'rabaa', 'waxaad', 'gurigayga', 'aniga', 'anigu'],
  // Romanised Urdu and Bengali are common in UK texts; they share the Latin keyboard.
  ur: ['hai', 'hain', 'nahi', 'nahin', 'mera', 'meri', 'mere', 'ghar', 'kya', 'aap', 'mujhe', 'bohat', 'bahut', 'ka', 'ki', 'ke', 'ko', 'se', 'koi', 'abhi', 'tak', 'kab', 'kyun', 'raha', 'rahi', 'gaya', 'gayi', 'shukriya', 'baat', 'karna', 'karo', 'hua', 'phir', 'dobara', 'baar'],
  bn: ['ami', 'amar', 'apnar', 'apni', 'kore', 'korchi', 'hoyeche', 'hoy', 'nai', 'ekhono', 'keu', 'ase', 'ashe', 'bari', 'bar', 'kotha', 'bolte', 'chai', 'dhonnobad', 'kobe', 'keno', 'theke', 'ache', 'korben', 'kaj'],
};

// Letters that belong to one language among the supported Latin-script ones (strong evidence).
const LATIN_LETTERS: Array<[RegExp, string, number]> = [
  [/[śźżńć]/g, 'pl', 2],
  [/ł/g, 'pl', 2],
  [/[ąę]/g, 'pl', 0.75],
  [/[ąę]/g, 'lt', 0.75],
  [/[ășțşţ]/g, 'ro', 2],
  [/[ėųūįčšž]/g, 'lt', 2],
  [/[ãõ]/g, 'pt', 2],
  [/ç(?=[aoã])/g, 'pt', 0.5],
  [/ñ|¿|¡/g, 'es', 2],
  [/[èëùœ]/g, 'fr', 1],
  [/ê/g, 'fr', 0.5],
  [/ê/g, 'pt', 0.5],
  [/î/g, 'ro', 1.5],
  [/[ŵŷ]/g, 'cy', 2],
  [/â/g, 'ro', 0.5],
];

const WORD_SETS: Record<string, Set<string>> = Object.fromEntries(
  Object.entries(LATIN_WORDS).map(([lang, words]) => [lang, new Set(words)]),
);
// Words shared by several languages count for each, but weakly; unique words decide.
const WORD_OWNERS = new Map<string, number>();
for (const words of Object.values(WORD_SETS)) for (const w of words) WORD_OWNERS.set(w, (WORD_OWNERS.get(w) ?? 0) + 1);

// Distinctive letter sequences, a fallback for messages made of content words only.
const LATIN_NGRAMS: Array<[RegExp, string, number]> = [
  [/\b\w*dd\w*\b|\bll\w+|\w+ch\b|\bwy\w*|\bhw\w*|\bgw\w*|\bch?wi\w*/g, 'cy', 0.35],
  [/sz|cz|rz|\bprz|\w+ie\b|\w+ow\b|\w+ego\b/g, 'pl', 0.35],
  [/\w+ul\b|\w+ului\b|\w+ilor\b|\w+eaz\w*/g, 'ro', 0.35],
  [/\w+(as|is|us|ys)\b|\w+(ai|iu|ių)\b/g, 'lt', 0.2],
  [/\w+(cao|coes|ao|oes|nh\w*|lh\w*)\b/g, 'pt', 0.35],
  [/\w+(cion|ado|ada|ido|ida)\b|ll\w+/g, 'es', 0.25],
  [/\w+(eux|ement|aient|ait|oir|eau|eaux)\b|qu'|\b[ljdmnsc]'/g, 'fr', 0.4],
  [/aa|ee|oo|uu|dh|kh|\bx\w+|\w*x\w*|\bq\w+/g, 'so', 0.3],
];

function scriptLanguage(text: string): string | undefined {
  let arabic = 0;
  let bengali = 0;
  let gurmukhi = 0;
  let devanagari = 0;
  let latin = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else if (c >= 0x0980 && c <= 0x09ff) bengali++;
    else if (c >= 0x0a00 && c <= 0x0a7f) gurmukhi++;
    else if (c >= 0x0900 && c <= 0x097f) devanagari++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  const best = Math.max(arabic, bengali, gurmukhi, devanagari);
  if (best === 0 || best < latin / 2) return undefined;
  if (best === bengali) return 'bn';
  if (best === gurmukhi) return 'pa';
  if (best === devanagari) return 'hi';
  return arabicOrUrdu(text);
}

// Urdu writes ٹ ڈ ڑ ں ے ہ ھ and uses ی/ک; Arabic writes ة ى ي ك. Shahmukhi Punjabi shares Urdu's letters.
function arabicOrUrdu(text: string): string {
  const urdu = (text.match(/[ٹڈڑںےۓہھ]/g) ?? []).length + (text.match(/[یکگچپ]/g) ?? []).length * 0.5;
  const arabic = (text.match(/[ةىيكإأآؤئ]/g) ?? []).length;
  const urduWords = (text.match(/(^|\s)(ہے|ہیں|کا|کی|کے|میں|نہیں|اور|کو|سے|میرا|میری|مجھے|آپ|کوئی)(?=\s|$|[۔،!?])/g) ?? []).length;
  const arabicWords = (text.match(/(^|\s)(في|من|على|لا|هذا|هذه|أن|إلى|الى|عن|لم|لقد|منذ|لي|مع)(?=\s|$|[.،!?])/g) ?? []).length;
  return urdu + urduWords * 2 > arabic + arabicWords * 2 ? 'ur' : 'ar';
}

/**
 * ISO 639-1 code of the message's language; English when the evidence is too thin.
 * `tokens` (from `tokenise(foldText(text))`) may be passed to save tokenising twice.
 */
export function identifyLanguage(text: string, tokens?: readonly string[]): string {
  const script = scriptLanguage(text);
  if (script) return script;

  const lower = text.normalize('NFC').toLowerCase();
  const scores: Record<string, number> = {};
  const add = (lang: string, n: number) => (scores[lang] = (scores[lang] ?? 0) + n);

  for (const [pattern, lang, weight] of LATIN_LETTERS) add(lang, (lower.match(pattern) ?? []).length * weight);
  const words = tokens ?? tokenise(foldText(text));
  for (const token of words) {
    const owners = WORD_OWNERS.get(token);
    if (!owners) continue;
    for (const [lang, words] of Object.entries(WORD_SETS)) if (words.has(token)) add(lang, 1 / owners);
  }
  // Letter sequences only matter when the words were not conclusive (short or content-only messages).
  const sorted = Object.values(scores).sort((a, b) => b - a);
  if ((sorted[0] ?? 0) < 2 || (sorted[0] ?? 0) - (sorted[1] ?? 0) < 1) {
    const folded = ` ${words.join(' ')} `;
    for (const [pattern, lang, weight] of LATIN_NGRAMS) add(lang, (folded.match(pattern) ?? []).length * weight);
  }

  let best = 'en';
  let bestScore = 0.6; // English wins unless another language shows real evidence.
  const english = scores.en ?? 0;
  for (const [lang, score] of Object.entries(scores)) {
    if (lang === 'en') continue;
    if (score > bestScore && score > english) {
      best = lang;
      bestScore = score;
    }
  }
  return best;
}
