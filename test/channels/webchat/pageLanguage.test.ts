// The webchat page in the tenant's language, over plain HTTP: GET / renders its intro, privacy
// notice and labels from the catalogs' `page.*` keys in the language asked for (?lang=, else
// Accept-Language), with lang/dir on the document; the token route keeps the page's locale on the
// conversation so the bot's welcome (a conversationUpdate without a body locale) carries it.
import { ActivityHandler } from 'botbuilder';
import { createHttpServer } from '../../../channels/http/server';
import { chooseLanguage, ltrIsolate, PAGE_EMERGENCY, PAGE_LANGUAGES, pageText, registerWebchatPage } from '../../../channels/webchat/page';
import { EMERGENCY } from '../../../bots/tenantBot';
import { createCatalogs } from '../../../dialogs/i18n';
import { createLogger } from '../../../services/logging/logger';
import { findProjectRoot } from '../../../config';
import { DirectLineTestClient, DlActivity } from '../../helpers/directline';
import { startWebchatHarness, WebchatHarness } from './harness';

/** Greets with the locale the join carried, so the test can see what the bot was told. */
class LocaleBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient.id);
      if (joined) await context.sendActivity(`welcome [${context.activity.locale ?? 'no-locale'}]`);
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo [${context.activity.locale ?? 'no-locale'}]`);
      await next();
    });
  }
}

const LANDLORD = 'Riverside Homes';
const catalogs = createCatalogs();
const text = (lang: string, key: string) => catalogs.t(lang, `page.${key}`, { landlord: LANDLORD, ...PAGE_EMERGENCY });

/** What a screen shows for an HTML fragment: tags dropped, the few entities the page uses decoded. */
function visible(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function element(html: string, id: string): string {
  const match = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  if (!match) throw new Error(`no element #${id} on the page`);
  return visible(match[2]);
}

