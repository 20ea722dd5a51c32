// What staff see of a tenant's words: always the original, plus a machine translation naming
// its provider when one is configured and worked, or a plain note saying why there is none.
import type { Translator } from './translator';
import { FALLBACK_EXPLANATIONS, FallbackReason } from './failure';
import { baseLanguage, isEnglish, mostlyNonLatin } from './languages';

export interface StaffTranslation {
  /** The tenant's own words, unchanged. Render with dir="auto": they may be right to left. */
  original: string;
  /** Language of the original (as given, or as the provider detected; "und" if unknown). */
  language: string;
  translation?: { text: string; provider: string };
  /** Why there is no translation, in words for staff. Absent when none was needed or it worked. */
  note?: string;
  fallbackReason?: FallbackReason;
}

export async function forStaff(translator: Translator, originalText: string, givenLang?: string): Promise<StaffTranslation> {
  // English cannot be written mostly in another script: let the provider detect the language.
  const fromLang = givenLang && isEnglish(givenLang) && mostlyNonLatin(originalText) ? undefined : givenLang;
  const language = fromLang ? baseLanguage(fromLang) : 'und';
  if (fromLang && isEnglish(fromLang)) return { original: originalText, language };
  if (originalText.trim() === '') return { original: originalText, language };

  const result = await translator.translate(originalText, 'en', fromLang);
  if (result.fallback) {
    const reason = (result.fallbackReason ?? 'provider_error') as FallbackReason;
    return {
      original: originalText,
      language,
      note: FALLBACK_EXPLANATIONS[reason] ?? FALLBACK_EXPLANATIONS.provider_error,
      fallbackReason: reason,
    };
  }
  // The provider found it was English after all: nothing to add.
  if (result.from === 'en') return { original: originalText, language: 'en' };
  return { original: originalText, language: result.from, translation: { text: result.text, provider: result.provider } };
}

/** Plain-text rendering for a Teams message or card body. */
export function staffTranslationText(view: StaffTranslation): string {
  const lines = [`Tenant wrote${view.language !== 'und' ? ` (${view.language})` : ''}: ${view.original}`];
  if (view.translation) lines.push(`Machine translation (${view.translation.provider}): ${view.translation.text}`);
  if (view.note) lines.push(`(${view.note})`);
  return lines.join('\n');
}
