// The tenant's whole webchat journey in real headless Chromium: the official Web Chat page served
// by the app, our Direct Line endpoint, the real tenant bot and database. The tenant never says
// "complaint"; the test types into Web Chat, reads the bot's words from the page, and checks the
// case in MongoDB.
import type { Browser, Page } from 'playwright-core';
import type { App } from '../../../index';
import { startTestApp } from '../../helpers/app';
import { launchChromium, testOutputPath } from '../../helpers/browser';
import { CASE_REFERENCE, answerFor, STAGE1_ANSWERS } from '../../helpers/tenantRules';

describe('webchat end to end in headless Chromium', () => {
  let app: App;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({ LANDLORD_NAME: 'Riverside Homes' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** The bot messages Web Chat has rendered, in order (read from the transcript's accessible text). */
  const botMessages = (p: Page) =>
    p.evaluate(() =>
      Array.from(document.querySelectorAll('.webchat__basic-transcript__activity'))
        .filter((el) => el.querySelector('.webchat__stacked-layout--from-user') === null)
        .map((el) => (el.querySelector('.webchat__bubble__content') as HTMLElement | null)?.innerText ?? '')
        .filter(Boolean),
    );

  /** Types like a tenant and waits for the bot's answer to appear on the page. */
  const say = async (p: Page, text: string): Promise<string> => {
    const before = (await botMessages(p)).length;
    const box = p.getByRole('textbox').last();
    await box.fill(text);
    await box.press('Enter');
    await p.waitForFunction(
      (n) => Array.from(document.querySelectorAll('.webchat__basic-transcript__activity')).filter((el) => el.querySelector('.webchat__stacked-layout--from-user') === null).length > n,
      before,
      { timeout: 30000 },
    );
    await p.waitForTimeout(400); // a turn may send two or three messages in a row
    return (await botMessages(p)).slice(before).join('\n');
  };

  it('takes a dissatisfied tenant who never says "complaint" to a Stage 1 reference across a page reload, then shows its status', async () => {
    page = await browser.newPage({ locale: 'en-GB', viewport: { width: 900, height: 1200 } });
    await page.goto(`${app.url}/`);
    await page.waitForFunction(() => document.querySelectorAll('.webchat__basic-transcript__activity').length > 0, undefined, { timeout: 30000 });

    let reply = await say(page, "This is the third time I've reported the leak under my sink and still nobody has come to fix it");
    reply = await say(page, answerFor(STAGE1_ANSWERS, reply));

    // Mid-intake the tenant reloads the page: the same conversation comes back with its transcript.
    const session = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('chat.session') ?? 'null') as { conversationId: string } | null);
    const before = await session();
    const shown = await botMessages(page);
    await page.reload();
    await page.waitForFunction((n) => document.querySelectorAll('.webchat__basic-transcript__activity').length >= n, shown.length + 2, { timeout: 30000 });
    await page.waitForTimeout(500);
    expect(before?.conversationId).toEqual(expect.any(String));
    expect((await session())?.conversationId).toBe(before?.conversationId);
    expect(await botMessages(page)).toEqual(shown);
    expect(await page.locator('.webchat__basic-transcript').innerText()).toContain("nobody has come to fix it");

    let reference: string | undefined;
    for (let turn = 0; turn < 20 && !reference; turn++) {
      reference = CASE_REFERENCE.exec(reply)?.[0];
      if (!reference) reply = await say(page, answerFor(STAGE1_ANSWERS, reply));
    }
    expect(reference).toBeDefined();

    const record = await app.services.cases.get(reference as string);
    // One conversation for the whole journey: the reload resumed it rather than starting again.
    expect(await app.models.DirectlineConversation.countDocuments({})).toBe(1);
    expect(record).toMatchObject({ stage: 'stage1', channel: 'webchat', status: 'open' });
    expect(record?.originalText).toMatch(/nobody has come/);
    expect(record?.deadlines.respondBy).toBeInstanceOf(Date);

    const status = await say(page, 'status');
    expect(status).toContain(reference);
    expect(status).toMatch(/stage 1/i);
    await page.screenshot({ path: testOutputPath('webchat-stage1-status.png'), fullPage: true });
    await page.close();
  });
});
