// Tenants texting in Arabic, Bengali, Somali, Romanian, Polish, Turkish (no prompt catalog) and (with no translator) Urdu: real signed Twilio webhooks,
// the real tenant bot and dialogs, the real database, staff working the case through the staff
// API, replies and notices leaving through the SMS outbox to a local fake of Twilio's Messages
// API, and LibreTranslate played by a local fake speaking its HTTP shapes.
import type { App } from '../../index';
import { startTestApp } from '../helpers/app';
import { SmsTestClient, TEST_TWILIO } from '../helpers/sms';
import { FakeTwilioApi, startFakeTwilioApi } from '../fakes/twilioApi';
import { startFakeLibreTranslate } from '../fakes/translators/libreTranslate';
import type { FakeServer } from '../fakes/translators/httpFake';
import { PHRASES, TestLanguage } from '../fakes/translators/phrasebook';
import { DEFAULT_INTERPRETER_NOTICES } from '../../services/translation';
import { driveComplaintIntake, eventually, PUBLIC_BASE_URL, scriptShare, separateReplies, staffAction, staffGetCase, STAFF_TOKEN } from './multilingualSupport';

/** Long texts leave as several SMS cut at spaces: compare without white space. */
const squash = (text: string) => text.replace(/\s+/g, '');

let phoneCounter = 0;
const nextPhone = () => `+4477009${String(Date.now() % 10000).padStart(4, '0')}${String(++phoneCounter).padStart(2, '0')}`;

/** One tenant text: the bot's answers, whether in the TwiML reply or sent afterwards via the outbox. */
function smsTurn(sms: SmsTestClient, twilio: FakeTwilioApi, lang: TestLanguage): (text: string) => Promise<string[]> {
  return async (text) => {
    const before = twilio.sent.length;
    const result = await sms.text(text);
    if (result.status !== 200) throw new Error(`webhook answered ${result.status}: ${result.body}`);
    if (result.messages.length) return separateReplies(result.messages, lang, ' ');
    const sent = await eventually(async () => {
      const bodies = twilio.sent.slice(before).filter((m) => m.to === sms.from).map((m) => m.body);
      return bodies.length ? bodies : undefined;
    }, 'an outbox reply');
    return separateReplies(sent, lang, ' ');
  };
}

function twilioEnv(twilio: FakeTwilioApi): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
    TWILIO_FROM_NUMBER: TEST_TWILIO.fromNumber,
    TWILIO_API_BASE_URL: twilio.url,
    PUBLIC_BASE_URL,
    STAFF_API_TOKENS: STAFF_TOKEN,
  };
}

