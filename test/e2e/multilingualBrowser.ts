// Driving the official Web Chat page in headless Chromium for the multilingual end-to-end tests:
// the bot's bubbles as shown, one typed tenant turn, and the page's text direction facts.
import type { Page } from 'playwright-core';

/** The bot's message bubbles as shown (not the screen-reader copies). */
export function botBubbles(page: Page): Promise<string[]> {
  return page.$$eval('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content', (nodes) =>
    nodes.map((n) => (n as HTMLElement).innerText.trim()),
  );
}

/** One tenant turn typed into Web Chat: the new bot bubbles once they stop arriving. */
export function browserTurn(page: Page): (text: string) => Promise<string[]> {
  return async (text) => {
    const before = (await botBubbles(page)).length;
    const box = page.getByRole('textbox').last();
    await box.fill(text);
    await box.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > n, before, { timeout: 45000 });
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
export async function openChatPage(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByRole('textbox').last().waitFor({ timeout: 45000 });
  await page.waitForSelector('.webchat__bubble:not(.webchat__bubble--from-user)', { timeout: 45000 });
}

/** Direction facts of the page, the Web Chat transcript and the last bot bubble. */
export function directions(page: Page): Promise<{ html: string; transcript: string | null; bubble: string }> {
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
