// Right-to-left languages in real headless Chromium, through the whole stack: the official Web
// Chat page served by the app, the real tenant bot and dialogs, and the staff tab showing what
// the tenant wrote. Azure AI Translator is played by a local fake speaking its HTTP shapes.
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../index';
import { startTestApp } from '../helpers/app';
import { launchChromium, testOutputPath } from '../helpers/browser';
import { startFakeAzureTranslator } from '../fakes/translators/azureTranslator';
import type { FakeServer } from '../fakes/translators/httpFake';
import { PHRASES } from '../fakes/translators/phrasebook';
import { driveComplaintIntake, promptKey, STAFF_TOKEN } from './multilingualSupport';

const AZURE_KEY = 'e2e-azure-key';

/** The bot's message bubbles as shown (not the screen-reader copies). */
function botBubbles(page: Page): Promise<string[]> {
  return page.$$eval('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content', (nodes) =>
    nodes.map((n) => (n as HTMLElement).innerText.trim()),
  );
}

/** One tenant turn typed into Web Chat: the new bot bubbles once they stop arriving. */
function browserTurn(page: Page): (text: string) => Promise<string[]> {
  return async (text) => {
    const before = (await botBubbles(page)).length;
    const box = page.getByRole('textbox').last();
    await box.fill(text);
    await box.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > n, before, { timeout: 20000 });
    let seen = -1;
    let bubbles = await botBubbles(page);
    while (bubbles.length !== seen) {
      seen = bubbles.length;
      await page.waitForTimeout(300);
      bubbles = await botBubbles(page);
    }
    return bubbles.slice(before);
  };
}

/** Opens the chat page and waits for the welcome, so later bubbles belong to the tenant's turns. */
async function openChatPage(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByRole('textbox').last().waitFor({ timeout: 20000 });
  await page.waitForSelector('.webchat__bubble:not(.webchat__bubble--from-user)', { timeout: 20000 });
}

/** Direction facts of the page, the Web Chat transcript and the last bot bubble. */
function directions(page: Page): Promise<{ html: string; transcript: string | null; bubble: string }> {
  return page.evaluate(() => {
    const bubbles = document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
    const last = bubbles[bubbles.length - 1];
    return {
      html: document.documentElement.dir,
      transcript: document.querySelector('.webchat__basic-transcript')?.getAttribute('dir') ?? null,
      bubble: last ? getComputedStyle(last).direction : 'none',
    };
  });
}

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
      await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > n, before, { timeout: 20000 });
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
