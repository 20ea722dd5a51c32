// Right-to-left languages in real headless Chromium, through the whole stack: the official Web
// Chat page served by the app, the real tenant bot and dialogs, and the staff tab showing what
// the tenant wrote. Azure AI Translator is played by a local fake speaking its HTTP shapes.
import type { Browser } from 'playwright-core';
import type { App } from '../../index';
import { startTestApp } from '../helpers/app';
import { launchChromium, testOutputPath } from '../helpers/browser';
import { startFakeAzureTranslator } from '../fakes/translators/azureTranslator';
import type { FakeServer } from '../fakes/translators/httpFake';
import { PHRASES } from '../fakes/translators/phrasebook';
import { botBubbles, browserTurn, directions, openChatPage } from './multilingualBrowser';
import { driveComplaintIntake, promptKey, STAFF_TOKEN } from './multilingualSupport';

const AZURE_KEY = 'e2e-azure-key';

describe('right-to-left languages in the browser, end to end', () => {
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

  it('renders an Arabic conversation right to left in Web Chat when the browser is set to Arabic', async () => {
    const page = await browser.newPage({ locale: 'ar-SA' });
    try {
      await openChatPage(page, app.url);
      const replies = await browserTurn(page)(PHRASES.boilerComplaint.ar);
      expect(replies.map((r) => promptKey(r, 'ar'))).toContain('complaint.reflect');
      expect(await directions(page)).toEqual({ html: 'rtl', transcript: 'rtl', bubble: 'rtl' });
      await page.screenshot({ path: testOutputPath('e2e-webchat-arabic-rtl.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('renders an Urdu conversation right to left, and staff see the Urdu original with dir=auto beside the translation', async () => {
    const page = await browser.newPage({ locale: 'ur-PK' });
    try {
      await openChatPage(page, app.url);
      const intake = await driveComplaintIntake(browserTurn(page), 'ur', PHRASES.leakComplaint.ur);
      expect(intake.keys.filter((k) => k === undefined)).toEqual([]);
      expect(await directions(page)).toEqual({ html: 'rtl', transcript: 'rtl', bubble: 'rtl' });

      const staff = await browser.newPage({ locale: 'en-GB' });
      try {
        await staff.goto(`${app.url}/staff`);
        await staff.waitForSelector('#login:not([hidden])');
        await staff.fill('#token', STAFF_TOKEN);
        await staff.click('#login-form button[type=submit]');
        await staff.click(`tr[data-reference="${intake.reference}"] button.open-case`);
        await staff.waitForFunction((t) => document.getElementById('detail-original')?.textContent === t, PHRASES.leakComplaint.ur);
        const original = await staff.$eval('#detail-original', (e) => ({ dir: e.getAttribute('dir'), direction: getComputedStyle(e).direction }));
        expect(original).toEqual({ dir: 'auto', direction: 'rtl' });
        expect(await staff.textContent('#detail-translation')).toBe(`Machine translation (Azure AI Translator): ${PHRASES.leakComplaint.en}`);
        await staff.screenshot({ path: testOutputPath('e2e-staff-tab-urdu.png'), fullPage: true });
      } finally {
        await staff.close();
      }
    } finally {
      await page.close();
    }
  });

  it('renders an Urdu reply right to left even on an English page (each message takes its own direction)', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    try {
      await openChatPage(page, app.url);
      const replies = await browserTurn(page)(PHRASES.boilerComplaint.ur);
      expect(replies.map((r) => promptKey(r, 'ur'))).toContain('complaint.reflect');
      expect((await directions(page)).html).toBe('ltr');
      // A right-to-left paragraph ends flush right: its last line touches the right edge, not the left.
      const layout = await page.evaluate(() => {
        const all = document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__text-content');
        const outer = all[all.length - 1] as HTMLElement;
        const block = (outer.querySelector('p') as HTMLElement | null) ?? outer;
        const range = document.createRange();
        range.selectNodeContents(block);
        const lines = Array.from(range.getClientRects()).filter((r) => r.width > 0);
        const last = lines[lines.length - 1];
        const box = block.getBoundingClientRect();
        const style = getComputedStyle(block);
        const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
        const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
        return { lines: lines.length, gapRight: Math.round(right - last.right), gapLeft: Math.round(last.left - left) };
      });
      expect(layout.gapRight).toBeLessThanOrEqual(2);
      expect(layout.gapLeft).toBeGreaterThan(2);
      await page.screenshot({ path: testOutputPath('e2e-webchat-urdu-on-english-page.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('turns an English page right to left when the tenant picks Urdu, and the bot carries on in Urdu', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    try {
      await openChatPage(page, app.url);
      expect((await directions(page)).html).toBe('ltr');
      const before = (await botBubbles(page)).length;
      await page.selectOption('#language', 'ur');
      await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > n, before, { timeout: 45000 });
      await page.waitForTimeout(500);
      expect((await botBubbles(page)).slice(before).map((r) => promptKey(r, 'ur'))).toContain('language.switched');
      const replies = await browserTurn(page)(PHRASES.boilerComplaint.ur);
      expect(replies.map((r) => promptKey(r, 'ur'))).toContain('complaint.reflect');
      expect(await directions(page)).toEqual({ html: 'rtl', transcript: 'rtl', bubble: 'rtl' });
    } finally {
      await page.close();
    }
  });
});
