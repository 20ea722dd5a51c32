// The webchat page in the tenant's language, in real headless Chromium against the whole app
// (the real tenant bot and its catalogs): a Polish browser gets the Polish page and a Polish
// welcome; picking Arabic on an English page turns the page's own words Arabic and right to left,
// and a reload comes back Arabic from the server and carries on the same conversation.
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../../index';
import { createCatalogs } from '../../../dialogs/i18n';
import { startTestApp } from '../../helpers/app';
import { launchChromium, testOutputPath } from '../../helpers/browser';
import { botBubbles, openChatPage } from '../../e2e/multilingualBrowser';

const LANDLORD = 'Riverside Homes';
const catalogs = createCatalogs();
const pageWords = (lang: string, key: string) => catalogs.t(lang, `page.${key}`, { landlord: LANDLORD, danger: '999', gas: '0800 111 999' });

/** The page's own words and direction as the tenant sees them. */
function shown(page: Page): Promise<{ lang: string; dir: string; title: string; intro: string; privacy: string; label: string }> {
  return page.evaluate(() => {
    const text = (id: string) => (document.getElementById(id) as HTMLElement).innerText.trim();
    return {
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      title: document.title,
      intro: text('intro'),
      privacy: text('privacy-text'),
      label: text('language-label'),
    };
  });
}

/** The bot's bubbles with Web Chat's typographic apostrophes (its Markdown renderer's) made plain again. */
async function bubbles(page: Page): Promise<string[]> {
  return (await botBubbles(page)).map((b) => b.replace(/\u2019/g, "'"));
}

/**
 * Right-to-left layout faults: the page scrolling sideways, and the gas number's digit groups
 * ("0800 111 999") drawn in reverse order inside the Arabic emergency line.
 */
function layoutFacts(page: Page): Promise<{ sideways: boolean; gasNumberInOrder: boolean }> {
  return page.evaluate(() => {
    const sideways = document.documentElement.scrollWidth > document.documentElement.clientWidth;
    const node = (document.getElementById('emergency-text') as HTMLElement).firstChild as Text;
    const start = node.data.indexOf('0800');
    const last = node.data.indexOf('999', start);
    const x = (offset: number) => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      return range.getBoundingClientRect().left;
    };
    return { sideways, gasNumberInOrder: start >= 0 && last > start && x(start) < x(last) };
  });
}

function savedConversationId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (JSON.parse(sessionStorage.getItem('chat.session') ?? 'null') as { conversationId?: string } | null)?.conversationId);
}

describe('webchat page in the tenant language (headless Chromium, whole app)', () => {
  let app: App;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp({ LANDLORD_NAME: LANDLORD });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('a Polish browser gets the Polish intro and privacy notice, and the bot welcomes in Polish', async () => {
    const page = await browser.newPage({ locale: 'pl-PL' });
    try {
      await openChatPage(page, app.url);
      expect(await shown(page)).toEqual({
        lang: 'pl',
        dir: 'ltr',
        title: pageWords('pl', 'title'),
        intro: pageWords('pl', 'intro'),
        privacy: pageWords('pl', 'privacy'),
        label: 'Język',
      });
      expect((await bubbles(page))[0]).toBe(catalogs.t('pl', 'greeting', { landlord: LANDLORD }));
      const conversationId = await savedConversationId(page);
      const stored = await app.models.DirectlineConversation.findById(conversationId).lean();
      expect(stored?.locale).toBe('pl-PL');
      await page.screenshot({ path: testOutputPath('webchat-page-polish.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('picking Arabic on an English page turns it right to left with the Arabic intro, and a reload stays Arabic in the same conversation', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    try {
      await openChatPage(page, app.url);
      expect(await shown(page)).toMatchObject({ lang: 'en', dir: 'ltr', intro: pageWords('en', 'intro') });
      expect((await bubbles(page))[0]).toBe(catalogs.t('en', 'greeting', { landlord: LANDLORD }));
      const conversationId = await savedConversationId(page);

      const before = (await botBubbles(page)).length;
      await page.selectOption('#language', 'ar');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl', undefined, { timeout: 10000 });
      expect(await shown(page)).toEqual({
        lang: 'ar',
        dir: 'rtl',
        title: pageWords('ar', 'title'),
        intro: pageWords('ar', 'intro'),
        privacy: pageWords('ar', 'privacy'),
        label: 'اللغة',
      });
      expect(new URL(page.url()).searchParams.get('lang')).toBe('ar');
      expect(await layoutFacts(page)).toEqual({ sideways: false, gasNumberInOrder: true });
      // The bot hears the language too and answers in Arabic script.
      await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > n, before, { timeout: 45000 });
      expect((await botBubbles(page)).slice(before).join(' ')).toMatch(/[\u0600-\u06ff]/);
      await page.screenshot({ path: testOutputPath('webchat-page-arabic.png'), fullPage: true });

      const reloaded = await page.reload();
      expect(await reloaded?.text()).toContain('<html lang="ar" dir="rtl">');
      await page.getByRole('textbox').last().waitFor({ timeout: 45000 });
      expect(await shown(page)).toMatchObject({ lang: 'ar', dir: 'rtl', intro: pageWords('ar', 'intro') });
      expect(await savedConversationId(page)).toBe(conversationId);
    } finally {
      await page.close();
    }
  });
});
