// Indic scripts in real headless Chromium, through the whole stack: a Punjabi (Gurmukhi) tenant
// picks their language on the official Web Chat page, makes a Stage 1 complaint in Punjabi,
// staff see the original and a machine translation, and the staff answer reaches the page in
// Punjabi. A Bengali browser gets the Bengali page and greeting. Azure AI Translator is played
// by a local fake speaking its HTTP shapes.
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../index';
import { startTestApp } from '../helpers/app';
import { launchChromium, testOutputPath } from '../helpers/browser';
import { startFakeAzureTranslator } from '../fakes/translators/azureTranslator';
import type { FakeServer } from '../fakes/translators/httpFake';
import { PHRASES } from '../fakes/translators/phrasebook';
import { botBubbles, browserTurn, directions, openChatPage } from './multilingualBrowser';
import { driveComplaintIntake, eventually, promptKey, scriptShare, staffAction, staffGetCase, STAFF_TOKEN } from './multilingualSupport';

const AZURE_KEY = 'e2e-azure-key';

/** The page's language facts and the `lang`/`dir` the last bot bubble's text inherits. */
function languageFacts(page: Page): Promise<{ htmlLang: string; bubbleLang: string; bubbleDir: string; pickerText: string }> {
  return page.evaluate(() => {
    const bubbles = document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
    const last = bubbles[bubbles.length - 1] as HTMLElement | undefined;
    const picker = document.getElementById('language') as HTMLSelectElement | null;
    return {
      htmlLang: document.documentElement.lang,
      bubbleLang: last?.closest('[lang]')?.getAttribute('lang') ?? '',
      bubbleDir: last ? getComputedStyle(last).direction : 'none',
      pickerText: picker?.selectedOptions[0]?.textContent ?? '',
    };
  });
}

describe('Indic scripts in the browser, end to end', () => {
  let app: App;
  let translator: FakeServer;
  let browser: Browser;

  beforeAll(async () => {
    translator = await startFakeAzureTranslator({ key: AZURE_KEY });
    app = await startTestApp({ TRANSLATOR_PROVIDER: 'azure', TRANSLATOR_KEY: AZURE_KEY, TRANSLATOR_ENDPOINT: translator.url, STAFF_API_TOKENS: STAFF_TOKEN });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await translator?.stop();
  });

  it('a Punjabi tenant picks ਪੰਜਾਬੀ, is asked every question in Gurmukhi, and reads the staff answer in Punjabi while the English stays on the case', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    try {
      await openChatPage(page, app.url);
      const before = (await botBubbles(page)).length;
      await page.selectOption('#language', 'pa');
      await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > n, before, { timeout: 45000 });
      await page.waitForTimeout(500);
      expect((await botBubbles(page)).slice(before).map((r) => promptKey(r, 'pa'))).toContain('language.switched');

      const intake = await driveComplaintIntake(browserTurn(page), 'pa', PHRASES.boilerComplaint.pa);
      expect(intake.keys.filter((k) => k === undefined)).toEqual([]);
      for (const reply of intake.replies) expect(scriptShare(reply, 'pa')).toBeGreaterThan(0.5);
      const facts = await languageFacts(page);
      expect(facts).toEqual({ htmlLang: 'pa', bubbleLang: 'pa', bubbleDir: 'ltr', pickerText: 'ਪੰਜਾਬੀ' });
      expect((await directions(page)).html).toBe('ltr');

      const stored = await staffGetCase(app.url, intake.reference);
      expect(stored).toMatchObject({ language: 'pa', channel: 'webchat', originalText: PHRASES.boilerComplaint.pa });
      expect(stored.originalView).toMatchObject({
        original: PHRASES.boilerComplaint.pa,
        translation: { text: PHRASES.boilerComplaint.en, provider: 'Azure AI Translator' },
      });

      await staffAction(app.url, intake.reference, { action: 'acknowledge' });
      const responded = await staffAction(app.url, intake.reference, { action: 'respond', decision: 'upheld', reasons: PHRASES.stageResponse.en });
      expect(responded.tenantNotified).toBe(true);
      expect(responded.case.responses.at(-1)?.reasons).toBe(PHRASES.stageResponse.en);
      const shown = await eventually(async () => (await botBubbles(page)).find((b) => b.includes(PHRASES.stageResponse.pa)), 'the Punjabi stage response on the page');
      expect(shown).not.toContain(PHRASES.stageResponse.en);
      await page.screenshot({ path: testOutputPath('e2e-webchat-punjabi.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('a browser set to Bengali gets the Bengali page, and a Bengali complaint is reflected back in Bengali script', async () => {
    const page = await browser.newPage({ locale: 'bn-BD' });
    try {
      await openChatPage(page, app.url);
      const replies = await browserTurn(page)(PHRASES.boilerComplaint.bn);
      expect(replies.map((r) => promptKey(r, 'bn'))).toContain('complaint.reflect');
      for (const reply of replies) expect(scriptShare(reply, 'bn')).toBeGreaterThan(0.5);
      expect(await languageFacts(page)).toEqual({ htmlLang: 'bn', bubbleLang: 'bn', bubbleDir: 'ltr', pickerText: 'বাংলা' });
    } finally {
      await page.close();
    }
  });
});
