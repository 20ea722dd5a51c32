// The staff tab (GET /staff) in real headless Chromium, outside Teams: token entry, the case list
// with filters, a case's timeline and the tenant's own words (right-to-left rendered), the report.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../helpers/browser';
import { API_TOKEN, startStaffHarness, StaffHarness } from './staffHarness';
import type { CaseRecord } from '../../../services/cases/types';

describe('staff tab in headless Chromium', () => {
  let h: StaffHarness;
  let browser: Browser;
  let page: Page;
  let arabic: CaseRecord;
  let english: CaseRecord;
  const pageErrors: string[] = [];

  async function open(phone: string, language: string, text: string, channel: 'sms' | 'webchat'): Promise<CaseRecord> {
    const contact = await h.contacts.findOrCreateByIdentity({ channel: 'sms', id: phone }, { phone, preferredLanguage: language });
    return h.cases.open(
      { contactId: contact.id, stage: 'stage1', channel, address: { channel: 'sms', id: phone }, language, summary: `Summary ${language}`, originalText: text },
      { kind: 'tenant', id: contact.id, channel: 'sms' },
    );
  }

  beforeAll(async () => {
    h = await startStaffHarness();
    arabic = await open('+447700900777', 'ar', 'السخان معطل منذ ثلاثة أسابيع ولم يأت أحد', 'sms');
    english = await open('+447700900778', 'en', 'Nobody came about the leak', 'webchat');
    await h.cases.acknowledge(arabic.reference, { kind: 'staff', id: 'aad-handler-1', name: 'Hana Handler', channel: 'teams' });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await h.stop();
  });

  it('asks for a staff token, then lists cases', async () => {
    await page.goto(`${h.url}/staff`);
    await page.waitForSelector('#login:not([hidden])');
    await page.fill('#token', API_TOKEN);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector(`tr[data-reference="${arabic.reference}"]`);
    expect(await page.locator(`tr[data-reference="${english.reference}"]`).count()).toBe(1);
    expect(await page.textContent('#host')).toBe('Browser');
    expect(pageErrors).toEqual([]);
  });

  it('filters the list by channel and language', async () => {
    await page.selectOption('#filters select[name=channel]', 'webchat');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction((ref) => !document.querySelector(`tr[data-reference="${ref}"]`), arabic.reference);
    expect(await page.locator(`tr[data-reference="${english.reference}"]`).count()).toBe(1);
    await page.selectOption('#filters select[name=channel]', '');
    await page.fill('#filters input[name=language]', 'ar');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction((ref) => !document.querySelector(`tr[data-reference="${ref}"]`), english.reference);
    expect(await page.locator(`tr[data-reference="${arabic.reference}"]`).count()).toBe(1);
  });

  it('opens a case with its timeline and the tenant words rendered right to left', async () => {
    await page.click(`tr[data-reference="${arabic.reference}"] button.open-case`);
    await page.waitForSelector('#case-detail:not([hidden])');
    expect(await page.textContent('#detail-title')).toContain(arabic.reference);
    expect(await page.textContent('#detail-original')).toBe('السخان معطل منذ ثلاثة أسابيع ولم يأت أحد');
    const direction = await page.$eval('#detail-original', (el) => getComputedStyle(el).direction);
    expect(direction).toBe('rtl');
    const timeline = await page.locator('#timeline li').allTextContents();
    expect(timeline.some((t) => /Hana Handler via teams/.test(t))).toBe(true);
    expect(timeline.length).toBeGreaterThanOrEqual(2);
  });

  it('shows the monthly report with the TSM measures', async () => {
    await page.click('#tab-report');
    await page.fill('#report-form input[name=month]', arabic.receivedAt.toISOString().slice(0, 7));
    await page.click('#report-form button[type=submit]');
    await page.waitForSelector('#report table');
    const text = await page.textContent('#report');
    expect(text).toContain('CH01 Stage 1 per 1,000 homes');
    expect(text).toContain('CH02 Stage 1 % within Code timescales');
    expect(pageErrors).toEqual([]);
  });

  it('downloads the monthly report as CSV', async () => {
    const month = arabic.receivedAt.toISOString().slice(0, 7);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    expect(download.suggestedFilename()).toBe(`complaints-${month}.csv`);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('section,measure,value');
    expect(csv).toMatch(/received by channel,sms,\d+/);
  });

  it('loads the Teams JS SDK from the app (no CDN) when framed as a tab', async () => {
    const host = await browser.newPage();
    await host.goto(`${h.url}/healthz`);
    await host.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.appendChild(frame);
    }, `${h.url}/staff`);
    const frame = await (await host.waitForSelector('iframe')).contentFrame();
    await frame!.waitForFunction(() => typeof (window as unknown as { microsoftTeams?: { app?: unknown } }).microsoftTeams?.app === 'object');
    const scripts = await frame!.$$eval('script', (els) => els.map((e) => (e as HTMLScriptElement).src));
    expect(scripts.every((src) => src.startsWith(h.url))).toBe(true);
    expect(scripts.some((src) => src.endsWith('/staff/assets/teams-js.js'))).toBe(true);
    await host.close();
  });

  it('goes back to the token form when the token is refused', async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${h.url}/staff`);
    await fresh.fill('#token', 'wrong-token');
    await fresh.click('#login-form button[type=submit]');
    await fresh.waitForSelector('#login:not([hidden])');
    expect(await fresh.textContent('#error')).toMatch(/not accepted/);
    await fresh.close();
  });
});
