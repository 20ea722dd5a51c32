// The restify server shared by every channel: limits, security headers, health endpoints.
// Channels add their own routes; nothing here knows about bots or cases.
import restify, { Server } from 'restify';
import type { Logger } from '../../services/logging/logger';

export interface HttpServerOptions {
  logger: Logger;
  /** Resolves true when the database answers. */
  isReady: () => Promise<boolean>;
  /** Largest accepted request body, bytes. */
  maxBodyBytes?: number;
}

export function createHttpServer(opts: HttpServerOptions): Server {
  const server = restify.createServer({ name: 'housing-complaints-bot', handleUncaughtExceptions: false });
  const maxBodySize = opts.maxBodyBytes ?? 1024 * 1024;

  server.pre((req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize, rejectUnknown: false }));

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  // restify 12: async handlers take (req, res) only and must not call next().
  server.get('/readyz', async (_req, res) => {
    const ready = await opts.isReady();
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'database unavailable' });
  });

  server.on('restifyError', (req, res, err, callback) => {
    opts.logger.warn({ method: req.method, path: req.path(), status: err.statusCode, reason: err.message }, 'request refused');
    return callback();
  });
  server.on('uncaughtException', (req, res, _route, err) => {
    opts.logger.error({ err, method: req.method, path: req.path() }, 'unhandled error in request');
    if (!res.headersSent) res.send(500, { error: 'internal error' });
  });
  return server;
}
