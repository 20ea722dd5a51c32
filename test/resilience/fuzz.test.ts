// ≥ 10,000 malformed and hostile requests against the real app process: no 5xx, no crash, clear
// 4xx reasons, nothing injected into the database.
import net from 'node:net';
import { MongoClient, Document } from 'mongodb';
import { freePort } from '../../services/database/localMongo';
import { TEST_TWILIO } from '../helpers/sms';
import { spawnApp, AppProcess } from './harness';
import { generateRequest, prng, RAW_REQUESTS, FuzzContext } from './fuzz';

const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const CONCURRENCY = 12;
const STAFF_TOKEN = 'fuzz-staff-token-7b1e';

function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (d) => (data += d));
    socket.on('close', () => resolve(data));
    socket.on('error', () => resolve(data));
    socket.write(text);
  });
}

/** Keys starting with "$" anywhere in a stored document mean an operator got through as data. */
function operatorKeys(value: unknown, path = ''): string[] {
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => operatorKeys(v, `${path}[${i}]`));
  return Object.entries(value as Document).flatMap(([k, v]) => (k.startsWith('$') ? [`${path}.${k}`] : operatorKeys(v, `${path}.${k}`)));
}

describe('fuzzing every endpoint', () => {
  let app: AppProcess;
  const dbName = `fuzz_${Date.now()}`;
  const uri = () => `${String(process.env.TEST_MONGODB_URI).replace(/\/$/, '')}/${dbName}`;

  beforeAll(async () => {
    const port = await freePort();
    app = await spawnApp(
      {
        MONGODB_URI: uri(),
        LOG_LEVEL: 'warn',
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
        TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
        TWILIO_FROM_NUMBER: TEST_TWILIO.fromNumber,
        // Outbound texts go nowhere real: a closed loopback port.
        TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
        STAFF_API_TOKENS: STAFF_TOKEN,
      },
      port,
    );
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    const client = await MongoClient.connect(uri());
    await client.db(dbName).dropDatabase().catch(() => undefined);
    await client.close();
  });

  it(`survives ${TOTAL} hostile requests with no 5xx and a reason on every 4xx`, async () => {
    const ctx: FuzzContext = { publicBaseUrl: app.url, twilioAuthToken: TEST_TWILIO.authToken, twilioAccountSid: TEST_TWILIO.accountSid, staffToken: STAFF_TOKEN };
    const tokenRes = await fetch(`${app.url}/api/webchat/token`);
    if (tokenRes.status === 200) {
      const t = (await tokenRes.json()) as { token: string; conversationId: string };
      ctx.directLine = { token: t.token, conversationId: t.conversationId };
    }

    const rand = prng(SEED);
    const statuses = new Map<number, number>();
    const serverErrors: string[] = [];
    const silent4xx: string[] = [];
    let next = 0;
    const started = Date.now();
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        const req = generateRequest(rand, ctx, i);
        let status = 0;
        let text = '';
        try {
          const res = await fetch(`${app.url}${req.path}`, { method: req.method, headers: req.headers, body: req.body as BodyInit | undefined, signal: AbortSignal.timeout(15_000) });
          status = res.status;
          text = await res.text();
        } catch (err) {
          // A refused huge upload may be cut off by the server after its 413: that is not a crash.
          if (!/huge/.test(req.label)) serverErrors.push(`${req.label} ${req.method} ${req.path.slice(0, 120)} → network error ${(err as Error).message}`);
          continue;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        // Bot Framework protocol: an invoke the bot does not handle is answered 501 in the invoke
        // response (botbuilder's ActivityHandler default) — a protocol answer, not a failure.
        const unhandledInvoke = status === 501 && req.path === '/api/messages' && typeof req.body === 'string' && /"type":"invoke"/.test(req.body);
        if (status >= 500 && !unhandledInvoke) serverErrors.push(`${req.label} ${req.method} ${req.path.slice(0, 120)} → ${status} ${text.slice(0, 200)}`);
        if (status >= 400 && status < 500 && status !== 404 && status !== 405 && text.trim().length === 0) silent4xx.push(`${req.label} ${req.method} ${req.path.slice(0, 120)} → ${status}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const rawAnswers = [];
    for (const raw of RAW_REQUESTS) rawAnswers.push(await rawRequest(app.port, raw));
    const rawStatuses = rawAnswers.map((a) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(a)?.[1] ?? 0));

    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(
      `[resilience] fuzz: ${TOTAL} requests + ${RAW_REQUESTS.length} raw in ${seconds.toFixed(1)} s (seed ${SEED}); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; raw ${JSON.stringify(rawStatuses)}\n`,
    );
    const kinds = [...new Set(serverErrors.map((e) => e.replace(/^#\d+ \S+ /, '').replace(/\?.*? →/, ' →').replace(/conversations\/[^/ ]+/, 'conversations/:id').slice(0, 90)))];
    expect({ kinds: kinds.slice(0, 20), examples: serverErrors.slice(0, 5) }).toEqual({ kinds: [], examples: [] });
    expect(silent4xx.slice(0, 20)).toEqual([]);
    expect(rawStatuses.every((s) => s === 0 || s < 500)).toBe(true);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(TOTAL * 0.95);

    // Still alive and answering.
    expect(app.child.exitCode).toBeNull();
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);

    // Nothing injected: no stored document carries an operator key.
    const client = await MongoClient.connect(uri());
    try {
      const db = client.db(dbName);
      const injected: string[] = [];
      for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
        for await (const doc of db.collection(name).find({})) {
          for (const p of operatorKeys(doc)) injected.push(`${name}${p}`);
        }
      }
      expect(injected.slice(0, 20)).toEqual([]);
    } finally {
      await client.close();
    }
  }, 400_000);
});
