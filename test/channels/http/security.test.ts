import { Writable } from 'node:stream';
import type { Server } from 'restify';
import { createHttpServer } from '../../../channels/http/server';
import { createLogger } from '../../../services/logging/logger';
import { startTestApp } from '../../helpers/app';
import type { App } from '../../../index';

function captureLogs(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  return { lines, stream };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

describe('HTTP security defaults (bare server)', () => {
  const logs = captureLogs();
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createHttpServer({
      logger: createLogger('info', logs.stream),
      isReady: async () => true,
      maxBodyBytes: 2048,
      corsOrigins: ['https://portal.example-housing.org.uk'],
    });
    server.post('/echo', async (req, res) => {
      res.send(200, { got: req.body as unknown });
    });
    server.get('/bug', async () => {
      throw new Error('secret internal detail at /srv/app/x.ts:12');
    });
    server.get('/db-down', async () => {
      const err = new Error('connection 3 to 127.0.0.1:27017 closed');
      err.name = 'MongoNetworkError';
      throw err;
    });
    server.get('/staff', (_req, res, next) => {
      res.sendRaw(200, '<p>staff</p>', { 'Content-Type': 'text/html' });
      return next();
    });
    url = await listen(server);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends a CSP that allows only the app\'s own scripts and forbids framing outside /staff', async () => {
    const res = await fetch(`${url}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('lets Microsoft Teams frame the /staff tab and nothing else', async () => {
    const res = await fetch(`${url}/staff`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  it('gives no Access-Control-Allow-Origin to an origin that is not configured', async () => {
    const res = await fetch(`${url}/healthz`, { headers: { Origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${url}/echo`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a configured origin, including its preflight', async () => {
    const origin = 'https://portal.example-housing.org.uk';
    const res = await fetch(`${url}/healthz`, { headers: { Origin: origin } });
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    const preflight = await fetch(`${url}/echo`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('refuses a body over the limit with 413 and says why', async () => {
    const res = await fetch(`${url}/echo`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(5000) }) });
    expect(res.status).toBe(413);
    expect(JSON.stringify(await res.json())).toMatch(/exceeds/);
  });

  it('refuses malformed JSON with 400 and the parse reason, not 500', async () => {
    const res = await fetch(`${url}/echo`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text": ' });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/Invalid JSON/);
  });

  it('answers a genuine bug with 500 without the message or stack, and logs it', async () => {
    const res = await fetch(`${url}/bug`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/secret|\/srv|\.ts:|at /);
    expect(logs.lines.some((l) => l.includes('unhandled error in request') && l.includes('secret internal detail'))).toBe(true);
  });

  it('answers a database outage with 503 and Retry-After, so Twilio and Web Chat retry', async () => {
    const res = await fetch(`${url}/db-down`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.text()).not.toMatch(/27017/);
  });

  it('keeps 404 and 405 as clear client errors', async () => {
    expect((await fetch(`${url}/no-such-thing`)).status).toBe(404);
    expect((await fetch(`${url}/echo`, { method: 'PUT' })).status).toBe(405);
  });
});

describe('HTTP security defaults (whole app)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('keeps CORS closed when CORS_ORIGINS is not set', async () => {
    const res = await fetch(`${app.url}/healthz`, { headers: { Origin: 'https://portal.example-housing.org.uk' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
