// GET / : the tenant's webchat page, and the files it needs, all served by the app (no CDN).
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import { contentSecurityPolicy } from '../http/security';

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
];

export interface PageOptions {
  server: Server;
  projectRoot: string;
  landlordName: string;
  languages?: PageLanguage[];
}

export function registerWebchatPage(opts: PageOptions): void {
  const staticDir = path.join(opts.projectRoot, 'web', 'static', 'webchat');
  const bundle = path.join(opts.projectRoot, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js');
  const config = { landlordName: opts.landlordName, languages: opts.languages ?? PAGE_LANGUAGES };
  // Read once: these are release files, identical on every instance.
  const html = fs
    .readFileSync(path.join(staticDir, 'index.html'), 'utf8')
    .replaceAll('{{LANDLORD_NAME}}', escapeHtml(opts.landlordName))
    .replace('{{CONFIG_JSON}}', JSON.stringify(config).replace(/</g, '\\u003c'));
  const assets: Record<string, { file: string; type: string }> = {
    'webchat.js': { file: bundle, type: 'application/javascript; charset=utf-8' },
    'webchat-page.js': { file: path.join(staticDir, 'webchat-page.js'), type: 'application/javascript; charset=utf-8' },
    'webchat-page.css': { file: path.join(staticDir, 'webchat-page.css'), type: 'text/css; charset=utf-8' },
  };
  const cache = new Map<string, Buffer>();

  // The app-wide policy, plus what Web Chat's file upload needs: it reads the chosen file back
  // through a blob: URL (connect-src) and makes image thumbnails in a blob: worker.
  const pagePolicy = `${contentSecurityPolicy('/').replace("connect-src 'self'", "connect-src 'self' blob:")}; worker-src 'self' blob:`;

  opts.server.get('/', (_req, res, next) => {
    res.setHeader('Content-Security-Policy', pagePolicy);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendRaw(200, html);
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
