// Recognising a tenant naming a language ("polski", "Cymraeg", "in Welsh", "عربي") so they can
// switch at any step. Names are written folded (see normalise) in English and the language itself.
import { normalise } from './i18n';

export const LANGUAGE_NAMES: Record<string, { native: string; names: string[] }> = {
  en: { native: 'English', names: ['english', 'saesneg', 'angielski', 'engleza', 'انگریزی', 'الانجليزية', 'الإنجليزية'] },
  cy: { native: 'Cymraeg', names: ['cymraeg', 'welsh', 'walijski', 'galeza'] },
  pl: { native: 'Polski', names: ['polski', 'polish', 'po polsku', 'pwyleg', 'poloneza'] },
  ro: { native: 'Română', names: ['romana', 'romaneste', 'in romana', 'romanian', 'rumunski'] },
  ar: { native: 'العربية', names: ['العربية', 'عربي', 'عربى', 'بالعربي', 'arabic', 'arabeg', 'arabski'] },
  ur: { native: 'اردو', names: ['اردو', 'urdu'] },
  pa: { native: 'ਪੰਜਾਬੀ', names: ['ਪੰਜਾਬੀ', 'punjabi', 'panjabi', 'gurmukhi'] },
  bn: { native: 'বাংলা', names: ['বাংলা', 'বাংলায়', 'বাংলাতে', 'bengali', 'bangla'] },
  so: { native: 'Soomaali', names: ['soomaali', 'somali', 'af soomaali', 'af-soomaali'] },
  lt: { native: 'Lietuvių', names: ['lietuviu', 'lietuviskai', 'lithuanian'] },
  pt: { native: 'Português', names: ['portugues', 'portuguese'] },
  es: { native: 'Español', names: ['espanol', 'spanish', 'castellano'] },
  fr: { native: 'Français', names: ['francais', 'french', 'en francais'] },
  // No prompt catalog yet: naming one keeps it as the tenant's language (staff replies are
  // translated into it), with English prompts and how to get an interpreter.
  tr: { native: 'Türkçe', names: ['turkce', 'turkish'] },
  fa: { native: 'فارسی', names: ['فارسی', 'farsi', 'persian'] },
  ti: { native: 'ትግርኛ', names: ['ትግርኛ', 'tigrinya'] },
  ku: { native: 'Kurdî', names: ['kurdi', 'kurdish'] },
};

// Words around a language name that still make the message only a language request.
const FILLER = new Set([
  'in', 'please', 'pls', 'speak', 'reply', 'write', 'switch', 'to', 'language', 'can', 'you', 'use', 'i', 'want', 'would', 'like',
  'yn', 'os', 'gwelwch', 'yn dda', 'prosze', 'po', 'jezyk', 'te', 'rog', 'limba', 'في', 'ب', 'میں', 'براہ', 'کرم', 'en', 'por', 'favor', 'em', 'ਵਿੱਚ', 'ਵਿਚ', 'ku', 'fadlan',
]);

/** The language a short message names, if that is all it says; otherwise undefined. */
export function languageNamed(text: string): string | undefined {
  const folded = normalise(text);
  if (!folded || folded.split(' ').length > 5) return undefined;
  for (const [code, { names }] of Object.entries(LANGUAGE_NAMES)) {
    for (const name of names) {
      const n = normalise(name);
      if (folded === n) return code;
      if (!folded.includes(n)) continue;
      const rest = folded.replace(n, ' ').split(' ').filter(Boolean);
      if (rest.every((w) => FILLER.has(w))) return code;
    }
  }
  return undefined;
}

export function nativeName(code: string): string {
  return LANGUAGE_NAMES[code]?.native ?? code;
}

const RTL = new Set(['ar', 'ur', 'fa', 'he', 'ps']);
export function isRightToLeft(code: string): boolean {
  return RTL.has(code);
}