describe('multilingual SMS, end to end, with machine translation', () => {
  let app: App;
  let twilio: FakeTwilioApi;
  let translator: FakeServer;

  beforeAll(async () => {
    twilio = await startFakeTwilioApi(TEST_TWILIO);
    translator = await startFakeLibreTranslate({ key: 'e2e-libre-key' });
    app = await startTestApp({
      ...twilioEnv(twilio),
      TRANSLATOR_PROVIDER: 'libretranslate',
      TRANSLATOR_ENDPOINT: translator.url,
      TRANSLATOR_KEY: 'e2e-libre-key',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await translator?.stop();
    await twilio?.close();
  });

  const cases: [TestLanguage, 'boilerComplaint' | 'leakComplaint'][] = [
    ['ar', 'leakComplaint'],
    ['bn', 'boilerComplaint'],
    ['ro', 'boilerComplaint'],
    ['pl', 'boilerComplaint'],
  ];

  it.each(cases)('a tenant texting in %s is answered in it, staff see the original and a translation, and the stage response reaches the tenant in it', async (lang, phrase) => {
    const phone = nextPhone();
    const sms = new SmsTestClient(app.url, PUBLIC_BASE_URL, phone);
    const intake = await driveComplaintIntake(smsTurn(sms, twilio, lang), lang, PHRASES[phrase][lang]);

    expect(intake.keys.filter((k) => k === undefined)).toEqual([]);
    for (const reply of intake.replies) expect(scriptShare(reply, lang)).toBeGreaterThan(0.5);

    const stored = await staffGetCase(app.url, intake.reference);
    expect(stored).toMatchObject({ language: lang, channel: 'sms', originalText: PHRASES[phrase][lang] });
    expect(stored.originalView).toMatchObject({
      original: PHRASES[phrase][lang],
      translation: { text: PHRASES[phrase].en, provider: 'LibreTranslate' },
    });

    await staffAction(app.url, intake.reference, { action: 'acknowledge' });
    await new Promise((r) => setTimeout(r, 300));
    const since = twilio.sent.length;
    const responded = await staffAction(app.url, intake.reference, { action: 'respond', decision: 'upheld', reasons: PHRASES.stageResponse.en });
    expect(responded.tenantNotified).toBe(true);
    const notice = await eventually(async () => {
      const joined = squash(twilio.sent.slice(since).filter((m) => m.to === phone).map((m) => m.body).join(''));
      return joined.includes(squash(PHRASES.stageResponse[lang])) ? joined : undefined;
    }, `the ${lang} stage response by SMS`);
    expect(notice).not.toContain(squash(PHRASES.stageResponse.en));
    expect(responded.case.responses.at(-1)?.reasons).toBe(PHRASES.stageResponse.en);
  });

  it('a Somali tenant is answered in Somali; LibreTranslate has no Somali, so staff see the original marked and the tenant gets the English with the interpreter text in Somali', async () => {
    const phone = nextPhone();
    const sms = new SmsTestClient(app.url, PUBLIC_BASE_URL, phone);
    const intake = await driveComplaintIntake(smsTurn(sms, twilio, 'so'), 'so', PHRASES.boilerComplaint.so);
    expect(intake.keys.filter((k) => k === undefined)).toEqual([]);
    const stored = await staffGetCase(app.url, intake.reference);
    expect(stored).toMatchObject({ language: 'so', channel: 'sms', originalText: PHRASES.boilerComplaint.so });
    expect(stored.originalView).toEqual({
      original: PHRASES.boilerComplaint.so,
      language: 'so',
      note: 'Machine translation could not handle this language or text — original shown',
      fallbackReason: 'rejected',
    });

    await staffAction(app.url, intake.reference, { action: 'acknowledge' });
    await new Promise((r) => setTimeout(r, 300));
    const since = twilio.sent.length;
    await staffAction(app.url, intake.reference, { action: 'respond', decision: 'upheld', reasons: PHRASES.stageResponse.en });
    const notice = await eventually(async () => {
      const joined = squash(twilio.sent.slice(since).filter((m) => m.to === phone).map((m) => m.body).join(''));
      return joined.includes(squash(DEFAULT_INTERPRETER_NOTICES.so)) ? joined : undefined;
    }, 'the stage response with the Somali interpreter text by SMS');
    expect(notice).toContain(squash(PHRASES.stageResponse.en));
  });

  it('a tenant who names a language without prompts (Turkish) is asked in English, and the stage response is translated into Turkish', async () => {
    const phone = nextPhone();
    const sms = new SmsTestClient(app.url, PUBLIC_BASE_URL, phone);
    const turn = smsTurn(sms, twilio, 'en');
    const told = (await turn('Turkish')).join('\n');
    expect(told).toContain("Sorry, I can't write in Turkish yet, so my questions will be in English.");
    expect(squash(told)).toContain(squash(DEFAULT_INTERPRETER_NOTICES.tr));
    const intake = await driveComplaintIntake(turn, 'en', PHRASES.boilerComplaint.en);
    expect(intake.keys.filter((k) => k === undefined)).toEqual([]);
    expect(await staffGetCase(app.url, intake.reference)).toMatchObject({ language: 'tr', channel: 'sms' });

    await staffAction(app.url, intake.reference, { action: 'acknowledge' });
    await new Promise((r) => setTimeout(r, 300));
    const since = twilio.sent.length;
    await staffAction(app.url, intake.reference, { action: 'respond', decision: 'upheld', reasons: PHRASES.stageResponse.en });
    // The fake marks text it has no phrase for with the target language: the notice went through it into Turkish.
    const notice = await eventually(async () => {
      const joined = twilio.sent.slice(since).filter((m) => m.to === phone).map((m) => m.body).join(' ');
      return joined.includes(intake.reference) && joined.includes('→tr]') ? joined : undefined;
    }, 'the stage response translated into Turkish by SMS');
    expect(squash(notice)).toContain(squash(PHRASES.stageResponse.en));
  });
});

describe('multilingual SMS, end to end, with no machine translation configured', () => {
  let app: App;
  let twilio: FakeTwilioApi;
  beforeAll(async () => {
    twilio = await startFakeTwilioApi(TEST_TWILIO);
    app = await startTestApp({ ...twilioEnv(twilio), TRANSLATOR_PROVIDER: 'none' });
  });
  afterAll(async () => {
    await app?.stop();
    await twilio?.close();
  });

  it('tells staff plainly, shows the Urdu original, and texts the tenant the English with how to get an interpreter in Urdu', async () => {
    const phone = nextPhone();
    const sms = new SmsTestClient(app.url, PUBLIC_BASE_URL, phone);
    const intake = await driveComplaintIntake(smsTurn(sms, twilio, 'ur'), 'ur', PHRASES.boilerComplaint.ur);
    const stored = await staffGetCase(app.url, intake.reference);
    expect(stored.originalView).toEqual({
      original: PHRASES.boilerComplaint.ur,
      language: 'ur',
      note: 'No machine translation configured — original shown',
      fallbackReason: 'no_provider',
    });
    await staffAction(app.url, intake.reference, { action: 'acknowledge' });
    await new Promise((r) => setTimeout(r, 300));
    const since = twilio.sent.length;
    await staffAction(app.url, intake.reference, { action: 'respond', decision: 'upheld', reasons: PHRASES.stageResponse.en });
    const notice = await eventually(async () => {
      const joined = squash(twilio.sent.slice(since).filter((m) => m.to === phone).map((m) => m.body).join(''));
      return joined.includes(squash(DEFAULT_INTERPRETER_NOTICES.ur)) ? joined : undefined;
    }, 'the stage response with the interpreter text by SMS');
    expect(notice).toContain(squash(PHRASES.stageResponse.en));
  });
});
