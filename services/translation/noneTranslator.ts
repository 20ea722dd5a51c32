// The offline default: no machine translation. It answers at once with the original text so
// callers can show it and tell staff plainly that nothing was translated.
import type { TranslationResult, Translator } from './translator';
import { baseLanguage } from './languages';

export const NO_PROVIDER_NAME = 'No machine translation';

export function createNoneTranslator(): Translator {
  return {
    name: NO_PROVIDER_NAME,
    available: false,
    async translate(text: string, to: string, from?: string): Promise<TranslationResult> {
      return {
        text,
        from: from ? baseLanguage(from) : 'und',
        to: to.trim(),
        provider: NO_PROVIDER_NAME,
        fallback: true,
        fallbackReason: 'no_provider',
      };
    },
  };
}
