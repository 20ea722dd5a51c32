// The LibreTranslate provider against a local fake speaking LibreTranslate's HTTP shapes.
import { createTranslator } from '../../../services/translation';
import { startFakeLibreTranslate, LIBRE_FAKE_MARKER } from '../../fakes/translators/libreTranslate';
import type { FakeServer } from '../../fakes/translators/httpFake';
import { PHRASES } from '../../fakes/translators/phrasebook';
import { captureLogs } from './logCapture';

const KEY = 'libre-test-key';

describe('LibreTranslate provider', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeLibreTranslate({ key: KEY });
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.mode = 'ok';
    fake.requests.length = 0;
  });

  const translator = (key: string | undefined, timeoutMs = 3000) =>
    createTranslator({ TRANSLATOR_PROVIDER: 'libretranslate', TRANSLATOR_KEY: key, TRANSLATOR_ENDPOINT: `${fake.url}/` }, captureLogs().logger, {
      timeoutMs,
      cacheSize: 0,
    });

  it('translates Arabic to English with source "auto" and reports the detected language', async () => {
    const result = await translator(KEY).translate(PHRASES.leakComplaint.ar, 'en');
    expect(result).toEqual({ text: PHRASES.leakComplaint.en, from: 'ar', to: 'en', provider: 'LibreTranslate', fallback: false });
  });

  it('sends the real request shape: JSON { q, source, target, format: "text", api_key } to /translate', async () => {
    await translator(KEY).translate(PHRASES.staffReply.en, 'ro', 'en');
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0];
    expect(req.path).toBe('/translate');
    expect(req.headers['content-type']).toContain('application/json');
    expect(JSON.parse(req.body)).toEqual({ q: PHRASES.staffReply.en, source: 'en', target: 'ro', format: 'text', api_key: KEY });
  });

  it('returns the tenant-language text for a staff reply', async () => {
    const result = await translator(KEY).translate(PHRASES.staffReply.en, 'ur', 'en');
    expect(result).toMatchObject({ text: PHRASES.staffReply.ur, from: 'en', to: 'ur', fallback: false });
  });

  it('passes unknown text through the service (the marker shows the call happened)', async () => {
    const result = await translator(KEY).translate('Proszę o kontakt', 'en', 'pl');
    expect(result.text).toBe(`[${LIBRE_FAKE_MARKER}→en] Proszę o kontakt`);
  });

  it('falls back to the original, marked unauthorized, when the key is wrong (403)', async () => {
    const result = await translator('not-the-key').translate(PHRASES.boilerComplaint.pa, 'en');
    expect(result).toMatchObject({ text: PHRASES.boilerComplaint.pa, fallback: true, fallbackReason: 'unauthorized' });
  });

  it('falls back to the original, marked rejected, when the server needs a key and none is configured (400)', async () => {
    const result = await translator(undefined).translate(PHRASES.boilerComplaint.pa, 'en');
    expect(JSON.parse(fake.requests[0].body)).not.toHaveProperty('api_key');
    expect(result).toMatchObject({ text: PHRASES.boilerComplaint.pa, fallback: true, fallbackReason: 'rejected' });
  });

  it('falls back to the original when the server fails with 500', async () => {
    fake.mode = 'fail';
    const result = await translator(KEY).translate(PHRASES.boilerComplaint.cy, 'en', 'cy');
    expect(result).toMatchObject({ text: PHRASES.boilerComplaint.cy, from: 'cy', fallback: true, fallbackReason: 'provider_error' });
  });

  it('gives up after the time limit and returns the original marked as a timeout', async () => {
    fake.mode = 'hang';
    const started = Date.now();
    const result = await translator(KEY, 300).translate(PHRASES.stageResponse.bn, 'en');
    expect(Date.now() - started).toBeLessThan(2500);
    expect(result).toMatchObject({ text: PHRASES.stageResponse.bn, fallback: true, fallbackReason: 'timeout' });
  });

  it('falls back, marked as a network error, when nothing listens at the endpoint', async () => {
    const closed = await startFakeLibreTranslate();
    const url = closed.url;
    await closed.stop();
    const t = createTranslator({ TRANSLATOR_PROVIDER: 'libretranslate', TRANSLATOR_ENDPOINT: url }, captureLogs().logger);
    const result = await t.translate(PHRASES.leakComplaint.ro, 'en');
    expect(result).toMatchObject({ text: PHRASES.leakComplaint.ro, fallback: true, fallbackReason: 'network_error' });
  });
});
