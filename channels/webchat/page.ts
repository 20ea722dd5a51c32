// GET / : the tenant's webchat page, and the files it needs, all served by the app (no CDN).
// The page's own words (intro, privacy notice, labels) come from the prompt catalogs
// (locales/<lang>/tenant.json, `page.*`): rendered on the server in the language asked for
// (?lang=, else the browser's Accept-Language), and all of them sent along so the picker can
// switch the page without a reload.
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import { contentSecurityPolicy } from '../http/security';
import { createCatalogs } from '../../dialogs/i18n';
import { ltrIsolate } from '../../dialogs/format';

// The same marks the tenant bot puts round phone numbers in webchat replies.
export { ltrIsolate };

export interface PageLanguage {
  code: string;
  nativeName: string;
  /** BCP 47 tag given to Web Chat: its UI strings, and the `locale` of every activity the bot gets. */
  webChatLocale: string;
  rtl: boolean;
}

/** Languages offered in the picker; the bot's prompt catalogs cover these (locales/). */
export const PAGE_LANGUAGES: PageLanguage[] = [
  { code: 'en', nativeName: 'English', webChatLocale: 'en-GB', rtl: false },
  { code: 'cy', nativeName: 'Cymraeg', webChatLocale: 'cy-GB', rtl: false },
  { code: 'pl', nativeName: 'Polski', webChatLocale: 'pl-PL', rtl: false },
  { code: 'ro', nativeName: 'Română', webChatLocale: 'ro-RO', rtl: false },
  { code: 'ar', nativeName: 'العربية', webChatLocale: 'ar-SA', rtl: true },
  { code: 'ur', nativeName: 'اردو', webChatLocale: 'ur-PK', rtl: true },
  { code: 'bn', nativeName: 'বাংলা', webChatLocale: 'bn-BD', rtl: false },
  { code: 'pa', nativeName: 'ਪੰਜਾਬੀ', webChatLocale: 'pa-IN', rtl: false },
  { code: 'so', nativeName: 'Soomaali', webChatLocale: 'so-SO', rtl: false },
  { code: 'es', nativeName: 'Español', webChatLocale: 'es-ES', rtl: false },
  { code: 'fr', nativeName: 'Français', webChatLocale: 'fr-FR', rtl: false },
  { code: 'pt', nativeName: 'Português', webChatLocale: 'pt-PT', rtl: false },
  { code: 'lt', nativeName: 'Lietuvių', webChatLocale: 'lt-LT', rtl: false },
];

/** The page's own words: catalog keys `page.<key>` in every language. */
export const PAGE_TEXT_KEYS = [
  'title',
  'heading',
  'skip',
  'languageLabel',
  'languageHelp',
  'largerText',
  'chatLabel',
  'intro',
  'privacyTitle',
  'privacy',
  'emergency',
  'tooMany',
  'unavailable',
  'languageFailed',
] as const;
export type PageTextKey = (typeof PAGE_TEXT_KEYS)[number];
export type PageText = Record<PageTextKey, string>;

/**
 * The numbers in the privacy notice's emergency line: the same ones the tenant bot's urgent
 * prompt gives (bots/tenantBot.ts `EMERGENCY`; a test keeps them equal).
 */
export const PAGE_EMERGENCY = { danger: '999', gas: '0800 111 999' } as const;

export interface PageOptions {
  server: Server;
  projectRoot: string;
  landlordName: string;
  languages?: PageLanguage[];
  emergency?: { danger: string; gas: string };
}

/** The page's words in `lang` (English for a language without a catalog). */
export function pageText(lang: string, landlord: string, emergency: { danger: string; gas: string } = PAGE_EMERGENCY, localesDir?: string): PageText {
  const catalogs = createCatalogs(localesDir);
  return textFor(catalogs.t, lang, landlord, emergency);
}

function textFor(t: (lang: string, key: string, vars: Record<string, string>) => string, lang: string, landlord: string, emergency: { danger: string; gas: string }): PageText {
  // Phone numbers kept left to right as one piece: in Arabic or Urdu text the digit groups of
  // "0800 111 999" would otherwise be laid out right to left ("999 111 0800").
  const numbers = { danger: ltrIsolate(emergency.danger), gas: ltrIsolate(emergency.gas) };
  const text = {} as PageText;
  for (const key of PAGE_TEXT_KEYS) text[key] = t(lang, `page.${key}`, { landlord, ...numbers });
  return text;
}


