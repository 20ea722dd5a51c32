// The emergency line as Web Chat draws it in headless Chromium (whole app, official Web Chat
// page): in an Arabic bubble the gas number "0800 111 999" must read left to right, not as
// "999 111 0800" (what right-to-left text does to digit groups without isolate marks).
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../index';
import { EMERGENCY } from '../../bots/tenantBot';
import { startTestApp } from '../helpers/app';
import { launchChromium, testOutputPath } from '../helpers/browser';
import { browserTurn, openChatPage } from '../e2e/multilingualBrowser';

/** Where the gas number's first and last digit are drawn in the bubble that holds it. */
function gasNumberDrawn(page: Page, gas: string): Promise<{ found: boolean; firstX: number; lastX: number }> {
  return page.evaluate((number) => {
    const bubbles = Array.from(document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content'));
    for (const bubble of bubbles.reverse()) {
      const walker = document.createTreeWalker(bubble, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const start = node.data.indexOf(number);
        if (start < 0) continue;
        const x = (offset: number) => {
          const range = document.createRange();
          range.setStart(node!, offset);
          range.setEnd(node!, offset + 1);
          return range.getBoundingClientRect().left;
        };
        return { found: true, firstX: x(start), lastX: x(start + number.length - 1) };
      }
    }
    return { found: false, firstX: 0, lastX: 0 };
  }, gas);
}

describe('emergency line in an Arabic Web Chat bubble (headless Chromium)', () => {
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('draws 0800 111 999 left to right inside right-to-left text', async () => {
    const page = await browser.newPage({ locale: 'ar-SA' });
    try {
      await openChatPage(page, app.url);
      const replies = await browserTurn(page)('أشم رائحة غاز قوية في المطبخ الآن');
      expect(replies.join('\n')).toMatch(/خط طوارئ الغاز/);
      const drawn = await gasNumberDrawn(page, EMERGENCY.gas);
      await page.screenshot({ path: testOutputPath('webchat-arabic-emergency-number.png'), fullPage: true });
      expect(drawn.found).toBe(true);
      expect(drawn.firstX).toBeLessThan(drawn.lastX);
    } finally {
      await page.close();
    }
  });
});
