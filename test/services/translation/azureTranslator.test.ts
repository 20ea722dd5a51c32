// The Azure provider against a local fake speaking Translator v3.0's HTTP shapes.
import { createTranslator } from '../../../services/translation';
import { startFakeAzureTranslator, AZURE_FAKE_MARKER } from '../../fakes/translators/azureTranslator';
import type { FakeServer } from '../../fakes/translators/httpFake';
import { PHRASES } from '../../fakes/translators/phrasebook';
import { captureLogs } from './logCapture';

const KEY = 'test-azure-key';
const REGION = 'uksouth';

describe('Azure AI Translator provider', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeAzureTranslator({ key: KEY, region: REGION });
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.mode = 'ok';
    fake.requests.length = 0;
  });

  const translator = (key = KEY, timeoutMs = 3000) =>
    createTranslator(
      { TRANSLATOR_PROVIDER: 'azure', TRANSLATOR_KEY: key, TRANSLATOR_REGION: REGION, TRANSLATOR_ENDPOINT: fake.url },
      captureLogs().logger,
      { timeoutMs, cacheSize: 0 },
    );

  it('translates Urdu to English, reports the detected language and names the provider', async () => {
    const result = await translator().translate(PHRASES.boilerComplaint.ur, 'en');
    expect(result).toEqual({
      text: PHRASES.boilerComplaint.en,
      from: 'ur',
      to: 'en',
      provider: 'Azure AI Translator',
      fallback: false,
    });
  });

  it('sends the real request shape: api-version 3.0, to/from in the query, [{text}] body, key and region headers', async () => {
    await translator().translate(PHRASES.staffReply.en, 'bn', 'en');
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0];
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/translate');
    expect(req.query.get('api-version')).toBe('3.0');
    expect(req.query.get('to')).toBe('bn');
    expect(req.query.get('from')).toBe('en');
    expect(JSON.parse(req.body)).toEqual([{ text: PHRASES.staffReply.en }]);
    expect(req.headers['ocp-apim-subscription-key']).toBe(KEY);
    expect(req.headers['ocp-apim-subscription-region']).toBe(REGION);
  });

  it('returns the translation into the tenant language when the source is given', async () => {
    const result = await translator().translate(PHRASES.stageResponse.en, 'pa', 'en');
    expect(result.text).toBe(PHRASES.stageResponse.pa);
    expect(result.fallback).toBe(false);
    expect(result.from).toBe('en');
  });

  it('passes text it has no phrase for through the service (marker shows the call happened)', async () => {
    const result = await translator().translate('Dw i eisiau siarad â rhywun', 'en');
    expect(result.text).toBe(`[${AZURE_FAKE_MARKER}→en] Dw i eisiau siarad â rhywun`);
    expect(result.from).toBe('cy');
  });

  it('translates a composed notice line by line (known phrase translated, other lines marked)', async () => {
    const notice = `Your complaint CMP-2026-000001: our Stage 1 response.\nReasons: ${PHRASES.stageResponse.en}`;
    const result = await translator().translate(notice, 'ar', 'en');
    expect(result.text).toBe(`[${AZURE_FAKE_MARKER}→ar] Your complaint CMP-2026-000001: our Stage 1 response.\nReasons: ${PHRASES.stageResponse.ar}`);
  });

  it('falls back to the original text, marked unauthorized, when the key is refused (401)', async () => {
    const result = await translator('wrong-key').translate(PHRASES.leakComplaint.ar, 'en');
    expect(fake.requests).toHaveLength(1);
    expect(result).toMatchObject({ text: PHRASES.leakComplaint.ar, fallback: true, fallbackReason: 'unauthorized' });
  });

  it('falls back to the original text when the service fails with 500, without retrying', async () => {
    fake.mode = 'fail';
    const result = await translator().translate(PHRASES.leakComplaint.pl, 'en', 'pl');
    expect(result).toMatchObject({ text: PHRASES.leakComplaint.pl, from: 'pl', fallback: true, fallbackReason: 'provider_error' });
    expect(fake.requests).toHaveLength(1);
  });

  it('gives up after the time limit and returns the original text marked as a timeout', async () => {
    fake.mode = 'hang';
    const started = Date.now();
    const result = await translator(KEY, 300).translate(PHRASES.boilerComplaint.ro, 'en');
    expect(Date.now() - started).toBeLessThan(2500);
    expect(result).toMatchObject({ text: PHRASES.boilerComplaint.ro, fallback: true, fallbackReason: 'timeout' });
  });

  it('logs a fallback with its reason but never the message text', async () => {
    fake.mode = 'fail';
    const logs = captureLogs();
    const t = createTranslator(
      { TRANSLATOR_PROVIDER: 'azure', TRANSLATOR_KEY: KEY, TRANSLATOR_REGION: REGION, TRANSLATOR_ENDPOINT: fake.url },
      logs.logger,
    );
    await t.translate(PHRASES.boilerComplaint.bn, 'en');
    logs.logger.flush();
    expect(logs.raw()).not.toContain(PHRASES.boilerComplaint.bn);
    expect(logs.lines()).toEqual([
      expect.objectContaining({ translator: 'azure', reason: 'provider_error', status: 500, targetLang: 'en', level: 40 }),
    ]);
  });

  it('answers a repeated translation from its cache without calling the service again', async () => {
    const t = createTranslator(
      { TRANSLATOR_PROVIDER: 'azure', TRANSLATOR_KEY: KEY, TRANSLATOR_REGION: REGION, TRANSLATOR_ENDPOINT: fake.url },
      captureLogs().logger,
    );
    const first = await t.translate(PHRASES.staffReply.ar, 'en');
    const second = await t.translate(PHRASES.staffReply.ar, 'en');
    expect(second).toEqual(first);
    expect(fake.requests).toHaveLength(1);
  });

  it('does not call the service when source and target are the same language', async () => {
    const result = await translator().translate('Hello', 'en', 'en-GB');
    expect(result).toMatchObject({ text: 'Hello', fallback: false });
    expect(fake.requests).toHaveLength(0);
  });

  it('sends no region header for a global resource (no TRANSLATOR_REGION)', async () => {
    const globalFake = await startFakeAzureTranslator({ key: KEY });
    try {
      const t = createTranslator({ TRANSLATOR_PROVIDER: 'azure', TRANSLATOR_KEY: KEY, TRANSLATOR_ENDPOINT: globalFake.url }, captureLogs().logger);
      const result = await t.translate(PHRASES.staffReply.en, 'cy', 'en');
      expect(result).toMatchObject({ text: PHRASES.staffReply.cy, fallback: false });
      expect(globalFake.requests[0].headers).not.toHaveProperty('ocp-apim-subscription-region');
    } finally {
      await globalFake.stop();
    }
  });
});
