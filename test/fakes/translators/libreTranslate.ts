// A local fake of LibreTranslate's `POST /translate`, speaking its real shapes: JSON or form
// body `{ q, source: "auto"|xx, target, format?, api_key? }` → `{ translatedText,
// detectedLanguage? }` (confidence 0–100, only with source "auto"); errors `{ error }`. With a
// key configured it behaves like a server run with --api-keys --require-api-key-secret: no key
// is 400 "Please contact the server operator to get an API key", a wrong key is 403.
import { FakeServer, startFakeServer, RecordedRequest } from './httpFake';
import { fakeTranslate, guessLanguage } from './phrasebook';

export const LIBRE_FAKE_MARKER = 'libre-fake';

export interface LibreFakeOptions {
  /** When set, requests must carry this api_key. */
  key?: string;
  /** Languages the server has models for (LibreTranslate rejects others with 400). */
  languages?: string[];
}

// Somali is left out on purpose: LibreTranslate's Argos models have none, so a Somali tenant's
// words are refused with 400 and the product must fall back to the original.
const DEFAULT_LANGUAGES = ['en', 'ar', 'ur', 'bn', 'pa', 'pl', 'cy', 'ro', 'tr'];
const error = (status: number, message: string) => ({ status, body: { error: message } });

export function startFakeLibreTranslate(opts: LibreFakeOptions = {}): Promise<FakeServer> {
  return startFakeServer((req) => answer(req, opts), { error: 'Cannot translate text: internal error' });
}

function answer(req: RecordedRequest, opts: LibreFakeOptions): { status: number; body: unknown } {
  if (req.method !== 'POST' || req.path !== '/translate') return error(404, 'Not Found');
  const fields = readFields(req);
  if (!fields) return error(400, 'Invalid request: malformed body');
  if (opts.key !== undefined) {
    if (fields.api_key && fields.api_key !== opts.key) return error(403, 'Invalid API key');
    if (!fields.api_key) return error(400, 'Please contact the server operator to get an API key');
  }
  for (const name of ['q', 'source', 'target'] as const) {
    if (!fields[name]) return error(400, `Invalid request: missing ${name} parameter`);
  }
  const q = fields.q as string;
  const languages = opts.languages ?? DEFAULT_LANGUAGES;
  const detected = fields.source === 'auto' ? guessLanguage(q) : undefined;
  const source = detected?.language ?? (fields.source as string);
  if (!languages.includes(source)) return error(400, `${source} is not supported`);
  if (!languages.includes(fields.target as string)) return error(400, `${fields.target} is not supported`);
  if (fields.format && fields.format !== 'text' && fields.format !== 'html') return error(400, `${fields.format} format is not supported`);
  return {
    status: 200,
    body: {
      translatedText: fakeTranslate(q, fields.target as string, LIBRE_FAKE_MARKER),
      ...(detected ? { detectedLanguage: { language: detected.language, confidence: Math.round(detected.score * 100) } } : {}),
    },
  };
}

function readFields(req: RecordedRequest): Record<string, string | undefined> | undefined {
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(req.body);
      if (!parsed || typeof parsed !== 'object') return undefined;
      const out: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
      return out;
    } catch {
      return undefined;
    }
  }
  return Object.fromEntries(new URLSearchParams(req.body));
}
