// Azure AI Translator (Text Translation v3.0) through Microsoft's REST client:
// POST {endpoint}/translate?api-version=3.0&to=xx[&from=yy], body [{ text }],
// answer [{ detectedLanguage?: { language, score }, translations: [{ text, to }] }].
// The SDK (and the Azure core it pulls in) is loaded on the first translation, not at start-up:
// ~0.45 s of module loading that an app with TRANSLATOR_PROVIDER=none or libretranslate never needs.
import type { TextTranslationClient as AzureClient } from '@azure-rest/ai-translation-text';
import { z } from 'zod';
import { ProviderCall } from './guardedTranslator';
import { reasonForStatus, TranslationFailure } from './failure';

export const AZURE_DISPLAY_NAME = 'Azure AI Translator';
export const AZURE_GLOBAL_ENDPOINT = 'https://api.cognitive.microsofttranslator.com';

export interface AzureSettings {
  key: string;
  /** Required for regional and multi-service resources; optional for global ones. */
  region?: string;
  /** Defaults to the global endpoint; tests point it at a local fake. */
  endpoint?: string;
}

const answerSchema = z
  .array(
    z.object({
      detectedLanguage: z.object({ language: z.string().min(1), score: z.number() }).optional(),
      translations: z.array(z.object({ text: z.string(), to: z.string() })).min(1),
    }),
  )
  .min(1);

const REGION_HEADER = 'Ocp-Apim-Subscription-Region';

export function azureCall(settings: AzureSettings, timeoutMs: number): ProviderCall {
  const endpoint = settings.endpoint ?? AZURE_GLOBAL_ENDPOINT;
  // Plain http is only accepted for loopback endpoints (createTranslator checks): local fakes.
  const insecure = endpoint.startsWith('http:');
  let sdk: Promise<{ client: AzureClient; isUnexpected: typeof import('@azure-rest/ai-translation-text').isUnexpected }> | undefined;
  const loadSdk = () => (sdk ??= import('@azure-rest/ai-translation-text').then((mod) => ({ client: createClient(mod.default, settings, endpoint, insecure), isUnexpected: mod.isUnexpected })));

  return async (text, to, from, signal) => {
    const { client, isUnexpected } = await loadSdk();
    const response = await client.path('/translate').post({
      body: [{ text }],
      queryParameters: from ? { to, from } : { to },
      abortSignal: signal,
      timeout: timeoutMs,
      allowInsecureConnection: insecure,
    });
    if (isUnexpected(response)) {
      const status = Number(response.status);
      throw new TranslationFailure(reasonForStatus(status), status);
    }
    const parsed = answerSchema.safeParse(response.body);
    if (!parsed.success) throw new TranslationFailure('bad_response', Number(response.status));
    const item = parsed.data[0];
    const translation = item.translations.find((t) => t.to.toLowerCase() === to.toLowerCase()) ?? item.translations[0];
    return { text: translation.text, detectedLanguage: item.detectedLanguage?.language };
  };
}

function createClient(
  TextTranslationClient: typeof import('@azure-rest/ai-translation-text').default,
  settings: AzureSettings,
  endpoint: string,
  insecure: boolean,
): AzureClient {
  // The client reads its options only when a credential is passed with them.
  const client = TextTranslationClient(
    endpoint,
    { key: settings.key, region: settings.region ?? '' },
    // No retries: a tenant's message must not wait on back-off; the guard falls back instead.
    { retryOptions: { maxRetries: 0 }, allowInsecureConnection: insecure },
  );
  if (!settings.region) {
    // The SDK's key credential always sends the region header; a global resource has none.
    client.pipeline.addPolicy({
      name: 'dropEmptyTranslatorRegion',
      sendRequest: (request, next) => {
        if (!request.headers.get(REGION_HEADER)) request.headers.delete(REGION_HEADER);
        return next(request);
      },
    });
  }

  return client;
}
