// The restify server shared by every channel: limits, security headers, health endpoints.
// Channels add their own routes; nothing here knows about bots or cases.
import restify, { Server } from 'restify';
import type { Logger } from '../../services/logging/logger';
import { applyCors, installAccessLog, installErrorHandler, setSecurityHeaders } from './security';

export interface HttpServerOptions {
  logger: Logger;
  /** Resolves true when the database answers (channels/http/readiness.ts: gone, not merely slow, is 503). */
  isReady: () => Promise<boolean>;
  /** Largest accepted request body, bytes. */
  maxBodyBytes?: number;
  /** Origins allowed to call the API from a browser (CORS_ORIGINS); empty = CORS closed. */
  corsOrigins?: readonly string[];
}

export function createHttpServer(opts: HttpServerOptions): Server {
  const server = restify.createServer({ name: 'housing-complaints-bot', handleUncaughtExceptions: false });
  const maxBodySize = opts.maxBodyBytes ?? 1024 * 1024;

  server.pre((req, res, next) => {
    setSecurityHeaders(req, res);
    if (applyCors(req, res, opts.corsOrigins ?? [])) return next(false);
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

  installErrorHandler(server, opts.logger);
  installAccessLog(server, opts.logger);
  server.on('uncaughtException', (req, res, _route, err) => {
    opts.logger.error({ err, method: req.method, path: req.path() }, 'unhandled error in request');
    if (!res.headersSent) res.send(500, { error: 'internal error' });
  });
  return server;
}
