// Choosing the provider from configuration, and the offline default.
import { createTranslator, TranslatorConfigError } from '../../../services/translation';
import { captureLogs } from './logCapture';

const logger = captureLogs().logger;

describe('createTranslator', () => {
  it('defaults to no machine translation: unavailable, original text back, marked no_provider', async () => {
    const translator = createTranslator({}, logger);
    expect(translator.available).toBe(false);
    const result = await translator.translate('مرحبا', 'en', 'ar');
    expect(result).toEqual({ text: 'مرحبا', from: 'ar', to: 'en', provider: 'No machine translation', fallback: true, fallbackReason: 'no_provider' });
  });

  it('accepts "none" explicitly and ignores letter case', () => {
    expect(createTranslator({ TRANSLATOR_PROVIDER: 'NONE' }, logger).available).toBe(false);
  });

  it('builds the Azure provider with a key, and LibreTranslate with an endpoint', () => {
    const azure = createTranslator({ TRANSLATOR_PROVIDER: 'azure', TRANSLATOR_KEY: 'k' }, logger);
    expect(azure).toMatchObject({ name: 'Azure AI Translator', available: true });
    const libre = createTranslator({ TRANSLATOR_PROVIDER: 'libretranslate', TRANSLATOR_ENDPOINT: 'http://translate.internal:5000' }, logger);
    expect(libre).toMatchObject({ name: 'LibreTranslate', available: true });
  });

  it('refuses an unknown provider, naming the ones it knows', () => {
    expect(() => createTranslator({ TRANSLATOR_PROVIDER: 'deepl' }, logger)).toThrow(
      new TranslatorConfigError('TRANSLATOR_PROVIDER "deepl" is not known; use one of: none, azure, libretranslate'),
    );
  });

  it('refuses Azure without a key and LibreTranslate without an endpoint', () => {
    expect(() => createTranslator({ TRANSLATOR_PROVIDER: 'azure' }, logger)).toThrow(/needs TRANSLATOR_KEY/);
    expect(() => createTranslator({ TRANSLATOR_PROVIDER: 'libretranslate' }, logger)).toThrow(/needs TRANSLATOR_ENDPOINT/);
  });

  it('refuses an endpoint that is not a URL, and a plain-http Azure endpoint off this machine', () => {
    expect(() => createTranslator({ TRANSLATOR_PROVIDER: 'libretranslate', TRANSLATOR_ENDPOINT: 'translate.internal' }, logger)).toThrow(/is not a URL/);
    expect(() =>
      createTranslator({ TRANSLATOR_PROVIDER: 'azure', TRANSLATOR_KEY: 'k', TRANSLATOR_ENDPOINT: 'http://translator.example.com' }, logger),
    ).toThrow(/must be https/);
  });
});
