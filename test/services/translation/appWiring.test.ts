// The composition root builds the translator from the environment (TRANSLATOR_* in DESIGN.md).
import { loadConfig } from '../../../config';
import { startTestApp } from '../../helpers/app';
import type { App } from '../../../index';
import { startFakeLibreTranslate } from '../../fakes/translators/libreTranslate';
import type { FakeServer } from '../../fakes/translators/httpFake';
import { PHRASES } from '../../fakes/translators/phrasebook';

describe('translator wiring', () => {
  let fake: FakeServer;
  let app: App | undefined;
  beforeAll(async () => {
    fake = await startFakeLibreTranslate({ key: 'lt-key' });
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });
  afterAll(() => fake.stop());

  it('runs with no machine translation when TRANSLATOR_PROVIDER is unset', async () => {
    app = await startTestApp();
    expect(app.services.translator.available).toBe(false);
  });

  it('uses the configured LibreTranslate server with its key and time limit', async () => {
    app = await startTestApp({
      TRANSLATOR_PROVIDER: 'libretranslate',
      TRANSLATOR_ENDPOINT: fake.url,
      TRANSLATOR_KEY: 'lt-key',
      TRANSLATOR_TIMEOUT_MS: '250',
    });
    const ok = await app.services.translator.translate(PHRASES.boilerComplaint.ur, 'en');
    expect(ok).toMatchObject({ text: PHRASES.boilerComplaint.en, from: 'ur', provider: 'LibreTranslate', fallback: false });
    fake.mode = 'hang';
    const started = Date.now();
    const slow = await app.services.translator.translate(PHRASES.leakComplaint.ur, 'en');
    fake.mode = 'ok';
    expect(slow).toMatchObject({ text: PHRASES.leakComplaint.ur, fallback: true, fallbackReason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops start-up with a clear message for an unknown provider', () => {
    expect(() => loadConfig({ TRANSLATOR_PROVIDER: 'deepl' })).toThrow(/TRANSLATOR_PROVIDER: Invalid enum value. Expected 'none' \| 'azure' \| 'libretranslate', received 'deepl'/);
  });
});
