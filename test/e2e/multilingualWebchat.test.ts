// Tenants writing in Arabic, Urdu, Bengali, Somali, Polish and Welsh over webchat (our Direct Line 3.0
// endpoint, the real tenant bot and dialogs, the real database), staff working the case through
// the staff API, Azure AI Translator played by a local fake speaking its HTTP shapes.
import type { App } from '../../index';
import { startTestApp } from '../helpers/app';
import { DirectLineTestClient, DlActivity } from '../helpers/directline';
import { startFakeAzureTranslator } from '../fakes/translators/azureTranslator';
import type { FakeServer } from '../fakes/translators/httpFake';
import { PHRASES, TestLanguage } from '../fakes/translators/phrasebook';
import { DEFAULT_INTERPRETER_NOTICES } from '../../services/translation';
import { driveComplaintIntake, eventually, scriptShare, staffAction, staffGetCase, STAFF_TOKEN } from './multilingualSupport';

const AZURE_KEY = 'e2e-azure-key';

/** One tenant turn over Direct Line: the bot's message texts for it. */
function webchatTurn(client: DirectLineTestClient): (text: string) => Promise<string[]> {
  return async (text) => {
    await client.say(text);
    const replies: DlActivity[] = await client.botReplies(1, 15000);
    // A turn may send several messages; collect any that follow straight after.
    await new Promise((r) => setTimeout(r, 150));
    replies.push(...(await client.poll()).filter((a) => a.type === 'message' && a.from?.role === 'bot'));
    return replies.map((a) => a.text ?? '');
  };
}

async function openChat(app: App): Promise<DirectLineTestClient> {
  const client = await DirectLineTestClient.open(app.url);
  await new Promise((r) => setTimeout(r, 200));
  await client.poll(); // the English welcome sent when the chat opens
  return client;
}

describe('multilingual webchat, end to end, with machine translation', () => {
  let app: App;
  let translator: FakeServer;

  beforeAll(async () => {
    translator = await startFakeAzureTranslator({ key: AZURE_KEY, region: 'uksouth' });
    app = await startTestApp({
      TRANSLATOR_PROVIDER: 'azure',
      TRANSLATOR_KEY: AZURE_KEY,
      TRANSLATOR_REGION: 'uksouth',
      TRANSLATOR_ENDPOINT: translator.url,
      STAFF_API_TOKENS: STAFF_TOKEN,
    });
  });
  afterAll(async () => {
    await app?.stop();
    await translator?.stop();
  });

  const cases: [TestLanguage, 'boilerComplaint' | 'leakComplaint'][] = [
    ['ar', 'boilerComplaint'],
    ['ur', 'leakComplaint'],
    ['bn', 'boilerComplaint'],
    ['so', 'boilerComplaint'],
    ['pl', 'leakComplaint'],
    ['cy', 'boilerComplaint'],
  ];

  it.each(cases)('a tenant writing in %s is answered in it, staff see the original and a translation, and the stage response reaches the tenant in it', async (lang, phrase) => {
    const client = await openChat(app);
    const intake = await driveComplaintIntake(webchatTurn(client), lang, PHRASES[phrase][lang]);

    // Every prompt came from the tenant's own catalog, and non-Latin ones are in their script.
    expect(intake.keys.filter((k) => k === undefined)).toEqual([]);
    for (const reply of intake.replies) expect(scriptShare(reply, lang)).toBeGreaterThan(0.5);

    // Stored: the tenant's language and words; staff see them with a named machine translation.
    const stored = await staffGetCase(app.url, intake.reference);
    expect(stored).toMatchObject({ language: lang, channel: 'webchat', originalText: PHRASES[phrase][lang] });
    expect(stored.originalView).toMatchObject({
      original: PHRASES[phrase][lang],
      translation: { text: PHRASES[phrase].en, provider: 'Azure AI Translator' },
    });

    // Staff answer in English; the tenant reads it in their language; the English stays on the case.
    await staffAction(app.url, intake.reference, { action: 'acknowledge' });
    await client.poll();
    const responded = await staffAction(app.url, intake.reference, { action: 'respond', decision: 'upheld', reasons: PHRASES.stageResponse.en });
    expect(responded.tenantNotified).toBe(true);
    const notice = await eventually(async () => {
      const texts = (await client.poll()).filter((a) => a.type === 'message' && a.from?.role === 'bot').map((a) => a.text ?? '');
      return texts.find((t) => t.includes(intake.reference));
    }, 'the stage response on the webchat');
    expect(notice).toContain(PHRASES.stageResponse[lang]);
    expect(notice).not.toContain(PHRASES.stageResponse.en);
    expect(responded.case.responses.at(-1)?.reasons).toBe(PHRASES.stageResponse.en);
  });
});

describe('multilingual webchat, end to end, with no machine translation configured', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp({ TRANSLATOR_PROVIDER: 'none', STAFF_API_TOKENS: STAFF_TOKEN });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('tells staff plainly, shows the Arabic original, and gives the tenant the English with how to get an interpreter in Arabic', async () => {
    const client = await openChat(app);
    const intake = await driveComplaintIntake(webchatTurn(client), 'ar', PHRASES.leakComplaint.ar);
    const stored = await staffGetCase(app.url, intake.reference);
    expect(stored.originalView).toEqual({
      original: PHRASES.leakComplaint.ar,
      language: 'ar',
      note: 'No machine translation configured — original shown',
      fallbackReason: 'no_provider',
    });

    await staffAction(app.url, intake.reference, { action: 'acknowledge' });
    await client.poll();
    await staffAction(app.url, intake.reference, { action: 'respond', decision: 'upheld', reasons: PHRASES.stageResponse.en });
    const notice = await eventually(async () => {
      const texts = (await client.poll()).filter((a) => a.type === 'message' && a.from?.role === 'bot').map((a) => a.text ?? '');
      return texts.find((t) => t.includes(intake.reference));
    }, 'the stage response on the webchat');
    expect(notice).toContain(PHRASES.stageResponse.en);
    expect(notice).toContain(DEFAULT_INTERPRETER_NOTICES.ar);
  });
});