function documentFacts(html: string): { lang: string; dir: string; title: string } {
  const root = /<html lang="([^"]*)" dir="([^"]*)">/.exec(html);
  const title = /<title>([^<]*)<\/title>/.exec(html);
  return { lang: root?.[1] ?? '', dir: root?.[2] ?? '', title: visible(title?.[1] ?? '') };
}

describe('webchat page in the tenant language (HTTP)', () => {
  let h: WebchatHarness;

  beforeAll(async () => {
    h = await startWebchatHarness(new LocaleBot());
  });
  afterAll(async () => {
    await h?.stop();
  });

  const getPage = async (query = '', acceptLanguage?: string) => {
    const res = await fetch(`${h.url}/${query}`, { headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {} });
    expect(res.status).toBe(200);
    return { res, html: await res.text() };
  };

  it('renders the intro, privacy notice and labels in Polish for a Polish browser, left to right', async () => {
    const { res, html } = await getPage('', 'pl-PL,pl;q=0.9,en;q=0.5');
    expect(documentFacts(html)).toEqual({ lang: 'pl', dir: 'ltr', title: text('pl', 'title') });
    expect(element(html, 'intro')).toBe(text('pl', 'intro'));
    expect(element(html, 'privacy-title')).toBe('Twoja prywatność');
    expect(element(html, 'privacy-text')).toBe(text('pl', 'privacy'));
    expect(element(html, 'privacy-text')).toContain(LANDLORD);
    expect(element(html, 'language-label')).toBe('Język');
    expect(element(html, 'emergency-text')).toContain(EMERGENCY.gas);
    expect(res.headers.get('content-language')).toBe('pl');
    expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
  });

  it('renders Arabic right to left for ?lang=ar, whatever the browser says', async () => {
    const { html } = await getPage('?lang=ar', 'en-GB,en;q=0.9');
    expect(documentFacts(html)).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(element(html, 'intro')).toBe(text('ar', 'intro'));
    expect(element(html, 'privacy-text')).toBe(text('ar', 'privacy'));
    expect(element(html, 'intro')).not.toBe(text('en', 'intro'));
  });

  it('renders Urdu right to left and Welsh left to right from a full tag in ?lang=', async () => {
    expect(documentFacts((await getPage('?lang=ur-PK')).html)).toMatchObject({ lang: 'ur', dir: 'rtl' });
    const welsh = (await getPage('?lang=CY-gb')).html;
    expect(documentFacts(welsh)).toMatchObject({ lang: 'cy', dir: 'ltr' });
    expect(element(welsh, 'intro')).toBe(text('cy', 'intro'));
  });

  it('falls back to the browser language for a ?lang= we do not offer, and to English for neither', async () => {
    expect(documentFacts((await getPage('?lang=xx', 'ro-RO')).html).lang).toBe('ro');
    const english = (await getPage('?lang=tlh', 'de-DE,ja;q=0.8')).html;
    expect(documentFacts(english)).toMatchObject({ lang: 'en', dir: 'ltr' });
    expect(element(english, 'intro')).toBe(text('en', 'intro'));
    expect(documentFacts((await getPage('')).html).lang).toBe('en');
  });

  it('weighs Accept-Language: the highest offered language wins, q=0 is refused', async () => {
    expect(documentFacts((await getPage('', 'de;q=1, so;q=0.4, bn;q=0.7')).html).lang).toBe('bn');
    expect(documentFacts((await getPage('', 'pa;q=0, lt;q=0.2')).html).lang).toBe('lt');
  });

  it('gives every offered language its own intro and privacy notice, with no placeholder left', async () => {
    for (const lang of PAGE_LANGUAGES) {
      const { html } = await getPage(`?lang=${lang.code}`);
      expect({ code: lang.code, ...documentFacts(html) }).toMatchObject({ code: lang.code, lang: lang.code, dir: lang.rtl ? 'rtl' : 'ltr' });
      expect(html).not.toMatch(/\{\{/);
      if (lang.code !== 'en') {
        expect({ code: lang.code, intro: element(html, 'intro') }).not.toEqual({ code: lang.code, intro: text('en', 'intro') });
        expect({ code: lang.code, privacy: element(html, 'privacy-text') }).not.toEqual({ code: lang.code, privacy: text('en', 'privacy') });
      }
    }
  });

  it('sends every language\'s words to the page, so the picker switches them without a reload', async () => {
    const { html } = await getPage('?lang=en');
    const json = /<script id="chat-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null';
    const config = JSON.parse(json) as { languages: { code: string; rtl: boolean; text: Record<string, string> }[] };
    expect(config.languages.map((l) => l.code)).toEqual(PAGE_LANGUAGES.map((l) => l.code));
    const polish = config.languages.find((l) => l.code === 'pl');
    expect(polish?.text).toEqual(pageText('pl', LANDLORD));
    expect(polish?.text.intro).toBe(text('pl', 'intro'));
  });

  it('gives the same emergency numbers as the tenant bot', () => {
    expect(PAGE_EMERGENCY).toEqual({ danger: EMERGENCY.danger, gas: EMERGENCY.gas });
    expect(pageText('so', LANDLORD).emergency).toContain(EMERGENCY.danger);
    // Kept left to right inside right-to-left text, so the digit groups stay in order.
    expect(pageText('ar', LANDLORD).emergency).toContain(ltrIsolate(EMERGENCY.gas));
    expect(pageText('ur', LANDLORD).emergency).toContain(ltrIsolate(EMERGENCY.danger));
  });

  it('keeps the page locale on the conversation, and the welcome carries it when Web Chat starts without a body', async () => {
    const res = await fetch(`${h.url}/api/webchat/token?locale=pl-PL`);
    expect(res.status).toBe(200);
    const issued = (await res.json()) as { token: string; conversationId: string; userId: string };
    const stored = await h.db.models.DirectlineConversation.findById(issued.conversationId).lean();
    expect(stored?.locale).toBe('pl-PL');
    const client = new DirectLineTestClient(h.url, issued);
    const start = await client.request('POST', '/conversations');
    expect(start.status).toBe(200);
    const welcome = await client.botReplies(1);
    expect(welcome.map((a: DlActivity) => a.text)).toEqual(['welcome [pl-PL]']);
    // A message without its own locale is stamped with the conversation's.
    await client.say('dzień dobry');
    expect((await client.botReplies(1)).map((a) => a.text)).toEqual(['echo [pl-PL]']);
  });

  it('starts a conversation without a locale as before (the bot decides)', async () => {
    const client = await DirectLineTestClient.open(h.url);
    expect((await client.botReplies(1)).map((a) => a.text)).toEqual(['welcome [no-locale]']);
  });

  it('refuses a token request whose locale is not a language tag, with the reason, and starts nothing', async () => {
    const before = await h.db.models.DirectlineConversation.countDocuments();
    for (const bad of ['pl_PL', '<script>', 'x'.repeat(40), 'p1']) {
      const res = await fetch(`${h.url}/api/webchat/token?locale=${encodeURIComponent(bad)}`);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
      expect(((await res.json()) as { error: string }).error).toMatch(/locale must be/);
    }
    expect(await h.db.models.DirectlineConversation.countDocuments()).toBe(before);
  });
});

describe('chooseLanguage', () => {
  it('prefers ?lang=, then Accept-Language by weight and order, then the first language', () => {
    expect(chooseLanguage(PAGE_LANGUAGES, 'fr-CA', 'pl').code).toBe('fr');
    expect(chooseLanguage(PAGE_LANGUAGES, undefined, 'es-MX, pt;q=0.9').code).toBe('es');
    expect(chooseLanguage(PAGE_LANGUAGES, undefined, 'ar;q=0.5, ur;q=0.5').code).toBe('ar');
    expect(chooseLanguage(PAGE_LANGUAGES, '', '*').code).toBe('en');
    expect(chooseLanguage(PAGE_LANGUAGES, undefined, 'so;q=abc, cy;q=0.1').code).toBe('cy');
  });
});

describe('webchat page with an awkward landlord name', () => {
  it('escapes the name everywhere on the page and keeps it intact in the configuration', async () => {
    const logger = createLogger('silent');
    const server = createHttpServer({ logger, isReady: async () => true });
    const landlord = `O'Brien & Sons <Homes> {{T.intro}} $&`;
    registerWebchatPage({ server, projectRoot: findProjectRoot(__dirname), landlordName: landlord });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const html = await (await fetch(`http://127.0.0.1:${server.address().port}/?lang=pl`)).text();
      expect(html).not.toContain('<Homes>');
      expect(element(html, 'privacy-text')).toBe(catalogs.t('pl', 'page.privacy', { landlord }));
      expect(element(html, 'title')).toContain(landlord);
      const json = /<script id="chat-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null';
      expect((JSON.parse(json) as { landlordName: string }).landlordName).toBe(landlord);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