/**
 * The picker language for a request: `?lang=` (a code or tag: pl, pl-PL) when we offer it, else
 * the first offered language in Accept-Language by weight, else the first language (English).
 */
export function chooseLanguage(languages: readonly PageLanguage[], wanted: string | undefined, acceptLanguage: string | undefined): PageLanguage {
  const find = (tag: string) => {
    const code = tag.trim().toLowerCase().split('-')[0];
    return languages.find((l) => l.code === code);
  };
  const asked = wanted ? find(wanted) : undefined;
  if (asked) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const entry of ranked) {
    const found = find(entry.tag);
    if (found) return found;
  }
  return languages[0];
}

export function registerWebchatPage(opts: PageOptions): void {
  const staticDir = path.join(opts.projectRoot, 'web', 'static', 'webchat');
  const bundle = path.join(opts.projectRoot, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js');
  const languages = opts.languages ?? PAGE_LANGUAGES;
  const emergency = opts.emergency ?? PAGE_EMERGENCY;
  const catalogs = createCatalogs(path.join(opts.projectRoot, 'locales'));
  const texts = new Map(languages.map((l) => [l.code, textFor(catalogs.t, l.code, opts.landlordName, emergency)]));
  const config = { landlordName: opts.landlordName, languages: languages.map((l) => ({ ...l, text: texts.get(l.code) })) };
  const configJson = JSON.stringify(config).replace(/</g, '\\u003c');
  // Read once and rendered once per language: these are release files, identical on every
  // instance. The configuration goes in last, so nothing in it is taken for a placeholder.
  const template = fs.readFileSync(path.join(staticDir, 'index.html'), 'utf8');
  const pages = new Map(
    languages.map((l) => {
      const text = texts.get(l.code) as PageText;
      const html = template
        .replace('{{LANG}}', l.code)
        .replace('{{DIR}}', l.rtl ? 'rtl' : 'ltr')
        .replace(/\{\{T\.(\w+)\}\}/g, (_m, key: string) => escapeHtml(text[key as PageTextKey] ?? ''))
        .replaceAll('{{LANDLORD_NAME}}', () => escapeHtml(opts.landlordName))
        .replace('{{CONFIG_JSON}}', () => configJson);
      return [l.code, html];
    }),
  );
  const assets: Record<string, { file: string; type: string }> = {
    'webchat.js': { file: bundle, type: 'application/javascript; charset=utf-8' },
    'webchat-page.js': { file: path.join(staticDir, 'webchat-page.js'), type: 'application/javascript; charset=utf-8' },
    'webchat-page.css': { file: path.join(staticDir, 'webchat-page.css'), type: 'text/css; charset=utf-8' },
  };
  const cache = new Map<string, Buffer>();

  // The app-wide policy, plus what Web Chat's file upload needs: it reads the chosen file back
  // through a blob: URL (connect-src) and makes image thumbnails in a blob: worker.
  const pagePolicy = `${contentSecurityPolicy('/').replace("connect-src 'self'", "connect-src 'self' blob:")}; worker-src 'self' blob:`;

  opts.server.get('/', (req, res, next) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const wanted = typeof query.lang === 'string' ? query.lang.slice(0, 35) : undefined;
    const accept = req.headers['accept-language'];
    const lang = chooseLanguage(languages, wanted, typeof accept === 'string' ? accept.slice(0, 500) : undefined);
    res.setHeader('Content-Security-Policy', pagePolicy);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Language', lang.code);
    res.setHeader('Vary', 'Accept-Language');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendRaw(200, pages.get(lang.code) as string);
    return next();
  });
  opts.server.get('/favicon.ico', (_req, res, next) => {
    res.send(204);
    return next();
  });

  opts.server.get('/assets/:name', (req, res, next) => {
    const asset = assets[String(req.params.name)];
    if (!asset) {
      res.send(404, { error: 'not found' });
      return next();
    }
    let body = cache.get(asset.file);
    if (!body) {
      body = fs.readFileSync(asset.file);
      cache.set(asset.file, body);
    }
    res.setHeader('Content-Type', asset.type);
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.sendRaw(200, body);
    return next();
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
