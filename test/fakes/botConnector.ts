// A local fake of the Bot Framework Connector REST API (the service at an activity's serviceUrl):
// the bot's replies, proactive posts and created conversations are captured for assertions.
// Speaks the real paths and shapes: POST /v3/conversations, POST /v3/conversations/:id/activities,
// POST|PUT /v3/conversations/:id/activities/:activityId, each answering a ResourceResponse.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedCall {
  method: string;
  path: string;
  conversationId?: string;
  /** The activity id replied to or updated (from the path). */
  activityId?: string;
  body: Record<string, unknown>;
  /** Authorization header sent by the bot (none in no-auth mode). */
  authorization?: string;
}

export interface FakeBotConnector {
  /** Base URL to put in an activity's serviceUrl. */
  url: string;
  calls: CapturedCall[];
  /** Activities the bot sent (replies and proactive posts), in order. */
  activities(conversationId?: string): Record<string, unknown>[];
  /** Resolves once `count` activities (optionally in one conversation) have arrived. */
  waitForActivities(count: number, conversationId?: string, timeoutMs?: number): Promise<Record<string, unknown>[]>;
  clear(): void;
  close(): Promise<void>;
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: CapturedCall[] = [];
  let next = 1;
  const waiters = new Set<() => void>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'invalid JSON' } }));
        return;
      }
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
        waiters.forEach((w) => w());
      };
      const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
      if (parts[0] !== 'v3' || parts[1] !== 'conversations') return send(404, { error: { code: 'NotFound', message: url.pathname } });
      if (req.method === 'POST' && parts.length === 2) {
        const id = `a:created-${next++}`;
        calls.push({ method: 'POST', path: url.pathname, body, authorization: auth });
        return send(201, { id, activityId: `act-${next++}`, serviceUrl: '' });
      }
      if (parts.length >= 4 && parts[3] === 'activities' && (req.method === 'POST' || req.method === 'PUT')) {
        calls.push({ method: req.method, path: url.pathname, conversationId: parts[2], activityId: parts[4], body, authorization: auth });
        return send(req.method === 'POST' ? 201 : 200, { id: `act-${next++}` });
      }
      return send(405, { error: { code: 'MethodNotAllowed', message: `${req.method} ${url.pathname}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const activities = (conversationId?: string) =>
    calls.filter((c) => c.conversationId && (!conversationId || c.conversationId === conversationId)).map((c) => c.body);

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    activities,
    waitForActivities(count, conversationId, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = activities(conversationId);
          if (found.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} activities${conversationId ? ` in ${conversationId}` : ''}, got ${activities(conversationId).length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    clear() {
      calls.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
