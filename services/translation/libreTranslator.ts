// LibreTranslate, the self-hostable option: POST {endpoint}/translate with JSON
// { q, source: "auto"|xx, target, format: "text", api_key? } → { translatedText, detectedLanguage? }.
// Errors come back as { error } with 400 (bad request, or key required), 403 (invalid key or
// banned), 429 (slow down) or 500.
import { z } from 'zod';
import { ProviderCall } from './guardedTranslator';
import { reasonForStatus, TranslationFailure } from './failure';

export const LIBRE_DISPLAY_NAME = 'LibreTranslate';

export interface LibreSettings {
  endpoint: string;
  /** Needed only when the server runs with --api-keys. */
  key?: string;
}

const answerSchema = z.object({
  translatedText: z.string(),
  detectedLanguage: z.object({ language: z.string().min(1), confidence: z.number().optional() }).optional(),
});

export function libreCall(settings: LibreSettings): ProviderCall {
  const url = `${settings.endpoint.replace(/\/+$/, '')}/translate`;
  return async (text, to, from, signal) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          q: text,
          source: from ?? 'auto',
          target: to,
          format: 'text',
          ...(settings.key ? { api_key: settings.key } : {}),
        }),
        signal,
      });
    } catch {
      if (signal.aborted) throw new TranslationFailure('timeout');
      throw new TranslationFailure('network_error');
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new TranslationFailure(reasonForStatus(response.status), response.status);
    }
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = answerSchema.safeParse(body);
    if (!parsed.success) throw new TranslationFailure('bad_response', response.status);
    return { text: parsed.data.translatedText, detectedLanguage: parsed.data.detectedLanguage?.language };
  };
}
