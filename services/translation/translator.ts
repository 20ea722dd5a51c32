// The translation contract. Providers (none, azure, libretranslate, ...) implement it; the
// offline default translates nothing and says so, so callers can tell staff plainly.
export interface TranslationResult {
  text: string;
  /** Source language as detected or given (ISO 639-1). */
  from: string;
  to: string;
  /** Provider name shown to staff next to machine translations, e.g. "Azure AI Translator". */
  provider: string;
  /** True when no translation happened (offline, failure, timeout): `text` is then the original. */
  fallback: boolean;
  fallbackReason?: string;
}

export interface Translator {
  readonly name: string;
  /** False for the offline default. */
  readonly available: boolean;
  /** Never throws: failures and timeouts come back as `fallback: true` with the original text. */
  translate(text: string, to: string, from?: string): Promise<TranslationResult>;
}
