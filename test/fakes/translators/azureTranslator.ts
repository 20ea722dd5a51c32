// A local fake of Azure AI Translator's Text Translation v3.0 `POST /translate`, speaking its
// real shapes: `?api-version=3.0&to=xx[&to=yy][&from=zz]`, body `[{ "Text"|"text": ... }]`,
// auth by `Ocp-Apim-Subscription-Key` (+ `Ocp-Apim-Subscription-Region` for regional keys),
// answer `[{ detectedLanguage?: { language, score }, translations: [{ text, to }] }]`,
// errors `{ error: { code, message } }` with the service's numeric codes.
import { FakeServer, startFakeServer, RecordedRequest } from './httpFake';
import { fakeTranslate, guessLanguage } from './phrasebook';

export const AZURE_FAKE_MARKER = 'azure-fake';

export interface AzureFakeOptions {
  key: string;
  /** When set, requests must carry this region header (a regional resource). */
  region?: string;
}

const error = (status: number, code: number, message: string) => ({ status, body: { error: { code, message } } });

export function startFakeAzureTranslator(opts: AzureFakeOptions): Promise<FakeServer> {
  return startFakeServer(
    (req) => answer(req, opts),
    { error: { code: 500000, message: 'An unexpected error occurred. If the error persists, report it with date/time of error, request identifier from response header X-RequestId, and client identifier from request header X-ClientTraceId.' } },
  );
}

function answer(req: RecordedRequest, opts: AzureFakeOptions): { status: number; body: unknown } {
  if (req.method !== 'POST' || req.path !== '/translate') return error(404, 404001, 'The requested resource was not found.');
  const key = req.headers['ocp-apim-subscription-key'];
  const region = req.headers['ocp-apim-subscription-region'];
  if (key !== opts.key || (opts.region !== undefined && region !== opts.region)) {
    return error(401, 401000, 'The request is not authorized because credentials are missing or invalid.');
  }
  if (req.query.get('api-version') !== '3.0') return error(400, 400021, 'The API version parameter is missing or invalid.');
  const targets = req.query.getAll('to').flatMap((t) => t.split(',')).filter(Boolean);
  if (targets.length === 0) return error(400, 400036, 'The target language ("To" field) is missing or invalid.');
  const from = req.query.get('from') ?? undefined;

  let items: unknown;
  try {
    items = JSON.parse(req.body);
  } catch {
    return error(400, 400074, 'The body of the request is not valid JSON.');
  }
  if (!Array.isArray(items) || items.length === 0) return error(400, 400074, 'The body of the request is not valid JSON.');
  if (items.length > 1000) return error(400, 400077, 'The maximum request size has been exceeded.');
  const texts: string[] = [];
  for (const item of items) {
    const text = (item as { text?: unknown; Text?: unknown })?.text ?? (item as { Text?: unknown })?.Text;
    if (typeof text !== 'string') return error(400, 400074, 'The body of the request is not valid JSON.');
    texts.push(text);
  }
  return {
    status: 200,
    body: texts.map((text) => ({
      ...(from ? {} : { detectedLanguage: guessLanguage(text) }),
      translations: targets.map((to) => ({ text: fakeTranslate(text, to, AZURE_FAKE_MARKER), to })),
    })),
  };
}
