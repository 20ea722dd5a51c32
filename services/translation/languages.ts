// Language codes and writing direction. Providers answer with BCP 47 tags ("zh-Hans", "pt-PT");
// the rest of the product stores ISO 639-1 codes, so tags are reduced to their language part.

/** Languages written right to left (ISO 639-1/-3 codes of the ones UK landlords meet most). */
const RTL_LANGUAGES = new Set(['ar', 'ur', 'fa', 'ps', 'he', 'yi', 'ckb', 'sd', 'ug', 'dv', 'ku-arab']);

/** "ar-SA" → "ar", "zh-Hans" → "zh", " PL " → "pl". Empty input stays empty. */
export function baseLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Whether text in this language is written right to left (pages set `dir="rtl"` for these). */
export function isRightToLeft(language: string): boolean {
  const tag = language.trim().toLowerCase();
  return RTL_LANGUAGES.has(tag) || RTL_LANGUAGES.has(baseLanguage(tag));
}

/** The HTML `dir` value for text in a known language. */
export function textDirection(language: string): 'rtl' | 'ltr' {
  return isRightToLeft(language) ? 'rtl' : 'ltr';
}

export function isEnglish(language: string | undefined): boolean {
  return !language || baseLanguage(language) === 'en';
}

/**
 * True when most letters of `text` are outside the Latin script (Arabic, Bengali, Gurmukhi...).
 * Used to distrust an "en" label on such text: a language stored wrongly must not stop staff
 * from getting a translation.
 */
export function mostlyNonLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return false;
  const latin = letters.filter((l) => /\p{Script=Latin}/u.test(l)).length;
  return latin / letters.length < 0.5;
}
