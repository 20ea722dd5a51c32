// What a tenant receives when staff write in English: the words in the tenant's language when a
// translator is configured and works; otherwise the English, followed by how to get an
// interpreter in the tenant's language. The English is always returned for the case record.
import type { Translator } from './translator';
import type { FallbackReason } from './failure';
import { baseLanguage, isEnglish } from './languages';
import { interpreterNotice } from './interpreterNotice';

export interface TenantTranslation {
  /** Exactly what to send to the tenant. */
  text: string;
  /** The staff member's English, to keep on the case. */
  english: string;
  /** The tenant's language the text is meant for. */
  language: string;
  translated: boolean;
  /** Provider that translated, when `translated`. */
  provider?: string;
  /** Why it was not translated (not set when the tenant reads English). */
  fallbackReason?: FallbackReason;
  /** The interpreter text appended to `text`, when one was. */
  interpreterNotice?: string;
}

export interface TenantTranslationOptions {
  /** The policy pack's interpreter text, keyed by language. */
  interpreterNotices?: Readonly<Record<string, string>>;
}

export async function forTenant(
  translator: Translator,
  englishText: string,
  tenantLang: string | undefined,
  options: TenantTranslationOptions = {},
): Promise<TenantTranslation> {
  const language = tenantLang ? baseLanguage(tenantLang) : 'en';
  if (isEnglish(language) || englishText.trim() === '') {
    return { text: englishText, english: englishText, language, translated: false };
  }
  const result = await translator.translate(englishText, language, 'en');
  if (!result.fallback) {
    return { text: result.text, english: englishText, language, translated: true, provider: result.provider };
  }
  const notice = interpreterNotice(language, options.interpreterNotices);
  return {
    text: `${englishText}\n\n${notice}`,
    english: englishText,
    language,
    translated: false,
    fallbackReason: (result.fallbackReason ?? 'provider_error') as FallbackReason,
    interpreterNotice: notice,
  };
}
