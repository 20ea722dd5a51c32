// What staff and tenants are shown, with no translator, a working one, and a failing one.
import { createTranslator, forStaff, forTenant, staffTranslationText, interpreterNotice, DEFAULT_INTERPRETER_NOTICES } from '../../../services/translation';
import { startFakeAzureTranslator } from '../../fakes/translators/azureTranslator';
import type { FakeServer } from '../../fakes/translators/httpFake';
import { PHRASES } from '../../fakes/translators/phrasebook';
import { captureLogs } from './logCapture';
import { loadPolicyPack } from '../../../services/policy';

const logger = captureLogs().logger;
const none = createTranslator({ TRANSLATOR_PROVIDER: 'none' }, logger);

describe('forStaff', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeAzureTranslator({ key: 'k' });
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.mode = 'ok';
  });
  // A generous timeout for the answering fake (a loaded CI machine can take over 300 ms for the first
  // request); the hanging fake gets a short one so the timeout test stays quick.
  const azure = (timeoutMs = 5000) =>
    createTranslator({ TRANSLATOR_PROVIDER: 'azure', TRANSLATOR_KEY: 'k', TRANSLATOR_ENDPOINT: fake.url }, logger, { timeoutMs, cacheSize: 0 });

  it('tells staff plainly that no machine translation is configured and shows the original', async () => {
    const view = await forStaff(none, PHRASES.boilerComplaint.ar, 'ar');
    expect(view).toEqual({
      original: PHRASES.boilerComplaint.ar,
      language: 'ar',
      note: 'No machine translation configured — original shown',
      fallbackReason: 'no_provider',
    });
    expect(staffTranslationText(view)).toBe(
      `Tenant wrote (ar): ${PHRASES.boilerComplaint.ar}\n(No machine translation configured — original shown)`,
    );
  });

  it('shows the original plus a translation naming the provider when one is configured', async () => {
    const view = await forStaff(azure(), PHRASES.leakComplaint.bn);
    expect(view).toEqual({
      original: PHRASES.leakComplaint.bn,
      language: 'bn',
      translation: { text: PHRASES.leakComplaint.en, provider: 'Azure AI Translator' },
    });
    expect(staffTranslationText(view)).toContain(`Machine translation (Azure AI Translator): ${PHRASES.leakComplaint.en}`);
  });

  it('keeps the original and explains the failure when the provider times out', async () => {
    fake.mode = 'hang';
    const view = await forStaff(azure(300), PHRASES.leakComplaint.pl, 'pl');
    expect(view).toEqual({
      original: PHRASES.leakComplaint.pl,
      language: 'pl',
      note: 'Machine translation timed out — original shown',
      fallbackReason: 'timeout',
    });
  });

  it('still translates Bengali that was stored as English, reporting the detected language', async () => {
    const view = await forStaff(azure(), PHRASES.boilerComplaint.bn, 'en');
    expect(view).toEqual({
      original: PHRASES.boilerComplaint.bn,
      language: 'bn',
      translation: { text: PHRASES.boilerComplaint.en, provider: 'Azure AI Translator' },
    });
  });

  it('does not translate English, and adds nothing', async () => {
    fake.requests.length = 0;
    const view = await forStaff(azure(), 'The boiler is still broken', 'en');
    expect(view).toEqual({ original: 'The boiler is still broken', language: 'en' });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('forTenant', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeAzureTranslator({ key: 'k' });
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.mode = 'ok';
  });
  // A generous timeout for the answering fake (a loaded CI machine can take over 300 ms for the first
  // request); the hanging fake gets a short one so the timeout test stays quick.
  const azure = (timeoutMs = 5000) =>
    createTranslator({ TRANSLATOR_PROVIDER: 'azure', TRANSLATOR_KEY: 'k', TRANSLATOR_ENDPOINT: fake.url }, logger, { timeoutMs, cacheSize: 0 });

  it('sends the staff reply in the tenant language and keeps the English for the case', async () => {
    const out = await forTenant(azure(), PHRASES.staffReply.en, 'ur');
    expect(out).toEqual({
      text: PHRASES.staffReply.ur,
      english: PHRASES.staffReply.en,
      language: 'ur',
      translated: true,
      provider: 'Azure AI Translator',
    });
  });

  it('with no translator sends the English followed by how to get an interpreter, in the tenant language', async () => {
    const out = await forTenant(none, PHRASES.stageResponse.en, 'pa');
    expect(out).toEqual({
      text: `${PHRASES.stageResponse.en}\n\n${DEFAULT_INTERPRETER_NOTICES.pa}`,
      english: PHRASES.stageResponse.en,
      language: 'pa',
      translated: false,
      fallbackReason: 'no_provider',
      interpreterNotice: DEFAULT_INTERPRETER_NOTICES.pa,
    });
  });

  it('uses the policy pack interpreter text when it has the tenant language', async () => {
    const out = await forTenant(none, PHRASES.staffReply.en, 'ro', { interpreterNotices: { ro: 'Sunați la 0300 000 000 pentru un interpret.' } });
    expect(out.text).toBe(`${PHRASES.staffReply.en}\n\nSunați la 0300 000 000 pentru un interpret.`);
  });

  it('never loses the message when the provider fails: English plus interpreter text', async () => {
    fake.mode = 'fail';
    const out = await forTenant(azure(), PHRASES.staffReply.en, 'cy');
    expect(out).toMatchObject({ english: PHRASES.staffReply.en, translated: false, fallbackReason: 'provider_error' });
    expect(out.text.startsWith(PHRASES.staffReply.en)).toBe(true);
    expect(out.text).toContain(DEFAULT_INTERPRETER_NOTICES.cy);
  });

  it('sends English unchanged to an English-reading tenant, without an interpreter note', async () => {
    expect(await forTenant(none, 'We will call you tomorrow.', 'en-GB')).toEqual({
      text: 'We will call you tomorrow.',
      english: 'We will call you tomorrow.',
      language: 'en',
      translated: false,
    });
  });
});

describe('interpreterNotice', () => {
  it('puts the default in the tenant language first and the pack English (with contact details) after it', () => {
    expect(interpreterNotice('bn', { en: 'Call 0300 123 4567 and ask for an interpreter.' })).toBe(
      `${DEFAULT_INTERPRETER_NOTICES.bn}\nCall 0300 123 4567 and ask for an interpreter.`,
    );
  });

  it('falls back to English for a language with no default text', () => {
    expect(interpreterNotice('xh')).toBe(DEFAULT_INTERPRETER_NOTICES.en);
  });

  it('has a default in every language the multilingual tests use', () => {
    for (const lang of ['ar', 'ur', 'bn', 'pa', 'pl', 'cy', 'ro']) {
      expect(DEFAULT_INTERPRETER_NOTICES[lang]).toBeTruthy();
      expect(DEFAULT_INTERPRETER_NOTICES[lang]).not.toBe(DEFAULT_INTERPRETER_NOTICES.en);
    }
  });

  it('uses every shipped policy pack: its own text where it has the language, else our default then its English', () => {
    for (const id of ['hoc-2024', 'twenty11', 'red-kite', 'slh', 'tuntum', 'brighter-places']) {
      const notices = loadPolicyPack(id).interpreterNotices;
      expect(interpreterNotice('en', notices)).toBe(notices.en);
      expect(interpreterNotice('ar', notices)).toBe(notices.ar ?? `${DEFAULT_INTERPRETER_NOTICES.ar}\n${notices.en}`);
      if (notices.cy) expect(interpreterNotice('cy', notices)).toBe(notices.cy);
    }
  });
});
