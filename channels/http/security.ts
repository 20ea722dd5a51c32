// Security defaults for every HTTP response: headers, CORS (closed unless configured) and the
// error answer. Kept apart from server.ts so the policy can be read (and tested) in one place.
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../services/logging/logger';

/** Where the staff tab may be framed: Microsoft Teams (web, desktop, new Teams) and Outlook/M365 hosts. */
export const TEAMS_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
];

/** Paths that Teams embeds as a tab. */
const TEAMS_TAB_PATH = /^\/staff(\/|$|\?)/;

/**
 * The page policy. Scripts only from the app itself (Web Chat's bundle and our page scripts are
 * served from /assets); Web Chat injects its styles at run time, hence 'unsafe-inline' for styles
 * only; images and media may be blob:/data: for attachment previews; the Direct Line WebSocket is
 * same-origin ('self' covers ws/wss of the same host).
 */
export function contentSecurityPolicy(path: string): string {
  const frameAncestors = TEAMS_TAB_PATH.test(path) ? TEAMS_FRAME_ANCESTORS.join(' ') : "'none'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export function setSecurityHeaders(req: Request, res: Response): void {
  const path = req.url ?? '/';
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(path));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // X-Frame-Options cannot name Teams; browsers that know frame-ancestors ignore it anyway.
  if (!TEAMS_TAB_PATH.test(path)) res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

/**
 * CORS is closed unless CORS_ORIGINS lists origins: then only those get
 * Access-Control-Allow-Origin, and their preflights are answered here (204).
 * Returns true when the request was a preflight that has been answered.
 */
export function applyCors(req: Request, res: Response, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (allowedOrigins.length === 0 || typeof origin !== 'string') return false;
  res.setHeader('Vary', 'Origin');
  if (!allowedOrigins.includes(origin.replace(/\/$/, ''))) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  if (req.method !== 'OPTIONS' || !req.headers['access-control-request-method']) return false;
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  res.setHeader('Access-Control-Max-Age', '600');
  res.writeHead(204);
  res.end();
  return true;
}

/** Errors that mean "the database is unreachable right now", not "our code is wrong". */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const name = (err as { name?: unknown }).name;
  const message = String((err as { message?: unknown }).message ?? '');
  return (
    (typeof name === 'string' &&
      /^(MongoNetworkError|MongoNetworkTimeoutError|MongoServerSelectionError|MongoNotConnectedError|MongoTopologyClosedError|MongoPoolClearedError|MongooseServerSelectionError)$/.test(name)) ||
    /Client must be connected|connection .* closed|Cannot call `.*` before initial connection|buffering timed out/i.test(message)
  );
}

/** botbuilder's CloudAdapter throws on a body that is not an activity (no type, not an object): the client's fault. */
export function isInvalidActivity(err: unknown): boolean {
  return err instanceof Error && /^validateAndFixActivity\(\)/.test(err.message);
}

/**
 * The last word on a failed request. Known HTTP errors (restify-errors: 400 bad JSON, 404, 405,
 * 413 too large, ...) keep their status and reason. A database outage is 503 with Retry-After, so
 * Twilio and Web Chat try again. Anything else is a bug: logged with its stack, answered 500
 * without any detail.
 */
export function installErrorHandler(server: Server, logger: Logger): void {
  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number; body?: unknown }, callback: () => void) => {
    const path = safePath(req);
    if (typeof err.statusCode === 'number' && err.statusCode < 500) {
      logger.warn({ method: req.method, path, status: err.statusCode, reason: err.message }, 'request refused');
      return callback();
    }
    if (res.headersSent) {
      logger.error({ err, method: req.method, path }, 'error after the response was sent');
      return callback();
    }
    if (isInvalidActivity(err)) {
      logger.warn({ method: req.method, path, reason: err.message }, 'invalid Bot Framework activity refused');
      res.send(400, { code: 'InvalidContent', message: `not a valid Bot Framework activity: ${String(err.message).replace(/^validateAndFixActivity\(\):\s*/, '')}` });
      return callback();
    }
    if (isDatabaseUnavailable(err)) {
      logger.warn({ method: req.method, path, reason: err.name }, 'database unavailable: request refused with 503');
      res.setHeader('Retry-After', '5');
      res.send(503, { code: 'ServiceUnavailable', message: 'temporarily unavailable, please retry' });
      return callback();
    }
    logger.error({ err, method: req.method, path }, 'unhandled error in request');
    res.send(500, { code: 'Internal', message: 'internal error' });
    return callback();
  });
}

function safePath(req: Request): string {
  try {
    return req.path();
  } catch {
    return '[unparseable]';
  }
}

/**
 * One info line per request for operations (method, path without the query string, status,
 * duration). Query strings are left out: staff searches carry phone numbers there.
 */
export function installAccessLog(server: Server, logger: Logger): void {
  server.on('after', (req: Request, res: Response) => {
    const started = (req as Request & { _date?: Date })._date;
    logger.info(
      { method: req.method, path: safePath(req), status: res.statusCode, ms: started ? Date.now() - started.getTime() : undefined },
      'request',
    );
  });
}
